"""Read reports from record files: JSON Lines (``.jsonl``, ``.ndjson``) and CSV (``.csv``).

One record is one report; the columns are described in docs/ingest-formats.md. Files are
streamed: a bad record gives a Problem naming ``<file>:<line>`` and the rest are still read.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from livebrief.ingest.text import DEFAULT_MAX_BYTES, check_file, title_from, utf8_error
from livebrief.model import Embed, Problem, Report, ReportKind

KINDS = ", ".join(k.value for k in ReportKind)
# URL schemes that name a thing without a host.
_OPAQUE_SCHEMES = frozenset({"urn", "tag", "corpus", "mailto", "data"})


class InvalidRecord(ValueError):
    """A record that cannot become a Report; the message is the one-line reason."""


def read_records(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Report | Problem]:
    """Yield one Report per record of a ``.jsonl``/``.ndjson``/``.csv`` file, or Problems.

    A whole-file problem (missing, empty, not UTF-8, over ``max_bytes``, unknown extension)
    is one Problem for the file; a bad record is one Problem ``<file>:<line>``.
    """
    path = Path(path)
    problem = check_file(path, max_bytes)
    reader = _READERS.get(path.suffix.lower())
    if problem is None and reader is None:
        problem = Problem(
            str(path),
            f"unknown extension {path.suffix or '(none)'!r} (expected .jsonl, .ndjson or .csv)",
        )
    if problem is None:
        problem = utf8_error(path)
    if problem is not None:
        yield problem
        return
    assert reader is not None
    yield from reader(path)


def record_to_report(record: dict[str, Any], *, from_csv: bool = False) -> Report:
    """Map one record (JSON object or CSV row) onto a Report; raise InvalidRecord if unusable."""
    rid = _scalar(record, "id")
    url = _string(record, "url")
    if url:
        if not _absolute(url):
            raise InvalidRecord(f"url is not an absolute URL: {url[:80]!r}")
        if rid and not url.endswith(f"#{rid}"):
            url = f"{url}#{rid}"
    elif rid:
        url = f"urn:livebrief:{rid}"
    else:
        raise InvalidRecord("no url and no id")
    text = _string(record, "text")
    if not text:
        raise InvalidRecord("missing text")
    return Report(
        url=url,
        title=_string(record, "title") or title_from(text),
        text=text,
        published=parse_published(record.get("published")),
        outlet=_string(record, "outlet") or None,
        author=_string(record, "author") or None,
        language=(_string(record, "language") or "").lower() or None,
        kind=_kind(record.get("kind")),
        cited_sources=_cited_sources(record.get("cited_sources"), from_csv),
        embeds=_embeds(record.get("embeds"), from_csv),
    )


def parse_published(value: Any) -> datetime:
    """An ISO date or datetime; a date means midnight UTC and a naive time means UTC."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise InvalidRecord("no publication date")
    if not isinstance(value, str):
        raise InvalidRecord(f"no publication date: {value!r} is not an ISO date string")
    text = value.strip()
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            return datetime(day.year, day.month, day.day, tzinfo=UTC)
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise InvalidRecord(
            f"no publication date: {text[:40]!r} is not an ISO date or datetime"
        ) from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


# --- the two file formats ----------------------------------------------------------------


def _read_jsonl(path: Path) -> Iterator[Report | Problem]:
    seen = False
    with path.open(encoding="utf-8-sig", newline=None) as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            seen = True
            where = f"{path}:{lineno}"
            try:
                record = json.loads(line.strip())
            except ValueError as exc:
                yield Problem(where, f"invalid JSON ({_json_reason(exc)})")
                continue
            if not isinstance(record, dict):
                yield Problem(where, f"not a JSON object (a {_json_type(record)})")
                continue
            yield _convert(record, where, from_csv=False)
    if not seen:
        yield Problem(str(path), "empty file")


def _read_csv(path: Path) -> Iterator[Report | Problem]:
    _raise_csv_field_limit()
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        header = _header(reader)
        if isinstance(header, str):
            yield Problem(str(path), header)
            return
        rows = 0
        while True:
            before = reader.line_num
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                yield Problem(f"{path}:{reader.line_num}", f"malformed CSV ({exc})")
                if reader.line_num == before:
                    break
                continue
            rows += 1
            where = f"{path}:{reader.line_num}"
            if None in row:
                yield Problem(
                    where, f"{len(row[None]) + len(header)} fields, header has {len(header)}"
                )
                continue
            yield _convert(row, where, from_csv=True)
    if not rows:
        yield Problem(str(path), "no records after the header row")


