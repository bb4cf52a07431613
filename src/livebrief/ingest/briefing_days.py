"""From the days the text parser found to the model's days.

Each day heading gets its year (its own, else one near the page's anchor date: the "Updated"
line, the title's date, the newest heading with a year, or the caller's year hint). Parts of
one day are merged, days come newest first, and bullets get their citations and outlets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from livebrief.ingest.briefing_dates import safe_date
from livebrief.ingest.text import Link, strip_links
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

_UPDATED_TAIL_RE = re.compile(r"\s*_Updated[^_]*_\s*$")
_SLUG_RE = re.compile(r"[^a-z0-9]+")


@dataclass(slots=True)
class RawItem:
    """An analysis item as found: commentary, a related article or an embedded post."""

    text: str = ""
    title: str = ""
    url: str = ""
    author: str | None = None
    embed: Embed | None = None
    takes_text: bool = True  # a titled item waits for its text; a related-article link does not


@dataclass(slots=True)
class RawDay:
    """One day heading's part as found; its year may still be unknown."""

    month: int
    day: int
    year: int | None
    bullets: list[tuple[str, list[Link]]] = field(default_factory=list)
    items: list[RawItem] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ParsedBriefing:
    """What the text parser found, before the days get their years."""

    days: list[RawDay] = field(default_factory=list)
    title: str = ""
    title_date: tuple[int, int, int | None] | None = None
    updated: datetime | None = None
    standfirst: list[str] = field(default_factory=list)
    refs: dict[str, str] = field(default_factory=dict)
    year_hint: int | None = None


def build_briefing(found: ParsedBriefing) -> Briefing | Problem:
    """The Briefing, or a Problem when the days cannot be dated."""
    if not found.days:
        return Problem("<briefing>", "not a briefing: no day headings such as 'Mar. 13'")
    anchor = _anchor(found)
    if anchor is None and any(d.year is None for d in found.days):
        return Problem(
            "<briefing>",
            "day headings give no year and the page has none "
            "(title, 'Updated' line, <time>); pass year_hint",
        )
    parts: dict[date, list[RawDay]] = {}
    for raw in found.days:
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
            _fill(day, raw, found.refs)
        days.append(day)
    title = found.title
    standfirst, _ = strip_links(" ".join(found.standfirst), found.refs)
    return Briefing(
        story=Story(slug=slugify(title), title=title),
        days=days,
        standfirst=standfirst,
        updated=found.updated,
    )


def _fill(day: Day, raw: RawDay, refs: dict[str, str]) -> None:
    for text, extra in raw.bullets:
        clean, links = strip_links(_UPDATED_TAIL_RE.sub("", text), refs)
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
        text, links = strip_links(item.text, refs)
        if not (text or item.title or item.embed):
            continue
        day.analysis.append(
            AnalysisItem(
                text=text,
                title=item.title,
                url=item.url or first_url(links),
                author=item.author,
                embed=item.embed,
            )
        )


def _anchor(found: ParsedBriefing) -> date | None:
    """The date the page was last updated, or its newest day, for headings without a year."""
    if found.updated is not None:
        return found.updated.date()
    if found.title_date is not None:
        month, day, year = found.title_date
        year = year or found.year_hint or _explicit_year(found.days)
        if year is not None:
            return safe_date(year, month, day)
    dated = [safe_date(d.year, d.month, d.day) for d in found.days if d.year is not None]
    if any(dated):
        return max(d for d in dated if d is not None)
    if found.year_hint is not None:
        first = found.days[0]
        return safe_date(found.year_hint, first.month, first.day)
    return None


def slugify(title: str) -> str:
    words = re.sub(r"\b(?:live\s+)?(?:briefing|updates)\b", "", title.lower())
    return _SLUG_RE.sub("-", words).strip("-") or "briefing"


def first_url(links: list[Link]) -> str:
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


def _resolve(raw: RawDay, anchor: date | None) -> date:
    if raw.year is not None:
        return date(raw.year, raw.month, raw.day)
    assert anchor is not None
    # The latest such date no later than a week after the anchor: a briefing that crosses
    # New Year puts "Dec. 31" in the year before "Jan. 2".
    for year in (anchor.year + 1, anchor.year, anchor.year - 1):
        candidate = safe_date(year, raw.month, raw.day)
        if candidate is not None and candidate <= anchor + timedelta(days=7):
            return candidate
    return date(anchor.year, raw.month, raw.day)


def _explicit_year(days: list[RawDay]) -> int | None:
    years = [d.year for d in days if d.year is not None]
    return max(years) if years else None
