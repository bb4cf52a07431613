"""Import an existing live briefing (HTML page or plain-text rendering) into a Briefing.

The form is the one in shared/briefing-anatomy.md: a title line "X Briefing | Mar. 14", a
standfirst, days newest first ("Mar. 14: what you need to know today", then "Mar. 13"), each
with "- " bullets, a "With reporting by A, B and C." line and an optional "Mar. 14: Analysis"
part holding commentary, related articles and embedded posts ("— Name (@handle) March 13,
2026"). HTML is turned into that text form first, so both share one parser, which repairs
the usual damage: bullets split by a page break, days out of order, heading variants, link
markup left in the text, headings without a year.
"""

from __future__ import annotations

from pathlib import Path

from livebrief.ingest.briefing_dates import MONTHS, parse_updated
from livebrief.ingest.briefing_days import slugify
from livebrief.ingest.briefing_html import html_to_text
from livebrief.ingest.briefing_text import parse_text, split_names
from livebrief.ingest.text import read_text
from livebrief.model import Briefing, Problem

__all__ = [
    "MAX_BRIEFING_BYTES",
    "MONTHS",
    "html_to_text",
    "looks_like_html",
    "parse_briefing_html",
    "parse_briefing_text",
    "parse_updated",
    "read_briefing",
    "slugify",
    "split_names",
]

MAX_BRIEFING_BYTES = 20 * 1024 * 1024


def read_briefing(
    source: Path | str, *, html: bool | None = None, year_hint: int | None = None
) -> Briefing | Problem:
    """Import a briefing from a file (a Path, or a str naming an existing file) or from text.

    ``html`` None guesses from the file suffix or the content. ``year_hint`` is used only when
    neither the headings nor the page (title, "Updated" line, <time>) give a year.
    """
    name, content = _load(source)
    if isinstance(content, Problem):
        return content
    if html is None:
        html = name.lower().endswith((".html", ".htm")) or looks_like_html(content)
    if html:
        result = parse_briefing_html(content, year_hint=year_hint)
    else:
        result = parse_briefing_text(content, year_hint)
    if isinstance(result, Problem):
        return Problem(name, result.reason)
    return result


def parse_briefing_html(html: str, *, year_hint: int | None = None) -> Briefing | Problem:
    """Import a briefing page: h2/h3 day headings, ul/li bullets, credits, analysis, embeds."""
    text = html_to_text(html)
    if isinstance(text, Problem):
        return text
    return parse_text(text, year_hint, marked_headings=True)


def parse_briefing_text(text: str, year_hint: int | None = None) -> Briefing | Problem:
    """Import a plain-text (or Markdown) rendering of a briefing."""
    return parse_text(text, year_hint)


def looks_like_html(content: str) -> bool:
    return content.lstrip("\ufeff \t\r\n")[:1] == "<"


def _load(source: Path | str) -> tuple[str, str | Problem]:
    if isinstance(source, str) and ("\n" in source or not source.strip()):
        return "<briefing>", source
    path = Path(source)
    if isinstance(source, str) and not path.is_file():
        if path.suffix.lower() in (".html", ".htm", ".txt", ".md") or not path.parent.is_dir():
            return str(source), Problem(str(source), "no such file")
        return "<briefing>", source
    return str(path), read_text(path, MAX_BRIEFING_BYTES)
