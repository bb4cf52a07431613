"""Who claims a figure: the claims of a sentence and the one that governs a number.

Claims are "X said", "according to X", "X's latest tally", ", said X"; the claimant of a
figure is the name in the claim that governs it ("the ministry said", "officials say").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from livebrief.enrich.figure_counts import COUNT_WORDS

_CLAIM_VERB = (
    r"said|says|say|saying|told|tells|reported|reports|reporting|estimated|estimates|"
    r"estimate|estimating|claimed|claims|claim|claiming|announced|announces|confirmed|"
    r"confirms|added|stated|states|stressed|insisted|warned|believes|alleged|alleges|"
    r"put\s+the\s+(?:death\s+)?(?:toll|number|figure)|quoted|cited|wrote|tweeted|counted|"
    r"recorded|registered|documented"
)
_CLAIM_AFTER = re.compile(rf"\b(?:{_CLAIM_VERB})\b")
_PASSIVE_BEFORE = re.compile(
    r"(?:\b(?:is|are|was|were|be|been|being|an|the|a|widely|it|to)\s+|['’]s\s+)$", re.I
)
_ADJECTIVAL_AFTER = re.compile(rf"\s+(?:of\b|(?:{COUNT_WORDS})\b)", re.I)
_ACCORDING = re.compile(
    r"\b(?:according\s+to|citing|quoting|cited\s+by|quoted\s+by)\s+(?P<np>[^,;.:()\"“”]+)",
    re.I,
)
_COUNT_OF = re.compile(
    r"\b(?i:at|by|in)\s+(?P<np>(?:the\s+)?[A-Z][^,;.:()\"“”]*?)['’]s?\s+"
    r"(?:last|latest|own|official)?\s*"
    r"(?:count|tally|figures|estimate)\b"
)
_INVERTED = re.compile(
    r"(?:,|``|''|[\"”])\s*(?:said|says|added|told\s+\w+)\s+(?P<np>[^,;.:()\"“”]+)", re.I
)
_NP_START = re.compile(
    r"[;:()\"“”]|``|''|\.\s+(?=[A-Z])|\s-\s|—|–|--"
    r"|\b(?:that|and|but|while|as|after|when|with|if|because)\s"
)
_PRONOUNS = frozenset(("he", "she", "they", "it", "we", "i", "you", "one", "this", "that", "there"))
_RELATIVE = frozenset(("who", "which", "whom", "whose"))
_LEAD_NOISE = re.compile(
    r"^(?:(?:late|early|earlier|later|also|meanwhile|however|but|and|on|in|at|so|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|"
    r"this|last|week|morning|evening|night|afternoon)\s+)+",
    re.I,
)
_TAIL_NOISE = re.compile(
    r"(?:\s+(?:has|have|had|also|later|earlier|previously|would|will|could|"
    r"on\s+\w+day|on\s+\w+|in\s+a\s+statement|separately|reportedly|then|now|"
    r"yesterday|today))+$",
    re.I,
)
_TIME_AFTER_VERB = re.compile(
    r"^\s*(?:(?:on|late|early|earlier|later)\s+)*(?:(?:on\s+)?\w+day|yesterday|today|"
    r"in\s+a\s+statement|in\s+an\s+interview|on\s+television|on\s+state\s+TV)?\s*"
)
_PAREN = re.compile(r"\s*(?:\([^()]*\)|-LRB-.*?-RRB-)")
_RELATIVE_IN = re.compile(r"\s(?:who|which|whom)\s")
_OWN_COUNT = re.compile(
    r"\s*['’]s\s+(?:\w+\s+)?(?:count|tally|figures?|estimates?|reports?|data|statement)\s*$"
)
_RELATIVE_GAP = re.compile(r"\b(?:which|where|who|whom|whose)\b")


@dataclass(slots=True)
class Claim:
    """A claim in a sentence ("X said", "according to X") and the name it gives."""

    name: str | None  # None: a pronoun, not resolved here
    start: int
    end: int
    forward: bool  # governs what follows ("X said 30 were killed")


def _clean_np(np: str) -> str | None:
    np = _PAREN.sub("", np)
    np = _RELATIVE_IN.split(np)[-1]  # "gangs who they say": "they"
    np = _OWN_COUNT.sub("", np)  # "the WHO's latest tally": "the WHO"
    np = _LEAD_NOISE.sub("", np.strip())
    np = _TAIL_NOISE.sub("", np).strip(" ,'\"`")
    if not np or len(np.split()) > 10 or np.lower() in _PRONOUNS or np.lower() in _RELATIVE:
        return None
    return np


def _capitals(text: str) -> int:
    return sum(1 for w in text.split()[1:] if w[:1].isupper()) + 1


def _subject(head: str) -> tuple[str | None, int]:
    """The subject right before a claim verb, and where it starts in ``head``."""
    cuts = [c.end() for c in _NP_START.finditer(head)]
    start = cuts[-1] if cuts else 0
    parts = head[start:].split(",")
    last = parts[-1].strip()
    words = last.split()
    if words and words[0].lower() in _RELATIVE and len(parts) >= 2:
        return _clean_np(parts[-2]), start  # "Gaddafi, who said ..."
    if not last and len(parts) >= 3:
        # "The LCC, an activist network, said": the subject or its apposition
        subject, apposition = parts[-3], parts[-2]
        best = apposition if _capitals(apposition) > _capitals(subject) else subject
        return _clean_np(best), start
    offset = start + len(head[start:]) - len(parts[-1])
    return _clean_np(parts[-1]), offset


def find_claims(sentence: str) -> list[Claim]:
    """The claims of a sentence in order: "according to X", "at X's count", "X said"..."""
    claims: list[Claim] = []
    taken: list[tuple[int, int]] = []
    for pattern in (_ACCORDING, _COUNT_OF):
        for m in pattern.finditer(sentence):
            np = re.split(r"\s+(?:on|in|at|who|which|that|as|and)\s", m["np"])[0]
            forward = bool(re.match(r"\s*,", sentence[m.end() :])) or m.start() < 3
            claims.append(Claim(_clean_np(np), m.start(), m.end(), forward))
            taken.append((m.start(), m.end()))
    for m in _INVERTED.finditer(sentence):
        np = re.split(r"\s+(?:on|in|at|who|which|that|as)\s", m["np"])[0]
        if re.search(r"\d|\b(?:is|are|was|were|had|have|has|will|would|could)\b", m["np"]):
            continue  # ", said seven fighters were killed": not an inverted "said X"
        claims.append(Claim(_clean_np(np), m.start(), m.end(), False))
        taken.append((m.start(), m.end()))
    for m in _CLAIM_AFTER.finditer(sentence):
        if any(a <= m.start() < b for a, b in taken):
            continue
        head = sentence[: m.start()]
        if _PASSIVE_BEFORE.search(head) or _ADJECTIVAL_AFTER.match(sentence, m.end()):
            continue  # "it is estimated", "an estimated 300", "reports of", "confirmed cases"
        name, start = _subject(head)
        if re.search(r"\d", sentence[start : m.start()]) or not sentence[start : m.start()].strip():
            continue
        rest = sentence[m.end() :]
        if m.group().lower() in ("told", "tells"):
            rest = re.sub(
                r"^\s*(?:the\s+)?(?:[A-Z][\w.'-]*\s*)+|^\s*(?:reporters|journalists)", "", rest
            )
        lead = _TIME_AFTER_VERB.match(rest)
        rest = rest[lead.end() :] if lead else rest
        forward = bool(rest.strip()) and not re.match(r"[.,;:!?\"”']|``|''|$", rest.strip())
        claims.append(Claim(name, start, m.end(), forward))
    claims.sort(key=lambda c: c.start)
    return claims


def claimant_of(sentence: str, claims: list[Claim], start: int, end: int) -> str | None:
    """The name in the claim that governs the figure at [start, end), if any."""
    before = [c for c in claims if c.end <= start and c.forward]
    after = [c for c in claims if c.start >= end and not c.forward]
    if before and not any(before[-1].end <= c.start < start for c in claims if not c.forward):
        if _RELATIVE_GAP.search(sentence, before[-1].end, start):
            return None  # "X said ... seasonal flu, which kills 250,000": background
        return before[-1].name
    if after:
        if _RELATIVE_GAP.search(sentence, end, after[0].start) and not before:
            return None
        return after[0].name
    if before:
        return before[-1].name
    if claims:
        return claims[0].name
    return None
