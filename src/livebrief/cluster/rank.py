"""Ranking: which dates matter, and which developments matter most on a date.

A date is important when many independent sources refer to it, above all from reports
published later, and on many later days (people keep coming back to it: a turning point is
still named weeks on, a one-day story only the day after), and when many reports appear on it.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from livebrief.cluster.pool import Pool


@dataclass(slots=True)
class DateEvidence:
    """How much the collection says about one date."""

    day: date
    mention_sentences: int = 0  # distinct sentences naming it (one per source)
    mention_sources: int = 0  # independent sources naming it
    later_sentences: int = 0  # distinct sentences referring back to it from later reports
    later_sources: int = 0  # independent sources referring back to it later
    published_sources: int = 0  # independent sources published that day
    later_days: int = 0  # distinct later days on which reports refer back to it

    @property
    def score(self) -> float:
        return math.log1p(self.mention_sources) + 0.5 * (
            math.log1p(self.later_sources)
            + math.log1p(self.later_sentences)
            + math.log1p(self.published_sources)
            + math.log1p(self.later_days)
        )


def date_evidence(pool: Pool, days: Iterable[date] | None = None) -> dict[date, DateEvidence]:
    """Evidence for every date the pool can speak for (or only for `days`)."""
    wanted = set(days) if days is not None else set(pool.references) | set(pool.published)
    result: dict[date, DateEvidence] = {}
    for day in wanted:
        ev = DateEvidence(day)
        mentioned = pool.references.get(day, [])
        sentence_keys = {(pool.candidates[i].source, pool.candidates[i].key) for i in mentioned}
        ev.mention_sentences = len(sentence_keys)
        sources = {pool.candidates[i].source for i in mentioned}
        ev.mention_sources = len(sources)
        later = [pool.candidates[i] for i in mentioned if pool.candidates[i].published > day]
        ev.later_sentences = len({(c.source, c.key) for c in later})
        ev.later_sources = len({c.source for c in later})
        ev.later_days = len({c.published for c in later})
        ev.published_sources = len({pool.candidates[i].source for i in pool.published.get(day, [])})
        if ev.mention_sentences or ev.published_sources:
            result[day] = ev
    return result


NEIGHBOUR_WEIGHT = 0.3


def rank_dates(evidence: dict[date, DateEvidence]) -> list[date]:
    """Dates, most important first (ties: earlier first).

    A date whose neighbours are referred to heavily loses a little: references are often a
    day off ("overnight", time zones), and the peak is the date that matters.
    """

    def neighbours(day: date) -> int:
        return sum(
            evidence[d].mention_sources
            for d in (day - timedelta(days=1), day + timedelta(days=1))
            if d in evidence
        )

    score = {d: e.score - NEIGHBOUR_WEIGHT * math.log1p(neighbours(d)) for d, e in evidence.items()}
    return sorted(evidence, key=lambda d: (-score[d], d))


SALIENCE_WEIGHT = 0.25  # a development naming the day's most salient entity gains this share
FIGURE_WEIGHT = 0.15  # a development that gives a figure (deaths, troops, displaced…) gains this


def entity_shares(
    entities: Sequence[Collection[str]], sources: Sequence[int], total: int | None = None
) -> dict[str, float]:
    """For each entity, the share of independent sources that name it (of `total`
    sources, by default of those given)."""
    named: dict[str, set[int]] = defaultdict(set)
    for names, source in zip(entities, sources, strict=True):
        for name in names:
            named[name].add(source)
    count = max(1, total if total is not None else len(set(sources)))
    return {name: min(1.0, len(s) / count) for name, s in named.items()}


def entity_salience(
    entities: Sequence[Collection[str]], sources: Sequence[int], around: Mapping[str, float]
) -> dict[str, float]:
    """How much each entity named on a day stands out: the share of the day's sources that
    name it, times how rare it is in the reports around the day (`around`: their
    `entity_shares`). The town taken today scores high; the country at war, named every
    day, scores near zero."""
    today = entity_shares(entities, sources)
    return {
        name: share * -math.log(around.get(name, share) or 1.0) for name, share in today.items()
    }


def development_weight(salience: float, top_salience: float, has_figure: bool) -> float:
    """Multiplier on a development's score for the salience of its entities (relative to
    the day's most salient development) and for giving a figure."""
    relative = salience / top_salience if top_salience > 0 else 0.0
    return 1.0 + SALIENCE_WEIGHT * relative + (FIGURE_WEIGHT if has_figure else 0.0)
