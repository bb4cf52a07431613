"""Benchmark: the web app serving a large briefing, first and repeated requests.

    .venv/bin/python bench/serve.py --db STORE [--story SLUG] [--repeats 5]

Requests go through Starlette's test client in-process (no network). The first request of
a briefing lays it out and renders it; repeats of an unchanged briefing reuse that work
and only read the store. Prints seconds per path and request.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from starlette.testclient import TestClient

from livebrief.store import Store
from livebrief.web import create_app

PATHS = ("/", "/feed.atom", "/briefing.json")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="a livebrief store")
    parser.add_argument("--story", default=None, help="story slug (default: the only one)")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    if not args.db.is_file():
        print(f"{args.db}: no such store", file=sys.stderr)
        return 2
    with Store(args.db) as store:
        stories = store.stories()
        slug = args.story or (stories[0].slug if len(stories) == 1 else None)
        if slug is None:
            print("several stories: choose one with --story", file=sys.stderr)
            return 2
        days = len(store.briefing(store.story(slug)).days)

    def load():  # type: ignore[no-untyped-def]
        with Store(args.db) as s:
            return s.briefing(s.story(slug))

    client = TestClient(create_app(load))
    print(f"{args.db}: story {slug}, {days} days")
    for path in PATHS:
        t0 = time.perf_counter()
        assert client.get(path).status_code == 200
        first = time.perf_counter() - t0
        repeats = []
        for _ in range(args.repeats):
            t0 = time.perf_counter()
            assert client.get(path).status_code == 200
            repeats.append(time.perf_counter() - t0)
        print(f"{path:16} first {first:.3f} s, repeated median {statistics.median(repeats):.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
