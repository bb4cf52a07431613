from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from livebrief.eval import rouge, t17
from livebrief.eval.tls import format_table, run_tls

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "tls_fixture"
T17 = Path(__file__).resolve().parents[2].parent / "shared" / "datasets" / "t17"

pytestmark = pytest.mark.filterwarnings("ignore::SyntaxWarning")


@pytest.fixture(scope="module")
def scorer() -> rouge.TimelineScorer:
    return rouge.TimelineScorer()


def test_fixture_topics_keywords_and_timelines() -> None:
    topics, problems = t17.load_topics(FIXTURE)
    assert problems == []
    by_name = {t.name: t for t in topics}
    assert sorted(by_name) == ["libya_wcep", "tohoku_wcep"]
    libya = by_name["libya_wcep"].timelines[0]
    assert libya.name == "reference"
    assert len(libya.dates) == 5
    assert libya.dates[t17.date(2011, 2, 22)][1] == "The Arab League suspends Libya."
    assert round(libya.mean_sentences) == 1
    assert by_name["tohoku_wcep"].keywords == ["Japan", "Fukushima", "tsunami"]


def test_malformed_date_block_is_reported_and_skipped(tmp_path: Path) -> None:
    text = (FIXTURE / "libya_wcep" / "timelines" / "reference.txt").read_text()
    broken = tmp_path / "broken.txt"
    broken.write_text(text.replace("2011-02-20\n", "2011-02-2\n", 1))
    timeline, problems = t17.read_timeline(broken)
    assert len(timeline.dates) == 4
    assert t17.date(2011, 2, 20) not in timeline.dates
    assert len(problems) == 1
    assert "broken.txt:4" in problems[0].item and "'2011-02-2'" in problems[0].reason


def test_topics_json_pools_folders(tmp_path: Path) -> None:
    for name in ("libya_wcep", "tohoku_wcep"):
        shutil.copytree(FIXTURE / name, tmp_path / name)
    (tmp_path / "topics.json").write_text(
        json.dumps({"both": ["libya_wcep", "tohoku_wcep"], "gone": ["missing_folder"]})
    )
    topics, problems = t17.load_topics(tmp_path)
    assert [t.name for t in topics] == ["both"]
    assert len(topics[0].timelines) == 2
    assert [str(p).split("/")[-1] for p in problems] == ["missing_folder: no InputDocs folder"]


def test_reference_scores_one_against_itself(scorer: rouge.TimelineScorer) -> None:
    ref = t17.read_timeline(FIXTURE / "tohoku_wcep" / "timelines" / "reference.txt")[0]
    scores = scorer.score(ref.dates, ref.dates)
    for metric in ("concat", "agreement", "align"):
        for measure in ("rouge_1", "rouge_2"):
            assert scores[metric][measure]["f1"] == pytest.approx(1.0, abs=0.01)
    assert scores["date"]["f1"] == 1.0


def test_empty_and_unrelated_timelines_score_near_zero(scorer: rouge.TimelineScorer) -> None:
    ref = t17.read_timeline(FIXTURE / "tohoku_wcep" / "timelines" / "reference.txt")[0]
    other = t17.read_timeline(FIXTURE / "libya_wcep" / "timelines" / "reference.txt")[0]
    empty = scorer.score({}, ref.dates)
    assert empty["align"]["rouge_1"]["f1"] == 0.0 and empty["date"]["f1"] == 0.0
    unrelated = scorer.score(other.dates, ref.dates)
    assert unrelated["date"]["f1"] == 0.0
    assert unrelated["align"]["rouge_2"]["f1"] < 0.05
    assert unrelated["concat"]["rouge_1"]["f1"] < 0.2


def test_average_takes_f1_of_mean_precision_and_recall() -> None:
    def task(p: float, r: float) -> rouge.Scores:
        s: rouge.Scores = {m: {x: rouge.prf(p, r) for x in rouge.MEASURES} for m in rouge.METRICS}
        s["date"] = rouge.prf(p, r)
        return s

    overall = rouge.average([task(1.0, 0.0), task(0.0, 1.0)])
    assert overall["align"]["rouge_1"]["precision"] == 0.5
    assert overall["align"]["rouge_1"]["f1"] == 0.5  # the mean of per-task F1s would be 0
    assert overall["date"]["recall"] == 0.5


