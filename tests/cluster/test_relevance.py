from __future__ import annotations

from livebrief.cluster.relevance import expand_keywords, report_relevance, word_counts
from livebrief.cluster.vectors import tokens
from livebrief.model import Report, Sentence

# Two sentences quoted from Timeline17 (bpoil_reuters), where the keyword is "bpoil".
BP_SENTENCES = [
    "BP said on Monday it had spent $ 3.5 billion on the oil spill response so far.",
    "The oil giant's shares fell in London as BP struggled to cap the leaking well.",
]


def test_camel_case_keyword_is_split_into_words_the_corpus_uses(
    libya: tuple[list[Report], dict[int, list[Sentence]]],
) -> None:
    reports, _ = libya
    vocabulary = word_counts(tokens(line) for r in reports for line in r.text.splitlines())
    matcher = expand_keywords(["LibyaWar"], vocabulary)
    assert matcher.terms == ("libya", "war")
    assert matcher.matches(tokens("Libyan warplanes bombed protesters."))
    assert matcher.matches(tokens("Peru cut ties with Libya."))
    assert not matcher.matches(tokens("Oil prices reached a two-year high."))


def test_adjective_keyword_matches_the_country_name() -> None:
    vocabulary = word_counts([tokens("Syrian forces shelled Homs."), tokens("Syria denied it.")])
    matcher = expand_keywords(["SyrianCrisis"], vocabulary)
    assert matcher.matches(tokens("Syria denied it."))
    assert matcher.matches(tokens("The UN envoy arrived in Syria on Monday."))  # unseen text
    assert not matcher.matches(tokens("Protesters gathered in Cairo."))


def test_compound_keyword_is_split_on_known_words() -> None:
    matcher = expand_keywords(["bpoil"], word_counts(tokens(s) for s in BP_SENTENCES))
    assert matcher.terms == ("bp", "oil")
    assert all(matcher.matches(tokens(s)) for s in BP_SENTENCES)


def test_report_relevance_weights_the_lead() -> None:
    assert report_relevance([True, False, False, False, False, False]) == 2 / 11
    assert report_relevance([False] * 5 + [True]) == 1 / 11
    assert report_relevance([]) == 0.0
