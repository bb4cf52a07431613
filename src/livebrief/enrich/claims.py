"""Denials, and the claims they answer.

A denial is a sentence that reports a party denying or contradicting another party's claim:
"Baku denied the claims", "called the reports groundless", "dismissed ... as propaganda",
"Halliburton has disputed the findings", "who denies the charges". Being refused something
("was denied entry", "rejected the proposal") is not a denial.

:func:`link_denials` links each denial to the earlier sentence whose claim it answers, across
the reports of a story: the candidate that shares the most specific words, names and figures
with it, said by another party, nearest wins.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from livebrief.enrich.attribution import TextView
from livebrief.model import Sentence

__all__ = ["denial_cue", "is_denial", "link_denials"]

_CLAIM_NOUNS = (
    r"(?:claims?|reports?|allegations?|accusations?|charges?|assertions?|suggestions?|"
    r"rumou?rs?|stor(?:y|ies)|accounts?|findings?|criticisms?|comparisons?|contentions?|"
    r"speculation|suspicions?|talk|version|figures?|toll|estimates?|conclusions?|idea|notion)"
)
_FALSITY = (
    r"(?:groundless|baseless|unfounded|untrue|false|fabricat\w*|fake(?:\s+news)?|lies|lying|"
    r"nonsense|absurd|ridiculous|propaganda|rubbish|a\s+fabrication|misinformation|"
    r"disinformation|slander(?:ous)?|smear|stupid|inaccurate|incorrect|without\s+foundation|"
    r"a\s+provocation|provocative|a\s+hoax|speculative|(?:more\s+of\s+)?a\s+metaphor)"
)
_INTENSE = (
    r"(?:(?:absolute|complete|utter|total|pure|simply|completely|totally|entirely|wholly)\s+)?"
)
# Things one is refused: "denied entry", "was denied bail" are not denials of a claim.
_REFUSED = (
    r"(?:access|entry|entrance|bail|visas?|permission|permits?|passage|a\s+chance|the\s+chance|"
    r"the\s+right|rights|service|treatment|food|water|aid|care|medical|asylum|a\s+place|"
    r"a\s+seat|a\s+posthumous|homeownership|loans?|credit|the\s+opportunity|him|her|them|us|"
    r"the\s+motion|the\s+request|the\s+appeal|a\s+rookie)"
)
_PATTERNS = [
    # "denied the claims", "denies any links", "denied that ...", "denied having ..."
    re.compile(
        rf"\b(?:den(?:y|ies|ied|ying)|refut(?:e|es|ed|ing)|rebut(?:s|ted|ting)?)\b"
        rf"(?!\s+{_REFUSED}\b)(?!\s+[\w.-]+(?:'s|’s)\s+(?:request|application|appeal|bid)\b)",
        re.I,
    ),
    # "rejected the accusations", "dismissed the allegations", "disputes the claim"
    re.compile(
        rf"\b(?:reject(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|disput(?:e|es|ed|ing)|"
        rf"contradict(?:s|ed|ing)?|challeng(?:es|ed|ing)|brush(?:es|ed)\s+aside|"
        rf"push(?:es|ed)\s+back\s+(?:on|against))\b"
        rf"(?:\s+[\w'’-]+){{0,6}}?\s+{_CLAIM_NOUNS}\b",
        re.I,
    ),
    # "dismissed it as propaganda", "called the reports baseless", "branded them lies"
    re.compile(
        rf"\b(?:dismiss(?:es|ed|ing)?|(?<!so-)call(?:s|ed|ing)?|describ(?:es|ed|ing)|brand(?:s|ed|ing)?|"
        rf"term(?:s|ed)|label+(?:s|ed|ing)?|condemn(?:s|ed)|reject(?:s|ed)|decr(?:y|ies|ied))\b"
        rf"(?:\s+[\w'’-]+){{0,12}}?\s+(?:as\s+)?[\"“‘']?{_INTENSE}{_FALSITY}\b",
        re.I,
    ),
    # "said the reports were false", "insisted the claims were untrue", "there is no truth"
    re.compile(
        rf"\b{_CLAIM_NOUNS}\s+(?:\w+\s+){{0,8}}?(?:was|were|are|is|being)\s+(?:\w+\s+)?"
        rf"[\"“‘']?{_INTENSE}{_FALSITY}\b",
        re.I,
    ),
    # "said any attempt to suggest it was a response ... was absolute nonsense"
    re.compile(
        rf"\b(?:said|says|insist(?:s|ed)|argu(?:es|ed)|maintain(?:s|ed))\s+(?:that\s+)?"
        rf"(?:[\w'’,-]+\s+){{2,20}}?(?:was|were|is|are)\s+[\"“‘']?{_INTENSE}{_FALSITY}\b",
        re.I,
    ),
    re.compile(
        r"\b(?:no\s+truth\s+(?:in|to)|not\s+true|categorically\s+(?:rejected|denied|ruled\s+out)|"
        r"flatly\s+(?:rejected|denied)|this\s+claim\s+is\s+disputed|disputed\s+claims?|"
        r"(?:has|have)\s+been\s+denied|was\s+(?:later\s+)?denied|were\s+(?:later\s+)?denied|"
        r"is\s+(?:later\s+)?denied|denied\s+by)\b",
        re.I,
    ),
    # "is adamant that ... not", "insisted it was not the source"
    re.compile(
        r"\b(?:adamant|insist(?:s|ed)?)\s+that\s+(?:\w+\s+){0,10}?(?:not|no|never)\b",
        re.I,
    ),
]
# Negations that cancel: "have not been denied", "did not deny", "nobody can deny".
_NEGATED = re.compile(
    r"\b(?:not|never|nobody|no\s+one|cannot|can't|won't|refused\s+to|declined\s+to)\s+"
    r"(?:can\s+|could\s+|will\s+|would\s+)?(?:been\s+|be\s+|to\s+)?"
    r"(?:den(?:y|ied|ies)|reject|dismiss|disput)",
    re.I,
)
# A refusal in the passive: "his request was denied", "entry was denied".
_PASSIVE_REFUSAL = re.compile(
    rf"\b(?:request|motion|appeal|application|bail|entry|access|permission|visa)\s+"
    rf"(?:[\w.'’-]+\s+){{0,7}}?(?:was|were|has\s+been|had\s+been)\s+denied\b|\bbeen\s+denied\s+{_REFUSED}\b"
    rf"|\b(?:was|were|is|are|be|being)\s+denied\s+{_REFUSED}\b",
    re.I,
)


# Words one of the patterns needs: a cheap test before the patterns run.
_HINT = re.compile(
    r"\b(?:den(?:y|ies|ied|ying|ials?)|refut|rebut|reject|dismiss|disput|contradict|challeng|"
    rf"brush|push|truth|true|categorically|adamant|insist|{_FALSITY})",
    re.I,
)


def denial_cue(sentence: str) -> re.Match[str] | None:
    """The words that make ``sentence`` a denial, or None."""
    if not sentence:
        return None
    if not _HINT.search(sentence):
        return None
    text = TextView(sentence).text
    cleaned = _PASSIVE_REFUSAL.sub(" ", text)
    if _NEGATED.search(cleaned) and not re.search(
        r"\b(?:den(?:y|ied|ies)|reject)\w*\s+(?:that|the|any|all)\b",
        _NEGATED.sub(" ", cleaned),
        re.I,
    ):
        return None
    for pattern in _PATTERNS:
        m = pattern.search(cleaned)
        if m is not None:
            return m
    return None


def is_denial(sentence: str) -> bool:
    """Does the sentence report a party denying or contradicting another party's claim?"""
    return denial_cue(sentence) is not None


