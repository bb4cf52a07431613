"""Score attribution, quotes, denials, entities and report kinds against hand-labelled gold.

The gold files (``tests/data/gold/*.jsonl``, one JSON object a line) are described in
``tests/data/gold/README-attribution.md``. Every scorer takes a path and an optional
``split`` ("dev", "test" or None for all) and returns a flat ``dict[str, float]``.

Names are compared leniently but on the head of the phrase: equal after folding (case,
punctuation, articles, possessives), or one is the other with a title or modifier dropped in
front ("Nicolas Sarkozy" ~ "French President Nicolas Sarkozy", but not "Italy" ~ "experts
from Italy"), or with a prepositional phrase dropped at the end ("spokesman" ~ "spokesman for
the UN").
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from livebrief.enrich.outlets import OutletRegistry, fold
from livebrief.model import Mention, ReportKind, Sentence, Span

__all__ = [
    "names_match",
    "score_all",
    "score_attribution",
    "score_denials",
    "score_entities",
    "score_kind",
    "score_language",
    "score_quotes",
]

_LEAD = frozenset(["the", "a", "an", "his", "her", "its", "their", "our", "my", "your"])
_PREPS = frozenset(["of", "for", "at", "from", "in", "with", "to", "by", "on", "and"])


def _load(path: Path | str, split: str | None) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            item = json.loads(line)
            if split is None or item.get("split", "dev") == split:
                yield item


def _words(name: str) -> list[str]:
    words = fold(name).split()
    while words and words[0] in _LEAD:
        words = words[1:]
    return words


def names_match(a: str, b: str) -> bool:
    """Do two source names denote the same source (see the module docstring)?"""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    if wa == wb or "".join(wa) == "".join(wb):
        return True
    short, long = (wa, wb) if len(wa) < len(wb) else (wb, wa)
    n = len(short)
    if long[-n:] == short and not _PREPS & set(long[:-n]):
        return True
    return long[:n] == short and long[n] in _PREPS


def _prf(tp: int, fp: int, fn: int, prefix: str) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {f"{prefix}precision": p, f"{prefix}recall": r, f"{prefix}f1": f}


def _merge(names: Sequence[str], same: Callable[[str, str], bool]) -> list[str]:
    """One name per source: names that match an earlier one are dropped."""
    out: list[str] = []
    for name in names:
        if not any(same(name, kept) for kept in out):
            out.append(name)
    return out


def _count(
    gold: Sequence[str], pred: Sequence[str], same: Callable[[str, str], bool]
) -> tuple[int, int, int]:
    gold, pred = _merge(gold, same), _merge(pred, same)
    left = list(gold)
    tp = 0
    for p in pred:
        for g in left:
            if same(p, g):
                left.remove(g)
                tp += 1
                break
    return tp, len(pred) - tp, len(left)


def _outlet_same(registry: OutletRegistry) -> Callable[[str, str], bool]:
    def same(a: str, b: str) -> bool:
        na, nb = registry.normalise(a), registry.normalise(b)
        if na is not None and nb is not None:
            return na == nb
        return names_match(na or a, nb or b)

    return same


def _speaker_same(registry: OutletRegistry) -> Callable[[str, str], bool]:
    def same(a: str, b: str) -> bool:
        oa, ob = registry.exact(a), registry.exact(b)
        if oa is not None and oa is ob:
            return True
        return names_match(a, b)

    return same


def score_attribution(path: Path | str, split: str | None = None) -> dict[str, float]:
    """Outlets and speakers, each with precision, recall and F1 over all gold sentences."""
    from livebrief.enrich.attribution import attribute

    registry = OutletRegistry()
    outlet_same = _outlet_same(registry)
    speaker_same = _speaker_same(registry)
    counts = {"outlet": [0, 0, 0], "speaker": [0, 0, 0]}
    items = 0
    for item in _load(path, split):
        items += 1
        pred = attribute(item["text"], registry)
        for role, same in (("outlet", outlet_same), ("speaker", speaker_same)):
            names = [a.name for a in pred if a.role == role]
            tp, fp, fn = _count(item[f"{role}s"], names, same)
            for k, v in enumerate((tp, fp, fn)):
                counts[role][k] += v
    out = {"items": float(items)}
    for role in ("outlet", "speaker"):
        tp, fp, fn = counts[role]
        out.update(_prf(tp, fp, fn, f"{role}_"))
    return out


def _quote_key(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text.lower()).strip()


def score_quotes(path: Path | str, split: str | None = None) -> dict[str, float]:
    """Quotes found (precision, recall, F1 on the quoted text) and speaker accuracy.

    A found quote matches a gold quote when their words are equal or one contains the other.
    Speaker accuracy is over matched quotes: both None, or the names match.
    """
    from livebrief.enrich.attribution import attribute
    from livebrief.enrich.quotes import find_quotes

    registry = OutletRegistry()
    tp = fp = fn = right = 0
    for item in _load(path, split):
        found = find_quotes(item["text"], attribute(item["text"], registry))
        gold = list(item["quotes"])
        for q in found:
            key = _quote_key(q.text)
            hit = next(
                (
                    g
                    for g in gold
                    if key and (key in _quote_key(g["text"]) or _quote_key(g["text"]) in key)
                ),
                None,
            )
            if hit is None:
                fp += 1
                continue
            gold.remove(hit)
            tp += 1
            if (q.speaker is None and hit["speaker"] is None) or (
                q.speaker is not None
                and hit["speaker"] is not None
                and names_match(q.speaker, hit["speaker"])
            ):
                right += 1
        fn += len(gold)
    out = _prf(tp, fp, fn, "quote_")
    out["speaker_accuracy"] = right / tp if tp else 0.0
    return out


def score_denials(path: Path | str, split: str | None = None) -> dict[str, float]:
    """Denial detection (precision, recall, F1) and denial-to-claim link accuracy.

    Lines with ``"text"`` are single sentences labelled ``denial``; lines with
    ``"sentences"`` are groups whose ``links`` ([denial index, claim index or list of
    acceptable claim indexes]) are the gold.
    """
    from livebrief.enrich.claims import is_denial, link_denials

    tp = fp = fn = 0
    links_total = links_right = 0
    for item in _load(path, split):
        if "sentences" in item:
            sents = [Sentence(text=t, position=i) for i, t in enumerate(item["sentences"])]
            for s in sents:
                s.denial = is_denial(s.text)
            found = {d: c for d, c, _ in link_denials(sents)}
            for d, c in item["links"]:
                links_total += 1
                links_right += int(found.get(d) in (c if isinstance(c, list) else [c]))
            continue
        pred = is_denial(item["text"])
        gold = bool(item["denial"])
        tp += pred and gold
        fp += pred and not gold
        fn += gold and not pred
    out = _prf(tp, fp, fn, "denial_")
    out["link_accuracy"] = links_right / links_total if links_total else 0.0
    out["links"] = float(links_total)
    return out


def score_entities(path: Path | str, split: str | None = None) -> dict[str, float]:
    """Mentions (exact text and label: precision, recall, F1) and alias-linking accuracy.

    Lines with ``"text"`` carry gold ``mentions`` ([text, label]); lines with ``"story"``
    carry ``mentions`` ([text, label, canonical name] in story order); a mention counts as
    linked right when its entity's name, once the whole story is read, is the gold one.
    """
    from livebrief.enrich.entities import EntityIndex, EntityTagger

    items = list(_load(path, split))
    sentences = [i for i in items if "text" in i]
    tagger = EntityTagger()
    tagged = tagger.tag([i["text"] for i in sentences])
    tp = fp = fn = 0
    for item, mentions in zip(sentences, tagged, strict=True):
        gold = [(t, lab) for t, lab in item["mentions"]]
        for m in mentions:
            if (m.text, m.label) in gold:
                gold.remove((m.text, m.label))
                tp += 1
            else:
                fp += 1
        fn += len(gold)
    out = _prf(tp, fp, fn, "mention_")
    total = right = 0
    for item in items:
        if "story" not in item:
            continue
        index = EntityIndex()
        linked = [
            (index.link(Mention(text=t, label=lab, span=Span(0, len(t), t))), lab)
            for t, lab, _ in item["mentions"]
        ]
        for (got, lab), (_, _, want) in zip(linked, item["mentions"], strict=True):
            total += 1
            right += int(index.resolve(got, lab) == want)
    out["link_accuracy"] = right / total if total else 0.0
    out["links"] = float(total)
    return out


def _t17_root(path: Path | str) -> Path:
    """Timeline17 beside the project: ``../shared/datasets/t17`` from the repository root."""
    env = os.environ.get("LIVEBRIEF_T17")
    if env:
        return Path(env)
    return Path(path).resolve().parents[3].parent / "shared" / "datasets" / "t17"


def _t17_report(root: Path, ref: str) -> tuple[str, str] | None:
    """(title, text) of a Timeline17 article "Folder/date/id", or None when it is not there."""
    folder, day, name = ref.split("/")
    file = root / folder / "InputDocs" / day / f"{name}.htm.txt"
    if not file.is_file():
        return None
    lines = [line.strip() for line in file.read_text("utf-8", errors="replace").splitlines()]
    lines = [line for line in lines if line]
    return (lines[0] if lines else "", "\n".join(lines))


def score_kind(path: Path | str, split: str | None = None) -> dict[str, float]:
    """Report kind accuracy, and the recall of each kind.

    Items with ``"t17"`` name a Timeline17 article, read from the dataset when it is there
    (skipped, and counted in ``kind_skipped``, when it is not).
    """
    from livebrief.enrich.kind import report_kind

    total = right = skipped = 0
    per: dict[str, list[int]] = {}
    root = _t17_root(path)
    for item in _load(path, split):
        if "kind" not in item:
            continue
        title, text = item.get("title", ""), item.get("text", "")
        if "t17" in item:
            found = _t17_report(root, item["t17"])
            if found is None:
                skipped += 1
                continue
            title, text = found
        got = report_kind(title, text, item.get("url", ""))
        want = ReportKind(item["kind"])
        total += 1
        right += int(got == want)
        stat = per.setdefault(want.value, [0, 0])
        stat[0] += int(got == want)
        stat[1] += 1
    out = {
        "kind_accuracy": right / total if total else 0.0,
        "kind_items": float(total),
        "kind_skipped": float(skipped),
    }
    for kind, (ok, n) in sorted(per.items()):
        out[f"{kind}_recall"] = ok / n
    return out


def score_language(path: Path | str, split: str | None = None) -> dict[str, float]:
    """Language detection accuracy on the items of the kind gold that carry a ``language``."""
    from livebrief.enrich.kind import detect_language

    total = right = 0
    root = _t17_root(path)
    for item in _load(path, split):
        if "language" not in item:
            continue
        text = item.get("text", "")
        if "t17" in item:
            found = _t17_report(root, item["t17"])
            if found is None:
                continue
            text = found[1]
        total += 1
        right += int(detect_language(text) == item["language"])
    return {"language_accuracy": right / total if total else 0.0, "language_items": float(total)}


def score_all(gold_dir: Path | str, split: str | None = None) -> dict[str, dict[str, float]]:
    """Every score of this part, by feature, from the gold files in ``gold_dir``."""
    gold = Path(gold_dir)
    out: dict[str, dict[str, float]] = {}
    out["attribution"] = score_attribution(gold / "attribution.jsonl", split)
    out["quotes"] = score_quotes(gold / "quotes.jsonl", split)
    out["denials"] = score_denials(gold / "denials.jsonl", split)
    out["entities"] = score_entities(gold / "entities.jsonl", split)
    kind = score_kind(gold / "kind.jsonl", split)
    kind.update(score_language(gold / "kind.jsonl", split))
    out["kind"] = kind
    return out
