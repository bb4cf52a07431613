"""Compose a briefing's days: ranked, credited, cited bullets; Analysis; a standfirst."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

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
from .credit import credit, join_names, report_outlets, sort_outlets
from .select import BRIEFING, select_developments

ANALYSIS_KINDS = {ReportKind.ANALYSIS, ReportKind.OPINION, ReportKind.SOCIAL}
MAX_CITATIONS = 6
MAX_BULLET_CHARS = 600


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
    embedder: object | None = None,
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
        {rid: sentences[rid] for rid in (r.id for r in news) if rid in sentences},
        keywords=story.keywords,
        per_date=per_day,
        dates=dates,
        embedder=embedder,
        options=BRIEFING,
    )
    days: dict[date, Day] = {}
    for day_date, developments in selected:
        bullets: list[Bullet] = []
        seen_text: set[str] = set()
        for dev in developments:
            if len(bullets) >= per_day:
                break
            bullet = write_bullet(day_date, dev, by_id, sentences, answers)
            if bullet is None or _norm(bullet.text) in seen_text:
                continue
            lead = _norm(dev.sentences[0].text)
            if any(lead in earlier for earlier in seen_text):
                continue  # already told, beside another bullet's claim or as its context
            seen_text.add(_norm(bullet.text))
            bullet.position = len(bullets)
            bullets.append(bullet)
        if bullets:
            days[day_date] = Day(
                date=day_date,
                bullets=bullets,
                outlets=sort_outlets(o for b in bullets for o in b.outlets),
            )
    tz = _zone(story.timezone)
    for day_date, items in analysis_items(reports, tz).items():
        if dates is not None and day_date not in dates:
            continue
        days.setdefault(day_date, Day(date=day_date)).analysis = items
    ordered = [days[d] for d in sorted(days, reverse=True)]
    return Composition(days=ordered, standfirst=standfirst(ordered))


def write_bullet(
    day_date: date,
    dev: Development,
    reports: Mapping[int | None, Report],
    report_sentences: Mapping[int, Sequence[Sentence]] | None = None,
    answers: Mapping[int, Sentence] | None = None,
) -> Bullet | None:
    """One bullet from a development: its best sentence, credited and cited.

    A sentence that leans on the one before it ("The attack…", "They also…") brings that
    sentence along, so that the bullet stands on its own.
    """
    if not dev.sentences:
        return None
    lead = dev.sentences[0]
    text = clean_sentence(lead.text)
    before = _context(lead, report_sentences or {})
    if before is not None:
        text = f"{clean_sentence(before.text)} {text}"
    if not text:
        return None
    cited = [reports[rid] for rid in dict.fromkeys(dev.report_ids) if rid in reports]
    lead_report = reports.get(lead.report_id)
    if lead_report is not None and lead_report in cited:
        cited.remove(lead_report)
        cited.insert(0, lead_report)
    outlets = [o for r in cited for o in report_outlets(r)]
    claim, extra = _disputed(dev, lead, answers or {})
    text, credited = credit(text, outlets, lead)
    if claim is not None and claim is not lead and claim.text not in text:
        claim_report = reports.get(claim.report_id)
        said, claim_credit = credit(
            clean_sentence(claim.text), report_outlets(claim_report) if claim_report else [], claim
        )
        text = f"{text} {said}"
        credited = list(dict.fromkeys([*credited, *claim_credit]))
    if extra is not None and extra.text not in text:
        # the other side's account, credited to its own report
        extra_report = reports.get(extra.report_id)
        extra_outlets = report_outlets(extra_report) if extra_report else []
        answer, answer_credit = credit(clean_sentence(extra.text), extra_outlets, extra)
        text = f"{text} {answer}"
        credited = list(dict.fromkeys([*credited, *answer_credit]))
        if extra_report is not None and extra_report not in cited:
            cited.append(extra_report)
    citations = [
        Citation(report_id=r.id, url=r.url, outlet=r.outlet, title=r.title)
        for r in cited[:MAX_CITATIONS]
    ]
    return Bullet(
        text=text, citations=citations, outlets=credited, key=bullet_key(day_date, dev, reports)
    )


_ANAPHORA = re.compile(
    r"^(?:he|she|it|they|this|these|that|those|his|her|its|their|there|such|the (?:two|three"
    r"|latter|former|same)|the (?:\w+ )?(?:attack|attacks|incident|move|decision|city|town"
    r"|village|plant|group|vessel|ship|strike|blast|explosion|bombing|operation|offensive|talks"
    r"|meeting|agreement|deal|vote|bill|law|ban|plan|statement|announcement|report|case|victims"
    r"|crowd|protest|protests|protesters|company|country|government|ministry|official|officials"
    r"|claim|claims|allegation|allegations|accusation|accusations|charges|reports)"
    r")\b"
    r"|\b(?:also|too|as well|however|meanwhile|further|additionally|later|the attack|the incident"
    r"|the former|the latter)\b",
    re.I,
)
MAX_WITH_CONTEXT = 520


def _context(lead: Sentence, report_sentences: Mapping[int, Sequence[Sentence]]) -> Sentence | None:
    """The sentence before `lead` in its report, when `lead` cannot stand alone."""
    if lead.position == 0 or lead.report_id is None:
        return None
    if not (lead.denial or _ANAPHORA.search(lead.text)):  # a denial answers what came before
        return None
    ordered = report_sentences.get(lead.report_id, ())
    previous = next((s for s in ordered if s.position == lead.position - 1), None)
    if previous is None or len(previous.text) + len(lead.text) > MAX_WITH_CONTEXT:
        return None
    return previous


def bullet_key(day_date: date, dev: Development, reports: Mapping[int | None, Report]) -> str:
    """A permalink key that survives recomposition: the day and the development's first report.

    Reports arriving later join the development without changing its earliest report.
    """

    def order(s: Sentence) -> tuple[str, str, int]:
        r = reports.get(s.report_id)
        published = r.published.isoformat() if r and r.published else ""
        return (published, r.url if r else "", s.position)

    first = min(dev.sentences, key=order)
    r = reports.get(first.report_id)
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
    """A sentence of the development that disputes the lead: a denial, or another party's figure."""
    lead_claimants = {f.claimant for f in lead.figures}
    lead_whats = {f.what for f in lead.figures}
    for s in dev.sentences[1:6]:
        if s.denial and not lead.denial:
            return s
        for f in s.figures:
            if f.what in lead_whats and f.claimant and f.claimant not in lead_claimants:
                return s
    return None


