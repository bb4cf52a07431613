"""Relevance: which reports and sentences are about the story's keywords.

Keywords arrive in many shapes ("libya", "LibyaWar", "bpoil", "H1N1"). Each is turned into
search terms that actually occur in the collection: the keyword itself, its camel-case or
letter/digit parts, or a split of a compound into two known words. A term of three or more
letters matches as a word prefix ("libya" matches "Libyan"), and a word matches a term that
is the word plus an adjective ending ("Syria" matches "syrian", "Egypt" matches
"egyptian"); shorter terms match whole words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

CAMEL = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
MIN_PREFIX = 3
MIN_STEM = 4
ENDINGS = ("n", "an", "ian", "ese", "i", "s", "es")
WHOLE_SHARE = 0.2  # a keyword is used whole unless its parts are five times as frequent


def _parts(keyword: str) -> list[str]:
    parts = [p.lower() for p in CAMEL.findall(keyword)]
    return [p for p in parts if len(p) >= 2]


@dataclass(slots=True)
class KeywordMatcher:
    """Matches sentences (as lower-cased token sequences) against expanded keyword terms."""

    terms: tuple[str, ...]
    known: frozenset[str] = frozenset()  # words of the collection that match
    vocabulary: frozenset[str] = frozenset()  # words of the collection

    def matches(self, words: Iterable[str]) -> bool:
        for word in words:
            if word in self.known:
                return True
            if word not in self.vocabulary and any(term_matches(t, word) for t in self.terms):
                return True
        return False

    def __bool__(self) -> bool:
        return bool(self.terms)


def term_matches(term: str, word: str) -> bool:
    """Whether a (lower-case) word matches a search term."""
    if word == term:
        return True
    if len(term) < MIN_PREFIX:
        return False
    if word.startswith(term):
        return True
    return len(word) >= MIN_STEM and term.startswith(word) and term[len(word) :] in ENDINGS


def _frequency(term: str, vocabulary: Counter[str]) -> int:
    return sum(c for w, c in vocabulary.items() if term_matches(term, w))


def expand_keywords(keywords: Sequence[str], vocabulary: Counter[str]) -> KeywordMatcher:
    """Search terms for the keywords that occur in a collection with this word frequency.

    `vocabulary` counts lower-cased words (any tokenisation that keeps words whole).
    """
    terms: list[str] = []
    for keyword in keywords:
        whole = keyword.lower().strip()
        if not whole:
            continue
        parts = [p for p in _parts(keyword) if p != whole and _frequency(p, vocabulary) > 0]
        if not parts and len(whole) >= 4:
            parts = _compound_split(whole, vocabulary)
        alternative = sum(_frequency(p, vocabulary) for p in parts)
        if parts and _frequency(whole, vocabulary) < WHOLE_SHARE * alternative:
            terms.extend(parts)
        else:
            terms.append(whole)
    unique = tuple(dict.fromkeys(t for t in terms if t))
    known = frozenset(w for w in vocabulary if any(term_matches(t, w) for t in unique))
    return KeywordMatcher(unique, known, frozenset(vocabulary))


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
