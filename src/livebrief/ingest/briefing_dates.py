"""Dates in a briefing: day headings, "Updated" stamps and the dates of embed bylines.

Day headings come as "Mar. 14", "March 14, 2026", "14 March" or "Saturday, Mar. 14: Analysis".
A heading without a year gets one later, from the rest of the page (see briefing_days).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
MONTH_PATTERN = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DATE = (
    rf"{_WEEKDAY}(?:(?P<month>{MONTH_PATTERN})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month2>{MONTH_PATTERN})\.?)"
    r"(?:,?\s+(?P<year>\d{4}))?"
)
DATE_RE = re.compile(_DATE, re.I)
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
    found = DATE_RE.search(text)
    if not found or not (found["year"] or year):
        return None
    day = date_of(found.group(0), year)
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


def day_heading(text: str) -> tuple[int, int, int | None, bool] | None:
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


def safe_date(year: int | None, month: int, day: int) -> date | None:
    if year is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def date_of(text: str, year: int | None = None) -> date | None:
    match = DATE_RE.search(text)
    if not match or not (match["year"] or year):
        return None
    month = MONTHS[(match["month"] or match["month2"]).lower()]
    found = int(match["year"]) if match["year"] else year
    return safe_date(found, month, int(match["day"] or match["day2"]))


def _zone(name: str | None) -> timezone | None:
    if not name:
        return None
    offset = re.fullmatch(r"([+-])(\d{2}):?(\d{2})", name)
    if offset:
        sign = -1 if offset[1] == "-" else 1
        return timezone(sign * timedelta(hours=int(offset[2]), minutes=int(offset[3])))
    hours = _ZONES.get(name.upper())
    return None if hours is None else timezone(timedelta(hours=hours), name.upper())
