"""What a report is (news, analysis, opinion, statement, social post) and its language.

The kind comes first from what the source is (an official body's or NGO's site, a social
platform), then from the URL path (/opinion/, /comment/, /analysis/, /press-releases/) and
the title ("Analysis:", "Opinion:", "Explainer", "What we know", "Kommentar:"), and last from
the text: first-person, argumentative writing outside quotes reads as opinion.

The language is found cheaply: by script for Arabic, Urdu, Persian, Cyrillic (Russian,
Ukrainian), Greek, Hebrew, Chinese, Japanese, Korean and others; by stop-word profiles for
languages written in Latin script (en, de, fr, es, it, pt, nl, tr, pl and a few more).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from urllib.parse import urlparse

from livebrief.enrich.attribution import TextView
from livebrief.enrich.outlets import OutletRegistry
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

_STOPWORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": """the and of to in is was that for on are with as it at by from be have has
            this not but were they which said their an had been will would its who more after""",
        "de": """der die das und ist nicht ein eine zu den von mit sich des auf für im dem
            auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie
            in einen einem eines nur oder aber wenn so was über wir ihr man kann soll will
            haben hatte wurde durch bis vom zum zur mehr ich du""",
        "fr": """le la les et des est un une du en que qui dans pour pas sur au avec ce il
            sont plus par ne se elle ont mais ou aux cette être été leur nous""",
        "es": """el la los las de y que en un una es por con para del se no al lo como más
            su pero sus le ha este fue son también entre está cuando muy sin""",
        "it": """il la di che e è un una per non in del della le si con sono da al dei gli
            alla più anche come ma nel questo delle ha lo suo degli""",
        "pt": """o a os as de e que do da em um uma para é com não no na por mais dos das
            se ao como mas foi ele sua ou seu são está também""",
        "nl": """de het een en van is dat op te in voor niet met zijn die er aan ook als bij
            maar om dan nog werd naar uit heeft worden wordt deze""",
        "tr": """ve bir bu da de için ile çok ne daha gibi olan olarak ama en kadar sonra
            değil var mı mi ise ya şey her onun ancak ben sen o biz siz onlar nerede""",
        "pl": """i w na z się nie do to że jest o jak a co za po ale od jego był tak przez
            czy już są być może oraz również tylko dla""",
        "sv": """och att det som en på är av för med till den har inte om ett de var men
            jag han sig från vid så kan""",
        "da": """og i det som en på er af for med til den har ikke om et de var men jeg
            han sig fra ved så kan blev at efter nogle hvor hvem""",
        "no": """og i det som en på er av for med til den har ikke om et de var men jeg
            han seg fra ved så kan ble å etter noen hvor hvem""",
        "ro": """și în de la cu pe care este un o din nu a fost se mai ca pentru sau""",
    }.items()
}
# Letters that only one language (of those profiled) writes: each counts as a stop word.
_HINTS: dict[str, str] = {
    "tr": "şğıİ",
    "pl": "ąęłńśźż",
    "de": "ß",
    "es": "ñ¿¡",
    "pt": "ãõ",
    "fr": "œ",
    "ro": "țșă",
    "da": "æø",
    "no": "æø",
}
_MARKUP = re.compile(r"<[^>]{0,300}>|&[#\w]{1,10};|https?://\S+|www\.\S+|\S+@\S+")
_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the text's language ("und" when nothing can be told)."""
    sample = _MARKUP.sub(" ", text[:6000])[:3000]
    scripts = _scripts(sample)
    latin = scripts.pop("latin", 0)
    if scripts:
        script, count = scripts.most_common(1)[0]
        if count >= max(5, latin // 3):
            return _by_script(script, sample)
    words = [w.lower() for w in _WORDS.findall(sample) if len(w) > 1 or not w.isascii()]
    if not words:
        return "und"
    counts = {lang: sum(w in stops for w in words) for lang, stops in _STOPWORDS.items()}
    for lang, letters in _HINTS.items():
        counts[lang] += sum(sample.count(c) for c in letters)
    best = max(counts, key=lambda lang: counts[lang])
    return best if counts[best] > 0 else "und"


_SCRIPTS: dict[str, re.Pattern[str]] = {
    name: re.compile(f"[{ranges}]")
    for name, ranges in {
        "latin": "A-Za-z\u00c0-\u024f",
        "arabic": "\u0600-\u06ff\u0750-\u077f\ufb50-\ufeff",
        "cyrillic": "\u0400-\u04ff",
        "kana": "\u3040-\u30ff",
        "han": "\u3400-\u4dbf\u4e00-\u9fff",
        "hangul": "\u1100-\u11ff\uac00-\ud7af",
        "greek": "\u0370-\u03ff",
        "hebrew": "\u0590-\u05ff",
        "devanagari": "\u0900-\u097f",
        "thai": "\u0e00-\u0e7f",
        "armenian": "\u0530-\u058f",
        "georgian": "\u10a0-\u10ff",
    }.items()
}


def _scripts(text: str) -> Counter[str]:
    """Letters of each script in ``text``."""
    out: Counter[str] = Counter()
    for name, pattern in _SCRIPTS.items():
        count = len(pattern.findall(text))
        if count:
            out[name] = count
    if out.get("kana"):
        out["kana"] += out.pop("han", 0)  # Japanese mixes kanji and kana
    return out


_URDU_LETTERS = "ٹڈڑںےۓھ"
_PERSIAN_LETTERS = "پچژگیک۰۱۲۳۴۵۶۷۸۹"  # not written in Arabic (Urdu is told apart first)
_UKRAINIAN_LETTERS = "іїєґІЇЄҐ"
_SERBIAN_LETTERS = "ђјљњћџЂЈЉЊЋЏ"
_BULGARIAN_WORDS = re.compile(r"(?:^|\s)(?:със|това|които|беше|са)(?=\s|$)")


def _by_script(script: str, text: str) -> str:
    if script == "arabic":
        if any(c in text for c in _URDU_LETTERS):
            return "ur"
        return "fa" if sum(text.count(c) for c in _PERSIAN_LETTERS) >= 2 else "ar"
    if script == "cyrillic":
        if any(c in text for c in _UKRAINIAN_LETTERS):
            return "uk"
        if any(c in text for c in _SERBIAN_LETTERS):
            return "sr"
        return "bg" if len(_BULGARIAN_WORDS.findall(text)) >= 2 else "ru"
    return {
        "kana": "ja",
        "han": "zh",
        "hangul": "ko",
        "greek": "el",
        "hebrew": "he",
        "devanagari": "hi",
        "thai": "th",
        "armenian": "hy",
        "georgian": "ka",
    }.get(script, "und")
