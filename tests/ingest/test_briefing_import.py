"""Importing existing briefings: a clean page, a damaged text rendering, heading variants."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from livebrief.ingest.briefing import (
    parse_briefing_html,
    parse_briefing_text,
    parse_updated,
    read_briefing,
    split_names,
)
from livebrief.ingest.text import strip_links
from livebrief.model import Briefing, BulletState, Problem

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data" / "briefings"
PAGES = REPO.parent / "shared" / "fixtures" / "pages"
EXPECTED = json.loads((DATA / "ukraine-expected.json").read_text("utf-8"))


def shape(briefing: Briefing, *, outlets_of_citations: bool = True) -> dict[str, Any]:
    """The briefing in the form of ukraine-expected.json."""

    def citation(c: Any) -> list[str | None]:
        return [c.url, c.outlet] if outlets_of_citations else [c.url]

    def embed(e: Any) -> dict[str, Any] | None:
        if e is None:
            return None
        when = e.date.isoformat() if e.date else None
        return {"author": e.author, "handle": e.handle, "date": when, "text": e.text, "url": e.url}

    return {
        "title": briefing.story.title,
        "standfirst": briefing.standfirst,
        "updated": briefing.updated,
        "days": [
            {
                "date": d.date.isoformat(),
                "bullets": [
                    {"text": b.text, "citations": [citation(c) for c in b.citations]}
                    for b in d.bullets
                ],
                "outlets": d.outlets,
                "analysis": [
                    {"text": a.text, "title": a.title, "url": a.url, "embed": embed(a.embed)}
                    for a in d.analysis
                ],
            }
            for d in briefing.days
        ],
    }


def expected(*, outlets_of_citations: bool = True) -> dict[str, Any]:
    exp = json.loads(json.dumps(EXPECTED))
    exp["updated"] = datetime.fromisoformat(exp["updated"])
    if not outlets_of_citations:
        for day in exp["days"]:
            for bullet in day["bullets"]:
                bullet["citations"] = [[url] for url, _ in bullet["citations"]]
    return exp


def test_clean_html_page_gives_the_structure() -> None:
    briefing = read_briefing(DATA / "ukraine-clean.html")
    assert isinstance(briefing, Briefing), briefing
    assert shape(briefing) == expected()
    assert briefing.story.slug == "russian-invasion-of-ukraine"
    for day in briefing.days:
        assert [b.position for b in day.bullets] == list(range(len(day.bullets)))
        assert all(b.state is BulletState.APPROVED for b in day.bullets)
    first = briefing.days[0].bullets[0]
    assert first.outlets == ["Reuters", "TASS"]


def test_damaged_text_rendering_gives_the_same_structure() -> None:
    text = (DATA / "ukraine-damaged.txt").read_text("utf-8")
    # The rendering really is damaged: pages broken, a day out of order, links left in.
    assert "\f" in text and "Page 2 of 3" in text and "<a href=" in text and "](" in text
    assert text.index("February 24") < text.index("Feb 25")
    briefing = read_briefing(DATA / "ukraine-damaged.txt")
    assert isinstance(briefing, Briefing), briefing
    # A "[1]" reference mark gives the URL but not the outlet's name.
    assert shape(briefing, outlets_of_citations=False) == expected(outlets_of_citations=False)
    clean = read_briefing(DATA / "ukraine-clean.html")
    assert isinstance(clean, Briefing)
    named = [c.outlet for d in briefing.days for b in d.bullets for c in b.citations]
    assert named.count(None) == 1


def test_own_markdown_and_page_read_back() -> None:
    publish = pytest.importorskip("livebrief.publish")
    briefing = read_briefing(DATA / "ukraine-clean.html")
    assert isinstance(briefing, Briefing)
    from_page = parse_briefing_html(publish.render_page(briefing))
    from_markdown = parse_briefing_text(publish.to_markdown(briefing), year_hint=2022)
    for again in (from_page, from_markdown):
        assert isinstance(again, Briefing), again
        assert shape(again) == shape(briefing)


NEW_YEAR = """Harbor City Flooding Briefing | Jan. 2
{updated}
Water is receding in the old town.

Jan. 2: what you need to know today
- Power was restored to 60,000 homes overnight, the utility said in a statement.
With reporting by Reuters.

Dec. 31
- The levee broke on the east bank, the mayor's office said.
With reporting by AFP.

