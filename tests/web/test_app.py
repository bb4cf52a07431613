"""The read-only web app, called in-process through Starlette's test client."""

from __future__ import annotations

import json
import sqlite3

import feedparser
import lxml.html
import pytest

from livebrief.publish import dumps, stylesheet, to_markdown
from livebrief.web import create_app
from tests.publish.libya_sample import REJECTED, published_texts, records
from tests.web.conftest import Source, TestClient

ROUTES = {
    "/": "text/html; charset=utf-8",
    "/index.html": "text/html; charset=utf-8",
    "/feed.atom": "application/atom+xml; charset=utf-8",
    "/feed.json": "application/feed+json; charset=utf-8",
    "/briefing.md": "text/markdown; charset=utf-8",
    "/briefing.json": "application/json",
    "/static/style.css": "text/css; charset=utf-8",
    "/healthz": "application/json",
}


@pytest.mark.parametrize(("path", "media_type"), ROUTES.items())
def test_routes_and_content_types(client: TestClient, path: str, media_type: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"] == media_type
    assert response.content


def test_page_is_the_briefing(client: TestClient, source: Source) -> None:
    doc = lxml.html.fromstring(client.get("/").text)
    assert " ".join(doc.xpath("//h1")[0].text_content().split()).endswith("| Oct. 31")
    items = doc.xpath("//li[contains(@class, 'bullet')]/span[@class='text']")
    assert [i.text for i in items] == published_texts(source.briefing)
    assert doc.xpath("//link[@rel='stylesheet']/@href") == ["static/style.css"]


def test_exports_match_the_library(client: TestClient, source: Source) -> None:
    assert client.get("/briefing.md").text == to_markdown(source.briefing)
    assert client.get("/briefing.json").json() == json.loads(dumps(source.briefing))
    assert client.get("/static/style.css").text == stylesheet()


def test_feeds_use_the_request_url(client: TestClient) -> None:
    feed = feedparser.parse(client.get("/feed.atom").content)
    assert feed.bozo == 0
    assert all(e.link.startswith("http://testserver/#b-") for e in feed.entries)
    data = client.get("/feed.json").json()
    assert data["feed_url"] == "http://testserver/feed.json"
    assert records()[REJECTED]["text"] not in client.get("/feed.atom").text


def test_each_request_loads_the_current_briefing(client: TestClient, source: Source) -> None:
    before = client.get("/").text
    bullet = source.briefing.days[0].bullets[0]
    bullet.text = records()["wcep-libya-2011-2011-10-17-000"]["text"]
    after = client.get("/").text
    assert bullet.text not in before and bullet.text in after
    assert source.loads == 2
    entries = feedparser.parse(client.get("/feed.atom").content).entries
    assert entries[0].title.rstrip("…") in bullet.text


def test_etag_and_not_modified(client: TestClient, source: Source) -> None:
    first = client.get("/feed.atom")
    etag = first.headers["etag"]
    again = client.get("/feed.atom", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    source.briefing.days[0].bullets[0].text += " NATO welcomed the appointment."
    changed = client.get("/feed.atom", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["etag"] != etag


def test_head_requests(client: TestClient) -> None:
    response = client.head("/feed.json")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/feed+json; charset=utf-8"


def test_not_found_page(client: TestClient) -> None:
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    doc = lxml.html.fromstring(response.text)
    assert doc.xpath("//h1")[0].text == "Page not found"
    assert doc.xpath("//code")[0].text == "/no/such/page"
    assert "http://testserver/" in doc.xpath("//a/@href")


def test_read_only(client: TestClient) -> None:
    assert client.post("/").status_code == 405
    assert client.delete("/briefing.json").status_code == 405


def test_store_failure_is_one_line_not_a_traceback(client: TestClient, source: Source) -> None:
    source.error = sqlite3.OperationalError("unable to open database file")
    for path in ("/", "/feed.atom", "/healthz"):
        response = client.get(path)
        assert response.status_code == 503
        assert response.text == (
            "briefing unavailable: OperationalError: unable to open database file\n"
        )
    assert client.get("/static/style.css").status_code == 200


def test_healthz(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok", "story": "wcep-libya-2011", "days": 11}


def test_title_override(source: Source) -> None:
    with TestClient(create_app(source.load, title="Libya: Live")) as client:
        doc = lxml.html.fromstring(client.get("/").text)
        assert doc.findtext(".//title") == "Libya: Live | Oct. 31"
        assert client.get("/feed.json").json()["title"] == "Libya: Live"
        assert "Libya: Live" in client.get("/nothing").text
    assert source.briefing.story.title == "Libya Uprising Briefing"


def test_an_unchanged_briefing_is_laid_out_once(
    client: TestClient, source: Source, monkeypatch: pytest.MonkeyPatch
) -> None:
    import livebrief.web.app as web

    built: list[int] = []
    real = web.build_view

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        built.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(web, "build_view", counted)
    first = client.get("/").text
    for path in ("/", "/feed.atom", "/briefing.json", "/"):
        assert client.get(path).status_code == 200
    assert client.get("/").text == first
    assert len(built) == 1  # every output of one briefing from one layout
    source.briefing.days[0].bullets[0].text = "Rebels take the oil port of Brega, Reuters reported."
    assert "Rebels take the oil port of Brega" in client.get("/").text
    assert len(built) == 2  # a changed briefing is laid out again
    assert source.loads == 7  # and the store is read on every request
