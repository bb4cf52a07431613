"""Small text formatters shared by every output: AP-style dates, name lists, times."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from livebrief.compose.credit import join_names as join_names  # one rule for credits and pages

# AP style: five-letter-or-shorter months are spelled out, the rest abbreviated.
_AP_MONTHS = (
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
)
_FULL_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# Characters that XML 1.0 forbids (and that HTML renders as garbage).
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SPACE = re.compile(r"\s+")


def ap_date(d: date) -> str:
    """ "Aug. 22", "March 20", "Sept. 3"."""
    return f"{_AP_MONTHS[d.month - 1]} {d.day}"


def long_date(d: date) -> str:
    """ "March 13, 2026", as social posts date themselves."""
    return f"{_FULL_MONTHS[d.month - 1]} {d.day}, {d.year}"


def ap_time(dt: datetime) -> str:
    """ "2:05 p.m." / "midnight" / "noon" (AP style) for a local time."""
    if dt.hour == 0 and dt.minute == 0:
        return "midnight"
    if dt.hour == 12 and dt.minute == 0:
        return "noon"
    hour = dt.hour % 12 or 12
    suffix = "a.m." if dt.hour < 12 else "p.m."
    minutes = f":{dt.minute:02d}" if dt.minute else ""
    return f"{hour}{minutes} {suffix}"


def ap_datetime(dt: datetime) -> str:
    """ "Aug. 22, 2:05 p.m. EET" for an aware datetime already in the reader's zone."""
    zone = dt.tzname() or "UTC"
    return f"{ap_date(dt.date())}, {ap_time(dt)} {zone}"


def unique(names: Iterable[str | None]) -> list[str]:
    """Distinct non-empty names in their order, case ignored, first spelling kept."""
    seen: dict[str, str] = {}
    for name in names:
        clean = clean_text(name or "")
        if clean and clean.casefold() not in seen:
            seen[clean.casefold()] = clean
    return list(seen.values())


def sorted_unique(names: Iterable[str | None]) -> list[str]:
    """Distinct non-empty names, alphabetical regardless of case."""
    return sorted(unique(names), key=str.casefold)


def clean_text(text: str) -> str:
    """One line of text: whitespace collapsed, control characters removed."""
    return _SPACE.sub(" ", _INVALID_XML.sub("", text)).strip()


def headline(text: str, limit: int = 80) -> str:
    """The first ~`limit` characters of `text`, cut at a word boundary, with an ellipsis."""
    text = clean_text(text)
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0]
    if len(cut) < limit // 2:  # one very long word: cut it
        cut = text[:limit]
    return cut.rstrip(" ,;:.-–—") + "…"


def zone(name: str) -> tzinfo:
    """The story's time zone; UTC if the name is unknown."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def aware(dt: datetime | None) -> datetime | None:
    """An aware datetime; naive values are taken as UTC."""
    if dt is None:
        return None
    return dt if dt.tzinfo is not None else dt.replace(tzinfo=UTC)


def rfc3339(dt: datetime) -> str:
    """ISO 8601 / RFC 3339 with an explicit offset ("2011-08-22T14:05:00Z")."""
    text = dt.isoformat(timespec="seconds")
    return text[:-6] + "Z" if text.endswith("+00:00") else text
