"""All enrichment gold sets scored together (`livebrief eval enrich`)."""

from __future__ import annotations

from pathlib import Path


def score_all(gold_dir: Path) -> dict[str, dict[str, float]]:
    from .gold_attribution import score_all as attribution
    from .gold_dates_figures import score_all as dates_figures

    return {**dates_figures(gold_dir), **attribution(gold_dir)}
