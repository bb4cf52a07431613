"""Threads between bullets: which earlier-day bullet a bullet continues.

The rule is the one of `livebrief.cluster.thread`: a bullet continues a bullet of an earlier
day when their TF-IDF cosine reaches THREAD_SIMILARITY; of several, the one of the latest day
(the previous instalment), and of that day the most similar. Only the
LOOKBACK_DAYS before a bullet's day are searched, and similarities are computed a block of
bullets at a time, so a briefing of thousands of days stays fast and small in memory.
Rejected bullets are never linked, in either direction. Credit clauses ("Reuters and AFP
reported") and bare numbers are left out of the comparison: the first say who reported, not
what happened, and figures change from one day to the next. Words are lightly stemmed so that
"talks" meets "talk" and "resumed" meets "resumes".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

import numpy as np

from livebrief.cluster.thread import THREAD_SIMILARITY
from livebrief.cluster.vectors import Tfidf, tokens
from livebrief.model import Bullet, BulletState, Day

LOOKBACK_DAYS = 14
BLOCK = 512  # bullets compared at a time against their look-back window
_CREDIT_WORDS = frozenset({"reported", "reporting", "according"})
_NAME = r"(?:[A-Z0-9][\w.&'’-]*|via|of|de|the)"
_CREDIT_CLAUSE = re.compile(rf",\s+{_NAME}(?:(?:\s+|,\s+|\s+and\s+){_NAME})*\s+reported\b")
_NUMBER = re.compile(r"[\d,.]+$")  # figures change from day to day; they name no happening


@dataclass(frozen=True, slots=True)
class ThreadLink:
    """Bullet `bullet` of `days[day]` continues bullet `earlier_bullet` of `days[earlier_day]`."""

    day: int
    bullet: int
    earlier_day: int
    earlier_bullet: int
    similarity: float


def thread_links(
    days: Sequence[Day],
    *,
    lookback: int = LOOKBACK_DAYS,
    threshold: float = THREAD_SIMILARITY,
) -> list[ThreadLink]:
    """For each bullet that continues one of an earlier day, a link to it (positions in `days`).

    Days may come in any order and share dates; a bullet only ever links to one of a strictly
    earlier date, at most `lookback` days before. Bullets without usable text are ignored.
    """
    entries = _entries(days)
    if len(entries) < 2:
        return []
    entries.sort(key=lambda e: (e[0], e[1], e[2]))
    ordinals = np.array([e[0] for e in entries], dtype=np.int64)
    docs = [e[3] for e in entries]
    matrix = Tfidf(docs).transform(docs)
    links: list[ThreadLink] = []
    for start in range(0, len(entries), BLOCK):
        stop = min(start + BLOCK, len(entries))
        rows = ordinals[start:stop]
        lo = int(np.searchsorted(ordinals, rows[0] - lookback, side="left"))
        hi = int(np.searchsorted(ordinals, rows[-1], side="left"))
        if hi <= lo:
            continue
        cols = ordinals[lo:hi]
        sims = (matrix[start:stop] @ matrix[lo:hi].T).toarray()
        allowed = (cols[None, :] < rows[:, None]) & (cols[None, :] >= rows[:, None] - lookback)
        sims[~allowed] = -1.0
        # the latest earlier day with a close enough bullet, and its closest bullet: the
        # previous instalment, not the first (a similarity adds less than a day)
        close = sims >= threshold
        keyed = np.where(close, cols[None, :] + 0.5 * sims, -np.inf)
        best = np.argmax(keyed, axis=1)
        scores = sims[np.arange(len(rows)), best]
        for r in np.flatnonzero(close.any(axis=1)):
            here, there = entries[start + int(r)], entries[lo + int(best[r])]
            links.append(ThreadLink(here[1], here[2], there[1], there[2], float(scores[r])))
    return links


def _entries(days: Sequence[Day]) -> list[tuple[int, int, int, tuple[str, ...]]]:
    """(date ordinal, day index, bullet index, content tokens) of every linkable bullet."""
    out: list[tuple[int, int, int, tuple[str, ...]]] = []
    for d, day in enumerate(days):
        when = getattr(day, "date", None)
        if isinstance(when, datetime):
            when = when.date()
        if not isinstance(when, date):
            continue
        for b, bullet in enumerate(getattr(day, "bullets", None) or []):
            words = _content(bullet)
            if words:
                out.append((when.toordinal(), d, b, words))
    return out


def _content(bullet: Bullet) -> tuple[str, ...]:
    """The words a bullet's happening is compared on: no credits, nothing if rejected."""
    text = getattr(bullet, "text", None)
    if not isinstance(text, str) or getattr(bullet, "state", None) == BulletState.REJECTED:
        return ()
    for outlet in getattr(bullet, "outlets", None) or []:
        if isinstance(outlet, str) and outlet.strip():
            text = re.sub(re.escape(outlet.strip()), " ", text, flags=re.IGNORECASE)
    text = _CREDIT_CLAUSE.sub(" ", text)  # credits of imported bullets, which name no outlets
    return tuple(_stem(w) for w in tokens(text) if w not in _CREDIT_WORDS and not _NUMBER.match(w))


_SUFFIXES = (
    ("ies", "y"),
    ("ations", ""),
    ("ation", ""),
    ("ators", ""),
    ("ator", ""),
    ("ate", ""),
    ("ings", ""),
    ("ing", ""),
    ("ions", ""),
    ("ion", ""),
    ("ers", ""),
    ("er", ""),
    ("ed", ""),
    ("es", ""),
    ("s", ""),
    ("e", ""),
)


@lru_cache(maxsize=100_000)
def _stem(word: str) -> str:
    """A light stem, enough for "talks", "talk" and "resumed", "resumes" to meet.

    Only for matching: the result need not be a word. Short words, names with digits and
    words ending in -ss, -us, -is keep their ending.
    """
    if len(word) <= 4 or not word.isalpha() or word.endswith(("ss", "us", "is")):
        return word
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)] + replacement
            break
    if len(word) >= 5 and word[-1] == word[-2] and word[-1] not in "lsaeiou":
        word = word[:-1]  # stopped -> stop, planned -> plan
    return word
