"""The briefing page: structure, order, permalinks, credits, escaping, JSON-LD."""

from __future__ import annotations

import copy
import json
import random
import re
from datetime import date

import lxml.html

from livebrief.model import Briefing, Bullet, BulletState, Citation, Day
from livebrief.publish import build_view, render_page
from tests.publish.libya_sample import (
    CORPUS_CITED,
    EDITED,
    EXTRA_DATE,
    REJECTED,
    UNKEYED,
    libya_briefing,
    published_texts,
    records,
)


def parse(html: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(html)


def q(element: lxml.html.HtmlElement, selector: str) -> list[lxml.html.HtmlElement]:
    """Elements matching a CSS-like chain of `tag.class` steps (descendants only)."""
    path = "."
    for step in selector.split():
        tag, _, cls = step.partition(".")
        path += f"//{tag or '*'}"
        if cls:
            path += f"[contains(concat(' ', normalize-space(@class), ' '), ' {cls} ')]"
    return element.xpath(path)


def text_of(element: lxml.html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def day_ids(doc: lxml.html.HtmlElement) -> list[str]:
    return [s.get("id") for s in q(doc, "section.day")]


def test_days_newest_first_whatever_the_input_order(briefing: Briefing) -> None:
    expected = sorted((d.date for d in briefing.days), reverse=True)
    random.Random(7).shuffle(briefing.days)
    ids = day_ids(parse(render_page(briefing)))
    assert ids == [f"d-{d.isoformat()}" for d in expected]


def test_header_and_day_headings(briefing: Briefing) -> None:
    doc = parse(render_page(briefing))
    latest = briefing.days[0].date
    assert latest == date(2011, 10, 31)
    assert text_of(q(doc, "h1")[0]) == "Libya Uprising Briefing | Oct. 31"
    assert doc.findtext(".//title") == "Libya Uprising Briefing | Oct. 31"
    headings = [text_of(h).removesuffix(" #") for h in q(doc, "section.day h2")]
    assert headings[0] == "Oct. 31: what you need to know today"
    assert headings[1:4] == ["Oct. 30", "Oct. 27", "Oct. 26"]
    assert headings[-1] == "Sept. 5"
    assert sum("what you need to know today" in h for h in headings) == 1
    assert text_of(q(doc, ".standfirst")[0]) == briefing.standfirst


def test_every_published_bullet_once_and_rejected_never(briefing: Briefing) -> None:
    html = render_page(briefing)
    doc = parse(html)
    shown = [text_of(q(li, ".text")[0]) for li in q(doc, "li.bullet")]
    assert shown == published_texts(briefing)
    rejected = records()[REJECTED]["text"]
    assert rejected not in html
    assert rejected.split(",")[0] not in text_of(doc)


def test_permalinks_are_stable_unique_and_linked(briefing: Briefing) -> None:
    first = parse(render_page(briefing))
    ids = [e.get("id") for e in first.xpath("//*[@id]")]
    assert len(ids) == len(set(ids))
    again = render_page(copy.deepcopy(briefing))
    assert [e.get("id") for e in parse(again).xpath("//*[@id]")] == ids
    for li in q(first, "li.bullet"):
        assert li.get("id").startswith("b-")
        assert q(li, "a.permalink")[0].get("href") == "#" + li.get("id")
        assert q(li, "a.permalink")[0].text == "#"
    for section in q(first, "section.day"):
        assert re.fullmatch(r"d-\d{4}-\d{2}-\d{2}", section.get("id"))
        assert q(section, "h2 a.permalink")[0].get("href") == "#" + section.get("id")
    key = UNKEYED.removeprefix("wcep-libya-2011-")
    assert f'id="b-{key}"' not in again


def test_derived_key_does_not_depend_on_position(briefing: Briefing) -> None:
    text = records()[UNKEYED]["text"]
    before = {li.get("id") for li in q(parse(render_page(briefing)), "li.bullet")}
    derived = [i for i in before if re.fullmatch(r"b-20111025-[0-9a-f]{10}", i)]
    assert len(derived) == 1
    day = next(d for d in briefing.days if d.date == date(2011, 10, 25))
    day.bullets.insert(0, Bullet(text="Another development.", key="extra"))
    briefing.days.reverse()
    doc = parse(render_page(briefing))
    assert text_of(q(doc.get_element_by_id(derived[0]), ".text")[0]) == text


def test_with_reporting_by_for_one_two_and_three_outlets(briefing: Briefing) -> None:
    doc = parse(render_page(briefing))
    lines = {s.get("id"): text_of(q(s, "p.credits")[0]) for s in q(doc, "section.day")}
    by_day: dict[str, set[str]] = {}
    for row in records().values():
        if row["id"] != REJECTED:
            by_day.setdefault(row["published"], set()).update(row["cited_sources"])
    seen_sizes = set()
    for day_id, line in lines.items():
        names = sorted(by_day[day_id.removeprefix("d-")], key=str.casefold)
        seen_sizes.add(len(names))
        if len(names) == 1:
            expected = names[0]
        elif len(names) == 2:
            expected = f"{names[0]} and {names[1]}"
        else:
            expected = ", ".join(names[:-1]) + f" and {names[-1]}"
        assert line == f"With reporting by {expected}."
    assert {1, 2, 3} <= seen_sizes
    assert lines[f"d-{EXTRA_DATE}"] == "With reporting by Associated Press and Sky News."


def test_credits_fall_back_to_the_bullets_outlets() -> None:
    row = records()["wcep-libya-2011-2011-10-27-002"]
    bullet = Bullet(text=row["text"], outlets=row["cited_sources"], key="k")
    briefing = Briefing(story=libya_briefing().story, days=[Day(date(2011, 10, 27), [bullet])])
    line = text_of(q(parse(render_page(briefing)), "p.credits")[0])
    assert line == "With reporting by BBC and Montreal Gazette."


def test_citations_link_web_urls_only(briefing: Briefing) -> None:
    doc = parse(render_page(briefing))
    for li in q(doc, "li.bullet"):
        links = q(li, ".sources a")
        for a in links:
            assert a.get("href").startswith("https://en.wikipedia.org/wiki/Portal:Current_events/")
            assert a.text == "Wikipedia Current Events Portal"
    key = CORPUS_CITED.removeprefix("wcep-libya-2011-")
    corpus = doc.get_element_by_id(f"b-{key}")
    assert q(corpus, ".sources a") == []
    assert text_of(q(corpus, ".sources .source")[0]) == "Wikipedia Current Events Portal"


def test_updated_marker_only_on_changed_bullets(briefing: Briefing) -> None:
    doc = parse(render_page(briefing))
    marked = q(doc, "li.bullet .updated")
    assert len(marked) == 1
    edited = doc.get_element_by_id("b-" + EDITED.removeprefix("wcep-libya-2011-"))
    label = text_of(q(edited, ".updated")[0])
    # Created Oct. 20 09:00 UTC, updated a day and 5.5 hours later: 16:30 in Tripoli (UTC+2).
    assert label == "Updated Oct. 21, 4:30 p.m. EET"
    assert q(edited, ".updated time")[0].get("datetime") == "2011-10-21T16:30:00+02:00"


def test_html_in_text_is_escaped() -> None:
    row = records()["wcep-libya-2011-2011-03-21-015"]
    nasty = row["text"] + ' <script>alert("x")</script> </script><b>AT&T</b>'
    bullet = Bullet(
        text=nasty,
        key='x"><img src=x onerror=alert(1)>',
        outlets=["Al Jazeera & <i>Friends</i>"],
        citations=[Citation(None, "javascript:alert(1)", "Evil <Outlet>", "t")],
    )
    briefing = Briefing(story=libya_briefing().story, days=[Day(date(2011, 3, 21), [bullet])])
    html = render_page(briefing)
    assert "<script>alert" not in html
    assert "<img" not in html and "<b>AT" not in html and "<i>Friends" not in html
    assert "javascript:" not in html.split("</head>")[1].split('href="javascript')[0]
    doc = parse(html)
    assert text_of(q(doc, "li.bullet .text")[0]) == " ".join(nasty.split())
    assert doc.xpath("//a[starts-with(@href, 'javascript')]") == []
    credits = "With reporting by Al Jazeera & <i>Friends</i> and Evil <Outlet>."
    assert text_of(q(doc, ".credits")[0]) == credits
    data = json.loads(doc.xpath("//script[@type='application/ld+json']")[0].text)
    assert data["liveBlogUpdate"][0]["articleBody"] == " ".join(nasty.split())


def test_json_ld_live_blog_posting(briefing: Briefing) -> None:
    doc = parse(render_page(briefing, base_url="https://example.org/libya"))
    scripts = doc.xpath("//script[@type='application/ld+json']")
    assert len(scripts) == 1
    data = json.loads(scripts[0].text)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "LiveBlogPosting"
    assert data["headline"] == "Libya Uprising Briefing"
    assert data["url"] == "https://example.org/libya/"
    updates = data["liveBlogUpdate"]
    ids = [li.get("id") for li in q(doc, "li.bullet")]
    assert [u["url"] for u in updates] == [f"https://example.org/libya/#{i}" for i in ids]
    assert [u["articleBody"] for u in updates] == published_texts(briefing)
    assert all(u["@type"] == "BlogPosting" for u in updates)
    edited = next(u for u in updates if u["url"].endswith(EDITED.removeprefix("wcep-libya-2011-")))
    assert edited["datePublished"] == "2011-10-20T11:00:00+02:00"
    assert edited["dateModified"] == "2011-10-21T16:30:00+02:00"


def test_analysis_section_with_embed(briefing: Briefing) -> None:
    doc = parse(render_page(briefing))
    latest = q(doc, "section.day")[0]
    assert text_of(q(latest, ".analysis h3")[0]) == "Oct. 31: Analysis"
    quote = q(latest, "blockquote.embed")[0]
    embedded = records()["wcep-libya-2011-2011-08-21-001"]
    assert text_of(q(quote, "p")[0]) == embedded["text"]
    credit = text_of(q(quote, "footer")[0])
    assert credit == "— Wikipedia contributors (@wikipedia) August 21, 2011"
    assert q(quote, "footer a")[0].get("href") == embedded["url"]
    oct20 = doc.get_element_by_id("d-2011-10-20")
    assert text_of(q(oct20, ".analysis h3")[0]) == "Oct. 20: Analysis"
    assert q(oct20, "blockquote") == []
    assert q(doc.get_element_by_id("d-2011-10-30"), ".analysis") == []


def test_works_offline_and_credits_the_corpus(briefing: Briefing) -> None:
    doc = parse(render_page(briefing))
    for element, attr in [("link", "href"), ("script", "src"), ("img", "src")]:
        for e in doc.iter(element):
            value = e.get(attr) or ""
            assert not re.match(r"(https?:)?//", value), value
    footer = text_of(q(doc, "footer.site-footer")[0])
    assert "Built with livebrief" in footer
    assert briefing.story.description in footer
    assert doc.xpath("//meta[@name='viewport']")


def test_bad_items_are_skipped_and_reported(briefing: Briefing) -> None:
    briefing.days[0].bullets.append(Bullet(text="   ", key="blank"))
    briefing.days[1].bullets.append(Bullet(text=None, key="none"))  # type: ignore[arg-type]
    briefing.days.append(Day(date="2011-10-19", bullets=[Bullet(text="x")]))  # type: ignore[arg-type]
    view = build_view(briefing)
    reasons = [str(p) for p in view.problems]
    assert reasons == [
        "day #12: date '2011-10-19' is not a date; skipped",
        "bullet #2 of 2011-10-31: empty text; skipped",
        "bullet #2 of 2011-10-30: empty text; skipped",
    ]
    assert all("\n" not in r for r in reasons)
    doc = parse(render_page(briefing))
    assert len(q(doc, "li.bullet")) == len(published_texts(briefing)) - 3


def test_all_rejected_day_and_empty_briefing() -> None:
    story = libya_briefing().story
    row = records()[REJECTED]
    gone = Bullet(text=row["text"], state=BulletState.REJECTED, key="r")
    briefing = Briefing(story=story, days=[Day(date(2011, 10, 18), [gone])])
    doc = parse(render_page(briefing))
    assert q(doc, "section.day") == []
    assert text_of(q(doc, "h1")[0]) == "Libya Uprising Briefing"
    assert "No updates have been published yet." in text_of(doc)
