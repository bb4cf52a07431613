"""The served page in a real Chromium: loads, headings, permalinks, narrow screens."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from livebrief.model import Briefing
from livebrief.web import create_app

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-dev-shm-usage",
]
SCREENSHOT = Path("/tmp/livebrief-briefing-375.png")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} not installed (apt chromium)"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(briefing: Briefing) -> Iterator[str]:
    port = free_port()
    config = uvicorn.Config(
        create_app(lambda: briefing), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}/"
    server.should_exit = True
    thread.join(timeout=10)


def test_page_in_chromium(server: str) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 375, "height": 800})
            response = page.goto(server)
            assert response is not None and response.ok
            first = page.locator("section.day h2").first.inner_text()
            assert first.startswith("Oct. 31: what you need to know today")

            bullet = page.locator("li.bullet").nth(2)
            anchor = bullet.get_attribute("id")
            bullet.locator("a.permalink").click()
            page.wait_for_function(f"location.hash === '#{anchor}'")
            assert page.evaluate("location.hash") == f"#{anchor}"
            highlighted = bullet.evaluate("e => getComputedStyle(e).backgroundColor")
            assert highlighted not in ("rgba(0, 0, 0, 0)", "transparent")

            page.goto(server)
            widths = page.evaluate(
                "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
            )
            assert widths[0] <= widths[1] == 375
            css = page.evaluate("getComputedStyle(document.body).backgroundColor")
            assert css == "rgb(253, 252, 249)"  # the stylesheet was served and applied
            page.screenshot(path=str(SCREENSHOT), full_page=False)
            page.emulate_media(color_scheme="dark")
            dark = page.evaluate("getComputedStyle(document.body).backgroundColor")
            assert dark == "rgb(21, 23, 26)"
        finally:
            browser.close()
