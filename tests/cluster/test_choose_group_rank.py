from __future__ import annotations

from datetime import UTC, date, datetime

import numpy as np
import pytest

from livebrief.cluster import choose, group, rank
from livebrief.cluster.pool import build_pool
from livebrief.cluster.vectors import Tfidf, tokens
from livebrief.compose.select import BRIEFING, select_developments
from livebrief.eval.tls import analyze
from livebrief.model import Figure, Mention, Report, Sentence, Span


def _report(i: int, day: str, text: str) -> Report:
    published = datetime.fromisoformat(day).replace(tzinfo=UTC)
    return Report(url=f"report:{i}", title="", text=text, published=published, id=i)


def test_quality_prefers_self_contained_sentences() -> None:
    # Real sentences: a Wikipedia item, a Timeline17 reference line and CNN page furniture.
    good = "Helicopters drop water on the stricken Fukushima I Nuclear Power Plant to cool rods."
    dangling = "He faces up to four years in prison if found guilty."
    furniture = "By the CNN Wire Staff Libya opposition: Civilian areas shelled Libya says it is"
    assert choose.quality(good) == 1.0
    assert 0 < choose.quality(dangling) < choose.quality(good)
    assert choose.quality(furniture) < 0.5
    assert choose.quality("Power is restored.") == 0.0  # too short to stand alone
    # someone's own words rank below an account of what happened (T17, MJ_bbc)
    quoted = '"We are very sad that Michael Jackson has passed away," the statement said.'
    told = "Michael Jackson died on Thursday after being rushed to a Los Angeles hospital."
    assert choose.quality(quoted) < choose.quality(told)


def test_knee_of_a_descending_curve() -> None:
    values = np.array([0.9, 0.85, 0.8, 0.3, 0.25, 0.2, 0.18, 0.15])
    assert choose.knee(values) == 3  # the first point past the drop


def test_grouping_separates_happenings_of_one_day(
    tohoku: tuple[list[Report], dict[int, list[Sentence]]],
) -> None:
    reports, sentences = tohoku
    day = [
        s.text
        for r in reports
        if r.published and r.published.date() == date(2011, 3, 15)
        for s in sentences[r.id or 0]
    ]
    texts = day + [
        "Germany will shut down all of its pre-1980 nuclear reactors, Angela Merkel announces.",
        "An explosion, the third in four days, damages the Fukushima I plant's containment.",
    ]
    space = Tfidf(tokens(t) for t in texts)
    vectors = space.transform([tokens(t) for t in texts]).toarray()
    clusters = group.group_sentences(group.similarity_matrix(vectors))
    label = {i: n for n, members in enumerate(clusters) for i in members}
    merkel = next(i for i, t in enumerate(day) if "Merkel" in t)
    explosion = next(i for i, t in enumerate(day) if "third explosion" in t)
    assert label[len(texts) - 2] == label[merkel]
    assert label[len(texts) - 1] == label[explosion]
    assert label[merkel] != label[explosion]
    assert sum(len(c) for c in clusters) == len(texts)


# Hand-labelled gold: sentences quoted from Timeline17 (LibyaWar_reuters), each from a
# different article, with the folder date it was published under; three refer back to the
# Security Council vote of 17 March 2011.
GOLD = [
    (
        "2011-04-01",
        "When the issue came to the U.N. Security Council on March 17, 10 days before "
        "the Baden-Wuerttemberg election, Germany abstained, along with Russia, China, India and "
        "Brazil, and said it would take no part in military operations.",
    ),
    (
        "2011-04-24",
        "Britain and France have been leading air strikes against Gaddafi's forces in "
        "an operation mandated by the U.N. Security Council on March 17 to protect civilians in "
        "Libya.",
    ),
    (
        "2011-05-13",
        'In Libya, a March 17 Security Council resolution authorized "all necessary '
        'measures" to protect civilians as Tripoli looked set to crush rebels who had seized '
        "control of the east.",
    ),
    ("2011-03-18", "But it is not without risks."),
]


