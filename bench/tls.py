"""Timeline17 benchmark, end to end from the raw files.

    .venv/bin/python bench/tls.py [--dataset ../shared/datasets/t17] [--topics haiti,egypt]
                                  [--out result.json] [--embeddings] [--dates-only]

Prints the per-task table, the overall scores, wall time and peak memory, and writes the
result JSON (default: tls-result.json in the system temporary folder).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from livebrief.eval.tls import format_table, run_tls

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, default=ROOT.parent / "shared/datasets/t17")
    parser.add_argument("--topics", default="", help="comma-separated topic names (default: all)")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "tls-result.json")
    parser.add_argument(
        "--embeddings", action="store_true", help="group sentences with MiniLM embeddings"
    )
    parser.add_argument(
        "--dates-only",
        action="store_true",
        help="sentences and event dates only, not the full enrichment of briefings (faster)",
    )
    args = parser.parse_args(argv)
    if not args.dataset.is_dir():
        print(f"{args.dataset}: dataset folder not found", file=sys.stderr)
        return 2
    embedder = None
    if args.embeddings:
        from livebrief.cluster.embed import load_embedder

        embedder = load_embedder()
    topics = [t for t in args.topics.split(",") if t] or None
    started = time.perf_counter()
    result = run_tls(
        args.dataset,
        out=args.out,
        topics=topics,
        progress=lambda message: print(message, flush=True),
        embedder=embedder,
        dates_only=args.dates_only,
    )
    print(format_table(result))
    for problem in result["problems"]:
        print(f"skipped {problem}", file=sys.stderr)
    print(
        f"wall time {time.perf_counter() - started:.1f} s, "
        f"peak memory {result['peak_memory_mb']} MB, result {args.out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
