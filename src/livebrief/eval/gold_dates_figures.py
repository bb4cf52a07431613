"""Score sentence splitting, event dates and figures against hand-labelled gold sets.

The gold files are JSON lines (see ``tests/data/gold/README-dates-figures.md``). Each
scorer returns a flat dict of metrics; items marked ``"heldout": true`` are also scored
on their own (keys prefixed ``heldout_``) so that a part never looked at while writing
the rules can be watched.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from livebrief.enrich.dates import event_date
from livebrief.enrich.figures import find_figures
from livebrief.enrich.sentences import split_sentences, strip_dateline

__all__ = ["claimant_matches", "score_all", "score_dates", "score_figures", "score_sentences"]

Item = dict[str, Any]


def _load(path: Path) -> list[Item]:
    items = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if line.strip():
                try:
                    items.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{path.name} line {number}: not JSON ({exc.msg})") from exc
    return items


def _by_part(
    items: list[Item], score: Callable[[list[Item]], dict[str, float]]
) -> dict[str, float]:
    metrics = score(items)
    held = [it for it in items if it.get("heldout")]
    if held:
        metrics.update({f"heldout_{k}": v for k, v in score(held).items()})
    return metrics


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


# --- sentences -------------------------------------------------------------------------


def _gold_ends(text: str, sentences: list[str]) -> list[int]:
    ends, pos = [], 0
    for sent in sentences:
        at = text.find(sent, pos)
        if at < 0:
            raise ValueError(f"gold sentence not found in its text: {sent[:60]!r}")
        pos = at + len(sent)
        ends.append(pos)
    return ends


def _score_sentences(items: list[Item]) -> dict[str, float]:
    tp = fp = fn = exact = datelines = datelines_ok = 0
    for it in items:
        if "dateline" in it:
            datelines += 1
            datelines_ok += strip_dateline(it["text"])[0] == it["dateline"]
        text = it["text"]
        gold = set(_gold_ends(text, it["sentences"])[:-1])
        spans = split_sentences(text)
        found = {end for _, end in spans[:-1]}
        tp += len(gold & found)
        fp += len(found - gold)
        fn += len(gold - found)
        exact += [text[a:b] for a, b in spans] == it["sentences"]
    p, r = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    return {
        "boundary_precision": p,
        "boundary_recall": r,
        "boundary_f1": _ratio(int(2 * p * r * 1e6), int((p + r) * 1e6)),
        "exact": _ratio(exact, len(items)),
        "dateline_accuracy": _ratio(datelines_ok, datelines),
        "items": float(len(items)),
    }


def score_sentences(path: Path) -> dict[str, float]:
    """Boundary precision/recall/F1 and the share of texts split exactly right."""
    return _by_part(_load(Path(path)), _score_sentences)


# --- dates ---------------------------------------------------------------------------


def _score_dates(items: list[Item]) -> dict[str, float]:
    stated = exact = date_only = scheduled_ok = unstated = unstated_ok = 0
    for it in items:
        published = datetime.fromisoformat(it["published"])
        found = event_date(it["text"], published, it.get("tz", "UTC"))
        if it["date"] is None:
            unstated += 1
            unstated_ok += found.evidence is None
            continue
        stated += 1
        same_day = found.evidence is not None and found.date == date.fromisoformat(it["date"])
        date_only += same_day
        if same_day and found.precision.value == it["precision"]:
            exact += 1
            scheduled_ok += found.scheduled == bool(it.get("scheduled"))
    return {
        "exact": _ratio(exact, stated),
        "date_only": _ratio(date_only, stated),
        "scheduled_agree": _ratio(scheduled_ok, exact),
        "unstated_correct": _ratio(unstated_ok, unstated),
        "stated": float(stated),
        "unstated": float(unstated),
    }


def score_dates(path: Path) -> dict[str, float]:
    """Event dates: exact (date, precision and evidence found) on sentences that state one."""
    return _by_part(_load(Path(path)), _score_dates)


# --- figures --------------------------------------------------------------------------

_DETERMINERS = re.compile(r"^(?:the|a|an)\s+|[^\w\s]", re.IGNORECASE)


def _norm(name: str) -> str:
    return " ".join(_DETERMINERS.sub(" ", name.lower()).split())


def claimant_matches(found: str | None, gold: str | None) -> bool:
    """Same claimant, allowing for articles, case and a longer or shorter title."""
    if found is None or gold is None:
        return found is None and gold is None
    a, b = _norm(found), _norm(gold)
    if not a or not b:
        return a == b
    return a == b or a in b or b in a or fuzz.token_set_ratio(a, b) >= 90


def _same_value(x: float | None, y: float | None) -> bool:
    if x is None or y is None:
        return x is None and y is None
    return abs(x - y) < 1e-6 * max(1.0, abs(y))


def _score_figures(items: list[Item]) -> dict[str, float]:
    gold_n = found_n = matched = with_claimant = 0
    for it in items:
        published = datetime.fromisoformat(it["published"]) if it.get("published") else None
        found = find_figures(it["text"], published=published, speakers=it.get("speakers", ()))
        found_n += len(found)
        used: set[int] = set()
        for g in it["figures"]:
            gold_n += 1
            for i, f in enumerate(found):
                if i in used or f.what != g["what"]:
                    continue
                if _same_value(f.low, g["low"]) and _same_value(f.high, g["high"]):
                    used.add(i)
                    matched += 1
                    with_claimant += claimant_matches(f.claimant, g.get("claimant"))
                    break
    p, r = _ratio(matched, found_n), _ratio(matched, gold_n)
    return {
        "precision": p,
        "recall": r,
        "f1": 2 * p * r / (p + r) if p + r else 0.0,
        "recall_with_claimant": _ratio(with_claimant, gold_n),
        "claimant_accuracy": _ratio(with_claimant, matched),
        "gold": float(gold_n),
        "found": float(found_n),
    }


def score_figures(path: Path) -> dict[str, float]:
    """Figures: precision/recall on (what, low, high), and recall with the right claimant."""
    return _by_part(_load(Path(path)), _score_figures)


def score_all(gold_dir: Path) -> dict[str, dict[str, float]]:
    """Every score of this part, keyed by feature."""
    gold_dir = Path(gold_dir)
    scorers: Iterable[tuple[str, Callable[[Path], dict[str, float]]]] = (
        ("sentences", score_sentences),
        ("dates", score_dates),
        ("figures", score_figures),
    )
    return {name: fn(gold_dir / f"{name}.jsonl") for name, fn in scorers}