def _header(reader: csv.DictReader[str]) -> list[str] | str:
    try:
        fields = reader.fieldnames
    except csv.Error as exc:
        return f"malformed CSV header ({exc})"
    if not fields or not any(f.strip() for f in fields):
        return "empty file"
    names = [f.strip().lower() for f in fields]
    reader.fieldnames = names
    missing = [c for c in ("text", "published") if c not in names]
    if "url" not in names and "id" not in names:
        missing.insert(0, "url (or id)")
    if missing:
        return f"CSV header has no {' / '.join(missing)} column"
    return names


def _raise_csv_field_limit() -> None:
    # Article texts can be longer than the csv module's default 128 KB field limit.
    limit = min(sys.maxsize, 2**31 - 1)
    if csv.field_size_limit() < limit:
        csv.field_size_limit(limit)


_READERS: dict[str, Callable[[Path], Iterator[Report | Problem]]] = {
    ".jsonl": _read_jsonl,
    ".ndjson": _read_jsonl,
    ".csv": _read_csv,
}


# --- field helpers -------------------------------------------------------------------------


def _convert(record: dict[str, Any], where: str, *, from_csv: bool) -> Report | Problem:
    try:
        return record_to_report(record, from_csv=from_csv)
    except InvalidRecord as exc:
        return Problem(where, str(exc))


def _string(record: dict[str, Any], key: str) -> str:
    value = record.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidRecord(f"{key} must be a string, not a {_json_type(value)}")
    return value.strip()


def _scalar(record: dict[str, Any], key: str) -> str:
    value = record.get(key)
    if isinstance(value, bool) or not isinstance(value, str | int | float | type(None)):
        raise InvalidRecord(f"{key} must be a string or a number, not a {_json_type(value)}")
    return "" if value is None else str(value).strip()


def _kind(value: Any) -> ReportKind:
    if value is None or value == "":
        return ReportKind.NEWS
    try:
        return ReportKind(str(value).strip().lower())
    except ValueError:
        raise InvalidRecord(f"unknown kind {value!r} (expected {KINDS})") from None


def _cited_sources(value: Any, from_csv: bool) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        text = value.strip()
        if from_csv and text.startswith("["):
            value = _json_cell("cited_sources", text)
        else:
            return [s.strip() for s in text.split(";") if s.strip()]
    if not isinstance(value, list) or not all(isinstance(s, str) for s in value):
        raise InvalidRecord("cited_sources must be a list of strings")
    return [s.strip() for s in value if s.strip()]


def _embeds(value: Any, from_csv: bool) -> list[Embed]:
    if value is None or value == "":
        return []
    if isinstance(value, str) and from_csv:
        value = _json_cell("embeds", value)
    if not isinstance(value, list):
        raise InvalidRecord("embeds must be a list of objects")
    return [_embed(i, item) for i, item in enumerate(value)]


def _embed(index: int, item: Any) -> Embed:
    where = f"embeds[{index}]"
    if not isinstance(item, dict):
        raise InvalidRecord(f"{where} is not an object")
    try:
        text = _string(item, "text")
        author = _string(item, "author")
        handle = _string(item, "handle")
        url = _string(item, "url")
        when = _string(item, "date")
    except InvalidRecord as exc:
        raise InvalidRecord(f"{where}: {exc}") from None
    if not text:
        raise InvalidRecord(f"{where}: missing text")
    if handle and not handle.startswith("@"):
        handle = f"@{handle}"
    day: date | None = None
    if when:
        try:
            day = (
                datetime.fromisoformat(when).date() if len(when) > 10 else date.fromisoformat(when)
            )
        except ValueError:
            raise InvalidRecord(f"{where}: date {when[:40]!r} is not an ISO date") from None
    return Embed(author=author or handle, handle=handle, date=day, text=text, url=url)


def _json_cell(key: str, text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError as exc:
        raise InvalidRecord(f"{key} is not valid JSON ({_json_reason(exc)})") from None


def _json_reason(exc: ValueError) -> str:
    if isinstance(exc, json.JSONDecodeError):
        at = "" if exc.msg.endswith(" at") else " at"
        return f"{exc.msg}{at} column {exc.colno}"
    return str(exc)


def _absolute(url: str) -> bool:
    parts = urlsplit(url)
    if not parts.scheme or any(c.isspace() for c in url):
        return False
    return bool(parts.netloc) or parts.scheme in _OPAQUE_SCHEMES


def _json_type(value: Any) -> str:
    names = {dict: "object", list: "list", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number")
