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

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urljoin

import lxml.html
from lxml import etree

from livebrief.ingest.text import Link, read_text, strip_links
from livebrief.model import (
    AnalysisItem,
    Briefing,
    Bullet,
    BulletState,
    Citation,
    Day,
    Embed,
    Problem,
    Story,
)

MAX_BRIEFING_BYTES = 20 * 1024 * 1024

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
_MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DATE = (
    rf"{_WEEKDAY}(?:(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month2>{_MONTH})\.?)"
    r"(?:,?\s+(?P<year>\d{4}))?"
)
_DATE_RE = re.compile(_DATE, re.I)
_HEADING_RE = re.compile(rf"^{_DATE}\s*(?:[:|–—-]\s*(?P<rest>.*?))?\s*#?$", re.I)
_TIME_RE = re.compile(
    r"(?:(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*(?P<ampm>[ap])\.?\s?m\b\.?"
    r"|(?P<h24>\d{1,2}):(?P<m24>\d{2})|(?P<word>noon|midnight))(?:\s+(?P<tz>[A-Z]{2,5}\b|[+-]\d{2}:?\d{2}))?",
    re.I,
)
_ZONES = {
    "UTC": 0, "GMT": 0, "WET": 0, "BST": 1, "CET": 1, "WEST": 1, "CEST": 2, "EET": 2,
    "EEST": 3, "MSK": 3, "IST": 5.5, "JST": 9, "AEST": 10, "AEDT": 11, "EST": -5, "EDT": -4,
    "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
}  # fmt: skip
_BULLET_RE = re.compile(r"^(?:[-*•·▪–]|\d{1,2}[.)])\s+(?P<text>.*)$")
_CREDITS_RE = re.compile(r"^with reporting (?:by|from)\s*:?\s*(?P<names>.*?)\.?$", re.I)
_UPDATED_RE = re.compile(r"^(?:last\s+)?updated:?\s+(?P<when>.+)$", re.I)
_RELATED_RE = re.compile(r"^related(?: article| coverage| story)?:\s*(?P<title>.+)$", re.I)
_EMBED_RE = re.compile(r"^embed(?:ded post)?:\s*(?P<text>.*)$", re.I)
_BYLINE_RE = re.compile(
    r"^(?:—|–|--?|―)\s*(?P<name>[^()]*?)\s*(?:\((?P<handle>@[^)\s]+)\))?\s*"
    r"(?P<date>(?:" + _MONTH + r")\.?\s+\d{1,2},?\s+\d{4})?\s*$",
    re.I,
)
_AUTHOR_RE = re.compile(r"^by\s+(?P<name>[A-Z][^.]{1,80})$")
_TITLE_SEP_RE = re.compile(r"\s+[|]\s+")
_END_PUNCT_RE = re.compile(r"[.!?…]['\"”’)\]]*$")
_URL_LINE_RE = re.compile(r"^<?(?P<url>https?://\S+?)>?$")
_REF_DEF_RE = re.compile(r"^\[(?P<n>\d{1,3})\]:?\s+<?(?P<url>https?://\S+?)>?$")
_PAGE_BREAK_RE = re.compile(
    r"^(?:\f|page\s+\d+(?:\s+of\s+\d+)?|\d+\s*(?:/|of)\s*\d+|-\s*\d+\s*-|\[?page break\]?"
    r"|\(continued\)|continued(?: on next page)?)$",
    re.I,
)
_THEMATIC_RE = re.compile(r"^(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|(?:=\s*){3,})$")
_NOISE = {"advertisement", "continue reading the main story", "skip to content", "share", ""}
_CAPTION_RE = re.compile(
    r"^(?:!\[|\[(?:lead )?(?:photo|image|picture|video)\]|photo:|image:)", re.I
)
_UPDATED_TAIL_RE = re.compile(r"\s*_Updated[^_]*_\s*$")
_EMPHASIS_RE = re.compile(r"^(\*\*|__|\*|_)(?P<inner>.+)\1$")
_SPACE_RE = re.compile(r"\s+")
_SLUG_RE = re.compile(r"[^a-z0-9]+")


