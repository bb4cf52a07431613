"""The Markdown rendering, read back through a CommonMark parser."""

from __future__ import annotations

import re
from datetime import date

import lxml.html
from markdown_it import MarkdownIt

from livebrief.model import Briefing, Bullet, Day
from livebrief.publish import to_markdown
from livebrief.publish.format import ap_date
from tests.publish.libya_sample import EMBEDDED, REJECTED, published_texts, records


def rendered(markdown: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(f"<div>{MarkdownIt('commonmark').render(markdown)}</div>")


def test_anatomy(briefing: Briefing) -> None:
    md = to_markdown(briefing)
    lines = md.splitlines()
    assert lines[0] == "# Libya Uprising Briefing | Oct. 31"
    days = sorted((d.date for d in briefing.days), reverse=True)
    headings = [line for line in lines if line.startswith("## ")]
    assert headings[0] == f"## {ap_date(days[0])}: what you need to know today"
    assert headings[1:] == [f"## {ap_date(d)}" for d in days[1:]]
    assert lines.count("### Oct. 31: Analysis") == 1
    assert lines.count("### Oct. 20: Analysis") == 1
    assert "With reporting by Associated Press and Sky News." in lines
    assert "With reporting by BBC, Daily Mail and Reuters Africa." in lines
    assert records()[REJECTED]["text"] not in md


def test_bullets_read_back_as_list_items(briefing: Briefing) -> None:
    doc = rendered(to_markdown(briefing))
    items = [" ".join(li.text_content().split()) for li in doc.iter("li")]
    texts = published_texts(briefing)
    assert len(items) == len(texts)
    for item, text in zip(items, texts, strict=True):
        assert item.startswith(text + " (Wikipedia Current Events Portal)")
    assert sum("Updated Oct. 21, 4:30 p.m. EET" in i for i in items) == 1
    links = [a.get("href") for li in doc.iter("li") for a in li.iter("a")]
    assert len(links) == len(texts) - 1  # the corpus: citation is not a link
    assert all(h.startswith("https://en.wikipedia.org/wiki/Portal:Current_events/") for h in links)


def test_embed_is_a_blockquote(briefing: Briefing) -> None:
    doc = rendered(to_markdown(briefing))
    quote = " ".join(doc.xpath("//blockquote")[0].text_content().split())
    post = records()[EMBEDDED]
    assert quote == f"Embed: {post['text']} — Wikipedia contributors (@wikipedia) August 21, 2011"
    assert doc.xpath("//blockquote//a")[0].get("href") == post["url"]


def test_markup_in_text_stays_text() -> None:
    row = records()["wcep-libya-2011-2011-03-21-015"]
    text = f"{row['text']} *not bold* _nor_ [a](http://x) <b>AT&T</b> `code`"
    day = Day(date(2011, 3, 21), [Bullet(text=text, key="k")])
    md = to_markdown(Briefing(story=briefing_story(), days=[day], standfirst="# not a heading"))
    doc = rendered(md)
    assert " ".join(doc.xpath("//li")[0].text_content().split()) == text
    assert doc.xpath("//li//b | //li//em | //li//a | //li//code | //h1[. = 'not a heading']") == []
    assert re.search(r"^\\# not a heading$", md, re.M)


def briefing_story():  # type: ignore[no-untyped-def]
    from tests.publish.libya_sample import story

    return story()