# --- linking ----------------------------------------------------------------------------------

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+|\d[\d,.]*")
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "to",
        "in",
        "on",
        "at",
        "for",
        "from",
        "by",
        "with",
        "as",
        "is",
        "was",
        "were",
        "are",
        "be",
        "been",
        "being",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "he",
        "she",
        "they",
        "them",
        "his",
        "her",
        "their",
        "we",
        "our",
        "you",
        "i",
        "me",
        "my",
        "not",
        "no",
        "any",
        "all",
        "said",
        "says",
        "say",
        "told",
        "tells",
        "had",
        "has",
        "have",
        "do",
        "does",
        "did",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
        "must",
        "can",
        "also",
        "than",
        "then",
        "there",
        "here",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "why",
        "how",
        "after",
        "before",
        "over",
        "under",
        "into",
        "about",
        "against",
        "between",
        "during",
        "since",
        "until",
        "while",
        "because",
        "if",
        "so",
        "such",
        "only",
        "more",
        "most",
        "other",
        "some",
        "many",
        "much",
        "very",
        "just",
        "even",
        "still",
        "yet",
        "however",
        "meanwhile",
        "reports",
        "report",
        "reported",
        "claim",
        "claims",
        "claimed",
        "denied",
        "denies",
        "deny",
        "denial",
        "rejected",
        "rejects",
        "dismissed",
        "dismisses",
        "disputed",
        "disputes",
        "accusations",
        "accusation",
        "allegations",
        "allegation",
        "charges",
        "charge",
        "saying",
        "adding",
        "statement",
        "spokesman",
        "spokeswoman",
        "official",
        "officials",
        "according",
        "later",
        "earlier",
        "today",
        "yesterday",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "week",
        "month",
        "year",
        "new",
        "one",
        "two",
        "three",
        "mr",
        "mrs",
        "ms",
        "dr",
    ]
)
_CLAIMING = re.compile(
    r"\b(?:said|says|say|claim\w*|report\w*|accus\w*|alleg\w*|announc\w*|confirm\w*|told|tells|"
    r"according to|charged|blam\w*|suggest\w*|show\w*|found|concluded|estimat\w*)\b",
    re.I,
)
_MIN_SCORE = 0.2
_NEAR = 12  # sentences just before a denial are always candidates ("the claim")
_RARE_WORDS = 8  # and earlier ones sharing one of its rarest words


