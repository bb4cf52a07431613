"""What gets published: a briefing reduced to its public parts, checked and normalised once.

Every output (page, feeds, Markdown, JSON export) renders from a `BriefingView`, so they
agree on which bullets are public, on permalink keys, on dates and on credits. Items that
cannot be published are skipped and reported as `Problem`s; they never stop the rest.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, tzinfo
from urllib.parse import urlsplit

from livebrief.compose.threads import thread_links
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
from livebrief.publish.format import (
    ap_date,
    ap_datetime,
    aware,
    clean_text,
    headline,
    join_names,
    long_date,
    sorted_unique,
    unique,
    zone,
)

_UNSAFE_KEY = re.compile(r"[^A-Za-z0-9_-]+")


@dataclass(slots=True)
class SourceLink:
    """One cited report as shown to readers; `href` is None when the URL is not web-viewable."""

    label: str
    url: str
    href: str | None
    title: str
    outlet: str | None
    report_id: int | None


@dataclass(slots=True)
class EarlierLink:
    """The bullet of an earlier day that a bullet continues (its thread)."""

    key: str  # that bullet's permalink key
    date: date
    label: str  # "Aug. 20"
    headline: str  # the start of that bullet's text

    @property
    def anchor(self) -> str:
        return f"b-{self.key}"


@dataclass(slots=True)
class BulletView:
    bullet: Bullet
    key: str  # permalink key; the anchor is "b-<key>"
    text: str
    sources: list[SourceLink]
    outlets: list[str]
    published: datetime  # aware, in the story's zone
    modified: datetime
    show_updated: bool  # changed after it was first published
    updated_label: str  # "Aug. 22, 2:05 p.m. EET", or "" when the time is unknown
    earlier: EarlierLink | None = None  # the earlier-day bullet this one continues

    @property
    def anchor(self) -> str:
        return f"b-{self.key}"

    @property
    def state(self) -> str:
        return str(self.bullet.state)


@dataclass(slots=True)
class EmbedView:
    author: str
    handle: str  # "@name", or ""
    date: date | None
    date_label: str  # "March 13, 2026"
    text: str
    url: str
    href: str | None


@dataclass(slots=True)
class AnalysisView:
    item: AnalysisItem
    title: str
    text: str
    href: str | None
    byline: str  # "Author, Outlet"
    embed: EmbedView | None


@dataclass(slots=True)
class DayView:
    date: date
    label: str  # "Aug. 22"
    bullets: list[BulletView]
    analysis: list[AnalysisView]
    outlets: list[str]  # alphabetical

    @property
    def anchor(self) -> str:
        return f"d-{self.date.isoformat()}"

    @property
    def reporting_line(self) -> str:
        return f"With reporting by {join_names(self.outlets)}." if self.outlets else ""


@dataclass(slots=True)
class BriefingView:
    story: Story
    title: str
    standfirst: str
    base_url: str  # "" or an absolute URL ending in "/"
    tz: tzinfo
    updated: datetime | None  # aware, in the story's zone
    days: list[DayView]  # newest first, only days with something to publish
    problems: list[Problem] = field(default_factory=list)

    @property
    def latest(self) -> DayView | None:
        return self.days[0] if self.days else None

    @property
    def bullets(self) -> list[BulletView]:
        return [b for d in self.days for b in d.bullets]

    def url(self, anchor: str = "") -> str:
        """The page URL (absolute when a base URL is known), with an optional fragment."""
        return self.base_url + (f"#{anchor}" if anchor else "")


def is_web_url(url: str) -> bool:
    """True for http(s) URLs with a host: the only ones rendered as links."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def normalise_base_url(base_url: str) -> str:
    base_url = base_url.strip()
    if base_url and not base_url.endswith("/"):
        base_url += "/"
    return base_url


def is_published(bullet: Bullet) -> bool:
    return bullet.state != BulletState.REJECTED


