"""enrich stage: sentences, event dates, attribution, quotes, figures, claims, entities."""

from __future__ import annotations

from typing import Any

_EXPORTS = {"Enricher", "ReportAnalysis", "analyze_reports"}


def __getattr__(name: str) -> Any:
    # Loaded on first use: spaCy and the outlet list are not needed to import the package.
    if name in _EXPORTS:
        from . import analyze

        return getattr(analyze, name)
    raise AttributeError(name)