@dataclass(slots=True)
class _Item:
    text: str = ""
    title: str = ""
    url: str = ""
    author: str | None = None
    embed: Embed | None = None
    takes_text: bool = True  # a titled item waits for its text; a related-article link does not


@dataclass(slots=True)
class _Day:
    month: int
    day: int
    year: int | None
    bullets: list[tuple[str, list[Link]]] = field(default_factory=list)
    items: list[_Item] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)


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
    return _Parser(text, year_hint, marked_headings=True).parse()


def parse_briefing_text(text: str, year_hint: int | None = None) -> Briefing | Problem:
    """Import a plain-text (or Markdown) rendering of a briefing."""
    return _Parser(text, year_hint).parse()


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


# --- the parser ------------------------------------------------------------------------------


class _Parser:
    def __init__(self, text: str, year_hint: int | None, *, marked_headings: bool = False) -> None:
        self.marked_headings = marked_headings  # only "#" lines are headings (from HTML)
        self.lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.year_hint = year_hint
        self.refs: dict[str, str] = {}
        self.title = ""
        self.title_date: tuple[int, int, int | None] | None = None
        self.updated: datetime | None = None
        self.standfirst: list[str] = []
        self.days: list[_Day] = []
        self.section = "top"  # top | news | analysis | none
        self.blank = True  # the previous line was blank (a paragraph break)
        self.embed_lines: list[str] | None = None
        self.embed_url = ""

    def parse(self) -> Briefing | Problem:
        body = self._collect_refs()
        for raw in body:
            self._line(raw)
        self._close_embed()
        return self._finish()

    def _collect_refs(self) -> list[str]:
        body = []
        for raw in self.lines:
            match = _REF_DEF_RE.match(raw.strip())
            if match:
                self.refs[match["n"]] = match["url"]
            else:
                body.append(raw)
        return body

    # one line ------------------------------------------------------------------------------

    def _line(self, raw: str) -> None:
        quoted = raw.lstrip().startswith(">")
        line = raw.strip()
        if quoted:
            line = re.sub(r"^(?:>\s?)+", "", line).strip()
        line = _unemphasize(line)
        if _PAGE_BREAK_RE.match(line):
            return  # a page break joins what is on both sides of it
        if not line or line.lower() in _NOISE:
            self.blank = True
            return
        if _THEMATIC_RE.match(line):
            self._close_embed()
            self.section = "none" if self.days else self.section
            self.blank = True
            return
        heading = None
        if not quoted and (line.startswith("#") or not self.marked_headings):
            heading = _heading(line.lstrip("#").strip())
        if heading is not None:
            self._close_embed()
            self._open_day(*heading)
            return
        top = not self.title and self.section == "top" and not self.standfirst
        if top and self._title(line.lstrip("#").strip()):
            return
        match = _UPDATED_RE.match(line)
        if match and self.section in ("top", "none"):
            stamp = parse_updated(match["when"], self.year_hint)
            if stamp is not None or _DATE_RE.search(match["when"]):
                self.updated = self.updated or stamp
                return
        if self.section == "top":
            if not _CAPTION_RE.match(line):
                self.standfirst.append(line)
        elif self.section == "news":
            self._news(line)
        elif self.section == "analysis":
            self._analysis(line, quoted)
        self.blank = False

    def _title(self, line: str) -> bool:
        if any(r.match(line) for r in (_BULLET_RE, _CREDITS_RE, _UPDATED_RE, _CAPTION_RE)):
            return False
        parts = _TITLE_SEP_RE.split(line)
        if len(parts) > 1:
            when = _heading(parts[-1])
            if when is not None:
                self.title_date = when[:3]
                line = " | ".join(parts[:-1])
        self.title, _ = strip_links(line, self.refs)
        return True

    def _open_day(self, month: int, day: int, year: int | None, analysis: bool) -> None:
        current = self.days[-1] if self.days else None
        if (
            current is None
            or (current.month, current.day) != (month, day)
            or (year is not None and current.year not in (None, year))
        ):
            self.days.append(_Day(month, day, year))
        elif year is not None:
            current.year = year
        self.section = "analysis" if analysis else "news"
        self.blank = True

    # news ----------------------------------------------------------------------------------

    def _news(self, line: str) -> None:
        day = self.days[-1]
        credits = _CREDITS_RE.match(line)
        if credits:
            day.outlets.extend(n for n in split_names(credits["names"]) if n not in day.outlets)
            return
        if _RELATED_RE.match(line) or _EMBED_RE.match(line):
            self.section = "analysis"
            self._analysis(line, False)
            return
        url = _URL_LINE_RE.match(line)
        if url and day.bullets:
            day.bullets[-1][1].append(Link("", url["url"]))
            return
        bullet = _BULLET_RE.match(line)
        text = bullet["text"] if bullet else line
        if day.bullets and (not bullet or _continues(day.bullets[-1][0], text)):
            previous, links = day.bullets[-1]
            day.bullets[-1] = (f"{previous} {text}", links)
            return
        day.bullets.append((text, []))

    # analysis ------------------------------------------------------------------------------

    def _analysis(self, line: str, quoted: bool) -> None:
        day = self.days[-1]
        if self.embed_lines is not None:
            if not (_RELATED_RE.match(line) or _EMBED_RE.match(line) or _CREDITS_RE.match(line)):
                self._embed_line(line)
                return
            self._close_embed()
        embed = _EMBED_RE.match(line)
        if embed:
            self.embed_lines = [embed["text"]] if embed["text"] else []
            self.embed_url = ""
            return
        related = _RELATED_RE.match(line)
        if related:
            title, links = strip_links(related["title"], self.refs)
            day.items.append(_Item(title=title, url=_first_url(links), takes_text=False))
            return
        credits = _CREDITS_RE.match(line)
        if credits:
            day.outlets.extend(n for n in split_names(credits["names"]) if n not in day.outlets)
            return
        author = _AUTHOR_RE.match(line)
        if author and day.items and day.items[-1].author is None:
            day.items[-1].author = author["name"].strip()
            return
        url = _URL_LINE_RE.match(line)
        if url and day.items and not day.items[-1].url:
            day.items[-1].url = url["url"]
            return
        if _is_title_line(line):
            title, links = strip_links(line.strip("*_ "), self.refs)
            day.items.append(_Item(title=title, url=_first_url(links)))
            return
        item = day.items[-1] if day.items else None
        if item is not None and item.embed is None and item.takes_text:
            if not item.text:
                item.text = line
                return
            if not self.blank:  # a paragraph wrapped over several lines
                item.text = f"{item.text} {line}"
                return
        day.items.append(_Item(text=line))

    def _embed_line(self, line: str) -> None:
        assert self.embed_lines is not None
        text, links = strip_links(line, self.refs)
        byline = _BYLINE_RE.match(text)
        if byline and (byline["handle"] or byline["date"]) and self.embed_lines:
            self._close_embed(byline, _first_url(links))
            return
        url = _URL_LINE_RE.match(line)
        if url:
            self.embed_url = url["url"]
            return
        self.embed_lines.append(line)

    def _close_embed(self, byline: re.Match[str] | None = None, url: str = "") -> None:
        if self.embed_lines is None:
            return
        lines, self.embed_lines = self.embed_lines, None
        if not lines or not self.days:
            return
        text, _ = strip_links(" ".join(lines), self.refs)
        name = byline["name"].strip() if byline else ""
        handle = byline["handle"] if byline and byline["handle"] else ""
        when = _date_of(byline["date"]) if byline and byline["date"] else None
        embed = Embed(
            author=name or handle, handle=handle, date=when, text=text, url=url or self.embed_url
        )
        items = self.days[-1].items
        if items and items[-1].embed is None:
            items[-1].embed = embed
        else:
            items.append(_Item(embed=embed))

    # the result ----------------------------------------------------------------------------

    def _finish(self) -> Briefing | Problem:
        if not self.days:
            return Problem("<briefing>", "not a briefing: no day headings such as 'Mar. 13'")
        anchor = self._anchor()
        if anchor is None and any(d.year is None for d in self.days):
            return Problem(
                "<briefing>",
                "day headings give no year and the page has none "
                "(title, 'Updated' line, <time>); pass year_hint",
            )
        parts: dict[date, list[_Day]] = {}
        for raw in self.days:
            try:
                parts.setdefault(_resolve(raw, anchor), []).append(raw)
            except ValueError:
                return Problem("<briefing>", f"no such date: month {raw.month} day {raw.day}")
        days = []
        for when in sorted(parts, reverse=True):
            day = Day(date=when)
            for raw in parts[when]:
                day.outlets.extend(o for o in raw.outlets if o not in day.outlets)
            for raw in parts[when]:
                self._fill(day, raw)
            days.append(day)
        title = self.title
        standfirst, _ = strip_links(" ".join(self.standfirst), self.refs)
        return Briefing(
            story=Story(slug=slugify(title), title=title),
            days=days,
            standfirst=standfirst,
            updated=self.updated,
        )

    def _fill(self, day: Day, raw: _Day) -> None:
        for text, extra in raw.bullets:
            clean, links = strip_links(_UPDATED_TAIL_RE.sub("", text), self.refs)
            if not clean:
                continue
            links += extra
            day.bullets.append(
                Bullet(
                    text=clean,
                    citations=_citations(links, day.outlets),
                    outlets=_credited(clean, day.outlets, links),
                    position=len(day.bullets),
                    state=BulletState.APPROVED,
                )
            )
        for item in raw.items:
            text, links = strip_links(item.text, self.refs)
            if not (text or item.title or item.embed):
                continue
            day.analysis.append(
                AnalysisItem(
                    text=text,
                    title=item.title,
                    url=item.url or _first_url(links),
                    author=item.author,
                    embed=item.embed,
                )
            )

    def _anchor(self) -> date | None:
        """The date the page was last updated, or its newest day, for headings without a year."""
        if self.updated is not None:
            return self.updated.date()
        if self.title_date is not None:
            month, day, year = self.title_date
            year = year or self.year_hint or _explicit_year(self.days)
            if year is not None:
                return _safe_date(year, month, day)
        dated = [_safe_date(d.year, d.month, d.day) for d in self.days if d.year is not None]
        if any(dated):
            return max(d for d in dated if d is not None)
        if self.year_hint is not None:
            first = self.days[0]
            return _safe_date(self.year_hint, first.month, first.day)
        return None


