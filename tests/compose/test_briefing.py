"""Composition through the pipeline, on real reports, in a real store."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from livebrief import pipeline
from livebrief.compose.briefing import clean_sentence
from livebrief.model import BulletState, Embed, ReportKind, Story
from livebrief.store import Store
from tests.helpers import demo_reports


@pytest.fixture
def composed(store: Store, story: Story) -> tuple[Store, Story]:
    reports = [
        r for r in demo_reports() if "2022-02-27" <= r.published.date().isoformat() <= "2022-03-03"
    ]
    pipeline.ingest(store, story, reports)
    pipeline.compose_story(store, story)
    return store, story


def test_days_newest_first_with_credited_cited_bullets(composed: tuple[Store, Story]) -> None:
    store, story = composed
    briefing = store.briefing(story)
    dates = [d.date for d in briefing.days]
    assert dates == sorted(dates, reverse=True)
    assert date(2022, 3, 3) in dates and date(2022, 2, 27) in dates
    for day in briefing.days:
        assert 1 <= len(day.bullets) <= 6
        for b in day.bullets:
            assert b.citations, b.text
            assert b.text[0].isupper() and b.text.endswith((".", '"', "”", ")"))
            for outlet in b.outlets:
                assert outlet in b.text  # credited inline
        named = {o for b in day.bullets for o in b.outlets}
        assert set(day.outlets) == named
        assert day.outlets == sorted(day.outlets, key=lambda o: o.casefold().removeprefix("the "))
    assert briefing.standfirst
    texts = [b.text for d in briefing.days for b in d.bullets]
    assert len(texts) == len(set(texts))  # no bullet repeated


def test_a_denial_stands_beside_the_claim_it_answers(store: Store, story: Story) -> None:
    reports = [r for r in demo_reports() if "denies this claim" in r.text]
    assert (
        len(reports) == 1
    )  # "Russian Ground Forces say … Kherson. The Ukrainian … denies this claim"
    pipeline.ingest(store, story, reports)
    briefing = pipeline.compose_story(store, story)
    bullets = [b.text for d in briefing.days for b in d.bullets]
    assert len(bullets) == 1
    assert bullets[0].startswith("Russian Ground Forces say")
    assert "denies this claim" in bullets[0]


def test_analysis_and_embeds_are_kept_apart_from_bullets(store: Store, story: Story) -> None:
    news = demo_reports(20)
    opinion = replace(
        news[0],
        url="https://example.org/opinion/1",
        kind=ReportKind.OPINION,
        title="Opinion: what the recognition of the separatist republics means",
    )
    embed = Embed(
        "Volodymyr Zelenskyy",
        "ZelenskyyUa",
        date(2022, 2, 21),
        "We are not afraid of anyone.",
        "https://twitter.com/ZelenskyyUa/status/1",
    )
    with_post = replace(news[1], url="https://example.org/news/2", embeds=[embed])
    pipeline.ingest(store, story, [*news, opinion, with_post])
    briefing = pipeline.compose_story(store, story)
    analysis = [a for d in briefing.days for a in d.analysis]
    assert any(a.url == opinion.url for a in analysis)
    assert any(a.embed == embed for a in analysis)
    bullet_urls = {c.url for d in briefing.days for b in d.bullets for c in b.citations}
    assert opinion.url not in bullet_urls


def test_incremental_build_recomposes_only_touched_days(composed: tuple[Store, Story]) -> None:
    store, story = composed
    before = {d.date: [(b.key, b.updated) for b in d.bullets] for d in store.briefing(story).days}
    first = min(before)
    approved = store.briefing(story).days[-1].bullets[0]
    store.update_bullet(story.id, approved.key, state=BulletState.APPROVED)
    late = replace(
        demo_reports(1)[0],
        url="https://example.org/late",
        title="Explosions were heard in Kyiv",
        text="Explosions were heard in Kyiv on Thursday, the city's mayor said.",
        published=datetime(2022, 3, 3, 18, tzinfo=UTC),
    )
    pipeline.ingest(store, story, [late])
    assert store.touched_dates(story.id) == {date(2022, 3, 3)}
    after = {d.date: [(b.key, b.updated) for b in d.bullets] for d in store.briefing(story).days}
    pipeline.compose_story(store, story, full=False)
    final = {d.date: [(b.key, b.updated) for b in d.bullets] for d in store.briefing(story).days}
    for day in before:
        if day != date(2022, 3, 3):
            assert final[day] == after[day] == before[day]
    assert store.touched_dates(story.id) == set()
    kept = next(b for d in store.briefing(story).days for b in d.bullets if b.key == approved.key)
    assert kept.state is BulletState.APPROVED and kept.text == approved.text
    assert first in final


def test_clean_sentence() -> None:
    assert clean_sentence("  but the talks failed ") == "The talks failed."
    assert clean_sentence("Meanwhile, shelling resumed") == "Shelling resumed."
    assert clean_sentence("x" * 800).endswith("…")
