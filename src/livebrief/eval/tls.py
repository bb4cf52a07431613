"""Timeline summarization benchmark (`livebrief eval tls`) in the standard protocol.

For each reference timeline (a task) of a Timeline17-layout dataset: take the topic's
articles published inside the timeline's window, select as many dates as the reference
has with k = round(mean reference sentences per date) sentences each, using the same
`select_developments` that composes briefings, and score with tilse (concat, agreement,
align+ m:1 ROUGE-1/2, date F1). Precision and recall are averaged over tasks, then F1.
"""

from __future__ import annotations

import json
import resource
import time
from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from livebrief.compose.clean import clean_sentence
from livebrief.compose.select import Embedder, select_developments
from livebrief.eval import rouge, t17
from livebrief.model import Development, Problem, Report, Sentence

Progress = Callable[[str], None]


def analyze(reports: Sequence[Report]) -> dict[int, list[Sentence]]:
    """Sentences of each report with their event dates, keyed by report id."""
    from livebrief.enrich.dates import sentence_dates
    from livebrief.enrich.sentences import sentences as split
    from livebrief.enrich.sentences import strip_dateline

    out: dict[int, list[Sentence]] = {}
    for report in reports:
        if report.id is None or report.published is None:
            continue
        _dateline, body = strip_dateline(report.text)
        out[report.id] = []
        for i, text in enumerate(split(body)):
            event, references = sentence_dates(text, report.published, "UTC")
            out[report.id].append(
                Sentence(
                    text=text,
                    position=i,
                    report_id=report.id,
                    event=event,
                    references=references,
                )
            )
    return out


def timeline_from(
    selected: Sequence[tuple[date, Sequence[Development]]], k: int
) -> dict[date, list[str]]:
    """k sentences per date: the best sentence of each development in rank order, then
    further sentences of the top developments, each cleaned as a bullet's would be
    (datelines, bylines and a leading "But" off)."""
    timeline: dict[date, list[str]] = {}
    for day, developments in selected:
        texts: list[str] = []
        depth = 0
        while len(texts) < k and any(depth < len(d.sentences) for d in developments):
            for dev in developments:
                if depth < len(dev.sentences) and len(texts) < k:
                    text = clean_sentence(dev.sentences[depth].text)
                    if text not in texts:
                        texts.append(text)
            depth += 1
        if texts:
            timeline[day] = texts
    return timeline


def _window(reports: Sequence[Report], start: date, end: date) -> list[Report]:
    return [r for r in reports if r.published is not None and start <= r.published.date() <= end]


def _days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def run_task(
    reports: Sequence[Report],
    sentences: Mapping[int, Sequence[Sentence]],
    keywords: Sequence[str],
    reference: t17.Timeline,
    scorer: rouge.TimelineScorer,
    embedder: Embedder | None = None,
) -> dict[str, Any]:
    """Predict and score one reference timeline."""
    started = time.perf_counter()
    window = _window(reports, reference.start, reference.end)
    k = max(1, round(reference.mean_sentences))
    selected = select_developments(
        window,
        sentences,
        keywords=keywords,
        n_dates=len(reference.dates),
        per_date=k,
        dates=_days(reference.start, reference.end),
        embedder=embedder,
    )
    predicted = timeline_from(selected, k)
    scores = scorer.score(predicted, reference.dates)
    return {
        "timeline": reference.name,
        "folder": reference.folder,
        "articles": len(window),
        "dates": len(reference.dates),
        "k": k,
        **scores,
        "seconds": round(time.perf_counter() - started, 2),
        "predicted": {d.isoformat(): s for d, s in sorted(predicted.items())},
    }


def _enrich(
    reports: Sequence[Report], name: str, keywords: Sequence[str]
) -> dict[int, list[Sentence]]:
    from livebrief.enrich.analyze import analyze_reports
    from livebrief.model import Story

    return analyze_reports(reports, Story(name, name, keywords=list(keywords)))


def _peak_memory_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round(max(own, children) / 1024, 1)


