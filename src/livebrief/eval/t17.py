"""Timeline17-layout datasets: topics, keywords and reference timelines.

A dataset is a folder of `<Topic>_<publisher>/` folders, each holding `InputDocs/<date>/...`
articles, `timelines/<name>.txt` reference timelines and `keywords.json`. An optional
`topics.json` at the top maps a topic name to the folders whose articles it pools; without it
every folder is its own topic. Articles are read by `livebrief.ingest.corpus.read_corpus`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from livebrief.model import Problem, Report

SEPARATOR = re.compile(r"^-{8,}\s*$")

Reader = Callable[[Path], Iterable[Report | Problem]]


@dataclass(slots=True)
class Timeline:
    """A reference timeline: dated summaries, each a list of sentences."""

    name: str
    folder: str
    dates: dict[date, list[str]]

    @property
    def start(self) -> date:
        return min(self.dates)

    @property
    def end(self) -> date:
        return max(self.dates)

    @property
    def mean_sentences(self) -> float:
        return sum(len(s) for s in self.dates.values()) / max(1, len(self.dates))


@dataclass(slots=True)
class Topic:
    """One topic: the folders whose articles it pools, its keywords and its timelines."""

    name: str
    folders: list[Path]
    keywords: list[str] = field(default_factory=list)
    timelines: list[Timeline] = field(default_factory=list)


def read_timeline(path: Path, folder: str = "") -> tuple[Timeline, list[Problem]]:
    """Parse a reference timeline file: a date line, sentences, a line of dashes.

    A block whose date line is malformed is skipped and reported; the rest is kept.
    """
    dates: dict[date, list[str]] = {}
    problems: list[Problem] = []
    current: list[str] | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines()):
        line = raw.strip()
        if not line:
            continue
        if SEPARATOR.match(line):
            current = None
            continue
        if current is None:
            current = []
            try:
                current = dates.setdefault(date.fromisoformat(line), [])
            except ValueError:
                problems.append(
                    Problem(f"{path}:{number + 1}", f"expected a YYYY-MM-DD date, got {line!r}")
                )
            continue
        current.append(line)
    dates = {d: s for d, s in sorted(dates.items()) if s}
    if not dates:
        raise ValueError("no dated summaries")
    return Timeline(name=path.stem, folder=folder, dates=dates), problems


def _read_keywords(folder: Path) -> list[str]:
    path = folder / "keywords.json"
    if not path.is_file():
        return []
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, list) or not all(isinstance(k, str) for k in data):
        raise ValueError("keywords.json must be a list of strings")
    return data


def _topic_groups(dataset: Path) -> dict[str, list[str]]:
    path = dataset / "topics.json"
    if path.is_file():
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("topics.json must map a topic name to a list of folders")
        return {str(k): [str(f) for f in v] for k, v in data.items()}
    folders = sorted(p.name for p in dataset.iterdir() if (p / "InputDocs").is_dir())
    return {name: [name] for name in folders}


def load_topics(dataset: Path) -> tuple[list[Topic], list[Problem]]:
    """Read the topics of a dataset with their keywords and reference timelines."""
    problems: list[Problem] = []
    topics: list[Topic] = []
    if not dataset.is_dir():
        return [], [Problem(str(dataset), "dataset folder not found")]
    try:
        groups = _topic_groups(dataset)
    except (ValueError, json.JSONDecodeError) as exc:
        return [], [Problem(str(dataset / "topics.json"), str(exc))]
    for name, folder_names in groups.items():
        topic = Topic(name=name, folders=[])
        for folder_name in folder_names:
            folder = dataset / folder_name
            if not (folder / "InputDocs").is_dir():
                problems.append(Problem(str(folder), "no InputDocs folder"))
                continue
            topic.folders.append(folder)
            try:
                for keyword in _read_keywords(folder):
                    if keyword not in topic.keywords:
                        topic.keywords.append(keyword)
            except (ValueError, json.JSONDecodeError) as exc:
                problems.append(Problem(str(folder / "keywords.json"), str(exc)))
            for path in sorted((folder / "timelines").glob("*.txt")):
                try:
                    timeline, skipped = read_timeline(path, folder_name)
                except (ValueError, OSError) as exc:
                    problems.append(Problem(str(path), str(exc)))
                    continue
                topic.timelines.append(timeline)
                problems.extend(skipped)
        if topic.folders:
            topics.append(topic)
    return topics, problems


def topic_reports(topic: Topic, reader: Reader) -> tuple[list[Report], list[Problem]]:
    """The union of a topic's articles, exact duplicates across folders removed, ids set."""
    reports: list[Report] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for folder in topic.folders:
        for item in reader(folder):
            if isinstance(item, Problem):
                problems.append(item)
                continue
            key = item.content_hash
            if key in seen:
                continue
            seen.add(key)
            item.id = len(reports)
            reports.append(item)
    return reports, problems
