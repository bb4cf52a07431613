"""Shared fixtures: real stores in temporary files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from livebrief.model import Story
from livebrief.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(tmp_path / "test.db")
    yield s
    s.close()


@pytest.fixture
def story(store: Store) -> Story:
    return store.create_story(
        Story("ukraine", "Russia-Ukraine War Briefing", keywords=["ukraine", "russia"])
    )
