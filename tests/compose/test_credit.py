from __future__ import annotations

from livebrief.compose.credit import (
    Part,
    credit,
    credit_parts,
    join_names,
    report_outlets,
    sort_outlets,
    uncredit,
)
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
    text, credited = credit(s.text, ["Reuters"], s)
    assert text == s.text and credited == ["Reuters"]


def test_credit_names_only_cited_outlets() -> None:
    # Reuters, Timeline17 LibyaWar: the BBC is the speaker's outlet, Reuters the cited one.
    quote = (
        '"As long as Tripoli, the capital, is stabilized and secure and safe, which it almost is'
        ' now, then Libyans can get on with the process of transition," Guma El-Gamaty told the'
        " BBC."
    )
    s = Sentence(quote, 0, attributions=[Attribution("BBC", "outlet")])
    text, credited = credit(quote, ["Reuters"], s)
    assert text == quote[:-1] + ", Reuters reported." and credited == ["Reuters"]
    # Wikipedia Current Events, 20 March 2022, citing Wales Online
    item = (
        "According to the Daily Express tabloid, a BBC correspondent says that Russian President"
        " Vladimir Putin has “finally agreed” to meet with Ukrainian President Volodymyr"
        " Zelenskyy."
    )
    text, credited = credit(item, ["Wales Online"])
    assert text.endswith("Zelenskyy, Wales Online reported.") and credited == ["Wales Online"]


def test_credit_sees_an_outlet_named_as_a_source_only() -> None:
    told = (
        "Chinese Li Na's trail-blazing French Open triumph has torn down a psychological barrier"
        " for Asian players, the Asian Tennis Federation chief told Reuters Sunday."
    )
    assert credit(told, ["Reuters"]) == (told, ["Reuters"])
    gave = (
        "The person who gave the video to CNN says it was on a cell phone that was confiscated"
        " from a Gadhafi loyalist."
    )
    assert credit(gave, ["CNN"])[0].endswith("loyalist, CNN reported.")
    # the dateline that credited Reuters was stripped: the attribution alone does not count
    stripped = Sentence(
        "A strain of flu never seen before has killed up to 60 people in Mexico.",
        0,
        attributions=[Attribution("Reuters", "outlet")],
    )
    assert credit(stripped.text, ["Reuters"], stripped)[0].endswith("Mexico, Reuters reported.")


def test_credit_folds_into_a_source_the_sentence_already_gives() -> None:
    papers = "Sunday's papers reported that Jackson is 'frantic' to appear at the concert."
    assert credit(papers, ["The Guardian"])[0].endswith("concert, according to The Guardian.")
    passive = "Four civilians are reported to have been killed by the Russian military."
    assert credit(passive, ["Reuters"])[0].endswith("military, Reuters reported.")
    statement = (
        "Iraqi forces raided a Shia mosque overnight, according to a statement from the"
        " interior ministry."
    )
    assert credit(statement, ["The Guardian"])[0].endswith(
        "interior ministry cited by The Guardian."
    )


def test_one_credit_per_run_and_never_after_a_speakers_own_words() -> None:
    # Reuters, Timeline17 LibyaWar, sentences 3-5 of one article as a bullet's parts.
    saif = Part(
        "Libyan leader Muammar Gaddafi's son Saif quickly dismissed the idea of his father"
        " stepping down.",
        ["Reuters"],
    )
    quote = Part(
        "\"We want new blood, that's what we want for Libya's future. But to talk of (Gaddafi)"
        " leaving, that's truly ridiculous,\" he told French news channel BFM TV.",
        ["Reuters"],
    )
    text, credited = credit_parts([saif, quote])
    assert text == f"{saif.text[:-1]}, Reuters reported. {quote.text}"
    assert credited == ["Reuters"]
    # a claim and the denial from the same outlet: credited once, at the end
    claim = Part(
        "Russian authorities report at least four injuries, and say that the shell was fired"
        " from Ukrainian territory.",
        ["Reuters"],
    )
    denial = Part(
        "Ukraine denies firing the missile, instead attributing the strike to an error on"
        " Russia's part.",
        ["Reuters"],
    )
    text, _ = credit_parts([claim, denial])
    assert text.count("Reuters reported") == 1 and text.endswith("part, Reuters reported.")
    other = Part(denial.text, ["Ukrinform"])
    text, credited = credit_parts([claim, other])
    assert "territory, Reuters reported. " in text and text.endswith("Ukrinform reported.")
    assert credited == ["Reuters", "Ukrinform"]


def test_uncredit_removes_what_credit_added() -> None:
    for body, outlets in [
        ("Russian troops entered Kharkiv.", ["Reuters", "CNN"]),
        ('Zelenskyy said "we will defend ourselves."', ["BBC News"]),
        ("Sunday's papers reported that Jackson will appear.", ["The Guardian"]),
        ("Iraqi forces raided a mosque, according to a statement.", ["AFP"]),
    ]:
        assert uncredit(credit(body, outlets)[0], outlets) == body


def test_credit_at_most_three_outlets_and_none_without_outlets() -> None:
    text, credited = credit("A happened.", ["A1", "B1", "C1", "D1"])
    assert credited == ["A1", "B1", "C1"]
    assert credit("A happened.", []) == ("A happened.", [])


def test_report_outlets_prefer_the_cited_sources_of_a_brief() -> None:
    report = demo_reports(1)[0]
    assert report_outlets(report) == report.cited_sources
    report.cited_sources = []
    assert report_outlets(report) == ["Wikipedia Current Events Portal"]


def test_parts_from_the_same_outlets_share_one_credit_however_listed() -> None:
    # BBC, Timeline17 SyrianCrisis: two BBC reports tell the account, another a denial.
    account = Part(
        "Mr Annan, who is due in Syria on Saturday, had said a solution lies in a"
        ' "political settlement".',
        ["BBC", "BBC"],
    )
    answer = Part(
        "The Syrian government denies targeting civilians, but one man from Homs says he was"
        " deliberately shot in the arm and leg by an army patrol.",
        ["BBC"],
    )
    text, credited = credit_parts([account, answer])
    assert text.count("BBC reported") == 1 and text.endswith("patrol, BBC reported.")
    assert credited == ["BBC"]
