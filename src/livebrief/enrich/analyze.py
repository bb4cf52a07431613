"""Read a report sentence by sentence: the one function ingest, `enrich` and `analyze` share."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from ..model import Report, ReportKind, Sentence, Story
from .attribution import attribute
from .claims import is_denial
from .dates import find_dates, sentence_dates
from .entities import EntityIndex, EntityTagger
from .figures import find_figures
from .kind import detect_language, report_kind
from .outlets import OutletRegistry
from .quotes import find_quotes
from .sentences import sentences as split_sentences
from .sentences import strip_dateline


@dataclass(slots=True)
class ReportAnalysis:
    report: Report
    kind: ReportKind
    language: str
    dateline: str | None
    sentences: list[Sentence] = field(default_factory=list)


class Enricher:
    """Everything enrichment finds in a story's reports, batched.

    One Enricher per story: it holds the story's entity index, so that "Gaddafi" and
    "Muammar Gaddafi" become one entity across reports.
    """

    def __init__(
        self,
        story: Story,
        *,
        registry: OutletRegistry | None = None,
        entities: bool = True,
    ) -> None:
        self.story = story
        self.registry = registry or OutletRegistry()
        self.tagger = EntityTagger(n_process=min(2, os.cpu_count() or 1)) if entities else None
        self.index = EntityIndex()

    def close(self) -> None:
        """Release the entity tagger's worker processes."""
        if self.tagger is not None:
            self.tagger.close()

    def analyze(
        self, reports: Sequence[Report], progress: Callable[[int], None] | None = None
    ) -> list[ReportAnalysis]:
        out = [self._read(r) for r in reports]
        if self.tagger is not None:
            english = [a for a in out if a.language == "en" and a.sentences]
            texts = [s.text for a in english for s in a.sentences]
            tagged = iter(self.tagger.tag(texts)) if texts else iter(())
            for a in english:
                for s in a.sentences:
                    s.mentions = next(tagged)
                    for m in s.mentions:
                        m.entity = self.index.link(m)
        if progress is not None:
            progress(len(reports))
        return out

    def _read(self, report: Report) -> ReportAnalysis:
        dateline, body = strip_dateline(report.text)
        language = report.language or detect_language(f"{report.title}\n{report.text}")
        outlet_kind = self.registry.kind(report.outlet) if report.outlet else None
        kind = report.kind
        if kind == ReportKind.NEWS:
            kind = report_kind(report.title, report.text, report.url, outlet_kind)
        published = report.published or report.fetched or datetime.now(UTC)
        tz = self.story.timezone
        english = language == "en"
        result: list[Sentence] = []
        for position, text in enumerate(split_sentences(body)):
            s = Sentence(text=text, position=position, report_id=report.id)
            s.event, s.references = sentence_dates(text, published, tz)
            if english:
                s.attributions = attribute(text, self.registry)
                s.quotes = find_quotes(text, s.attributions)
                s.figures = find_figures(text, published=published, speakers=s.speakers)
                s.denial = is_denial(text)
            result.append(s)
        return ReportAnalysis(report, kind, language, dateline, result)


def analyze_reports(
    reports: Sequence[Report], story: Story, *, entities: bool = True
) -> dict[int, list[Sentence]]:
    """Sentences with everything found in them, by report id (reports need ids)."""
    enricher = Enricher(story, entities=entities)
    return {a.report.id: a.sentences for a in enricher.analyze(reports) if a.report.id is not None}


__all__ = ["Enricher", "ReportAnalysis", "analyze_reports", "find_dates"]
