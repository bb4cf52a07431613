"""What enrichment found, per sentence: event dates, attributions, quotes, figures,
entity mentions, denials and the claims they answer."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from contextlib import _GeneratorContextManager
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from ..model import (
    Attribution,
    DatePrecision,
    Entity,
    EventDate,
    Figure,
    Mention,
    Quote,
    Sentence,
    Span,
)
from .codec import d_in, d_out, js_in, js_out


@dataclass(slots=True)
class FigureRow:
    figure: Figure
    sentence: str
    report_id: int
    url: str
    outlet: str | None
    published: str | None


class AnnotationsMixin:
    db: sqlite3.Connection

    write: Callable[[], _GeneratorContextManager[sqlite3.Connection]]  # from StoreBase

    def replace_sentences(
        self, story_id: int, report_id: int, sentences: Sequence[Sentence]
    ) -> None:
        """Store a report's sentences with everything found in them (replacing earlier runs)."""
        with self.write() as db:
            db.execute("DELETE FROM sentences WHERE report_id = ?", (report_id,))
            entity_ids: dict[tuple[str, str], int] = {}
            for s in sentences:
                ev = s.event
                cur = db.execute(
                    "INSERT INTO sentences (report_id, position, text, event_date, date_precision,"
                    " date_evidence, date_start, date_end, scheduled, denial, refs)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        report_id,
                        s.position,
                        s.text,
                        d_out(ev.date) if ev else None,
                        str(ev.precision) if ev else None,
                        ev.evidence.text if ev and ev.evidence else None,
                        ev.evidence.start if ev and ev.evidence else None,
                        ev.evidence.end if ev and ev.evidence else None,
                        int(bool(ev and ev.scheduled)),
                        int(s.denial),
                        " ".join(d.isoformat() for d in s.references)
                        if s.references is not None
                        else None,
                    ),
                )
                sid = int(cur.lastrowid or 0)
                s.id, s.report_id = sid, report_id
                db.executemany(
                    "INSERT INTO attributions (sentence_id, name, role, verb, start, end, span)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [(sid, a.name, a.role, a.verb, *_span(a.span)) for a in s.attributions],
                )
                db.executemany(
                    "INSERT INTO quotes (sentence_id, text, speaker, start, end)"
                    " VALUES (?, ?, ?, ?, ?)",
                    [(sid, q.text, q.speaker, *_span(q.span)[:2]) for q in s.quotes],
                )
                db.executemany(
                    "INSERT INTO figures (sentence_id, what, low, high, qualifier, unit, claimant,"
                    " as_of, vague, start, end, span) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        (
                            sid,
                            f.what,
                            f.low,
                            f.high,
                            f.qualifier,
                            f.unit,
                            f.claimant,
                            d_out(f.as_of),
                            f.vague,
                            *_span(f.span),
                        )
                        for f in s.figures
                    ],
                )
                for m in s.mentions:
                    eid = None
                    if m.entity:
                        key = (m.entity, m.label)
                        if key not in entity_ids:
                            entity_ids[key] = self._entity_id(db, story_id, m.entity, m.label)
                        eid = entity_ids[key]
                    db.execute(
                        "INSERT INTO mentions (sentence_id, entity_id, text, label, start, end)"
                        " VALUES (?, ?, ?, ?, ?, ?)",
                        (sid, eid, m.text, m.label, m.span.start, m.span.end),
                    )
            db.execute("UPDATE reports SET enriched = 1 WHERE id = ?", (report_id,))

    @staticmethod
    def _entity_id(db: sqlite3.Connection, story_id: int, name: str, label: str) -> int:
        row = db.execute(
            "SELECT id FROM entities WHERE story_id = ? AND name = ? AND label = ?",
            (story_id, name, label),
        ).fetchone()
        if row:
            return int(row[0])
        cur = db.execute(
            "INSERT INTO entities (story_id, name, label) VALUES (?, ?, ?)", (story_id, name, label)
        )
        return int(cur.lastrowid or 0)

    def set_entity_aliases(self, story_id: int, entities: Iterable[Entity]) -> None:
        with self.write() as db:
            for e in entities:
                db.execute(
                    "UPDATE entities SET aliases = ? WHERE story_id = ? AND name = ? AND label = ?",
                    (js_out(sorted(set(e.aliases))), story_id, e.name, e.label),
                )

    def unenriched_report_ids(self, story_id: int) -> list[int]:
        rows = self.db.execute(
            "SELECT id FROM reports WHERE story_id = ? AND latest = 1 AND enriched = 0 ORDER BY id",
            (story_id,),
        ).fetchall()
        return [int(r[0]) for r in rows]

    def touched_dates(self, story_id: int) -> set[date]:
        """Days that reports not yet composed speak about: their event dates and
        publication dates (UTC)."""
        rows = self.db.execute(
            "SELECT DISTINCT s.event_date FROM sentences s JOIN reports r ON r.id = s.report_id"
            " WHERE r.story_id = ? AND r.latest = 1 AND r.composed = 0"
            " AND s.event_date IS NOT NULL"
            " UNION SELECT DISTINCT substr(published, 1, 10) FROM reports"
            " WHERE story_id = ? AND latest = 1 AND composed = 0 AND published IS NOT NULL",
            (story_id, story_id),
        ).fetchall()
        return {date.fromisoformat(r[0]) for r in rows}

    def report_ids_about(self, story_id: int, dates: Sequence[date], *, window: int) -> list[int]:
        """Latest reports that may speak about these days: published within `window` days
        of one of them, or holding a sentence whose event date is one of them."""
        if not dates:
            return []
        ids: set[int] = set()
        marks = ",".join("?" * len(dates))
        for r in self.db.execute(
            "SELECT DISTINCT r.id FROM sentences s JOIN reports r ON r.id = s.report_id"
            f" WHERE r.story_id = ? AND r.latest = 1 AND s.event_date IN ({marks})",
            [story_id, *(d.isoformat() for d in dates)],
        ):
            ids.add(int(r[0]))
        for d in dates:
            lo = (d - timedelta(days=window)).isoformat()
            hi = (d + timedelta(days=window + 1)).isoformat()
            for r in self.db.execute(
                "SELECT id FROM reports WHERE story_id = ? AND latest = 1"
                " AND published >= ? AND published < ?",
                (story_id, lo, hi),
            ):
                ids.add(int(r[0]))
        return sorted(ids)

    def mark_composed(self, story_id: int) -> None:
        with self.write() as db:
            db.execute(
                "UPDATE reports SET composed = 1 WHERE story_id = ? AND composed = 0", (story_id,)
            )

    def sentences_for(self, report_ids: Sequence[int]) -> dict[int, list[Sentence]]:
        """The stored sentences of these reports, with all their annotations.

        Names, labels, verbs and days repeat thousands of times in a large story: each
        distinct one is held once, shared by every annotation that has it.
        """
        out: dict[int, list[Sentence]] = {}
        share = _sharing()
        ids = list(report_ids)
        for i in range(0, len(ids), 900):
            chunk = ids[i : i + 900]
            marks = ",".join("?" * len(chunk))
            by_id: dict[int, Sentence] = {}
            rows = self.db.cursor()
            rows.row_factory = None  # plain tuples: tens of thousands of rows, read by position
            for (
                sid,
                rid,
                position,
                text,
                day,
                precision,
                evidence,
                start,
                end,
                scheduled,
                denial,
                refs,
            ) in rows.execute(
                "SELECT id, report_id, position, text, event_date, date_precision,"
                " date_evidence, date_start, date_end, scheduled, denial, refs"
                f" FROM sentences WHERE report_id IN ({marks}) ORDER BY report_id, position",
                chunk,
            ):
                s = Sentence(
                    text=text,
                    position=position,
                    report_id=rid,
                    event=_event(day, precision, evidence, start, end, scheduled, share)
                    if day
                    else None,
                    denial=bool(denial),
                    id=sid,
                    references=_references(refs),
                )
                out.setdefault(rid, []).append(s)
                by_id[sid] = s
            sub = f"SELECT id FROM sentences WHERE report_id IN ({marks})"
            for r in self.db.execute(
                f"SELECT * FROM attributions WHERE sentence_id IN ({sub})", chunk
            ):
                by_id[r["sentence_id"]].attributions.append(
                    Attribution(share(r["name"]), share(r["role"]), _span_in(r), share(r["verb"]))
                )
            for r in self.db.execute(f"SELECT * FROM quotes WHERE sentence_id IN ({sub})", chunk):
                by_id[r["sentence_id"]].quotes.append(Quote(r["text"], share(r["speaker"]), None))
            for r in self.db.execute(f"SELECT * FROM figures WHERE sentence_id IN ({sub})", chunk):
                by_id[r["sentence_id"]].figures.append(_figure(r, share))
            for sid, label, start, end, name, entity in rows.execute(
                "SELECT m.sentence_id, m.label, m.start, m.end, m.text, e.name FROM mentions m"
                " LEFT JOIN entities e ON e.id = m.entity_id"
                f" WHERE m.sentence_id IN ({sub})",
                chunk,
            ):
                text = share(name)
                by_id[sid].mentions.append(
                    Mention(text, share(label), Span(start, end, text), share(entity))
                )
        return out

    def save_claim_links(self, links: Iterable[tuple[int, int, float]]) -> None:
        with self.write() as db:
            db.executemany(
                "INSERT OR REPLACE INTO claims (denial_id, claim_id, score) VALUES (?, ?, ?)",
                list(links),
            )

    def claim_links(self, story_id: int) -> list[tuple[int, int, float]]:
        rows = self.db.execute(
            "SELECT c.denial_id, c.claim_id, c.score FROM claims c"
            " JOIN sentences s ON s.id = c.denial_id JOIN reports r ON r.id = s.report_id"
            " WHERE r.story_id = ? ORDER BY c.denial_id",
            (story_id,),
        ).fetchall()
        return [(int(r[0]), int(r[1]), float(r[2])) for r in rows]

    def figures(self, story_id: int) -> list[FigureRow]:
        """Every figure of the story's latest reports, in order of publication."""
        rows = self.db.execute(
            "SELECT f.*, s.text AS sentence, r.id AS report_id, r.url, r.outlet, r.published"
            " FROM figures f JOIN sentences s ON s.id = f.sentence_id"
            " JOIN reports r ON r.id = s.report_id"
            " WHERE r.story_id = ? AND r.latest = 1 ORDER BY r.published, s.report_id, s.position",
            (story_id,),
        ).fetchall()
        return [
            FigureRow(
                _figure(r), r["sentence"], r["report_id"], r["url"], r["outlet"], r["published"]
            )
            for r in rows
        ]

    def entities(self, story_id: int) -> list[Entity]:
        """The story's entities with their mention counts, most mentioned first."""
        rows = self.db.execute(
            "SELECT e.id, e.name, e.label, e.aliases, COUNT(m.sentence_id) AS n"
            " FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id"
            " WHERE e.story_id = ? GROUP BY e.id ORDER BY n DESC, e.name",
            (story_id,),
        ).fetchall()
        return [
            Entity(r["name"], r["label"], js_in(r["aliases"], []), int(r["n"]), r["id"])
            for r in rows
        ]


