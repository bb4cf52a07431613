"""Exact and near duplicates: wire copy republished by many outlets is one source.

Reports are compared by MinHash over word shingles with locality-sensitive hashing
(datasketch). Each report gets a *source group*: reports in one group are copies of each
other and count once as independent evidence, while every one of them stays citable.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Sequence

import numpy as np
from datasketch import MinHash, MinHashLSH

NORMAL = re.compile(r"[^a-z0-9]+")


def normal_form(text: str) -> str:
    """Lower-case alphanumerics separated by single spaces."""
    return NORMAL.sub(" ", text.lower()).strip()


def exact_key(text: str, *, normal: str | None = None) -> str:
    """A key equal for texts that differ only in case, spacing and punctuation."""
    norm = normal if normal is not None else normal_form(text)
    return hashlib.blake2b(norm.encode("utf-8"), digest_size=12).hexdigest()


def _shingles(normal: str, size: int) -> set[bytes]:
    words = normal.split()
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def _digests(shingles: set[bytes]) -> np.ndarray:
    """A set of shingles as its sorted 64-bit hashes (computed already by the set): a
    compact stand-in for comparing sets, where two equal hashes of different shingles
    are as likely as 1 in 2**64."""
    return np.sort(np.fromiter((hash(s) for s in shingles), dtype=np.int64, count=len(shingles)))


class _Groups:
    """Union-find over item indexes."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def duplicate_groups(
    texts: Sequence[str],
    *,
    threshold: float = 0.7,
    num_perm: int = 64,
    shingle: int = 3,
) -> list[int]:
    """A group id per text: equal ids for exact or near duplicates.

    Near duplicates share at least `threshold` of the word shingles of the shorter text
    (a copy with a new dateline or an added paragraph still counts). MinHash LSH finds the
    candidates, exact shingle sets confirm them. The id of a group is the index of its
    first member, so singletons keep their own index.
    """
    groups = _Groups(len(texts))
    first_by_key: dict[str, int] = {}
    lsh = MinHashLSH(threshold=threshold * 0.6, num_perm=num_perm)
    sets: dict[int, np.ndarray] = {}  # each text's shingles as sorted 64-bit digests
    for i, text in enumerate(texts):
        normal = normal_form(text)
        key = exact_key(text, normal=normal)
        if key in first_by_key:
            groups.union(first_by_key[key], i)
            continue
        first_by_key[key] = i
        shingles = _shingles(normal, shingle)
        if not shingles:
            continue
        mh = MinHash(num_perm=num_perm, seed=1, hashfunc=zlib.crc32)
        mh.update_batch(list(shingles))
        digests = _digests(shingles)
        for other in lsh.query(mh):
            j = int(other)
            shared = len(np.intersect1d(sets[j], digests, assume_unique=True))
            if shared >= threshold * min(len(sets[j]), len(digests)):
                groups.union(j, i)
        lsh.insert(str(i), mh)
        sets[i] = digests
    return [groups.find(i) for i in range(len(texts))]


def independent_count(group_ids: Sequence[int]) -> int:
    """How many independent sources a set of items represents."""
    return len(set(group_ids))


def near_repeats(similarity: np.ndarray, threshold: float) -> list[int]:
    """Greedy pass over items in order: indexes kept, dropping any too close to a kept one."""
    kept: list[int] = []
    for i in range(similarity.shape[0]):
        if all(similarity[i, j] < threshold for j in kept):
            kept.append(i)
    return kept
