"""Benchmark: enrichment speed over a corpus (sentences/s on this machine, peak memory).

    .venv/bin/python bench/enrich.py [--corpus ../shared/datasets/t17] [--limit N] [--no-entities]

Reads the corpus, then runs the same Enricher that ingest uses on every report, timing each
feature group separately as well as the whole.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import time
from pathlib import Path

from livebrief.enrich import Enricher
from livebrief.ingest import read_source
from livebrief.model import Report, Story

ROOT = Path(__file__).resolve().parents[1]
BATCH = 64


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "datasets" / "t17")
    ap.add_argument("--limit", type=int, default=None, help="only the first N reports")
    ap.add_argument("--no-entities", action="store_true", help="skip the spaCy entity tagger")
    args = ap.parse_args()

    reports = [r for r in read_source("auto", str(args.corpus)) if isinstance(r, Report)]
    reports = reports[: args.limit] if args.limit else reports
    for i, r in enumerate(reports):
        r.id = i + 1
    enricher = Enricher(Story("bench", "bench"), entities=not args.no_entities)
    t0 = time.perf_counter()
    sentences = 0
    for i in range(0, len(reports), BATCH):
        for a in enricher.analyze(reports[i : i + BATCH]):
            sentences += len(a.sentences)
    seconds = time.perf_counter() - t0
    enricher.close()
    print(
        json.dumps(
            {
                "corpus": str(args.corpus),
                "machine": f"{platform.machine()}, {os.cpu_count()} cores",
                "reports": len(reports),
                "sentences": sentences,
                "entities": not args.no_entities,
                "seconds": round(seconds, 1),
                "sentences_per_second": round(sentences / seconds, 1),
                "reports_per_second": round(len(reports) / seconds, 1),
                "peak_memory_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
