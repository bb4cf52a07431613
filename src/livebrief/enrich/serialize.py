"""What enrichment found, as plain JSON (the `livebrief analyze` output, docs/analyze-format.md)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

from ..model import Sentence, Span
from .analyze import ReportAnalysis


def _span(span: Span | None) -> dict[str, Any] | None:
    return asdict(span) if span else None


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def sentence_json(s: Sentence) -> dict[str, Any]:
    ev = s.event
    return {
        "position": s.position,
        "text": s.text,
        "event_date": {
            "date": _day(ev.date),
            "precision": str(ev.precision),
            "evidence": _span(ev.evidence),
            "scheduled": ev.scheduled,
            "from_publication": ev.evidence is None,
        }
        if ev
        else None,
        "outlets": [
            {"name": a.name, "verb": a.verb, "span": _span(a.span)}
            for a in s.attributions
            if a.role == "outlet"
        ],
        "speakers": [
            {"name": a.name, "verb": a.verb, "span": _span(a.span)}
            for a in s.attributions
            if a.role == "speaker"
        ],
        "quotes": [{"text": q.text, "speaker": q.speaker, "span": _span(q.span)} for q in s.quotes],
        "figures": [
            {
                "what": f.what,
                "low": f.low,
                "high": f.high,
                "qualifier": f.qualifier,
                "unit": f.unit,
                "claimant": f.claimant,
                "as_of": _day(f.as_of),
                "vague": f.vague,
                "span": _span(f.span),
            }
            for f in s.figures
        ],
        "denial": s.denial,
        "entities": [
            {"text": m.text, "label": m.label, "entity": m.entity, "span": _span(m.span)}
            for m in s.mentions
        ],
    }


def analysis_json(a: ReportAnalysis) -> dict[str, Any]:
    r = a.report
    return {
        "url": r.url,
        "title": r.title,
        "outlet": r.outlet,
        "published": r.published.isoformat() if r.published else None,
        "kind": str(a.kind),
        "language": a.language,
        "dateline": a.dateline,
        "sentences": [sentence_json(s) for s in a.sentences],
    }
