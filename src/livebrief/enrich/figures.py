"""Figures: counts of people and things in a sentence, with who claims them.

A figure is a number ("at least 31", "1.5 million", "between 20 and 30", "dozens") that
counts something a briefing tracks: killed, wounded, missing, displaced, evacuated,
troops, flights, prisoners, arrested, protesters, buildings, casualties, cases. What is
counted comes from the words around the number ("killing 12", "30 people were wounded",
"the death toll rose to 41", "5,000 troops"); the claimant from the sentence's
attribution ("the ministry said", "according to the UN", "officials say").
Years, dates, times, ages, money, percentages, measures and identifiers are not figures.
Vague amounts keep their words and get a coded range: "dozens" 24-99, "scores" 40-99,
"hundreds" 200-999, "thousands" 2,000-9,999, "tens of thousands" 20,000-99,999, ...

The parts: ``numbers`` (number expressions and what is not a figure), ``figure_counts`` (what
a number counts) and ``figure_claimants`` (who claims it); this module puts them together.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime

from livebrief.enrich.dates import find_dates, local_date
from livebrief.enrich.figure_claimants import Claim, claimant_of, find_claims
from livebrief.enrich.figure_counts import Counted, bare_after, pronoun_number, what_is_counted
from livebrief.enrich.numbers import (
    PREFILTER,
    not_a_figure,
    number_matches,
    parse_number,
    value_range,
)
from livebrief.model import DatePrecision, EventDate, Figure, Span

__all__ = ["find_figures", "parse_number"]

_INHERIT_BEFORE = re.compile(
    r"(?:\b(?:said|say|says|put\s+(?:it|the\s+\w+)\s+at|estimated|estimate|from|to|with|"
    r"compared\s+with|versus|vs\.?|while|against|and|or|another|plus|including|among\s+them|"
    r"of\s+whom|of\s+them)|--|—|–|:|,)\s*$",
    re.I,
)


def find_figures(
    sentence: str,
    *,
    published: datetime | None = None,
    speakers: Sequence[str] = (),
) -> list[Figure]:
    """The figures of ``sentence``, each with what it counts and who claims it."""
    if not PREFILTER.search(sentence):
        return []
    figures: list[Figure] = []
    claims: list[Claim] | None = None
    dates: list[EventDate] | None = None
    base: date | None = local_date(published) if published else None
    for m in number_matches(sentence):
        if not_a_figure(sentence, m):
            continue
        counted = what_is_counted(sentence, m.start(), m.end())
        if counted is not None and pronoun_number(sentence, m):
            counted = None  # "one has seen him dead", "those two have been killing"
        if (counted is None or counted.what is None) and figures:
            gap = sentence[figures[-1].span.end if figures[-1].span else 0 : m.start()]
            if _INHERIT_BEFORE.search(gap) and bare_after(sentence, m.end()):
                unit = counted.unit if counted else figures[-1].unit
                counted = Counted(figures[-1].what, unit)  # "police said 2,000, others 10,000"
        if counted is None or counted.what is None:
            continue
        low, high, vague = value_range(m, sentence)
        if low is None:
            continue
        if claims is None:
            claims = find_claims(sentence)
        claimant = claimant_of(sentence, claims, m.start(), m.end())
        if claimant is None and speakers:
            claimant = speakers[0]  # "he said": the speaker attribution found
        if dates is None:
            dates = find_dates(sentence, published) if published else []
        figures.append(
            Figure(
                what=counted.what,
                low=low,
                high=high,
                qualifier=" ".join(m["qual"].lower().split()) if m["qual"] else None,
                unit=counted.unit,
                claimant=claimant,
                as_of=_as_of(dates, m.start(), base),
                vague=vague,
                span=Span(m.start(), m.end(), m.group()),
            )
        )
    return figures


def _as_of(dates: list[EventDate], at: int, base: date | None) -> date | None:
    """The nearest explicit day-precision date within reach, else the publication date."""
    best: tuple[int, date] | None = None
    for d in dates:
        if d.precision is not DatePrecision.DAY or d.scheduled or d.evidence is None:
            continue
        dist = min(abs(d.evidence.start - at), abs(at - d.evidence.end))
        if dist <= 60 and (best is None or dist < best[0]):
            best = (dist, d.date)
    return best[1] if best else base
