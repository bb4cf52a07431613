"""Lexical vectors: tokens, TF-IDF with numpy/scipy, cosine similarity."""

from __future__ import annotations

import math
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache

import numpy as np
from scipy import sparse

WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")

STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "almost",
        "also",
        "although",
        "always",
        "am",
        "among",
        "an",
        "and",
        "another",
        "any",
        "anyone",
        "anything",
        "are",
        "around",
        "as",
        "at",
        "away",
        "back",
        "be",
        "became",
        "because",
        "become",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "cannot",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "done",
        "down",
        "during",
        "each",
        "either",
        "else",
        "enough",
        "even",
        "ever",
        "every",
        "few",
        "for",
        "from",
        "further",
        "get",
        "gets",
        "got",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "however",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "least",
        "less",
        "like",
        "made",
        "make",
        "many",
        "may",
        "me",
        "might",
        "more",
        "most",
        "much",
        "must",
        "my",
        "myself",
        "neither",
        "never",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "often",
        "on",
        "once",
        "one",
        "only",
        "onto",
        "or",
        "other",
        "others",
        "otherwise",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "per",
        "perhaps",
        "quite",
        "rather",
        "really",
        "said",
        "same",
        "say",
        "says",
        "see",
        "seem",
        "seemed",
        "several",
        "she",
        "should",
        "since",
        "so",
        "some",
        "something",
        "still",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "though",
        "through",
        "thus",
        "to",
        "too",
        "toward",
        "towards",
        "under",
        "until",
        "up",
        "upon",
        "us",
        "very",
        "via",
        "was",
        "we",
        "well",
        "were",
        "what",
        "whatever",
        "when",
        "where",
        "whether",
        "which",
        "while",
        "who",
        "whom",
        "whose",
        "why",
        "will",
        "with",
        "within",
        "without",
        "would",
        "yet",
        "you",
        "your",
        "yours",
        "yourself",
        "also",
        "mr",
        "mrs",
        "ms",
        "s",
        "t",
    ]
)


@lru_cache(maxsize=300_000)
def tokens(text: str) -> tuple[str, ...]:
    """Lower-cased content words of a text, stop-words and single characters removed."""
    words = WORD.findall(text.lower().replace("\u2019", "'"))
    out = []
    for w in words:
        if w.endswith("'s"):
            w = w[:-2]
        if len(w) > 1 and w not in STOPWORDS:
            out.append(sys.intern(w))  # one string per word, however many sentences use it
    return tuple(out)


class Tfidf:
    """A TF-IDF space fitted on a collection of token sequences (smoothed idf, l2 rows)."""

    def __init__(self, documents: Iterable[Sequence[str]], min_df: int = 1) -> None:
        df: Counter[str] = Counter()
        n = 0
        for doc in documents:
            df.update(set(doc))
            n += 1
        self.n_documents = n
        kept = sorted(t for t, c in df.items() if c >= min_df)
        self.vocabulary: dict[str, int] = {t: i for i, t in enumerate(kept)}
        self.idf = np.array([math.log((1 + n) / (1 + df[t])) + 1.0 for t in kept])

    def transform(self, documents: Sequence[Sequence[str]]) -> sparse.csr_matrix:
        """Rows of l2-normalised TF-IDF weights, one per document."""
        indptr = [0]
        indices: list[int] = []
        data: list[float] = []
        vocab = self.vocabulary
        for doc in documents:
            counts = Counter(vocab[t] for t in doc if t in vocab)
            indices.extend(counts)
            data.extend(counts.values())
            indptr.append(len(indices))
        matrix = sparse.csr_matrix(
            (np.array(data, dtype=np.float64), np.array(indices, dtype=np.int64), indptr),
            shape=(len(documents), len(vocab)),
        )
        matrix = matrix.multiply(self.idf).tocsr()
        return normalize_rows(matrix)


def normalize_rows(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    """Scale each row to unit length (empty rows stay empty)."""
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)


def centroid(matrix: sparse.csr_matrix) -> np.ndarray:
    """The unit-length mean of a set of rows."""
    vec = np.asarray(matrix.mean(axis=0)).ravel()
    norm = np.linalg.norm(vec)
    return vec / norm if norm > 0 else vec


def cosine_to(matrix: sparse.csr_matrix, vector: np.ndarray) -> np.ndarray:
    """Cosine of each (unit) row with a unit vector."""
    return np.asarray(matrix @ vector).ravel()
