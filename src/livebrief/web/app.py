"""The read-only web app: the briefing page, its feeds and exports, loaded fresh per request.

The briefing is read from the store on every request; laying it out and rendering it is
done again only when its content has changed since (on a briefing of 1,500 days that is
most of a second a request).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from livebrief.model import Briefing
from livebrief.publish.export import dumps
from livebrief.publish.feeds import atom_feed, json_feed
from livebrief.publish.markdown import to_markdown
from livebrief.publish.site import render_not_found, render_view, stylesheet
from livebrief.publish.view import BriefingView, build_view

log = logging.getLogger(__name__)

Renderer = Callable[[Briefing, BriefingView], str]

# path -> (media type, renderer)
OUTPUTS: dict[str, tuple[str, Renderer]] = {
    "/": ("text/html; charset=utf-8", lambda b, v: render_view(v)),
    "/feed.atom": ("application/atom+xml; charset=utf-8", lambda b, v: atom_feed(b, view=v)),
    "/feed.json": ("application/feed+json; charset=utf-8", lambda b, v: json_feed(b, view=v)),
    "/briefing.md": ("text/markdown; charset=utf-8", lambda b, v: to_markdown(b, view=v)),
    "/briefing.json": ("application/json", lambda b, v: dumps(b, view=v)),
}


class _Rendered:
    """The laid-out view and outputs of recent briefings, by their content and the address
    they are served at; a handful are kept, the least recently used dropped first."""

    def __init__(self, size: int = 4) -> None:
        self._size = size
        self._entries: OrderedDict[tuple[str, str], tuple[BriefingView, dict[str, str]]] = (
            OrderedDict()
        )
        self._lock = threading.Lock()

    def get(self, briefing: Briefing, base_url: str, path: str) -> str:
        key = (hashlib.sha256(repr(briefing).encode("utf-8")).hexdigest(), base_url)
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
        if entry is None:
            view = build_view(briefing, base_url=base_url)
            for problem in view.problems:
                log.warning("%s", problem)
            entry = (view, {})
        view, bodies = entry
        body = bodies.get(path)
        if body is None:
            body = bodies[path] = OUTPUTS[path][1](briefing, view)
        with self._lock:
            self._entries[key] = entry
            self._entries.move_to_end(key)
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)
        return body


class BriefingUnavailable(Exception):
    """The briefing could not be loaded; the message is one line for the reader."""


def create_app(load_briefing: Callable[[], Briefing], *, title: str | None = None) -> Starlette:
    """A Starlette app serving the briefing that `load_briefing()` returns on each request.

    `title`, if given, replaces the story title on the page and in the feeds.
    """

    def load() -> Briefing:
        try:
            briefing = load_briefing()
        except Exception as exc:  # the store is outside this app: report, don't crash
            log.error("briefing unavailable: %s: %s", type(exc).__name__, exc)
            raise BriefingUnavailable(f"{type(exc).__name__}: {exc}") from None
        if title:
            story = dataclasses.replace(briefing.story, title=title)
            briefing = dataclasses.replace(briefing, story=story)
        return briefing

    rendered = _Rendered()

    def output(path: str) -> Callable[[Request], Response]:
        media_type = OUTPUTS[path][0]

        def endpoint(request: Request) -> Response:
            body = rendered.get(load(), str(request.base_url), path)
            return _cached(request, body, media_type)

        return endpoint

    def style(request: Request) -> Response:
        return _cached(request, stylesheet(), "text/css; charset=utf-8")

    def healthz(request: Request) -> Response:
        briefing = load()
        body = {"status": "ok", "story": briefing.story.slug, "days": len(briefing.days)}
        return Response(json.dumps(body) + "\n", media_type="application/json")

    def not_found(request: Request, exc: Exception) -> Response:
        code = exc.status_code if isinstance(exc, HTTPException) else 404
        if code != 404:
            return PlainTextResponse(f"{code} {exc}\n", status_code=code)
        root = str(request.base_url)
        html = render_not_found(request.url.path, title=title or "", root=root)
        return HTMLResponse(html, status_code=404)

    def unavailable(request: Request, exc: Exception) -> Response:
        return PlainTextResponse(f"briefing unavailable: {exc}\n", status_code=503)

    routes = [Route(path, output(path), methods=["GET", "HEAD"]) for path in OUTPUTS]
    routes += [
        Route("/index.html", output("/"), methods=["GET", "HEAD"]),
        Route("/static/style.css", style, methods=["GET", "HEAD"]),
        Route("/healthz", healthz, methods=["GET", "HEAD"]),
    ]
    return Starlette(
        routes=routes,
        exception_handlers={
            HTTPException: not_found,
            BriefingUnavailable: unavailable,
        },
    )


def _cached(request: Request, body: str, media_type: str) -> Response:
    """The body with a strong ETag; 304 when the client already has it."""
    data = body.encode("utf-8")
    etag = '"' + hashlib.sha256(data).hexdigest()[:32] + '"'
    headers = {"ETag": etag, "Cache-Control": "no-cache"}
    if etag in _etags(request.headers.get("if-none-match", "")):
        return Response(status_code=304, headers=headers)
    return Response(data, media_type=media_type, headers=headers)


def _etags(header: str) -> set[str]:
    return {tag.strip().removeprefix("W/") for tag in header.split(",") if tag.strip()}


def serve(app: Starlette, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the app with uvicorn until interrupted."""
    import uvicorn

    uvicorn.run(app, host=host, port=port, log_level="info")
