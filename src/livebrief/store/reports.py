"""Reports: every version kept, deduplicated by URL and content; full-text search."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterable
from contextlib import _GeneratorContextManager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum

from ..model import Embed, Report, ReportKind
from .codec import d_in, d_out, dt_in, dt_out, js_in, js_out, now


class Added(StrEnum):
    NEW = "new"
    UPDATED = "updated"  # a changed article at a known URL: stored as a new version
    UNCHANGED = "unchanged"


@dataclass(slots=True)
class SearchHit:
    kind: str  # "report" | "bullet"
    id: int
    title: str
    snippet: str
    url: str
    date: str | None


class ReportsMixin:
    db: sqlite3.Connection

    write: Callable[[], _GeneratorContextManager[sqlite3.Connection]]  # from StoreBase

    def add_report(self, story_id: int, report: Report) -> tuple[Added, int]:
        """Store a report; the same content at the same URL is stored once."""
        digest = report.content_hash
        with self.write() as db:
            row = db.execute(
                "SELECT id, version, content_hash FROM reports"
                " WHERE story_id = ? AND url = ? ORDER BY version DESC LIMIT 1",
                (story_id, report.url),
            ).fetchone()
            if row is not None and row["content_hash"] == digest:
                report.id, report.version = row["id"], row["version"]
                return Added.UNCHANGED, int(row["id"])
            version = 1 if row is None else int(row["version"]) + 1
            if row is not None:
                db.execute(
                    "UPDATE reports SET latest = 0 WHERE story_id = ? AND url = ?",
                    (story_id, report.url),
                )
            cur = db.execute(
                "INSERT INTO reports (story_id, url, version, latest, title, text, published,"
                " fetched, outlet, author, language, kind, raw, raw_type, content_hash,"
                " cited_sources) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    story_id,
                    report.url,
                    version,
                    report.title,
                    report.text,
                    dt_out(report.published),
                    dt_out(report.fetched or now()),
                    report.outlet,
                    report.author,
                    report.language,
                    str(report.kind),
                    report.raw,
                    report.raw_type,
                    digest,
                    js_out(report.cited_sources),
                ),
            )
            report_id = int(cur.lastrowid or 0)
            db.executemany(
                "INSERT INTO embeds (report_id, author, handle, date, text, url)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (report_id, e.author, e.handle, d_out(e.date), e.text, e.url)
                    for e in report.embeds
                ],
            )
        report.id, report.version, report.story_id = report_id, version, story_id
        return (Added.NEW if version == 1 else Added.UPDATED), report_id

    def set_report_kind(self, report_id: int, kind: ReportKind, language: str | None) -> None:
        with self.write() as db:
            db.execute(
                "UPDATE reports SET kind = ?, language = COALESCE(?, language) WHERE id = ?",
                (str(kind), language, report_id),
            )

    def reports(
        self,
        story_id: int,
        start: date | None = None,
        end: date | None = None,
        *,
        ids: Iterable[int] | None = None,
        with_raw: bool = False,
    ) -> list[Report]:
        """Latest versions of a story's reports, oldest first; `start`/`end` inclusive (UTC)."""
        cols = "*" if with_raw else _COLUMNS_NO_RAW
        sql = f"SELECT {cols} FROM reports WHERE story_id = ? AND latest = 1"
        args: list[object] = [story_id]
        if start is not None:
            sql += " AND published >= ?"
            args.append(dt_out(datetime.combine(start, time(0), UTC)))
        if end is not None:
            sql += " AND published < ?"
            args.append(dt_out(datetime.combine(end + timedelta(days=1), time(0), UTC)))
        if ids is not None:
            id_list = list(ids)
            if not id_list:
                return []
            sql += f" AND id IN ({','.join('?' * len(id_list))})"
            args.extend(id_list)
        sql += " ORDER BY published, id"
        rows = self.db.execute(sql, args).fetchall()
        embeds = self._embeds([r["id"] for r in rows])
        return [_report(r, embeds.get(r["id"], [])) for r in rows]

    def report(self, report_id: int) -> Report | None:
        row = self.db.execute("SELECT * FROM reports WHERE id = ?", (report_id,)).fetchone()
        return _report(row, self._embeds([report_id]).get(report_id, [])) if row else None

    def report_versions(self, story_id: int, url: str) -> list[Report]:
        rows = self.db.execute(
            "SELECT * FROM reports WHERE story_id = ? AND url = ? ORDER BY version",
            (story_id, url),
        ).fetchall()
        return [_report(r, []) for r in rows]

    def report_count(self, story_id: int, *, all_versions: bool = False) -> int:
        sql = "SELECT COUNT(*) FROM reports WHERE story_id = ?"
        if not all_versions:
            sql += " AND latest = 1"
        return int(self.db.execute(sql, (story_id,)).fetchone()[0])

    def _embeds(self, report_ids: list[int]) -> dict[int, list[Embed]]:
        out: dict[int, list[Embed]] = {}
        for chunk in _chunks(report_ids, 900):
            rows = self.db.execute(
                f"SELECT * FROM embeds WHERE report_id IN ({','.join('?' * len(chunk))})"
                " ORDER BY id",
                chunk,
            ).fetchall()
            for r in rows:
                out.setdefault(r["report_id"], []).append(
                    Embed(
                        author=r["author"],
                        handle=r["handle"],
                        date=d_in(r["date"]),
                        text=r["text"],
                        url=r["url"],
                    )
                )
        return out

    def search(self, query: str, story_id: int | None = None, limit: int = 20) -> list[SearchHit]:
        """Full-text search over reports (latest versions) and bullets."""
        match = _fts_query(query)
        if not match:
            return []
        story_sql = " AND r.story_id = ?" if story_id is not None else ""
        args: list[object] = [match, *([story_id] if story_id is not None else []), limit]
        hits = [
            SearchHit(
                "report", r["id"], r["title"], r["snip"], r["url"], (r["published"] or "")[:10]
            )
            for r in self.db.execute(
                "SELECT r.id, r.title, r.url, r.published,"
                " snippet(reports_fts, 1, '[', ']', '…', 12) AS snip"
                " FROM reports_fts JOIN reports r ON r.id = reports_fts.rowid"
                f" WHERE reports_fts MATCH ? AND r.latest = 1{story_sql}"
                " ORDER BY bm25(reports_fts) LIMIT ?",
                args,
            )
        ]
        story_sql = " AND b.story_id = ?" if story_id is not None else ""
        hits += [
            SearchHit("bullet", r["id"], r["text"][:80], r["snip"], f"#b-{r['key']}", r["date"])
            for r in self.db.execute(
                "SELECT b.id, b.text, b.key, b.date,"
                " snippet(bullets_fts, 0, '[', ']', '…', 12) AS snip"
                " FROM bullets_fts JOIN bullets b ON b.id = bullets_fts.rowid"
                f" WHERE bullets_fts MATCH ?{story_sql} AND b.state != 'rejected'"
                " ORDER BY bm25(bullets_fts) LIMIT ?",
                args,
            )
        ]
        return hits


_COLUMNS_NO_RAW = (
    "id, story_id, url, version, latest, title, text, published, fetched, outlet, author,"
    " language, kind, NULL AS raw, raw_type, content_hash, cited_sources"
)


def _report(row: sqlite3.Row, embeds: list[Embed]) -> Report:
    return Report(
        url=row["url"],
        title=row["title"],
        text=row["text"],
        published=dt_in(row["published"]),
        outlet=row["outlet"],
        author=row["author"],
        fetched=dt_in(row["fetched"]),
        language=row["language"],
        kind=ReportKind(row["kind"]),
        raw=row["raw"],
        raw_type=row["raw_type"],
        cited_sources=js_in(row["cited_sources"], []),
        embeds=embeds,
        version=row["version"],
        story_id=row["story_id"],
        id=row["id"],
    )


def _fts_query(query: str) -> str:
    """A user's words as an FTS5 query: each word a quoted term, all required."""
    words = re.findall(r"[\w'-]+", query)
    return " ".join('"' + w.replace('"', "") + '"' for w in words)


def _chunks(items: list[int], size: int) -> Iterable[list[int]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
