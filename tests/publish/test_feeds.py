"""Atom and JSON Feed output, checked with feedparser."""

from __future__ import annotations

import copy
import html
import json
import re
from datetime import UTC, datetime, timedelta

import feedparser
import pytest

from livebrief.model import Briefing, BulletState
from livebrief.publish import atom_feed, json_feed
from tests.publish.libya_sample import CORPUS_CITED, EDITED, REJECTED, published_texts, records

BASE = "https://example.org/libya/"
KEY = re.compile(r"#b-[A-Za-z0-9_-]+$")


def edited_bullet(briefing: Briefing):  # type: ignore[no-untyped-def]
    text = records()[EDITED]["text"]
    return next(b for d in briefing.days for b in d.bullets if b.text == text)


def plain(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment))


def as_utc(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp).astimezone(UTC)


def test_atom_is_valid_and_has_one_entry_per_published_bullet(briefing: Briefing) -> None:
    xml = atom_feed(briefing, BASE)
    feed = feedparser.parse(xml)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == "Libya Uprising Briefing"
    assert feed.feed.subtitle == briefing.standfirst
    texts = published_texts(briefing)
    assert len(feed.entries) == len(texts)
    assert records()[REJECTED]["text"] not in xml
    for entry, text in zip(feed.entries, texts, strict=True):
        assert len(entry.title) <= 81
        assert text.startswith(entry.title.rstrip("…"))
        assert text in plain(entry.content[0].value)
        assert entry.link.startswith(BASE + "#b-")
        assert entry.id.startswith("tag:livebrief,")
    assert len({e.id for e in feed.entries}) == len(feed.entries)


def test_entry_dates_follow_created_and_updated(briefing: Briefing) -> None:
    feed = feedparser.parse(atom_feed(briefing, BASE))
    bullet = edited_bullet(briefing)
    entry = next(e for e in feed.entries if e.link.endswith("#b-" + bullet.key))
    assert as_utc(entry.updated) == bullet.updated
    assert as_utc(entry.published) == bullet.created
    assert "Updated Oct. 21, 4:30 p.m. EET" in entry.content[0].value
    newest = max(b.updated for d in briefing.days for b in d.bullets)
    assert as_utc(feed.feed.updated) == newest


def test_a_correction_changes_updated_but_not_the_id(briefing: Briefing) -> None:
    before = {e.id: e for e in feedparser.parse(atom_feed(briefing, BASE)).entries}
    changed = copy.deepcopy(briefing)
    bullet = edited_bullet(changed)
    bullet.text += " Sirte's fall was confirmed by NATO."
    bullet.updated = bullet.updated + timedelta(hours=3)
    after = {e.id: e for e in feedparser.parse(atom_feed(changed, "http://other.host/")).entries}
    assert before.keys() == after.keys()
    moved = [i for i in after if after[i].updated != before[i].updated]
    assert len(moved) == 1
    assert "confirmed by NATO" in after[moved[0]].content[0].value


def test_citation_links_in_entry_content(briefing: Briefing) -> None:
    feed = feedparser.parse(atom_feed(briefing, BASE))
    for entry in feed.entries:
        hrefs = re.findall(r'href="([^"]+)"', entry.content[0].value)
        assert all(h.startswith("https://en.wikipedia.org/") for h in hrefs)
        assert "Sources: " in entry.content[0].value


def test_atom_without_base_url_is_still_valid(briefing: Briefing) -> None:
    feed = feedparser.parse(atom_feed(briefing, ""))
    assert feed.bozo == 0
    assert all(KEY.search(e.link) for e in feed.entries)


def test_rejecting_a_bullet_removes_its_entry(briefing: Briefing) -> None:
    full = feedparser.parse(atom_feed(briefing, BASE))
    edited_bullet(briefing).state = BulletState.REJECTED
    fewer = feedparser.parse(atom_feed(briefing, BASE))
    assert len(fewer.entries) == len(full.entries) - 1


