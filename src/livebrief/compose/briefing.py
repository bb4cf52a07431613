"""Compose a briefing's days: ranked, credited, cited bullets; Analysis; a standfirst."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from ..enrich.claims import denial_cue
from ..enrich.dates import local_date
from ..model import (
    AnalysisItem,
    Bullet,
    Citation,
    Day,
    Development,
    Embed,
    Report,
    ReportKind,
    Sentence,
    Story,
)
from .clean import (
    MAX_CHARS,
    boilerplate,
    close_quote,
    finish,
    leans_back,
    pronoun_led,
    quote_balance,
    quote_units,
    same_content,
    standalone_span,
    strip_connective,
    strip_furniture,
    unusable,
)
from .credit import Part, credit_parts, report_outlets, sort_outlets, uncredit
from .select import BRIEFING, Embedder, select_developments

ANALYSIS_KINDS = {ReportKind.ANALYSIS, ReportKind.OPINION, ReportKind.SOCIAL}
MAX_CITATIONS = 6
LEAD_TRIES = 6  # sentences of a development tried, best first, for one that can open a bullet
MAX_EXTRA_CHARS = 320  # a claim or denial from another report brought beside the account
MAX_TOTAL_CHARS = 800
ANSWER_DAYS = 2  # a denial from another report answers a claim made this close to it


@dataclass(slots=True)
class Composition:
    days: list[Day]  # newest first
    standfirst: str


def compose(
    story: Story,
    reports: Sequence[Report],
    sentences: Mapping[int, Sequence[Sentence]],
    *,
    per_day: int = 6,
    dates: Collection[date] | None = None,
    embedder: Embedder | None = None,
    claim_links: Sequence[tuple[int, int, float]] = (),
) -> Composition:
    """Days of bullets from a story's reports and their enriched sentences.

    `dates` limits the work to those days (incremental composition); the standfirst is
    written for the latest day composed. `claim_links` (denial sentence id, claim sentence
    id, score) put a denial beside the claim it answers.
    """
    by_id = {r.id: r for r in reports if r.id is not None}
    by_sentence = {s.id: s for ss in sentences.values() for s in ss if s.id is not None}
    answers = {c: by_sentence[d] for d, c, _ in claim_links if d in by_sentence}
    news = [r for r in reports if r.kind not in ANALYSIS_KINDS]
    selected = select_developments(
        news,
        {r.id: sentences[r.id] for r in news if r.id is not None and r.id in sentences},
        keywords=story.keywords,
        per_date=per_day,
        dates=dates,
        embedder=embedder,
        options=BRIEFING,
        timezone=story.timezone,
    )
    furniture = boilerplate(news, sentences)
    days: dict[date, Day] = {}
    for day_date, developments in selected:
        bullets = write_day(
            day_date, developments, by_id, sentences, answers, per_day=per_day, skip=furniture
        )
        if bullets:
            days[day_date] = Day(
                date=day_date,
                bullets=bullets,
                outlets=sort_outlets(o for b in bullets for o in b.outlets),
            )
    for day_date, items in analysis_items(reports, story.timezone).items():
        if dates is not None and day_date not in dates:
            continue
        days.setdefault(day_date, Day(date=day_date)).analysis = items
    ordered = [days[d] for d in sorted(days, reverse=True)]
    return Composition(days=ordered, standfirst=standfirst(ordered))


@dataclass(slots=True)
class _Draft:
    """A bullet before it is written: what it tells and from which reports."""

    dev: Development
    main: list[Sentence]  # consecutive sentences of one report: the account
    extras: list[Sentence]  # a claim and the denial answering it, from the development
    cited: list[Report]  # the development's reports, the lead's first

    def told(self) -> set[tuple[int | None, int]]:
        return {_key(s) for s in (*self.main, *self.extras)}


def write_day(
    day_date: date,
    developments: Sequence[Development],
    reports: Mapping[int, Report],
    report_sentences: Mapping[int, Sequence[Sentence]],
    answers: Mapping[int, Sentence] | None = None,
    *,
    per_day: int = 6,
    skip: Collection[str] = frozenset(),
) -> list[Bullet]:
    """A day's bullets from its ranked developments, at most `per_day`.

    No bullet tells what another already tells: a development whose account repeats an
    earlier bullet is left out, and one that continues an earlier bullet's account (its
    lead needs that bullet's last sentence) extends that bullet instead. `skip` holds
    sentences known to be page furniture.
    """
    drafts: list[_Draft] = []
    positions: dict[int | None, dict[int, Sentence]] = {}
    for dev in developments:
        if len(drafts) >= per_day:
            break
        told = {k for d in drafts for k in d.told()}
        draft = _draft(dev, reports, report_sentences, answers or {}, skip, told, positions)
        if draft is not None:
            _place(drafts, draft)
    bullets = [_render(day_date, d, reports) for d in drafts]
    for position, bullet in enumerate(bullets):
        bullet.position = position
    return bullets


def write_bullet(
    day_date: date,
    dev: Development,
    reports: Mapping[int, Report],
    report_sentences: Mapping[int, Sequence[Sentence]] | None = None,
    answers: Mapping[int, Sentence] | None = None,
) -> Bullet | None:
    """One bullet from a development: its best sentence that can stand alone (with the
    sentences it leans on), cleaned, credited and cited; None when no sentence can."""
    draft = _draft(dev, reports, report_sentences or {}, answers or {}, frozenset(), set(), {})
    return None if draft is None else _render(day_date, draft, reports)


def _draft(
    dev: Development,
    reports: Mapping[int, Report],
    report_sentences: Mapping[int, Sequence[Sentence]],
    answers: Mapping[int, Sentence],
    skip: Collection[str],
    told: Collection[tuple[int | None, int]],
    positions: dict[int | None, dict[int, Sentence]],
) -> _Draft | None:
    """The development's account: the first of its best sentences that can stand alone.

    `positions` caches each report's sentences by position.
    """
    for lead in dev.sentences[:LEAD_TRIES]:
        if _key(lead) in told:
            continue
        rid = lead.report_id
        if rid not in positions:
            own = report_sentences.get(rid, ()) if rid is not None else ()
            positions[rid] = {s.position: s for s in own}
        main = standalone_span(lead, positions[rid] or {lead.position: lead}, skip)
        if main is not None:
            break
    else:
        return None
    cited = [reports[rid] for rid in dict.fromkeys(dev.report_ids) if rid in reports]
    lead_report = _report(reports, lead.report_id)
    if lead_report is not None:
        cited = [lead_report, *(r for r in cited if r is not lead_report)]
    extras = _extras(dev, reports, lead, main, answers, skip)
    return _Draft(dev, main, [e for e in extras if _key(e) not in told], cited)


def _extras(
    dev: Development,
    reports: Mapping[int, Report],
    lead: Sentence,
    main: Sequence[Sentence],
    answers: Mapping[int, Sentence],
    skip: Collection[str],
) -> list[Sentence]:
    """A claim of the development and the denial answering it, when the account lacks them."""
    claim, answer = _disputed(dev, lead, answers)
    if answer is not None and not _recent(answer, dev, reports):
        answer = None  # a denial answers a claim of the days around it
    inside = {_key(s) for s in main}
    if answer is None or _key(answer) in inside or _same_party(claim or lead, answer):
        return []
    told = " ".join(s.text for s in main)
    out: list[Sentence] = []
    for s, is_claim in ((claim, True), (answer, False)):
        if s is None or _key(s) in inside:
            continue
        too_long = len(told) + len(s.text) > MAX_TOTAL_CHARS
        if too_long or not _can_follow(s, skip, alone=is_claim) or same_content(s.text, told):
            return []  # a claim is brought for its answer, an answer needs its claim
        out.append(s)
        told = f"{told} {s.text}"
    return out


def _same_party(claim: Sentence, answer: Sentence) -> bool:
    """Whether the answer comes from the claim's own speaker: then it answers nothing."""
    return bool(_parties(claim) & _parties(answer))


