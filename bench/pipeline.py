"""Benchmark: ingest + enrich + compose + publish a whole corpus into a fresh store.

    .venv/bin/python bench/pipeline.py [--corpus ../shared/datasets/t17] [--db /tmp/bench.db]
    .venv/bin/python bench/pipeline.py --compose-only --db /tmp/copy-of-bench.db [--export a.json]

Reports reports/s ingested (with and without enrichment), seconds to compose and to publish,
and peak memory (max RSS). Record results in docs/benchmarks.md.

`--compose-only` recomposes every day of an existing, enriched store (it rewrites the
store's draft bullets: give it a copy) and reports the seconds and peak memory of that
alone. `--export` writes the composed briefing as JSON without its time stamps, so that the
output of two builds can be compared with `diff`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

from livebrief import pipeline
from livebrief.ingest import read_source
from livebrief.model import Briefing, Story
from livebrief.publish.export import to_json
from livebrief.store import Store

ROOT = Path(__file__).resolve().parents[1]
STAMPS = {"created", "updated"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "datasets" / "t17")
    ap.add_argument("--kind", default="auto", help="input format (default: guessed)")
    ap.add_argument("--db", type=Path, default=None, help="store file (default: a temp file)")
    ap.add_argument("--out", type=Path, default=None, help="site folder (default: a temp dir)")
    ap.add_argument(
        "--compose-only", action="store_true", help="recompose the existing store --db only"
    )
    ap.add_argument("--story", default="bench", help="story slug for --compose-only")
    ap.add_argument("--export", type=Path, default=None, help="write the composed briefing here")
    args = ap.parse_args()
    if args.compose_only:
        if args.db is None or not args.db.exists():
            ap.error("--compose-only needs the --db of an existing store")
        compose_only(args.db, args.story, args.export)
        return

    tmp = Path(tempfile.mkdtemp(prefix="livebrief-bench-"))
    db = args.db or tmp / "bench.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    out = args.out or tmp / "site"
    store = Store(db)
    story = store.create_story(Story("bench", "Benchmark", keywords=[]))

    t0 = time.perf_counter()
    summary = pipeline.ingest(store, story, read_source(args.kind, str(args.corpus)), enrich=False)
    t_ingest = time.perf_counter() - t0

    t0 = time.perf_counter()
    enriched = pipeline.enrich_story(store, story)
    t_enrich = time.perf_counter() - t0
    sentences = store.db.execute("SELECT COUNT(*) FROM sentences").fetchone()[0]

    t0 = time.perf_counter()
    briefing = pipeline.compose_story(store, story)
    t_compose = time.perf_counter() - t0

    t0 = time.perf_counter()
    pipeline.publish_story(store, story, out)
    t_publish = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    result = {
        "corpus": str(args.corpus),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "ingest": summary.line(),
        "reports": summary.new + summary.updated,
        "ingest_seconds": round(t_ingest, 2),
        "reports_per_second_ingest": round((summary.new + summary.updated) / t_ingest, 1),
        "enriched_reports": enriched,
        "sentences": sentences,
        "enrich_seconds": round(t_enrich, 2),
        "sentences_per_second_enrich": round(sentences / t_enrich, 1) if t_enrich else None,
        "compose_seconds": round(t_compose, 2),
        "days": len(briefing.days),
        "bullets": sum(len(d.bullets) for d in briefing.days),
        "publish_seconds": round(t_publish, 2),
        "peak_memory_mb": round(peak_mb, 1),
        "store_mb": round(db.stat().st_size / 2**20, 1),
    }
    print(json.dumps(result, indent=2))
    if args.export is not None:
        export_briefing(briefing, args.export)
    store.close()


def compose_only(db: Path, slug: str, export: Path | None) -> None:
    """Recompose every day of an existing store; print seconds and peak memory."""
    store = Store(db)
    story = store.story(slug)
    t0 = time.perf_counter()
    briefing = pipeline.compose_story(store, story, full=True)
    t_compose = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    assert story.id is not None
    result = {
        "store": str(db),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "reports": store.report_count(story.id),
        "compose_seconds": round(t_compose, 2),
        "days": len(briefing.days),
        "bullets": sum(len(d.bullets) for d in briefing.days),
        "peak_memory_mb": round(peak_mb, 1),
    }
    print(json.dumps(result, indent=2))
    if export is not None:
        export_briefing(briefing, export)
    store.close()


def export_briefing(briefing: Briefing, path: Path) -> None:
    """The briefing's JSON export without the time stamps that differ from run to run."""

    def timeless(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: timeless(v) for k, v in value.items() if k not in STAMPS}
        if isinstance(value, list):
            return [timeless(v) for v in value]
        return value

    data = timeless(to_json(briefing))
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
