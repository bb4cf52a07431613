"""Figures with what they count and who claims them, on real news sentences."""

from __future__ import annotations

import json
import time
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from livebrief.enrich.figures import find_figures, parse_number
from livebrief.eval.gold_dates_figures import claimant_matches, score_figures
from livebrief.model import Figure

GOLD = Path(__file__).resolve().parents[2] / "tests" / "data" / "gold" / "figures.jsonl"
PUB = datetime(2011, 6, 7, 12, tzinfo=UTC)


def one(text: str, **kw: object) -> Figure:
    found = find_figures(text, **kw)  # type: ignore[arg-type]
    assert len(found) == 1, [(f.what, f.low, f.span) for f in found]
    f = found[0]
    assert f.span is not None and text[f.span.start : f.span.end] == f.span.text
    return f


def test_gold_floor() -> None:
    scores = score_figures(GOLD)
    assert scores["gold"] >= 150
    assert scores["recall"] >= 0.92
    assert scores["precision"] >= 0.93
    assert scores["recall_with_claimant"] >= 0.9
    assert scores["heldout_recall"] >= 0.85
    assert scores["heldout_recall_with_claimant"] >= 0.83


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("31", 31),
        ("10,000", 10_000),
        ("1.5 million", 1_500_000),
        ("twenty-five", 25),
        ("Thirteen", 13),
        ("a dozen", 12),
        ("half a million", 500_000),
        ("2bn", 2_000_000_000),
        ("three million", 3_000_000),
        ("one hundred", 100),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value


def test_counts_with_qualifier_and_claimant() -> None:
    # Wikipedia Current Events, 2022-03-03 (demo corpus)
    text = (
        "The governor of Chernihiv Oblast says that at least 33 people have been killed and at "
        "least 18 others injured in Russian airstrikes on residential areas in Chernihiv."
    )
    killed, wounded = find_figures(text, published=PUB)
    assert (killed.what, killed.low, killed.high, killed.qualifier) == (
        "killed",
        33,
        33,
        "at least",
    )
    assert (wounded.what, wounded.low) == ("wounded", 18)
    assert killed.claimant == wounded.claimant == "The governor of Chernihiv Oblast"
    assert killed.as_of == date(2011, 6, 7)


def test_ranges_and_vague_amounts() -> None:
    red_cross = one("The Red Cross estimates 45,000-50,000 people are dead and up to 3m affected.")
    assert (red_cross.what, red_cross.low, red_cross.high) == ("killed", 45_000, 50_000)
    assert red_cross.claimant == "The Red Cross"
    putin = one("Putin says that around 13,000 to 14,000 people have been killed in Donbas.")
    assert (putin.low, putin.high, putin.qualifier) == (13_000, 14_000, "around")
    dozens = one("Dozens of people have died in violent clashes with riot police.")
    assert (dozens.what, dozens.low, dozens.high, dozens.vague) == ("killed", 24, 99, "Dozens")
    tens = one("Activists say tens of thousands have been arrested since the uprising began.")
    assert (tens.what, tens.low, tens.high) == ("arrested", 20_000, 99_999)
    between = one("Seasonal flu kills between 250,000 and 500,000 people in an average year.")
    assert (between.low, between.high) == (250_000, 500_000)


def test_what_is_counted() -> None:
    cases = {
        "Gunmen killed 12 soldiers near the border.": ("killed", "soldiers"),
        "The U.S. is sending 3,500 soldiers to Haiti.": ("troops", "soldiers"),
        "More than 5,700 people have fled Libya for Tunisia.": ("displaced", "people"),
        "Around 4,000 anti-war demonstrators are arrested.": ("arrested", "demonstrators"),
        "Around 104 Russian soldiers are taken as prisoners of war in Sumy.": (
            "prisoners",
            "soldiers",
        ),
        "A NATO airstrike damages two government buildings.": ("buildings", "buildings"),
        "The death toll rose to 41, officials say.": ("killed", "people"),
        "Hundreds of Southwest Airlines flights are grounded.": ("flights", "flights"),
        "The United Nations reports at least 406 civilian casualties.": (
            "casualties",
            "casualties",
        ),
        "The new cases bring the UK total to 34.": ("cases", "people"),
        "Xinhua reports that 35,860 Chinese nationals have been evacuated.": (
            "evacuated",
            "nationals",
        ),
    }
    for text, (what, unit) in cases.items():
        f = one(text)
        assert (f.what, f.unit) == (what, unit), text


