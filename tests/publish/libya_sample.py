"""Sample briefings built from real text: Wikipedia Current Events items on the Libyan war.

Reads ../shared/datasets/demo/wcep-libya-2011/articles.jsonl (CC BY-SA 4.0, see its
PROVENANCE.md) relative to the repository root; tests skip when it is absent.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from livebrief.model import (
    AnalysisItem,
    Briefing,
    Bullet,
    BulletState,
    Citation,
    Day,
    Embed,
    Story,
)

ARTICLES = (
    Path(__file__).resolve().parents[3]
    / "shared"
    / "datasets"
    / "demo"
    / "wcep-libya-2011"
    / "articles.jsonl"
)
PORTAL = "Wikipedia Current Events Portal"
CREDIT = (
    'Text from Wikipedia, "Portal:Current events", by Wikipedia contributors, '
    "https://en.wikipedia.org/wiki/Portal:Current_events , CC BY-SA 4.0."
)
PREFIX = "wcep-libya-2011-"
FIRST_DATE = "2011-10-20"  # every day from here to the end of the record
EXTRA_DATE = "2011-09-05"  # a day whose items credit exactly two outlets
REJECTED = PREFIX + "2011-10-18-010"  # filed under Oct. 21 and rejected by an editor
EDITED = PREFIX + "2011-10-20-002"  # corrected the next day
CORPUS_CITED = PREFIX + "2011-10-24-003"  # cited by a corpus: URL that has no web page
UNKEYED = PREFIX + "2011-10-25-002"  # a bullet without a key
ANALYSIS = PREFIX + "2011-05-04-005"
ANALYSIS_2 = PREFIX + "2011-03-21-015"
EMBEDDED = PREFIX + "2011-08-21-001"


@cache
def records() -> dict[str, dict[str, Any]]:
    if not ARTICLES.exists():
        pytest.skip(f"sample data not found: {ARTICLES}")
    with ARTICLES.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return {row["id"]: row for row in rows}


def report_id(record_id: str) -> int:
    return list(records()).index(record_id) + 1


def created_at(record: dict[str, Any], n: int) -> datetime:
    day = date.fromisoformat(record["published"])
    return datetime.combine(day, time(9), UTC) + timedelta(minutes=17 * n)


def bullet_for(record: dict[str, Any], n: int = 0, **changes: Any) -> Bullet:
    stamp = created_at(record, n)
    bullet = Bullet(
        text=record["text"],
        citations=[
            Citation(
                report_id=report_id(record["id"]),
                url=record["url"],
                outlet=PORTAL,
                title=record["title"],
            )
        ],
        outlets=list(record["cited_sources"]),
        position=n,
        state=BulletState.APPROVED,
        key=record["id"].removeprefix(PREFIX),
        created=stamp,
        updated=stamp,
    )
    for name, value in changes.items():
        setattr(bullet, name, value)
    return bullet


def day_for(day: str, bullets: list[Bullet], analysis: list[AnalysisItem] | None = None) -> Day:
    credited = {o for b in bullets if b.state != BulletState.REJECTED for o in b.outlets}
    return Day(
        date=date.fromisoformat(day),
        bullets=bullets,
        analysis=analysis or [],
        outlets=sorted(credited, key=str.casefold),
    )


def story() -> Story:
    return Story(
        slug="wcep-libya-2011",
        title="Libya Uprising Briefing",
        description=CREDIT,
        keywords=["Libya", "Muammar Gaddafi", "NATO"],
        timezone="Africa/Tripoli",
    )


def analysis_items() -> dict[str, AnalysisItem]:
    rec, rec2, post = records()[ANALYSIS], records()[ANALYSIS_2], records()[EMBEDDED]
    return {
        "2011-10-31": AnalysisItem(
            text=rec["text"],
            title=rec["title"],
            url=rec["url"],
            outlet=PORTAL,
            author="Wikipedia contributors",
            report_id=report_id(ANALYSIS),
            embed=Embed(
                author="Wikipedia contributors",
                handle="@wikipedia",
                date=date.fromisoformat(post["published"]),
                text=post["text"],
                url=post["url"],
            ),
        ),
        "2011-10-20": AnalysisItem(
            text=rec2["text"], url=rec2["url"], outlet=PORTAL, report_id=report_id(ANALYSIS_2)
        ),
    }


def libya_briefing() -> Briefing:
    """Eleven days (Sept. 5 and Oct. 20-31, 2011), newest first, with one edited bullet,
    one rejected bullet, one bullet without a key, a corpus: citation and two analysis items."""
    rows = records()
    by_day: dict[str, list[dict[str, Any]]] = {}
    for row in rows.values():
        if row["published"] >= FIRST_DATE or row["published"] == EXTRA_DATE:
            by_day.setdefault(row["published"], []).append(row)
    analysis = analysis_items()
    days: list[Day] = []
    for day in sorted(by_day, reverse=True):
        bullets = [bullet_for(row, n) for n, row in enumerate(by_day[day])]
        for bullet, row in zip(bullets, by_day[day], strict=True):
            if row["id"] == EDITED:
                bullet.edited = True
                bullet.updated = created_at(row, 0) + timedelta(days=1, hours=5, minutes=30)
            if row["id"] == CORPUS_CITED:
                bullet.citations[0].url = f"corpus:{row['id']}"
            if row["id"] == UNKEYED:
                bullet.key = ""
        if day == "2011-10-21":
            bullets.append(bullet_for(rows[REJECTED], len(bullets), state=BulletState.REJECTED))
        days.append(day_for(day, bullets, [analysis[day]] if day in analysis else None))
    stamps = [b.updated for d in days for b in d.bullets if b.updated]
    return Briefing(
        story=story(),
        days=days,
        standfirst=rows[PREFIX + "2011-10-31-008"]["text"],
        updated=max(stamps),
    )


def full_briefing() -> Briefing:
    """Every record of the data set as one briefing: 186 days, 417 bullets."""
    by_day: dict[str, list[dict[str, Any]]] = {}
    for row in records().values():
        by_day.setdefault(row["published"], []).append(row)
    days = [
        day_for(day, [bullet_for(row, n) for n, row in enumerate(by_day[day])])
        for day in sorted(by_day, reverse=True)
    ]
    return Briefing(story=story(), days=days, standfirst="")


def published_texts(briefing: Briefing) -> list[str]:
    return [b.text for d in briefing.days for b in d.bullets if b.state != BulletState.REJECTED]
