"""One web page in, one :class:`~livebrief.model.Report` out (or a :class:`Problem`).

trafilatura finds the article text and metadata. Around it: the bytes are decoded (charset from
the header or the page, detection as a fallback: ``decode``), inputs that are not HTML pages are
refused, and what trafilatura leaves out is added: a publication time of day (``published``),
the language (``language``), JSON-LD ``articleBody`` when the visible text is a stub and the kind
of article (``metadata``), embedded social posts (``embeds``).
"""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import urlsplit

import lxml.etree
import lxml_html_clean  # noqa: F401  (trafilatura needs it importable with current lxml)
import trafilatura
from lxml.html import HtmlElement
from trafilatura.settings import Document

from livebrief.extract.decode import binary_reason, decode_html, has_html_tags
from livebrief.extract.embeds import find_embeds
from livebrief.extract.language import detect_language, normalize_language
from livebrief.extract.metadata import page_facts
from livebrief.extract.published import date_with_time, find_date, parse_timestamp, stated_time
from livebrief.model import Problem, Report

__all__ = [
    "MIN_TEXT_CHARS",
    "binary_reason",
    "decode_html",
    "detect_language",
    "domain_of",
    "extract_article",
    "normalize_language",
    "parse_timestamp",
]

MIN_TEXT_CHARS = 100  # less than this is a menu or a caption, not an article
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def extract_article(
    html: bytes | str,
    url: str | None = None,
    *,
    fetched: datetime | None = None,
    content_type: str | None = None,
) -> Report | Problem:
    """Extract the article of a page.

    ``content_type`` is the HTTP header, if the page came over HTTP (its charset wins).
    Returns a Problem naming ``url`` (or "page") when the input is not an article page.
    """
    item = url or "page"
    raw = html.encode("utf-8") if isinstance(html, str) else bytes(html)
    if not raw.strip():
        return Problem(item, "empty page")
    binary = binary_reason(raw)
    if binary:
        return Problem(item, f"{binary}, not an HTML page")
    if not has_html_tags(raw):
        return Problem(item, "not an HTML page (no HTML tags found)")
    text = html if isinstance(html, str) else decode_html(raw, content_type)
    tree = _load(text)
    if tree is None:
        return Problem(item, "could not parse the HTML")

    facts = page_facts(tree)
    embeds = find_embeds(tree, remove=True)
    try:
        doc = _trafilatura(tree, url)
    except Exception as exc:  # third-party code on arbitrary input: one item, not the batch
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        return Problem(item, f"extraction failed ({type(exc).__name__}: {detail})")

    body = _body_text(doc.body) if doc.body is not None else ""
    if facts.article_body and len(facts.article_body) > 2 * len(body):
        body = _paragraphs(facts.article_body)
    title = _title(doc.title or facts.headline, facts.h1)
    body = _without_heading(body, title)
    if len(body) < MIN_TEXT_CHARS:
        return Problem(item, "no article text found")

    page_url = url or doc.url or ""
    outlet = _clean(doc.sitename) or domain_of(page_url)
    published = stated_time(facts.published, fetched) or stated_time(facts.lone_time, fetched)
    if published is None:
        day = doc.date or find_date(tree, url)
        published = date_with_time(day, facts.published + facts.timestamps)
    return Report(
        url=page_url,
        title=title,
        text=body,
        published=published,
        outlet=outlet or None,
        author=_author(doc.author, outlet),
        fetched=fetched,
        language=detect_language(body) or facts.language,
        kind=facts.kind,
        raw=raw,
        raw_type="text/html",
        embeds=embeds,
    )


def _trafilatura(tree: HtmlElement, url: str | None) -> Document:
    """trafilatura's text and metadata; an empty Document when it finds nothing."""
    doc = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=True
    )
    return doc if isinstance(doc, Document) else Document()


def _load(text: str) -> HtmlElement | None:
    text = _XML_DECLARATION.sub("", text, count=1)
    try:
        tree = trafilatura.load_html(text)
    except (ValueError, TypeError, lxml.etree.LxmlError):
        return None
    return tree if isinstance(tree, HtmlElement) else None


# --- text -----------------------------------------------------------------------------------


_SPACES = re.compile(r"\s+")
_LEAF_BLOCKS = {"p", "head", "item", "row", "code", "quote", "div"}  # trafilatura's output tags


def _body_text(body: lxml.etree._Element) -> str:
    """Paragraphs of trafilatura's output tree, separated by blank lines; <lb/> is a line break,
    other newlines in the page source are spaces."""
    paragraphs = []
    for block in body.iter(*_LEAF_BLOCKS):
        if any(child.tag in _LEAF_BLOCKS for child in block.iterdescendants()):
            continue  # a container: its blocks come on their own
        parts: list[str] = []
        for action, node in lxml.etree.iterwalk(block, events=("start", "end")):
            if action == "start":
                parts.append("\n" if node.tag == "lb" else " " if node.tag == "cell" else "")
                parts.append(_SPACES.sub(" ", node.text or ""))
            elif node is not block:
                parts.append(_SPACES.sub(" ", node.tail or ""))
        lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
        text = "\n".join(line for line in lines if line)
        if text:
            paragraphs.append(text)
    return "\n\n".join(paragraphs)


def _paragraphs(text: str) -> str:
    """One paragraph a line in, paragraphs separated by blank lines out."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)


def _title(title: str | None, headings: list[str]) -> str:
    """The title without a site suffix: "Headline | Site | date" becomes the page's
    <h1> "Headline" when the title starts with it."""
    title = _clean(title)
    for heading in headings:
        if len(heading) >= 10 and title.startswith(heading):
            rest = title[len(heading) :].lstrip()
            if rest[:1] in {"|", "-", "–", "—", ":", "·", "•"}:
                return heading
    return title


def _author(author: str | None, outlet: str) -> str | None:
    """The byline, or None when it only names the outlet ("SPIEGEL ONLINE; Hamburg; Germany")."""
    parts = [_clean(part) for part in (author or "").split(";") if part.strip()]
    site = _letters(outlet)
    if not parts or (site and _same_name(_letters(parts[0]), site)):
        return None
    return "; ".join(parts)


def _letters(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum())


def _same_name(a: str, b: str) -> bool:
    return len(a) >= 4 and len(b) >= 4 and (a in b or b in a)


def _without_heading(body: str, title: str) -> str:
    """The text without the heading: a paragraph near the top that only repeats the title."""
    paragraphs = body.split("\n\n")
    for i, paragraph in enumerate(paragraphs[:3]):
        if paragraph == title:
            return "\n\n".join(paragraphs[:i] + paragraphs[i + 1 :])
    return body


def _clean(value: str | None) -> str:
    return " ".join(value.split()) if value else ""


def domain_of(url: str | None) -> str:
    """``example.com`` from ``https://www.example.com/path``; "" when there is no host."""
    if not url:
        return ""
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")
