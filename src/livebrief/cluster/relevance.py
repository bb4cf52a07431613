"""Relevance: which reports and sentences are about the story's keywords.

Keywords arrive in many shapes ("libya", "LibyaWar", "bpoil", "H1N1"). Each is turned into
search terms that actually occur in the collection: the keyword itself, its camel-case or
letter/digit parts, or a split of a compound into two known words. A term of three or more
letters matches as a word prefix ("libya" matches "Libyan"); shorter ones match whole words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

CAMEL = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
MIN_PREFIX = 3


def _parts(keyword: str) -> list[str]:
    parts = [p.lower() for p in CAMEL.findall(keyword)]
    return [p for p in parts if len(p) >= 2]


@dataclass(slots=True)
class KeywordMatcher:
    """Matches sentences (as lower-cased token sequences) against expanded keyword terms."""

    terms: tuple[str, ...]

    def matches(self, words: Iterable[str]) -> bool:
        for word in words:
            for term in self.terms:
                if word == term or (len(term) >= MIN_PREFIX and word.startswith(term)):
                    return True
        return False

    def __bool__(self) -> bool:
        return bool(self.terms)


def _frequency(term: str, vocabulary: Counter[str]) -> int:
    if len(term) < MIN_PREFIX:
        return vocabulary.get(term, 0)
    return sum(c for w, c in vocabulary.items() if w.startswith(term))


def expand_keywords(keywords: Sequence[str], vocabulary: Counter[str]) -> KeywordMatcher:
    """Search terms for the keywords that occur in a collection with this word frequency.

    `vocabulary` counts lower-cased words (any tokenisation that keeps words whole).
    """
    terms: list[str] = []
    for keyword in keywords:
        whole = keyword.lower().strip()
        if not whole:
            continue
        if _frequency(whole, vocabulary) > 0:
            terms.append(whole)
            continue
        found = [p for p in _parts(keyword) if p != whole and _frequency(p, vocabulary) > 0]
        if not found and len(whole) >= 4:
            found = _compound_split(whole, vocabulary)
        terms.extend(found)
    unique = tuple(dict.fromkeys(t for t in terms if t))
    return KeywordMatcher(unique)


def _compound_split(word: str, vocabulary: Counter[str]) -> list[str]:
    """Split "bpoil" into ["bp", "oil"] when both halves are words of the collection."""
    best: tuple[int, list[str]] | None = None
    for i in range(2, len(word) - 1):
        left, right = word[:i], word[i:]
        a, b = vocabulary.get(left, 0), vocabulary.get(right, 0)
        if a and b and (best is None or min(a, b) > best[0]):
            best = (min(a, b), [left, right])
    return best[1] if best else []


def word_counts(token_lists: Iterable[Sequence[str]]) -> Counter[str]:
    """How often each word occurs over token sequences."""
    counts: Counter[str] = Counter()
    for toks in token_lists:
        counts.update(toks)
    return counts


def report_relevance(flags: Sequence[bool], lead: int = 5) -> float:
    """Share of a report's sentences that match, its lead counting double."""
    if not flags:
        return 0.0
    weights = [2.0 if i < lead else 1.0 for i in range(len(flags))]
    hit = sum(w for w, f in zip(weights, flags, strict=True) if f)
    return hit / sum(weights)
