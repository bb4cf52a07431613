"""The store: every query and every migration. SQLite is the embedded default.

Other stages ask it named questions (`store.reports(story_id, start, end)`); no SQL lives
outside this package, so a PostgreSQL backend can be added here as a second implementation.
"""

from __future__ import annotations

from pathlib import Path

from .annotations import AnnotationsMixin, FigureRow
from .base import StoreBase, StoreError
from .briefing import BriefingMixin
from .reports import Added, ReportsMixin, SearchHit


class Store(ReportsMixin, AnnotationsMixin, BriefingMixin, StoreBase):
    """A livebrief store in one SQLite file."""


def open_store(path: str | Path) -> Store:
    return Store(path)


__all__ = ["Added", "FigureRow", "SearchHit", "Store", "StoreError", "open_store"]
