"""Conversions between model values and the text stored in SQLite columns."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any


def dt_out(value: datetime | None) -> str | None:
    """An aware datetime as ISO 8601 in UTC (naive values are taken as UTC)."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat(timespec="seconds")


def dt_in(value: str | None) -> datetime | None:
    if not value:
        return None
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def d_out(value: date | None) -> str | None:
    return value.isoformat() if value else None


def d_in(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def js_out(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def js_in(value: str | None, default: Any = None) -> Any:
    if not value:
        return default
    return json.loads(value)


def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)
