from __future__ import annotations

import warnings
from collections.abc import Iterator

import pytest

from livebrief.model import Briefing
from tests.publish.libya_sample import libya_briefing

with warnings.catch_warnings():
    # Starlette asks for httpx2 in its test client; httpx is what the project uses.
    warnings.filterwarnings("ignore", message=r"Using `httpx` with `starlette.testclient`")
    from starlette.testclient import TestClient

__all__ = ["TestClient"]


@pytest.fixture
def briefing() -> Briefing:
    return libya_briefing()


class Source:
    """Stands in for the store: holds the current briefing, counts loads, can fail."""

    def __init__(self, briefing: Briefing) -> None:
        self.briefing = briefing
        self.loads = 0
        self.error: Exception | None = None

    def load(self) -> Briefing:
        self.loads += 1
        if self.error is not None:
            raise self.error
        return self.briefing


@pytest.fixture
def source(briefing: Briefing) -> Source:
    return Source(briefing)


@pytest.fixture
def client(source: Source) -> Iterator[TestClient]:
    from livebrief.web import create_app

    with TestClient(create_app(source.load)) as c:
        yield c
