"""`livebrief init`, `story …` and `ingest …`."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import typer
from rich.progress import (
    BarColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from .. import config, pipeline
from ..ingest import read_source
from ..ingest.http import Fetcher
from ..model import Problem, Report, Story
from ..store import StoreError
from . import STORY_OPTION, State, app, err, fail, opened, out, pick_story

story_app = typer.Typer(help="Create and list stories.", no_args_is_help=True)
ingest_app = typer.Typer(
    help="Ingest reports into a story: feeds, web pages, record files, corpora, briefings.",
    no_args_is_help=True,
)
app.add_typer(story_app, name="story")
app.add_typer(ingest_app, name="ingest")


@app.command()
def init() -> None:
    """Create the store file (migrations are applied on every start)."""
    with opened() as store:
        out.print(f"store ready: {State.db} (schema {store.schema_version})")


@story_app.command("create")
def story_create(
    slug: str = typer.Argument(..., help="Short name: lower-case letters, digits, hyphens."),
    title: str = typer.Option(..., "--title", "-t", help="Title of the briefing."),
    description: str = typer.Option("", "--description", "-d", help="What the story is about."),
    keyword: list[str] = typer.Option(
        [], "--keyword", "-k", help="A keyword that marks relevant reports (repeatable)."
    ),
    timezone: str = typer.Option(config.get("timezone"), "--timezone", help="IANA time zone."),
) -> None:
    """Create a story."""
    with opened() as store:
        try:
            story = store.create_story(Story(slug, title, description, keyword, timezone))
        except StoreError as exc:
            fail(str(exc))
        out.print(f"created story {story.slug!r}")


@story_app.command("list")
def story_list() -> None:
    """List the stories in the store, with their report counts."""
    with opened() as store:
        stories = store.stories()
        if not stories:
            out.print("no stories yet")
        for s in stories:
            assert s.id is not None
            out.print(f"{s.slug}\t{s.title}\t{store.report_count(s.id)} reports")


def _fetcher() -> Fetcher:
    timeout, max_bytes = float(config.get("http_timeout")), config.get_int("max_fetch_bytes")
    agent = config.get("user_agent")
    if agent:
        return Fetcher(timeout=timeout, max_bytes=max_bytes, user_agent=agent)
    return Fetcher(timeout=timeout, max_bytes=max_bytes)


def run_ingest(kind: str, source: str, story_slug: str | None, *, enrich: bool = True) -> None:
    """Ingest one source with a progress display and a summary line."""
    with opened() as store:
        story = pick_story(store, story_slug)
        try:
            items = read_source(kind, source, _fetcher())
        except ValueError as exc:
            fail(str(exc))
        summary = ingest_with_progress(store, story, items, enrich=enrich)
        out.print(f"{source}: {summary.line()}")


def ingest_with_progress(
    store, story: Story, items: Iterable[Report | Problem], *, enrich: bool = True
) -> pipeline.IngestSummary:
    with _progress() as progress:
        task = progress.add_task("reading", total=None)
        summary = pipeline.ingest(
            store,
            story,
            items,
            enrich=False,
            on_problem=lambda line: progress.console.print(f"[yellow]skipped[/yellow] {line}"),
            progress=lambda n: progress.advance(task, n),
        )
        if enrich and summary.report_ids:
            task = progress.add_task("enriching", total=len(summary.report_ids))
            pipeline.enrich_story(
                store, story, summary.report_ids, progress=lambda n: progress.advance(task, n)
            )
    return summary


class _Count(ProgressColumn):
    """ "n/total", or "n" while the total is unknown."""

    def render(self, task: Task) -> Text:
        total = f"/{task.total:.0f}" if task.total is not None else ""
        return Text(f"{task.completed:.0f}{total}")


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        _Count(),
        TimeElapsedColumn(),
        console=err,
        transient=False,
    )


SOURCE = typer.Argument(..., help="A URL or a local path.")
NO_ENRICH = typer.Option(False, "--no-enrich", help="Store only; enrich later with `enrich`.")


@ingest_app.command("feed")
def ingest_feed(
    source: str = SOURCE, story: str = STORY_OPTION, no_enrich: bool = NO_ENRICH
) -> None:
    """An RSS, Atom or JSON Feed (URL or file); entries with only a summary get their page fetched."""
    run_ingest("feed", source, story, enrich=not no_enrich)


@ingest_app.command("url")
def ingest_url(
    source: str = SOURCE, story: str = STORY_OPTION, no_enrich: bool = NO_ENRICH
) -> None:
    """A web page: the article text, title, author, date and language are extracted."""
    run_ingest("url", source, story, enrich=not no_enrich)


@ingest_app.command("path")
def ingest_path(
    source: Path = typer.Argument(..., help="An .html file or a folder of them."),
    story: str = STORY_OPTION,
    no_enrich: bool = NO_ENRICH,
) -> None:
    """Saved web pages: one .html file or a folder of .html/.htm files."""
    run_ingest("path", str(source), story, enrich=not no_enrich)


@ingest_app.command("jsonl")
def ingest_jsonl(
    source: Path = typer.Argument(..., help="A .jsonl/.ndjson/.csv file or a folder of them."),
    story: str = STORY_OPTION,
    no_enrich: bool = NO_ENRICH,
) -> None:
    """Report records as JSON Lines or CSV (columns: docs/ingest-formats.md)."""
    run_ingest("jsonl", str(source), story, enrich=not no_enrich)


@ingest_app.command("corpus")
def ingest_corpus(
    source: Path = typer.Argument(..., help="A folder laid out as <YYYY-MM-DD>/<id>.txt."),
    story: str = STORY_OPTION,
    no_enrich: bool = NO_ENRICH,
) -> None:
    """A corpus folder in the Timeline17 layout (one sentence a line, folder date = published)."""
    run_ingest("corpus", str(source), story, enrich=not no_enrich)


@ingest_app.command("briefing")
def ingest_briefing(
    source: str = typer.Argument(..., help="An HTML page or plain-text rendering (file or URL)."),
    story: str = STORY_OPTION,
    year: int = typer.Option(
        None, "--year", help="Year of headings that omit it (default: from the page)."
    ),
) -> None:
    """An existing briefing, so that a briefing started by hand can be continued."""
    with opened() as store:
        st = pick_story(store, story)
        result = pipeline.read_briefing_source(source, _fetcher(), year_hint=year)
        if isinstance(result, Problem):
            fail(str(result))
            return
        count = pipeline.import_briefing(store, st, result)
        out.print(f"{source}: {len(result.days)} days, {count} bullets imported")
