"""What a page says about itself: meta tags, JSON-LD, <time> elements, <h1>, its language."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from livebrief.extract.language import normalize_language
from livebrief.model import ReportKind

# Metadata that names the publication time explicitly, and looser date fields.
_PUBLISHED_KEYS = {"article:published_time", "og:article:published_time", "datepublished"}
_DATE_KEYS = {
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "dcterms.issued",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
}
_ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "blogposting",
    "liveblogposting",
    "report",
    "socialmediaposting",
}
_KINDS = {
    "opinionnewsarticle": ReportKind.OPINION,
    "analysisnewsarticle": ReportKind.ANALYSIS,
    "backgroundnewsarticle": ReportKind.ANALYSIS,
}


@dataclass(slots=True)
class PageFacts:
    """What a page states about itself, read before trafilatura runs."""

    language: str | None = None
    headline: str | None = None
    article_body: str = ""
    kind: ReportKind = ReportKind.NEWS
    published: list[str] = field(default_factory=list)  # stated publication times
    timestamps: list[str] = field(default_factory=list)  # other dates in the metadata
    lone_time: list[str] = field(default_factory=list)  # the page's only <time datetime>
    h1: list[str] = field(default_factory=list)


def page_facts(tree: HtmlElement) -> PageFacts:
    """Meta tags, JSON-LD articles, <time> elements, <h1> headings and the declared language."""
    facts = PageFacts(language=_declared_language(tree))
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _PUBLISHED_KEYS and meta.get("content"):
            facts.published.append(meta.get("content", ""))
        elif key in _DATE_KEYS and meta.get("content"):
            facts.timestamps.append(meta.get("content", ""))
    for item in _json_ld_articles(tree):
        facts.headline = facts.headline or _str(item.get("headline"))
        body = _str(item.get("articleBody"))
        if body and len(body) > len(facts.article_body):
            facts.article_body = _html_to_lines(body) if "<" in body else body
        published = _str(item.get("datePublished"))
        if published:
            facts.published.append(published)
        for type_name in _types(item):
            facts.kind = _KINDS.get(type_name, facts.kind)
    times = [node for node in tree.iter("time") if node.get("datetime")]
    for node in times:
        if node.get("itemprop") == "datePublished":
            facts.published.append(node.get("datetime", ""))
        elif node.get("pubdate") is not None:
            facts.timestamps.append(node.get("datetime", ""))
    if len(times) == 1:
        facts.lone_time.append(times[0].get("datetime", ""))
    facts.h1 = [" ".join(node.text_content().split()) for node in tree.iter("h1")]
    if facts.headline is None:
        title = tree.find(".//title")
        facts.headline = title.text_content() if title is not None else None
    return facts


def _declared_language(tree: HtmlElement) -> str | None:
    declared = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    if not declared:
        for meta in tree.iter("meta"):
            if (meta.get("http-equiv") or "").lower() == "content-language":
                declared = meta.get("content")
                break
    return normalize_language(declared)


def _json_ld_articles(tree: HtmlElement) -> list[dict[str, object]]:
    found: list[dict[str, object]] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text, strict=False)
        except ValueError:
            continue
        stack: list[object] = [data]
        while stack:
            node = stack.pop(0)
            if isinstance(node, list):
                stack.extend(node)
            elif isinstance(node, dict):
                if _types(node) & _ARTICLE_TYPES:
                    found.append(node)
                stack.extend(v for k, v in node.items() if k in ("@graph", "mainEntity"))
    return found


def _types(item: dict[str, object]) -> set[str]:
    value = item.get("@type")
    names = value if isinstance(value, list) else [value]
    return {n.lower() for n in names if isinstance(n, str)}


def _str(value: object) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None


def _html_to_lines(fragment: str) -> str:
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, lxml.etree.LxmlError):
        return fragment
    blocks = [" ".join(p.text_content().split()) for p in root.iter("p")]
    return "\n".join(b for b in blocks if b) or " ".join(root.text_content().split())