def _terms(text: str) -> Counter[str]:
    words = (w.lower().strip("'’.,") for w in _WORD.findall(text))
    return Counter(w for w in words if len(w) > 2 and w not in _STOPWORDS)


def _party(sentence: Sentence) -> set[str]:
    """Who speaks in a sentence: its speakers and outlets, lower case."""
    return {a.name.lower() for a in sentence.attributions}


def link_denials(
    sentences: Sequence[Sentence], *, detect: bool = True
) -> list[tuple[int, int, float]]:
    """``(denial index, claim index, score)`` for each denial that answers an earlier claim.

    ``sentences`` are in reading order (across the reports of a story, oldest first). A
    sentence is a denial when ``sentence.denial`` is set or (with ``detect``, for sentences
    not enriched yet) :func:`is_denial` says so. The candidates of a denial are the sentences
    just before it and the earlier ones that share its rarest words, so a whole story can be
    linked at once.
    """
    n = len(sentences)
    texts = [TextView(s.text).text for s in sentences]
    denial = [s.denial or (detect and is_denial(s.text)) for s in sentences]
    claiming = [_CLAIMING.search(t) is not None for t in texts]
    terms = [_terms(t) for t in texts]
    df: Counter[str] = Counter()
    postings: dict[str, list[int]] = {}
    for i, t in enumerate(terms):
        df.update(t.keys())
        for word in t:
            postings.setdefault(word, []).append(i)

    def idf(word: str) -> float:
        return math.log((n + 1) / (df[word] + 0.5)) + 1.0

    out: list[tuple[int, int, float]] = []
    for d in range(1, n):
        if not denial[d]:
            continue
        mine = terms[d]
        weight_d = sum(idf(w) for w in mine) or 1.0
        rare = sorted(mine, key=idf, reverse=True)[:_RARE_WORDS]
        candidates = set(range(max(0, d - _NEAR), d))
        for word in rare:
            candidates.update(i for i in postings[word] if i < d)
        best: tuple[float, int] | None = None
        for c in sorted(candidates, reverse=True):
            if denial[c]:
                continue  # another denial answers a claim, it is not one
            shared = sum(idf(w) for w in mine.keys() & terms[c].keys())
            score = shared / weight_d  # how much of the denial the claim covers
            score += 0.2 / (d - c)  # nearer claims first
            if claiming[c]:
                score += 0.1
            if _party(sentences[d]) & _party(sentences[c]):
                score -= 0.3  # a party does not deny its own claim
            if best is None or score > best[0]:
                best = (score, c)
        if best is not None and best[0] >= _MIN_SCORE:
            out.append((d, best[1], round(best[0], 3)))
    return out
