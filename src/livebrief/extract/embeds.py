"""Embedded social posts in a page, snapshotted as :class:`~livebrief.model.Embed`.

Recognised embed codes, as the platforms hand them out: X/Twitter (``blockquote.twitter-tweet``),
Bluesky (``blockquote.bluesky-embed``), Mastodon (``blockquote.mastodon-embed`` or its iframe),
Instagram (``blockquote.instagram-media``) and the Telegram post widget
(``script[data-telegram-post]``). Only what the embed code itself carries is kept: a Mastodon
or Telegram embed has no post text until the platform's script runs, so its text is empty.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from urllib.parse import urlsplit, urlunsplit

import lxml.html
from lxml.html import HtmlElement

from livebrief.model import Embed

_STATUS_URL = re.compile(r"^https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/([^/?#]+)/status/(\d+)")
_BSKY_POST = re.compile(r"^https?://bsky\.app/profile/([^/?#]+)/post/([^/?#]+)")
_MASTODON_URL = re.compile(r"^https?://([^/]+)/@([^/?#]+)/(\d+)")
_BYLINE = re.compile(
    r"^\s*[—–-]*\s*(?P<name>.*?)\s*\(\s*(?P<handle>@[^)\s]+)\s*\)\s*(?P<date>.*?)\s*$", re.S
)
_SHARED_BY = re.compile(r"A post shared by\s*(?P<name>.*?)\s*\(@(?P<handle>[^)\s]+)\)", re.S)
_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y-%m-%d")


def extract_embeds(html: str | bytes | HtmlElement) -> list[Embed]:
    """All embedded posts in a page, in document order, one per post URL."""
    tree = html if isinstance(html, HtmlElement) else _parse(html)
    return find_embeds(tree) if tree is not None else []


def find_embeds(tree: HtmlElement, *, remove: bool = False) -> list[Embed]:
    """Snapshot the embeds in ``tree``; with ``remove``, take their markup out of the tree.

    Removing them keeps the posts' text out of the article text: it is kept in the embeds.
    """
    found: list[Embed] = []
    seen: set[str] = set()
    nodes: list[HtmlElement] = []
    for node in tree.iter("blockquote", "iframe", "script"):
        reader = _reader_for(node)
        if reader is None:
            continue
        embed = reader(node)
        nodes.append(node)
        if embed is not None and embed.url not in seen:
            seen.add(embed.url)
            found.append(embed)
    if remove:
        for node in nodes:
            _drop(node)
    return found


def _reader_for(node: HtmlElement) -> Callable[[HtmlElement], Embed | None] | None:
    classes = set((node.get("class") or "").split())
    if node.tag == "blockquote":
        if classes & {"twitter-tweet", "twitter-video"}:
            return _tweet
        if "bluesky-embed" in classes:
            return _bluesky
        if "mastodon-embed" in classes:
            return _mastodon
        if "instagram-media" in classes:
            return _instagram
    elif node.tag == "iframe" and "mastodon-embed" in classes:
        return _mastodon
    elif node.tag == "script" and node.get("data-telegram-post"):
        return _telegram
    return None


# --- one reader per platform --------------------------------------------------------------


def _tweet(node: HtmlElement) -> Embed | None:
    link = _last_link(node, _STATUS_URL)
    if link is None:
        return None
    href, label = link
    match = _STATUS_URL.match(href)
    assert match is not None
    name, handle, when = _byline(node)
    handle = handle or f"@{match.group(1)}"
    para = node.find(".//p")
    text = _text(para, skip=lambda a: (a.text_content() or "").startswith("pic."))
    return Embed(
        author=name or handle,
        handle=handle,
        date=_parse_date(label) or _parse_date(when),
        text=text,
        url=_strip_query(href),
    )


def _bluesky(node: HtmlElement) -> Embed | None:
    link = _last_link(node, _BSKY_POST)
    if link is None:
        return None
    href, label = link
    name, handle, when = _byline(node)
    para = node.find(".//p")
    text = _text(para, skip=lambda a: (a.text_content() or "").strip() == "[image or embed]")
    return Embed(
        author=name or handle,
        handle=handle,
        date=_parse_date(label) or _parse_date(when),
        text=text,
        url=_strip_query(href),
    )


def _mastodon(node: HtmlElement) -> Embed | None:
    candidates = [a.get("href", "") for a in node.iter("a")]
    candidates += [node.get("data-embed-url", ""), node.get("src", "")]
    for candidate in candidates:
        match = _MASTODON_URL.match(candidate)
        if match:
            host, user, post = match.groups()
            url = f"https://{host}/@{user}/{post}"
            break
    else:
        return None
    handle = f"@{user}@{host}" if "@" not in user else f"@{user}"
    stated = re.search(r"Post by (@[^@\s]+@[^\s<]+)", node.text_content())
    handle = stated.group(1) if stated else handle
    paras = [p.text_content().strip() for p in node.iter("p")]
    text = "\n\n".join(p for p in paras if p and not p.startswith("Post by"))
    when = node.find(".//time")
    return Embed(
        author=handle,
        handle=handle,
        date=_parse_date(when.get("datetime", "")) if when is not None else None,
        text=text,
        url=url,
    )


def _instagram(node: HtmlElement) -> Embed | None:
    permalink = node.get("data-instgrm-permalink") or ""
    if not permalink:
        hrefs = [a.get("href", "") for a in node.iter("a")]
        permalink = next((h for h in hrefs if re.search(r"instagram\.com/(p|reel|tv)/", h)), "")
    if not permalink:
        return None
    name, handle, caption = "", "", []
    for para in node.iter("p"):
        content = " ".join(para.text_content().split())
        shared = _SHARED_BY.search(content)
        if shared:
            name, handle = shared.group("name"), f"@{shared.group('handle')}"
        elif content and content != "View this post on Instagram":
            caption.append(content)
    when = node.find(".//time")
    return Embed(
        author=name or handle,
        handle=handle,
        date=_parse_date(when.get("datetime", "")) if when is not None else None,
        text="\n\n".join(caption),
        url=_strip_query(permalink),
    )


def _telegram(node: HtmlElement) -> Embed | None:
    post = (node.get("data-telegram-post") or "").strip().strip("/")
    if not re.fullmatch(r"[A-Za-z0-9_]+/\d+", post):
        return None
    channel = post.split("/", 1)[0]
    return Embed(
        author=f"@{channel}", handle=f"@{channel}", date=None, text="", url=f"https://t.me/{post}"
    )


# --- helpers ------------------------------------------------------------------------------


def _parse(html: str | bytes) -> HtmlElement | None:
    try:
        return lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None


def _last_link(node: HtmlElement, pattern: re.Pattern[str]) -> tuple[str, str] | None:
    """The last link in ``node`` to a post (the permalink on the date), and its label."""
    links = [(a.get("href", ""), a.text_content().strip()) for a in node.iter("a")]
    matching = [link for link in links if pattern.match(link[0])]
    return matching[-1] if matching else None


def _byline(node: HtmlElement) -> tuple[str, str, str]:
    """Name, handle and date label from the "— Name (@handle) date" line after the post."""
    para = node.find(".//p")
    if para is None:
        tail = node.text_content()
    else:
        tail = node.text_content()
        body = para.text_content()
        tail = tail[tail.find(body) + len(body) :] if body in tail else tail
    match = _BYLINE.match(" ".join(tail.split()))
    if not match:
        return "", "", ""
    return match.group("name"), match.group("handle"), match.group("date")


def _text(para: HtmlElement | None, skip: Callable[[HtmlElement], bool]) -> str:
    """The post's text, line breaks kept, without the links ``skip`` selects."""
    if para is None:
        return ""
    parts: list[str] = [para.text or ""]
    for child in para:
        if child.tag == "br":
            parts.append("\n")
        elif not (child.tag == "a" and skip(child)):
            parts.append(child.text_content())
        parts.append(child.tail or "")
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _parse_date(label: str) -> date | None:
    label = label.strip()
    if not label:
        return None
    label = re.split(r"\s+at\s+", label, maxsplit=1)[0]
    try:
        return datetime.fromisoformat(label.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(label, fmt).date()
        except ValueError:
            continue
    return None


def _strip_query(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


def _drop(node: HtmlElement) -> None:
    """Remove ``node`` from its tree, keeping the text that follows it."""
    if node.getparent() is not None:
        node.drop_tree()
