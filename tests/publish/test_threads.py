"""Threads in the published outputs: the page's "Earlier" link, `follows` in JSON, Markdown."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest

from livebrief.model import Briefing, BulletState, Story
from livebrief.publish import build_view, render_page, to_json, to_markdown, write_site
from tests.compose.test_threads import demo_days

DOCS = Path(__file__).resolve().parents[2] / "docs"
CHROMIUM = Path("/usr/bin/chromium")
RECAPTURE = "2022-04-01-000"  # Ukrainian forces recapture Bucha
DEAD = "2022-04-02-000"  # hundreds of civilians found dead in Bucha
HOCKEY = "2022-02-28-053"  # the ice hockey federation suspends Russian clubs: no thread


def ukraine(*, rejected: str = "") -> Briefing:
    """The demo corpus's items as a briefing (one bullet each), optionally one rejected."""
    days = [
        replace(
            d,
            bullets=[
                replace(b, state=BulletState.REJECTED if b.key == rejected else b.state)
                for b in d.bullets
            ],
        )
        for d in demo_days()
    ]
    story = Story(slug="wcep-ukraine-2022", title="War in Ukraine", timezone="Europe/Kyiv")
    return Briefing(story=story, days=days[::-1])


def bullet_html(html: str, key: str) -> str:
    match = re.search(rf'<li class="bullet[^"]*" id="b-{key}">(.*?)</li>', html, re.S)
    assert match, f"no bullet b-{key} on the page"
    return match.group(1)


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    return ukraine()


def test_page_links_a_bullet_to_the_one_it_continues(briefing: Briefing) -> None:
    html = render_page(briefing)
    item = bullet_html(html, DEAD)
    assert f'<a class="earlier" href="#b-{RECAPTURE}"' in item
    assert 'Earlier: <time datetime="2022-04-01">April 1</time></a>' in item
    assert 'title="Ukrainian forces recapture Bucha, Kyiv Oblast' in item
    assert "earlier" not in bullet_html(html, HOCKEY)
    # every "Earlier" link points at a bullet of an earlier day on the same page
    ids = set(re.findall(r'<li class="bullet[^"]*" id="(b-[^"]+)"', html))
    targets = re.findall(r'<a class="earlier" href="#(b-[^"]+)"', html)
    assert targets and set(targets) <= ids
    days = {a: d for d, block in _day_blocks(html) for a in re.findall(r'id="(b-[^"]+)"', block)}
    for source, target in re.findall(
        r'<li class="bullet[^"]*" id="(b-[^"]+)">(?:(?!</li>).)*?'
        r'<a class="earlier" href="#(b-[^"]+)"',
        html,
        re.S,
    ):
        assert days[target] < days[source]


def _day_blocks(html: str) -> list[tuple[str, str]]:
    return re.findall(
        r'<section class="day" id="d-([\d-]+)">(.*?)(?=<section class="day"|</main>)', html, re.S
    )


def test_json_export_has_follows_and_validates(briefing: Briefing) -> None:
    schema = json.loads((DOCS / "export.schema.json").read_text("utf-8"))
    data = to_json(briefing)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    assert [e.message for e in validator.iter_errors(data)] == []
    bullets = {b["key"]: b for d in data["days"] for b in d["bullets"]}
    assert bullets[DEAD]["follows"] == RECAPTURE
    assert bullets[HOCKEY]["follows"] is None
    assert all(b["follows"] in bullets for b in bullets.values() if b["follows"])
    data["days"][0]["bullets"][0]["follows"] = "not a key!"
    assert list(validator.iter_errors(data))


def test_rejected_bullet_is_never_a_thread_target(briefing: Briefing) -> None:
    assert to_json(briefing)  # the module's briefing links DEAD to RECAPTURE (test above)
    rejected = ukraine(rejected=RECAPTURE)
    html = render_page(rejected)
    assert f"b-{RECAPTURE}" not in html
    bullets = {b["key"]: b for d in to_json(rejected)["days"] for b in d["bullets"]}
    assert RECAPTURE not in bullets
    assert RECAPTURE not in {b["follows"] for b in bullets.values()}


def test_markdown_links_to_the_page_permalink_when_it_has_an_address(briefing: Briefing) -> None:
    base = "https://news.example.org/ukraine/"
    md = to_markdown(briefing, view=build_view(briefing, base_url=base))
    line = next(x for x in md.splitlines() if x.startswith("- Hundreds of civilians"))
    assert line.endswith(f" [Earlier: April 1]({base}#b-{RECAPTURE})")
    plain = next(x for x in to_markdown(briefing).splitlines() if x.startswith("- Hundreds of"))
    assert plain.endswith(" _Earlier: April 1_")
    hockey = next(x for x in md.splitlines() if "International Ice Hockey Federation" in x)
    assert "Earlier" not in hockey


def test_unkeyed_bullets_link_to_their_derived_permalink(briefing: Briefing) -> None:
    unkeyed = replace(
        briefing,
        days=[replace(d, bullets=[replace(b, key="") for b in d.bullets]) for d in briefing.days],
    )
    view = build_view(unkeyed)
    by_text = {b.text: b for b in view.bullets}
    dead = next(b for t, b in by_text.items() if t.startswith("Hundreds of civilians"))
    recapture = next(
        b for t, b in by_text.items() if t.startswith("Ukrainian forces recapture Bucha")
    )
    assert dead.earlier is not None and dead.earlier.key == recapture.key
    assert f'href="#{recapture.anchor}"' in render_page(unkeyed)


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} not installed (apt chromium)")
def test_earlier_link_in_chromium(briefing: Briefing, tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    from tests.web.test_browser import ARGS

    write_site(briefing, tmp_path)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 375, "height": 800})
            page.goto((tmp_path / "index.html").as_uri())
            link = page.locator(f"#b-{DEAD} a.earlier")
            assert link.inner_text() == "Earlier: April 1"
            sizes = link.evaluate(
                "e => [parseFloat(getComputedStyle(e).fontSize),"
                " parseFloat(getComputedStyle(e.parentElement).fontSize)]"
            )
            assert sizes[0] < sizes[1]  # small, beside the bullet's text
            link.click()
            page.wait_for_function(f"location.hash === '#b-{RECAPTURE}'")
            target = page.locator(f"#b-{RECAPTURE}")
            background = target.evaluate("e => getComputedStyle(e).backgroundColor")
            assert background not in ("rgba(0, 0, 0, 0)", "transparent")
            assert target.is_visible()
            widths = page.evaluate(
                "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
            )
            assert widths[0] <= widths[1] == 375
        finally:
            browser.close()
