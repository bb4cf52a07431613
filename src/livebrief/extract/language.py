"""The language of a text, found cheaply from its script and commonest words; and tags.

Texts mostly in a non-Latin script are told apart by their letters: Arabic, Urdu, Persian,
Russian, Ukrainian, Serbian, Bulgarian, Greek, Hebrew, Chinese, Japanese, Korean, Hindi,
Bengali, Tamil, Thai, Armenian, Georgian. Latin-script texts are scored against stop-word
profiles (en, de, fr, es, it, pt, nl, tr, pl, sv, da, no, ro), with letters that only one of
those languages writes counting as stop words.
"""

from __future__ import annotations

import re
from collections import Counter

__all__ = ["detect_language", "normalize_language"]

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
_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

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
        "bengali": "\u0980-\u09ff",
        "tamil": "\u0b80-\u0bff",
        "thai": "\u0e00-\u0e7f",
        "armenian": "\u0530-\u058f",
        "georgian": "\u10a0-\u10ff",
    }.items()
}
# The language of a script that only one language (of those told apart) writes.
_SCRIPT_LANGUAGE = {
    "kana": "ja",
    "han": "zh",
    "hangul": "ko",
    "greek": "el",
    "hebrew": "he",
    "devanagari": "hi",
    "bengali": "bn",
    "tamil": "ta",
    "thai": "th",
    "armenian": "hy",
    "georgian": "ka",
}
_URDU_LETTERS = "ٹڈڑںےۓھ"
_PERSIAN_LETTERS = "پچژگیک۰۱۲۳۴۵۶۷۸۹"  # not written in Arabic (Urdu is told apart first)
_UKRAINIAN_LETTERS = "іїєґІЇЄҐ"
_SERBIAN_LETTERS = "ђјљњћџЂЈЉЊЋЏ"
_BULGARIAN_WORDS = re.compile(r"(?:^|\s)(?:със|това|които|беше|са)(?=\s|$)")


def detect_language(text: str, *, min_evidence: int = 3) -> str | None:
    """The ISO 639-1 code of the text's language, or None when unsure.

    Only the first few thousand characters are read; markup, links and addresses are
    skipped. A text mostly in a non-Latin script is told by its letters. A Latin-script
    text needs ``min_evidence`` stop words (and own letters) of its best language: fewer,
    as in a short headline, is unsure. ``min_evidence=1`` guesses from any evidence at all.
    """
    sample = _MARKUP.sub(" ", text[:6000])[:3000]
    scripts = _scripts(sample)
    latin = scripts.pop("latin", 0)
    if scripts:
        script, count = scripts.most_common(1)[0]
        if count >= max(5, latin // 3):
            return _by_script(script, sample)
    best, evidence = _by_stopwords(sample)
    return best if evidence >= max(1, min_evidence) else None


def normalize_language(tag: str | None) -> str | None:
    """``en`` from ``en-US``, ``EN_gb`` or ``en``; None for nothing usable."""
    if not tag:
        return None
    primary = re.split(r"[-_,;\s]", tag.strip(), maxsplit=1)[0].lower()
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else None


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


def _by_script(script: str, text: str) -> str | None:
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
    return _SCRIPT_LANGUAGE.get(script)


def _by_stopwords(sample: str) -> tuple[str, int]:
    """The profiled language with the most stop words (and own letters), and how many."""
    words = [w.lower() for w in _WORDS.findall(sample) if len(w) > 1 or not w.isascii()]
    counts = {lang: sum(w in stops for w in words) for lang, stops in _STOPWORDS.items()}
    for lang, letters in _HINTS.items():
        counts[lang] += sum(sample.count(c) for c in letters)
    best = max(counts, key=lambda lang: counts[lang])
    return best, counts[best]
