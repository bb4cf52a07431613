"""The domain model: plain typed classes, no I/O.

Every stage of the pipeline speaks in these nouns. The store persists them, ingest
produces reports, enrich annotates sentences, cluster groups them into developments,
compose writes days of bullets, publish renders a briefing.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum


class OutletKind(StrEnum):
    WIRE = "wire"
    NEWSPAPER = "newspaper"
    BROADCASTER = "broadcaster"
    STATE_MEDIA = "state_media"
    OFFICIAL = "official"
    NGO = "ngo"
    SOCIAL = "social"
    OTHER = "other"


class ReportKind(StrEnum):
    NEWS = "news"
    ANALYSIS = "analysis"
    OPINION = "opinion"
    STATEMENT = "statement"
    SOCIAL = "social"


class BulletState(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    REJECTED = "rejected"


class DatePrecision(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


@dataclass(slots=True)
class Story:
    slug: str
    title: str
    description: str = ""
    keywords: list[str] = field(default_factory=list)
    timezone: str = "UTC"
    id: int | None = None


@dataclass(slots=True)
class Outlet:
    name: str
    kind: OutletKind = OutletKind.OTHER
    aliases: list[str] = field(default_factory=list)
    domain: str | None = None
    id: int | None = None


@dataclass(slots=True)
class Embed:
    """A snapshot of a social post, taken when it was ingested."""

    author: str
    handle: str
    date: date | None
    text: str
    url: str


@dataclass(slots=True)
class Report:
    """One article, statement, post or brief, as ingested (one version of it)."""

    url: str
    title: str
    text: str
    published: datetime | None
    outlet: str | None = None
    author: str | None = None
    fetched: datetime | None = None
    language: str | None = None
    kind: ReportKind = ReportKind.NEWS
    raw: bytes | None = None
    raw_type: str | None = None  # media type of `raw`: text/html, application/xml, ...
    cited_sources: list[str] = field(default_factory=list)  # outlets the report credits
    embeds: list[Embed] = field(default_factory=list)
    version: int = 1
    story_id: int | None = None
    id: int | None = None

    @property
    def content_hash(self) -> str:
        return content_hash(self.title, self.text)


def content_hash(title: str, text: str) -> str:
    norm = re.sub(r"\s+", " ", f"{title}\n{text}").strip().lower()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


# --- what enrichment finds in a sentence -------------------------------------------


@dataclass(slots=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class EventDate:
    date: date
    precision: DatePrecision = DatePrecision.DAY
    evidence: Span | None = None  # None: fell back to the publication date
    scheduled: bool = False  # a future event ("talks will be held on Friday")


@dataclass(slots=True)
class Attribution:
    """Who the information comes from: an outlet credited or a speaker."""

    name: str
    role: str  # "outlet" | "speaker"
    span: Span | None = None
    verb: str | None = None  # reported / said / told / denied ...


@dataclass(slots=True)
class Quote:
    text: str
    speaker: str | None
    span: Span | None = None


@dataclass(slots=True)
class Figure:
    """A number about people or things, with who claims it."""

    what: str  # killed, wounded, displaced, troops, arrested, ...
    low: float | None
    high: float | None
    qualifier: str | None = None  # "more than", "up to", "almost", ...
    unit: str | None = None  # people, soldiers, flights, buildings, ...
    claimant: str | None = None
    as_of: date | None = None
    vague: str | None = None  # "dozens", "hundreds" as written
    span: Span | None = None


@dataclass(slots=True)
class Mention:
    text: str
    label: str  # PERSON | PLACE | ORG
    span: Span
    entity: str | None = None  # canonical name of the story's entity


@dataclass(slots=True)
class Entity:
    name: str
    label: str
    aliases: list[str] = field(default_factory=list)
    mentions: int = 0
    id: int | None = None


@dataclass(slots=True)
class Sentence:
    """One sentence of a report, with what enrichment found in it."""

    text: str
    position: int
    report_id: int | None = None
    event: EventDate | None = None
    attributions: list[Attribution] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    denial: bool = False  # denies or contradicts another party's claim
    id: int | None = None
    references: tuple[date, ...] | None = None  # every day it names; None: not looked for

    @property
    def outlets(self) -> list[str]:
        return [a.name for a in self.attributions if a.role == "outlet"]

    @property
    def speakers(self) -> list[str]:
        return [a.name for a in self.attributions if a.role == "speaker"]


# --- what composition makes ----------------------------------------------------------


@dataclass(slots=True)
class Citation:
    report_id: int | None
    url: str
    outlet: str | None
    title: str = ""


@dataclass(slots=True)
class Development:
    """Sentences and reports about one happening on one date."""

    date: date
    sentences: list[Sentence]
    report_ids: list[int]
    score: float = 0.0


@dataclass(slots=True)
class Bullet:
    text: str
    citations: list[Citation] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)  # outlets credited inline
    position: int = 0
    state: BulletState = BulletState.DRAFT
    key: str = ""  # stable permalink anchor
    edited: bool = False  # an editor changed the text: never overwritten by compose
    pinned: bool = False
    flagged: bool = False  # new reports touch an approved or edited bullet
    created: datetime | None = None
    updated: datetime | None = None
    id: int | None = None


@dataclass(slots=True)
class AnalysisItem:
    text: str
    title: str = ""
    url: str = ""
    outlet: str | None = None
    author: str | None = None
    report_id: int | None = None
    embed: Embed | None = None


@dataclass(slots=True)
class Day:
    date: date
    bullets: list[Bullet] = field(default_factory=list)
    analysis: list[AnalysisItem] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)  # "With reporting by", alphabetical


@dataclass(slots=True)
class Briefing:
    story: Story
    days: list[Day]  # newest first
    standfirst: str = ""
    updated: datetime | None = None


@dataclass(slots=True)
class Problem:
    """An input item that could not be used, and why (one line for the user)."""

    item: str
    reason: str

    def __str__(self) -> str:
        return f"{self.item}: {self.reason}"
