"""Feeds in, reports out: RSS 2.0, RSS 0.9/RDF and Atom (with feedparser) and JSON Feed.

The bytes are fetched here (a URL through a :class:`Fetcher`, or a local file) and handed to
the parser, so timeouts, size caps and robots.txt apply. An entry that carries only a summary
is completed from its web page when a fetcher is available.
"""

from __future__ import annotations

import calendar
import hashlib
import json
import logging
import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import feedparser
import lxml.etree
import lxml.html

from livebrief.extract.article import (
    binary_reason,
    detect_language,
    domain_of,
    extract_article,
    normalize_language,
    parse_timestamp,
)
from livebrief.extract.embeds import find_embeds
from livebrief.ingest.http import Fetcher, FetchError, canonical_url, is_url, read_local
from livebrief.model import Embed, Problem, Report

log = logging.getLogger(__name__)

SUMMARY_CHARS = 400  # an entry with less text than this is a summary: fetch the page
PAGE_WORKERS = 4
_BLOCKS = {
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
    "tr", "table", "section", "article", "figure", "figcaption", "header", "footer", "dd",
    "dt", "dl", "hr", "aside", "main", "nav",
}  # fmt: skip
_SAX_LOCATION = re.compile(r"^<unknown>:(\d+):(\d+):\s*")


@dataclass(slots=True)
class FeedEntry:
    """One entry, whatever the feed format."""

    id: str | None
    link: str | None
    title: str
    body: str  # HTML or plain text, as the feed gives it
    body_type: str  # text/html | text/plain
    full: bool  # body is the entry's content, not a summary
    published: datetime | None
    author: str | None
    language: str | None
    source: str | None = None  # the outlet an aggregator credits (RSS <source>)


@dataclass(slots=True)
class Feed:
    title: str
    link: str | None
    language: str | None
    entries: list[FeedEntry | str] = field(default_factory=list)  # str: why it is unusable


def read_feed(
    source: str | Path, fetcher: Fetcher | None = None, *, fetch_pages: bool = True
) -> Iterator[Report | Problem]:
    """Reports from a feed at a URL or in a local file; Problems for what cannot be used.

    A URL without a fetcher gets a default one. Summary-only entries are completed from their
    pages when ``fetch_pages`` and a fetcher (given, or made for a URL) is there.
    """
    name = str(source)
    own = Fetcher() if fetcher is None and is_url(source) else None
    fetcher = fetcher or own
    try:
        try:
            data, content_type, base, fetched = _load(source, fetcher)
        except FetchError as exc:
            yield Problem(name, exc.reason)
            return
        feed = parse_feed(data, content_type, base)
        if isinstance(feed, str):
            yield Problem(name, feed)
            return
        yield from _reports(name, feed, fetcher if fetch_pages else None, fetched)
    finally:
        if own is not None:
            own.close()


def _load(
    source: str | Path, fetcher: Fetcher | None
) -> tuple[bytes, str, str | None, datetime | None]:
    """The feed's bytes, Content-Type, final URL and fetch time (the last two None for a file)."""
    if fetcher is not None and is_url(source):
        got = fetcher.get(str(source))
        return got.content, got.content_type, got.url, got.fetched
    return read_local(source), "", None, None


def parse_feed(data: bytes, content_type: str = "", base: str | None = None) -> Feed | str:
    """The feed in ``data``, or the reason it is not one."""
    if not data.strip():
        return "empty feed document"
    binary = binary_reason(data)
    if binary:
        return f"{binary}, not a feed"
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if head == b"{" or "json" in content_type.lower():
        return _json_feed(data)
    return _xml_feed(data, content_type, base)


# --- RSS, RDF, Atom -------------------------------------------------------------------------


def _xml_feed(data: bytes, content_type: str, base: str | None) -> Feed | str:
    headers = {"content-type": content_type} if content_type else {}
    if base:
        headers["content-location"] = base
    parsed = feedparser.parse(data, response_headers=headers)
    if not parsed.entries:
        if parsed.bozo:
            return f"not a valid feed ({_bozo(parsed.get('bozo_exception'))})"
        if not parsed.version:
            return "not a feed (no RSS, RDF or Atom document found)"
    meta = parsed.feed
    feed_author = _name(meta.get("author_detail")) or meta.get("author")
    atom = str(parsed.version or "").startswith("atom")
    feed = Feed(
        title=_plain(meta.get("title", "")),
        link=meta.get("link"),
        language=meta.get("language"),
    )
    for e in parsed.entries:
        contents = e.get("content") or []
        content = next((c for c in contents if "html" in c.get("type", "")), None)
        content = content or (contents[0] if contents else None)
        summary = e.get("summary_detail") or {}
        chosen = content if content and content.get("value") else summary
        feed.entries.append(
            FeedEntry(
                id=e.get("id"),
                link=_entry_link(e),
                title=_plain(e.get("title", "")),
                body=chosen.get("value", "") if chosen else "",
                body_type=_body_type(chosen.get("type", "") if chosen else ""),
                full=bool(content and content.get("value")),
                published=_struct_time(
                    e.get("published_parsed") or e.get("updated_parsed") or e.get("created_parsed")
                ),
                author=_name(e.get("author_detail"))
                or e.get("author")
                or (feed_author if atom else None),
                language=(content or {}).get("language") or summary.get("language"),
                source=_plain((e.get("source") or {}).get("title") or "") or None,
            )
        )
    return feed


