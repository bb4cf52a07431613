"""Direct quotes in a sentence and who said them.

Quotes are found between straight double quotes, curly double or single quotes and
Penn-Treebank quotes (``...''). A quote left open runs to the end of the sentence, and a
quote closed without being opened runs from its start: news text quotes across sentences.
The speaker is the attribution nearest to the quote; "..., he said" gives no speaker.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from livebrief.enrich.attribution import TextView, attribute, subject_of
from livebrief.enrich.outlets import OutletRegistry
from livebrief.model import Attribution, Quote

__all__ = ["find_quotes"]

_OPEN_BEFORE = frozenset(" \t([{-—–:/")
_PRONOUN_AFTER = re.compile(
    r"^\s*,?\s*(?:he|she|they|it|we|i|you)\s+(?:\w+\s+){0,2}?"
    r"(?:said|says|added|adds|told|tells|wrote|writes|explained|continued|insisted|warned|asked)\b",
    re.I,
)
_PRONOUN_BEFORE = re.compile(
    r"\b(?:he|she|they|it|we|i)\s+(?:\w+\s+){0,2}?"
    r"(?:said|says|added|adds|told\s+\w+(?:\s+\w+)?|wrote|writes|vowed|continued|insisted)\s*[:,]?\s*$",
    re.I,
)


# Verbs that introduce someone's words without being a reporting verb of attribution.
_QUOTE_VERB = re.compile(
    r"\b(?:urges?|urged|urging|saying|describ(?:es|ed|ing)|call(?:s|ed|ing)|put it|citing|"
    r"declar(?:es|ed|ing)|vow(?:s|ed)|pledg(?:es|ed)|promis(?:es|ed)|insist(?:s|ed|ing)|"
    r"warn(?:s|ed|ing)|condemn(?:s|ed)|accus(?:es|ed|ing)|brand(?:s|ed))\b",
    re.I,
)
# A short quote used as a name or a term, not as someone's words: 'dubbed "Agent Smith"'.
_NAMING = frozenset(
    {"the", "a", "an", "dubbed", "named", "called", "titled", "so-called", "its", "their"}
    | {"his", "her", "our"}
)
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’]?\s+[A-Z]")


@dataclass(slots=True)
class _Mark:
    pos: int
    family: str  # "double" | "single"
    opening: bool


def _marks(text: str) -> list[_Mark]:
    out: list[_Mark] = []
    n = len(text)
    for i, ch in enumerate(text):
        if ch == "“":
            out.append(_Mark(i, "double", True))
        elif ch == "”":
            out.append(_Mark(i, "double", False))
        elif ch == '"':
            before = text[i - 1] if i > 0 else " "
            after = text[i + 1] if i + 1 < n else " "
            opening = (before in _OPEN_BEFORE or i == 0) and not after.isspace()
            out.append(_Mark(i, "double", opening))
        elif ch == "‘":
            before = text[i - 1] if i > 0 else " "
            if before in _OPEN_BEFORE or i == 0:
                out.append(_Mark(i, "single", True))
        elif ch == "’":
            after = text[i + 1] if i + 1 < n else " "
            before = text[i - 1] if i > 0 else " "
            if not after.isalnum() and not (before == "s" and after == " "):
                out.append(_Mark(i, "single", False))
    return out


def _pairs(text: str) -> list[tuple[int, int]]:
    """Character ranges (inside the marks) of the quotes in ``text``."""
    marks = _marks(text)
    out: list[tuple[int, int]] = []
    i = 0
    first = True
    while i < len(marks):
        mark = marks[i]
        if not mark.opening:
            if first and mark.family == "double" and len(text[: mark.pos].split()) >= 3:
                out.append((0, mark.pos))  # the end of a quote opened in an earlier sentence
            i += 1
            first = False
            continue
        first = False
        close = next(
            (
                k
                for k in range(i + 1, len(marks))
                if marks[k].family == mark.family and not marks[k].opening
            ),
            None,
        )
        if close is None:
            if mark.family == "double" and len(text[mark.pos + 1 :].split()) >= 3:
                out.append((mark.pos + 1, len(text)))  # runs on into the next sentence
            i += 1
            continue
        out.append((mark.pos + 1, marks[close].pos))
        i = close + 1
    return out


@cache
def _default_registry() -> OutletRegistry:
    return OutletRegistry()


def find_quotes(sentence: str, attributions: Sequence[Attribution] | None = None) -> list[Quote]:
    """The quotes of one sentence, each with its speaker (or None when not named).

    ``attributions`` are the sentence's attributions (from :func:`attribute`); they are
    computed with the built-in outlet list when not given.
    """
    if not sentence or not any(c in sentence for c in "\"“”‘’`'"):
        return []
    view = TextView(sentence)
    text = view.text
    if attributions is None:
        attributions = attribute(sentence, _default_registry())
    out: list[Quote] = []
    for start, end in _pairs(text):
        inner = text[start:end]
        stripped = inner.strip()
        lead = start + (len(inner) - len(inner.lstrip()))
        body = stripped.rstrip(",").rstrip()
        if not any(c.isalpha() for c in body):
            continue
        span = view.span(lead, lead + len(body))
        speaker = (
            None
            if _is_term(text, start, end, body)
            else _speaker(text, view, start, end, attributions)
        )
        out.append(Quote(text=body, speaker=speaker, span=span))
    return out


def _is_term(text: str, start: int, end: int, body: str) -> bool:
    """Is a short quote a name or a term ('the "liberation" of', '"gig economy" workers')?"""
    words = body.split()
    if len(words) > 3:
        return False
    before = text[:start].rstrip('"“‘ ').split()
    after = text[end + 1 :]
    if before and before[-1].lower() in _NAMING:
        return True
    if re.match(r"\s+[a-z]", after) and not re.match(r"\s+(?:and|or|but|as|in|on|to|by)\b", after):
        return True  # used as a modifier: '"gig economy" workers'
    return (
        all(w[:1].isupper() for w in words)
        and body.rstrip(".").count(" ") < 3
        and (not after.strip() or after.strip()[:1] in ".,;")
    )


def _speaker(
    text: str, view: TextView, start: int, end: int, attributions: Sequence[Attribution]
) -> str | None:
    """The name of the attribution nearest the quote at ``text[start:end]``."""
    after = text[end + 1 : end + 40]
    before = text[max(0, start - 41) : max(0, start - 1)]
    if _PRONOUN_AFTER.match(after) or _PRONOUN_BEFORE.search(before):
        return None  # '"...," he said' / 'He vowed: "..."'
    whole = view.span(start, end) if end > start else None
    q_start, q_end = (whole.start, whole.end) if whole is not None else (0, 0)
    open_ended = start == 0 or end == len(text)
    best: tuple[int, int, str] | None = None
    for a in attributions:
        if a.span is None:
            continue
        inside = q_start <= a.span.start and a.span.end <= q_end
        if inside and not open_ended:
            continue  # named inside the quote
        lo, hi = (q_end, a.span.start) if a.span.start >= q_end else (a.span.end, q_start)
        if not inside and _SENTENCE_BREAK.search(view.original[lo : hi + 1]):
            continue  # in another sentence of the same item
        gap = 0 if inside else hi - lo
        rank = (0 if a.role == "speaker" else 1, max(gap, 0))
        if best is None or rank < best[:2]:
            best = (rank[0], rank[1], a.name)
    if best is not None:
        return best[2]
    # "Gaddafi urges the people to "purge the capital"": the subject of the verb before
    verbs = [
        m
        for m in _QUOTE_VERB.finditer(text[:start])
        if not _SENTENCE_BREAK.search(text[m.end() : start])
    ]
    if verbs:
        return subject_of(text, verbs[-1].start())
    return None
