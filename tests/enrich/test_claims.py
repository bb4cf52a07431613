"""Denials in real sentences, their links to the claims they answer; the gold-set gate."""

from __future__ import annotations

from pathlib import Path

import pytest

from livebrief.enrich.claims import denial_cue, is_denial, link_denials
from livebrief.eval.gold_attribution import score_denials
from livebrief.model import Attribution, Sentence

GOLD = Path(__file__).resolve().parents[1] / "data" / "gold" / "denials.jsonl"


@pytest.mark.parametrize(
    "sentence",
    [
        "Both Libya and Venezuela denied reports that Gaddafi had fled to the South American "
        "country ruled by his friend and fellow revolutionary President Hugo Chavez.",
        "The companies rejected the accusations.",
        "Halliburton has denied the claims , saying the tests were invalid as they were on a "
        "different kind of cement .",
        "Libyan forces claim to have hit a NATO warship near Misrata, but NATO dismisses this as "
        'a "fabrication."',
        "The ministry held a press conference denying the `` baseless rumor '' .",
        "Dr Murray , 58 , who denies the charge , could face four years in jail .",
        'Ukraine disputes the claim as "fake news".',
        "A Labor MP , Lynne Jones , said any attempt to suggest that it was a response to the "
        "September 11 attacks was `` absolute nonsense '' .",
    ],
)
def test_denials(sentence: str):
    assert is_denial(sentence)
    assert denial_cue(sentence) is not None


@pytest.mark.parametrize(
    "sentence",
    [
        "Most international journalists have been denied entry into Syria .",
        "His request to call the U.S. embassy was denied .",
        "Senate Majority Leader Harry Reid has rejected a proposed cap of $10 billion for oil "
        'companies to cover damages from oil spills as "inadequate."',
        "We had a scare with this a few years in the UK when a plane landed and they thought "
        "someone had the disease (luckily it was a false alarm).",
        "Zintan lies about 90 miles southwest of the capital, Tripoli.",
        "However , reports that the attorney warned Mr Blair have not been denied by the "
        "government .",
        "Syrian President Bashar al-Assad said nobody can deny the seriousness of these plots.",
        "",
    ],
)
def test_not_denials(sentence: str):
    assert not is_denial(sentence)


def test_link_denial_to_claim_across_reports():
    # Wikipedia Current Events items of several days (demo corpus), in date order
    sentences = [
        Sentence(
            "Russian Ground Forces say that they have captured the Black Sea port of Kherson.", 0
        ),
        Sentence(
            "The governor of Luhansk Oblast, Serhiy Haidai, reports that all hospitals in the "
            "province have been completely destroyed by the Russian Armed Forces.",
            1,
        ),
        Sentence("Russia denies the claim, accusing Ukraine of destroying their own hospitals.", 2),
        Sentence(
            "The Russian Defence Ministry says Russian Ground Forces have captured the "
            "Zaporizhzhia Nuclear Power Plant in Zaporizhzhia Oblast.",
            3,
        ),
        Sentence(
            "However, Ukraine denies that the power plant has been seized by Russian forces.", 4
        ),
    ]
    links = {d: c for d, c, _ in link_denials(sentences)}
    assert links == {2: 1, 4: 3}
    assert all(score > 0 for *_, score in link_denials(sentences))


def test_a_party_does_not_deny_itself():
    sentences = [
        Sentence("BP said the cap was holding.", 0, attributions=[Attribution("BP", "speaker")]),
        Sentence(
            "Engineers said the cap was leaking.",
            1,
            attributions=[Attribution("engineers", "speaker")],
        ),
        Sentence("BP denied the cap was leaking.", 2, attributions=[Attribution("BP", "speaker")]),
    ]
    assert [(d, c) for d, c, _ in link_denials(sentences)] == [(2, 1)]


def test_no_denial_no_link():
    assert link_denials([Sentence("The storm hit the coast.", 0), Sentence("Rain fell.", 1)]) == []
    assert link_denials([]) == []


def test_gold_denials_floors():
    scores = score_denials(GOLD)
    assert scores["denial_precision"] >= 0.92
    assert scores["denial_recall"] >= 0.93
    assert scores["links"] >= 30
    assert scores["link_accuracy"] >= 0.68
