"""The JSON export and its documented schema."""

from __future__ import annotations

import json
import re
from datetime import UTC, date
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from livebrief.model import Briefing
from livebrief.publish import dumps, to_json
from tests.publish.libya_sample import (
    CORPUS_CITED,
    EDITED,
    REJECTED,
    published_texts,
    records,
)

DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads((DOCS / "export.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def errors(validator: jsonschema.Draft202012Validator, data: Any) -> list[str]:
    return sorted(e.message for e in validator.iter_errors(data))


def test_export_validates_against_the_schema(
    briefing: Briefing, validator: jsonschema.Draft202012Validator
) -> None:
    data = json.loads(dumps(briefing))
    assert errors(validator, data) == []
    assert data == to_json(briefing)


def test_export_content(briefing: Briefing) -> None:
    data = to_json(briefing)
    assert data["story"]["slug"] == "wcep-libya-2011"
    assert data["story"]["timezone"] == "Africa/Tripoli"
    assert data["standfirst"] == briefing.standfirst
    dates = [d["date"] for d in data["days"]]
    assert dates == sorted({d.date.isoformat() for d in briefing.days}, reverse=True)
    texts = [b["text"] for d in data["days"] for b in d["bullets"]]
    assert texts == published_texts(briefing)
    assert records()[REJECTED]["text"] not in json.dumps(data)
    assert [d["with_reporting_by"] for d in data["days"]] == [d.outlets for d in briefing.days]
    bullets = {b["text"]: b for d in data["days"] for b in d["bullets"]}
    edited = bullets[records()[EDITED]["text"]]
    assert edited["edited"] is True
    assert edited["created"] == "2011-10-20T09:00:00Z"
    assert edited["updated"] == "2011-10-21T14:30:00Z"
    corpus = bullets[records()[CORPUS_CITED]["text"]]
    assert corpus["citations"][0]["url"] == f"corpus:{CORPUS_CITED}"
    embed = data["days"][0]["analysis"][0]["embed"]
    assert embed["handle"] == "wikipedia"
    assert embed["date"] == "2011-08-21"
    assert data["days"][1]["analysis"] == []


def test_export_keys_match_the_page_anchors(briefing: Briefing) -> None:
    from livebrief.publish import render_page

    anchors = re.findall(r'<li class="bullet[^"]*" id="b-([^"]+)"', render_page(briefing))
    assert [b["key"] for d in to_json(briefing)["days"] for b in d["bullets"]] == anchors


def test_schema_rejects_what_the_export_must_not_contain(
    briefing: Briefing, validator: jsonschema.Draft202012Validator
) -> None:
    data = to_json(briefing)
    bullet = data["days"][0]["bullets"][0]
    bullet["state"] = "rejected"
    bullet["created"] = "yesterday"
    del data["days"][1]["bullets"][0]["key"]
    data["days"][2]["date"] = date(2011, 10, 27).strftime("%d/%m/%Y")
    where = {tuple(e.absolute_path) for e in validator.iter_errors(data)}
    assert where == {
        ("days", 0, "bullets", 0, "state"),
        ("days", 0, "bullets", 0, "created"),
        ("days", 1, "bullets", 0),
        ("days", 2, "date"),
    }


def test_naive_times_are_taken_as_utc(briefing: Briefing) -> None:
    bullet = briefing.days[0].bullets[0]
    aware = bullet.created
    bullet.created = aware.astimezone(UTC).replace(tzinfo=None)
    assert to_json(briefing)["days"][0]["bullets"][0]["created"] == "2011-10-31T09:00:00Z"


def test_every_schema_property_is_documented() -> None:
    schema = json.loads((DOCS / "export.schema.json").read_text("utf-8"))
    doc = (DOCS / "export-schema.md").read_text("utf-8")
    names: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            names.update(node.get("properties", {}))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    assert len(names) > 20
    missing = sorted(n for n in names if f"| `{n}` |" not in doc)
    assert missing == []


def test_the_documented_example_is_valid(validator: jsonschema.Draft202012Validator) -> None:
    doc = (DOCS / "export-schema.md").read_text("utf-8")
    example = doc.split("```json", 1)[1].split("```", 1)[0]
    assert errors(validator, json.loads(example)) == []
