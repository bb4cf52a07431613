"""Sentence splitting for news text, and datelines.

Newlines separate paragraphs and are hard boundaries: a text that is one sentence per
line comes back line by line. Inside a paragraph a rule-based splitter breaks after
``.``, ``!``, ``?`` and ellipses, but not after abbreviations (``Gen.``, ``Lt. Col.``,
``No. 10``, ``Jan. 3``), initials (``J. K. Rowling``), decimals or a closing quotation
mark that the sentence goes on after (``"Why?" he asked``).
"""

from __future__ import annotations

import re

__all__ = ["sentences", "split_sentences", "strip_dateline"]

# Abbreviations after which a sentence never ends.
_TITLES = frozenset(
    "mr mrs ms messrs mme dr prof gen lt col capt cpt sgt maj cpl pte pvt adm brig cmdr cdr "
    "rev fr sen rep gov pres supt insp det hon amb st mt ft ave blvd rd vs v cf viz "
    "approx est dept univ lt.col lt.gen maj.gen brig.gen".split()
)
# ... unless what follows is a number: "No. 10", "Jan. 3", "p. 5".
_BEFORE_NUMBER = frozenset(
    "no nos art vol p pp fig ch sec para tel ext jan feb mar apr jun jul aug sep sept oct "
    "nov dec".split()
)
# These may end a sentence; break only when a typical sentence opener follows.
_SOMETIMES_FINAL = frozenset("inc corp co ltd plc jr sr bros llc etc al".split())
_OPENERS = frozenset(
    "the a an he she it they we i you this that these those there here but and or so yet "
    "in on at for from with by as after before when while if although though since his her "
    "its their our my your some many most no not one two three four five six seven eight "
    "nine ten what who why how where mr mrs ms dr meanwhile however also earlier later "
    "still then now last on".split()
)
_TIME_ZONES = frozenset("gmt utc bst est edt cst cdt pst pdt et pt cet cest eet eest".split())

_BOUNDARY = re.compile(r"(\.{2,}|…|[.!?]+)([\"'”’»)\]]*)(\s+)(?=[\"'“‘«(\[`]*(\S))")
_NEXT_WORD = re.compile(r"[\"'“‘«(\[`]*([\w.'-]+)")

# "MOSCOW (Reuters) -", "KYIV, March 3 (AP) —", "TRIPOLI, Libya --",
# "GENEVA -LRB- Reuters -RRB- -", "Tripoli, Libya (CNN) --"
_PLACE_CAPS = r"[A-Z][A-Z.'’\-/\\]+(?:\s+[A-Z][A-Z.'’\-/\\]+){0,3}"
_PLACE_ANY = r"[A-Z][\w.'’\-/\\]+(?:\s+[A-Z][\w.'’\-/\\]+){0,3}"
_REGION = r"(?:\s*,\s*[A-Z][\w.'’]+(?:\s+[A-Z][\w.'’]+){0,2})?"
_DATE = r"(?:\s*,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:\s*,\s*\d{4})?)?"
_OUTLET = r"(?:\s*(?:\(|-LRB-\s*)[^()]{1,40}?\s*(?:\)|-RRB-))"
_DASH = r"\s*(?:--|—|–|-|:)\s+"
_HEADER = (
    rf"(?:{_PLACE_CAPS}{_REGION}\s*\|\s*[A-Z][a-z]{{2}}\s+[A-Z][a-z]{{2}}\s+\d{{1,2}}\s*,\s*\d{{4}}"
    r"\s+\d{1,2}:\d{2}\s*[ap]m\s+[A-Z]{2,4}\s+)?"
)
_DATELINE = re.compile(
    rf"^\s*{_HEADER}(?P<dateline>{_PLACE_CAPS}{_REGION}{_DATE}{_OUTLET}?"
    rf"|{_PLACE_ANY}{_REGION}{_DATE}{_OUTLET}){_DASH}(?=\S)"
)


def strip_dateline(text: str) -> tuple[str | None, str]:
    """Split a leading dateline off an article: ``("MOSCOW (Reuters)", "The rest...")``.

    The dateline comes back as written, without its dash; PTB brackets are restored.
    Returns ``(None, text)`` when the text does not start with a dateline.
    """
    m = _DATELINE.match(text)
    if not m:
        return None, text
    dateline = " ".join(m["dateline"].replace("-LRB-", "(").replace("-RRB-", ")").split())
    dateline = re.sub(r"\(\s+", "(", re.sub(r"\s+\)", ")", dateline))
    dateline = re.sub(r"\s+,", ",", dateline)
    return dateline, text[m.end() :]


def _dateline_end(text: str) -> int:
    m = _DATELINE.match(text)
    return m.end() if m else 0


def _is_boundary(para: str, m: re.Match[str]) -> bool:
    term, nxt = m.group(1), m.group(4)
    if nxt.islower():
        return False
    if not (nxt.isupper() or nxt.isdigit() or nxt in "\"'“‘«([`"):
        return term != "."
    if term != ".":
        return True
    start = m.start()
    space = para.rfind(" ", 0, start) + 1
    token = para[space:start].lstrip("\"'“‘«([`")
    if not token:
        return True
    low = token.lower()
    follow = _NEXT_WORD.match(para, m.end())
    next_word = follow.group(1).rstrip(".").lower() if follow else ""
    if len(token) == 1 and token.isupper():
        return False  # an initial: "J. K. Rowling"
    if low in _TITLES:
        return False
    if low in _BEFORE_NUMBER:
        return not nxt.isdigit()
    if low in ("a.m", "p.m"):
        return next_word not in _TIME_ZONES and nxt.isupper()
    if "." in token or low in _SOMETIMES_FINAL:
        return next_word in _OPENERS  # "in the U.S. The" but "U.S. President"
    return True


def _split_paragraph(para: str, offset: int, out: list[tuple[int, int]]) -> None:
    start = 0
    for m in _BOUNDARY.finditer(para):
        if _is_boundary(para, m):
            end = m.start(3)
            if end > start:
                out.append((offset + start, offset + end))
            start = m.end()
    rest = para[start:].rstrip()
    if rest:
        out.append((offset + start, offset + start + len(rest)))


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text`` (a leading dateline is left out)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    first = True
    for line in text.split("\n"):
        lead = len(line) - len(line.lstrip())
        body = line.strip()
        if body:
            skip = 0
            if first:
                skip = _dateline_end(body)
                first = False
            _split_paragraph(body[skip:], pos + lead + skip, spans)
        pos += len(line) + 1
    return spans


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` as strings."""
    return [text[a:b] for a, b in split_sentences(text)]
