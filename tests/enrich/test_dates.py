"""Event dates, resolved against the publication time in the story's time zone."""

from __future__ import annotations

import json
import time
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from livebrief.enrich.dates import event_date, find_dates, local_date
from livebrief.eval.gold_dates_figures import score_dates
from livebrief.model import DatePrecision

GOLD = Path(__file__).resolve().parents[2] / "tests" / "data" / "gold" / "dates.jsonl"

THU = datetime(2011, 3, 3, 14, 0, tzinfo=UTC)  # a Thursday


def when(sentence: str, published: datetime = THU, tz: str = "UTC") -> tuple[date, str, bool]:
    found = event_date(sentence, published, tz)
    assert found.evidence is not None, sentence
    assert sentence[found.evidence.start : found.evidence.end] == found.evidence.text
    return found.date, found.precision.value, found.scheduled


def test_gold_floor() -> None:
    scores = score_dates(GOLD)
    assert scores["stated"] >= 150
    assert scores["exact"] >= 0.9
    assert scores["heldout_exact"] >= 0.85
    assert scores["scheduled_agree"] >= 0.95
    assert scores["unstated_correct"] >= 0.55


def test_weekdays_past_and_future() -> None:
    assert when("Rebels seized the town on Tuesday, a spokesman said.") == (
        date(2011, 3, 1),
        "day",
        False,
    )
    # the day of publication itself: wire style "said on Thursday"
    assert when("The ministry said on Thursday it would respond.")[0] == date(2011, 3, 3)
    assert when("Talks will be held on Friday.") == (date(2011, 3, 4), "day", True)
    assert when("On Monday, the council will vote on the resolution.") == (
        date(2011, 3, 7),
        "day",
        True,
    )
    assert when("He arrived last Thursday.")[0] == date(2011, 2, 24)
    assert when("The envoy comes next Thursday.")[:2] == (date(2011, 3, 10), "day")
    assert when("Fighting raged on Monday evening near Brega.")[0] == date(2011, 2, 28)


def test_a_plan_and_its_announcement() -> None:
    # BP, Fox News 2010-06-12 (a Saturday): the news is the announcement, on Saturday
    sat = datetime(2010, 6, 12, 12, tzinfo=UTC)
    text = "BP said Saturday that its board would meet Monday to discuss deferring its dividend."
    assert when(text, sat)[0] == date(2010, 6, 12)
    dates = find_dates(text, sat)
    assert [(d.date, d.scheduled) for d in dates] == [
        (date(2010, 6, 12), False),
        (date(2010, 6, 14), True),
    ]


def test_relative_words() -> None:
    assert when("Warplanes struck Tripoli overnight.")[0] == date(2011, 3, 2)
    assert when("The minister resigned yesterday.")[0] == date(2011, 3, 2)
    assert when("Two days ago the airport was closed.")[0] == date(2011, 3, 1)
    assert when("A second round of talks will be held tomorrow.") == (date(2011, 3, 4), "day", True)
    assert when("Last week the port was closed.")[:2] == (date(2011, 2, 21), "week")
    assert when("Earlier this month, the U.N. imposed sanctions.")[:2] == (
        date(2011, 3, 1),
        "month",
    )
    assert when("Obama begins his mission next week.") == (date(2011, 3, 7), "week", True)
    assert when("The treaty was suspended over the weekend.")[:2] == (date(2011, 2, 26), "week")
    assert when("The last major earthquake here was 150 years ago.")[:2] == (
        date(1861, 1, 1),
        "year",
    )


def test_absolute_dates_and_years_inferred() -> None:
    assert when("Fighting erupted on 28 February 2011 near Brega.")[0] == date(2011, 2, 28)
    assert when("The uprising began on Feb. 17, activists said.")[0] == date(2011, 2, 17)
    assert when("He was seen on March 3rd in Misrata.")[0] == date(2011, 3, 3)
    assert when("The file is dated 2011-03-01.")[0] == date(2011, 3, 1)
    assert when("Jackson died in June 2009 aged 50.")[:2] == (date(2009, 6, 1), "month")
    assert when("In 2006, the pipeline leaked.")[:2] == (date(2006, 1, 1), "year")
    jan3 = datetime(2011, 1, 3, 9, tzinfo=UTC)
    assert when("The December 28 attack killed 12 people.", jan3)[0] == date(2010, 12, 28)
    # BBC 2010-02-05: a past event on a day later in the year is last year's
    feb5 = datetime(2010, 2, 5, 12, tzinfo=UTC)
    assert when("Jackson died at his Los Angeles home on 25 June aged 50.", feb5)[0] == date(
        2009, 6, 25
    )
    assert when("The concert will take place on 8 October.", feb5) == (
        date(2010, 10, 8),
        "day",
        True,
    )


def test_time_zone_of_the_story() -> None:
    late = datetime(2011, 3, 3, 1, 0, tzinfo=UTC)  # March 2, 20:00 in New York
    assert local_date(late, "America/New_York") == date(2011, 3, 2)
    assert when("The vote was held today.", late, "America/New_York")[0] == date(2011, 3, 2)
    assert when("The vote was held today.", late)[0] == date(2011, 3, 3)
    fallback = event_date("Rebels advanced.", late, "America/New_York")
    assert (fallback.date, fallback.evidence) == (date(2011, 3, 2), None)
    naive = datetime(2011, 3, 3, 1, 0)  # taken as UTC
    assert local_date(naive, "Asia/Tokyo") == date(2011, 3, 3)


@pytest.mark.parametrize(
    "text",
    [
        "A march on the capital drew thousands.",
        "May God help us, he said.",
        "The Sunday Times reported the figure.",
        "The 25-year-old was arrested at 10 p.m.",
        "Protests have continued since Friday.",
        "Oil has been spewing into the Gulf since the explosion on the rig on 20 April.",
        "The government attack, which began on Saturday, included artillery.",
        "Stock trading will remain suspended until at least March 18.",
    ],
)
def test_no_event_date(text: str) -> None:
    found = event_date(text, THU)
    assert found.evidence is None
    assert found.date == date(2011, 3, 3)


def test_not_dates_at_all() -> None:
    for text in ("A march on the capital.", "May God help us.", "The Sunday Times said so."):
        assert find_dates(text, THU) == []
    assert find_dates("", THU) == []


def test_precision_values() -> None:
    assert {d.precision for d in find_dates("In March 2011 and in 2010, last week.", THU)} == {
        DatePrecision.MONTH,
        DatePrecision.YEAR,
        DatePrecision.WEEK,
    }


def test_unknown_time_zone_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="unknown time zone 'Mars/Olympus'"):
        event_date("Rebels advanced on Tuesday.", THU, "Mars/Olympus")


def test_speed() -> None:
    items = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()] * 10
    start = time.perf_counter()
    for item in items:
        event_date(item["text"], datetime.fromisoformat(item["published"]), item["tz"])
    rate = len(items) / (time.perf_counter() - start)
    assert rate > 2_000, f"{rate:.0f} sentences/s"
