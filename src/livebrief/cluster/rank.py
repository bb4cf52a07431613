"""Ranking: which dates matter, and which developments matter most on a date.

A date is important when many independent sources refer to it, above all from reports
published later, and on many later days (people keep coming back to it: a turning point is
still named weeks on, a one-day story only the day after), and when many reports appear on it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
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
