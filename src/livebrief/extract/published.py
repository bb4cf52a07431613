"""The publication time of a page: a stated one, or the day found with a time from metadata."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta

import htmldate
import lxml.etree
from dateutil.parser import isoparse
from lxml.html import HtmlElement

_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_EARLIEST = datetime(1995, 1, 1, tzinfo=UTC)
_TZ_SPAN = timedelta(hours=14)  # the widest UTC offset: a local date spans this far either side


def find_date(tree: HtmlElement, url: str | None) -> str | None:
    """htmldate's publication date (YYYY-MM-DD) of the page, or None."""
    try:
        return htmldate.find_date(tree, url=url, original_date=True, extensive_search=True)
    except (ValueError, TypeError, lxml.etree.LxmlError):
        return None


def stated_time(stamps: list[str], fetched: datetime | None) -> datetime | None:
    """The publication time the page states (with a time of day), in UTC.

    A time with a UTC offset wins over one without (taken as UTC); impossible times are skipped.
    """
    latest = (fetched or datetime.now(UTC)) + timedelta(days=2)
    naive = None
    for stamp in stamps:
        parsed = parse_timestamp(stamp)
        if parsed is None:
            continue
        if parsed.tzinfo is None:
            naive = naive or parsed.replace(tzinfo=UTC)
            continue
        if _EARLIEST <= parsed <= latest:
            return parsed.astimezone(UTC)
    return naive if naive is not None and _EARLIEST <= naive <= latest else None


def date_with_time(day: str | None, stamps: list[str]) -> datetime | None:
    """The extracted date, at the time of day of a metadata timestamp that falls on it
    (in its own time zone), or at midnight UTC."""
    if not day:
        return None
    try:
        found = date.fromisoformat(day[:10])
    except ValueError:
        return None
    midnight = datetime.combine(found, time(0, 0), tzinfo=UTC)
    for stamp in stamps:
        parsed = parse_timestamp(stamp)
        if parsed is None:
            continue
        if parsed.tzinfo is None:
            if parsed.date() == found:
                return parsed.replace(tzinfo=UTC)
        elif midnight - _TZ_SPAN <= parsed < midnight + timedelta(days=1) + _TZ_SPAN:
            return parsed.astimezone(UTC)
    return midnight


def parse_timestamp(value: str) -> datetime | None:
    """An ISO 8601 date with a time of day (offset kept as written), or None."""
    value = value.strip()
    if not _TIMESTAMP.match(value):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        pass
    try:
        return isoparse(value)
    except (ValueError, OverflowError):
        return None