def _parties(s: Sentence) -> set[str]:
    """Who speaks in the sentence: its speakers, or the name it opens with (last words)."""
    names = list(s.speakers) or [m.text for m in s.mentions if m.span.start <= 15][:1]
    return {n.split()[-1].casefold() for n in names if n.split()}


def _recent(s: Sentence, dev: Development, reports: Mapping[int, Report]) -> bool:
    """Whether the sentence's report is of the development or published within
    ANSWER_DAYS of its date."""
    r = _report(reports, s.report_id)
    if r is None or r.id in dev.report_ids or r.published is None:
        return r is not None
    return abs((r.published.date() - dev.date).days) <= ANSWER_DAYS


def _can_follow(s: Sentence, skip: Collection[str], *, alone: bool) -> bool:
    """Whether a sentence from elsewhere can sit in a bullet after its account: whole, not
    furniture, short, and either standing alone or (a denial) leaning only on the claim."""
    text = strip_furniture(s.text)
    if s.text in skip or unusable(text) or quote_balance(text) or len(text) > MAX_EXTRA_CHARS:
        return False
    if s.denial and denial_cue(text) is None:
        return False  # the denial was in the page furniture stripped off
    return not leans_back(text, s.mentions) if alone else not pronoun_led(text)


def _place(drafts: list[_Draft], draft: _Draft) -> None:
    """Add the draft to the day unless an earlier one tells it; continue an earlier draft's
    account when the draft's lead follows it in the same report."""
    keys = [_key(s) for s in draft.main]
    for other in drafts:
        other_keys = other.told()
        if not other_keys.intersection(keys):
            continue
        n = 0
        while n < len(keys) and keys[n] in other_keys:
            n += 1
        fresh = draft.main[n:]
        follows = n > 0 and keys[n - 1] == _key(other.main[-1])
        if (
            fresh
            and follows
            and not other_keys.intersection(keys[n:])
            and len(" ".join(s.text for s in (*other.main, *fresh))) <= MAX_CHARS
        ):
            other.main.extend(fresh)
            known = {id(r) for r in other.cited}
            other.cited.extend(r for r in draft.cited if id(r) not in known)
        return
    account = " ".join(s.text for s in draft.main)
    for other in drafts:
        if same_content(account, " ".join(s.text for s in (*other.main, *other.extras))):
            return
    drafts.append(draft)


