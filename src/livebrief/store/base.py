"""The SQLite connection, its migrations and write transactions; stories and outlets."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..model import Outlet, OutletKind, Story
from .codec import dt_out, js_in, js_out, now
from .migrations import MIGRATIONS


class StoreError(Exception):
    """A store operation that cannot be done, with a message for the user."""


_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")


class StoreBase:
    """One SQLite file (WAL mode), migrated on open. Every query lives in this package."""

    def __init__(self, path: str | Path = ":memory:") -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.execute("PRAGMA busy_timeout = 10000")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a livebrief store ({exc})") from exc

    # -- lifecycle ---------------------------------------------------------------------

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> StoreBase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        current = self.schema_version
        if current > len(MIGRATIONS):
            raise StoreError(
                f"{self.path}: made by a newer livebrief (schema {current}); upgrade livebrief"
            )
        for number, script in enumerate(MIGRATIONS[current:], start=current + 1):
            with self.write():
                for statement in _statements(script):
                    self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {number}")

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE); rolled back whole on any error."""
        if self.db.in_transaction:  # nested: join the outer transaction
            yield self.db
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # -- stories -----------------------------------------------------------------------

    def create_story(self, story: Story) -> Story:
        if not _SLUG.match(story.slug):
            raise StoreError(
                f"story slug {story.slug!r}: use lower-case letters, digits and hyphens"
            )
        if self.get_story(story.slug) is not None:
            raise StoreError(f"story {story.slug!r} exists already")
        with self.write() as db:
            cur = db.execute(
                "INSERT INTO stories (slug, title, description, keywords, timezone, created)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    story.slug,
                    story.title,
                    story.description,
                    js_out(story.keywords),
                    story.timezone,
                    dt_out(now()),
                ),
            )
        story.id = cur.lastrowid
        return story

    def update_story(self, story: Story) -> None:
        with self.write() as db:
            db.execute(
                "UPDATE stories SET title = ?, description = ?, keywords = ?, timezone = ?"
                " WHERE id = ?",
                (story.title, story.description, js_out(story.keywords), story.timezone, story.id),
            )

    def get_story(self, slug: str) -> Story | None:
        row = self.db.execute("SELECT * FROM stories WHERE slug = ?", (slug,)).fetchone()
        return _story(row) if row else None

    def story(self, slug: str) -> Story:
        """The story called `slug`, or a StoreError that lists the stories there are."""
        found = self.get_story(slug)
        if found is None:
            known = ", ".join(s.slug for s in self.stories()) or "none yet"
            raise StoreError(f"no story {slug!r} in {self.path} (stories: {known})")
        return found

    def stories(self) -> list[Story]:
        rows = self.db.execute("SELECT * FROM stories ORDER BY slug").fetchall()
        return [_story(r) for r in rows]

    # -- outlets -----------------------------------------------------------------------

    def upsert_outlet(self, outlet: Outlet) -> Outlet:
        with self.write() as db:
            db.execute(
                "INSERT INTO outlets (name, kind, aliases, domain) VALUES (?, ?, ?, ?)"
                " ON CONFLICT(name) DO UPDATE SET kind = excluded.kind,"
                " aliases = excluded.aliases, domain = COALESCE(excluded.domain, outlets.domain)",
                (outlet.name, str(outlet.kind), js_out(outlet.aliases), outlet.domain),
            )
            row = db.execute("SELECT id FROM outlets WHERE name = ?", (outlet.name,)).fetchone()
        outlet.id = int(row[0])
        return outlet

    def outlets(self) -> list[Outlet]:
        rows = self.db.execute("SELECT * FROM outlets ORDER BY name").fetchall()
        return [
            Outlet(
                name=r["name"],
                kind=OutletKind(r["kind"]),
                aliases=js_in(r["aliases"], []),
                domain=r["domain"],
                id=r["id"],
            )
            for r in rows
        ]


def _story(row: sqlite3.Row) -> Story:
    return Story(
        slug=row["slug"],
        title=row["title"],
        description=row["description"],
        keywords=js_in(row["keywords"], []),
        timezone=row["timezone"],
        id=row["id"],
    )


def _statements(script: str) -> list[str]:
    """Split a migration script into statements, keeping trigger bodies whole."""
    out: list[str] = []
    buf: list[str] = []
    for line in script.strip().splitlines():
        buf.append(line)
        joined = "\n".join(buf).strip()
        if joined.endswith(";") and sqlite3.complete_statement(joined):
            out.append(joined)
            buf = []
    if "\n".join(buf).strip():
        out.append("\n".join(buf).strip())
    return out
