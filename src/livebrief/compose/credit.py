"""Crediting sources inline: "..., AFP and Reuters reported." and "A, B and C" lists.

A bullet credits the outlets whose reports it cites, once per stretch of text they share,
never twice in a row: a sentence that already credits one of them ("told Reuters", "(CNN)
--") keeps its own words; one that ends with its own source ("..., he told reporters",
"according to a statement") is credited after the sentence before it, or folded into that
source ("according to a statement cited by Reuters"). Outlets a sentence names that are not
among the cited reports ("told the BBC" in a Reuters story) are the sentence's words, not
our credit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..model import Report, Sentence
from .clean import bare_quote

MAX_CREDITED = 3


@dataclass(slots=True)
class Part:
    """A stretch of a bullet's text and whom to credit for it."""

    text: str
    outlets: list[str]  # the outlets of the reports it comes from
    named: list[str] = field(default_factory=list)  # outlets its own words credit


def join_names(names: Iterable[str]) -> str:
    """ "A", "A and B", "A, B and C" (no Oxford comma); empty names are left out."""
    names = [n for n in names if n]
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def sort_outlets(names: Iterable[str]) -> list[str]:
    """Distinct outlet names, alphabetical, ignoring case and a leading "The"."""
    unique: dict[str, str] = {}
    for n in names:
        n = n.strip()
        if n:
            unique.setdefault(n.casefold(), n)
    return sorted(unique.values(), key=lambda n: re.sub(r"^the\s+", "", n.casefold()))


def report_outlets(report: Report) -> list[str]:
    """The outlets a report lets us credit: the sources it cites, else its own outlet."""
    if report.cited_sources:
        return [s for s in report.cited_sources if s.strip()]
    return [report.outlet] if report.outlet else []


def _fold(name: str) -> str:
    return re.sub(r"^the\s+", "", name.strip().casefold())


def already_credited(text: str, outlets: Sequence[str], named: Sequence[str] = ()) -> list[str]:
    """The outlets among `outlets` that the text credits in its own words: found by
    attribution (`named`) or written as a source ("told Reuters", "(CNN) --", "according
    to the BBC", "Reuters reported"), and still in the text."""
    attributed = {_fold(n) for n in named}
    out = []
    for o in dict.fromkeys(outlets):
        bare = re.escape(re.sub(r"^[Tt]he\s+", "", o.strip()))
        if not re.search(rf"\b{bare}\b", text):
            continue
        as_source = re.search(
            rf"(?:\b(?:told|according to|citing|quoted by|reported by|obtained by|seen by"
            rf"|interview with)\s+(?:the\s+)?|\()(?:{bare})\b"
            rf"|(?<!to )(?<!for )(?<!with )\b(?:{bare})\)?\s+(?:reported|reports|said|says)\b",
            text,
        )
        if _fold(o) in attributed or as_source:
            out.append(o)
    return out


# someone else "reported" it (not "are reported to have", "were reported killed")
_REPORTED = re.compile(r"\b(?!(?:is|are|was|were|been|being|be|not)\b)\w+ reported\b")
_ACCORDING_TO_SOMEONE = re.compile(
    r"\baccording to (?:a|an|some|several|two|three|unnamed|anonymous|local|sources|officials"
    r"|witnesses|residents|activists|documents|figures|data|estimates|reports)\b[^,;\"“”]*\.$"
)
# The sentence ends by naming its source: '..., he told reporters.', '..., the ministry said.'
_ENDS_WITH_SOURCE = re.compile(
    r"(?:,|[\"”’'])\s+[^,\"“”]{1,80}?\b(?:said|says|added|adds|told|tells|wrote|writes"
    r"|explained|noted|warned|stated|insisted|conceded|acknowledged|announced|according to"
    r"|reported)\b(?![^,\"“”]*\b(?:that|if|whether)\b)[^,\"“”]{0,45}[.!?]$"
)


def ends_with_source(text: str) -> bool:
    """Whether the sentence closes with its own source ("..., he told reporters.")."""
    return _ENDS_WITH_SOURCE.search(text.rstrip()) is not None


def credit(
    text: str, outlets: Sequence[str], sentence: Sentence | None = None
) -> tuple[str, list[str]]:
    """Add "…, X reported." to a bullet's text unless the text credits one of `outlets`.

    Returns the text and the outlets it now credits: only ever outlets from `outlets`.
    """
    named = already_credited(text, outlets, sentence.outlets if sentence else ())
    if named:
        return text, named
    chosen = list(dict.fromkeys(o for o in outlets if o))[:MAX_CREDITED]
    if not chosen:
        return text, []
    return _append(text.rstrip(), join_names(chosen)), chosen


def _append(body: str, names: str) -> str:
    if body.endswith(("?", "!")):
        return f"{body} ({names} reported)"
    if _ACCORDING_TO_SOMEONE.search(body):
        return f"{body[:-1]} cited by {names}."
    # someone else reported it: no "reported ..., X reported"
    phrase = f"according to {names}" if _REPORTED.search(body) else f"{names} reported"
    if body.endswith(('."', ".”", ".'", ".’")):
        return f"{body[:-2]},{body[-1]} {phrase}."
    if body.endswith(".") and not body.endswith("..."):
        return f"{body[:-1]}, {phrase}."
    return f"{body}, {phrase}."


def credit_parts(parts: Sequence[Part]) -> tuple[str, list[str]]:
    """The text of consecutive parts with one credit for each run of parts from the same
    outlets, placed after the last part of the run that does not name its own source and
    is not a bare quotation (else after the last that is not a bare quotation)."""
    texts = [p.text for p in parts]
    credited: list[str] = []
    start = 0
    while start < len(parts):
        end = start
        while end + 1 < len(parts) and set(parts[end + 1].outlets) == set(parts[start].outlets):
            end += 1
        run = range(start, end + 1)
        outlets = list(dict.fromkeys(parts[start].outlets))
        named = [o for i in run for o in already_credited(parts[i].text, outlets, parts[i].named)]
        if named:
            credited.extend(named)
        else:
            spoken = [i for i in run if not bare_quote(texts[i])] or [end]
            at = next((i for i in reversed(spoken) if not ends_with_source(texts[i])), spoken[-1])
            texts[at], added = credit(texts[at], outlets)
            credited.extend(added)
        start = end + 1
    return " ".join(texts), list(dict.fromkeys(credited))


def uncredit(text: str, outlets: Sequence[str]) -> str:
    """The text without the credits `credit` adds for these outlets."""
    if not outlets:
        return text
    name = "|".join(re.escape(o) for o in sorted(set(outlets), key=len, reverse=True))
    names = rf"(?:{name})(?:(?:, | and )(?:{name}))*"
    text = re.sub(rf" \({names} reported\)", "", text)
    text = re.sub(rf" cited by {names}(?=\.)", "", text)
    credited = rf"(?:{names} reported|according to {names})"
    text = re.sub(rf",([\"”'’]) {credited}\.", r".\1", text)
    return re.sub(rf", {credited}\.", ".", text)
