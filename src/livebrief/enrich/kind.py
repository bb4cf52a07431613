"""What a report is (news, analysis, opinion, statement, social post) and its language.

The kind comes first from what the source is (an official body's or NGO's site, a social
platform), then from the URL path (/opinion/, /comment/, /analysis/, /press-releases/) and
the title ("Analysis:", "Opinion:", "Explainer", "What we know", "Kommentar:"), and last from
the text: first-person, argumentative writing outside quotes reads as opinion.

The language is the document-level guess of ``livebrief.extract.language``, with "und"
(undetermined) when it cannot tell.
"""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import urlparse

from livebrief.enrich.attribution import TextView
from livebrief.enrich.outlets import OutletRegistry
from livebrief.extract.language import detect_language as _detect_language
from livebrief.model import OutletKind, ReportKind

__all__ = ["detect_language", "report_kind"]

_SOCIAL_HOSTS = frozenset(
    [
        "twitter.com",
        "x.com",
        "facebook.com",
        "fb.com",
        "m.facebook.com",
        "t.me",
        "telegram.me",
        "instagram.com",
        "youtube.com",
        "youtu.be",
        "tiktok.com",
        "reddit.com",
        "old.reddit.com",
        "bsky.app",
        "threads.net",
        "vk.com",
        "weibo.com",
        "linkedin.com",
        "mastodon.social",
        "truthsocial.com",
    ]
)
_SOCIAL_PATH = re.compile(r"/(?:status(?:es)?|posts?|p|reel|watch|shorts|comments)/|^/@", re.I)
_OFFICIAL_HOST = re.compile(
    r"(?:^|\.)(?:gov|mil|gouv|gob|govt|gv|admin)(?:\.[a-z]{2})?$|\.int$|(?:^|\.)europa\.eu$|"
    r"(?:^|\.)un\.org$|(?:^|\.)kremlin\.ru$|(?:^|\.)president\.gov\.[a-z]{2}$|\.mil\.[a-z]{2}$|"
    r"(?:^|\.)bund\.de$|(?:^|\.)bundesregierung\.de$"
)
_STATEMENT_PATH = re.compile(
    r"/(?:press[-_]?releases?|pressreleases?|news[-_]?releases?|media[-_]?releases?|"
    r"statements?|newsroom|press[-_]?room|press[-_]?centre|press[-_]?center|media[-_]?centre|"
    r"readouts?|communiques?|speeches|pressemitteilungen|communiques-de-presse)(?:/|$|\.)",
    re.I,
)
_STATEMENT_TITLE = re.compile(
    r"^\s*(?:(?:joint\s+)?statement\s+(?:by|from|on|of)\b|press\s+release\b|readout\s+of\b|"
    r"remarks\s+by\b|communiqu[eé]\b|declaration\s+(?:by|of)\b|news\s+release\b)",
    re.I,
)
_STATEMENT_TEXT = re.compile(
    r"^\s*(?:for\s+immediate\s+release|press\s+release|news\s+release|joint\s+statement)\b", re.I
)
_OPINION_PATH = re.compile(
    r"/(?:opinions?|comment|commentisfree|op-?eds?|editorials?|letters(?:-to-the-editor)?|"
    r"columns?|columnists?|views|voices|perspectives?|blogs?|kommentare?|meinung|tribunes?|"
    r"opinion-[a-z]+|debate)(?:/|$|\.)",
    re.I,
)
_OPINION_TITLE = re.compile(
    r"^\s*(?:opinion|op-?ed|comment|commentary|editorial|letters?(?:\s+to\s+the\s+editor)?|"
    r"column|view|viewpoint|kommentar|meinung|tribune|leader)\s*[:|–—-]",
    re.I,
)
_ANALYSIS_PATH = re.compile(
    r"/(?:analysis|news-analysis|explainers?|explained|in-depth|indepth|insight|features?/analysis|"
    r"fact-?check(?:s|ing)?|factbox|q-and-a|background|hintergrund|analyse)(?:/|$|\.)",
    re.I,
)
_ANALYSIS_TITLE = re.compile(
    r"^\s*(?:analysis|news\s+analysis|explainer|explained|factbox|fact\s*check|q\s*&\s*a|"
    r"timeline|background|analyse|hintergrund|missing\s+link)\s*[:|–—-]|"
    r"^\s*(?:what\s+we\s+know|what\s+you\s+need\s+to\s+know|everything\s+you\s+need\s+to\s+know|"
    r"why\s+\w+|how\s+\w+\s+\w+|the\s+big\s+picture)\b",
    re.I,
)
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’")
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|I'll|my|me|myself)\b")
_READER = re.compile(r"\b(?:you|your|let's|let us)\b", re.I)
_WE = re.compile(r"\b(?:we|our|us|ourselves)\b", re.I)
_EXHORT = re.compile(
    r"\b(?:should|must|ought to|need to|needs to|it is time|it's time|shame|surely|of course|"
    r"frankly|clearly|absurd|ridiculous|nonsense|disgrace|we can't|we cannot)\b",
    re.I,
)
_REPORTING = re.compile(
    r"\b(?:said|says|told|according to|reported|announced|stated|added|confirmed)\b", re.I
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def report_kind(
    title: str, text: str, url: str = "", outlet_kind: OutletKind | None = None
) -> ReportKind:
    """The kind of a report, from its source, URL, title and (last) its text.

    ``outlet_kind`` is the kind of the report's outlet; when not given it is looked up from
    the URL's domain in the built-in outlet list.
    """
    if outlet_kind is None and url:
        outlet = _registry().lookup_domain(url)
        outlet_kind = outlet.kind if outlet is not None else None
    parts = urlparse(url if "://" in url else f"http://{url}") if url else None
    host = (parts.hostname or "").lower().removeprefix("www.") if parts else ""
    path = parts.path if parts else ""
    if outlet_kind == OutletKind.SOCIAL or (host in _SOCIAL_HOSTS and _SOCIAL_PATH.search(path)):
        return ReportKind.SOCIAL
    if (
        outlet_kind in (OutletKind.OFFICIAL, OutletKind.NGO)
        or _OFFICIAL_HOST.search(host)
        or _STATEMENT_PATH.search(path)
        or _STATEMENT_TITLE.match(title)
        or _STATEMENT_TEXT.match(text[:200])
    ):
        return ReportKind.STATEMENT
    if _OPINION_PATH.search(path) or _OPINION_TITLE.match(title):
        return ReportKind.OPINION
    if _ANALYSIS_PATH.search(path) or _ANALYSIS_TITLE.match(title):
        return ReportKind.ANALYSIS
    if _argumentative(text):
        return ReportKind.OPINION
    return ReportKind.NEWS


@cache
def _registry() -> OutletRegistry:
    return OutletRegistry()


def _argumentative(text: str, limit: int = 40) -> bool:
    """Does the opening of the text argue in the writer's own voice?"""
    body = TextView(text[:6000]).text if text else ""
    sentences = [s for s in _SENTENCE.split(body) if len(s.split()) >= 4][:limit]
    if len(sentences) < 3:
        return False
    own = 0.0
    reports = 0
    for sentence in sentences:
        if _REPORTING.search(sentence):
            reports += 1
        bare = _QUOTED.sub(" ", sentence)
        if '"' in sentence or "“" in sentence:
            continue  # quoted speech is someone else's voice
        own += len(_FIRST_PERSON.findall(bare)) + 0.5 * len(_READER.findall(bare))
        own += 0.5 * len(_WE.findall(bare))
        own += 0.5 * len(_EXHORT.findall(bare)) + (0.5 if bare.rstrip().endswith("?") else 0)
    n = len(sentences)
    return own / n >= 0.3 and reports / n < 0.2


# --- language ---------------------------------------------------------------------------------


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the text's language ("und" when nothing can be told).

    Unlike ``livebrief.extract.language.detect_language`` it guesses from any evidence, as
    there is no declared language left to fall back on.
    """
    return _detect_language(text, min_evidence=1) or "und"
