"""Quotes and their speakers in real sentences; the gold-set gate."""

from __future__ import annotations

from pathlib import Path

from livebrief.enrich.attribution import attribute
from livebrief.enrich.outlets import OutletRegistry
from livebrief.enrich.quotes import find_quotes
from livebrief.eval.gold_attribution import score_quotes

GOLD = Path(__file__).resolve().parents[1] / "data" / "gold" / "quotes.jsonl"


def _pairs(sentence: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in find_quotes(sentence)]


def test_ptb_quote_with_speaker_and_span():
    # Timeline17, H1N1_reuters, as published (PTB tokens)
    s = (
        "`` We need to react in real time to a growing crisis that is hurting people in "
        "developing countries , '' World Bank President Robert B. Zoellick said in a statement ."
    )
    [quote] = find_quotes(s)
    assert quote.text == (
        "We need to react in real time to a growing crisis that is hurting people in "
        "developing countries"
    )
    assert quote.speaker == "World Bank President Robert B. Zoellick"
    assert quote.span is not None
    assert s[quote.span.start : quote.span.end] == quote.span.text
    assert quote.span.text.startswith("We need") and quote.span.text.endswith("countries")


def test_curly_quotes_inverted_speaker():
    s = (
        "“We do not see any roadblocks for the remaining transition,” says Di Li, the chief "
        "scientist of FAST."
    )
    assert _pairs(s) == [("We do not see any roadblocks for the remaining transition", "Di Li")]


def test_pronoun_speaker_is_none():
    s = "“A successful review will definitely help,” he says."
    assert _pairs(s) == [("A successful review will definitely help", None)]


def test_quote_open_at_the_end_runs_on():
    s = (
        "JLS singer Ortise Williams, who lost relatives in the 12 January earthquake, said: "
        '"The tragedy is very close to my heart.'
    )
    assert _pairs(s) == [("The tragedy is very close to my heart.", "JLS singer Ortise Williams")]


def test_quote_closed_without_opening_runs_from_the_start():
    s = "Mrs Jackson and the children will be very visible . ''"
    assert _pairs(s) == [("Mrs Jackson and the children will be very visible.", None)]


def test_partial_quote_and_terms():
    s = (
        "Mr Annan himself has said the Security Council 's decision to deploy 300 unarmed UN "
        "monitors is `` a pivotal moment in the stabilisation of the country '' ."
    )
    assert _pairs(s) == [("a pivotal moment in the stabilisation of the country", "Mr Annan")]
    s = (
        "Android devices face a slew of threats: A new recent breed of Android malware, dubbed "
        "“Agent Smith,” has infected 25 million handsets, researchers have said."
    )
    assert _pairs(s) == [("Agent Smith", None)]


def test_speaker_from_given_attributions():
    registry = OutletRegistry()
    s = '"He (Gadhafi) doesn\'t want us to sell the oil," Bani said.'
    assert [q.speaker for q in find_quotes(s, attribute(s, registry))] == ["Bani"]
    assert [q.speaker for q in find_quotes(s, [])] == [None]


def test_apostrophes_are_not_quotes():
    s = "The victims’ families said the company’s account was wrong and don't trust it."
    assert find_quotes(s) == []
    assert find_quotes("") == []


def test_gold_quotes_floors():
    scores = score_quotes(GOLD)
    assert scores["quote_precision"] >= 0.97
    assert scores["quote_recall"] >= 0.97
    assert scores["speaker_accuracy"] >= 0.90