def derived_key(day: date, text: str) -> str:
    """A stable key for a bullet without one: its date and a hash of its text."""
    digest = hashlib.sha256(clean_text(text).casefold().encode("utf-8")).hexdigest()
    return f"{day:%Y%m%d}-{digest[:10]}"


def build_view(briefing: Briefing, *, base_url: str = "") -> BriefingView:
    """Reduce `briefing` to what is published; problems are collected, not raised."""
    problems: list[Problem] = []
    tz = zone(briefing.story.timezone or "UTC")
    used_keys: set[str] = set()
    days: list[DayView] = []
    for day_date, group in _days_by_date(briefing.days, problems):
        view = _day_view(day_date, group, tz, used_keys, problems)
        if view.bullets or view.analysis:
            days.append(view)
    _link_threads(days, problems)
    updated = aware(briefing.updated) if isinstance(briefing.updated, datetime) else None
    if updated is None:
        stamps = [b.modified for d in days for b in d.bullets]
        updated = max(stamps) if stamps else None
    return BriefingView(
        story=briefing.story,
        title=clean_text(briefing.story.title) or briefing.story.slug,
        standfirst=clean_text(briefing.standfirst or ""),
        base_url=normalise_base_url(base_url),
        tz=tz,
        updated=updated.astimezone(tz) if updated else None,
        days=days,
        problems=problems,
    )


def _link_threads(days: list[DayView], problems: list[Problem]) -> None:
    """Point each published bullet that continues an earlier day's bullet at it."""
    published = [Day(date=d.date, bullets=[b.bullet for b in d.bullets]) for d in days]
    try:
        links = thread_links(published)
    except (ArithmeticError, TypeError, ValueError) as exc:
        problems.append(Problem("threads", f"could not link bullets across days ({exc})"))
        return
    for link in links:
        earlier_day = days[link.earlier_day]
        earlier = earlier_day.bullets[link.earlier_bullet]
        days[link.day].bullets[link.bullet].earlier = EarlierLink(
            key=earlier.key,
            date=earlier_day.date,
            label=earlier_day.label,
            headline=headline(earlier.text, 120),
        )


def _days_by_date(days: list[Day], problems: list[Problem]) -> list[tuple[date, list[Day]]]:
    """Days grouped by date (duplicates merged), newest first."""
    groups: dict[date, list[Day]] = {}
    for i, day in enumerate(days):
        value = getattr(day, "date", None)
        if isinstance(value, datetime):
            value = value.date()
        if not isinstance(value, date):
            problems.append(Problem(f"day #{i + 1}", f"date {value!r} is not a date; skipped"))
            continue
        groups.setdefault(value, []).append(day)
    return sorted(groups.items(), key=lambda item: item[0], reverse=True)


def _day_view(
    day_date: date,
    group: list[Day],
    tz: tzinfo,
    used_keys: set[str],
    problems: list[Problem],
) -> DayView:
    start = datetime.combine(day_date, time(0), tz)
    bullets: list[BulletView] = []
    analysis: list[AnalysisView] = []
    credited: list[str] = []
    for day in group:
        for i, bullet in enumerate(day.bullets or []):
            name = f"bullet #{i + 1} of {day_date.isoformat()}"
            try:
                if not is_published(bullet):
                    continue
                view = _bullet_view(bullet, day_date, start, tz, used_keys, name, problems)
            except (AttributeError, TypeError, ValueError) as exc:
                problems.append(Problem(name, f"unusable bullet ({exc}); skipped"))
                continue
            if view is not None:
                bullets.append(view)
        for i, item in enumerate(day.analysis or []):
            name = f"analysis item #{i + 1} of {day_date.isoformat()}"
            try:
                item_view = _analysis_view(item)
            except (AttributeError, TypeError, ValueError) as exc:
                problems.append(Problem(name, f"unusable analysis item ({exc}); skipped"))
                continue
            if item_view is None:
                problems.append(Problem(name, "no title, text or embed; skipped"))
            else:
                analysis.append(item_view)
        credited.extend(day.outlets or [])
    if not credited:
        credited = [n for b in bullets for n in b.outlets] + [
            s.outlet for b in bullets for s in b.sources if s.outlet
        ]
    return DayView(
        date=day_date,
        label=ap_date(day_date),
        bullets=bullets,
        analysis=analysis,
        outlets=sorted_unique(credited),
    )


