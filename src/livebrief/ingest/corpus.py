"""Read a Timeline17-style corpus folder: ``<YYYY-MM-DD>/<id>.txt`` at any depth.

Each text file is one article, one sentence a line, PTB-tokenized; the folder date is the
publication date. Works on the Timeline17 root (``<Topic>/InputDocs/<date>/<id>.htm.txt``),
on one topic folder, on a bare ``InputDocs`` folder or on a single date folder.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import quote

from livebrief.ingest.text import decode_utf8, detokenize_ptb, title_from
from livebrief.model import Problem, Report, ReportKind

MAX_FILE_BYTES = 20 * 1024 * 1024

# Topic folder suffix (after the last "_") -> outlet name.
PUBLISHERS: dict[str, str] = {
    "afp": "AFP",
    "aljazeera": "Al Jazeera",
    "ap": "Associated Press",
    "bbc": "BBC",
    "cnn": "CNN",
    "foxnews": "Fox News",
    "guardian": "The Guardian",
    "nytimes": "The New York Times",
    "reuters": "Reuters",
    "washingtonpost": "The Washington Post",
}

_DATE_DIR_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_INPUT_DOCS = "inputdocs"


def outlet_for_topic(topic: str) -> str | None:
    """The publisher named by a topic folder's suffix (``LibyaWar_reuters`` -> Reuters)."""
    if "_" not in topic:
        return None
    return PUBLISHERS.get(topic.rsplit("_", 1)[1].lower())


def read_corpus(path: Path, *, max_file_bytes: int = MAX_FILE_BYTES) -> Iterator[Report | Problem]:
    """Yield one Report per article file under ``path``, or a Problem for each bad item.

    Order is stable: folders and files sorted by name. Text is detokenized one sentence a
    line; the title is the first line (shortened); the URL is
    ``corpus:<topic folder>/<date>/<file name>``, independent of where the corpus lives.
    """
    root = Path(path)
    if not root.exists():
        yield Problem(str(path), "no such folder")
        return
    if not root.is_dir():
        yield Problem(str(path), "not a folder")
        return
    root = root.resolve()
    found = False
    for date_dir, day in _date_dirs(root):
        if isinstance(day, Problem):
            yield day
            continue
        topic = _topic_name(date_dir)
        outlet = outlet_for_topic(topic)
        published = datetime(day.year, day.month, day.day, tzinfo=UTC)
        for entry in sorted(os.scandir(date_dir), key=lambda e: e.name):
            if not entry.name.lower().endswith(".txt") or not entry.is_file():
                continue
            found = True
            url = "corpus:" + quote(f"{topic}/{date_dir.name}/{entry.name}", safe="/_-.~")
            yield _read_article(Path(entry.path), url, published, outlet, max_file_bytes)
    if not found:
        yield Problem(str(path), "no <YYYY-MM-DD>/<id>.txt article files found")


def corpus_keywords(path: Path, problems: list[Problem] | None = None) -> list[str]:
    """The query keywords of a corpus, from ``keywords.json`` (a JSON list of strings).

    Looks in ``path``, in the topic folder above a bare ``InputDocs`` folder, and else in each
    immediate sub-folder (the Timeline17 root: the union of the topics' keywords, in order).
    A malformed file is skipped and, when ``problems`` is given, reported there.
    """
    root = Path(path).resolve()
    candidates = [root / "keywords.json"]
    if root.name.lower() == _INPUT_DOCS:
        candidates.append(root.parent / "keywords.json")
    if not any(c.is_file() for c in candidates) and root.is_dir():
        candidates = sorted(p / "keywords.json" for p in root.iterdir() if p.is_dir())
    keywords: list[str] = []
    for candidate in candidates:
        if not candidate.is_file():
            continue
        words = _read_keywords(candidate)
        if isinstance(words, Problem):
            if problems is not None:
                problems.append(words)
            continue
        keywords.extend(w for w in words if w not in keywords)
    return keywords


def _read_keywords(path: Path) -> list[str] | Problem:
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return Problem(str(path), f"unreadable keywords file ({exc.__class__.__name__})")
    if not isinstance(data, list) or not all(isinstance(w, str) for w in data):
        return Problem(str(path), "keywords file is not a JSON list of strings")
    return [w.strip() for w in data if w.strip()]


def _date_dirs(root: Path) -> Iterator[tuple[Path, date | Problem]]:
    """Folders named ``YYYY-MM-DD`` under (or equal to) ``root``, sorted, not descended into."""
    for current, dirs, _files in os.walk(root):
        here = Path(current)
        match = _DATE_DIR_RE.match(here.name)
        if match:
            dirs[:] = []
            try:
                yield here, date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                yield here, Problem(str(here), "folder name is not a real date")
            continue
        dirs.sort()


def _topic_name(date_dir: Path) -> str:
    parent = date_dir.parent
    if parent.name.lower() == _INPUT_DOCS:
        parent = parent.parent
    return parent.name or "corpus"


def _read_article(
    path: Path, url: str, published: datetime, outlet: str | None, max_bytes: int
) -> Report | Problem:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return Problem(str(path), f"file is {size} bytes, larger than the {max_bytes} limit")
        data = path.read_bytes()
    except OSError as exc:
        return Problem(str(path), f"cannot read: {exc.strerror or exc}")
    raw = decode_utf8(path, data)
    if isinstance(raw, Problem):
        return raw
    text = detokenize_ptb(raw)
    if not text:
        return Problem(str(path), "empty file")
    return Report(
        url=url,
        title=title_from(text),
        text=text,
        published=published,
        outlet=outlet,
        kind=ReportKind.NEWS,
    )