def test_json_feed_shape(briefing: Briefing) -> None:
    data = json.loads(json_feed(briefing, BASE))
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert data["title"] == "Libya Uprising Briefing"
    assert data["home_page_url"] == BASE
    assert data["feed_url"] == BASE + "feed.json"
    items = data["items"]
    assert [i["content_text"].split(" (Sources:")[0] for i in items] == published_texts(briefing)
    for item in items:
        assert isinstance(item["id"], str) and item["id"]
        assert KEY.search(item["url"])
        linked = not item["content_text"].startswith(records()[CORPUS_CITED]["text"])
        assert ("<a href=" in item["content_html"]) == linked
        assert datetime.fromisoformat(item["date_modified"]) >= datetime.fromisoformat(
            item["date_published"]
        )
    bullet = edited_bullet(briefing)
    item = next(i for i in items if i["url"].endswith("#b-" + bullet.key))
    assert as_utc(item["date_modified"]) == bullet.updated
    assert as_utc(item["date_published"]) == bullet.created
    assert item["tags"] == records()[EDITED]["cited_sources"]


# JSON Feed 1.1 (https://jsonfeed.org/version/1.1): the keys it defines and what they hold.
FEED_KEYS = {
    "version",
    "title",
    "home_page_url",
    "feed_url",
    "description",
    "user_comment",
    "next_url",
    "icon",
    "favicon",
    "authors",
    "language",
    "expired",
    "hubs",
    "items",
}
ITEM_KEYS = {
    "id",
    "url",
    "external_url",
    "title",
    "content_html",
    "content_text",
    "summary",
    "image",
    "banner_image",
    "date_published",
    "date_modified",
    "authors",
    "tags",
    "language",
    "attachments",
}
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def json_feed_errors(data: dict) -> list[str]:  # type: ignore[type-arg]
    """Where `data` breaks the JSON Feed 1.1 spec (extensions start with "_")."""
    errors = [f"unknown key {k}" for k in data if k not in FEED_KEYS and not k.startswith("_")]
    if data.get("version") != "https://jsonfeed.org/version/1.1":
        errors.append("version")
    if not isinstance(data.get("title"), str):
        errors.append("title")
    for author in data.get("authors", []):
        if not set(author) <= {"name", "url", "avatar"} or not author:
            errors.append(f"author {author}")
    if not isinstance(data.get("items"), list):
        return errors + ["items"]
    for n, item in enumerate(data["items"]):
        errors += [f"item {n}: key {k}" for k in item if k not in ITEM_KEYS and k[0] != "_"]
        if not isinstance(item.get("id"), str):
            errors.append(f"item {n}: id")
        if not ("content_html" in item or "content_text" in item):
            errors.append(f"item {n}: no content")
        for key in ("date_published", "date_modified"):
            if key in item and not RFC3339.match(item[key]):
                errors.append(f"item {n}: {key} {item[key]}")
        tags = item.get("tags", [])
        if not (isinstance(tags, list) and all(isinstance(t, str) for t in tags)):
            errors.append(f"item {n}: tags")
    return errors


@pytest.mark.parametrize("base", [BASE, ""])
def test_json_feed_follows_the_spec_and_ids_match_atom(briefing: Briefing, base: str) -> None:
    data = json.loads(json_feed(briefing, base))
    assert json_feed_errors(data) == []
    atom = feedparser.parse(atom_feed(briefing, base))
    assert [i["id"] for i in data["items"]] == [e.id for e in atom.entries]


def test_the_spec_check_catches_mistakes(briefing: Briefing) -> None:
    data = json.loads(json_feed(briefing, BASE))
    data["items"][0]["date_modified"] = "Oct. 21"
    del data["items"][1]["id"]
    data["entries"] = []
    assert json_feed_errors(data) == [
        "unknown key entries",
        "item 0: date_modified Oct. 21",
        "item 1: id",
    ]


@pytest.mark.parametrize("limit", [0, 3])
def test_limit_keeps_the_newest_entries(briefing: Briefing, limit: int) -> None:
    full = json.loads(json_feed(briefing, BASE))["items"]
    short = json.loads(json_feed(briefing, BASE, limit=limit))["items"]
    assert short == full[:limit]
    assert len(feedparser.parse(atom_feed(briefing, BASE, limit=limit)).entries) == limit
