"""`enrich`, `analyze`, `figures` and `entities`: what livebrief reads in the reports."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path

import typer
from rich.table import Table

from .. import pipeline
from ..model import Report, Story
from . import STORY_OPTION, app, err, fail, opened, out, pick_story
from .ingest import _progress


@app.command()
def enrich(
    story: str = STORY_OPTION,
    only_new: bool = typer.Option(False, "--only-new", help="Only reports not enriched yet."),
) -> None:
    """Re-run enrichment (sentences, dates, attribution, figures, entities) on a story."""
    with opened() as store:
        st = pick_story(store, story)
        assert st.id is not None
        ids = None if only_new else [r.id for r in store.reports(st.id) if r.id is not None]
        total = len(ids) if ids is not None else len(store.unenriched_report_ids(st.id))
        with _progress() as progress:
            task = progress.add_task("enriching", total=total)
            done = pipeline.enrich_story(
                store, st, ids, progress=lambda n: progress.advance(task, n)
            )
        out.print(f"{st.slug}: {done} reports enriched")


@app.command()
def analyze(
    source: str = typer.Argument(..., help="A JSON Lines file of reports, or - for stdin."),
    timezone: str = typer.Option("UTC", "--timezone", help="Time zone to resolve dates in."),
    entities: bool = typer.Option(True, "--entities/--no-entities", help="Tag entities (spaCy)."),
) -> None:
    """Print what livebrief finds in reports, one JSON line each (docs/analyze-format.md).

    Input lines hold `text` and `published`, optionally `outlet`, `url`, `title`.
    """
    from ..enrich import Enricher
    from ..enrich.serialize import analysis_json

    stream = sys.stdin if source == "-" else None
    if stream is None:
        path = Path(source)
        if not path.is_file():
            fail(f"{source}: no such file")
        stream = path.open(encoding="utf-8")
    enricher = Enricher(Story("analyze", "analyze", timezone=timezone), entities=entities)
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            report = _report_from_json(json.loads(line), number)
        except (ValueError, TypeError, KeyError) as exc:
            err.print(f"[yellow]skipped[/yellow] {source}:{number}: {exc}")
            continue
        for analysis in enricher.analyze([report]):
            sys.stdout.write(json.dumps(analysis_json(analysis), ensure_ascii=False) + "\n")


def _report_from_json(obj: object, number: int) -> Report:
    if not isinstance(obj, dict):
        raise ValueError("not a JSON object")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("no text")
    raw = obj.get("published")
    if not raw:
        raise ValueError("no published date")
    published = datetime.fromisoformat(str(raw).replace("Z", "+00:00"))
    if published.tzinfo is None:
        published = published.replace(tzinfo=UTC)
    return Report(
        url=str(obj.get("url") or f"urn:livebrief:line:{number}"),
        title=str(obj.get("title") or ""),
        text=text,
        published=published,
        outlet=obj.get("outlet"),
        language=obj.get("language"),
        id=number,
    )


@app.command()
def figures(story: str = STORY_OPTION) -> None:
    """The figures table: value, what is counted, who claims it, as of when, source."""
    with opened() as store:
        st = pick_story(store, story)
        assert st.id is not None
        rows = store.figures(st.id)
    table = Table("value", "what", "claimed by", "as of", "source", show_lines=False)
    for row in rows:
        f = row.figure
        if f.vague:
            value = f.vague
        elif f.low is not None and f.high is not None and f.low != f.high:
            value = f"{f.low:,.0f}–{f.high:,.0f}"
        else:
            value = f"{(f.low if f.low is not None else f.high) or 0:,.0f}"
        if f.qualifier:
            value = f"{f.qualifier} {value}"
        table.add_row(
            value,
            f.what,
            f.claimant or "—",
            f.as_of.isoformat() if f.as_of else "—",
            row.outlet or row.url,
        )
    out.print(table if rows else "no figures")


@app.command()
def entities(
    story: str = STORY_OPTION,
    limit: int = typer.Option(50, "--limit", "-n", help="How many entities to list."),
) -> None:
    """The story's entities, most mentioned first, with their aliases."""
    with opened() as store:
        st = pick_story(store, story)
        assert st.id is not None
        found = store.entities(st.id)[:limit]
    table = Table("entity", "kind", "mentions", "aliases")
    for e in found:
        table.add_row(
            e.name, e.label, str(e.mentions), ", ".join(a for a in e.aliases if a != e.name)
        )
    out.print(table if found else "no entities")