Jan. 1
- Rescue boats reached the old town, AFP reported.
With reporting by AFP.
"""


@pytest.mark.parametrize(
    ("updated", "hint"),
    [
        ("Updated Jan. 2, 2027, 9:05 a.m. EET", None),
        ("", 2027),
        ("Updated Jan. 2 at 9:05 a.m.", 2027),
    ],
)
def test_a_briefing_that_crosses_new_year(updated: str, hint: int | None) -> None:
    briefing = parse_briefing_text(NEW_YEAR.format(updated=updated), year_hint=hint)
    assert isinstance(briefing, Briefing), briefing
    assert [d.date for d in briefing.days] == [
        date(2027, 1, 2),
        date(2027, 1, 1),
        date(2026, 12, 31),
    ]
    assert briefing.standfirst == "Water is receding in the old town."


def test_year_from_the_page_time_element() -> None:
    page = (DATA / "ukraine-clean.html").read_text("utf-8")
    headings = re.findall(r"<h[23]>(.*?)</h[23]>", page)
    assert headings and not any("2022" in h for h in headings)
    briefing = parse_briefing_html(page)
    assert isinstance(briefing, Briefing)
    assert briefing.days[0].date == date(2022, 2, 26)


def test_no_year_anywhere_is_a_problem() -> None:
    problem = parse_briefing_text(NEW_YEAR.format(updated=""))
    assert isinstance(problem, Problem)
    assert "year_hint" in problem.reason


@pytest.mark.parametrize(
    ("heading", "expected_date", "analysis"),
    [
        ("Mar. 13", date(2026, 3, 13), False),
        ("Mar 13", date(2026, 3, 13), False),
        ("March 13", date(2026, 3, 13), False),
        ("Mar. 13: what you need to know today", date(2026, 3, 13), False),
        ("Mar. 13: Analysis", date(2026, 3, 13), True),
        ("Mar. 13, 2025", date(2025, 3, 13), False),
        ("Friday, March 13", date(2026, 3, 13), False),
        ("13 March 2025: Analysis", date(2025, 3, 13), True),
        ("## Sept. 3", date(2025, 9, 3), False),  # no later than the page date
    ],
)
def test_heading_variants(heading: str, expected_date: date, analysis: bool) -> None:
    text = f"Flood Briefing | Mar. 14, 2026\n\n{heading}\n"
    text += (
        "Hydrologist Ana Ruiz explains why the levee failed.\n"
        if analysis
        else "- Boats arrived.\n"
    )
    briefing = parse_briefing_text(text)
    assert isinstance(briefing, Briefing), briefing
    [day] = briefing.days
    assert day.date == expected_date
    assert bool(day.analysis) is analysis and bool(day.bullets) is not analysis


def test_a_sentence_that_starts_with_a_date_is_not_a_heading() -> None:
    text = (
        "Flood Briefing | Mar. 14, 2026\n\nMar. 14\n- Boats arrived.\n"
        "March 13, the day the levee broke, was a Friday.\n"
    )
    briefing = parse_briefing_text(text)
    assert isinstance(briefing, Briefing)
    assert [b.text for d in briefing.days for b in d.bullets] == [
        "Boats arrived. March 13, the day the levee broke, was a Friday."
    ]


def test_link_markup_is_removed_and_urls_kept() -> None:
    text, links = strip_links(
        'Shelling resumed, <a href="https://www.reuters.com/x">Reuters</a> and '
        "[AFP](https://www.afp.com/y) reported.[2] ([BBC](https://bbc.co.uk/z))",
        {"2": "https://example.org/ref"},
    )
    assert text == "Shelling resumed, Reuters and AFP reported."
    assert [(lk.label, lk.url, lk.source) for lk in links] == [
        ("BBC", "https://bbc.co.uk/z", True),
        ("AFP", "https://www.afp.com/y", False),
        ("Reuters", "https://www.reuters.com/x", False),
        ("", "https://example.org/ref", False),
    ]


def test_reporting_line_names_keep_their_order() -> None:
    assert split_names("Reuters, AFP and Harbor Herald.") == ["Reuters", "AFP", "Harbor Herald"]
    assert split_names("BBC News, Stars and Stripes and The Guardian") == [
        "BBC News",
        "Stars and Stripes",
        "The Guardian",
    ]
    assert split_names("AFP") == ["AFP"]


def test_updated_line_forms() -> None:
    got = parse_updated("Mar. 14, 2026, 9:05 a.m. EET")
    assert got is not None and got.isoformat() == "2026-03-14T09:05:00+02:00"
    got = parse_updated("2026-03-14T09:05:00Z")
    assert got is not None and got.isoformat() == "2026-03-14T09:05:00+00:00"
    assert parse_updated("March 14", year=2026) is not None
    assert parse_updated("March 14") is None


@pytest.mark.skipif(not PAGES.is_dir(), reason="shared fixture pages not available")
def test_article_pages_are_not_briefings() -> None:
    pages = sorted(PAGES.glob("*.html"))
    assert pages
    for page in pages:
        result = read_briefing(page)
        assert isinstance(result, Problem), page.name
        assert result.item == str(page) and result.reason.startswith("not a briefing")


def test_bad_sources(tmp_path: Path) -> None:
    missing = read_briefing(tmp_path / "gone.html")
    assert missing == Problem(str(tmp_path / "gone.html"), "no such file")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Flood Briefing \u2013 Mar. 14".encode("cp1252"))
    problem = read_briefing(latin)
    assert isinstance(problem, Problem) and "not UTF-8" in problem.reason
    assert isinstance(read_briefing("Just one line of text"), Problem)
    assert isinstance(parse_briefing_html(""), Problem)