def test_dates_referred_to_by_more_sources_rank_higher() -> None:
    reports = [_report(i, day, text) for i, (day, text) in enumerate(GOLD)]
    sentences = analyze(reports)
    evidence = rank.date_evidence(build_pool(reports, sentences))
    vote = date(2011, 3, 17)
    assert evidence[vote].mention_sources == 3
    assert evidence[vote].later_sources == 3
    assert rank.rank_dates(evidence)[0] == vote
    # with the story's keyword, the report that never names Libya drops out
    on_topic = rank.date_evidence(build_pool(reports, sentences, keywords=["Libya"]))
    assert on_topic[vote].mention_sources == 2


def test_a_day_people_keep_coming_back_to_outranks_a_one_day_burst() -> None:
    # Two days, each named by three independent reports published later: the day of the
    # Security Council vote is still named weeks on (GOLD above), the earlier day only the next
    # day (so a tie would rank it first).
    burst = [
        "Rebels said on Monday they had pushed back an attack on the town of Brega.",
        "Government troops on Monday shelled rebel positions on the road to Brega, a witness said.",
        "Fighting broke out near Brega on Monday as rebels advanced along the coast road.",
    ]
    rows = GOLD[:3] + [("2011-03-08", text) for text in burst]
    reports = [_report(i, day, text) for i, (day, text) in enumerate(rows)]
    evidence = rank.date_evidence(build_pool(reports, analyze(reports)))
    vote, monday = date(2011, 3, 17), date(2011, 3, 7)
    assert evidence[vote].later_sources == evidence[monday].later_sources == 3
    assert (evidence[vote].later_days, evidence[monday].later_days) == (3, 1)
    assert rank.rank_dates(evidence).index(vote) < rank.rank_dates(evidence).index(monday)


def test_a_day_named_in_passing_is_evidence_but_not_the_sentences_date() -> None:
    # sentences from Timeline17 (BP oil spill reports); the last one is invented
    texts = [
        ("2010-05-17", "It has been pouring oil out nonstop since April 20."),
        (
            "2010-07-10",
            "If tests show it can withstand the pressure of the oil and is working, the Gulf "
            "region could get its most significant piece of good news since the April 20 "
            "explosion.",
        ),
        (
            "2010-06-03",
            "Two U.S. Senators said on Wednesday BP should cut its dividend until the full "
            "costs for the clean-up can be calculated.",
        ),
    ]
    reports = [_report(i, day, text) for i, (day, text) in enumerate(texts)]
    sentences = analyze(reports)
    pool = build_pool(reports, sentences)
    blowout = date(2010, 4, 20)
    # what the first two sentences tell is not an April 20 event ...
    assert blowout not in pool.mentions
    assert [c.mention for c in pool.candidates[:2]] == [None, None]
    # ... but both refer back to the day, and ranking counts that
    assert pool.candidates[0].references == (blowout,)
    evidence = rank.date_evidence(pool)
    assert evidence[blowout].mention_sources == 2
    assert evidence[blowout].later_sources == 2
    # the third sentence's own event is its reference too
    assert pool.candidates[2].references == (date(2010, 6, 2),)
    # and a briefing, which files future events under the day reported, ignores plans
    plans = build_pool(
        [
            Report(
                url="gold:p",
                title="",
                text="Talks will be held on Friday.",
                id=9,
                published=datetime(2010, 5, 25, tzinfo=UTC),
            )
        ],
        analyze(
            [
                Report(
                    url="gold:p",
                    title="",
                    text="Talks will be held on Friday.",
                    id=9,
                    published=datetime(2010, 5, 25, tzinfo=UTC),
                )
            ]
        ),
        scheduled=False,
    )
    assert plans.references == {}


