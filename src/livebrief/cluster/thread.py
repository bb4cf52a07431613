"""Threads: developments that continue a happening of an earlier day share a key."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import numpy as np

THREAD_SIMILARITY = 0.35


def assign_threads(days: Sequence[date], similarity: np.ndarray) -> list[str]:
    """A thread key per development, given each one's day and their pairwise similarity.

    Walking the developments in chronological order, each joins the thread of the most
    similar earlier-day development when the cosine reaches THREAD_SIMILARITY, and starts
    a new thread (keyed by its day and rank) otherwise.
    """
    order = sorted(range(len(days)), key=lambda i: (days[i], i))
    keys = [""] * len(days)
    rank_on_day: dict[date, int] = {}
    done: list[int] = []
    for i in order:
        earlier = [j for j in done if days[j] < days[i]]
        best = max(earlier, key=lambda j: similarity[i, j], default=None)
        if best is not None and similarity[i, best] >= THREAD_SIMILARITY:
            keys[i] = keys[best]
        else:
            rank_on_day[days[i]] = rank_on_day.get(days[i], 0) + 1
            keys[i] = f"{days[i].isoformat()}-{rank_on_day[days[i]]}"
        done.append(i)
    return keys
