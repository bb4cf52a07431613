"""`eval enrich` and `eval tls`: quality, measured."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.table import Table

from . import EMBEDDINGS_OPTION, app, fail, load_embedder, out

eval_app = typer.Typer(
    help="Measure quality: enrichment gold sets, Timeline17 benchmark.", no_args_is_help=True
)
app.add_typer(eval_app, name="eval")

GOLD = Path(__file__).resolve().parents[3] / "tests" / "data" / "gold"


@eval_app.command("enrich")
def eval_enrich(
    gold: Path = typer.Option(
        GOLD,
        "--gold",
        help="Folder of hand-labelled gold sets.",
        show_default="tests/data/gold of the checkout",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """Precision and recall of every enrichment feature on the hand-labelled gold sets."""
    from ..eval.enrich import score_all

    if not gold.is_dir():
        fail(f"{gold}: no gold-set folder (the gold sets live in tests/data/gold of a checkout)")
    scores = score_all(gold)
    if as_json:
        out.print_json(json.dumps(scores))
        return
    table = Table("feature", "metric", "value")
    for feature, metrics in scores.items():
        for name, value in metrics.items():
            table.add_row(feature, name, _number(value))
    out.print(table)


def _number(value: object) -> str:
    """Scores with three decimals, counts as whole numbers."""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and value > 1 else f"{value:.3f}"
    return str(value)


@eval_app.command("tls")
def eval_tls(
    dataset: Path = typer.Option(..., "--dataset", help="A folder in the Timeline17 layout."),
    output: Path = typer.Option(None, "--out", help="Write the result JSON here."),
    topic: list[str] = typer.Option([], "--topic", help="Only these topics (repeatable)."),
    dates_only: bool = typer.Option(
        False,
        "--dates-only",
        help="Give reports sentences and event dates only, not the full enrichment of "
        "briefings: a few times faster, for trying changes to date ranking.",
    ),
    embeddings: bool = EMBEDDINGS_OPTION,
) -> None:
    """Run the standard timeline-summarization protocol (tilse ROUGE, date F1) on a dataset."""
    from ..eval.tls import format_table, run_tls

    if not dataset.is_dir():
        fail(f"{dataset}: no such folder")
    embedder = load_embedder() if embeddings else None
    result = run_tls(
        dataset, out=output, topics=topic or None, dates_only=dates_only, embedder=embedder
    )
    out.print(format_table(result))
    if output:
        out.print(f"result written to {output}")
