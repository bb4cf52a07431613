"""Event dates: find the date expressions of a sentence and resolve them.

Every expression is resolved against the report's publication time, converted to the
story's time zone first. Relative expressions ("on Tuesday", "overnight", "last week")
become calendar dates; a year missing from the text is inferred so that the date lies
nearest to publication. Future events ("talks will be held on Friday") are marked
``scheduled``.

For week, month and year precision the date is the first day of the period named
("last week" -> its Monday, "in March" -> March 1, "in 2010" -> January 1), except
"two weeks ago" and the like, which count back from publication.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from livebrief.model import DatePrecision, EventDate, Span

__all__ = ["event_date", "find_dates", "local_date"]

DAY, WEEK, MONTH, YEAR = (
    DatePrecision.DAY,
    DatePrecision.WEEK,
    DatePrecision.MONTH,
    DatePrecision.YEAR,
)

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

_FULL_MONTH = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
)
_ABBR_MONTH = r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
_MONTH = rf"(?:{_FULL_MONTH}|(?:{_ABBR_MONTH})\.?)"
_WEEKDAY = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_WD_PREFIX = rf"(?:(?:{_WEEKDAY}|Mon|Tues?|Wed|Thu(?:rs)?|Fri|Sat|Sun)\.?\s*,?\s+)"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
_DAYNUM = rf"(?:[12]\d|3[01]|0?[1-9]){_ORD}"
_RANGE = rf"(?:\s*(?:-|–|and|to|or)\s*{_DAYNUM}(?![\d:]))?"

# "Tuesday, March 3, 2011", "Mar. 3rd", "March 3-5", "Thu Jun 9 , 2011"
_MONTH_DAY = re.compile(
    rf"\b(?P<wd>{_WD_PREFIX})?(?P<mon>{_MONTH})\s+(?P<day>{_DAYNUM})(?![\d:]|\.\d|,\d)"
    rf"{_RANGE}(?:\s*,?\s*(?P<year>{_YEAR})(?!\d))?"
)
# "3 March 2011", "the 3rd of March", "3-5 March"
_DAY_MONTH = re.compile(
    rf"\b(?P<wd>{_WD_PREFIX})?(?:the\s+)?(?P<day>{_DAYNUM}){_RANGE}\s+(?:of\s+)?(?P<mon>{_MONTH})"
    rf"(?![a-z])(?:\s*,?\s*(?P<year>{_YEAR})(?!\d))?"
)
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b")
# "March 2011", "in March", "mid-March", "last May"
_MONTH_YEAR = re.compile(rf"\b(?P<mon>{_MONTH})\s*,?\s+(?:of\s+)?(?P<year>{_YEAR})(?!\d)")
_MONTH_ALONE = re.compile(
    r"\b(?P<pre>(?i:in|since|during|by|until|till|through|throughout|from|before|after|"
    r"early|late|mid|end\s+of|beginning\s+of|start\s+of|middle\s+of|last|next|this|"
    r"earlier\s+in|later\s+in))[\s-]+"
    rf"(?P<mon>{_FULL_MONTH})\b(?!\s*\d)"
)
_YEAR_ALONE = re.compile(
    r"\b(?P<pre>(?i:in|since|during|until|through|throughout|from|before|after|early|late|"
    rf"mid|end\s+of|the\s+end\s+of|by))[\s-]+(?P<year>{_YEAR})(?![\d'’s]|,\d|\s*(?:%|percent))"
    r"(?!\s+(?:[a-z]+\s+)?(?:people|persons|troops|soldiers|men|women|children|residents|"
    r"civilians|protesters|refugees|households|families|homes|houses|buildings|votes))"
)
_WEEKDAY_RE = re.compile(
    r"\b(?:(?P<mod>(?i:last|next|this|coming))\s+)?"
    rf"(?P<wd>{_WEEKDAY})(?P<part>\s?['’]s\b|\s+(?i:morning|afternoon|evening|night))?\b"
)
_NOT_AFTER_WEEKDAY = re.compile(
    r"\s+(?:Times|Telegraph|Mirror|Express|Post|Herald|Mail|People|Independent|Star|Tribune|"
    r"Sport|Age|Night\s+Live|Business|Review|Magazine|Club|Show|Programme|Program)\b"
)
_NOT_BEFORE_WEEKDAY = re.compile(r"(?:Bloody|Black)\s+$")
_AGO = re.compile(
    r"\b(?P<n>\d{1,4}|(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))"
    r"\s+(?P<unit>(?i:days?|weeks?|months?|years?))\s+(?i:ago|earlier)\b"
)

# Fixed relative words: pattern -> (days offset from publication, precision, scheduled)
_RELATIVE = re.compile(
    r"\b(?P<rel>(?i:the\s+day\s+before\s+yesterday|yesterday(?:\s+(?:morning|afternoon|evening))?|"
    r"the\s+day\s+after\s+tomorrow|tomorrow|late\s+last\s+night|last\s+night|tonight|"
    r"earlier\s+today|later\s+today|this\s+(?:morning|afternoon|evening)|"
    r"(?<![Aa]n\s)(?<![Tt]he\s)overnight|today))\b"
)
_PERIOD = re.compile(
    r"\b(?P<mod>(?i:earlier\s+this|later\s+this|early\s+this|late\s+this|this|last|next|"
    r"(?:at|over|during)\s+the|the\s+past|the\s+previous|the\s+coming|the\s+following))"
    r"\s+(?P<unit>(?i:week|weekend|month|year))\b"
)
_PREFILTER = re.compile(
    rf"\d|{_FULL_MONTH}|{_ABBR_MONTH}|{_WEEKDAY}|(?i:yesterday|today|tonight|tomorrow|"
    r"overnight|night|this|last|next|ago|earlier|weekend)"
)

_FUTURE_CUE = re.compile(
    r"\b(?:will|shall|would|'ll|won't|wo\s+n't|due\s+to|due\s+on|scheduled|set\s+to|expected\s+to|"
    r"plans?\s+to|planning\s+to|planned|intends?\s+to|going\s+to|to\s+be\s+held|(?:is|are)\s+to|"
    r"expects?\s+to|should(?!\s+have)|hopes?\s+to|hoping\s+to|"
    r"upcoming|aims?\s+to|prepares?\s+to|preparing\s+to|ahead\s+of)\b",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(
    r"[,;:()\"“”—–]|\b(?:said|says|told|added|reported|announced|stated|declared)\b"
)
_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|told|added|reported|announced|stated|declared|revealed|wrote|tweeted|"
    r"confirmed|insisted|warned|statement|interview)\b(?:\s+[\w.'’]+){0,5}?\s+$"
)
_EXCLUDE_BEFORE = re.compile(
    r"\b(?:since|until|till|before|after|ahead\s+of|from|throughout|through|prior\s+to|"
    r"following)\s+(?:the\s+|a\s+)?(?:(?:early|late|mid|end\s+of|middle\s+of|start\s+of|"
    r"beginning\s+of|at\s+least)[\s-]+(?:the\s+)?)?$",
    re.IGNORECASE,
)
_DEADLINE_BEFORE = re.compile(
    r"\bby\s+(?:the\s+)?(?:(?:early|late|mid|end\s+of|middle\s+of)[\s-]+(?:the\s+)?)?$",
    re.IGNORECASE,
)
# A date in a "since ..." or "until ..." clause, or in a relative clause, is background.
_BACKGROUND_SCOPE = re.compile(
    r"\b(?:(?i:since|until|till|ahead\s+of)|which|who|whom|whose)\b(?![\w-])"
)
_SCOPE_BREAK = re.compile(
    r"[,;:()\"“”—–]|\s-\s|--|\b(?:and|but)\s+(?=(?:he|she|they|it|we|I|the)\b)"
)
_AHEAD = {"by", "until", "till", "mid", "end of", "early", "late", "before", "through"}
_BARE_LEAD = {"", "on", "early on", "late on", "by", "from", "and", "but", "then", "as of"}


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    value: date
    precision: DatePrecision
    scheduled: bool
    rank: int  # lower wins when expressions overlap


@lru_cache(maxsize=64)
def _zone(tz: str) -> ZoneInfo:
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone {tz!r}") from exc


def local_date(published: datetime, tz: str = "UTC") -> date:
    """The publication date in the story's time zone (a naive time is taken as UTC)."""
    if published.tzinfo is None:
        published = published.replace(tzinfo=UTC)
    return published.astimezone(_zone(tz)).date()


