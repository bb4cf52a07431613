"""read_pages: a folder, a file or a URL; every bad item is one Problem and the batch goes on."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import httpx
import pytest

from livebrief.ingest.http import Fetcher
from livebrief.ingest.pages import read_pages
from livebrief.model import Problem, Report

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT.parent / "shared" / "fixtures" / "pages"

pytestmark = pytest.mark.skipif(not PAGES.is_dir(), reason="shared fixtures not present")


def test_the_recorded_folder() -> None:
    items = list(read_pages(PAGES))
    assert len(items) == 20
    assert all(isinstance(i, Report) for i in items)
    titles = [i.title for i in items if isinstance(i, Report)]
    assert titles[0] == "Berlin confronts Germany's colonial past with new initiative"  # dw.com...
    assert titles[-1] == "Zugverkehr: Im ICE von Frankfurt nach Barcelona"  # zeit.de, last
    languages = {i.language for i in items if isinstance(i, Report)}
    assert languages == {"en", "de", "fr"}


def test_a_mixed_folder_keeps_going(tmp_path: Path) -> None:
    """Good pages in nested folders, and every kind of bad file, in sorted order."""
    (tmp_path / "a").mkdir()
    (tmp_path / "b" / "deep").mkdir(parents=True)
    shutil.copy(PAGES / "reuters.com.parasite.html", tmp_path / "a" / "reuters.html")
    shutil.copy(PAGES / "zeit.de.zugverkehr.html", tmp_path / "b" / "deep" / "zeit.HTM")
    (tmp_path / "a" / "empty.html").touch()
    (tmp_path / "a" / "junk.html").write_bytes(bytes(range(256)) * 64)
    (tmp_path / "a" / "notes.htm").write_text("Plain notes, no markup.\n" * 30)
    (tmp_path / "a" / "menu.html").write_text(
        "<html><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav></body></html>"
    )
    (tmp_path / "a" / "skip.txt").write_text("not a page")
    with (tmp_path / "b" / "huge.html").open("wb") as fh:
        fh.truncate(50 * 2**20)

    start = time.perf_counter()
    items = list(read_pages(tmp_path))
    elapsed = time.perf_counter() - start

    def short(item: Report | Problem) -> str:
        if isinstance(item, Report):
            return f"ok {item.title[:10]}"
        return f"{Path(item.item).relative_to(tmp_path)}: {item.reason}"

    assert [short(i) for i in items] == [
        "a/empty.html: file is empty",
        "a/junk.html: binary data, not an HTML page",
        "a/menu.html: no article text found",
        "a/notes.htm: not an HTML page (no HTML tags found)",
        "ok 'Parasite'",
        "ok Zugverkehr",
        "b/huge.html: file too large (50.0 MB > 10.0 MB)",
    ]
    assert elapsed < 5  # the 50 MB file is refused from its size, not read


def test_a_single_file_gets_its_canonical_url() -> None:
    (item,) = read_pages(PAGES / "theguardian.com.academics.html")
    assert isinstance(item, Report)
    assert item.url == (
        "http://www.theguardian.com/education/2020/jan/20/"
        "thousands-of-uk-academics-treated-as-second-class-citizens"
    )


def test_a_file_without_canonical_url_gets_a_file_url(tmp_path: Path) -> None:
    html = (ROOT / "tests" / "data" / "web" / "embeds.html").read_text("utf-8")
    page = tmp_path / "levee.html"
    page.write_text(html.replace('rel="canonical"', 'rel="author"'), "utf-8")
    (item,) = read_pages(page)
    assert isinstance(item, Report)
    assert item.url == page.resolve().as_uri()
    assert item.url.startswith("file:///")


def test_missing_source(tmp_path: Path) -> None:
    assert list(read_pages(tmp_path / "gone.html")) == [
        Problem(str(tmp_path / "gone.html"), "file not found")
    ]


def test_empty_folder(tmp_path: Path) -> None:
    assert list(read_pages(tmp_path)) == [
        Problem(str(tmp_path), "no .html or .htm files in this folder")
    ]


def test_custom_size_cap(tmp_path: Path) -> None:
    page = tmp_path / "reuters.html"
    shutil.copy(PAGES / "reuters.com.parasite.html", page)
    (item,) = read_pages(page, max_bytes=100_000)
    assert isinstance(item, Problem) and item.reason.startswith("file too large")


# --- URLs -------------------------------------------------------------------------------------

URL = "https://www.franceculture.fr/emissions/le-journal-des-idees/le-journal-des-idees-emission-du-mardi-14-janvier-2020"


def serve(response: httpx.Response) -> Fetcher:
    def handler(request: httpx.Request) -> httpx.Response:
        return response if str(request.url).startswith(URL) else httpx.Response(404)

    return Fetcher(transport=httpx.MockTransport(handler))


def test_a_url_in_latin_1_declared_only_in_the_header() -> None:
    """The page re-encoded as windows-1252 with its meta charset removed: only the header tells."""
    html = (PAGES / "franceculture.fr.idees.html").read_text("utf-8")
    body = html.replace('charset="utf-8"', "").encode("cp1252", errors="xmlcharrefreplace")
    response = httpx.Response(
        200, content=body, headers={"content-type": "text/html; charset=ISO-8859-1"}
    )
    with serve(response) as fetcher:
        (item,) = read_pages(URL + "?utm_source=twitter", fetcher)
    assert isinstance(item, Report)
    assert item.url == URL
    assert "Grand débat national, Convention citoyenne pour le climat" in item.text
    assert item.language == "fr" and item.fetched is not None
    assert item.raw == body


def test_a_url_that_is_not_html() -> None:
    response = httpx.Response(
        200, content=b"%PDF-1.7\n...", headers={"content-type": "application/pdf"}
    )
    with serve(response) as fetcher:
        assert list(read_pages(URL, fetcher)) == [
            Problem(URL, "not an HTML page (Content-Type application/pdf)")
        ]


def test_a_url_that_fails() -> None:
    with serve(httpx.Response(200)) as fetcher:
        assert list(read_pages("https://www.franceculture.fr/nope", fetcher)) == [
            Problem("https://www.franceculture.fr/nope", "HTTP 404 Not Found")
        ]