def _event(
    day: str,
    precision: str | None,
    evidence: str | None,
    start: int,
    end: int,
    scheduled: int,
    share: Callable[[Any], Any],
) -> EventDate:
    """A sentence's stored event date, its day and evidence text shared with equal ones."""
    return EventDate(
        date=_day(day),
        precision=_PRECISION[precision or "day"],
        evidence=Span(start, end, share(evidence)) if evidence is not None else None,
        scheduled=bool(scheduled),
    )


_PRECISION = {p.value: p for p in DatePrecision}  # a dict lookup: Enum(...) is slow in bulk


# Days and lists of days repeat across thousands of sentences: parsed once, shared.
_day = lru_cache(maxsize=16384)(date.fromisoformat)


@lru_cache(maxsize=16384)
def _days(text: str) -> tuple[date, ...]:
    return tuple(_day(d) for d in text.split())


def _references(text: str | None) -> tuple[date, ...] | None:
    """The days a sentence names, from their stored form ("2010-04-20 2010-05-27")."""
    return None if text is None else _days(text)


def _sharing() -> Callable[[Any], Any]:
    """A function that returns one object for equal values: the first one it was given."""
    seen: dict[object, object] = {}

    def share(value: object) -> object:
        return seen.setdefault(value, value)

    return share


def _span(span: Span | None) -> tuple[int | None, int | None, str | None]:
    return (span.start, span.end, span.text) if span else (None, None, None)


def _span_in(row: sqlite3.Row) -> Span | None:
    if row["start"] is None:
        return None
    return Span(row["start"], row["end"], row["span"] or "")


def _figure(r: sqlite3.Row, share: Callable[[Any], Any] = lambda v: v) -> Figure:
    return Figure(
        what=share(r["what"]),
        low=r["low"],
        high=r["high"],
        qualifier=share(r["qualifier"]),
        unit=share(r["unit"]),
        claimant=share(r["claimant"]),
        as_of=share(d_in(r["as_of"])),
        vague=share(r["vague"]),
        span=_span_in(r),
    )
