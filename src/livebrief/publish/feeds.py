"""Atom 1.0 and JSON Feed 1.1: one entry per published bullet, newest first.

Entry ids are tag: URIs built from the story slug and the bullet key, so they do not change
when the site moves; `updated` / `date_modified` carry a bullet's latest change, so feed
readers pick up corrections.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

from livebrief.model import Briefing
from livebrief.publish.format import headline, rfc3339
from livebrief.publish.view import BriefingView, BulletView, build_view

ATOM_NS = "http://www.w3.org/2005/Atom"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
TAG_PREFIX = "tag:livebrief,2025:"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def feed_id(view: BriefingView) -> str:
    return TAG_PREFIX + quote(view.story.slug, safe="-._~")


def entry_id(view: BriefingView, bullet: BulletView) -> str:
    return f"{feed_id(view)}/{bullet.anchor}"


def entry_link(view: BriefingView, bullet: BulletView) -> str:
    """The bullet's permalink; relative to the feed's folder when no base URL is known."""
    return view.url(bullet.anchor) if view.base_url else f"./#{bullet.anchor}"


def bullet_html(bullet: BulletView) -> str:
    """The bullet as an HTML fragment: its text, its sources, and whether it was updated."""
    parts = [Markup("<p>{}</p>").format(bullet.text)]
    if bullet.sources:
        links = [
            Markup('<a href="{}">{}</a>').format(s.href, s.label) if s.href else escape(s.label)
            for s in bullet.sources
        ]
        parts.append(Markup("<p>Sources: {}</p>").format(Markup(", ").join(links)))
    if bullet.show_updated:
        when = f" {bullet.updated_label}" if bullet.updated_label else ""
        parts.append(Markup("<p><em>Updated{}</em></p>").format(when))
    return str(Markup("").join(parts))


def bullet_text(bullet: BulletView) -> str:
    sources = ", ".join(s.label for s in bullet.sources)
    return f"{bullet.text} (Sources: {sources})" if sources else bullet.text


def _feed_updated(view: BriefingView) -> datetime:
    stamps = [b.modified for b in view.bullets]
    if view.updated:
        stamps.append(view.updated)
    return max(stamps, default=_EPOCH)


def _entries(view: BriefingView, limit: int | None) -> list[BulletView]:
    bullets = view.bullets
    return bullets if limit is None else bullets[: max(limit, 0)]


def atom_feed(
    briefing: Briefing,
    base_url: str = "",
    *,
    limit: int | None = None,
    view: BriefingView | None = None,
) -> str:
    """The briefing as an Atom 1.0 document (UTF-8 XML text)."""
    view = view or build_view(briefing, base_url=base_url)
    feed = ET.Element("feed", {"xmlns": ATOM_NS, "xml:lang": "en"})
    _text(feed, "id", feed_id(view))
    _text(feed, "title", view.title)
    if view.standfirst:
        _text(feed, "subtitle", view.standfirst)
    _text(feed, "updated", rfc3339(_feed_updated(view)))
    if view.base_url:
        _link(feed, "alternate", "text/html", view.base_url)
        _link(feed, "self", "application/atom+xml", view.base_url + "feed.atom")
    author = ET.SubElement(feed, "author")
    _text(author, "name", view.title)
    _text(feed, "generator", "livebrief")
    for bullet in _entries(view, limit):
        entry = ET.SubElement(feed, "entry")
        _text(entry, "id", entry_id(view, bullet))
        _text(entry, "title", headline(bullet.text))
        _text(entry, "updated", rfc3339(bullet.modified))
        _text(entry, "published", rfc3339(bullet.published))
        _link(entry, "alternate", "text/html", entry_link(view, bullet))
        for outlet in bullet.outlets:
            ET.SubElement(entry, "category", {"term": outlet})
        _text(entry, "content", bullet_html(bullet)).set("type", "html")
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode")


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, tag)
    element.text = text
    return element


def _link(parent: ET.Element, rel: str, kind: str, href: str) -> None:
    ET.SubElement(parent, "link", {"rel": rel, "type": kind, "href": href})


def json_feed(
    briefing: Briefing,
    base_url: str = "",
    *,
    limit: int | None = None,
    view: BriefingView | None = None,
) -> str:
    """The briefing as a JSON Feed 1.1 document."""
    view = view or build_view(briefing, base_url=base_url)
    feed: dict[str, Any] = {"version": JSON_FEED_VERSION, "title": view.title}
    if view.base_url:
        feed["home_page_url"] = view.base_url
        feed["feed_url"] = view.base_url + "feed.json"
    if view.standfirst:
        feed["description"] = view.standfirst
    feed["language"] = "en"
    feed["authors"] = [{"name": view.title}]
    feed["items"] = [_json_item(view, b) for b in _entries(view, limit)]
    return json.dumps(feed, ensure_ascii=False, indent=2) + "\n"


def _json_item(view: BriefingView, bullet: BulletView) -> dict[str, Any]:
    item: dict[str, Any] = {"id": entry_id(view, bullet)}
    if view.base_url:
        item["url"] = view.url(bullet.anchor)
    item["title"] = headline(bullet.text)
    item["content_html"] = bullet_html(bullet)
    item["content_text"] = bullet_text(bullet)
    item["date_published"] = rfc3339(bullet.published)
    item["date_modified"] = rfc3339(bullet.modified)
    if bullet.outlets:
        item["tags"] = bullet.outlets
    return item