# --- helpers ---------------------------------------------------------------------------------


def split_names(names: str) -> list[str]:
    """ "AFP, Harbor Herald and Reuters" -> ["AFP", "Harbor Herald", "Reuters"] (order kept)."""
    names, _ = strip_links(names.strip().rstrip("."))
    parts = [p.strip() for p in re.split(r"\s*[,;]\s*", names) if p.strip()]
    if parts:
        last = re.sub(r"^(?:and|&)\s+", "", parts.pop())
        # "A, Stars and Stripes and B": the last "and" is the one that joins the list.
        found = list(re.finditer(r"\s+(?:and|&)\s+", last))
        if found:
            parts += [last[: found[-1].start()], last[found[-1].end() :]]
        else:
            parts.append(last)
    return [p for p in (p.strip() for p in parts) if p]


def parse_updated(text: str, year: int | None = None) -> datetime | None:
    """An aware datetime from "Mar. 14, 2026, 9:05 a.m. EET", "March 14, 2026" or ISO 8601.

    Without a year in the text, ``year`` is used; with neither, None.
    """
    text = text.strip().strip("_*").strip()
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    else:
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    found = _DATE_RE.search(text)
    if not found or not (found["year"] or year):
        return None
    day = _date_of(found.group(0), year)
    if day is None:
        return None
    hour = minute = 0
    zone: timezone = UTC
    clock = _TIME_RE.search(text, found.end())
    if clock:
        if clock["word"]:
            hour = 12 if clock["word"].lower() == "noon" else 0
        elif clock["h24"]:
            hour, minute = int(clock["h24"]), int(clock["m24"])
        else:
            hour, minute = int(clock["h"]) % 12, int(clock["m"] or 0)
            hour += 12 if clock["ampm"].lower() == "p" else 0
        zone = _zone(clock["tz"]) or UTC
    if hour > 23 or minute > 59:
        hour = minute = 0
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)


