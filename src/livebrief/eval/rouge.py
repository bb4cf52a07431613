"""Timeline ROUGE as the field computes it: a thin wrapper over `tilse`.

tilse runs the ROUGE-1.5.5 Perl script (Porter stemming, SMART stop-words removed) and
implements the timeline variants: concat, agreement and alignment ("align+ m:1",
`evaluate_align_date_content_costs_many_to_one`). Date F1 is the exact overlap of dates.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

METRICS = ("concat", "agreement", "align")
MEASURES = ("rouge_1", "rouge_2")

Scores = dict[str, Any]


def prf(precision: float, recall: float) -> dict[str, float]:
    """Precision, recall and their harmonic mean."""
    total = precision + recall
    f1 = 2 * precision * recall / total if total > 0 else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def date_scores(predicted: Sequence[date], reference: Sequence[date]) -> dict[str, float]:
    """Exact date overlap between a predicted and a reference timeline."""
    pred, ref = set(predicted), set(reference)
    shared = len(pred & ref)
    return prf(shared / len(pred) if pred else 0.0, shared / len(ref) if ref else 0.0)


def _zeros() -> Scores:
    return {m: {r: prf(0.0, 0.0) for r in MEASURES} for m in METRICS}


class TimelineScorer:
    """Scores a predicted timeline against one reference timeline with tilse's Perl ROUGE."""

    def __init__(self) -> None:
        from tilse.evaluation import rouge

        self._evaluator = rouge.TimelineRougeEvaluator(measures=list(MEASURES))

    def score(
        self,
        predicted: Mapping[date, Sequence[str]],
        reference: Mapping[date, Sequence[str]],
    ) -> Scores:
        """All metrics for one task: concat, agreement, align (ROUGE-1/2 P/R/F1) and date."""
        from tilse.data.timelines import GroundTruth
        from tilse.data.timelines import Timeline as TilseTimeline

        pred = {d: list(s) for d, s in predicted.items() if s}
        result: Scores = {}
        if pred:
            system = TilseTimeline(pred)
            truth = GroundTruth([TilseTimeline({d: list(s) for d, s in reference.items()})])
            runs = {
                "concat": self._evaluator.evaluate_concat,
                "agreement": self._evaluator.evaluate_agreement,
                "align": self._evaluator.evaluate_align_date_content_costs_many_to_one,
            }
            for metric, run in runs.items():
                raw = run(system, truth)
                result[metric] = {r: prf(raw[r]["precision"], raw[r]["recall"]) for r in MEASURES}
        else:
            result = _zeros()
        result["date"] = date_scores(list(pred), list(reference))
        return result


def average(task_scores: Sequence[Scores]) -> Scores:
    """Average precision and recall over tasks, then F1 from the averages (news-tls)."""
    n = max(1, len(task_scores))

    def mean_prf(get: Any) -> dict[str, float]:
        p = sum(get(t)["precision"] for t in task_scores) / n
        r = sum(get(t)["recall"] for t in task_scores) / n
        return prf(p, r)

    overall: Scores = {
        m: {r: mean_prf(lambda t, m=m, r=r: t[m][r]) for r in MEASURES} for m in METRICS
    }
    overall["date"] = mean_prf(lambda t: t["date"])
    return overall
