"""Embedded social posts: the embed codes as the platforms hand them out, and a real tweet."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from livebrief.extract import extract_article, extract_embeds
from livebrief.model import Embed, Report

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "tests" / "data" / "web" / "embeds.html"
VERGE = ROOT.parent / "shared" / "fixtures" / "pages" / "theverge.com.ios13.html"

EXPECTED = [
    Embed(
        author="Ana Ruiz",
        handle="@anaruiz",
        date=date(2026, 3, 13),
        text="The levee was rated for a 1-in-100 storm. This was closer to 1-in-40. The models "
        "assumed the wetlands upstream were still there. #HarborFlood",
        url="https://twitter.com/anaruiz/status/1900123456789012345",
    ),
    Embed(
        author="Harbor City Emergency Management",
        handle="@HarborCityOEM",
        date=date(2026, 3, 14),
        text="Water at the Canal Street gauge is down 40 cm since midnight.\n\n"
        "Please stay out of the flooded streets: the current is still strong.",
        url="https://x.com/HarborCityOEM/status/1900234567890123456",
    ),
    Embed(
        author="Old Town Residents",
        handle="@oldtown.bsky.social",
        date=date(2026, 3, 13),
        text="Volunteers needed on Mill Lane tomorrow from 8am. Bring boots and gloves, we have pumps.",
        url="https://bsky.app/profile/did:plc:4x7ybq2kqzsxg2nq3rm6tqvx/post/3lkq2wzrvls2c",
    ),
    Embed(
        author="@riverwatch@mastodon.social",
        handle="@riverwatch@mastodon.social",
        date=None,
        text="",
        url="https://mastodon.social/@riverwatch/114187654321098765",
    ),
    Embed(
        author="@hydrology@social.example.org",
        handle="@hydrology@social.example.org",
        date=None,
        text="",
        url="https://social.example.org/@hydrology/114190000000000001",
    ),
    Embed(
        author="Harbor City Fire Dept",
        handle="@harborcityfire",
        date=None,
        text="",
        url="https://www.instagram.com/p/DHa1b2C3d4E/",
    ),
    Embed(
        author="@harborcitynews",
        handle="@harborcitynews",
        date=None,
        text="",
        url="https://t.me/harborcitynews/4512",
    ),
]


def test_every_platform_is_snapshotted() -> None:
    assert extract_embeds(PAGE.read_bytes()) == EXPECTED
    assert extract_embeds(PAGE.read_text("utf-8")) == EXPECTED


def test_article_keeps_quotes_but_not_posts() -> None:
    report = extract_article(PAGE.read_bytes())
    assert isinstance(report, Report)
    assert report.embeds == EXPECTED
    assert "We will not rebuild the same wall in the same place" in report.text  # a plain quote
    assert "1-in-40" not in report.text and "Mill Lane" not in report.text
    assert "View this post on Instagram" not in report.text
    assert report.text.startswith("Four days after the levee on the east bank broke")
    assert report.text.endswith("in the districts still without electricity.")
    assert report.author == "Jane Roe" and report.outlet == "Harbor Herald"


@pytest.mark.skipif(not VERGE.is_file(), reason="shared fixtures not present")
def test_real_tweet_in_a_recorded_page() -> None:
    (tweet,) = extract_embeds(VERGE.read_bytes())
    assert tweet.author == "Dave Schukin" and tweet.handle == "@schukin"
    assert tweet.date == date(2019, 7, 3)
    assert tweet.url == "https://twitter.com/schukin/status/1146359923158089728"
    assert tweet.text.startswith(
        "How iOS 13 FaceTime Attention Correction works: it simply uses ARKit"
    )
    assert tweet.text.endswith("Notice the warping of the line across both the eyes and nose.")
    assert "pic.twitter.com" not in tweet.text


def test_unrecognisable_embeds_are_skipped() -> None:
    html = (
        "<html><body><blockquote class='twitter-tweet'><p>No permalink here</p></blockquote>"
        "<blockquote class='instagram-media'><p>nothing</p></blockquote>"
        "<script data-telegram-post='not a post'></script>"
        "<blockquote><p>An ordinary quotation.</p></blockquote></body></html>"
    )
    assert extract_embeds(html) == []


def test_no_embeds_in_a_page_without_posts() -> None:
    assert extract_embeds("<html><body><p>Text only.</p></body></html>") == []
    assert extract_embeds(b"") == []
