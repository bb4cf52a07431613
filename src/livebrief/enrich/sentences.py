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


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Abbreviations after which a sentence never ends.
_TITLES = _words(
    "mr mrs ms messrs mme dr prof gen lt col capt cpt sgt maj cpl pte pvt adm brig cmdr cdr "
    "rev fr sen rep gov pres supt insp det hon amb st mt ft ave blvd rd vs v cf viz "
    "approx est dept univ lt.col lt.gen maj.gen brig.gen"
)
# ... unless what follows is a number: "No. 10", "Jan. 3", "p. 5".
_BEFORE_NUMBER = _words(
    "no nos art vol p pp fig ch sec para tel ext jan feb mar apr jun jul aug sep sept oct nov dec"
)
# These may end a sentence; break only when a typical sentence opener follows.
_SOMETIMES_FINAL = _words("inc corp co ltd plc jr sr bros llc etc al")
_OPENERS = _words(
    "the a an he she it they we i you this that these those there here but and or so yet "
    "in on at for from with by as after before when while if although though since his her "
    "its their our my your some many most no not one two three four five six seven eight "
    "nine ten what who why how where mr mrs ms dr meanwhile however also earlier later "
    "still then now last on"
)
_DAY_WORDS = _words(
    "monday tuesday wednesday thursday friday saturday sunday today tonight tomorrow yesterday "
    "local"
)
_TIME_ZONES = _words("gmt utc bst est edt cst cdt pst pdt et pt cet cest eet eest")

_BOUNDARY = re.compile(r"(\.{2,}|…|[.!?]+)([\"'”’»)\]*]*)(\s+)(?=[\"'“‘«(\[`]*(\S))")
_ONLY_CLOSING = re.compile(r"[^\w]*$")
# A text of this many lines or more, almost none of which holds a sentence break, is
# taken to be segmented already (one sentence a line, as corpora are).
_SEGMENTED_MIN_LINES = 8
_SEGMENTED_SHARE = 0.05
_NEXT_WORD = re.compile(r"[\"'“‘«(\[`]*([\w.'-]+)")

# "MOSCOW (Reuters) -", "KYIV, March 3 (AP) —", "TRIPOLI, Libya --",
# "GENEVA -LRB- Reuters -RRB- -", "Tripoli, Libya (CNN) --"
_PLACE_CAPS = r"[A-Z][A-Z.'’\-/\\]+(?:\s+[A-Z][A-Z.'’\-/\\]+){0,3}"
_PLACE_ANY = r"[A-Z][\w.'’\-/\\]+(?:\s+[A-Z][\w.'’\-/\\]+){0,3}"
_REGION = r"(?:\s*,\s*[A-Z][\w.'’]+(?:\s+[A-Z][\w.'’]+){0,2})?"
_DATE = r"(?:\s*,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:\s*,\s*\d{4})?)?"
_OUTLET = r"(?:\s*(?:\(|-LRB-\s*)[^()]{1,40}?\s*(?:\)|-RRB-))"
_DASH = r"\s*(?:--|—|–|-)\s+"
_HEADER = (
    rf"(?:{_PLACE_CAPS}{_REGION}\s*\|\s*[A-Z][a-z]{{2}}\s+[A-Z][a-z]{{2}}\s+\d{{1,2}}\s*,\s*\d{{4}}"
    r"\s+\d{1,2}:\d{2}\s*[ap]m\s+[A-Z]{2,4}\s+)?"
)
_LONG_DASH = r"\s*(?:--|—|–)\s+"
_DATELINE = re.compile(
    rf"^\s*{_HEADER}(?P<dateline>{_PLACE_CAPS}{_REGION}{_DATE}{_OUTLET}(?={_DASH})"
    rf"|{_PLACE_CAPS}{_REGION}{_DATE}(?={_LONG_DASH})"
    rf"|{_PLACE_ANY}{_REGION}{_DATE}{_OUTLET}(?={_DASH})){_DASH}(?=\S)"
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
    if para.startswith("''", m.end()) or _ONLY_CLOSING.match(para, m.end()):
        return False  # a tokenized closing quote after the stop, as in: said . ''
    if nxt.islower():
        return False
    if not (nxt.isupper() or nxt.isdigit() or nxt in "\"'“‘«([`"):
        return term != "."
    if term != ".":
        # '"Headed to a recount?" (Page B1)': a quoted question inside a sentence
        return not (m.group(2) and para[m.end() : m.end() + 1] in ("(", "["))
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
        return next_word not in _TIME_ZONES | _DAY_WORDS and nxt.isupper()  # "3 p.m. Thursday"
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
    """Character spans of the sentences of ``text`` (a leading dateline is left out).

    A text that is already one sentence per line (almost no line holds a sentence
    break) comes back line by line.
    """
    lines: list[list[tuple[int, int]]] = []
    pos = 0
    for line in text.split("\n"):
        lead = len(line) - len(line.lstrip())
        body = line.strip()
        if body:
            skip = _dateline_end(body) if not lines else 0
            spans: list[tuple[int, int]] = []
            _split_paragraph(body[skip:], pos + lead + skip, spans)
            if spans:
                lines.append(spans)
        pos += len(line) + 1
    split = sum(1 for spans in lines if len(spans) > 1)
    if len(lines) >= _SEGMENTED_MIN_LINES and split <= _SEGMENTED_SHARE * len(lines):
        return [(spans[0][0], spans[-1][1]) for spans in lines]
    return [span for spans in lines for span in spans]


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` as strings."""
    return [text[a:b] for a, b in split_sentences(text)]
