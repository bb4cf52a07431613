"""Sentence splitting and datelines, on real news text."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from livebrief.enrich.sentences import sentences, split_sentences, strip_dateline
from livebrief.eval.gold_dates_figures import score_sentences

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "data" / "gold" / "sentences.jsonl"
T17 = ROOT.parent / "shared" / "datasets" / "t17"


def gold_items() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]


def test_gold_floor() -> None:
    scores = score_sentences(GOLD)
    assert scores["items"] >= 150
    assert scores["boundary_precision"] >= 0.97
    assert scores["boundary_recall"] >= 0.97
    assert scores["exact"] >= 0.95
    assert scores["dateline_accuracy"] >= 0.95
    assert scores["heldout_exact"] >= 0.93


def test_spans_point_into_the_text() -> None:
    for item in gold_items():
        text = item["text"]
        spans = split_sentences(text)
        assert spans == sorted(spans)
        for a, b in spans:
            assert 0 <= a < b <= len(text)
            assert text[a:b] == text[a:b].strip()
            assert "\n" not in text[a:b]


def test_abbreviations_do_not_end_sentences() -> None:
    # Wikipedia Current Events, 2022-03-06 and 2022-02-26 (demo corpus)
    one = (
        "The Ukrainian military says that it has killed over 11,000 Russian troops since the "
        "invasion began, while Russian Defence Ministry spokesman Maj. Gen. Igor Konashenkov "
        "said on Wednesday that 498 Russian troops had been killed."
    )
    assert sentences(one) == [one]
    two = "Ukrainian Ambassador to the U.S. Oksana Markarova confirms that Russian forces attacked."
    assert sentences(two) == [two]
    text = (
        "Chief Cabinet Secretary Yukio Edano reports that as of 10.22 a.m. local time, radiation "
        "levels of 30 millisieverts per hour were measured between the No. 2 and No. 3 reactors."
    )
    assert sentences(text) == [text]


def test_abbreviation_at_the_end_of_a_sentence() -> None:
    # Grist via Salon (fixture page salon.com.emissions): "U.S." ends one sentence, not the next
    text = (
        "The reason for that decline? The U.S. is burning less coal. That’s been driving down "
        "emissions from electricity generation."
    )
    assert sentences(text) == [
        "The reason for that decline?",
        "The U.S. is burning less coal.",
        "That’s been driving down emissions from electricity generation.",
    ]
    text = "Ukraine and Russia say there are signs of progress in the talks. U.S. Deputy Secretary"
    assert len(sentences(text + " of State Wendy Sherman agrees.")) == 2


def test_quotations_spanning_sentences() -> None:
    # Reuters (fixture page reuters.com.parasite)
    text = (
        "“It was a difficult part,” quipped Pitt of his role. “A guy who gets high, takes his "
        "shirt off and doesn’t get on with his wife. It was a big stretch,” he said to laughter."
    )
    assert sentences(text) == [
        "“It was a difficult part,” quipped Pitt of his role.",
        "“A guy who gets high, takes his shirt off and doesn’t get on with his wife.",
        "It was a big stretch,” he said to laughter.",
    ]
    asked = '"Is it over?" he asked. The talks went on.'
    assert sentences(asked) == ['"Is it over?" he asked.', "The talks went on."]


def test_newlines_are_hard_boundaries() -> None:
    text = "Rebels took the town\nGovernment forces shelled it on Monday."
    assert sentences(text) == ["Rebels took the town", "Government forces shelled it on Monday."]


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("MOSCOW (Reuters) - Russia said on Monday ...", "MOSCOW (Reuters)"),
        ("KYIV, March 3 (AP) — Sirens sounded ...", "KYIV, March 3 (AP)"),
        ("TRIPOLI, Libya -- Rebels said ...", "TRIPOLI, Libya"),
        ("GENEVA -LRB- Reuters -RRB- - An estimated ...", "GENEVA (Reuters)"),
        ("Tripoli, Libya (CNN) -- Forces loyal ...", "Tripoli, Libya (CNN)"),
        ("BP - which is battling to cap a damaged well - says ...", None),
        ("NEW: At least 31 killed in Libya", None),
    ],
)
def test_strip_dateline(text: str, dateline: str | None) -> None:
    found, rest = strip_dateline(text)
    assert found == dateline
    if dateline is None:
        assert rest == text
    else:
        assert rest[0].isupper() and len(rest) < len(text)


def test_dateline_is_left_out_of_the_first_sentence() -> None:
    item = next(i for i in gold_items() if i.get("dateline"))
    assert sentences(item["text"])[0] == item["sentences"][0]
    assert not sentences(item["text"])[0].startswith(item["dateline"])


@pytest.mark.skipif(not T17.is_dir(), reason="Timeline17 not available")
def test_corpus_one_sentence_a_line_comes_back_line_by_line() -> None:
    files = sorted(T17.glob("*/InputDocs/*/*.txt"))[::25]
    same = total = 0
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        lines = [line.strip() for line in text.split("\n") if line.strip()]
        if len(lines) < 8:
            continue
        total += 1
        got = sentences(text)
        same += len(got) == len(lines) and all(
            g in line for g, line in zip(got, lines, strict=True)
        )
    assert total > 50
    assert same / total >= 0.9


def test_empty_and_blank() -> None:
    assert sentences("") == []
    assert sentences("  \n\n ") == []
    assert strip_dateline("") == (None, "")


def test_speed() -> None:
    texts = [item["text"] for item in gold_items()] * 20
    start = time.perf_counter()
    count = sum(len(split_sentences(t)) for t in texts)
    rate = count / (time.perf_counter() - start)
    assert rate > 5_000, f"{rate:.0f} sentences/s"