def slugify(title: str) -> str:
    words = re.sub(r"\b(?:live\s+)?(?:briefing|updates)\b", "", title.lower())
    return _SLUG_RE.sub("-", words).strip("-") or "briefing"


def _heading(text: str) -> tuple[int, int, int | None, bool] | None:
    """(month, day, year or None, is_analysis) for a day heading, else None."""
    match = _HEADING_RE.match(text)
    if not match:
        return None
    rest = (match["rest"] or "").strip().rstrip("#").strip()
    analysis = "analysis" in rest.lower()
    if rest and not analysis and (len(rest.split()) > 8 or rest.endswith(".")):
        return None
    month = MONTHS[(match["month"] or match["month2"]).lower().rstrip(".")]
    day = int(match["day"] or match["day2"])
    if not 1 <= day <= 31:
        return None
    year = int(match["year"]) if match["year"] else None
    return month, day, year, analysis


def _continues(previous: str, text: str) -> bool:
    """Whether a new "- " bullet is really the rest of the previous one (a page break)."""
    first = text.lstrip("\"'“‘(")[:1]
    return first.islower() or not _END_PUNCT_RE.search(strip_links(previous)[0])


def _is_title_line(line: str) -> bool:
    match = _EMPHASIS_RE.match(line)
    return bool(match and match.group(1) == "**")


