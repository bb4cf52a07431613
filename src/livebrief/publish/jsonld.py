"""schema.org LiveBlogPosting metadata for the page."""

from __future__ import annotations

import json
from typing import Any

from livebrief.publish.format import headline, rfc3339
from livebrief.publish.view import BriefingView

# Inside <script>, "</script>" or "<!--" in a string would end or confuse the element.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def live_blog_posting(view: BriefingView) -> dict[str, Any]:
    """A LiveBlogPosting with one BlogPosting per published bullet, newest first."""
    updates = [
        {
            "@type": "BlogPosting",
            "headline": headline(b.text, 110),
            "articleBody": b.text,
            "datePublished": rfc3339(b.published),
            "dateModified": rfc3339(b.modified),
            "url": view.url(b.anchor),
        }
        for b in view.bullets
    ]
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": view.title,
    }
    if view.base_url:
        data["url"] = view.url()
    if view.standfirst:
        data["description"] = view.standfirst
    if view.story.keywords:
        data["keywords"] = ", ".join(view.story.keywords)
    if view.bullets:
        first = rfc3339(min(b.published for b in view.bullets))
        data["datePublished"] = data["coverageStartTime"] = first
    if view.updated:
        data["dateModified"] = rfc3339(view.updated)
    data["liveBlogUpdate"] = updates
    return data


def script_json(data: dict[str, Any]) -> str:
    """JSON that is safe to place verbatim inside a <script> element."""
    return json.dumps(data, ensure_ascii=False, indent=1).translate(_SCRIPT_SAFE)