def test_run_tls_on_fixture(tmp_path: Path) -> None:
    out = tmp_path / "result.json"
    messages: list[str] = []
    result = run_tls(FIXTURE, out=out, progress=messages.append)
    assert [t["topic"] for t in result["tasks"]] == ["libya_wcep", "tohoku_wcep"]
    assert len(messages) == 2
    for task in result["tasks"]:
        assert task["dates"] == 5 and len(task["predicted"]) == 5
        assert all(len(s) == task["k"] for s in task["predicted"].values())
        docs = FIXTURE / task["folder"] / "InputDocs"
        ref = t17.read_timeline(FIXTURE / task["folder"] / "timelines" / "reference.txt")[0]
        start, end = ref.start.isoformat(), ref.end.isoformat()
        in_window = [f for d in docs.iterdir() if start <= d.name <= end for f in d.iterdir()]
        assert task["articles"] == len(in_window)
    overall = result["overall"]
    # floors pinned from the first run: they may only move up
    assert overall["date"]["f1"] >= 0.5
    assert overall["align"]["rouge_1"]["f1"] >= 0.15
    assert overall["concat"]["rouge_1"]["f1"] >= 0.2
    saved = json.loads(out.read_text())
    assert saved["overall"] == overall
    table = format_table(result)
    assert "libya_wcep/reference" in table and "overall" in table
    assert result["problems"] == []


def test_the_benchmark_enriches_as_briefings_do(monkeypatch: pytest.MonkeyPatch) -> None:
    import livebrief.enrich.analyze as enrich

    calls: list[int] = []
    real = enrich.analyze_reports

    def counted(reports, story, **kwargs):  # type: ignore[no-untyped-def]
        found = real(reports, story, **kwargs)
        calls.append(sum(len(s.mentions) for ss in found.values() for s in ss))
        return found

    monkeypatch.setattr(enrich, "analyze_reports", counted)
    result = run_tls(FIXTURE, topics=["tohoku_wcep"])
    assert len(calls) == 1 and calls[0] > 0  # entities were tagged
    [task] = result["tasks"]
    assert task["dates"] == 5 and len(task["predicted"]) == 5
    assert result["overall"]["date"]["f1"] >= 0.5
    # dates only: the briefing Enricher is not run, and the same dates are found
    quick = run_tls(FIXTURE, topics=["tohoku_wcep"], dates_only=True)
    assert len(calls) == 1
    assert quick["tasks"][0]["predicted"].keys() == task["predicted"].keys()


def test_unknown_topic_is_a_problem_not_a_crash() -> None:
    result = run_tls(FIXTURE, topics=["tohoku_wcep", "atlantis"])
    assert [t["topic"] for t in result["tasks"]] == ["tohoku_wcep"]
    assert result["problems"] == ["atlantis: no such topic in the dataset"]


@pytest.mark.slow
@pytest.mark.skipif(not T17.is_dir(), reason="Timeline17 not available")
def test_t17_single_topic_beats_floor() -> None:
    result = run_tls(T17, topics=["haiti"])
    assert result["overall"]["date"]["f1"] >= 0.6
    assert result["overall"]["align"]["rouge_1"]["f1"] >= 0.12


def test_timeline_entries_are_cleaned_like_bullets() -> None:
    from datetime import date

    from livebrief.eval.tls import timeline_from
    from livebrief.model import Development, Sentence

    # the lead shortened from a Timeline17 report (CNN, Egypt, January 2011); the rest made up
    day = date(2011, 1, 25)
    lead = Sentence(
        "Cairo, Egypt (CNN) -- Thousands of protesters spilled into the streets of Egypt on "
        "Tuesday, an unprecedented display of anti-government rage.",
        0,
    )
    copy = Sentence(lead.text.replace("Cairo, Egypt (CNN) -- ", ""), 3)
    other = Sentence(
        "But police used tear gas and water cannons to disperse protesters in Cairo.", 1
    )
    developments = [
        Development(date=day, sentences=[lead, copy], report_ids=[1, 2]),
        Development(date=day, sentences=[other], report_ids=[3]),
    ]
    timeline = timeline_from([(day, developments)], 2)
    assert timeline[day] == [
        "Thousands of protesters spilled into the streets of Egypt on Tuesday, an "
        "unprecedented display of anti-government rage.",
        "Police used tear gas and water cannons to disperse protesters in Cairo.",
    ]
    # with room for more, the cleaned copy of the first sentence is not repeated
    assert len(timeline_from([(day, developments)], 3)[day]) == 2