def run_tls(
    dataset: Path,
    *,
    out: Path | None = None,
    topics: list[str] | None = None,
    progress: Progress | None = None,
    embedder: Embedder | None = None,
    reader: t17.Reader | None = None,
    dates_only: bool = False,
) -> dict[str, Any]:
    """Run the benchmark on a Timeline17-layout dataset; write the result JSON to `out`.

    Reports are enriched by the Enricher that briefings use (entities and figures, which
    grouping and ranking read, included). `dates_only` gives them sentences and event dates
    only (`analyze`): a run a few times faster, for trying changes to date ranking.
    """
    if reader is None:
        from livebrief.ingest.corpus import read_corpus

        reader = read_corpus
    say = progress or (lambda _message: None)
    started = time.perf_counter()
    all_topics, problems = t17.load_topics(dataset)
    if topics:
        unknown = sorted(set(topics) - {t.name for t in all_topics})
        problems.extend(Problem(name, "no such topic in the dataset") for name in unknown)
        all_topics = [t for t in all_topics if t.name in topics]
    scorer = rouge.TimelineScorer()
    tasks: list[dict[str, Any]] = []
    for topic in all_topics:
        if not topic.timelines:
            problems.append(Problem(topic.name, "no reference timeline"))
            continue
        reports, read_problems = t17.topic_reports(topic, reader)
        problems.extend(read_problems)
        sentences = analyze(reports) if dates_only else _enrich(reports, topic.name, topic.keywords)
        for reference in topic.timelines:
            task = {
                "topic": topic.name,
                **run_task(reports, sentences, topic.keywords, reference, scorer, embedder),
            }
            tasks.append(task)
            say(
                f"{topic.name}/{reference.name}: AR-1 {task['align']['rouge_1']['f1']:.3f} "
                f"AR-2 {task['align']['rouge_2']['f1']:.3f} date {task['date']['f1']:.3f} "
                f"({task['seconds']:.1f} s)"
            )
    result: dict[str, Any] = {
        "dataset": str(dataset),
        "overall": rouge.average(tasks),
        "tasks": tasks,
        "problems": [str(p) for p in problems],
        "seconds": round(time.perf_counter() - started, 1),
        "peak_memory_mb": _peak_memory_mb(),
    }
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    return result


def format_table(result: Mapping[str, Any]) -> str:
    """A per-task table and the overall scores, as plain text."""
    header = (
        f"{'task':<34} {'docs':>5} {'T':>4} {'k':>2}  "
        f"{'AR-1':>5} {'AR-2':>5} {'date':>5}  {'C-1':>5} {'C-2':>5}  {'Ag-1':>5} {'Ag-2':>5} "
        f"{'sec':>6}"
    )
    lines = [header, "-" * len(header)]

    def row(name: str, s: Mapping[str, Any], docs: str, dates: str, k: str, sec: str) -> str:
        return (
            f"{name:<34} {docs:>5} {dates:>4} {k:>2}  "
            f"{s['align']['rouge_1']['f1']:5.3f} {s['align']['rouge_2']['f1']:5.3f} "
            f"{s['date']['f1']:5.3f}  "
            f"{s['concat']['rouge_1']['f1']:5.3f} {s['concat']['rouge_2']['f1']:5.3f}  "
            f"{s['agreement']['rouge_1']['f1']:5.3f} {s['agreement']['rouge_2']['f1']:5.3f} "
            f"{sec:>6}"
        )

    for task in result.get("tasks", []):
        name = f"{task['topic']}/{task['timeline']}"[:34]
        lines.append(
            row(
                name,
                task,
                str(task["articles"]),
                str(task["dates"]),
                str(task["k"]),
                f"{task['seconds']:.1f}",
            )
        )
    lines.append("-" * len(header))
    lines.append(row("overall (F1 of mean P, R)", result["overall"], "", "", "", ""))
    lines.append(
        f"{len(result.get('tasks', []))} tasks, {result.get('seconds', 0)} s, "
        f"peak memory {result.get('peak_memory_mb', 0)} MB"
    )
    return "\n".join(lines)