def _render(day_date: date, draft: _Draft, reports: Mapping[int, Report]) -> Bullet:
    """The bullet's text, credits and citations."""
    extra_reports = [
        r for r in (_report(reports, e.report_id) for e in draft.extras) if r is not None
    ]
    order = {id(r): r for r in (*draft.cited[:1], *extra_reports, *draft.cited[1:])}
    cited = list(order.values())[:MAX_CITATIONS]
    shown = {id(r) for r in cited}
    main_outlets = [o for r in draft.cited if id(r) in shown for o in report_outlets(r)]
    parts: list[Part] = []
    units = quote_units(draft.main)
    for i, unit in enumerate(units):
        text = " ".join(strip_furniture(s.text) for s in unit)
        if i == 0:
            text = strip_connective(text)
        if i == len(units) - 1 and quote_balance(text) > 0:
            text = close_quote(text)
        named = [o for s in unit for o in s.outlets]
        parts.append(Part(finish(text), main_outlets, named))
    for e in draft.extras:
        r = _report(reports, e.report_id)
        outlets = report_outlets(r) if r is not None and id(r) in shown else []
        parts.append(Part(finish(strip_connective(strip_furniture(e.text))), outlets, e.outlets))
    text, credited = credit_parts(parts)
    citations = [Citation(report_id=r.id, url=r.url, outlet=r.outlet, title=r.title) for r in cited]
    return Bullet(
        text=text,
        citations=citations,
        outlets=credited,
        key=bullet_key(day_date, draft.dev, reports),
    )


def _report(reports: Mapping[int, Report], report_id: int | None) -> Report | None:
    return reports.get(report_id) if report_id is not None else None


def _key(s: Sentence) -> tuple[int | None, int]:
    return (s.report_id, s.position) if s.report_id is not None else (None, id(s))


