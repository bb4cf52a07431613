"""Threads between bullets, on the real items of the bundled Ukraine demo corpus."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from itertools import groupby
from pathlib import Path

import numpy as np
import pytest

from livebrief.cluster.thread import THREAD_SIMILARITY, assign_threads
from livebrief.cluster.vectors import Tfidf
from livebrief.compose import threads
from livebrief.compose.threads import LOOKBACK_DAYS, ThreadLink, thread_links
from livebrief.model import Bullet, BulletState, Day
from livebrief.publish.format import join_names
from tests.helpers import DEMO, SHARED

PREFIX = "wcep-ukraine-2022-"
T17 = SHARED / "datasets" / "t17"


def demo_days() -> list[Day]:
    """Every item of the demo corpus as a bullet ("..., Reuters reported."), one day per date."""
    with DEMO.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    days = []
    for when, group in groupby(rows, key=lambda r: r["published"]):
        bullets = []
        for r in group:
            text = r["text"].rstrip(".")
            if r["cited_sources"]:
                text += f", {join_names(r['cited_sources'])} reported."
            key = r["id"].removeprefix(PREFIX)
            bullets.append(Bullet(text=text, outlets=r["cited_sources"], key=key))
        days.append(Day(date=date.fromisoformat(when), bullets=bullets))
    return days


def follows(days: list[Day], links: list[ThreadLink]) -> dict[str, str]:
    """Bullet key -> key of the earlier bullet it continues."""
    return {
        days[x.day].bullets[x.bullet].key: days[x.earlier_day].bullets[x.earlier_bullet].key
        for x in links
    }


def find(days: list[Day], key: str) -> Bullet:
    return next(b for d in days for b in d.bullets if b.key == key)


@pytest.fixture(scope="module")
def demo() -> tuple[list[Day], dict[str, str]]:
    days = demo_days()
    return days, follows(days, thread_links(days))


def test_developments_that_continue_are_linked_to_the_earlier_bullet(
    demo: tuple[list[Day], dict[str, str]],
) -> None:
    days, links = demo
    # Bucha: recaptured on April 1, the dead found on April 2
    assert links["2022-04-02-000"] == "2022-04-01-000"
    # the peace talks: the fourth round resumes the day after it was suspended
    assert links["2022-03-15-017"] == "2022-03-14-013"
    # Lavrov and Kuleba: arrival in Ankara, then the talks there
    assert links["2022-03-10-020"] == "2022-03-09-020"
    # the refugee count of the UNHCR, one million then two million
    assert links["2022-03-09-002"] == "2022-03-03-003"
    # the Zaporizhzhia nuclear power plant, captured, then the capture confirmed
    assert links["2022-03-02-007"] == "2022-02-28-005"
    # a fraction of the bullets continue something, not every one
    total = sum(len(d.bullets) for d in days)
    assert 0.05 * total < len(links) < 0.4 * total


def test_unrelated_bullets_are_not_linked(demo: tuple[list[Day], dict[str, str]]) -> None:
    _, links = demo
    unrelated = {
        "2022-02-23-005",  # Brent crude at its highest since 2014
        "2022-02-27-012",  # Norway's sovereign fund divests
        "2022-02-28-053",  # ice hockey federation suspends Russian clubs
        "2022-03-16-000",  # the Mariupol theatre is bombed: the first report of it
    }
    assert not unrelated & set(links)
    assert not unrelated & set(links.values())


def test_links_go_back_to_an_earlier_day_within_the_window(
    demo: tuple[list[Day], dict[str, str]],
) -> None:
    days, _ = demo
    for lookback in (1, 3, LOOKBACK_DAYS):
        links = thread_links(days, lookback=lookback)
        assert links
        for x in links:
            gap = days[x.day].date - days[x.earlier_day].date
            assert timedelta(days=1) <= gap <= timedelta(days=lookback)
            assert x.similarity >= THREAD_SIMILARITY
    assert len(thread_links(days, lookback=1)) < len(thread_links(days))


def test_the_rule_of_the_cluster_threads_computed_block_wise(
    monkeypatch: pytest.MonkeyPatch, demo: tuple[list[Day], dict[str, str]]
) -> None:
    days, _ = demo
    days = days[:20]
    everything = 10_000
    whole = thread_links(days, lookback=everything)
    monkeypatch.setattr(threads, "BLOCK", 7)
    assert thread_links(days, lookback=everything) == whole
    # the same rule as assign_threads: a link joins the earlier bullet's thread
    flat = [(d.date, b) for d in days for b in d.bullets]
    docs = [threads._content(b) for _, b in flat]
    matrix = Tfidf(docs).transform(docs)
    keys = assign_threads([when for when, _ in flat], (matrix @ matrix.T).toarray())
    index = {id(b): i for i, (_, b) in enumerate(flat)}
    linked = set()
    for x in whole:
        i = index[id(days[x.day].bullets[x.bullet])]
        j = index[id(days[x.earlier_day].bullets[x.earlier_bullet])]
        assert keys[i] == keys[j]
        linked.add(i)
    starts = {i for i, k in enumerate(keys) if k.startswith(flat[i][0].isoformat())}
    assert starts == set(range(len(flat))) - linked


def test_rejected_bullets_are_never_linked(demo: tuple[list[Day], dict[str, str]]) -> None:
    days, links = demo
    recapture, dead = "2022-04-01-000", "2022-04-02-000"
    assert links[dead] == recapture
    rejected = [
        replace(
            d,
            bullets=[
                replace(b, state=BulletState.REJECTED) if b.key == recapture else b
                for b in d.bullets
            ],
        )
        for d in days
    ]
    after = follows(rejected, thread_links(rejected))
    assert recapture not in after.values()
    assert after.get(dead) != recapture
    rejected_dead = [
        replace(
            d,
            bullets=[
                replace(b, state=BulletState.REJECTED) if b.key == dead else b for b in d.bullets
            ],
        )
        for d in days
    ]
    assert dead not in follows(rejected_dead, thread_links(rejected_dead))


def test_edited_and_imported_bullets_link_on_their_stored_text(
    demo: tuple[list[Day], dict[str, str]],
) -> None:
    days, links = demo
    hockey = "2022-02-28-053"
    assert hockey not in links
    norway = find(days, "2022-02-27-012")
    edited = [
        replace(
            d,
            bullets=[
                replace(b, text=f"Correction: {norway.text}", edited=True) if b.key == hockey else b
                for b in d.bullets
            ],
        )
        for d in days
    ]
    assert follows(edited, thread_links(edited))[hockey] == norway.key
    # an imported briefing: bullets with no key, no outlets, no state of their own
    imported = [Day(date=d.date, bullets=[Bullet(text=b.text) for b in d.bullets]) for d in days]
    texts = {
        imported[x.day].bullets[x.bullet].text: imported[x.earlier_day]
        .bullets[x.earlier_bullet]
        .text
        for x in thread_links(imported)
    }
    assert texts[find(days, "2022-04-02-000").text] == find(days, "2022-04-01-000").text


def test_same_day_and_unusable_items_are_ignored() -> None:
    days = demo_days()
    bucha, dead = find(days, "2022-04-01-000"), find(days, "2022-04-02-000")
    same_day = [Day(date=date(2022, 4, 2), bullets=[bucha, dead])]
    assert thread_links(same_day) == []
    messy = [
        Day(date=date(2022, 4, 2), bullets=[Bullet(text=None), dead]),  # type: ignore[arg-type]
        Day(date=None, bullets=[bucha]),  # type: ignore[arg-type]
        Day(date=date(2022, 4, 1), bullets=[Bullet(text=""), bucha]),
    ]
    assert thread_links(messy) == [ThreadLink(0, 1, 2, 1, pytest.approx(0.38, abs=0.1))]
    assert thread_links([]) == []


def test_a_timeline17_sized_briefing_links_within_the_window() -> None:
    if not T17.is_dir():
        pytest.skip("Timeline17 not present")
    days = t17_days()
    bullets = sum(len(d.bullets) for d in days)
    assert len(days) >= 1_000 and bullets >= 6_000
    links = thread_links(days)
    assert 0 < len(links) < bullets
    gaps = np.array([(days[x.day].date - days[x.earlier_day].date).days for x in links])
    assert gaps.min() >= 1 and gaps.max() <= LOOKBACK_DAYS


def t17_days() -> list[Day]:
    """The first three sentences of every Timeline17 article, by the date of its folder."""
    by_date: dict[date, list[Bullet]] = {}
    for path in sorted(T17.glob("*/InputDocs/*/*")):
        try:
            when = date.fromisoformat(path.parent.name)
        except ValueError:
            continue
        lines = [x.strip() for x in _read(path).splitlines() if len(x.split()) > 6]
        by_date.setdefault(when, []).extend(Bullet(text=x) for x in lines[:3])
    return [Day(date=when, bullets=b) for when, b in sorted(by_date.items())]


def _read(path: Path) -> str:
    return path.read_text("utf-8", errors="replace")