def _bullet_view(
    bullet: Bullet,
    day_date: date,
    day_start: datetime,
    tz: tzinfo,
    used_keys: set[str],
    name: str,
    problems: list[Problem],
) -> BulletView | None:
    text = clean_text(bullet.text or "")
    if not text:
        problems.append(Problem(name, "empty text; skipped"))
        return None
    key = _UNSAFE_KEY.sub("-", bullet.key or "").strip("-") or derived_key(day_date, text)
    if key in used_keys:
        problems.append(Problem(f"bullet b-{key}", "key used twice; a suffix was added"))
        n = 2
        while f"{key}-{n}" in used_keys:
            n += 1
        key = f"{key}-{n}"
    used_keys.add(key)
    created, updated = _stamp(bullet.created), _stamp(bullet.updated)
    published = created or updated or day_start
    modified = updated or created or day_start
    later = created is not None and updated is not None and updated > created
    return BulletView(
        bullet=bullet,
        key=key,
        text=text,
        sources=_sources(bullet.citations or []),
        outlets=unique(bullet.outlets or []),
        published=published.astimezone(tz),
        modified=max(modified, published).astimezone(tz),
        show_updated=later or bool(bullet.edited),
        updated_label=ap_datetime(updated.astimezone(tz)) if updated else "",
    )


def _stamp(value: object) -> datetime | None:
    return aware(value) if isinstance(value, datetime) else None


def _sources(citations: list[Citation]) -> list[SourceLink]:
    links: list[SourceLink] = []
    seen: set[str] = set()
    labels: dict[str, int] = {}
    for n, citation in enumerate(citations, start=1):
        url = clean_text(citation.url or "")
        if url in seen and url:
            continue
        seen.add(url)
        outlet = clean_text(citation.outlet or "") or None
        label = outlet or _host(url) or f"Source {n}"
        labels[label] = labels.get(label, 0) + 1
        if labels[label] > 1:
            label = f"{label} ({labels[label]})"
        links.append(
            SourceLink(
                label=label,
                url=url,
                href=url if is_web_url(url) else None,
                title=clean_text(citation.title or ""),
                outlet=outlet,
                report_id=citation.report_id,
            )
        )
    return links


def _host(url: str) -> str:
    if not is_web_url(url):
        return ""
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def _analysis_view(item: AnalysisItem) -> AnalysisView | None:
    title = clean_text(item.title or "")
    text = clean_text(item.text or "")
    embed = _embed_view(item.embed) if item.embed is not None else None
    if not (title or text or embed):
        return None
    url = clean_text(item.url or "")
    byline = ", ".join(
        x for x in (clean_text(item.author or ""), clean_text(item.outlet or "")) if x
    )
    return AnalysisView(
        item=item,
        title=title,
        text=text,
        href=url if is_web_url(url) else None,
        byline=byline,
        embed=embed,
    )


def _embed_view(embed: Embed) -> EmbedView | None:
    text = clean_text(embed.text or "")
    if not text:
        return None
    handle = clean_text(embed.handle or "").lstrip("@")
    when = embed.date.date() if isinstance(embed.date, datetime) else embed.date
    when = when if isinstance(when, date) else None
    url = clean_text(embed.url or "")
    return EmbedView(
        author=clean_text(embed.author or "") or (f"@{handle}" if handle else ""),
        handle=f"@{handle}" if handle else "",
        date=when,
        date_label=long_date(when) if when else "",
        text=text,
        url=url,
        href=url if is_web_url(url) else None,
    )
