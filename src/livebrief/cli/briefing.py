"""`build`, `publish`, `serve`, `export`, `search` and `demo`."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from .. import config, pipeline
from ..demo import DEFAULT_CORPUS, demo_story
from ..ingest import read_source
from ..store import Store
from . import (
    EMBEDDINGS_OPTION,
    STORY_OPTION,
    State,
    app,
    err,
    fail,
    load_embedder,
    opened,
    out,
    pick_story,
)
from .ingest import _fetcher, ingest_with_progress

PER_DAY = typer.Option(config.get_int("bullets_per_day"), "--per-day", help="Most bullets per day.")
PORT = typer.Option(config.get_int("port"), "--port", "-p", help="Port to listen on.")
HOST = typer.Option(config.get("host"), "--host", help="Address to listen on.")


@app.command()
def build(
    story: str = STORY_OPTION,
    per_day: int = PER_DAY,
    everything: bool = typer.Option(
        False, "--all", help="Recompose every day, not only those new reports touch."
    ),
    embeddings: bool = EMBEDDINGS_OPTION,
) -> None:
    """Compose the briefing: group reports into developments and write each day's bullets.

    Only the days that reports ingested since the last build speak about are recomposed,
    unless --all. Bullets an editor approved, edited, pinned or rejected are kept.
    """
    embedder = load_embedder() if embeddings else None
    with opened() as store:
        st = pick_story(store, story)
        with err.status("composing…"):
            briefing = pipeline.compose_story(
                store, st, per_day=per_day, full=everything, embedder=embedder
            )
        bullets = sum(len(d.bullets) for d in briefing.days)
        out.print(f"{st.slug}: {len(briefing.days)} days, {bullets} bullets")


@app.command()
def publish(
    out_dir: Path = typer.Option(Path("site"), "--out", "-o", help="Folder to write the site to."),
    story: str = STORY_OPTION,
    base_url: str = typer.Option("", "--base-url", help="Public URL of the site, for feeds."),
) -> None:
    """Write the static site: index.html, feed.atom, feed.json, briefing.md, briefing.json."""
    with opened() as store:
        st = pick_story(store, story)
        written = pipeline.publish_story(store, st, out_dir, base_url=base_url)
        out.print(f"wrote {len(written)} files to {out_dir}/")


@app.command()
def serve(story: str = STORY_OPTION, host: str = HOST, port: int = PORT) -> None:
    """Serve the briefing, its feeds and exports on this machine (read-only)."""
    with opened() as store:
        st = pick_story(store, story)
    _serve(State.db, st.slug, host, port)


def _serve(db: Path, slug: str, host: str, port: int) -> None:
    from ..web.app import create_app
    from ..web.app import serve as run

    def load():  # type: ignore[no-untyped-def]
        with Store(db) as store:
            return store.briefing(store.story(slug))

    err.print(f"serving http://{host}:{port}/  (Ctrl+C to stop)")
    run(create_app(load), host=host, port=port)


@app.command()
def export(
    story: str = STORY_OPTION,
    fmt: str = typer.Option("json", "--format", "-f", help="json, markdown, atom or jsonfeed."),
    output: Path = typer.Option(None, "--out", "-o", help="File to write (default: stdout)."),
    base_url: str = typer.Option("", "--base-url", help="Public URL of the site, for feeds."),
) -> None:
    """Export the whole briefing (JSON schema: docs/export-schema.md)."""
    from ..publish import export as ex
    from ..publish.feeds import atom_feed, json_feed
    from ..publish.markdown import to_markdown

    with opened() as store:
        briefing = store.briefing(pick_story(store, story))
    renderers = {
        "json": lambda: ex.dumps(briefing),
        "markdown": lambda: to_markdown(briefing),
        "md": lambda: to_markdown(briefing),
        "atom": lambda: atom_feed(briefing, base_url),
        "jsonfeed": lambda: json_feed(briefing, base_url),
    }
    if fmt not in renderers:
        fail(f"unknown format {fmt!r}: use json, markdown, atom or jsonfeed")
    text = renderers[fmt]()
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        output.write_text(text, "utf-8")
        out.print(f"wrote {output}")


@app.command()
def search(
    query: str = typer.Argument(..., help="Words to look for."),
    story: str = STORY_OPTION,
    limit: int = typer.Option(20, "--limit", "-n", help="Most hits of each kind."),
) -> None:
    """Full-text search over reports and bullets."""
    with opened() as store:
        st = pick_story(store, story) if story or len(store.stories()) == 1 else None
        hits = store.search(query, st.id if st else None, limit)
    if not hits:
        out.print("no match")
    for h in hits:
        out.print(f"[bold]{h.kind}[/bold] {h.date or ''}  {h.title}\n    {h.snippet}\n    {h.url}")


@app.command()
def demo(
    source: Path = typer.Argument(
        None,
        help="A corpus: record file, corpus folder, feed file or folder of pages "
        "(default: the bundled Wikipedia Current Events corpus on the 2022 invasion of Ukraine).",
        show_default=False,
    ),
    host: str = HOST,
    port: int = PORT,
    out_dir: Path = typer.Option(Path("livebrief-demo-site"), "--out", "-o", help="Site folder."),
    no_serve: bool = typer.Option(False, "--no-serve", help="Build and publish, then stop."),
    per_day: int = PER_DAY,
) -> None:
    """Build a briefing from a real corpus into a fresh store and serve it."""
    source = source or DEFAULT_CORPUS
    if not source.exists():
        fail(f"{source}: no such file or folder")
    db = State.db if State.db != Path(config.get("db")) else Path("livebrief-demo.db")
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    State.db = db
    with opened() as store:
        story = store.create_story(demo_story(source))
        err.print(f"demo store: {db}  story: {story.slug}  source: {source}")
        summary = ingest_with_progress(store, story, read_source("auto", str(source), _fetcher()))
        out.print(f"ingested: {summary.line()}")
        with err.status("composing…"):
            briefing = pipeline.compose_story(store, story, per_day=per_day)
        pipeline.publish_story(store, story, out_dir)
        bullets = sum(len(d.bullets) for d in briefing.days)
        out.print(f"briefing: {len(briefing.days)} days, {bullets} bullets; site in {out_dir}/")
    if not no_serve:
        _serve(db, story.slug, host, port)
