"""AP-style dates, credit lists and headlines."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from livebrief.publish.format import (
    ap_date,
    ap_datetime,
    headline,
    join_names,
    long_date,
    sorted_unique,
)
from tests.publish.libya_sample import records

AP_MONTHS = {
    1: "Jan.",
    2: "Feb.",
    3: "March",
    4: "April",
    5: "May",
    6: "June",
    7: "July",
    8: "Aug.",
    9: "Sept.",
    10: "Oct.",
    11: "Nov.",
    12: "Dec.",
}


@pytest.mark.parametrize("month", range(1, 13))
def test_ap_month_abbreviations(month: int) -> None:
    assert ap_date(date(2011, month, 7)) == f"{AP_MONTHS[month]} 7"


def test_long_date_spells_the_month() -> None:
    assert long_date(date(2026, 3, 13)) == "March 13, 2026"
    assert long_date(date(2011, 9, 5)) == "September 5, 2011"


def test_ap_datetime_in_the_story_zone() -> None:
    tripoli = ZoneInfo("Africa/Tripoli")
    stamp = datetime(2011, 10, 21, 12, 5, tzinfo=UTC).astimezone(tripoli)
    assert ap_datetime(stamp) == "Oct. 21, 2:05 p.m. EET"
    assert ap_datetime(datetime(2011, 10, 21, 0, 0, tzinfo=UTC)) == "Oct. 21, midnight UTC"
    assert ap_datetime(datetime(2011, 10, 21, 9, 0, tzinfo=UTC)) == "Oct. 21, 9 a.m. UTC"


def test_join_names_without_oxford_comma() -> None:
    # Outlets credited together in the data set.
    cited = records()["wcep-libya-2011-2011-02-17-008"]["cited_sources"]
    a, b, c = sorted(cited)
    assert join_names([a]) == a
    assert join_names([a, b]) == f"{a} and {b}"
    assert join_names([a, b, c]) == f"{a}, {b} and {c}"
    assert join_names([]) == ""


def test_sorted_unique_ignores_case_and_blanks() -> None:
    names = ["Reuters", "al Jazeera", "BBC", "reuters", "", None, "  BBC "]
    assert sorted_unique(names) == ["al Jazeera", "BBC", "Reuters"]


def test_headline_cuts_at_a_word() -> None:
    text = records()["wcep-libya-2011-2011-10-20-002"]["text"]
    short = headline(text)
    assert len(short) <= 81 and short.endswith("…")
    assert text.startswith(short[:-1])
    assert text[len(short) - 1] == " "  # the cut falls between words
    assert headline("Sirte falls.") == "Sirte falls."
