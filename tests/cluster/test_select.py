from __future__ import annotations

from datetime import date

from livebrief.compose.select import select_developments
from livebrief.model import Report, Sentence

KEYWORDS = ["Japan", "Fukushima", "tsunami"]


def test_developments_day_by_day(tohoku: tuple[list[Report], dict[int, list[Sentence]]]) -> None:
    reports, sentences = tohoku
    days = select_developments(reports, sentences, keywords=KEYWORDS, per_date=3)
    dates = [d for d, _ in days]
    assert dates == sorted(dates) and len(dates) >= 5
    assert all(date(2011, 3, 10) <= d <= date(2011, 3, 17) for d in dates)
    by_id = {r.id: r for r in reports}
    for day, developments in days:
        assert 1 <= len(developments) <= 3
        scores = [dev.score for dev in developments]
        assert scores == sorted(scores, reverse=True)
        for dev in developments:
            assert dev.date == day and dev.sentences
            ids = {s.report_id for s in dev.sentences}
            assert ids <= set(dev.report_ids)
            assert all(by_id[i].published is not None for i in dev.report_ids)
    firsts = [dev.sentences[0].text for _, devs in days for dev in devs]
    assert len(firsts) == len(set(firsts))  # no sentence is chosen twice


def test_number_of_dates_and_allowed_dates(
    libya: tuple[list[Report], dict[int, list[Sentence]]],
) -> None:
    reports, sentences = libya
    allowed = {date(2011, 2, d) for d in range(20, 25)}
    days = select_developments(
        reports, sentences, keywords=["Libya"], n_dates=3, per_date=1, dates=allowed
    )
    assert len(days) == 3
    assert all(d in allowed and len(devs) == 1 for d, devs in days)
    # the busiest days of the uprising (most independent reports) come first
    assert date(2011, 2, 21) in {d for d, _ in days}


def test_nothing_usable_gives_nothing() -> None:
    report = Report(url="x", title="", text="", published=None, id=0)
    assert select_developments([report], {0: []}) == []


def test_a_byline_does_not_count_against_a_sentence() -> None:
    from datetime import UTC, datetime

    from livebrief.model import EventDate

    # three reports of one event; the first sentence, the most central, carries the byline
    # Timeline17's CNN pages glue to their first sentence
    texts = [
        "By the CNN Wire Staff Thousands of protesters spilled into the streets of Cairo on "
        "Tuesday, demanding an end to the rule of President Hosni Mubarak.",
        "Protesters spilled into the streets of Cairo on Tuesday.",
        "Protesters demanding an end to the rule of Hosni Mubarak filled the streets of Cairo.",
    ]
    day = date(2011, 1, 25)
    reports = [
        Report(
            url=f"test:{i}",
            title="",
            text=t,
            published=datetime(2011, 1, 25, 20, tzinfo=UTC),
            id=i + 1,
        )
        for i, t in enumerate(texts)
    ]
    sentences = {r.id: [Sentence(r.text, 0, r.id, event=EventDate(day))] for r in reports}
    [(chosen_day, [development])] = select_developments(reports, sentences, n_dates=1, per_date=1)
    assert chosen_day == day
    assert development.sentences[0].text.startswith("By the CNN Wire Staff Thousands")
