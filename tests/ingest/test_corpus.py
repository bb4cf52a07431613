"""Timeline17-style corpus folders: layout, detokenizing, problems, the real T17 tree."""

from __future__ import annotations

import json
import shutil
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from livebrief.ingest.corpus import corpus_keywords, outlet_for_topic, read_corpus
from livebrief.ingest.text import detokenize_ptb
from livebrief.model import Problem, Report

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data" / "corpus"
SAMPLE = DATA / "t17like"
T17 = REPO.parent / "shared" / "datasets" / "t17"
EXPECTED = {
    e["url"]: e for e in map(json.loads, (DATA / "expected.jsonl").read_text("utf-8").splitlines())
}


def split(items: list[Report | Problem]) -> tuple[list[Report], list[Problem]]:
    reports = [i for i in items if isinstance(i, Report)]
    problems = [i for i in items if isinstance(i, Problem)]
    return reports, problems


def test_sample_corpus_round_trips_to_the_original_sentences() -> None:
    reports, problems = split(list(read_corpus(SAMPLE)))
    assert sorted(r.url for r in reports) == sorted(EXPECTED)
    for report in reports:
        expected = EXPECTED[report.url]
        assert report.text.split("\n") == expected["sentences"]
        first = expected["sentences"][0]
        assert report.title == first or (
            len(report.title) <= 120 and first.startswith(report.title.removesuffix("…"))
        )
        day = datetime.fromisoformat(expected["published"]).date()
        assert report.published == datetime(day.year, day.month, day.day, tzinfo=UTC)
    # The timeline file and keywords.json are not articles; the empty article is a problem.
    assert [(Path(p.item).name, p.reason) for p in problems] == [("016.htm.txt", "empty file")]


def test_outlet_comes_from_the_topic_folder_suffix() -> None:
    reports, _ = split(list(read_corpus(SAMPLE)))
    by_topic = {r.url.split("/")[0]: r.outlet for r in reports}
    assert by_topic == {"corpus:wcep_bbc": "BBC", "corpus:wcep_reuters": "Reuters"}
    assert outlet_for_topic("bpoil_washingtonpost") == "The Washington Post"
    assert outlet_for_topic("LibyaWar_reuters") == "Reuters"
    assert outlet_for_topic("bpoil_foxnews") == "Fox News"
    assert outlet_for_topic("H1N1_guardian") == "The Guardian"
    assert outlet_for_topic("EgyptianProtest_cnn") == "CNN"
    assert outlet_for_topic("haiti") is None
    assert outlet_for_topic("quake_localpaper") is None


@pytest.mark.parametrize(
    "sub",
    ["wcep_reuters", "wcep_reuters/InputDocs", "wcep_reuters/InputDocs/2022-03-04"],
)
def test_urls_do_not_depend_on_the_folder_given(sub: str, tmp_path: Path) -> None:
    whole = {r.url for r in read_corpus(SAMPLE) if isinstance(r, Report)}
    part = {r.url for r in read_corpus(SAMPLE / sub) if isinstance(r, Report)}
    assert part and part <= whole
    assert all(u.startswith("corpus:wcep_reuters/") for u in part)
    # Moving the corpus elsewhere keeps the URLs.
    moved = tmp_path / "elsewhere"
    shutil.copytree(SAMPLE, moved)
    assert {r.url for r in read_corpus(moved) if isinstance(r, Report)} == whole


def test_order_is_stable_and_sorted() -> None:
    urls = [r.url for r in read_corpus(SAMPLE) if isinstance(r, Report)]
    assert urls == sorted(urls)
    assert urls == [r.url for r in read_corpus(SAMPLE) if isinstance(r, Report)]


def test_keywords() -> None:
    assert corpus_keywords(SAMPLE / "wcep_reuters") == ["ukraine", "russia"]
    assert corpus_keywords(SAMPLE / "wcep_bbc" / "InputDocs") == ["ukraine", "kyiv"]
    assert corpus_keywords(SAMPLE) == ["ukraine", "kyiv", "russia"]
    assert corpus_keywords(SAMPLE / "wcep_bbc" / "InputDocs" / "2022-03-01") == []


def test_bad_keywords_file_is_reported(tmp_path: Path) -> None:
    (tmp_path / "keywords.json").write_text('{"not": "a list"}', "utf-8")
    problems: list[Problem] = []
    assert corpus_keywords(tmp_path, problems) == []
    assert len(problems) == 1 and "not a JSON list" in problems[0].reason