_LEADING = re.compile(r"^(?:and|but|however|meanwhile|also|so|then)\b[,]?\s+", re.I)


def clean_sentence(text: str) -> str:
    """A sentence fit to stand alone as a bullet: trimmed, capitalised, ending with a stop."""
    text = re.sub(r"\s+", " ", text).strip()
    text = _LEADING.sub("", text)
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    if len(text) > MAX_BULLET_CHARS:
        cut = text[:MAX_BULLET_CHARS].rsplit(" ", 1)[0]
        text = cut.rstrip(",;:") + "…"
    if text[-1] not in ".!?\"'”’…":
        text += "."
    return text


def analysis_items(reports: Sequence[Report], tz: ZoneInfo) -> dict[date, list[AnalysisItem]]:
    """Commentary and embedded posts by day: kept apart from the news bullets."""
    out: dict[date, list[AnalysisItem]] = defaultdict(list)
    seen_embeds: set[str] = set()
    for r in reports:
        if r.published is None:
            continue
        day_date = r.published.astimezone(tz).date()
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


def standfirst(days: Sequence[Day]) -> str:
    """Where things stand: the latest day's two leading developments, in one or two sentences."""
    for day in days:
        if day.bullets:
            leads = [_strip_credit(b) for b in day.bullets[:2]]
            text = " ".join(leads)
            return text if len(text) <= 400 else leads[0]
    return ""


def _strip_credit(bullet: Bullet) -> str:
    """The bullet's text without the "…, X reported." credit that compose added."""
    suffix = f", {join_names(bullet.outlets)} reported."
    if bullet.outlets and bullet.text.endswith(suffix):
        return bullet.text[: -len(suffix)] + "."
    return bullet.text


def _summary(text: str, limit: int = 320) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[:limit]
    stop = cut.rfind(". ")
    return cut[: stop + 1] if stop > 80 else cut.rsplit(" ", 1)[0] + "…"


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except Exception:  # an unknown zone name falls back to UTC rather than failing a build
        return ZoneInfo("UTC")