def test_elliptical_second_claim_keeps_both_claimants() -> None:
    text = "Police said about 2,000 people took part, organisers said 10,000."
    police, organisers = find_figures(text)
    assert (police.what, police.low, police.claimant) == ("protesters", 2_000, "Police")
    assert (organisers.what, organisers.low, organisers.claimant) == (
        "protesters",
        10_000,
        "organisers",
    )


def test_claimants() -> None:
    after = one(
        "At least 31 people were killed in Misrata on Tuesday, a doctor said.", published=PUB
    )
    assert after.claimant == "a doctor"
    assert after.as_of == date(2011, 6, 7)  # Tuesday of that week
    according = one(
        "Four people were killed Wednesday, according to an opposition spokesman who "
        "wanted to be identified only as Mohammed."
    )
    assert claimant_matches(according.claimant, "an opposition spokesman")
    apposition = one(
        "Colonel Juma Ibrahim, a rebel commander in the nearby town of Zintan, said seven "
        "rebel fighters were killed in the operation."
    )
    assert apposition.claimant == "Colonel Juma Ibrahim"
    relative = one("Gaddafi, who said no more than 150 people were killed, told a loyal audience.")
    assert (relative.claimant, relative.qualifier) == ("Gaddafi", "no more than")
    passive = one("It's estimated more than 1,000 people have been killed so far.")
    assert passive.claimant is None
    spoken = one('"Twelve people died," he said.', speakers=["Moussa Ibrahim"])
    assert spoken.claimant == "Moussa Ibrahim"
    unclaimed = one("Six people were killed.", speakers=["Moussa Ibrahim"])
    assert unclaimed.claimant == "Moussa Ibrahim"


def test_as_of_an_explicit_day() -> None:
    # BBC 2009-05-22: the toll is as of Thursday
    f = one(
        "Mexico's flu death toll rose by three to 78 on Thursday, officials said.",
        published=datetime(2009, 5, 22, 12, tzinfo=UTC),
    )
    assert (f.what, f.low, f.as_of) == ("killed", 78, date(2009, 5, 21))
    assert one("Six people were killed.").as_of is None


@pytest.mark.parametrize(
    "text",
    [
        "Alcala, 67, is currently on death row in California.",
        "The 25-year-old was arrested at 10 p.m. on Route 66.",
        "In 2009 the group reported a 40% rise and paid $8bn to 300 km of road.",
        "The clashes of March 17 and the 3rd brigade were reported.",
        "One in three who come in contact will likely become infected.",
        "A magnitude 7.0 quake struck, and 121 people had been rescued.",
        "Resolution 1973 was passed with 10 votes in favour.",
        "Those two have been hating and killing each other.",
        "Thousands of civilians are at risk of dying from starvation.",
        "Russian forces destroyed a convoy of 56 tanks near Kyiv.",
    ],
)
def test_not_figures(text: str) -> None:
    assert find_figures(text) == []


def test_empty_input() -> None:
    assert find_figures("") == []
    assert find_figures("No numbers here.", speakers=["X"]) == []


def test_speed() -> None:
    items = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()] * 10
    start = time.perf_counter()
    for item in items:
        find_figures(item["text"], published=datetime.fromisoformat(item["published"]))
    rate = len(items) / (time.perf_counter() - start)
    assert rate > 2_000, f"{rate:.0f} sentences/s"
