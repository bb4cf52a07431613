"""Threads: developments that continue a happening of an earlier day share a key."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np

THREAD_SIMILARITY = 0.35


def assign_threads(days: Sequence[date], similarity: np.ndarray) -> list[str]:
    """A thread key per development, given each one's day and their pairwise similarity.

    Walking the developments in chronological order, each joins the thread of an earlier-day
    development whose cosine reaches THREAD_SIMILARITY (of several, one of the latest day,
    and of that day the most similar), and starts a new thread (keyed by its day and rank)
    otherwise.
    """
    order = sorted(range(len(days)), key=lambda i: (days[i], i))
    keys = [""] * len(days)
    rank_on_day: dict[date, int] = {}
    done: list[int] = []
    for i in order:
        close = [j for j in done if days[j] < days[i] and similarity[i, j] >= THREAD_SIMILARITY]
        best = max(close, key=lambda j: (days[j], similarity[i, j]), default=None)
        if best is not None:
            keys[i] = keys[best]
        else:
            rank_on_day[days[i]] = rank_on_day.get(days[i], 0) + 1
            keys[i] = f"{days[i].isoformat()}-{rank_on_day[days[i]]}"
        done.append(i)
    return keys
