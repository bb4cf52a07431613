"""Crediting sources inline: "..., AFP and Reuters reported." and "A, B and C" lists."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..model import Report, Sentence

MAX_CREDITED = 3


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


def credit(
    text: str, outlets: Sequence[str], sentence: Sentence | None = None
) -> tuple[str, list[str]]:
    """Add "…, X reported." to a bullet's text unless the text credits an outlet already.

    Returns the text and the outlets it now credits.
    """
    named = [o for o in (sentence.outlets if sentence else []) if o]
    if named:
        return text, list(dict.fromkeys(named))
    chosen = list(dict.fromkeys(outlets))[:MAX_CREDITED]
    if not chosen:
        return text, []
    phrase = f"{join_names(chosen)} reported"
    body = text.rstrip()
    if body.endswith(('."', ".”", ".'", ".’")):
        close = body[-1]
        return f"{body[:-2]},{close} {phrase}.", chosen
    if body.endswith((".", "!", "?")) and not body.endswith("..."):
        stop = body[-1]
        if stop == ".":
            return f"{body[:-1]}, {phrase}.", chosen
        return f"{body} ({phrase})", chosen
    return f"{body}, {phrase}.", chosen
