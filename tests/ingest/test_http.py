"""Fetcher and read_local: real recorded bytes served through httpx.MockTransport."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import UTC
from pathlib import Path

import httpx
import pytest

from livebrief.ingest.http import (
    DEFAULT_USER_AGENT,
    Fetcher,
    FetchError,
    canonical_url,
    charset_of,
    read_local,
)

FIXTURES = Path(__file__).resolve().parents[2].parent / "shared" / "fixtures"
PAGE = FIXTURES / "pages" / "reuters.com.parasite.html"
PAGE_URL = "https://www.reuters.com/article/us-awards-sag-idUSKBN1ZI0EH"

pytestmark = pytest.mark.skipif(not FIXTURES.is_dir(), reason="shared fixtures not present")

Handler = Callable[[httpx.Request], httpx.Response]


class Site:
    """A recorded web: URL -> response, counting every request it answers."""

    def __init__(self, routes: dict[str, Handler | httpx.Response]) -> None:
        self.routes = routes
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        route = self.routes.get(str(request.url))
        if route is None:
            return httpx.Response(404, text="not found")
        return route(request) if callable(route) else route

    def fetcher(self, **options: object) -> Fetcher:
        return Fetcher(transport=httpx.MockTransport(self), **options)  # type: ignore[arg-type]

    def hits(self, url: str) -> int:
        return sum(1 for r in self.requests if str(r.url) == url)


def page_response() -> httpx.Response:
    return httpx.Response(
        200, content=PAGE.read_bytes(), headers={"content-type": "text/html; charset=utf-8"}
    )


def test_get_returns_recorded_page_with_metadata() -> None:
    site = Site({PAGE_URL: page_response()})
    with site.fetcher() as fetcher:
        got = fetcher.get(PAGE_URL)
    assert got.content == PAGE.read_bytes()
    assert got.status == 200
    assert got.url == PAGE_URL
    assert got.media_type == "text/html"
    assert got.charset == "utf-8"
    assert got.fetched.tzinfo is UTC
    page_request = next(r for r in site.requests if str(r.url) == PAGE_URL)
    assert page_request.headers["user-agent"] == DEFAULT_USER_AGENT
    assert DEFAULT_USER_AGENT.startswith("livebrief/")


def test_redirects_are_followed_to_the_final_url() -> None:
    short = "https://reut.rs/30AeUlD"
    middle = "http://www.reuters.com/article/us-awards-sag-idUSKBN1ZI0EH"
    site = Site(
        {
            short: httpx.Response(301, headers={"location": middle}),
            middle: httpx.Response(302, headers={"location": PAGE_URL}),
            PAGE_URL: page_response(),
        }
    )
    with site.fetcher() as fetcher:
        got = fetcher.get(short)
    assert got.url == PAGE_URL
    assert got.content == PAGE.read_bytes()


def test_redirect_loop_is_an_error() -> None:
    a, b = "https://loop.example/a", "https://loop.example/b"
    site = Site(
        {
            a: httpx.Response(302, headers={"location": b}),
            b: httpx.Response(302, headers={"location": a}),
        }
    )
    with site.fetcher() as fetcher, pytest.raises(FetchError, match="redirects"):
        fetcher.get(a)


@pytest.mark.parametrize(
    ("status", "words"), [(404, "HTTP 404"), (503, "HTTP 503"), (403, "HTTP 403")]
)
def test_non_2xx_is_an_error(status: int, words: str) -> None:
    site = Site({PAGE_URL: httpx.Response(status, text="no")})
    with site.fetcher() as fetcher, pytest.raises(FetchError) as info:
        fetcher.get(PAGE_URL)
    assert words in info.value.reason
    assert str(info.value).startswith(PAGE_URL)
    assert "\n" not in str(info.value)


def test_timeout_is_an_error() -> None:
    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    site = Site({PAGE_URL: slow})
    with site.fetcher(timeout=3.0) as fetcher, pytest.raises(FetchError) as info:
        fetcher.get(PAGE_URL)
    assert info.value.reason == "timed out after 3 s"
    assert info.value.problem().item == PAGE_URL


def test_connection_error_is_an_error() -> None:
    def refused(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno 111] Connection refused", request=request)

    site = Site({PAGE_URL: refused})
    with site.fetcher(respect_robots=False) as fetcher, pytest.raises(FetchError) as info:
        fetcher.get(PAGE_URL)
    assert "connection failed" in info.value.reason
    assert "Connection refused" in info.value.reason


def test_oversized_body_with_content_length_is_refused_unread() -> None:
    site = Site({PAGE_URL: page_response()})
    with site.fetcher(max_bytes=100_000) as fetcher, pytest.raises(FetchError) as info:
        fetcher.get(PAGE_URL)
    assert "too large" in info.value.reason


def test_oversized_streamed_body_stops_reading_early() -> None:
    """A 50 MB body without Content-Length: reading stops just past the cap."""
    served = 0

    def chunks() -> Iterator[bytes]:
        nonlocal served
        block = b"<p>" + b"x" * 65_533
        for _ in range(800):  # 800 x 64 KiB = 50 MiB
            served += len(block)
            yield block

    def endless(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=chunks(), headers={"content-type": "text/html"})

    site = Site({PAGE_URL: endless})
    with site.fetcher(max_bytes=1_000_000) as fetcher, pytest.raises(FetchError) as info:
        fetcher.get(PAGE_URL)
    assert "too large" in info.value.reason
    assert served < 2_000_000


def test_robots_disallow_is_honoured_and_cached_per_host() -> None:
    robots = "https://www.reuters.com/robots.txt"
    blocked = "https://www.reuters.com/private/report.html"
    site = Site(
        {
            robots: httpx.Response(200, text="User-agent: *\nDisallow: /private/\n"),
            PAGE_URL: page_response(),
            blocked: page_response(),
        }
    )
    with site.fetcher() as fetcher:
        assert fetcher.get(PAGE_URL).status == 200
        with pytest.raises(FetchError, match="disallowed by robots.txt"):
            fetcher.get(blocked)
        fetcher.get(PAGE_URL)
    assert site.hits(robots) == 1
    assert site.hits(blocked) == 0


def test_robots_rules_for_our_agent() -> None:
    robots = "https://www.reuters.com/robots.txt"
    rules = "User-agent: livebrief\nDisallow: /\n\nUser-agent: *\nAllow: /\n"
    site = Site({robots: httpx.Response(200, text=rules), PAGE_URL: page_response()})
    with site.fetcher() as fetcher, pytest.raises(FetchError, match="robots.txt"):
        fetcher.get(PAGE_URL)
    with site.fetcher(respect_robots=False) as fetcher:
        assert fetcher.get(PAGE_URL).status == 200


def test_missing_robots_allows_everything() -> None:
    site = Site({PAGE_URL: page_response()})  # robots.txt answers 404
    with site.fetcher() as fetcher:
        assert fetcher.get(PAGE_URL).content == PAGE.read_bytes()
    assert site.hits("https://www.reuters.com/robots.txt") == 1


def test_robots_server_error_refuses_the_host() -> None:
    robots = "https://www.reuters.com/robots.txt"
    site = Site({robots: httpx.Response(500), PAGE_URL: page_response()})
    with site.fetcher() as fetcher, pytest.raises(FetchError, match="robots.txt"):
        fetcher.get(PAGE_URL)
    assert site.hits(PAGE_URL) == 0


def test_redirect_into_a_disallowed_path_is_refused() -> None:
    start = "https://reut.rs/30AeUlD"
    target = "https://www.reuters.com/private/x"
    site = Site(
        {
            start: httpx.Response(301, headers={"location": target}),
            "https://www.reuters.com/robots.txt": httpx.Response(
                200, text="User-agent: *\nDisallow: /private"
            ),
            target: page_response(),
        }
    )
    with site.fetcher() as fetcher, pytest.raises(FetchError, match="disallowed"):
        fetcher.get(start)
    assert site.hits(target) == 0


@pytest.mark.parametrize("url", ["ftp://example.org/feed.xml", "file:///etc/passwd", "example.org"])
def test_unsupported_urls_are_errors(url: str) -> None:
    with Site({}).fetcher() as fetcher, pytest.raises(FetchError, match="unsupported URL scheme"):
        fetcher.get(url)


@pytest.mark.parametrize("url", ["https://", "http:///path", "https://exa mple.org/\x00"])
def test_malformed_urls_are_errors(url: str) -> None:
    with Site({}).fetcher() as fetcher, pytest.raises(FetchError) as info:
        fetcher.get(url)
    assert info.value.reason.startswith("invalid URL (")


def test_charset_of_header() -> None:
    assert charset_of('text/html; charset="ISO-8859-1"') == "iso-8859-1"
    assert charset_of("text/html") is None
    assert charset_of(None) is None


def test_canonical_url_drops_tracking_parameters() -> None:
    assert (
        canonical_url(
            "https://WWW.NPR.org:443/2021/10/29/1050315385/x?utm_medium=JSONFeed&utm_campaign=t"
        )
        == "https://www.npr.org/2021/10/29/1050315385/x"
    )
    heise = "https://www.heise.de/meldung/x-4205274.html?wt_mc=rss.ho.beitrag.rdf"
    assert canonical_url(heise) == "https://www.heise.de/meldung/x-4205274.html"
    kept = "http://ibash.org.ru/quote.php?id=17703#top"
    assert canonical_url(kept) == "http://ibash.org.ru/quote.php?id=17703"
    assert canonical_url("urn:uuid:1225c695") == "urn:uuid:1225c695"


# --- read_local ---------------------------------------------------------------------------


def test_read_local_reads_a_file() -> None:
    assert read_local(PAGE) == PAGE.read_bytes()


def test_read_local_missing(tmp_path: Path) -> None:
    with pytest.raises(FetchError, match="file not found"):
        read_local(tmp_path / "nope.html")


def test_read_local_empty(tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.touch()
    with pytest.raises(FetchError, match="file is empty"):
        read_local(empty)


def test_read_local_directory(tmp_path: Path) -> None:
    with pytest.raises(FetchError, match="is a directory"):
        read_local(tmp_path)


def test_read_local_refuses_a_50_mb_file_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.html"
    with big.open("wb") as fh:
        fh.truncate(50 * 2**20)  # sparse: 50 MB on paper, nothing on disk
    start = time.perf_counter()
    with pytest.raises(FetchError) as info:
        read_local(big, max_bytes=10 * 2**20)
    assert time.perf_counter() - start < 0.05
    assert info.value.reason == "file too large (50.0 MB > 10.0 MB)"
    assert info.value.url == str(big)
