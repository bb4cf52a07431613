"""JSON Lines and CSV record files: the demo corpora, damaged files, whole-file problems."""

from __future__ import annotations

import json
import tracemalloc
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from livebrief.ingest.records import InvalidRecord, parse_published, read_records
from livebrief.model import Embed, Problem, Report, ReportKind

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data" / "records"
DEMO = REPO.parent / "shared" / "datasets" / "demo"


def problems_of(items: list[Report | Problem]) -> list[tuple[str, str]]:
    return [(p.item.rsplit(":", 1)[1], p.reason) for p in items if isinstance(p, Problem)]


def reports_of(items: list[Report | Problem]) -> list[Report]:
    return [r for r in items if isinstance(r, Report)]


@pytest.mark.skipif(not DEMO.is_dir(), reason="demo corpora not available")
@pytest.mark.parametrize("story", ["wcep-ukraine-2022", "wcep-libya-2011", "wcep-tohoku-2011"])
def test_demo_corpora_map_onto_the_columns(story: str) -> None:
    path = DEMO / story / "articles.jsonl"
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    items = list(read_records(path))
    reports = reports_of(items)
    assert len(reports) == len(items) == len(records)
    # Many records share one portal page URL; the id makes each report URL unique.
    assert len({r["url"] for r in records}) < len(records)
    assert len({r.url for r in reports}) == len(reports)
    for record, report in zip(records, reports, strict=True):
        assert report.url == f"{record['url']}#{record['id']}"
        assert report.title == record["title"]
        assert report.text == record["text"]
        assert report.outlet == record["outlet"]
        assert report.author == record["author"]
        assert report.language == record["language"]
        assert report.cited_sources == record["cited_sources"]
        day = datetime.fromisoformat(record["published"])
        assert report.published == day.replace(tzinfo=UTC)
        assert report.kind is ReportKind.NEWS


def test_csv_and_jsonl_give_the_same_reports() -> None:
    from_jsonl = list(read_records(DATA / "sample.jsonl"))
    from_csv = list(read_records(DATA / "sample.csv"))
    assert len(from_jsonl) == 6
    assert from_csv == from_jsonl
    assert from_csv[0].cited_sources == ["BBC News", "The Guardian"]


def test_damaged_jsonl_gives_one_problem_per_bad_line_and_keeps_the_rest() -> None:
    items = list(read_records(DATA / "damaged.jsonl"))
    assert problems_of(items) == [
        ("3", "invalid JSON (Unterminated string starting at column 132)"),
        ("4", "missing text"),
        ("5", "no publication date: 'February 26, 2022' is not an ISO date or datetime"),
        ("6", "not a JSON object (a list)"),
        ("7", "no publication date"),
        ("9", "unknown kind 'rumour' (expected news, analysis, opinion, statement, social)"),
        ("10", "url is not an absolute URL: 'Portal:Current events'"),
    ]
    first, analysis, late = reports_of(items)
    assert first.url.endswith("#wcep-ukraine-2022-2022-02-25-001")
    assert analysis.kind is ReportKind.ANALYSIS
    assert analysis.embeds == [
        Embed(
            author="Ana Ruiz",
            handle="@anaruiz",
            date=datetime(2026, 3, 13).date(),
            text="The levee was rated for a 1-in-100 storm. This was closer to 1-in-40.",
            url="https://x.com/anaruiz/status/1",
        )
    ]
    assert late.published == datetime(2022, 2, 26, 21, 15, tzinfo=timezone(timedelta(hours=2)))
    assert all(str(DATA / "damaged.jsonl") in p.item for p in items if isinstance(p, Problem))


def test_damaged_csv() -> None:
    items = list(read_records(DATA / "damaged.csv"))
    assert problems_of(items) == [
        ("5", "no publication date: 'yesterday' is not an ISO date or datetime"),
        ("6", "missing text"),
        ("8", "12 fields, header has 11"),
    ]
    first, multiline, analysis = reports_of(items)
    assert multiline.text.split("\n")[1].startswith("He also announces")
    assert analysis.kind is ReportKind.ANALYSIS
    assert [e.handle for e in analysis.embeds] == ["@anaruiz"]


