"""Real reports for the cluster tests: the Timeline17-layout CI fixture (Wikipedia items)."""

from __future__ import annotations

from pathlib import Path

import pytest

from livebrief.eval import t17
from livebrief.eval.tls import analyze
from livebrief.ingest.corpus import read_corpus
from livebrief.model import Report, Sentence

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "tls_fixture"


def load(topic_name: str) -> tuple[list[Report], dict[int, list[Sentence]]]:
    topics, problems = t17.load_topics(FIXTURE)
    assert not problems
    topic = next(t for t in topics if t.name == topic_name)
    reports, read_problems = t17.topic_reports(topic, read_corpus)
    assert not read_problems
    return reports, analyze(reports)


@pytest.fixture(scope="session")
def tohoku() -> tuple[list[Report], dict[int, list[Sentence]]]:
    return load("tohoku_wcep")


@pytest.fixture(scope="session")
def libya() -> tuple[list[Report], dict[int, list[Sentence]]]:
    return load("libya_wcep")
