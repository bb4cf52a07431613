"""Real test data shared by several test modules."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from livebrief.model import Report

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEMO = ROOT / "src" / "livebrief" / "data" / "demo" / "wcep-ukraine-2022" / "articles.jsonl"


def demo_reports(limit: int | None = None) -> list[Report]:
    """Real records of the bundled demo corpus as reports."""
    out = []
    with DEMO.open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            out.append(
                Report(
                    url=f"{r['url']}#{r['id']}",
                    title=r["title"],
                    text=r["text"],
                    published=datetime.fromisoformat(r["published"]).replace(tzinfo=UTC),
                    outlet=r["outlet"],
                    author=r["author"],
                    language=r["language"],
                    cited_sources=r["cited_sources"],
                )
            )
            if limit and len(out) >= limit:
                break
    return out
