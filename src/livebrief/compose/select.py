"""From many reports to the few developments that matter, day by day.

The one selection used both for live briefings and for timeline summarization:

1. pool: relevant sentences with their dates (explicit mentions, else the lead of a report
   for its publication day), duplicate reports grouped into one source;
2. rank dates by how much independent evidence refers to them;
3. on each date, keep the sentences close to what the date is about, group them into
   developments, rank developments by independent sources and size, the salience of the
   entities they name (today's town over the story's ever-present country) and whether
   they give a figure, and rank each one's sentences by centrality and self-containedness,
   never repeating an earlier choice.

Which bullet of a later day continues which earlier one is worked out on the published
bullets (`compose.threads`).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

import numpy as np
from scipy import sparse

from livebrief.cluster import choose, group, rank
from livebrief.cluster.pool import Candidate, Pool, build_pool
from livebrief.cluster.vectors import Tfidf
from livebrief.compose.clean import strip_furniture
from livebrief.model import Development, Report, Sentence

MIN_SOURCES = 2  # evidence a date needs when the number of dates is not fixed
REPEAT = 0.5  # cosine above which a sentence repeats one chosen for another date
MAX_CANDIDATES = 400  # per date, after filtering by closeness to the date's content
PROFILE_WEIGHT = 0.5  # sentence centrality: share of closeness to the whole date's content
MENTION_BONUS = 0.1  # for a sentence that names the date itself
SUPPORT_SIMILARITY = 0.4  # a sentence this close from another source supports it
EMBEDDED_SUPPORT = 0.65  # the same with embeddings, whose cosines run higher
EMBEDDED_DISTANCE = 0.55  # grouping threshold with embeddings
SUPPORT_WEIGHT = 0.2
DEV_CLOSENESS = 0.0  # weight of a development's closeness to the date's content in its rank
SALIENCE_WINDOW = 1  # days each side whose reports tell which entities are everyday
OFF_TOPIC = 0.5  # weight of a sentence without the story's keywords (when they are in use)


@dataclass(frozen=True, slots=True)
class Selection:
    """How selection reads the evidence; the two uses differ only in these settings.

    A timeline keeps only well-evidenced dates and, on each, the sentences closest to what
    the date is about; a live briefing keeps every day a source speaks about and every
    development on it, and puts an undated report under its publication day only.
    """

    min_sources: int = MIN_SOURCES  # evidence a date needs when n_dates is not fixed
    focus: bool = True  # keep only sentences above the knee of closeness to the date
    previous_day: bool = True  # an undated lead also stands, weakly, for the day before
    scheduled: bool = True  # a future event stands for its own date, not the day reported


TIMELINE = Selection()
BRIEFING = Selection(min_sources=1, focus=False, previous_day=False, scheduled=False)


class Embedder(Protocol):
    """Turns sentences into unit vectors (rows)."""

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


@dataclass(slots=True)
class _Day:
    day: date
    developments: list[Development]


def select_developments(
    reports: Sequence[Report],
    sentences: Mapping[int, Sequence[Sentence]],
    *,
    keywords: Sequence[str] = (),
    n_dates: int | None = None,
    per_date: int = 5,
    dates: Collection[date] | None = None,
    embedder: Embedder | None = None,
    options: Selection = TIMELINE,
    timezone: str = "UTC",
) -> list[tuple[date, list[Development]]]:
    """The most important dates, chronologically, each with its ranked developments.

    `sentences` maps a report id to its analysed sentences. `n_dates` None keeps every
    date with evidence from at least MIN_SOURCES independent sources; `dates` restricts
    the dates that may be chosen; `timezone` is the story's, for resolving relative dates.
    """
    pool = build_pool(
        reports,
        sentences,
        keywords=keywords,
        dates=dates,
        scheduled=options.scheduled,
        timezone=timezone,
    )
    if not pool.candidates:
        return []
    if not options.previous_day:
        pool.previous_day = {}
    evidence = rank.date_evidence(pool)
    space = Tfidf(c.words for c in pool.candidates)
    around = _Surroundings(pool)
    chosen: list[sparse.csr_matrix] = []
    days: list[_Day] = []
    for day in rank.rank_dates(evidence):
        if n_dates is not None and len(days) >= n_dates:
            break
        ev = evidence[day]
        if n_dates is None and max(ev.mention_sources, ev.published_sources) < options.min_sources:
            continue
        picked = _developments_for(
            day, pool, space, per_date, chosen, embedder, options.focus, around
        )
        if picked.developments:
            days.append(picked)
    return [(d.day, d.developments) for d in sorted(days, key=lambda d: d.day)]


class _Surroundings:
    """The entities each sentence of the pool names (`entities`, by candidate index), and
    which of them the reports published around a day name, and how widely.

    A development is salient when it names what the day's sources name but the days around
    it do not: the town taken today, not the country at war every day. The window is the
    one incremental composition reloads around a day, so salience is judged on the same
    reports whether the whole story or only that day is recomposed.
    """

    def __init__(self, pool: Pool) -> None:
        self.entities = [_entities(c.sentence) for c in pool.candidates]
        self._by_day: dict[date, list[tuple[set[str], int]]] = {}
        self._sources: dict[date, set[int]] = {}
        for c, names in zip(pool.candidates, self.entities, strict=True):
            self._sources.setdefault(c.published, set()).add(c.source)
            if names:
                self._by_day.setdefault(c.published, []).append((names, c.source))

    def shares(self, day: date) -> dict[str, float]:
        near = [day + timedelta(days=k) for k in range(-SALIENCE_WINDOW, SALIENCE_WINDOW + 1)]
        named = [row for d in near for row in self._by_day.get(d, ())]
        sources = {s for d in near for s in self._sources.get(d, ())}
        return rank.entity_shares([n for n, _ in named], [s for _, s in named], len(sources))


def _vectors(cands: Sequence[Candidate], space: Tfidf) -> sparse.csr_matrix:
    return space.transform([c.words for c in cands])


def _close_to_date(
    ment: list[int], pub: list[int], pool: Pool, space: Tfidf, focus: bool = True
) -> tuple[list[int], sparse.csr_matrix, np.ndarray]:
    """Sentences whose content matches what the date is about, with their vectors.

    The date's profile weights mention and lead sentences equally and keeps only words
    both kinds use when both exist; with `focus`, only sentences above the knee of
    similarity stay, otherwise all do, most similar first.
    """
    index = list(dict.fromkeys(ment + pub))
    matrix = _vectors([pool.candidates[i] for i in index], space)
    n_ment = len([i for i in index if pool.candidates[i].mention is not None])
    is_ment = np.array([pool.candidates[i].mention is not None for i in index])
    if n_ment and n_ment < len(index):
        c_ment = np.asarray(matrix[is_ment].mean(axis=0)).ravel()
        c_pub = np.asarray(matrix[~is_ment].mean(axis=0)).ravel()
        profile = np.where((c_ment > 0) & (c_pub > 0), c_ment + c_pub, 0.0)
    else:
        profile = np.asarray(matrix.mean(axis=0)).ravel()
    norm = np.linalg.norm(profile)
    if norm == 0:
        return index, matrix, np.zeros(len(index))
    sims = np.asarray(matrix @ (profile / norm)).ravel()
    order = np.argsort(-sims, kind="stable")
    if not focus:
        keep = [int(k) for k in order[:MAX_CANDIDATES]]
        return [index[k] for k in keep], matrix[keep], sims[keep]
    cut = sims[order[choose.knee(sims[order])]] if len(order) > 2 else 0.0
    keep = [int(k) for k in order if sims[k] > 0 and sims[k] >= cut][:MAX_CANDIDATES]
    if not keep:
        keep = [int(k) for k in order[:MAX_CANDIDATES]]
    return [index[k] for k in keep], matrix[keep], sims[keep]


def _developments_for(
    day: date,
    pool: Pool,
    space: Tfidf,
    per_date: int,
    chosen: list[sparse.csr_matrix],
    embedder: Embedder | None,
    focus: bool,
    around: _Surroundings,
) -> _Day:
    ment, pub = pool.for_date(day)
    if not ment and not pub:
        return _Day(day, [])  # only referred to in passing: nothing tells what happened
    index, matrix, closeness = _close_to_date(ment, pub, pool, space, focus)
    cands = [pool.candidates[i] for i in index]
    dense = embedder.encode([c.sentence.text for c in cands]) if embedder else None
    similarity = group.similarity_matrix(
        dense if dense is not None else (matrix @ matrix.T).toarray()
    )
    support = _support(cands, similarity, EMBEDDED_SUPPORT if dense is not None else None)
    entities = [around.entities[i] for i in index]
    figures = [_figures(c.sentence) for c in cands]
    similarity = group.with_anchors(similarity, entities, figures)
    salience = rank.entity_salience(entities, [c.source for c in cands], around.shares(day))
    previous = sparse.vstack(chosen) if chosen else None
    repeats = (
        np.asarray((matrix @ previous.T).max(axis=1).toarray()).ravel()
        if previous is not None
        else np.zeros(len(cands))
    )
    found: list[tuple[Development, list[int], float, bool]] = []
    distance = EMBEDDED_DISTANCE if dense is not None else group.DISTANCE
    for members in group.group_sentences(similarity, distance):
        dev, order = _development(
            day, [cands[m] for m in members], matrix[members], closeness[members], support[members]
        )
        if dev is None:
            continue
        ranked = [members[k] for k in order if repeats[members[k]] < REPEAT]
        if not ranked:
            continue
        dev.sentences = [cands[m].sentence for m in ranked]
        most_salient = max(
            (salience.get(e, 0.0) for m in members for e in entities[m]), default=0.0
        )
        found.append((dev, ranked, most_salient, any(figures[m] for m in members)))
    # salience of entities and figures, relative to the day's most salient development
    top_salience = max((f[2] for f in found), default=0.0)
    scored: list[tuple[float, Development, list[int]]] = []
    for dev, ranked, most_salient, has_figure in found:
        dev.score *= rank.development_weight(most_salient, top_salience, has_figure)
        scored.append((dev.score, dev, ranked))
    scored.sort(key=lambda s: -s[0])
    top = scored[:per_date]
    for _, _, ranked in top:
        chosen.append(matrix[ranked[:1]])
    return _Day(day, [t[1] for t in top])


def _entities(sentence: Sentence) -> set[str]:
    return {(m.entity or m.text).casefold() for m in sentence.mentions}


def _figures(sentence: Sentence) -> set[tuple[str, float | None, float | None]]:
    return {(f.what, f.low, f.high) for f in sentence.figures if f.low is not None}


def _support(
    cands: Sequence[Candidate], similarity: np.ndarray, threshold: float | None = None
) -> np.ndarray:
    """For each sentence, how many other independent sources say something close to it."""
    sources = np.array([c.source for c in cands])
    close = similarity >= (threshold if threshold is not None else SUPPORT_SIMILARITY)
    out = np.zeros(len(cands))
    for i in range(len(cands)):
        others = sources[close[i]]
        out[i] = len(set(others.tolist()) - {int(sources[i])})
    return out


def _development(
    day: date,
    members: list[Candidate],
    matrix: sparse.csr_matrix,
    closeness: np.ndarray,
    support: np.ndarray,
) -> tuple[Development | None, list[int]]:
    """A development from a cluster, its sentences ordered best first (indexes into members).

    A sentence is central when it is close to its cluster and to the date's whole content.
    """
    centroid = np.asarray(matrix.mean(axis=0)).ravel()
    norm = np.linalg.norm(centroid)
    central = np.asarray(matrix @ (centroid / norm)).ravel() if norm > 0 else np.zeros(len(members))
    central = (1 - PROFILE_WEIGHT) * central + PROFILE_WEIGHT * closeness
    key_sources: dict[str, set[int]] = {}
    for c in members:
        key_sources.setdefault(c.key, set()).add(c.source)
    scores = []
    seen_keys: set[str] = set()
    for k, c in enumerate(members):
        # judged as it would be published: a dateline or byline is stripped, not held against it
        q = choose.quality(strip_furniture(c.sentence.text)) * (1.0 if c.relevant else OFF_TOPIC)
        if q == 0.0 or c.key in seen_keys:
            continue
        seen_keys.add(c.key)
        bonus = (
            1.0
            + 0.1 * (len(key_sources[c.key]) - 1)
            + (MENTION_BONUS if c.mention == day else 0.0)
            + SUPPORT_WEIGHT * np.log1p(support[k])
        )
        scores.append((central[k] * q * bonus, k))
    if not scores:
        return None, []
    scores.sort(key=lambda s: -s[0])
    sources = {c.source for c in members}
    score = (len(sources) + 0.5 * np.log1p(len(members))) * (
        1.0 + DEV_CLOSENESS * float(np.max(closeness))
    )
    dev = Development(
        date=day,
        sentences=[],
        report_ids=sorted({c.report_id for c in members}),
        score=float(score),
    )
    return dev, [k for _, k in scores]
