"""People, places and organisations in real sentences, linked per story; the gold-set gate."""

from __future__ import annotations

from pathlib import Path

import pytest

from livebrief.enrich.entities import EntityIndex, EntityTagger, gazetteer_has, link_all
from livebrief.eval.gold_attribution import score_entities
from livebrief.model import Mention, Span

GOLD = Path(__file__).resolve().parents[1] / "data" / "gold" / "entities.jsonl"


@pytest.fixture(scope="module")
def tagger() -> EntityTagger:
    return EntityTagger()


def _mention(text: str, label: str) -> Mention:
    return Mention(text=text, label=label, span=Span(0, len(text), text))


def _labels(tagger: EntityTagger, sentence: str) -> list[tuple[str, str]]:
    [mentions] = tagger.tag([sentence])
    return [(m.text, m.label) for m in mentions]


def test_tag_ptb_sentence_with_spans(tagger: EntityTagger):
    # Timeline17, LibyaWar_reuters, as published
    s = (
        "Libyan leader Muammar Gaddafi 's forces shelled the city of Misrata on Sunday , "
        "the U.N. said ."
    )
    [mentions] = tagger.tag([s])
    found = {(m.text, m.label) for m in mentions}
    assert ("Muammar Gaddafi", "PERSON") in found
    assert ("Misrata", "PLACE") in found
    for m in mentions:
        assert s[m.span.start : m.span.end] == m.span.text == m.text


def test_titles_and_articles_are_not_part_of_names(tagger: EntityTagger):
    found = _labels(
        tagger,
        "The singer's personal physician Dr Conrad Murray has been convicted of involuntary "
        "manslaughter.",
    )
    assert ("Conrad Murray", "PERSON") in found


def test_towns_tagged_as_people_are_corrected(tagger: EntityTagger):
    # Timeline17, LibyaWar_reuters: the model alone calls these towns PERSON
    found = _labels(
        tagger,
        "Libyan rebels said they had captured part of the oil town of Brega on Thursday .",
    )
    assert ("Brega", "PLACE") in found
    found = _labels(
        tagger,
        "Kanshil estimated loyalist forces in Bani Walid at around 600 men , more than "
        "previous estimates .",
    )
    assert ("Bani Walid", "PLACE") in found


def test_a_city_that_speaks_is_an_organisation(tagger: EntityTagger):
    assert _labels(
        tagger, "Washington says it has seen no evidence of civilian casualties of the bombing ."
    ) == [("Washington", "ORG")]
    found = _labels(tagger, "A rebel spokesman in Misrata said pro-Gaddafi forces had shelled it .")
    assert ("Misrata", "PLACE") in found


def test_empty_and_nameless_sentences(tagger: EntityTagger):
    assert tagger.tag([]) == []
    assert tagger.tag(["", "there were no names in this one at all."]) == [[], []]


def test_gazetteer():
    assert gazetteer_has("Misrata") and gazetteer_has("Kyiv") and gazetteer_has("Libya")
    assert not gazetteer_has("Gaddafi")


def test_index_links_surnames_spellings_and_acronyms():
    index = EntityIndex()
    names = [
        index.link(_mention(t, lab))
        for t, lab in [
            ("Muammar Gaddafi", "PERSON"),
            ("Gadhafi", "PERSON"),
            ("Qaddafi", "PERSON"),
            ("Colonel Gaddafi", "PERSON"),
            ("Saif al-Islam Gaddafi", "PERSON"),
            ("World Health Organization", "ORG"),
            ("WHO", "ORG"),
            ("Kiev", "PLACE"),
            ("Kyiv", "PLACE"),
            ("the Kremlin", "ORG"),
            ("Misurata", "PLACE"),
            ("Misrata", "PLACE"),
        ]
    ]
    assert names[:4] == ["Muammar Gaddafi"] * 4
    assert names[4] == "Saif al-Islam Gaddafi"
    assert names[5:7] == ["World Health Organization"] * 2
    assert names[7:9] == ["Kyiv", "Kyiv"]
    assert names[9] == "Kremlin"
    assert names[10:] == ["Misrata", "Misrata"]


def test_short_form_first_is_absorbed_by_the_full_name():
    index = link_all(
        [_mention("Jalil", "PERSON"), _mention("NTC", "ORG")]
        + [
            _mention("Mustafa Abdel Jalil", "PERSON"),
            _mention("National Transitional Council", "ORG"),
        ]
    )
    assert index.resolve("Jalil") == "Mustafa Abdel Jalil"
    assert index.resolve("NTC") == "National Transitional Council"
    entities = {e.name: e for e in index.entities()}
    assert entities["Mustafa Abdel Jalil"].mentions == 2
    assert "Jalil" in entities["Mustafa Abdel Jalil"].aliases


def test_different_people_stay_apart():
    index = link_all(
        [
            _mention("Michael Jackson", "PERSON"),
            _mention("Joe Jackson", "PERSON"),
            _mention("Mali", "PLACE"),
        ]
        + [_mention("Malta", "PLACE"), _mention("Iraq", "PLACE"), _mention("Iran", "PLACE")]
    )
    assert len(index.entities()) == 6
    mention = _mention("Jackson", "PERSON")
    index.link(mention)
    index.link(_mention("Michael Jackson", "PERSON"))
    assert mention.entity == "Michael Jackson"  # the one with the most mentions


def test_gold_entities_floors():
    scores = score_entities(GOLD)
    assert scores["mention_precision"] >= 0.80
    assert scores["mention_recall"] >= 0.80
    assert scores["links"] >= 100
    assert scores["link_accuracy"] >= 0.97


def test_a_patronymic_is_another_person(tagger: EntityTagger):
    # Wikipedia Current Events, 2011-08-31 (demo corpus)
    s = (
        "Tripoli doctor Gassem Baruni tells the Associated Press that Colonel Muammar "
        "Gaddafi's daughter Hana Moammar Gadafi - thought to have been killed in 1986 US "
        "airstrikes - worked for him as a surgeon before she disappeared on August 25."
    )
    [mentions] = tagger.tag([s])
    index = link_all([_mention("Muammar Gaddafi", "PERSON"), _mention("Gaddafi", "PERSON")])
    linked = {m.text: index.link(m) for m in mentions if m.label == "PERSON"}
    assert linked.get("Hana Moammar Gadafi") == "Hana Moammar Gadafi"
    assert index.resolve("Gaddafi", "PERSON") == "Muammar Gaddafi"


def test_nationalities_are_not_places(tagger: EntityTagger):
    s = (
        "It is the largest loss of life for Ukrainian forces in a single attack since the "
        "invasion began."
    )
    assert ("Ukrainian", "PLACE") not in _labels(tagger, s)
