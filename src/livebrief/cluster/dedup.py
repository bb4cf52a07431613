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


def _shingle_hashes(normal: str, size: int) -> np.ndarray:
    """The text's word shingles as sorted, distinct 64-bit hashes (CRC32 of each word,
    combined over `size` consecutive words); two different shingles sharing a hash are as
    likely as 1 in 2**64."""
    words = normal.encode("utf-8").split()
    if not words:
        return np.empty(0, dtype=np.uint64)
    w = np.fromiter(map(zlib.crc32, words), dtype=np.uint64, count=len(words))
    n = max(1, len(w) - size + 1)
    h = w[:n].copy()
    for k in range(1, min(size, len(w))):
        h = (h * _MIX) ^ w[k : k + n]
    return np.unique(h)


_MIX = np.uint64(1_000_003)
_LOW32 = np.uint64(0xFFFFFFFF)


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
    template = MinHash(num_perm=num_perm, seed=1)  # its permutations, made once
    sets: dict[int, np.ndarray] = {}  # each text's shingle hashes, sorted
    for i, text in enumerate(texts):
        normal = normal_form(text)
        key = exact_key(text, normal=normal)
        if key in first_by_key:
            groups.union(first_by_key[key], i)
            continue
        first_by_key[key] = i
        hashes = _shingle_hashes(normal, shingle)
        if not len(hashes):
            continue
        mh = MinHash(
            num_perm=num_perm,
            seed=1,
            hashfunc=int,  # the items are hashes already
            permutations=template.permutations,
            scheme=template.scheme,
        )
        mh.update_batch((hashes & _LOW32).tolist())
        for other in lsh.query(mh):
            j = int(other)
            shared = len(np.intersect1d(sets[j], hashes, assume_unique=True))
            if shared >= threshold * min(len(sets[j]), len(hashes)):
                groups.union(j, i)
        lsh.insert(str(i), mh)
        sets[i] = hashes
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
