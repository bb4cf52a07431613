"""Grouping: sentences about one happening on one date become one development.

Sentences are joined by average-linkage agglomerative clustering over cosine distance of
their vectors (TF-IDF, or embeddings when an embedder is given). When enrichment has found
them, shared entities (the same town, person or body) and shared figures (the same death
toll) pull sentences together.
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Sequence

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

DISTANCE = 0.8  # average cosine distance under which sentences belong together
ENTITY_WEIGHT = 0.2  # similarity added at full overlap of two sentences' entities
FIGURE_WEIGHT = 0.2  # similarity added when two sentences give the same figure


def similarity_matrix(vectors: np.ndarray) -> np.ndarray:
    """Pairwise cosine similarity of unit rows (dense)."""
    sim = vectors @ vectors.T
    np.clip(sim, 0.0, 1.0, out=sim)
    return sim


def with_anchors(
    similarity: np.ndarray,
    entities: Sequence[Collection[str]],
    figures: Sequence[Collection[Hashable]],
) -> np.ndarray:
    """Similarity raised for sentences that share entities or a figure.

    Entities count by their weighted overlap (Jaccard with IDF weights over these
    sentences), so the story's ever-present names ("Russia", "Ukraine") pull little and a
    town or person named by few sentences pulls hard.
    """
    n = similarity.shape[0]
    if n < 2 or not (any(entities) or any(figures)):
        return similarity
    out = similarity.copy()
    ent = _incidence(entities)
    idf = np.log((1.0 + n) / (1.0 + ent.sum(axis=0)))
    weighted = ent * idf
    shared = weighted @ ent.T
    sizes = weighted.sum(axis=1)
    union = sizes[:, None] + sizes[None, :] - shared
    out += ENTITY_WEIGHT * np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)
    fig = _incidence(figures)
    out += FIGURE_WEIGHT * ((fig @ fig.T) > 0)
    np.clip(out, 0.0, 1.0, out=out)
    return out


def _incidence(sets: Sequence[Collection[Hashable]]) -> np.ndarray:
    """Rows: items; columns: distinct members; 1.0 where an item has the member."""
    columns: dict[Hashable, int] = {}
    for members in sets:
        for m in members:
            columns.setdefault(m, len(columns))
    matrix = np.zeros((len(sets), max(1, len(columns))))
    for row, members in enumerate(sets):
        for m in members:
            matrix[row, columns[m]] = 1.0
    return matrix


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
