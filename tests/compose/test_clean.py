"""Cleaning rules, each on real sentences.

Sentences are quoted from Timeline17 articles (the stored text of one sentence each, as
the enricher split it: page furniture and splitting faults included) and from the bundled
Wikipedia Current Events corpus.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from livebrief.compose.clean import (
    boilerplate,
    close_quote,
    leans_back,
    quote_balance,
    same_content,
    standalone_span,
    strip_furniture,
    unusable,
)
from livebrief.model import Mention, Report, Sentence, Span


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        (  # CNN highlights glued before the dateline
            "Libyan official says commercial and military areas were struck NATO says its attack"
            ' struck eight of Gadhafi\'s warships Libyan spokesman calls Obama "delusional"'
            " Tripoli, Libya (CNN) -- NATO aircraft targeted warships overnight, striking eight"
            " of Libyan leader Moammar Gadhafi's vessels in Tripoli's seaport, the organization"
            " said Friday morning.",
            "NATO aircraft targeted warships overnight, striking eight of Libyan leader Moammar"
            " Gadhafi's vessels in Tripoli's seaport, the organization said Friday morning.",
        ),
        (  # Reuters byline line and dateline
            "MEXICO CITY | Fri Apr 24, 2009 7:50 pm EDT MEXICO CITY (Reuters) - A strain of flu"
            " never seen before has killed up to 60 people in Mexico and also appeared in the"
            " United States, where eight people were infected but recovered, health officials"
            " said on Friday.",
            "A strain of flu never seen before has killed up to 60 people in Mexico and also"
            " appeared in the United States, where eight people were infected but recovered,"
            " health officials said on Friday.",
        ),
        (  # a dateline without an outlet, after page links
            '" This Story: Read + | Watch + | Talk + | REYKJAVIK, Iceland, Oct. 9 -- The bad'
            " news just keeps coming for Icelanders, who in the last week have seen the"
            " international financial empire that they built on this remote North Atlantic"
            " island start to crumble, piece by piece.",
            "The bad news just keeps coming for Icelanders, who in the last week have seen the"
            " international financial empire that they built on this remote North Atlantic"
            " island start to crumble, piece by piece.",
        ),
        (  # headline and standfirst glued to the first sentence
            "Haiti earthquake: many feared dead The earthquake is the worst to hit Haiti in 200"
            " years There are reports of a substantial number of deaths in Haiti after"
            " Tuesday's devastating earthquake.",
            "There are reports of a substantial number of deaths in Haiti after Tuesday's"
            " devastating earthquake.",
        ),
        (  # headline and time stamp
            "Soldier wins first VC since Falklands Friday 18 March 2005 12.47 GMT Private"
            " Johnson Beharry, 25, awarded the Victoria Cross for bravery under fire in Iraq.",
            "Private Johnson Beharry, 25, awarded the Victoria Cross for bravery under fire in"
            " Iraq.",
        ),
        (  # a photo credit
            "Photograph: Jeremy Horner/Corbis BP failed to observe proper environmental safety"
            " procedures during construction of an oil pipeline in Colombia, according to"
            " allegations in a case lodged by a group of farmers at the high court in London.",
            "BP failed to observe proper environmental safety procedures during construction of"
            " an oil pipeline in Colombia, according to allegations in a case lodged by a group"
            " of farmers at the high court in London.",
        ),
        (  # timeline-style date labels
            "March 19 - The first air strikes halt the advance of Gaddafi's forces on Benghazi"
            " and target Libya's air defenses.",
            "The first air strikes halt the advance of Gaddafi's forces on Benghazi and target"
            " Libya's air defenses.",
        ),
        (
            "11 January 2011 Dr Murray is ordered to stand trial for involuntary manslaughter.",
            "Dr Murray is ordered to stand trial for involuntary manslaughter.",
        ),
        (  # a caption glued before the sentence
            "The prosecution said Murray had caused Jackson's death through negligence His"
            " comments echoed a similar interview given to the US breakfast television show Today"
            " earlier this week.",
            "His comments echoed a similar interview given to the US breakfast television show"
            " Today earlier this week.",
        ),
        (  # nothing to strip: a name after "The" is no glued headline
            "Ukrainian Deputy Prime Minister Iryna Vereshchuk calls for Russia to withdraw from"
            " the Chernobyl Exclusion Zone, The Guardian and Reuters reported.",
            "Ukrainian Deputy Prime Minister Iryna Vereshchuk calls for Russia to withdraw from"
            " the Chernobyl Exclusion Zone, The Guardian and Reuters reported.",
        ),
    ],
)
def test_strip_furniture(raw: str, clean: str) -> None:
    assert strip_furniture(raw) == clean


@pytest.mark.parametrize(
    "text",
    [
        "And he claimed that he took a stand two years ago to rein them in.",
        'In an audio tape released on March 12, he said that "ousting these regimes is not the'
        ' end in making a change."',
        '"It has to carry out its role today, which means to prevent Gadhafi from using heavy'
        ' weapons to bombard the population."',  # a bare quotation: the speaker is elsewhere
        "But to talk of (Gaddafi) leaving, that's truly ridiculous,\" he told French news"
        " channel BFM TV.",  # the end of a quotation, and "he"
        "\"We want new blood, that's what we want for Libya's future.",  # opened, no speaker
        "Several protesters are arrested.",  # who? where?
        "The conditions include a ceasefire and Russian withdrawal if Ukraine abandons all"
        " attempts of joining NATO and accepts limits on its armed forces.",
        "During the ceremony, Ukrainian President Volodymyr Zelenskyy makes a video appearance"
        " and delivers a pre-taped speech urging viewers to support his country during the"
        ' invasion in "any way" they can.',
        'Russia also says it suspended operations in Kyiv as a "goodwill gesture" in order to'
        " promote peace talks.",
        "'But another recurring theme is the issue of British foreign policy, especially in the"
        " context of the Middle East peace process and Iraq.",
    ],
)
def test_sentences_that_lean_on_the_one_before(text: str) -> None:
    assert leans_back(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ukrainian forces recapture Bucha, Kyiv Oblast, from Russian troops.",
        "It is announced that Russian and Belarusian athletes will be banned from participating"
        " in the 2022 Boston Marathon due to the invasion.",
        "Earlier on Friday the Pope visited the monastery where Martin Luther lived before"
        ' launching the Reformation, and warned his Lutheran hosts that "a new form of'
        ' Christianity" posed challenges to mainline Protestants and Catholics alike.',
        "The UK government on Thursday sought to play down fears expressed by some senior"
        ' political and diplomatic figures of "anti-British rhetoric" in the US.',
        '"It was seen more as a lapse in risk management," said Aneesh Prabhu, an analyst at'
        ' S&P, which lowered its credit rating for Constellation to "BBB" on Aug. 13.',
        "There are reports of a substantial number of deaths in Haiti after Tuesday's"
        " devastating earthquake.",
        "The body of Reuters journalist Maks Levin is found in the town of Huta Mezhyhirska,"
        " near Kyiv.",
        "The city council of Mariupol says that Russian Armed Forces have forcefully deported"
        ' "several thousand" people to camps and remote cities in Russia.',
        "Two Ukrainian negotiators as well as sanctioned Russian oligarch Roman Abramovich are"
        " reported to have fallen victim to suspected poisoning during peace talks on the"
        " Belarus–Ukraine border earlier this month.",
        "The United Kingdom says it is doubling the number of missiles it is sending to Ukraine,"
        " and is also sending £30 million to help Ukraine pay the wages of its soldiers.",
        "Ukrainian Deputy Prime Minister Iryna Vereshchuk says that Ukraine has sent buses to"
        " Mariupol in an effort to evacuate citizens from the city.",
    ],
)
def test_sentences_that_stand_alone(text: str) -> None:
    assert not leans_back(text)


def test_quotation_marks_and_apostrophes() -> None:
    assert quote_balance("\"We want new blood, that's what we want for Libya's future.") == 1
    assert quote_balance("But to talk of (Gaddafi) leaving, that's truly ridiculous,\" he told") < 0
    assert quote_balance("Sunday's papers reported that Jackson is 'frantic' to appear.") == 0
    assert (
        quote_balance(
            "'Colleagues have flagged up some of the potential underlying causes of extremism"
            " that can affect the Muslim community, such as discrimination, disadvantage and"
            " exclusion,' the letter says."
        )
        == 0
    )
    assert close_quote('"We are acting today to end the legal paralysis') == (
        '"We are acting today to end the legal paralysis."'
    )


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Views expressed in the comments do not represent those of Reuters.", "furniture"),
        (
            "This image from video provided by BP shows oil gushing from the broken wellhead at"
            " the site of the Deepwater Horizon oil well in the Gulf of Mexico.",
            "caption",
        ),
        ("Do the rebels have a chance of successfully fighting back?", "question"),
        ("COOPER: The arc of history bent toward history once more.", "transcript"),
        (
            "WASHINGTON (AP) -- The Obama administration said Friday it is tightening procedures"
            " at the agency that grants offshore drilling permits to ensure it follows all"
            " envir...",
            "cut off",
        ),
        (
            "did not explicitly reject the idea of meeting with Libya's held a press conference"
            " on Tuesday",
            "mid-sentence",
        ),
        (
            "By Jonathan Marcus BBC Diplomatic Correspondent International efforts to bring"
            " pressure to bear on President Bashar al-Assad's regime in Syria have collapsed in"
            " acrimony.",
            "byline",
        ),
        (
            "Syria crisis: Red Cross presses for humanitarian truce The Red Cross is the only"
            " international aid agency working in Syria The International Committee of the Red"
            ' Cross says it is in talks with "all those concerned" in Syria\'s conflict to'
            " negotiate a ceasefire.",
            "headline",
        ),
        ("For the latest developments, please go to our main news page.", "notice"),
        (
            "Here is an overview of the uprising, in which the UN says more than 9,000 people"
            " have been killed by security forces and at least 14,000 others detained.",
            "notice",
        ),
    ],
)
def test_unusable(text: str, reason: str) -> None:
    assert reason in (unusable(text) or "")


def test_same_content() -> None:
    a = (
        "At least one person is thought to have died while in the custody of Libyan rebels,"
        " Human Rights Watch said in its report."
    )
    b = (
        "At least one person is thought to have died in custody, with his body showing signs"
        " of torture, the group said in a report based on visits to rebel-held parts of Libya."
    )
    c = "Turkey moves its embassy back to Kyiv from Chernivtsi."
    assert same_content(a, a + " It was the first such report.")
    assert not same_content(a, c)
    assert not same_content(a, b)  # the same subject, more said


def _report(report_id: int, texts: list[str]) -> list[Sentence]:
    return [Sentence(t, i, report_id=report_id) for i, t in enumerate(texts)]


def _at(report: list[Sentence]) -> dict[int, Sentence]:
    return {s.position: s for s in report}


def test_a_cut_quotation_is_joined_and_its_speaker_brought_along() -> None:
    # Reuters, Timeline17 LibyaWar: sentences 2-6 of one article.
    report = _report(
        1859,
        [
            "Rebel leader Mustafa Abdel Jalil said after talks with the AU delegation in"
            ' Benghazi in the rebel-held east on Monday: "The African Union initiative does not'
            " include the departure of Gaddafi and his sons from the Libyan political scene,"
            ' therefore it is outdated."',
            "Libyan leader Muammar Gaddafi's son Saif quickly dismissed the idea of his father"
            " stepping down.",
            "\"We want new blood, that's what we want for Libya's future.",
            "But to talk of (Gaddafi) leaving, that's truly ridiculous,\" he told French news"
            " channel BFM TV.",
            '"If the West wants democracy, a new constitution, elections, well, we agree.',
        ],
    )
    span = standalone_span(report[2], _at(report))
    assert span == report[1:4]
    assert standalone_span(report[3], _at(report)) == report[1:4]  # from the quotation's end too


def test_a_quotation_continued_in_the_next_paragraph_is_closed_not_joined() -> None:
    # Reuters, Timeline17 (Olympic stadium): sentences 3-5 of one article.
    report = _report(
        2825,
        [
            '"The process to sell the stadium has become bogged down," Sports Minister Hugh'
            " Robertson said in a statement.",
            '"We are acting today to end the legal paralysis that has put that legacy at risk.',
            '"Ending the current sale process and looking for a leasehold solution will remove'
            " the current uncertainty and allows us to help secure the future use of the stadium"
            ' with more confidence."',
        ],
    )
    assert standalone_span(report[1], _at(report)) == report[:2]


def test_a_lead_that_cannot_stand_alone_is_refused() -> None:
    # Wikipedia Current Events, 3 April 2022: the ceremony is never named.
    (lead,) = _report(
        1,
        [
            "During the ceremony, Ukrainian President Volodymyr Zelenskyy makes a video"
            " appearance and delivers a pre-taped speech urging viewers to support his country"
            ' during the invasion in "any way" they can.'
        ],
    )
    assert standalone_span(lead, _at([lead])) is None
    furniture = _report(2, ["Views expressed in the comments do not represent those of Reuters."])
    assert standalone_span(furniture[0], _at(furniture)) is None


def test_context_that_repeats_the_lead_replaces_it() -> None:
    # CNN, Timeline17 LibyaWar: the dateline sentence and the paragraph after it.
    report = _report(
        1617,
        [
            "NATO conducted airstrikes Sunday against pro-government targets in Tripoli, CNN"
            " reported, and the alliance said it hit a command centre.",
            "At least one person is thought to have died while in the custody of Libyan rebels,"
            " Human Rights Watch said in its report.",
            "The group said at least one person is thought to have died while in the custody of"
            " Libyan rebels.",
        ],
    )
    assert standalone_span(report[2], _at(report)) == [report[1]]


def test_boilerplate_is_what_one_outlet_repeats_on_many_days() -> None:
    notice = "Views expressed in the comments do not represent those of Reuters."
    news = "Rebels said the increasingly bloody siege of Misrata made talk of a cease-fire moot."
    reports = [
        Report(f"https://example.org/{i}", "", "", datetime(2011, 4, 1 + i, tzinfo=UTC), "Reuters")
        for i in range(4)
    ]
    for i, r in enumerate(reports):
        r.id = i + 1
    sentences = {
        r.id or 0: _report(r.id or 0, [news if i == 0 else f"Item {i}.", notice])
        for i, r in enumerate(reports)
    }
    assert boilerplate(reports, sentences) == {notice}
    same_day = [Report(r.url, "", "", reports[0].published, "Reuters", id=r.id) for r in reports]
    assert boilerplate(same_day, sentences) == frozenset()  # versions of one article


def test_a_name_found_by_entity_tagging_makes_a_short_sentence_stand() -> None:
    # Wikipedia Current Events, 25 March 2022: only the first word names anything.
    text = "Russia says that the first phase of the invasion has been completed."
    assert leans_back(text)  # "Russia" could be any capitalised first word
    russia = Mention("Russia", "PLACE", Span(0, 6, "Russia"))
    assert not leans_back(text, [russia])
    assert leans_back("Several protesters are arrested.", [])
    # Wikipedia Current Events, 26 February 2022: "the city" is Melitopol, named before
    city = (
        "Russian state media says that Russian troops entered the city after facing"
        ' "no resistance".'
    )
    assert not leans_back(city)  # without entity tagging, "Russian" passes for a place
    assert leans_back(city, [])
    mariupol = (
        "Ukrainian Deputy Prime Minister Iryna Vereshchuk says that Ukraine has sent buses to"
        " Mariupol in an effort to evacuate citizens from the city."
    )
    assert not leans_back(mariupol, [Mention("Ukraine", "PLACE", Span(62, 69, "Ukraine"))])
