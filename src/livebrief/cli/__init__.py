"""The command line: a thin caller of the library (`livebrief --help`)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.markup import escape

from .. import config
from ..model import Story
from ..store import Store, StoreError

if TYPE_CHECKING:
    from ..compose.select import Embedder

err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)

app = typer.Typer(
    help="livebrief: follow a developing story and publish a live briefing.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class State:
    db: Path = Path(config.get("db"))


@app.callback()
def _main(
    db: Path = typer.Option(
        None,
        "--db",
        help="SQLite store file (default: $LIVEBRIEF_DB, else livebrief.db in this folder).",
        show_default=False,
    ),
) -> None:
    """livebrief: ingest reports about a story, compose a dated, credited briefing, publish it."""
    State.db = db or Path(config.get("db"))


@contextmanager
def opened() -> Iterator[Store]:
    try:
        store = Store(State.db)
    except StoreError as exc:
        fail(str(exc))
    try:
        yield store
    finally:
        store.close()


def fail(message: str, code: int = 1) -> None:
    err.print(f"[red]error:[/red] {escape(message)}")
    raise typer.Exit(code)


def pick_story(store: Store, slug: str | None) -> Story:
    """The named story, or the only one there is."""
    try:
        if slug:
            return store.story(slug)
        stories = store.stories()
    except StoreError as exc:
        fail(str(exc))
    if len(stories) == 1:
        return stories[0]
    if not stories:
        fail(f"no story in {State.db}: create one with `livebrief story create SLUG --title TITLE`")
    fail("several stories: choose one with --story (" + ", ".join(s.slug for s in stories) + ")")
    raise AssertionError  # unreachable


STORY_OPTION = typer.Option(None, "--story", "-s", help="Story slug (default: the only story).")
EMBEDDINGS_OPTION = typer.Option(
    False,
    "--embeddings",
    help="Group sentences by MiniLM sentence embeddings (the optional embed extra) "
    "instead of TF-IDF.",
)


def load_embedder() -> Embedder:
    """The MiniLM embedder, or the error saying what to install."""
    from ..cluster.embed import load_embedder as load

    try:
        return load()
    except RuntimeError as exc:
        fail(f"--embeddings: {exc}")
        raise AssertionError from exc  # unreachable


def main() -> None:
    from . import briefing, evaluate, ingest, understand  # noqa: F401  (register commands)

    try:
        app()
    except StoreError as exc:
        err.print(f"[red]error:[/red] {exc}")
        sys.exit(1)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
