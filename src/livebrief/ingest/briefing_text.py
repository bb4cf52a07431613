"""The text parser: a briefing's text form (plain text, Markdown or converted HTML), line by line.

It repairs the usual damage: bullets split by a page break, heading variants, link markup left
in the text, references ("[1]: https://...") kept apart from the lines that use them.
"""

from __future__ import annotations

import re
from datetime import datetime

from livebrief.ingest.briefing_dates import (
    DATE_RE,
    MONTH_PATTERN,
    date_of,
    day_heading,
    parse_updated,
)
from livebrief.ingest.briefing_days import (
    ParsedBriefing,
    RawDay,
    RawItem,
    build_briefing,
    first_url,
)
from livebrief.ingest.text import Link, strip_links
from livebrief.model import Briefing, Embed, Problem

_BULLET_RE = re.compile(r"^(?:[-*•·▪–]|\d{1,2}[.)])\s+(?P<text>.*)$")
_CREDITS_RE = re.compile(r"^with reporting (?:by|from)\s*:?\s*(?P<names>.*?)\.?$", re.I)
_UPDATED_RE = re.compile(r"^(?:last\s+)?updated:?\s+(?P<when>.+)$", re.I)
_RELATED_RE = re.compile(r"^related(?: article| coverage| story)?:\s*(?P<title>.+)$", re.I)
_EMBED_RE = re.compile(r"^embed(?:ded post)?:\s*(?P<text>.*)$", re.I)
_BYLINE_RE = re.compile(
    r"^(?:—|–|--?|―)\s*(?P<name>[^()]*?)\s*(?:\((?P<handle>@[^)\s]+)\))?\s*"
    r"(?P<date>(?:" + MONTH_PATTERN + r")\.?\s+\d{1,2},?\s+\d{4})?\s*$",
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
_EMPHASIS_RE = re.compile(r"^(\*\*|__|\*|_)(?P<inner>.+)\1$")


def parse_text(
    text: str, year_hint: int | None = None, *, marked_headings: bool = False
) -> Briefing | Problem:
    """A briefing from its text form; ``marked_headings``: only "#" lines are headings."""
    return _Parser(text, year_hint, marked_headings=marked_headings).parse()


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
        self.days: list[RawDay] = []
        self.section = "top"  # top | news | analysis | none
        self.blank = True  # the previous line was blank (a paragraph break)
        self.embed_lines: list[str] | None = None
        self.embed_url = ""

    def parse(self) -> Briefing | Problem:
        body = self._collect_refs()
        for raw in body:
            self._line(raw)
        self._close_embed()
        found = ParsedBriefing(
            days=self.days,
            title=self.title,
            title_date=self.title_date,
            updated=self.updated,
            standfirst=self.standfirst,
            refs=self.refs,
            year_hint=self.year_hint,
        )
        return build_briefing(found)

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
            heading = day_heading(line.lstrip("#").strip())
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
            if stamp is not None or DATE_RE.search(match["when"]):
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
            when = day_heading(parts[-1])
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
            self.days.append(RawDay(month, day, year))
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
            day.items.append(RawItem(title=title, url=first_url(links), takes_text=False))
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
            day.items.append(RawItem(title=title, url=first_url(links)))
            return
        item = day.items[-1] if day.items else None
        if item is not None and item.embed is None and item.takes_text:
            if not item.text:
                item.text = line
                return
            if not self.blank:  # a paragraph wrapped over several lines
                item.text = f"{item.text} {line}"
                return
        day.items.append(RawItem(text=line))

    def _embed_line(self, line: str) -> None:
        assert self.embed_lines is not None
        text, links = strip_links(line, self.refs)
        byline = _BYLINE_RE.match(text)
        if byline and (byline["handle"] or byline["date"]) and self.embed_lines:
            self._close_embed(byline, first_url(links))
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
        when = date_of(byline["date"]) if byline and byline["date"] else None
        embed = Embed(
            author=name or handle, handle=handle, date=when, text=text, url=url or self.embed_url
        )
        items = self.days[-1].items
        if items and items[-1].embed is None:
            items[-1].embed = embed
        else:
            items.append(RawItem(embed=embed))


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