def _entry_link(entry: Any) -> str | None:
    links = entry.get("links") or []
    for rel in ("alternate", "self"):
        for link in links:
            if link.get("rel") == rel and is_url(link.get("href", "")):
                return link["href"]
    for candidate in (entry.get("link"), entry.get("id")):
        if is_url(candidate):
            return candidate
    return None


def _bozo(exc: object) -> str:
    if exc is None:
        return "unknown error"
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    match = _SAX_LOCATION.match(text)
    if match:
        text = f"line {match.group(1)}, column {match.group(2)}: {text[match.end() :]}"
    return text


def _struct_time(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(value), UTC)
    except (TypeError, ValueError, OverflowError):
        return None


def _name(detail: Any) -> str | None:
    if isinstance(detail, dict):
        name = detail.get("name")
        return (name.strip() or None) if isinstance(name, str) else None
    return None


def _body_type(media_type: str) -> str:
    return "text/plain" if media_type == "text/plain" else "text/html"


# --- JSON Feed (jsonfeed.org 1.0 and 1.1) -------------------------------------------------


def _json_feed(data: bytes) -> Feed | str:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return "not a valid JSON Feed (not UTF-8)"
    except ValueError as exc:
        return f"not valid JSON ({str(exc).splitlines()[0]})"
    version = doc.get("version") if isinstance(doc, dict) else None
    if not isinstance(version, str) or not version.startswith("https://jsonfeed.org/version/"):
        return "not a JSON Feed (no jsonfeed.org version)"
    items = doc.get("items")
    if not isinstance(items, list):
        return "not a valid JSON Feed (no items list)"
    feed_author = _json_author(doc)
    feed = Feed(
        title=_plain(_s(doc.get("title"))),
        link=_s(doc.get("home_page_url")) or None,
        language=_s(doc.get("language")) or None,
    )
    for item in items:
        if not isinstance(item, dict):
            feed.entries.append("entry is not a JSON object")
            continue
        html, text, summary = (_s(item.get(k)) for k in ("content_html", "content_text", "summary"))
        body, body_type = (html, "text/html") if html else (text or summary, "text/plain")
        link = _s(item.get("url")) or _s(item.get("external_url"))
        stamp = _s(item.get("date_published")) or _s(item.get("date_modified"))
        item_id = item.get("id")
        feed.entries.append(
            FeedEntry(
                id=str(item_id) if item_id is not None else None,
                link=link if is_url(link) else None,
                title=_plain(_s(item.get("title"))),
                body=body,
                body_type=body_type,
                full=bool(html or text),
                published=_utc(parse_timestamp(stamp)) if stamp else None,
                author=_json_author(item) or feed_author,
                language=_s(item.get("language")) or None,
            )
        )
    return feed


def _json_author(obj: dict[str, Any]) -> str | None:
    authors = obj.get("authors")
    candidates = authors if isinstance(authors, list) else []
    candidates = [*candidates, obj.get("author")]
    for author in candidates:
        if isinstance(author, dict) and _s(author.get("name")):
            return _s(author.get("name"))
    return None


def _s(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)


# --- entries to reports ---------------------------------------------------------------------


def _reports(
    name: str, feed: Feed, pages: Fetcher | None, fetched: datetime | None
) -> Iterator[Report | Problem]:
    outlet = feed.title or domain_of(feed.link) or domain_of(name) or None
    drafts: list[tuple[Report | Problem, bool]] = []  # (item, needs its page)
    for n, entry in enumerate(feed.entries, 1):
        if isinstance(entry, str):
            drafts.append((Problem(f"{name} entry {n}", entry), False))
            continue
        report = _report(name, n, feed, entry, outlet)
        if isinstance(report, Problem):
            drafts.append((report, False))
            continue
        report.fetched = fetched
        summary_only = not (entry.full and len(report.text) >= SUMMARY_CHARS)
        drafts.append((report, summary_only and pages is not None and is_url(report.url)))
    if pages is None or not any(need for _, need in drafts):
        yield from (item for item, _ in drafts)
        return
    complete = partial(
        _complete_from_page, fetcher=pages, home=domain_of(feed.link or name), outlet=outlet
    )
    with ThreadPoolExecutor(max_workers=PAGE_WORKERS) as pool:
        jobs = [
            pool.submit(complete, item) if need and isinstance(item, Report) else None
            for item, need in drafts
        ]
        try:
            for (item, _), job in zip(drafts, jobs, strict=True):
                yield job.result() if job is not None else item
        finally:
            for job in jobs:
                if job is not None:
                    job.cancel()


