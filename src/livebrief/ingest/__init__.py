"""ingest stage: reports from feeds, web pages, record files, corpus folders and briefings.

Input formats are a small registry: each reader takes a source (a URL or a path) and a
fetcher and yields reports, or a Problem for each item it cannot use.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Problem, Report

if TYPE_CHECKING:
    from .http import Fetcher

Reader = Callable[[str, "Fetcher | None"], Iterator[Report | Problem]]
READERS: dict[str, Reader] = {}


def register(name: str) -> Callable[[Reader], Reader]:
    def add(reader: Reader) -> Reader:
        READERS[name] = reader
        return reader

    return add


def read_source(
    kind: str, source: str, fetcher: Fetcher | None = None
) -> Iterator[Report | Problem]:
    """Reports from `source` read as `kind` (feed, url, path, jsonl, corpus); `auto` guesses."""
    if kind == "auto":
        kind = detect_kind(source)
    try:
        reader = READERS[kind]
    except KeyError:
        known = ", ".join(sorted(READERS))
        raise ValueError(f"unknown input format {kind!r} (known: {known})") from None
    return reader(source, fetcher)


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def detect_kind(source: str) -> str:
    """Guess the format of a source: a feed, a page, a record file or a corpus folder."""
    if is_url(source):
        lowered = source.lower()
        return "feed" if any(t in lowered for t in ("rss", "atom", "feed", ".xml")) else "url"
    path = Path(source)
    if path.is_dir():
        if any(p.is_dir() and _is_date(p.name) for p in path.rglob("*")):
            return "corpus"
        if any(path.rglob("*.jsonl")) or any(path.rglob("*.csv")):
            return "jsonl"
        return "path"
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".csv"):
        return "jsonl"
    if suffix in (".html", ".htm"):
        return "path"
    if suffix == ".json":
        return "feed" if _looks_like_json_feed(path) else "jsonl"
    return "feed"


def _is_date(name: str) -> bool:
    return len(name) == 10 and name[4] == "-" and name[7] == "-" and name.replace("-", "").isdigit()


def _looks_like_json_feed(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            head = fh.read(4096).decode("utf-8", "replace")
    except OSError:
        return False
    return "jsonfeed.org" in head or (head.lstrip().startswith("{") and '"items"' in head)


@register("feed")
def _feed(source: str, fetcher: Fetcher | None) -> Iterator[Report | Problem]:
    from .feeds import read_feed

    return read_feed(source if is_url(source) else Path(source), fetcher)


@register("url")
@register("path")
def _pages(source: str, fetcher: Fetcher | None) -> Iterator[Report | Problem]:
    from .pages import read_pages

    return read_pages(source if is_url(source) else Path(source), fetcher)


@register("jsonl")
def _records(source: str, fetcher: Fetcher | None) -> Iterator[Report | Problem]:
    from .records import read_records

    path = Path(source)
    if path.is_dir():
        return _each(sorted([*path.rglob("*.jsonl"), *path.rglob("*.csv")]), read_records)
    return read_records(path)


@register("corpus")
def _corpus(source: str, fetcher: Fetcher | None) -> Iterator[Report | Problem]:
    from .corpus import read_corpus

    return read_corpus(Path(source))


def _each(
    paths: list[Path], reader: Callable[[Path], Iterator[Report | Problem]]
) -> Iterator[Report | Problem]:
    for p in paths:
        yield from reader(p)
