from __future__ import annotations

from livebrief.cluster.dedup import duplicate_groups, exact_key, independent_count
from livebrief.model import Report, Sentence

# A real item and the way another outlet republishes wire copy: new dateline, one word changed.
ITEM = (
    'Chancellor Angela Merkel announces a "measured exit" from nuclear power for Germany as it '
    'can no longer be "business as usual" following events in Japan.'
)
REPUBLISHED = (
    'BERLIN (Reuters) - Chancellor Angela Merkel announced a "measured exit" from nuclear '
    'power for Germany as it can no longer be "business as usual" following events in Japan.'
)


def test_exact_key_ignores_case_spacing_and_punctuation() -> None:
    assert exact_key(ITEM) == exact_key(ITEM.upper().replace(" ", "  "))
    assert exact_key(ITEM) != exact_key(REPUBLISHED)


def test_wire_copy_across_outlets_is_one_source(
    tohoku: tuple[list[Report], dict[int, list[Sentence]]],
) -> None:
    reports, _ = tohoku
    texts = [r.text for r in reports] + [REPUBLISHED, ITEM]
    groups = duplicate_groups(texts)
    original = next(i for i, r in enumerate(reports) if "measured exit" in r.text)
    assert groups[-1] == groups[original]  # exact copy
    assert groups[-2] == groups[original]  # lightly edited copy
    # every other real item stays its own source
    others = [g for i, g in enumerate(groups[: len(reports)]) if i != original]
    assert len(set(others)) == len(others)
    assert independent_count(groups) == len(reports)


def test_different_reports_about_one_plant_are_not_duplicates(
    tohoku: tuple[list[Report], dict[int, list[Sentence]]],
) -> None:
    reports, _ = tohoku
    fukushima = [r.text for r in reports if "Fukushima" in r.text]
    assert len(fukushima) >= 5
    assert independent_count(duplicate_groups(fukushima)) == len(fukushima)