def _future(text: str, start: int, end: int) -> bool:
    """Does the clause around the expression speak of a future event?"""
    before = text[max(0, start - 120) : start]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    clause = before[breaks[-1].end() :] if breaks else before
    if _FUTURE_CUE.search(clause):
        return True
    after_verb = bool(breaks) and breaks[-1].group().isalpha()  # "said on Friday"
    if not after_verb and clause.strip(" \t-").lower() in _BARE_LEAD:
        # "On Friday, the council will vote": the verb follows the date
        after = text[end : end + 100].lstrip(" ,")
        stop = _CLAUSE_BREAK.search(after)
        return bool(_FUTURE_CUE.search(after[: stop.start()] if stop else after))
    return False


def _infer_year(month: int, day: int, base: date, future: bool) -> date | None:
    """The year of a day written without one: the nearest such day that fits the tense."""
    cands = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            cands.append(date(year, month, day))
        except ValueError:
            continue
    if not cands:
        return None
    slack = timedelta(days=2)
    if future:
        ahead = [c for c in cands if c >= base - slack]
        return ahead[0] if ahead else cands[-1]
    back = [c for c in cands if c <= base + slack]
    ahead = [c for c in cands if c > base + slack]
    if back and (not ahead or (base - back[-1]).days <= 180 or (ahead[0] - base).days > 30):
        return back[-1]
    return ahead[0] if ahead else cands[0]


