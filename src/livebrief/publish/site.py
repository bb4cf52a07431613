"""The static site: the briefing page and every other output written into one folder."""

from __future__ import annotations

import logging
import os
import tempfile
from functools import cache
from importlib import resources
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from livebrief.model import Briefing
from livebrief.publish.export import dumps
from livebrief.publish.feeds import atom_feed, json_feed
from livebrief.publish.format import ap_datetime, rfc3339
from livebrief.publish.jsonld import live_blog_posting, script_json
from livebrief.publish.markdown import to_markdown
from livebrief.publish.view import BriefingView, build_view

log = logging.getLogger(__name__)


class PublishError(Exception):
    """An output could not be written; the message names the file and the reason."""


@cache
def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("livebrief.publish", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["rfc3339"] = rfc3339
    env.filters["ap_datetime"] = ap_datetime
    return env


@cache
def stylesheet() -> str:
    """The page's CSS (shipped with the package)."""
    return resources.files("livebrief.publish").joinpath("static/style.css").read_text("utf-8")


def render_view(view: BriefingView) -> str:
    """The HTML page for an already built view."""
    jsonld = Markup(script_json(live_blog_posting(view)))  # noqa: S704 - escaped for <script>
    return _env().get_template("page.html").render(v=view, jsonld=jsonld)


def render_page(briefing: Briefing, *, base_url: str = "") -> str:
    """The briefing as one self-contained HTML page (its CSS at static/style.css)."""
    return render_view(build_view(briefing, base_url=base_url))


def render_not_found(path: str, *, title: str = "", root: str = "/") -> str:
    """A small 404 page linking back to the briefing."""
    return _env().get_template("not_found.html").render(path=path, title=title, root=root)


def write_site(briefing: Briefing, out_dir: Path, *, base_url: str = "") -> list[Path]:
    """Write index.html, static/style.css, feed.atom, feed.json, briefing.md, briefing.json.

    Each file is replaced atomically, so a web server never serves half a file. Items that
    could not be published are logged as one-line problems; the rest is still written.
    Raises `PublishError` if a file cannot be written.
    """
    view = build_view(briefing, base_url=base_url)
    for problem in view.problems:
        log.warning("%s", problem)
    outputs = {
        "index.html": render_view(view),
        "static/style.css": stylesheet(),
        "feed.atom": atom_feed(briefing, base_url, view=view),
        "feed.json": json_feed(briefing, base_url, view=view),
        "briefing.md": to_markdown(briefing, view=view),
        "briefing.json": dumps(briefing, view=view),
    }
    out_dir = Path(out_dir)
    written: list[Path] = []
    for name, text in outputs.items():
        path = out_dir / name
        _write_atomic(path, text)
        written.append(path)
    return written


def _write_atomic(path: Path, text: str) -> None:
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
        raise PublishError(f"{path}: cannot write ({exc.strerror or exc})") from None