def _unemphasize(line: str) -> str:
    """Drop emphasis wrapping a whole line ("_Updated ..._"), but keep "**title**" lines."""
    match = _EMPHASIS_RE.match(line)
    if match and match.group(1) != "**":
        return match["inner"].strip()
    return line


def _first_url(links: list[Link]) -> str:
    return links[0].url if links else ""


def _citations(links: list[Link], credited: list[str]) -> list[Citation]:
    known = {o.lower(): o for o in credited}
    out: list[Citation] = []
    seen: set[tuple[str, str | None]] = set()
    for link in links:
        outlet = link.label if link.source else known.get(link.label.lower())
        if (link.url, outlet) in seen:
            continue
        seen.add((link.url, outlet))
        out.append(Citation(report_id=None, url=link.url, outlet=outlet))
    return out


def _credited(text: str, credited: list[str], links: list[Link]) -> list[str]:
    names = list(credited) + [lk.label for lk in links if lk.source and lk.label not in credited]
    return [n for n in names if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text)]


def _resolve(raw: _Day, anchor: date | None) -> date:
    if raw.year is not None:
        return date(raw.year, raw.month, raw.day)
    assert anchor is not None
    # The latest such date no later than a week after the anchor: a briefing that crosses
    # New Year puts "Dec. 31" in the year before "Jan. 2".
    for year in (anchor.year + 1, anchor.year, anchor.year - 1):
        candidate = _safe_date(year, raw.month, raw.day)
        if candidate is not None and candidate <= anchor + timedelta(days=7):
            return candidate
    return date(anchor.year, raw.month, raw.day)


def _explicit_year(days: list[_Day]) -> int | None:
    years = [d.year for d in days if d.year is not None]
    return max(years) if years else None


def _safe_date(year: int | None, month: int, day: int) -> date | None:
    if year is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _date_of(text: str, year: int | None = None) -> date | None:
    match = _DATE_RE.search(text)
    if not match or not (match["year"] or year):
        return None
    month = MONTHS[(match["month"] or match["month2"]).lower()]
    found = int(match["year"]) if match["year"] else year
    return _safe_date(found, month, int(match["day"] or match["day2"]))


