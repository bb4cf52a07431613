"""Sentences read back from the store, with their annotations, on real enriched reports."""

from __future__ import annotations

from collections import defaultdict

import pytest

from livebrief.enrich import Enricher
from livebrief.model import Sentence, Story
from livebrief.store import Store
from tests.helpers import demo_reports


@pytest.fixture
def analysed(store: Store, story: Story) -> tuple[Store, dict[int, list[Sentence]]]:
    """Two weeks of demo reports, analysed and stored; the analysis kept for comparison."""
    assert story.id is not None
    for report in demo_reports():
        if (
            report.published is not None
            and "2022-02-24" <= report.published.date().isoformat() <= "2022-03-09"
        ):
            store.add_report(story.id, report)
    reports = store.reports(story.id)
    enricher = Enricher(story)
    try:
        analyses = list(enricher.analyze(reports))
    finally:
        enricher.close()
    kept: dict[int, list[Sentence]] = {}
    for analysis in analyses:
        rid = analysis.report.id
        assert rid is not None
        store.replace_sentences(story.id, rid, analysis.sentences)
        kept[rid] = analysis.sentences
    return store, kept


def test_sentences_read_back_as_analysed(
    analysed: tuple[Store, dict[int, list[Sentence]]],
) -> None:
    store, kept = analysed
    loaded = store.sentences_for(sorted(kept))
    assert sorted(loaded) == sorted(rid for rid, ss in kept.items() if ss)
    pairs = [(a, b) for rid in loaded for a, b in zip(kept[rid], loaded[rid], strict=True)]
    assert len(pairs) > 100
    for made, read in pairs:
        assert (read.id, read.report_id, read.position, read.text, read.denial) == (
            made.id,
            made.report_id,
            made.position,
            made.text,
            made.denial,
        )
        assert read.event == made.event
        assert read.references == made.references is not None
        assert read.attributions == made.attributions
        assert read.figures == made.figures
        assert read.mentions == made.mentions
        assert [(q.text, q.speaker) for q in read.quotes] == [
            (q.text, q.speaker) for q in made.quotes
        ]
    # the reports carry every kind of annotation, so each was compared
    assert all(any(getattr(b, k) for _, b in pairs) for k in ("event", "attributions", "figures"))
    assert any(b.mentions for _, b in pairs) and any(b.quotes for _, b in pairs)


def test_repeated_names_labels_and_days_are_one_object_each(
    analysed: tuple[Store, dict[int, list[Sentence]]],
) -> None:
    store, kept = analysed
    sentences = [s for ss in store.sentences_for(sorted(kept)).values() for s in ss]
    objects: dict[tuple[str, str], set[int]] = defaultdict(set)
    for s in sentences:
        for m in s.mentions:
            objects["mention", m.text].add(id(m.text))
            objects["label", m.label].add(id(m.label))
            assert m.span.text is m.text
        for a in s.attributions:
            objects["speaker", a.name].add(id(a.name))
        if s.event is not None:
            objects["day", s.event.date.isoformat()].add(id(s.event.date))
    n_values = sum(len(s.mentions) + len(s.attributions) + bool(s.event) for s in sentences)
    assert n_values > 3 * len(objects)  # values do repeat
    assert all(len(ids) == 1 for ids in objects.values())


def test_no_reports_and_unknown_reports(
    analysed: tuple[Store, dict[int, list[Sentence]]],
) -> None:
    store, kept = analysed
    assert store.sentences_for([]) == {}
    assert store.sentences_for([max(kept) + 1000]) == {}


def test_days_named_are_kept_and_unknown_stays_unknown(store: Store, story: Story) -> None:
    from datetime import UTC, date, datetime

    from livebrief.cluster.pool import build_pool
    from livebrief.model import Report

    assert story.id is not None
    # a sentence adapted from the demo corpus (2022-03-16), naming another day
    text = (
        "The Donetsk Regional Drama Theatre in Mariupol, which is currently being used as an "
        "air raid shelter, is largely destroyed by bombing on 16 March."
    )
    report = Report(url="demo:x", title="", text=text, published=datetime(2022, 3, 18, tzinfo=UTC))
    _added, rid = store.add_report(story.id, report)
    named = Sentence(text, 0, rid, references=(date(2022, 3, 16),))
    unknown = Sentence(text, 1, rid)  # analysed before days named were stored
    store.replace_sentences(story.id, rid, [named, unknown])
    first, second = store.sentences_for([rid])[rid]
    assert first.references == (date(2022, 3, 16),)
    assert second.references is None
    # the pool finds the day again in a sentence whose days were never stored
    pool = build_pool(store.reports(story.id), {rid: [first, second]})
    assert [c.references for c in pool.candidates] == [(date(2022, 3, 16),)] * 2
