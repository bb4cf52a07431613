"""The candidate pool: every usable sentence with its date, source and relevance.

A sentence is dated by its event date when enrichment found explicit evidence at day
precision (a *mention*: "on Monday", "March 19"); otherwise a sentence from the lead of a
report stands for the report's publication day and, more weakly, the day before (news
usually reports what happened that day or the previous one).

Apart from its own event, a sentence may *refer* to other days: "since the April 20
explosion", "the uprising that began on January 25". Those references are not what the
sentence tells, but they are evidence that the day matters, and date ranking counts them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from livebrief.cluster import dedup, relevance
from livebrief.cluster.vectors import tokens
from livebrief.enrich.dates import local_date, sentence_dates
from livebrief.model import DatePrecision, Report, Sentence

LEAD = 5  # sentences of a report's lead that stand for its publication day
RELEVANT_REPORT = 0.2  # share of matching sentences that makes a whole report relevant
MIN_KEYWORD_COVERAGE = 0.1  # below this share of relevant reports the keywords are ignored


@dataclass(slots=True)
class Candidate:
    """A sentence in the pool."""

    sentence: Sentence
    words: tuple[str, ...]
    report_id: int
    source: int  # duplicate group of its report: copies share one source
    published: date
    key: str  # exact-duplicate key of the sentence text
    relevant: bool  # matches the story keywords (or no keywords in use)
    mention: date | None  # date of the sentence's own event, when it names it
    lead: bool  # among the first sentences of its report
    references: tuple[date, ...] = ()  # every day the sentence names (its event's included)


@dataclass(slots=True)
class Pool:
    """Candidates indexed by the dates they may speak for."""

    candidates: list[Candidate]
    mentions: dict[date, list[int]] = field(default_factory=dict)
    published: dict[date, list[int]] = field(default_factory=dict)
    previous_day: dict[date, list[int]] = field(default_factory=dict)
    references: dict[date, list[int]] = field(default_factory=dict)
    keywords_used: bool = False

    def for_date(self, day: date) -> tuple[list[int], list[int]]:
        """Indexes of sentences that mention `day`, and lead sentences published then."""
        pub = self.published.get(day, []) + self.previous_day.get(day, [])
        return self.mentions.get(day, []), pub


def _day_mention(sentence: Sentence, scheduled: bool = True) -> date | None:
    event = sentence.event
    if event is None or event.evidence is None or event.precision != DatePrecision.DAY:
        return None
    if event.scheduled and not scheduled:
        return None
    return event.date


def _references(
    sentence: Sentence, published: datetime, timezone: str, scheduled: bool
) -> tuple[date, ...]:
    """Every day named in the sentence (with `scheduled` False, none after publication).

    Enrichment stores them; sentences analysed before it did are read again here.
    """
    named = sentence.references
    if named is None:
        named = sentence_dates(sentence.text, published, timezone)[1]
    days = set(named)
    if not scheduled:
        today = local_date(published, timezone)
        days = {d for d in days if d <= today}
    own = _day_mention(sentence, scheduled)
    if own is not None:
        days.add(own)
    return tuple(sorted(days))


def build_pool(
    reports: Sequence[Report],
    sentences: Mapping[int, Sequence[Sentence]],
    *,
    keywords: Sequence[str] = (),
    dates: Collection[date] | None = None,
    scheduled: bool = True,
    timezone: str = "UTC",
) -> Pool:
    """Collect candidates from reports with an id and a publication date.

    With `scheduled` False, a sentence about a future event ("talks will be held on
    Friday") stands for the day it was reported, not for the day of the event. `timezone`
    resolves relative dates ("on Monday") the way enrichment did.
    """
    usable = [r for r in reports if r.id is not None and r.published is not None]
    groups = dedup.duplicate_groups([r.text for r in usable])
    ids = [r.id or 0 for r in usable]
    source_of = {ids[i]: ids[g] for i, g in enumerate(groups)}

    word_lists = {
        r.id: [tokens(s.text) for s in sentences.get(r.id, ())] for r in usable if r.id is not None
    }
    matcher = relevance.expand_keywords(
        keywords, relevance.word_counts(w for lists in word_lists.values() for w in lists)
    )
    flags: dict[int, list[bool]] = {}
    for rid, lists in word_lists.items():
        flags[rid] = [matcher.matches(w) for w in lists] if matcher else [True] * len(lists)
    relevant_reports = {
        rid for rid, f in flags.items() if relevance.report_relevance(f) >= RELEVANT_REPORT
    }
    use_keywords = bool(matcher) and len(relevant_reports) >= MIN_KEYWORD_COVERAGE * max(
        1, len(word_lists)
    )

    allowed = set(dates) if dates is not None else None
    pool = Pool(candidates=[], keywords_used=use_keywords)
    mentions: dict[date, list[int]] = defaultdict(list)
    published: dict[date, list[int]] = defaultdict(list)
    previous: dict[date, list[int]] = defaultdict(list)
    references: dict[date, list[int]] = defaultdict(list)
    for report in usable:
        rid = report.id or 0
        pub = report.published.date() if report.published else date.min
        report_relevant = rid in relevant_reports or not use_keywords
        for i, sentence in enumerate(sentences.get(rid, ())):
            sentence_relevant = flags[rid][i] or not use_keywords
            if not (report_relevant or sentence_relevant):
                continue
            mention = _day_mention(sentence, scheduled)
            lead = sentence.position < LEAD
            cand = Candidate(
                sentence=sentence,
                words=word_lists[rid][i],
                report_id=rid,
                source=source_of[rid],
                published=pub,
                key=dedup.exact_key(sentence.text),
                relevant=sentence_relevant,
                mention=mention,
                lead=lead,
                references=_references(sentence, report.published, timezone, scheduled)
                if report.published
                else (),
            )
            index = len(pool.candidates)
            pool.candidates.append(cand)
            for day in cand.references:
                if allowed is None or day in allowed:
                    references[day].append(index)
            if mention is not None:
                if allowed is None or mention in allowed:
                    mentions[mention].append(index)
            elif lead:
                if allowed is None or pub in allowed:
                    published[pub].append(index)
                before = pub - timedelta(days=1)
                if allowed is None or before in allowed:
                    previous[before].append(index)
    pool.mentions = dict(mentions)
    pool.published = dict(published)
    pool.previous_day = dict(previous)
    pool.references = dict(references)
    return pool
