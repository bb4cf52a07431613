"""The language of a text: a cheap guess from its script and commonest words, and tags."""

from __future__ import annotations

import re

_STOPWORDS = {
    "en": "the and of to in is that for it was on with as are be by this have from at his her "
    "they not but which said were has been will would their who",
    "de": "der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch es "
    "wird bei nach wie noch sind oder aus einer werden hat dass",
    "fr": "le la les et des est une un du que dans pour qui pas sur au avec ce il sont par "
    "plus se elle ont cette mais été aux nous",
    "es": "el la los las y de que en un una es por con para del se no al lo como más pero "
    "sus fue ha este está son también",
    "it": "il lo la gli le e di che un una è per con non del della sono si da nel alla anche "
    "come più ma ha questo degli",
    "pt": "o a os as e de que em um uma é para com não do da dos das no na por mais se foi "
    "ao pelo pela são também",
    "nl": "de het een en van is dat op te in zijn niet met voor die er aan ook als bij door "
    "maar wordt naar",
    "pl": "i w na z się nie do że to jest o jak od po ale za przez co jego są dla już tak",
    "tr": "ve bir bu da de için ile olarak çok daha olan gibi ama en kadar sonra ne değil var",
    "sv": "och att det som en är på av för med den till inte har de om ett jag men",
}
_WORD_LANGS: dict[str, list[str]] = {}
for _lang, _words in _STOPWORDS.items():
    for _word in _words.split():
        _WORD_LANGS.setdefault(_word, []).append(_lang)
_WORD = re.compile(r"[^\W\d_]+")
_LETTERS = re.compile(r"[^\W\d_]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
# A script's letters, and its language ("" when the letters below decide).
_SCRIPTS = [
    (re.compile(pattern), lang)
    for pattern, lang in (
        ("[\u0400-\u04ff]", "cyrillic"),
        ("[\u0600-\u06ff]", "arabic"),
        ("[\u0370-\u03ff]", "el"),
        ("[\u0530-\u058f]", "hy"),
        ("[\u0590-\u05ff]", "he"),
        ("[\u0900-\u097f]", "hi"),
        ("[\u0980-\u09ff]", "bn"),
        ("[\u0b80-\u0bff]", "ta"),
        ("[\u0e00-\u0e7f]", "th"),
        ("[\u10a0-\u10ff]", "ka"),
        ("[\u3040-\u30ff\u4e00-\u9fff]", "cjk"),
        ("[\uac00-\ud7af]", "ko"),
    )
]


def detect_language(text: str) -> str | None:
    """A cheap guess at the language of ``text`` (ISO 639-1), or None when unsure.

    Non-Latin scripts are told apart by their letters; Latin-script languages by their
    commonest words. Covers en, de, fr, es, it, pt, nl, pl, tr, sv and the scripts above.
    """
    sample = text[:5000]
    letters = len(_LETTERS.findall(sample))
    if not letters:
        return None
    if len(_LATIN.findall(sample)) > letters / 2:
        return _by_words(sample)
    for pattern, script in _SCRIPTS:
        if len(pattern.findall(sample)) > letters / 2:
            return _by_letters(script, sample)
    return None


def _by_letters(script: str, sample: str) -> str:
    if script == "cyrillic":
        return "uk" if re.search("[іїєґІЇЄҐ]", sample) else "ru"
    if script == "arabic":
        if re.search("[ےٹڈڑں]", sample):
            return "ur"
        return "fa" if re.search("[پچژگ]", sample) else "ar"
    if script == "cjk":
        return "ja" if re.search("[\u3040-\u30ff]", sample) else "zh"
    return script


def _by_words(sample: str) -> str | None:
    scores: dict[str, float] = {}
    for word in _WORD.findall(sample.lower()):
        langs = _WORD_LANGS.get(word)
        if langs:
            for lang in langs:
                scores[lang] = scores.get(lang, 0.0) + 1 / len(langs)
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)[:2]
    if not ranked or ranked[0][1] < 3:
        return None
    if len(ranked) > 1 and ranked[0][1] < 1.5 * ranked[1][1]:
        return None
    return ranked[0][0]


def normalize_language(tag: str | None) -> str | None:
    """``en`` from ``en-US``, ``EN_gb`` or ``en``; None for nothing usable."""
    if not tag:
        return None
    primary = re.split(r"[-_,;\s]", tag.strip(), maxsplit=1)[0].lower()
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else None
