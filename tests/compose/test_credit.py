from __future__ import annotations

from livebrief.compose.credit import credit, join_names, report_outlets, sort_outlets
from livebrief.model import Attribution, Sentence
from tests.helpers import demo_reports


def test_join_names() -> None:
    assert join_names([]) == ""
    assert join_names(["AFP"]) == "AFP"
    assert join_names(["AFP", "Reuters"]) == "AFP and Reuters"
    assert join_names(["AFP", "BBC News", "Reuters"]) == "AFP, BBC News and Reuters"


def test_sort_outlets_alphabetical_ignoring_the_and_case() -> None:
    assert sort_outlets(["Reuters", "The Guardian", "AFP", "reuters", "BBC News"]) == [
        "AFP",
        "BBC News",
        "The Guardian",
        "Reuters",
    ]


def test_credit_appends_outlets_before_the_full_stop() -> None:
    text, credited = credit("Russian troops entered Kharkiv.", ["Reuters", "CNN"])
    assert text == "Russian troops entered Kharkiv, Reuters and CNN reported."
    assert credited == ["Reuters", "CNN"]


def test_credit_keeps_a_closing_quotation() -> None:
    text, _ = credit('Zelenskyy said "we will defend ourselves."', ["BBC News"])
    assert text == 'Zelenskyy said "we will defend ourselves," BBC News reported.'


def test_credit_does_not_repeat_an_outlet_the_sentence_names() -> None:
    s = Sentence(
        "Russian forces shelled Kharkiv, Reuters reported.",
        0,
        attributions=[Attribution("Reuters", "outlet")],
    )
    text, credited = credit(s.text, ["Wikipedia"], s)
    assert text == s.text and credited == ["Reuters"]


def test_credit_at_most_three_outlets_and_none_without_outlets() -> None:
    text, credited = credit("A happened.", ["A1", "B1", "C1", "D1"])
    assert credited == ["A1", "B1", "C1"]
    assert credit("A happened.", []) == ("A happened.", [])


def test_report_outlets_prefer_the_cited_sources_of_a_brief() -> None:
    report = demo_reports(1)[0]
    assert report_outlets(report) == report.cited_sources
    report.cited_sources = []
    assert report_outlets(report) == ["Wikipedia Current Events Portal"]
