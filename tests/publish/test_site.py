"""Writing the static site."""

from __future__ import annotations

import json
import logging
import stat
import time
from pathlib import Path

import feedparser
import pytest

from livebrief.model import Briefing, Bullet
from livebrief.publish import PublishError, render_page, stylesheet, write_site
from tests.publish.libya_sample import full_briefing

FILES = [
    "index.html",
    "static/style.css",
    "feed.atom",
    "feed.json",
    "briefing.md",
    "briefing.json",
]


def test_writes_every_output(briefing: Briefing, tmp_path: Path) -> None:
    out = tmp_path / "site" / "libya"
    written = write_site(briefing, out, base_url="https://example.org/libya/")
    assert written == [out / name for name in FILES]
    assert (out / "index.html").read_text("utf-8") == render_page(
        briefing, base_url="https://example.org/libya/"
    )
    assert (out / "static/style.css").read_text("utf-8") == stylesheet()
    assert feedparser.parse((out / "feed.atom").read_bytes()).bozo == 0
    assert json.loads((out / "briefing.json").read_text("utf-8"))["story"]["slug"]
    assert (out / "briefing.md").read_text("utf-8").startswith("# Libya Uprising Briefing")
    for path in written:
        assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_rewrites_in_place_without_leftovers(briefing: Briefing, tmp_path: Path) -> None:
    write_site(briefing, tmp_path)
    briefing.days[0].bullets[0].text += " The council confirmed the choice on Nov. 1."
    write_site(briefing, tmp_path)
    names = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    assert names == sorted(FILES)
    assert "confirmed the choice" in (tmp_path / "index.html").read_text("utf-8")


def test_unwritable_target_is_one_clear_error(briefing: Briefing, tmp_path: Path) -> None:
    blocker = tmp_path / "site"
    blocker.write_text("not a folder")
    with pytest.raises(PublishError) as info:
        write_site(briefing, blocker)
    message = str(info.value)
    assert message.startswith(str(blocker)) and "\n" not in message


def test_problems_are_logged_and_the_rest_written(
    briefing: Briefing, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    briefing.days[0].bullets.append(Bullet(text="", key="empty"))
    with caplog.at_level(logging.WARNING, logger="livebrief.publish.site"):
        write_site(briefing, tmp_path)
    assert [r.getMessage() for r in caplog.records] == [
        "bullet #2 of 2011-10-31: empty text; skipped"
    ]
    assert (tmp_path / "index.html").exists()


def test_whole_data_set_renders_quickly(tmp_path: Path) -> None:
    big = full_briefing()
    start = time.perf_counter()
    write_site(big, tmp_path)
    elapsed = time.perf_counter() - start
    page = (tmp_path / "index.html").read_text("utf-8")
    assert page.count('<li class="bullet') == 417
    assert page.count('<section class="day"') == 186
    assert elapsed < 3.0, f"{elapsed:.2f}s"