def bullet_key(day_date: date, dev: Development, reports: Mapping[int, Report]) -> str:
    """A permalink key that survives recomposition: the day and the development's first report.

    Reports arriving later join the development without changing its earliest report.
    """

    def order(s: Sentence) -> tuple[str, str, int]:
        r = _report(reports, s.report_id)
        published = r.published.isoformat() if r and r.published else ""
        return (published, r.url if r else "", s.position)

    first = min(dev.sentences, key=order)
    r = _report(reports, first.report_id)
    seed = f"{day_date.isoformat()}|{r.url if r else first.text}|{first.position}"
    return day_date.strftime("%Y%m%d") + "-" + hashlib.sha1(seed.encode()).hexdigest()[:8]


def text_key(day_date: date, text: str) -> str:
    """A permalink key for a bullet known only by its text (an imported briefing's)."""
    digest = hashlib.sha1(_norm(text).encode()).hexdigest()[:8]
    return day_date.strftime("%Y%m%d") + "-" + digest


def _disputed(
    dev: Development, lead: Sentence, answers: Mapping[int, Sentence]
) -> tuple[Sentence | None, Sentence | None]:
    """A claim of the development and the denial that answers it, to stand side by side.

    The lead's own answer comes first, then one to another of the development's leading
    sentences, then a disputing sentence found inside the development itself.
    """
    for s in dev.sentences[:5]:
        denial = answers.get(s.id or -1)
        if denial is not None and denial is not lead:
            return s, denial
    return lead, _conflicting(dev, lead)


def _conflicting(dev: Development, lead: Sentence) -> Sentence | None:
    """A sentence of the development that disputes the lead: a denial, or another party's
    figure for the same thing with another value (the same value only corroborates)."""
    lead_figures = {(f.what, f.claimant): (f.low, f.high) for f in lead.figures}
    lead_whats = {f.what for f in lead.figures}
    for s in (s for s in dev.sentences[:6] if s is not lead):
        if s.denial and not lead.denial:
            return s
        for f in s.figures:
            if f.what not in lead_whats or not f.claimant or (f.what, f.claimant) in lead_figures:
                continue
            if all((f.low, f.high) != v for (w, _), v in lead_figures.items() if w == f.what):
                return s
    return None


def analysis_items(
    reports: Sequence[Report], timezone: str = "UTC"
) -> dict[date, list[AnalysisItem]]:
    """Commentary and embedded posts by day: kept apart from the news bullets."""
    out: dict[date, list[AnalysisItem]] = defaultdict(list)
    seen_embeds: set[str] = set()
    for r in reports:
        if r.published is None:
            continue
        day_date = local_date(r.published, timezone)
        if r.kind in (ReportKind.ANALYSIS, ReportKind.OPINION):
            out[day_date].append(
                AnalysisItem(
                    text=_summary(r.text),
                    title=r.title,
                    url=r.url,
                    outlet=r.outlet,
                    author=r.author,
                    report_id=r.id,
                )
            )
        elif r.kind == ReportKind.SOCIAL and not r.embeds:
            embed = Embed(
                author=r.author or r.outlet or "", handle="", date=day_date, text=r.text, url=r.url
            )
            out[day_date].append(
                AnalysisItem(
                    text="",
                    title=r.title,
                    url=r.url,
                    outlet=r.outlet,
                    author=r.author,
                    report_id=r.id,
                    embed=embed,
                )
            )
        for e in r.embeds:
            if e.url in seen_embeds:
                continue
            seen_embeds.add(e.url)
            out[e.date or day_date].append(
                AnalysisItem(
                    text="",
                    title=f"Embedded in {r.outlet or r.title}",
                    url=r.url,
                    outlet=r.outlet,
                    author=e.author,
                    report_id=r.id,
                    embed=e,
                )
            )
    return out


def standfirst(days: Iterable[Day]) -> str:
    """Where things stand: the latest day's two leading developments, in one or two sentences."""
    for day in days:
        if day.bullets:
            leads = [uncredit(b.text, b.outlets) for b in day.bullets[:2]]
            text = " ".join(leads)
            return text if len(text) <= 400 else leads[0]
    return ""


def _summary(text: str, limit: int = 320) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[:limit]
    stop = cut.rfind(". ")
    return cut[: stop + 1] if stop > 80 else cut.rsplit(" ", 1)[0] + "…"


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()