def _month_of(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def _weekday(name: str, mod: str | None, future: bool, base: date) -> tuple[date, bool]:
    target = WEEKDAYS.index(name.lower())
    back = (base.weekday() - target) % 7
    mod = (mod or "").lower()
    if mod == "last":
        return base - timedelta(days=back or 7), False
    if mod in ("next", "coming"):
        return base + timedelta(days=(target - base.weekday()) % 7 or 7), True
    if future:
        return base + timedelta(days=(target - base.weekday()) % 7), True
    return base - timedelta(days=back), False


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _shift_month(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _absolute(text: str, base: date, out: list[_Found]) -> None:
    for m in _ISO.finditer(text):
        try:
            value = date(int(m["year"]), int(m["mon"]), int(m["day"]))
        except ValueError:
            continue
        out.append(_Found(m.start(), m.end(), value, DAY, False, 0))
    for rank, pattern in ((1, _MONTH_DAY), (2, _DAY_MONTH)):
        for m in pattern.finditer(text):
            month, day = _month_of(m["mon"]), int(m["day"].rstrip("stndrh"))
            if m["year"]:
                try:
                    found: date | None = date(int(m["year"]), month, day)
                except ValueError:
                    found = None
            else:
                found = _infer_year(month, day, base, _future(text, m.start(), m.end()))
            if found is not None:
                out.append(_Found(m.start(), m.end(), found, DAY, False, rank))
    for m in _MONTH_YEAR.finditer(text):
        out.append(
            _Found(
                m.start(), m.end(), date(int(m["year"]), _month_of(m["mon"]), 1), MONTH, False, 3
            )
        )
    for m in _MONTH_ALONE.finditer(text):
        month = _month_of(m["mon"])
        pre = m["pre"].lower()
        start = m.start("mon") if pre not in ("last", "next", "this") else m.start()
        future = _future(text, m.start(), m.end())
        year_word = re.match(r"\s+(last|this|next)\s+year\b", text[m.end() :], re.I)
        if year_word:
            year = base.year + {"last": -1, "this": 0, "next": 1}[year_word[1].lower()]
        elif pre == "last":
            year = base.year if month < base.month else base.year - 1
        elif pre == "next":
            year = base.year if month > base.month else base.year + 1
        elif pre == "this":
            year = base.year
        elif future:
            year = base.year if month >= base.month else base.year + 1
        elif month <= base.month or (month - base.month <= 2 and pre in _AHEAD):
            year = base.year  # "by mid-August" in a July article: this year's
        else:
            year = base.year - 1
        value = date(year, month, 1)
        out.append(_Found(start, m.end(), value, MONTH, future or value > base, 4))
    for m in _YEAR_ALONE.finditer(text):
        year = int(m["year"])
        if year <= base.year + 10:
            out.append(_Found(m.start("year"), m.end(), date(year, 1, 1), YEAR, False, 6))


def _relative(text: str, base: date, out: list[_Found]) -> None:
    for m in _RELATIVE.finditer(text):
        rel = " ".join(m["rel"].lower().split())
        if rel == "today" and re.search(r"(?:USA|the)\s+$", text[: m.start()]):
            continue
        if rel == "today" and re.match(r"\s+(?:programme|program|show)\b", text[m.end() :], re.I):
            continue
        if rel == "overnight" and re.match(
            r"\s+(?:curfews?|stays?|shifts?|trains?)\b", text[m.end() :]
        ):
            continue
        if rel.startswith("the day before"):
            offset = -2
        elif rel.startswith(("yesterday", "last night", "late last night", "overnight")):
            offset = -1
        elif rel == "the day after tomorrow":
            offset = 2
        elif rel == "tomorrow":
            offset = 1
        else:
            offset = 0
        scheduled = offset > 0 or (offset == 0 and _future(text, m.start(), m.end()))
        out.append(_Found(m.start(), m.end(), base + timedelta(days=offset), DAY, scheduled, 5))
    for m in _AGO.finditer(text):
        n = m["n"].lower()
        count = int(n) if n.isdigit() else NUMBER_WORDS[n]
        try:
            value, precision = _ago(count, m["unit"].lower().rstrip("s"), base)
        except (ValueError, OverflowError):
            continue  # "7,000 years ago": outside the calendar
        out.append(_Found(m.start(), m.end(), value, precision, False, 5))
    for m in _PERIOD.finditer(text):
        found = _period(" ".join(m["mod"].lower().split()), m["unit"].lower(), text, m, base)
        if found is not None:
            out.append(found)


def _ago(count: int, unit: str, base: date) -> tuple[date, DatePrecision]:
    if unit == "day":
        return base - timedelta(days=count), DAY
    if unit == "week":
        return base - timedelta(days=7 * count), WEEK
    if unit == "month":
        return _shift_month(base, -count), MONTH
    return date(base.year - count, 1, 1), YEAR


def _period(mod: str, unit: str, text: str, m: re.Match[str], base: date) -> _Found | None:
    if mod in ("the past", "the previous", "the following"):
        return None  # a duration or an anaphor, not a date
    if mod.startswith(("earlier", "early")) or mod == "last":
        step = -1 if mod == "last" else 0
        future = False
    elif mod.startswith(("later", "late")):
        step, future = 0, True
    elif mod in ("next", "the coming"):
        step, future = 1, True
    else:  # this, at/over/during the
        step, future = 0, _future(text, m.start(), m.end())
    if unit == "weekend":
        back = (base.weekday() - 5) % 7  # days since the last Saturday
        sat = base - timedelta(days=back)
        if mod == "last":
            sat -= timedelta(days=7 if back <= 1 else 0)
        elif step == 1 or future:
            sat = base + timedelta(days=(5 - base.weekday()) % 7 or 7) if back > 1 or step else sat
        return _Found(m.start(), m.end(), sat, WEEK, sat > base, 5)
    if unit == "week":
        value = _monday(base) + timedelta(days=7 * step)
        precision = WEEK
    elif unit == "month":
        value, precision = _shift_month(base, step), MONTH
    else:
        value, precision = date(base.year + step, 1, 1), YEAR
    return _Found(m.start(), m.end(), value, precision, future or step > 0, 5)


def _weekdays(text: str, base: date, out: list[_Found]) -> None:
    for m in _WEEKDAY_RE.finditer(text):
        if _NOT_AFTER_WEEKDAY.match(text, m.end("wd")) or _NOT_BEFORE_WEEKDAY.search(
            text[max(0, m.start() - 10) : m.start()]
        ):
            continue
        future = _future(text, m.start(), m.end())
        value, scheduled = _weekday(m["wd"], m["mod"], future, base)
        end = m.end() if m["part"] and not m["part"].strip().endswith("s") else m.end("wd")
        out.append(_Found(m.start(), end, value, DAY, scheduled, 7))


_FINDERS: tuple[Callable[[str, date, list[_Found]], None], ...] = (_absolute, _relative, _weekdays)


def _find(sentence: str, base: date) -> list[_Found]:
    if not _PREFILTER.search(sentence):
        return []
    found: list[_Found] = []
    for finder in _FINDERS:
        finder(sentence, base, found)
    found.sort(key=lambda f: (f.rank, f.start))
    kept: list[_Found] = []
    for f in found:
        if all(f.end <= k.start or f.start >= k.end for k in kept):
            kept.append(f)
    kept.sort(key=lambda f: f.start)
    for f in kept:
        if f.value > base and f.precision is DAY:
            f.scheduled = True
        elif not f.scheduled and f.precision is DAY and f.rank <= 4 and f.value >= base:
            f.scheduled = _future(sentence, f.start, f.end) and f.value >= base
    return kept


def find_dates(sentence: str, published: datetime, tz: str = "UTC") -> list[EventDate]:
    """Every date expression in ``sentence``, resolved against the publication time."""
    base = local_date(published, tz)
    return [
        EventDate(
            f.value, f.precision, Span(f.start, f.end, sentence[f.start : f.end]), f.scheduled
        )
        for f in _find(sentence, base)
    ]


_PRECISION_ORDER = {DAY: 0, WEEK: 1, MONTH: 2, YEAR: 3}


def _penalty(sentence: str, f: _Found, others: list[_Found]) -> int | None:
    """How weakly an expression dates the sentence's event (None: it does not)."""
    before = sentence[max(0, f.start - 60) : f.start]
    if _EXCLUDE_BEFORE.search(before):
        return None
    if f.scheduled and _DEADLINE_BEFORE.search(before):
        return None  # "by Friday": a deadline, not an event
    breaks = list(_SCOPE_BREAK.finditer(sentence, 0, f.start))
    scope_start = breaks[-1].end() if breaks else 0
    scope = [
        m.end() + scope_start for m in _BACKGROUND_SCOPE.finditer(sentence[scope_start : f.start])
    ]
    if scope and not any(scope[-1] <= o.start < f.start for o in others):
        return None  # "since the rig sank on April 22", "which began on Saturday"
    if f.scheduled:
        return 3  # a plan; the day it was announced is the news, if the sentence gives it
    if _SPEECH_BEFORE.search(before[-45:]):
        return 2  # "said on Tuesday": the report's date, if nothing dates the event itself
    after = sentence[f.end : f.end + 20]
    if re.search(r"\b(?:the|a|an|its|their|his|her)\s+$", before, re.I) and re.match(
        r"\s+[a-z]", after
    ):
        return 1  # inside a noun phrase: "the March 3 vote"
    return 0


def event_date(sentence: str, published: datetime, tz: str = "UTC") -> EventDate:
    """The date of the sentence's event, or the publication date (evidence None)."""
    base = local_date(published, tz)
    return _event(sentence, base, _find(sentence, base))


def sentence_dates(
    sentence: str, published: datetime, tz: str = "UTC"
) -> tuple[EventDate, tuple[date, ...]]:
    """The sentence's event date and every day it names ("since the April 20 explosion"
    names April 20 without telling of it), in one pass."""
    base = local_date(published, tz)
    found = _find(sentence, base)
    days = tuple(sorted({f.value for f in found if f.precision is DAY}))
    return _event(sentence, base, found), days


def _event(sentence: str, base: date, found: list[_Found]) -> EventDate:
    best: tuple[tuple[int, int, int], _Found] | None = None
    for f in found:
        penalty = _penalty(sentence, f, found)
        if penalty is None:
            continue
        key = (_PRECISION_ORDER[f.precision], penalty, f.start)
        if best is None or key < best[0]:
            best = (key, f)
    if best is None:
        return EventDate(base, DAY, None, False)
    f = best[1]
    return EventDate(
        f.value, f.precision, Span(f.start, f.end, sentence[f.start : f.end]), f.scheduled
    )
