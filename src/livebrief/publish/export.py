"""The published briefing as plain JSON (schema: docs/export.schema.json)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from livebrief.model import Briefing
from livebrief.publish.format import aware, rfc3339
from livebrief.publish.view import AnalysisView, BriefingView, BulletView, DayView, build_view


def to_json(briefing: Briefing, *, view: BriefingView | None = None) -> dict[str, Any]:
    """The briefing as JSON-ready data: published bullets only, days newest first."""
    view = view or build_view(briefing)
    story = view.story
    return {
        "story": {
            "slug": story.slug,
            "title": story.title,
            "description": story.description or "",
            "keywords": [str(k) for k in story.keywords or []],
            "timezone": story.timezone or "UTC",
        },
        "standfirst": view.standfirst,
        "updated": _stamp(view.updated),
        "days": [_day(day) for day in view.days],
    }


def dumps(briefing: Briefing, *, indent: int | None = 2, view: BriefingView | None = None) -> str:
    """`to_json` as text (UTF-8, non-ASCII kept)."""
    return json.dumps(to_json(briefing, view=view), ensure_ascii=False, indent=indent) + "\n"


def _stamp(value: object) -> str | None:
    """RFC 3339 in UTC (naive values are taken as UTC), or None."""
    stamp = aware(value) if isinstance(value, datetime) else None
    return rfc3339(stamp.astimezone(UTC)) if stamp else None


def _day(day: DayView) -> dict[str, Any]:
    return {
        "date": day.date.isoformat(),
        "bullets": [_bullet(b) for b in day.bullets],
        "with_reporting_by": day.outlets,
        "analysis": [_analysis(a) for a in day.analysis],
    }


def _bullet(bullet: BulletView) -> dict[str, Any]:
    raw = bullet.bullet
    return {
        "key": bullet.key,
        "text": bullet.text,
        "state": bullet.state,
        "citations": [
            {"url": s.url, "outlet": s.outlet, "title": s.title, "report_id": s.report_id}
            for s in bullet.sources
        ],
        "outlets": bullet.outlets,
        "created": _stamp(raw.created),
        "updated": _stamp(raw.updated),
        "edited": bool(raw.edited),
        "follows": bullet.earlier.key if bullet.earlier else None,
    }


def _analysis(item: AnalysisView) -> dict[str, Any]:
    raw = item.item
    embed = item.embed
    return {
        "title": item.title,
        "text": item.text,
        "url": (raw.url or "").strip(),
        "outlet": raw.outlet or None,
        "author": raw.author or None,
        "embed": None
        if embed is None
        else {
            "author": embed.author,
            "handle": embed.handle.removeprefix("@"),
            "date": embed.date.isoformat() if embed.date else None,
            "text": embed.text,
            "url": embed.url,
        },
    }
