from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

import pytest

from livebrief.model import Bullet, BulletState, Citation, Day, Story
from livebrief.store import Added, Store, StoreError
from livebrief.store.migrations import MIGRATIONS
from tests.helpers import demo_reports


def test_migrations_applied_and_wal(store: Store) -> None:
    assert store.schema_version == len(MIGRATIONS)
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reopen_keeps_data(tmp_path) -> None:
    path = tmp_path / "a.db"
    with Store(path) as s:
        st = s.create_story(Story("x", "X"))
        s.add_report(st.id, demo_reports(1)[0])
    with Store(path) as s:
        assert s.report_count(s.story("x").id) == 1


def test_not_a_store_is_a_clear_error(tmp_path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="junk.db"):
        Store(junk)


def test_same_report_twice_is_stored_once(store: Store, story: Story) -> None:
    report = demo_reports(1)[0]
    assert store.add_report(story.id, report)[0] is Added.NEW
    assert store.add_report(story.id, replace(report, id=None))[0] is Added.UNCHANGED
    assert store.report_count(story.id, all_versions=True) == 1


def test_changed_article_is_a_new_version_and_the_old_stays(store: Store, story: Story) -> None:
    report = demo_reports(1)[0]
    store.add_report(story.id, report)
    changed = replace(report, text=report.text + " Updated with new figures.", id=None)
    status, new_id = store.add_report(story.id, changed)
    assert status is Added.UPDATED
    versions = store.report_versions(story.id, report.url)
    assert [v.version for v in versions] == [1, 2]
    assert versions[0].text == report.text
    latest = store.reports(story.id)
    assert [r.id for r in latest] == [new_id]


def test_reports_between_dates(store: Store, story: Story) -> None:
    for r in demo_reports(60):
        store.add_report(story.id, r)
    days = {r.published.date() for r in store.reports(story.id)}
    first = min(days)
    only = store.reports(story.id, first, first)
    assert only and all(r.published.date() == first for r in only)


def test_full_text_search(store: Store, story: Story) -> None:
    for r in demo_reports(120):
        store.add_report(story.id, r)
    hits = store.search("Donetsk independence", story.id)
    assert hits and all(h.kind == "report" for h in hits)
    assert any("Donetsk" in h.snippet or "Donetsk" in h.title for h in hits)
    assert store.search("zzzznotaword", story.id) == []


def test_failed_write_rolls_back(store: Store, story: Story) -> None:
    with pytest.raises(sqlite3.IntegrityError), store.write() as db:
        db.execute("INSERT INTO stories (slug, title, created) VALUES ('y', 'Y', 'now')")
        db.execute("INSERT INTO stories (slug, title, created) VALUES ('y', 'Y', 'now')")
    assert store.get_story("y") is None


def test_story_slug_validated_and_unique(store: Store, story: Story) -> None:
    with pytest.raises(StoreError, match="exists"):
        store.create_story(Story("ukraine", "Again"))
    with pytest.raises(StoreError, match="slug"):
        store.create_story(Story("Bad Slug!", "X"))
    with pytest.raises(StoreError, match="stories: ukraine"):
        store.story("nope")


def _day(texts: list[str], d: date = date(2022, 2, 24)) -> Day:
    return Day(
        date=d,
        bullets=[
            Bullet(
                text=t,
                key=f"k{i}" if d == date(2022, 2, 24) else f"{d}-{i}",
                citations=[Citation(None, f"http://x/{i}", "AFP")],
                outlets=["AFP"],
            )
            for i, t in enumerate(texts)
        ],
        outlets=["AFP"],
    )


def test_recompose_replaces_drafts_but_keeps_editors_work(store: Store, story: Story) -> None:
    store.save_day(story.id, _day(["Troops crossed the border.", "Sirens sounded in Kyiv."]))
    store.update_bullet(story.id, "k0", state=BulletState.APPROVED)
    store.update_bullet(story.id, "k1", text="Air-raid sirens sounded in Kyiv, officials said.")
    store.save_day(
        story.id,
        _day(["Troops crossed the northern border.", "Sirens in Kyiv.", "A third development."]),
    )
    day = store.briefing(story).days[0]
    by_key = {b.key: b for b in day.bullets}
    assert by_key["k0"].text == "Troops crossed the border."  # approved: kept as it was
    assert by_key["k0"].flagged  # ... and flagged because new reports change it
    assert by_key["k1"].text.startswith("Air-raid sirens") and by_key["k1"].edited
    assert by_key["k2"].state is BulletState.DRAFT


def test_untouched_draft_update_moves_updated_time(store: Store, story: Story) -> None:
    store.save_day(story.id, _day(["One."]))
    first = store.briefing(story).days[0].bullets[0]
    store.db.execute("UPDATE bullets SET updated = '2000-01-01T00:00:00+00:00'")
    store.save_day(story.id, _day(["One, revised."]))
    again = store.briefing(story).days[0].bullets[0]
    assert again.key == first.key and again.text == "One, revised."
    assert again.updated > again.created or again.updated.year > 2000


def test_briefing_newest_day_first(store: Store, story: Story) -> None:
    store.save_day(story.id, _day(["Earlier."], date(2022, 2, 21)))
    store.save_day(story.id, _day(["Later."], date(2022, 2, 24)))
    days = store.briefing(story).days
    assert [d.date for d in days] == [date(2022, 2, 24), date(2022, 2, 21)]
    assert store.search("Later", story.id)[0].kind == "bullet"
