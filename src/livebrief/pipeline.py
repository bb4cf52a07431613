"""The pipeline, wired in one place: ingest -> store -> enrich -> compose -> publish.

The CLI, the web app and the benchmarks call these functions; none of them holds SQL or
business rules of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .compose.briefing import compose, standfirst, text_key
from .compose.select import SALIENCE_WINDOW
from .model import Briefing, BulletState, Day, Problem, Report, Story
from .store import Added, Store

if TYPE_CHECKING:
    from .compose.select import Embedder
    from .ingest.http import Fetcher

Progress = Callable[[int], None]
Notice = Callable[[str], None]

ENRICH_BATCH = 64


@dataclass(slots=True)
class IngestSummary:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[Problem] = field(default_factory=list)
    report_ids: list[int] = field(default_factory=list)  # new and updated

    def line(self) -> str:
        reasons: dict[str, int] = {}
        for p in self.skipped:
            reasons[p.reason] = reasons.get(p.reason, 0) + 1
        why = "; ".join(f"{n} {r}" for r, n in sorted(reasons.items(), key=lambda x: -x[1]))
        skipped = f", {len(self.skipped)} skipped" + (f" ({why})" if why else "")
        return f"{self.new} ingested, {self.updated} updated, {self.unchanged} unchanged" + (
            skipped if self.skipped else ""
        )


def ingest(
    store: Store,
    story: Story,
    items: Iterable[Report | Problem],
    *,
    enrich: bool = True,
    on_problem: Notice | None = None,
    progress: Progress | None = None,
) -> IngestSummary:
    """Store reports (idempotently), report each bad item in one line, then enrich what is new."""
    assert story.id is not None
    summary = IngestSummary()
    for item in items:
        if progress is not None:
            progress(1)
        problem = _unusable(item)
        if problem is not None:
            summary.skipped.append(problem)
            if on_problem is not None:
                on_problem(str(problem))
            continue
        assert isinstance(item, Report)
        status, report_id = store.add_report(story.id, item)
        if status is Added.NEW:
            summary.new += 1
        elif status is Added.UPDATED:
            summary.updated += 1
        else:
            summary.unchanged += 1
        if status is not Added.UNCHANGED:
            summary.report_ids.append(report_id)
    if enrich and summary.report_ids:
        enrich_story(store, story, summary.report_ids)
    return summary


def _unusable(item: Report | Problem) -> Problem | None:
    """Why an item cannot be stored, or None when it can."""
    if isinstance(item, Problem):
        return item
    if item.published is None:
        return Problem(item.url, "no publication date")
    if not item.text.strip():
        return Problem(item.url, "no text")
    return None


def enrich_story(
    store: Store,
    story: Story,
    report_ids: Collection[int] | None = None,
    *,
    entities: bool = True,
    progress: Progress | None = None,
) -> int:
    """Enrich reports (default: all the story's reports not yet enriched); returns how many."""
    from .enrich import Enricher

    assert story.id is not None
    ids = list(report_ids) if report_ids is not None else store.unenriched_report_ids(story.id)
    enricher = Enricher(story, entities=entities)
    for outlet in store.outlets():
        enricher.registry.add(outlet)
    done = 0
    try:
        for i in range(0, len(ids), ENRICH_BATCH):
            batch = store.reports(story.id, ids=ids[i : i + ENRICH_BATCH])
            for analysis in enricher.analyze(batch):
                rid = analysis.report.id
                assert rid is not None
                store.replace_sentences(story.id, rid, analysis.sentences)
                store.set_report_kind(rid, analysis.kind, analysis.language)
            done += len(batch)
            if progress is not None:
                progress(len(batch))
    finally:
        enricher.close()
    store.set_entity_aliases(story.id, enricher.index.entities())
    if done:
        link_new_denials(store, story, ids)
    return done


def link_new_denials(store: Store, story: Story, report_ids: Collection[int]) -> int:
    """Link the denials in these reports to the claims they answer.

    Candidate claims are the sentences of reports about the same days, so the work grows
    with a day's reports, not with the whole story. Returns the links stored.
    """
    from .enrich.claims import link_denials

    assert story.id is not None
    new = set(report_ids)
    mine = store.sentences_for(sorted(new))
    days = sorted({s.event.date for ss in mine.values() for s in ss if s.denial and s.event})
    if not days:
        return 0
    reports = store.reports(story.id, ids=store.report_ids_about(story.id, days, window=3))
    sentences = store.sentences_for([r.id for r in reports if r.id is not None])
    flat = [s for r in reports for s in sentences.get(r.id or -1, [])]
    links = [
        (flat[d].id, flat[c].id, score)
        for d, c, score in link_denials(flat, detect=False)
        if flat[d].report_id in new and flat[d].id is not None and flat[c].id is not None
    ]
    store.save_claim_links(links)  # type: ignore[arg-type]
    return len(links)


def compose_story(
    store: Store,
    story: Story,
    *,
    per_day: int = 6,
    full: bool = True,
    dates: Collection[date] | None = None,
    embedder: Embedder | None = None,
) -> Briefing:
    """Compose the story's days and return the whole briefing.

    `full` recomposes every day; otherwise only the days that reports ingested since the
    last composition speak about (or the given `dates`) are regrouped and rewritten.
    Bullets an editor approved, edited, pinned or rejected are never overwritten.
    `embedder` groups sentences by sentence embeddings instead of TF-IDF.
    """
    assert story.id is not None
    missing = store.unenriched_report_ids(story.id)
    if missing:
        enrich_story(store, story, missing)
    if full and dates is None:
        reports = store.reports(story.id)
    else:
        if dates is None:
            dates = store.touched_dates(story.id)
        if not dates:
            return store.briefing(story)
        # the days' reports and those published around them, whose entities tell which
        # names are everyday (compose.select.SALIENCE_WINDOW)
        around = store.report_ids_about(story.id, sorted(dates), window=SALIENCE_WINDOW)
        reports = store.reports(story.id, ids=around)
    sentences = store.sentences_for([r.id for r in reports if r.id is not None])
    result = compose(
        story,
        reports,
        sentences,
        per_day=per_day,
        dates=dates,
        embedder=embedder,
        claim_links=store.claim_links(story.id),
    )
    for day in result.days:
        store.save_day(story.id, day)
    composed = {d.date for d in result.days}
    if dates is None:
        store.remove_days(story.id, keep=composed)
    else:
        existing = set(store.day_dates(story.id))
        store.remove_days(story.id, keep=existing - (set(dates) - composed))
    store.mark_composed(story.id)
    briefing = store.briefing(story)
    briefing.standfirst = standfirst(_published_days(briefing))
    store.set_standfirst(story.id, briefing.standfirst)
    return briefing


def _published_days(briefing: Briefing) -> Iterator[Day]:
    """The days as published (rejected bullets left out), newest first, made as read."""
    for d in briefing.days:
        bullets = [b for b in d.bullets if b.state is not BulletState.REJECTED]
        yield Day(d.date, bullets, d.analysis, d.outlets)


def import_briefing(store: Store, story: Story, briefing: Briefing) -> int:
    """Store an existing briefing's days as published (approved) bullets; returns bullets stored."""
    assert story.id is not None
    count = 0
    for day in briefing.days:
        for position, bullet in enumerate(day.bullets):
            bullet.position = position
            bullet.key = bullet.key or text_key(day.date, bullet.text)
        store.save_day(story.id, day)
        count += len(day.bullets)
    if briefing.standfirst:
        store.set_standfirst(story.id, briefing.standfirst)
    return count


def read_briefing_source(
    source: str, fetcher: Fetcher | None = None, *, year_hint: int | None = None
) -> Briefing | Problem:
    """An existing briefing from a file or a URL (HTML page or plain-text rendering)."""
    from .ingest import is_url
    from .ingest.briefing import parse_briefing_html, parse_briefing_text, read_briefing
    from .ingest.http import FetchError

    if not is_url(source):
        return read_briefing(Path(source), year_hint=year_hint)
    if fetcher is None:
        return Problem(source, "fetching a URL needs a fetcher")
    try:
        fetched = fetcher.get(source)
    except FetchError as exc:
        return Problem(source, str(exc))
    text = fetched.content.decode("utf-8", "replace")
    if "html" in (fetched.content_type or "") or text.lstrip().startswith("<"):
        return parse_briefing_html(text, year_hint=year_hint)
    return parse_briefing_text(text, year_hint=year_hint)


def publish_story(store: Store, story: Story, out_dir: Path, *, base_url: str = "") -> list[Path]:
    """Write the static site, feeds, Markdown and JSON export of the story's briefing."""
    from .publish.site import write_site

    return write_site(store.briefing(story), out_dir, base_url=base_url)