def test_shared_entities_and_figures_pull_sentences_together() -> None:
    # sentences of the Ukraine demo corpus (2022-03-16): two about the ceasefire talks with
    # few words in common, one about Chernihiv (entity sets below written by hand)
    texts = [
        "Russian Foreign Minister Sergey Lavrov says that there is hope of reaching a "
        "compromise aimed at a ceasefire.",
        "In a report from the Financial Times, a peace plan is drafted by Ukraine and Russia.",
        "Russian troops reportedly shoot dead ten people queuing for food in Chernihiv.",
    ]
    vectors = Tfidf(tokens(t) for t in texts)
    matrix = vectors.transform([tokens(t) for t in texts]).toarray()
    plain = group.similarity_matrix(matrix)
    entities = [{"russia", "ukraine"}, {"russia", "ukraine", "financial times"}, {"chernihiv"}]
    anchored = group.with_anchors(plain, entities, [set(), set(), set()])
    assert anchored[0, 1] > plain[0, 1] + 0.05
    assert anchored[0, 2] == pytest.approx(plain[0, 2])
    # a name every sentence carries pulls less than one only these two share
    everywhere = [e | {"russia"} for e in entities]
    assert group.with_anchors(plain, everywhere, [set()] * 3)[0, 2] == pytest.approx(plain[0, 2])
    rare = [{"russia", "ukraine"}, {"russia", "ukraine"}, {"chernihiv"}]
    common = [{"russia", "ukraine"}, {"russia", "ukraine"}, {"russia", "ukraine", "chernihiv"}]
    assert (
        group.with_anchors(plain, rare, [set()] * 3)[0, 1]
        > group.with_anchors(plain, common, [set()] * 3)[0, 1]
    )
    toll = ("killed", 10.0, 10.0)
    counted = group.with_anchors(plain, [set(), set(), set()], [{toll}, set(), {toll}])
    assert counted[0, 2] == pytest.approx(plain[0, 2] + group.FIGURE_WEIGHT)
    # nothing found by enrichment: similarity unchanged
    assert group.with_anchors(plain, [set()] * 3, [set()] * 3) is plain


def test_todays_place_is_salient_and_the_storys_country_is_not() -> None:
    # every source around the day names Russia; Chernihiv only two of the day's three
    around = rank.entity_shares(
        [{"russia"}, {"russia", "ukraine"}, {"russia", "chernihiv"}, {"russia", "chernihiv"}]
        + [{"russia", "ukraine"}] * 6,
        list(range(10)),
    )
    day = rank.entity_salience(
        [{"russia", "ukraine"}, {"russia", "chernihiv"}, {"russia", "chernihiv"}], [0, 2, 3], around
    )
    assert day["russia"] == 0.0
    assert day["chernihiv"] > day["ukraine"] > 0.0


def test_a_development_naming_the_days_salient_place_and_a_toll_ranks_first() -> None:
    # sentences of the Ukraine demo corpus; entity sets and the toll written by hand
    talks = [
        "Russian Foreign Minister Sergey Lavrov says that there is hope of reaching a "
        "compromise aimed at a ceasefire with Ukraine.",
        "Russian Foreign Minister Sergey Lavrov says a compromise with Ukraine on a ceasefire "
        "is close, and talks go on.",
        "Lavrov says there is hope of a compromise on a ceasefire with Ukraine.",
    ]
    killing = [
        "Russian troops reportedly shoot dead ten people queuing for bread in Chernihiv.",
        "Ten people queuing for bread in Chernihiv are shot dead by Russian troops, "
        "the regional governor says.",
    ]
    background = [
        "Russia and Ukraine hold a fourth round of talks by video link.",
        "Ukraine says Russia has fired more than 900 missiles since the invasion began.",
        "Russia says its troops will reduce military activity near Kyiv.",
    ]
    rows = [(i, "2022-03-16", t) for i, t in enumerate(talks)]
    rows += [(10 + i, "2022-03-16", t) for i, t in enumerate(killing)]
    rows += [(20 + i, f"2022-03-{14 + min(i, 1):02d}", t) for i, t in enumerate(background)]
    reports = [_report(i, day, text) for i, day, text in rows]
    reports[1].text = reports[0].text  # two outlets carry the same wire copy: one source
    sentences = analyze(reports)
    names = {"Russia": "russia", "Ukraine": "ukraine", "Chernihiv": "chernihiv"}
    for report in reports:
        for s in sentences[report.id or 0]:
            s.mentions = [
                Mention(word, "PLACE", Span(s.text.find(word), s.text.find(word) + len(word), word))
                for word in names
                if word in s.text or (word == "Russia" and "Russian" in s.text)
            ]
            if "Ten people" in s.text or "ten people" in s.text:
                s.figures = [Figure("killed", 10.0, 10.0)]
    [(day, developments)] = [
        d for d in select_developments(reports, sentences, options=BRIEFING) if d[0].day == 16
    ]
    assert day == date(2022, 3, 16)
    assert len(developments) == 2
    assert "Chernihiv" in developments[0].sentences[0].text
