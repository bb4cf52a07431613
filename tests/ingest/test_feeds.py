"""read_feed on the 11 real recorded feeds, on bad inputs, and over a recorded web."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import httpx
import pytest

from livebrief.ingest.feeds import html_text, read_feed
from livebrief.ingest.http import Fetcher
from livebrief.model import Problem, Report

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT.parent / "shared" / "fixtures"
FEEDS = FIXTURES / "feeds"
PAGES = FIXTURES / "pages"
DATA = ROOT / "tests" / "data" / "web"

pytestmark = pytest.mark.skipif(not FIXTURES.is_dir(), reason="shared fixtures not present")


@dataclass(frozen=True)
class Gold:
    """What a reader of the raw feed file sees in it (hand-labelled)."""

    file: str
    count: int
    title: str
    url: str
    published: datetime | None
    author: str | None
    language: str | None
    outlet: str
    phrase: str  # in the first entry's text
    empty: int = 0  # entries with no title and no text: Problems


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


GOLD = [
    Gold(
        "encoding_ISO-8859-1.xml", 40,
        "Red Dead Redemption 2: Hinweise auf PC-Umsetzung in App von Rockstar Games",
        "https://www.golem.de/news/red-dead-redemption-2-hinweise-auf-pc-umsetzung-in-app-von-"
        "rockstar-games-1810-137358-rss.html",
        utc(2018, 10, 28, 12, 48), None, "de", "Golem.de",
        "Viele Spieler wünschen sich eine PC-Version von Red Dead Redemption 2",
    ),
    Gold(
        "encoding_WINDOWS-1251.xml", 50, "Цитата #17703",
        "http://ibash.org.ru/quote.php?id=17703",
        utc(2018, 3, 21, 7, 27, 32), None, "ru", "iBash.Org.Ru",
        "xxx: есть у кого жаба программер\nxxx: кот немного пхп знает?",
    ),
    Gold(
        "large_atom.xml", 25, "Using vale with vim", "https://dustri.org/b/using-vale-with-vim.html",
        utc(2024, 3, 10, 16, 15), "jvoisin", "en", "Artificial truth",
        "LWN recently published an excellent (subscriber only) article on vale",
    ),
    Gold(
        "large_rss.xml", 25, "Using vale with vim", "https://dustri.org/b/using-vale-with-vim.html",
        utc(2024, 3, 10, 16, 15), "jvoisin", "en", "Artificial truth",
        "LWN recently published an excellent (subscriber only) article on vale",
    ),
    Gold(
        "no_encoding_ISO-8859-1.xml", 10,
        "Perturbateurs endocriniens : quels effets sur le cerveau ?",
        "https://le-cercle-psy.scienceshumaines.com/perturbateurs-endocriniens-quels-effets-sur-"
        "le-cerveau_sh_39995",
        utc(2018, 10, 17, 10, 30), None, "fr",
        "Flux RSS du magazine de psychologie Le Cercle Psy",
        "nombre d'études montrent que les perturbateurs endocriniens", empty=1,
    ),
    Gold(
        "rdf_UTF8.xml", 60, "OLED-TVs: Vorsichtsmaßnahmen gegen Einbrennen",
        "https://www.heise.de/newsticker/meldung/OLED-TVs-Vorsichtsmassnahmen-gegen-Einbrennen-"
        "4205274.html",
        None, None, "de", "heise online News",
        "Wer gerade einen neuen OLED-Fernseher gekauft hat",
    ),
    Gold(
        "small_atom.xml", 20, "Parse podcast categories",
        "https://github.com/miniflux/v2/commit/6d97f8b4582414b6ce69467656824690057d4793",
        utc(2024, 3, 12, 5, 30, 27), "fguillot", "en", "Recent Commits to v2:main",
        "Parse podcast categories",
    ),
    Gold(
        "trafilatura-feed.json", 25, "Keller Rinaudo: How can delivery drones save lives?",
        "https://www.npr.org/2021/10/29/1050315385/keller-rinaudo-how-can-delivery-drones-save-lives",
        utc(2021, 10, 29, 14, 26), "Manoush Zomorodi", "en", "Technology",
        "Keller Rinaudo founded Zipline, a delivery company that uses drones",
    ),
    Gold(
        "trafilatura-feed1.atom", 2, "Atom-Powered Robots Run Amok",
        "http://example.org/2003/12/13/atom03",
        utc(2003, 12, 13, 18, 30, 2), "John Doe", None, "Example Feed", "Some text.",
    ),
    Gold(
        "trafilatura-feed2.rss", 1, "Example entry", "http://www.example.com/blog/post/1",
        utc(2009, 9, 6, 16, 20), None, None, "RSS Title",
        "Here is some text containing an interesting description.",
    ),
    Gold(
        "urdu_UTF8.xml", 26,
        "امریکی عسکری امداد کی بندش کی وجوہات: انڈیا سے جنگ، جوہری پروگرام اور اب دہشت گردوں کی پشت پناہی",
        "http://www.bbc.com/urdu/pakistan-42575603",
        utc(2018, 1, 5, 16, 51), None, "ur",
        "BBC News اردو - پاکستان کے لیے امریکی امداد کی بہار و خزاں",
        "امریکہ اور پاکستان کے 70 سالہ تعلقات",
    ),
]  # fmt: skip


def test_every_recorded_feed_is_labelled() -> None:
    assert sorted(g.file for g in GOLD) == sorted(p.name for p in FEEDS.iterdir())


@pytest.mark.parametrize("gold", GOLD, ids=lambda g: g.file)
def test_recorded_feed(gold: Gold) -> None:
    items = list(read_feed(FEEDS / gold.file))
    assert len(items) == gold.count
    problems = [i for i in items if isinstance(i, Problem)]
    assert len(problems) == gold.empty
    assert all(p.reason == "entry has no title and no text" for p in problems)
    reports = [i for i in items if isinstance(i, Report)]
    first = reports[0]
    assert first.title == gold.title
    assert first.url == gold.url
    assert first.published == gold.published
    assert first.author == gold.author
    assert first.language == gold.language
    assert first.outlet == gold.outlet
    assert gold.phrase in first.text
    assert first.raw is not None and first.raw_type in ("text/html", "text/plain")
    assert all(r.published is None or r.published.tzinfo is UTC for r in reports)
    assert len({r.url for r in reports}) == len(reports)


def test_html_is_turned_into_paragraphs() -> None:
    reports = list(read_feed(FEEDS / "large_rss.xml"))
    second = reports[1]
    assert isinstance(second, Report)
    assert second.text.startswith("Once you have found a vulnerability, you can either sit on it")
    assert "\n\n" in second.text
    assert "<p>" not in second.text and "&lt;" not in second.text


def test_html_text_keeps_blocks_and_line_breaks() -> None:
    fragment = (
        "<p>One\n two <b>three</b></p><ul><li>a</li><li>b</li></ul>x<br/>y<script>z()</script>"
    )
    assert html_text(fragment) == "One two three\n\na\n\nb\n\nx\ny"


def test_posts_embedded_in_entry_content_are_snapshotted(tmp_path: Path) -> None:
    """An entry whose content carries a tweet, the way a CMS puts the embed code into a feed."""
    page = (DATA / "embeds.html").read_text("utf-8")
    tweet = page[
        page.index('<blockquote class="twitter-tweet">') : page.index("</blockquote>") + 13
    ]
    raw = (FEEDS / "trafilatura-feed2.rss").read_text("utf-8")
    content = f"<p>Experts disagree on the rating.</p>{tweet}<p>More to follow.</p>"
    rss = raw.replace(
        "</description>", f"</description><content:encoded><![CDATA[{content}]]></content:encoded>"
    )
    rss = rss.replace(
        '<rss version="2.0">',
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
    )
    path = tmp_path / "feed.rss"
    path.write_text(rss, "utf-8")
    (report,) = read_feed(path)
    assert isinstance(report, Report)
    assert report.text == "Experts disagree on the rating.\n\nMore to follow."
    assert [(e.handle, e.date) for e in report.embeds] == [("@anaruiz", date(2026, 3, 13))]
    assert report.embeds[0].text.startswith("The levee was rated for a 1-in-100 storm.")


def test_entries_without_a_link_get_a_stable_urn(tmp_path: Path) -> None:
    raw = (FEEDS / "trafilatura-feed2.rss").read_text("utf-8")
    no_link = raw.replace("<link>http://www.example.com/blog/post/1</link>", "")
    path = tmp_path / "feed.rss"
    path.write_text(no_link, "utf-8")
    first = next(iter(read_feed(path)))
    again = next(iter(read_feed(path)))
    assert isinstance(first, Report) and isinstance(again, Report)
    assert first.url.startswith("urn:livebrief:entry:")
    assert first.url == again.url
    other = no_link.replace("7bd204c6-1655-4c27-aeee-53f933c5395f", "another-guid")
    path.write_text(other, "utf-8")
    third = next(iter(read_feed(path)))
    assert isinstance(third, Report) and third.url != first.url


# --- bad inputs: one Problem naming the source ------------------------------------------


def only_problem(source: Path | str, fetcher: Fetcher | None = None) -> Problem:
    items = list(read_feed(source, fetcher))
    assert len(items) == 1 and isinstance(items[0], Problem), items
    assert items[0].item == str(source)
    assert "\n" not in items[0].reason
    return items[0]


def test_malformed_xml(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text('<?xml version="1.0"?>\n<rss version="2.0"><channel><title>x</chanel></rss>')
    assert only_problem(path).reason.startswith("not a valid feed (line 2")


def test_html_page_is_not_a_feed() -> None:
    assert "not a" in only_problem(PAGES / "reuters.com.parasite.html").reason


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.xml"
    path.touch()
    assert only_problem(path).reason == "file is empty"


def test_whitespace_only_file(tmp_path: Path) -> None:
    path = tmp_path / "blank.xml"
    path.write_text("\n\n   \n")
    assert only_problem(path).reason == "empty feed document"


def test_binary_junk(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_bytes(bytes(range(256)) * 64)
    assert only_problem(path).reason == "binary data, not a feed"


def test_missing_file(tmp_path: Path) -> None:
    assert only_problem(tmp_path / "nope.xml").reason == "file not found"


def test_json_that_is_not_a_json_feed(tmp_path: Path) -> None:
    path = tmp_path / "feed.json"
    path.write_text('{"items": [{"id": 1}]}')
    assert "not a JSON Feed" in only_problem(path).reason
    path.write_text('{"version": "https://jsonfeed.org/version/1.1", "items": [')
    assert only_problem(path).reason.startswith("not valid JSON")


def test_a_bad_json_feed_item_does_not_stop_the_others(tmp_path: Path) -> None:
    doc = (
        '{"version": "https://jsonfeed.org/version/1.1", "title": "T", "language": "en-GB",'
        ' "authors": [{"name": "Desk"}], "items": ['
        '{"id": "1", "url": "https://t.example/1", "title": "One", "content_text": "First.",'
        ' "date_published": "2026-03-14T09:30:00-04:00"},'
        ' "junk",'
        '{"id": "3"},'
        '{"id": "4", "title": "Four", "summary": "Fourth.", "date_published": "yesterday"}]}'
    )
    path = tmp_path / "feed.json"
    path.write_text(doc)
    items = list(read_feed(path))
    assert [type(i).__name__ for i in items] == ["Report", "Problem", "Problem", "Report"]
    one, junk, empty, four = items
    assert isinstance(one, Report) and isinstance(four, Report)
    assert isinstance(junk, Problem) and isinstance(empty, Problem)
    assert one.published == utc(2026, 3, 14, 13, 30)
    assert one.author == "Desk" and one.language == "en" and one.raw_type == "text/plain"
    assert junk.item == f"{path} entry 2" and junk.reason == "entry is not a JSON object"
    assert empty.item == f"{path} entry 3" and empty.reason == "entry has no title and no text"
    assert four.published is None and four.url.startswith("urn:livebrief:entry:")


# --- over HTTP: summaries completed from the linked pages ------------------------------


FEED_URL = "https://digest.example/feed.rss"
PAGE_FOR = {
    "https://www.reuters.com/article/us-awards-sag-idUSKBN1ZI0EH": "reuters.com.parasite.html",
    "http://www.theguardian.com/education/2020/jan/20/thousands-of-uk-academics-treated-as-"
    "second-class-citizens": "theguardian.com.academics.html",
    "https://www.zeit.de/mobilitaet/2020-01/zugverkehr-christian-lindner-"
    "hochgeschwindigkeitsstrecke-eu-kommission": "zeit.de.zugverkehr.html",
    "https://wikimediafoundation.org/news/2020/01/15/access-to-wikipedia-restored-in-turkey-"
    "after-more-than-two-and-a-half-years/": "wikimediafoundation.org.turkey.html",
}  # the Salon page is not served: its URL answers 404


class RecordedWeb:
    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        url = str(request.url)
        self.seen.append(url)
        if url == FEED_URL:
            body = (DATA / "summaries.rss").read_bytes()
            return httpx.Response(
                200, content=body, headers={"content-type": "application/rss+xml"}
            )
        if url == "http://www.theguardian.com/robots.txt":
            return httpx.Response(200, text="User-agent: *\nDisallow: /education/\n")
        if url in PAGE_FOR:
            body = (PAGES / PAGE_FOR[url]).read_bytes()
            return httpx.Response(200, content=body, headers={"content-type": "text/html"})
        return httpx.Response(404)


def test_summary_entries_are_completed_from_their_pages() -> None:
    web = RecordedWeb()
    with Fetcher(transport=httpx.MockTransport(web)) as fetcher:
        items = list(read_feed(FEED_URL, fetcher))
    assert all(isinstance(i, Report) for i in items)
    reports = {r.url: r for r in items if isinstance(r, Report)}
    assert len(reports) == 5
    order = [r.url for r in items if isinstance(r, Report)]
    assert order[0].startswith("https://www.reuters.com/") and "salon" in order[3]

    reuters = reports["https://www.reuters.com/article/us-awards-sag-idUSKBN1ZI0EH"]
    assert "beat homegrown Hollywood movies" in reuters.text  # from the page, not the summary
    assert reuters.raw == (PAGES / "reuters.com.parasite.html").read_bytes()
    assert reuters.raw_type == "text/html" and reuters.fetched is not None
    assert reuters.author == "Jill Serjeant"
    assert reuters.outlet == "Reuters"  # the page is on another site than the digest
    assert reuters.published == utc(2020, 1, 19, 12, 25, 36)

    zeit = next(r for url, r in reports.items() if "zeit.de" in url)
    assert "So lange dauert die schnellste Zugverbindung" in zeit.text
    assert zeit.language == "de"

    guardian = next(r for url, r in reports.items() if "theguardian" in url)
    assert guardian.text == (
        "Report claims higher education institutions have created pool of low-paid staff for "
        "teaching and research"
    )  # robots.txt disallows the page: the summary stays
    assert not any("/education/" in u for u in web.seen)
    assert guardian.outlet == "The Guardian"  # from the item's <source>

    salon = next(r for url, r in reports.items() if "salon" in url)
    assert salon.text == "Coal has been in a slow-motion death spiral over the past ten years"
    assert salon.outlet == "News digest" and salon.fetched is not None  # when the feed came

    wikimedia = next(r for url, r in reports.items() if "wikimedia" in url)
    assert "Constitutional Court of Turkey" in wikimedia.text
    assert not any(u.startswith("https://wikimediafoundation.org/news") for u in web.seen)


def test_fetch_pages_off_fetches_only_the_feed() -> None:
    web = RecordedWeb()
    with Fetcher(transport=httpx.MockTransport(web)) as fetcher:
        items = list(read_feed(FEED_URL, fetcher, fetch_pages=False))
    assert len(items) == 5
    assert web.seen == ["https://digest.example/robots.txt", FEED_URL]


def test_local_feed_without_fetcher_keeps_summaries() -> None:
    items = list(read_feed(DATA / "summaries.rss"))
    first = items[0]
    assert isinstance(first, Report)
    assert first.text.startswith("South Korean thriller")
    assert first.url == "https://www.reuters.com/article/us-awards-sag-idUSKBN1ZI0EH"


def test_feed_url_that_fails_is_one_problem() -> None:
    web = RecordedWeb()
    with Fetcher(transport=httpx.MockTransport(web)) as fetcher:
        problem = only_problem("https://digest.example/missing.rss", fetcher)
    assert problem.reason == "HTTP 404 Not Found"