def _zone(name: str | None) -> timezone | None:
    if not name:
        return None
    offset = re.fullmatch(r"([+-])(\d{2}):?(\d{2})", name)
    if offset:
        sign = -1 if offset[1] == "-" else 1
        return timezone(sign * timedelta(hours=int(offset[2]), minutes=int(offset[3])))
    hours = _ZONES.get(name.upper())
    return None if hours is None else timezone(timedelta(hours=hours), name.upper())


# --- HTML -> the text form -------------------------------------------------------------------

_SKIP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "nav", "form", "button", "svg", "figure",
     "img", "iframe", "head", "select", "input", "title", "footer", "aside", "picture"}
)  # fmt: skip
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_ANALYSIS_ONLY = re.compile(r"^(?:analysis|commentary|what (?:they're|people are) saying)$", re.I)


def html_to_text(markup: str) -> str | Problem:
    """The text form of a briefing page, for the text parser (links kept as Markdown)."""
    try:
        data: str | bytes = markup
        if markup.lstrip().startswith("<?xml"):
            data = markup.encode("utf-8")
        root = lxml.html.fromstring(data)
    except (etree.ParserError, ValueError) as exc:
        return Problem("<briefing>", f"not an HTML page ({exc})")
    return _HtmlText(root).text()


class _HtmlText:
    def __init__(self, root: lxml.html.HtmlElement) -> None:
        self.root = root
        canonical = root.xpath("//link[@rel='canonical']/@href | //base/@href")
        self.base = str(canonical[0]) if canonical else ""
        self.lines: list[str] = []
        self.section = "top"
        self.day_level = 0
        self.day_label = ""

    def text(self) -> str:
        h1 = self.root.find(".//h1")
        title = _plain(h1) if h1 is not None else (self.root.findtext(".//title") or "")
        self._emit(title.strip())
        stamp = self._updated()
        if stamp:
            self._emit(f"Updated {stamp}")
        body = self.root.find(".//body")
        self._walk(body if body is not None else self.root, skip=h1)
        return "\n".join(self.lines)

    def _updated(self) -> str:
        for time in self.root.iter("time"):
            if time.get("datetime") and not any(
                a.tag in ("li", "blockquote", "article") for a in time.iterancestors()
            ):
                return str(time.get("datetime"))
        return ""

    def _emit(self, *lines: str) -> None:
        self.lines.extend(lines)

    def _walk(self, node: lxml.html.HtmlElement, skip: object = None) -> None:
        for child in node:
            if not isinstance(child.tag, str) or child is skip:
                continue
            tag = child.tag.lower()
            if tag in _SKIP_TAGS:
                continue
            handler = _HANDLERS.get(tag)
            if handler is None:
                self._walk(child, skip)
            else:
                handler(self, child)

    def _heading(self, el: lxml.html.HtmlElement, level: int = 0) -> None:
        text = _plain(el)
        level = level or _HEADINGS[el.tag.lower()]
        found = _heading(text)
        if found is not None:
            self.section = "analysis" if found[3] else "news"
            self.day_level = self.day_level or level
            self.day_label = text.split(":")[0].strip()
            self._emit("", f"## {text}", "")
        elif self.section in ("news", "analysis") and _ANALYSIS_ONLY.match(text):
            self.section = "analysis"
            self._emit("", f"## {self.day_label}: Analysis", "")
        elif self.section == "analysis" and level > self.day_level:
            self._emit("", f"**{self._inline(el)}**")
        elif self.section != "top" and level <= self.day_level:
            self.section = "none"
            self._emit("", "---", "")

    def _list_item(self, el: lxml.html.HtmlElement) -> None:
        if self.section == "news":
            self._emit(f"- {self._inline(el)}")
        elif self.section == "analysis":
            self._emit("", self._inline(el), "")

    def _paragraph(self, el: lxml.html.HtmlElement) -> None:
        strong = len(el) == 1 and el[0].tag in ("strong", "b") and not (el.text or "").strip()
        if strong and _heading(_plain(el)) is not None:
            self._heading(el, level=self.day_level or 2)
            return
        text = self._inline(el)
        if not text:
            return
        if self.section == "news" and not _NOT_A_BULLET.match(_plain(el)):
            text = f"- {text}"
        self._emit("", text, "")

    def _blockquote(self, el: lxml.html.HtmlElement) -> None:
        if self.section not in ("news", "analysis"):
            return
        paragraphs = [self._inline(p) for p in el.iter("p")]
        byline_parts = [t for t in _outside_paragraphs(el) if t.strip()]
        links = [a.get("href", "") for a in el.iter("a") if a.getparent().tag != "p"]
        url = self._absolute(links[-1] if links else el.get("cite", ""))
        byline = " ".join(" ".join(byline_parts).split())
        if not paragraphs:
            paragraphs, byline = [byline], ""
        self._emit("", "Embed:", *paragraphs)
        if url:
            self._emit(url)
        if byline:
            self._emit(byline if byline[:1] in "—–-" else f"— {byline}")
        self._emit("")

    def _rule(self, el: lxml.html.HtmlElement) -> None:
        if self.section in ("news", "analysis"):
            self.section = "none"
            self._emit("", "---", "")

    def _inline(self, el: lxml.html.HtmlElement) -> str:
        """Inline content as text, links as Markdown; permalinks and stamps dropped."""
        parts: list[str] = [el.text or ""]
        for child in el:
            if isinstance(child.tag, str):
                parts.append(self._inline_child(child))
            parts.append(child.tail or "")
        return " ".join("".join(parts).split())

    def _inline_child(self, el: lxml.html.HtmlElement) -> str:
        tag = el.tag.lower()
        classes = set((el.get("class") or "").split())
        if tag in _SKIP_TAGS or classes & {"permalink", "updated", "visually-hidden"}:
            return ""
        if tag == "br":
            return " "
        if "sources" in classes:
            links = [
                f"[{_plain(a)}]({self._absolute(a.get('href', ''))})"
                for a in el.iter("a")
                if a.get("href")
            ]
            return f" ({', '.join(links)})" if links else ""
        inner = self._inline(el)
        href = el.get("href") if tag == "a" else None
        if href and not href.startswith(("#", "javascript:")):
            return f"[{inner}]({self._absolute(href)})"
        return inner

    def _absolute(self, url: str) -> str:
        url = url.strip()
        return urljoin(self.base, url) if self.base and url else url


