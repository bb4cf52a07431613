"""Benchmark: one new report added to a large story re-composes only its day.

    .venv/bin/python bench/incremental.py [--db bench/results/incremental.db]

Builds (once, kept in --db) a story of about 5,000 reports: every Timeline17 article plus
the Ukraine demo corpus, enriched and composed. Then adds one new report, and times the
incremental path: ingest + enrich that report, recompose the days it touches. Repeats
with several new reports and prints the median and worst time.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from datetime import UTC, datetime
from pathlib import Path

from livebrief import pipeline
from livebrief.ingest import read_source
from livebrief.model import Report, Story
from livebrief.store import Store

ROOT = Path(__file__).resolve().parents[1]
DATASETS = ROOT.parent / "shared" / "datasets"


def build(db: Path) -> tuple[Store, Story]:
    store = Store(db)
    story = store.get_story("big")
    if story is not None:
        return store, story
    story = store.create_story(Story("big", "Big story"))
    sources = [
        ("corpus", DATASETS / "t17"),
        ("jsonl", DATASETS / "demo" / "wcep-ukraine-2022" / "articles.jsonl"),
    ]
    for kind, path in sources:
        t0 = time.perf_counter()
        summary = pipeline.ingest(store, story, read_source(kind, str(path)))
        print(f"setup: {path.name}: {summary.line()} ({time.perf_counter() - t0:.0f} s)")
    t0 = time.perf_counter()
    pipeline.compose_story(store, story, full=True)
    print(f"setup: full composition {time.perf_counter() - t0:.1f} s")
    return store, story


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=ROOT / "bench" / "results" / "incremental.db")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    args.db.parent.mkdir(parents=True, exist_ok=True)
    store, story = build(args.db)
    assert story.id is not None
    n_reports = store.report_count(story.id)
    times = []
    stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
    for i in range(args.runs):
        report = Report(
            url=f"https://example.org/bench/{stamp}/{i}",
            title="Rebels advance on the capital",
            text=(
                "Rebel fighters advanced on the capital on Tuesday, witnesses told Reuters. "
                f"At least {12 + i} people were killed in overnight clashes, the health "
                "ministry said. The government denied the claims."
            ),
            published=datetime(2011, 3, 2, 14, 0, tzinfo=UTC),
            outlet="Reuters",
        )
        t0 = time.perf_counter()
        pipeline.ingest(store, story, [report])
        briefing = pipeline.compose_story(store, story, full=False)
        times.append(time.perf_counter() - t0)
    result = {
        "story_reports": n_reports,
        "runs": args.runs,
        "median_seconds": round(statistics.median(times), 3),
        "max_seconds": round(max(times), 3),
        "days": len(briefing.days),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
