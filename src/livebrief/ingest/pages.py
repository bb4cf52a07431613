"""Web pages in, reports out: a URL, one saved ``.html`` file, or a folder of them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from livebrief.extract.article import extract_article
from livebrief.ingest.http import (
    DEFAULT_MAX_BYTES,
    Fetcher,
    FetchError,
    canonical_url,
    is_url,
    read_local,
)
from livebrief.model import Problem, Report

PAGE_SUFFIXES = (".html", ".htm")
_UNTYPED = {"application/octet-stream", "binary/octet-stream"}


def read_pages(
    source: str | Path, fetcher: Fetcher | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Report | Problem]:
    """One Report or Problem per page; a bad page never stops the rest.

    ``source`` is an http(s) URL (fetched with ``fetcher``, or a default one), a file, or a
    folder searched recursively for ``*.html`` and ``*.htm`` (in sorted order). Files larger
    than ``max_bytes`` are refused without being read.
    """
    if is_url(source):
        yield _from_url(str(source), fetcher)
        return
    root = Path(source)
    if root.is_dir():
        files = sorted(
            p for p in root.rglob("*") if p.suffix.lower() in PAGE_SUFFIXES and not p.is_dir()
        )
        if not files:
            yield Problem(str(source), "no .html or .htm files in this folder")
        for path in files:
            yield _from_file(path, max_bytes)
        return
    yield _from_file(root, max_bytes)


def _from_url(url: str, fetcher: Fetcher | None) -> Report | Problem:
    client = fetcher or Fetcher()
    try:
        got = client.get(url)
    except FetchError as exc:
        return Problem(url, exc.reason)
    finally:
        if fetcher is None:
            client.close()
    media = got.media_type
    if media and not ("html" in media or media.startswith("text/") or media in _UNTYPED):
        return Problem(url, f"not an HTML page (Content-Type {media})")
    result = extract_article(
        got.content, canonical_url(got.url), fetched=got.fetched, content_type=got.content_type
    )
    return Problem(url, result.reason) if isinstance(result, Problem) else result


def _from_file(path: Path, max_bytes: int) -> Report | Problem:
    try:
        data = read_local(path, max_bytes)
    except FetchError as exc:
        return Problem(str(path), exc.reason)
    result = extract_article(data)
    if isinstance(result, Problem):
        return Problem(str(path), result.reason)
    if not result.url:
        result.url = path.resolve().as_uri()
    return result
