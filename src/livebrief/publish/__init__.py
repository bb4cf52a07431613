"""publish stage: render a briefing as a page, feeds, Markdown and JSON, and write a site."""

from livebrief.publish.export import dumps, to_json
from livebrief.publish.feeds import atom_feed, json_feed
from livebrief.publish.markdown import to_markdown
from livebrief.publish.site import PublishError, render_page, stylesheet, write_site
from livebrief.publish.view import BriefingView, build_view

__all__ = [
    "BriefingView",
    "PublishError",
    "atom_feed",
    "build_view",
    "dumps",
    "json_feed",
    "render_page",
    "stylesheet",
    "to_json",
    "to_markdown",
    "write_site",
]