def _report(
    name: str, n: int, feed: Feed, entry: FeedEntry, outlet: str | None
) -> Report | Problem:
    if entry.body_type == "text/html":
        text, embeds = _fragment(entry.body)
    else:
        text, embeds = _plain_paragraphs(entry.body), []
    if not entry.title and not text:
        return Problem(f"{name} entry {n}", "entry has no title and no text")
    link = urljoin(feed.link or "", entry.link) if entry.link else None
    url = canonical_url(link) if link and is_url(link) else _entry_urn(name, feed, entry)
    language = (
        normalize_language(entry.language)
        or detect_language(f"{entry.title}\n{text}")
        or normalize_language(feed.language)
    )
    return Report(
        url=url,
        title=entry.title,
        text=text,
        published=entry.published,
        outlet=entry.source or outlet,
        author=entry.author,
        language=language,
        raw=entry.body.encode("utf-8") if entry.body else None,
        raw_type=entry.body_type if entry.body else None,
        embeds=embeds,
    )


def _complete_from_page(report: Report, fetcher: Fetcher, home: str, outlet: str | None) -> Report:
    """The report with its text from the linked page; unchanged if the page is no use.

    A page on another site than the feed's (an aggregator's feed) credits that site.
    """
    try:
        got = fetcher.get(report.url)
    except FetchError as exc:
        log.warning("keeping the feed summary: %s", exc)
        return report
    page = extract_article(got.content, got.url, fetched=got.fetched, content_type=got.content_type)
    if isinstance(page, Problem):
        log.warning("keeping the feed summary: %s: %s", report.url, page.reason)
        return report
    if len(page.text) <= len(report.text):
        return report
    report.text = page.text
    report.title = report.title or page.title
    report.published = report.published or page.published
    report.author = report.author or page.author
    report.language = page.language or report.language
    report.fetched = page.fetched
    report.kind = page.kind
    report.raw, report.raw_type = page.raw, page.raw_type
    report.embeds = page.embeds
    if report.outlet == outlet and page.outlet and domain_of(got.url) != home:
        report.outlet = page.outlet
    return report


def _entry_urn(name: str, feed: Feed, entry: FeedEntry) -> str:
    """A stable identifier for an entry without a link: from the feed and the entry's id."""
    feed_key = feed.link or feed.title or name
    entry_key = entry.id or f"{entry.title}\n{entry.published}\n{entry.body[:500]}"
    digest = hashlib.sha256(f"{feed_key}\n{entry_key}".encode()).hexdigest()
    return f"urn:livebrief:entry:{digest[:32]}"


# --- HTML fragments to text ----------------------------------------------------------------


def html_text(fragment: str) -> str:
    """Plain text of an HTML fragment: blocks become paragraphs separated by blank lines,
    ``<br>`` a line break; scripts, styles and comments are dropped."""
    return _fragment(fragment)[0]


def _fragment(fragment: str) -> tuple[str, list[Embed]]:
    """The text of an HTML fragment, and the social posts embedded in it (kept out of the text)."""
    if "<" not in fragment:
        return _plain_paragraphs(fragment), []
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, lxml.etree.LxmlError):
        return _plain_paragraphs(fragment), []
    embeds = find_embeds(root, remove=True)
    for node in list(root.iter("script", "style", lxml.etree.Comment)):
        node.drop_tree()
    out: list[str] = []
    pre = 0  # inside <pre>, line breaks in the text are kept

    def add(text: str | None) -> None:
        if text:
            out.append(text if pre else re.sub(r"\s+", " ", text))

    for action, node in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = node.tag if isinstance(node.tag, str) else ""
        if action == "start":
            pre += tag == "pre"
            out.append("\n" if tag == "br" else "\n\n" if tag in _BLOCKS else "")
            add(node.text)
        else:
            pre -= tag == "pre"
            out.append("\n\n" if tag in _BLOCKS else "")
            if node is not root:
                add(node.tail)
    return _plain_paragraphs("".join(out)), embeds


def _plain_paragraphs(text: str) -> str:
    """Paragraphs (split on blank lines) with spaces normalised, joined by blank lines."""
    paragraphs = []
    for block in re.split(r"\n\s*\n", text):
        lines = (" ".join(line.split()) for line in block.splitlines())
        joined = "\n".join(line for line in lines if line)
        if joined:
            paragraphs.append(joined)
    return "\n\n".join(paragraphs)


def _plain(text: str) -> str:
    """A title: entities decoded by the parser already; stray tags and spaces removed."""
    if "<" in text and ">" in text:
        text = html_text(text)
    return " ".join(text.split())