_NOT_A_BULLET = re.compile(
    r"^(?:with reporting|related|embed|(?:last )?updated|by\s|advertisement)", re.I
)
_HANDLERS = {
    **{tag: _HtmlText._heading for tag in _HEADINGS},
    "li": _HtmlText._list_item,
    "p": _HtmlText._paragraph,
    "blockquote": _HtmlText._blockquote,
    "hr": _HtmlText._rule,
}


def _plain(el: lxml.html.HtmlElement) -> str:
    """An element's text without permalink marks, spaces collapsed."""
    texts = []
    for node in el.iter():
        if node is not el and (node.get("class") or "").find("permalink") >= 0:
            texts.append(node.tail or "")
            continue
        if node is el or not _inside_permalink(node, el):
            texts.append(node.text or "" if isinstance(node.tag, str) else "")
        if node is not el:
            texts.append(node.tail or "")
    return " ".join("".join(texts).split()).rstrip("#").strip()


def _inside_permalink(node: lxml.html.HtmlElement, top: lxml.html.HtmlElement) -> bool:
    for parent in node.iterancestors():
        if parent is top:
            return False
        if "permalink" in (parent.get("class") or ""):
            return True
    return False


def _outside_paragraphs(el: lxml.html.HtmlElement) -> list[str]:
    """Text of a blockquote that is not inside its <p> elements: the embed's byline."""
    out = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child.tag.lower() != "p":
            out.append(child.text_content())
        out.append(child.tail or "")
    return out
