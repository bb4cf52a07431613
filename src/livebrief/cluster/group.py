"""Grouping: sentences about one happening on one date become one development.

Sentences are joined by average-linkage agglomerative clustering over cosine distance of
their vectors (TF-IDF, or embeddings when an embedder is given). Shared named words
(capitalised tokens such as places and people) pull sentences together.
"""

from __future__ import annotations

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

DISTANCE = 0.8  # average cosine distance under which sentences belong together


def similarity_matrix(vectors: np.ndarray) -> np.ndarray:
    """Pairwise cosine similarity of unit rows (dense)."""
    sim = vectors @ vectors.T
    np.clip(sim, 0.0, 1.0, out=sim)
    return sim


def group_sentences(similarity: np.ndarray, distance: float = DISTANCE) -> list[list[int]]:
    """Clusters of row indexes, largest first; each cluster's members in index order."""
    n = similarity.shape[0]
    if n == 0:
        return []
    if n == 1:
        return [[0]]
    dist = 1.0 - similarity
    np.fill_diagonal(dist, 0.0)
    dist = (dist + dist.T) / 2.0
    tree = linkage(squareform(dist, checks=False), method="average")
    labels = fcluster(tree, t=distance, criterion="distance")
    clusters: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        clusters.setdefault(int(label), []).append(i)
    return sorted(clusters.values(), key=lambda c: (-len(c), c[0]))