def test_id_and_url_rules(tmp_path: Path) -> None:
    path = tmp_path / "ids.jsonl"
    lines = [
        {"id": 7, "text": "Kyiv is shelled.", "published": "2022-02-25"},
        {"url": "https://example.org/a", "text": "Kyiv is shelled.", "published": "2022-02-25"},
        {"url": "https://example.org/a#7", "id": "7", "text": "x", "published": "2022-02-25"},
        {"title": "No address", "text": "Kyiv is shelled.", "published": "2022-02-25"},
        {"id": ["a"], "text": "Kyiv is shelled.", "published": "2022-02-25"},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", "utf-8")
    items = list(read_records(path))
    assert [r.url for r in reports_of(items)] == [
        "urn:livebrief:7",
        "https://example.org/a",
        "https://example.org/a#7",
    ]
    assert reports_of(items)[0].title == "Kyiv is shelled."
    assert problems_of(items) == [
        ("4", "no url and no id"),
        ("5", "id must be a string or a number, not a list"),
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-02-24", datetime(2022, 2, 24, tzinfo=UTC)),
        ("2022-02-24T05:30:00", datetime(2022, 2, 24, 5, 30, tzinfo=UTC)),
        ("2022-02-24 05:30", datetime(2022, 2, 24, 5, 30, tzinfo=UTC)),
        ("2022-02-24T05:30:00Z", datetime(2022, 2, 24, 5, 30, tzinfo=UTC)),
        (
            "2022-02-24T05:30:00+03:00",
            datetime(2022, 2, 24, 5, 30, tzinfo=timezone(timedelta(hours=3))),
        ),
    ],
)
def test_publication_dates(value: str, expected: datetime) -> None:
    got = parse_published(value)
    assert got == expected and got.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize("value", [None, "", "  ", "24/02/2022", "2022-02-30", 1645660800])
def test_unusable_publication_dates(value: object) -> None:
    with pytest.raises(InvalidRecord, match="^no publication date"):
        parse_published(value)


def test_whole_file_problems(tmp_path: Path) -> None:
    def only(path: Path, **kw: int) -> Problem:
        [item] = read_records(path, **kw)
        assert isinstance(item, Problem)
        return item

    assert only(tmp_path / "missing.jsonl").reason == "no such file"
    assert only(tmp_path).reason == "not a regular file"
    (tmp_path / "empty.csv").write_bytes(b"")
    assert only(tmp_path / "empty.csv").reason == "empty file"
    (tmp_path / "blank.jsonl").write_text("\n  \n", "utf-8")
    assert only(tmp_path / "blank.jsonl").reason == "empty file"
    xml = tmp_path / "feed.xml"
    xml.write_text("<rss/>", "utf-8")
    assert "unknown extension '.xml'" in only(xml).reason
    sample = (DATA / "sample.jsonl").read_bytes()
    big = tmp_path / "big.jsonl"
    big.write_bytes(sample)
    assert (
        only(big, max_bytes=1000).reason
        == f"file is {len(sample)} bytes, larger than the 1000 bytes limit"
    )
    latin = tmp_path / "latin.jsonl"
    latin.write_bytes(sample + "Kyiv \u2013 shelled".encode("cp1252"))
    assert only(latin).reason == f"not UTF-8 text (invalid byte at offset {len(sample) + 5})"
    header_only = tmp_path / "header.csv"
    header_only.write_text("id,url,published,text\n", "utf-8")
    assert only(header_only).reason == "no records after the header row"
    no_text = tmp_path / "notext.csv"
    no_text.write_text("url,published,body\nhttps://example.org/a,2022-02-24,x\n", "utf-8")
    assert only(no_text).reason == "CSV header has no text column"


def test_a_big_file_is_streamed(tmp_path: Path) -> None:
    sample = (DATA / "sample.jsonl").read_text("utf-8").splitlines()
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for n in range(5000):
            for line in sample:
                record = json.loads(line)
                record["id"] = f"{record['id']}-{n}"
                fh.write(json.dumps(record) + "\n")
    size = path.stat().st_size
    assert size > 8_000_000
    tracemalloc.start()
    try:
        count = sum(1 for item in read_records(path) if isinstance(item, Report))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 30_000
    assert peak < size / 4, f"peak {peak} bytes while reading a {size}-byte file"