def test_problems_are_one_line_each_and_the_batch_goes_on(tmp_path: Path) -> None:
    shutil.copytree(SAMPLE / "wcep_bbc", tmp_path / "quake_bbc")
    docs = tmp_path / "quake_bbc" / "InputDocs"
    good = (docs / "2022-03-01" / "000.htm.txt").read_text("utf-8")
    # A cp1252 dash where UTF-8 is expected, after 12 good bytes.
    (docs / "2022-03-01" / "001.htm.txt").write_bytes(b"Kyiv , Kharkiv \x96 shelled . \n")
    (docs / "2022-02-30").mkdir()
    (docs / "2022-02-30" / "002.htm.txt").write_text(good, "utf-8")
    (docs / "2022-03-01" / "003.htm.txt").write_text(" \n\n  \n", "utf-8")
    (docs / "2022-03-01" / "notes.md").write_text("not an article", "utf-8")

    reports, problems = split(list(read_corpus(tmp_path)))
    assert len(reports) == 4
    reasons = {Path(p.item).name: p.reason for p in problems}
    assert reasons == {
        "2022-02-30": "folder name is not a real date",
        "001.htm.txt": "not UTF-8 text (invalid byte at offset 15)",
        "003.htm.txt": "empty file",
        "016.htm.txt": "empty file",
    }
    assert all("\n" not in str(p) for p in problems)


def test_whole_folder_problems(tmp_path: Path) -> None:
    assert list(read_corpus(tmp_path / "missing")) == [
        Problem(str(tmp_path / "missing"), "no such folder")
    ]
    file = tmp_path / "a.txt"
    file.write_text("x", "utf-8")
    assert list(read_corpus(file)) == [Problem(str(file), "not a folder")]
    (tmp_path / "InputDocs").mkdir()
    [problem] = read_corpus(tmp_path / "InputDocs")
    assert problem.reason.startswith("no <YYYY-MM-DD>/<id>.txt article files")


# Individual sentences quoted from Timeline17 files, with their readable form.
T17_LINES = [
    (
        "WASHINGTON , March 19 -LRB- Reuters -RRB- - A U.S. warship launched cruise missiles "
        "against Libya on Saturday , CNN reported , citing defense officials . ",
        "WASHINGTON, March 19 (Reuters) - A U.S. warship launched cruise missiles against Libya "
        "on Saturday, CNN reported, citing defense officials.",
    ),
    (
        "The ruptured well is finally sealed and `` effectively dead '' , says the top US "
        "federal official overseeing the disaster , Coast Guard Adm Thad Allen . ",
        'The ruptured well is finally sealed and "effectively dead", says the top US federal '
        "official overseeing the disaster, Coast Guard Adm Thad Allen.",
    ),
    (
        "Meanwhile , the cost of the oil spill has risen to $ 8bn , BP says - a rise of some "
        "$ 2bn in the past month alone . ",
        "Meanwhile, the cost of the oil spill has risen to $8bn, BP says - a rise of some $2bn "
        "in the past month alone.",
    ),
    (
        "`` It 's still very fluid , there 's still fighting going on , '' Lapan said . ",
        "\"It's still very fluid, there's still fighting going on,\" Lapan said.",
    ),
    (
        "`` Majority -LRB- control of Tripoli -RRB- is safe but I would n't get beyond that , "
        "'' he said . ",
        '"Majority (control of Tripoli) is safe but I wouldn\'t get beyond that," he said.',
    ),
    (
        "And soon Nato forces will have to send in thousands of troops -- again . ",
        "And soon Nato forces will have to send in thousands of troops -- again.",
    ),
]


@pytest.mark.parametrize(("tokenized", "readable"), T17_LINES)
def test_detokenize_real_t17_lines(tokenized: str, readable: str) -> None:
    assert detokenize_ptb(tokenized) == readable


def test_detokenize_keeps_lines_and_drops_blank_ones() -> None:
    text = "First line , here . \n\n  Second `line' -- '' end '' . \r\nThird\\/fourth \\* . "
    assert detokenize_ptb(text) == "First line, here.\nSecond 'line' --\" end\".\nThird/fourth *."
    assert detokenize_ptb("protesters ' demands , ` bad people ' .") == (
        "protesters' demands, 'bad people'."
    )


@pytest.mark.skipif(not T17.is_dir(), reason="Timeline17 not available at ../shared/datasets/t17")
def test_whole_timeline17_tree_reads_fast() -> None:
    start = time.perf_counter()
    items = list(read_corpus(T17))
    elapsed = time.perf_counter() - start
    reports, problems = split(items)
    assert len(items) == sum(1 for _ in T17.glob("*/InputDocs/*/*.txt"))
    assert len(reports) > 4500
    # The empty article files Timeline17 ships, and nothing else.
    empty = {str(p) for p in T17.glob("*/InputDocs/*/*.txt") if not p.read_bytes().strip()}
    assert {p.item for p in problems} == empty
    assert {p.reason for p in problems} == {"empty file"}
    assert len({r.url for r in reports}) == len(reports)
    assert {r.outlet for r in reports} == {
        "BBC",
        "CNN",
        "Fox News",
        "Reuters",
        "The Guardian",
        "The Washington Post",
    }
    assert not any("-LRB-" in r.text or "``" in r.text or " n't" in r.text for r in reports)
    print(f"\nT17: {len(items)} files in {elapsed:.2f} s")
    assert elapsed < 20, f"reading Timeline17 took {elapsed:.1f} s"
