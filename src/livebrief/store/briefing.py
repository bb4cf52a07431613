"""The briefing: days, bullets (with their editorial state) and analysis items."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from contextlib import _GeneratorContextManager
from datetime import date

from ..model import AnalysisItem, Briefing, Bullet, BulletState, Citation, Day, Embed, Story
from .codec import d_in, d_out, dt_in, dt_out, js_in, js_out, now


class BriefingMixin:
    db: sqlite3.Connection

    write: Callable[[], _GeneratorContextManager[sqlite3.Connection]]  # from StoreBase

    def save_day(self, story_id: int, day: Day, *, replace_analysis: bool = True) -> None:
        """Store a composed day.

        Draft bullets that nobody touched are replaced; bullets an editor approved, edited,
        pinned or rejected are kept as they are, and flagged when the new composition of the
        same development differs from them.
        """
        stamp = now()
        key_date = d_out(day.date)
        with self.write() as db:
            existing = {
                r["key"]: r
                for r in db.execute(
                    "SELECT * FROM bullets WHERE story_id = ? AND date = ?", (story_id, key_date)
                )
            }
            kept = {
                k
                for k, r in existing.items()
                if r["state"] != "draft" or r["edited"] or r["pinned"]
            }
            fresh = {b.key for b in day.bullets}
            for k, r in existing.items():
                if k not in kept and k not in fresh:
                    db.execute("DELETE FROM bullets WHERE id = ?", (r["id"],))
            position = len(kept)
            for b in day.bullets:
                old = existing.get(b.key)
                citations = js_out([_citation_out(c) for c in b.citations])
                if old is not None and b.key in kept:
                    if old["state"] != "rejected" and (
                        old["text"] != b.text or old["citations"] != citations
                    ):
                        db.execute("UPDATE bullets SET flagged = 1 WHERE id = ?", (old["id"],))
                    continue
                if old is not None:
                    changed = old["text"] != b.text or old["citations"] != citations
                    db.execute(
                        "UPDATE bullets SET text = ?, citations = ?, outlets = ?, position = ?,"
                        " updated = ? WHERE id = ?",
                        (
                            b.text,
                            citations,
                            js_out(b.outlets),
                            position,
                            dt_out(stamp) if changed else old["updated"],
                            old["id"],
                        ),
                    )
                else:
                    db.execute(
                        "INSERT INTO bullets (story_id, date, key, text, citations, outlets,"
                        " position, state, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (
                            story_id,
                            key_date,
                            b.key,
                            b.text,
                            citations,
                            js_out(b.outlets),
                            position,
                            str(b.state),
                            dt_out(b.created or stamp),
                            dt_out(b.updated or b.created or stamp),
                        ),
                    )
                position += 1
            db.execute(
                "INSERT INTO days (story_id, date, outlets) VALUES (?, ?, ?)"
                " ON CONFLICT(story_id, date) DO UPDATE SET outlets = excluded.outlets",
                (story_id, key_date, js_out(day.outlets)),
            )
            if replace_analysis:
                db.execute(
                    "DELETE FROM analysis WHERE story_id = ? AND date = ?", (story_id, key_date)
                )
                db.executemany(
                    "INSERT INTO analysis (story_id, date, position, title, text, url, outlet,"
                    " author, report_id, embed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        (
                            story_id,
                            key_date,
                            i,
                            a.title,
                            a.text,
                            a.url,
                            a.outlet,
                            a.author,
                            a.report_id,
                            js_out(_embed_out(a.embed)) if a.embed else None,
                        )
                        for i, a in enumerate(day.analysis)
                    ],
                )

    def remove_days(self, story_id: int, keep: Iterable[date]) -> None:
        """Drop composed days outside `keep` that hold no editorial work."""
        keep_set = {d_out(d) for d in keep}
        with self.write() as db:
            for (d,) in db.execute(
                "SELECT date FROM days WHERE story_id = ?", (story_id,)
            ).fetchall():
                if d in keep_set:
                    continue
                edited = db.execute(
                    "SELECT 1 FROM bullets WHERE story_id = ? AND date = ?"
                    " AND (state != 'draft' OR edited = 1 OR pinned = 1) LIMIT 1",
                    (story_id, d),
                ).fetchone()
                db.execute(
                    "DELETE FROM bullets WHERE story_id = ? AND date = ? AND state = 'draft'"
                    " AND edited = 0 AND pinned = 0",
                    (story_id, d),
                )
                db.execute("DELETE FROM analysis WHERE story_id = ? AND date = ?", (story_id, d))
                if not edited:
                    db.execute("DELETE FROM days WHERE story_id = ? AND date = ?", (story_id, d))

    def day_dates(self, story_id: int) -> list[date]:
        """The dates of the story's days, newest first."""
        rows = self.db.execute(
            "SELECT date FROM days WHERE story_id = ? ORDER BY date DESC", (story_id,)
        ).fetchall()
        return [date.fromisoformat(r[0]) for r in rows]

    def set_standfirst(self, story_id: int, text: str) -> None:
        with self.write() as db:
            db.execute(
                "UPDATE stories SET standfirst = ?, composed = ? WHERE id = ?",
                (text, dt_out(now()), story_id),
            )

    def update_bullet(
        self,
        story_id: int,
        key: str,
        *,
        text: str | None = None,
        state: BulletState | None = None,
        pinned: bool | None = None,
    ) -> Bullet:
        """An editor's change to one bullet: new text (a correction), a state, a pin."""
        with self.write() as db:
            row = db.execute(
                "SELECT * FROM bullets WHERE story_id = ? AND key = ?", (story_id, key)
            ).fetchone()
            if row is None:
                raise KeyError(f"no bullet {key!r}")
            stamp = dt_out(now())
            if text is not None and text != row["text"]:
                db.execute(
                    "UPDATE bullets SET text = ?, edited = 1, flagged = 0, updated = ? WHERE id = ?",
                    (text, stamp, row["id"]),
                )
            if state is not None:
                db.execute(
                    "UPDATE bullets SET state = ?, flagged = 0 WHERE id = ?",
                    (str(state), row["id"]),
                )
            if pinned is not None:
                db.execute("UPDATE bullets SET pinned = ? WHERE id = ?", (int(pinned), row["id"]))
            new = db.execute("SELECT * FROM bullets WHERE id = ?", (row["id"],)).fetchone()
        return _bullet(new)

    def briefing(self, story: Story) -> Briefing:
        """The whole briefing, newest day first, bullets in editorial order."""
        assert story.id is not None
        row = self.db.execute(
            "SELECT standfirst, composed FROM stories WHERE id = ?", (story.id,)
        ).fetchone()
        days: dict[str, Day] = {}
        for r in self.db.execute(
            "SELECT * FROM days WHERE story_id = ? ORDER BY date DESC", (story.id,)
        ):
            days[r["date"]] = Day(
                date=date.fromisoformat(r["date"]), outlets=js_in(r["outlets"], [])
            )
        for r in self.db.execute(
            "SELECT * FROM bullets WHERE story_id = ? ORDER BY date DESC, pinned DESC, position, id",
            (story.id,),
        ):
            day = days.setdefault(r["date"], Day(date=date.fromisoformat(r["date"])))
            day.bullets.append(_bullet(r))
        for r in self.db.execute(
            "SELECT * FROM analysis WHERE story_id = ? ORDER BY date DESC, position", (story.id,)
        ):
            day = days.setdefault(r["date"], Day(date=date.fromisoformat(r["date"])))
            emb = js_in(r["embed"])
            day.analysis.append(
                AnalysisItem(
                    text=r["text"],
                    title=r["title"],
                    url=r["url"],
                    outlet=r["outlet"],
                    author=r["author"],
                    report_id=r["report_id"],
                    embed=Embed(
                        emb["author"], emb["handle"], d_in(emb["date"]), emb["text"], emb["url"]
                    )
                    if emb
                    else None,
                )
            )
        ordered = [days[k] for k in sorted(days, reverse=True)]
        updates = [b.updated for d in ordered for b in d.bullets if b.updated]
        composed = dt_in(row["composed"]) if row else None
        latest = max([*updates, *([composed] if composed else [])], default=None)
        return Briefing(
            story=story, days=ordered, standfirst=row["standfirst"] if row else "", updated=latest
        )


def _citation_out(c: Citation) -> dict[str, object]:
    return {"report_id": c.report_id, "url": c.url, "outlet": c.outlet, "title": c.title}


def _embed_out(e: Embed) -> dict[str, object]:
    return {
        "author": e.author,
        "handle": e.handle,
        "date": d_out(e.date),
        "text": e.text,
        "url": e.url,
    }


_STATE = {s.value: s for s in BulletState}  # a dict lookup: Enum(...) is slow in bulk


def _bullet(r: sqlite3.Row) -> Bullet:
    return Bullet(
        text=r["text"],
        citations=[
            Citation(c["report_id"], c["url"], c["outlet"], c.get("title", ""))
            for c in js_in(r["citations"], [])
        ],
        outlets=js_in(r["outlets"], []),
        position=r["position"],
        state=_STATE[r["state"]],
        key=r["key"],
        edited=bool(r["edited"]),
        pinned=bool(r["pinned"]),
        flagged=bool(r["flagged"]),
        created=dt_in(r["created"]),
        updated=dt_in(r["updated"]),
        id=r["id"],
    )
