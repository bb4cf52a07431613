"""Rebuild the record-file samples from the WCEP demo corpus (see PROVENANCE.md).

Run from the repository root: python tests/data/records/build.py
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

SOURCE = Path("../shared/datasets/demo/wcep-ukraine-2022/articles.jsonl")
HERE = Path(__file__).parent
SAMPLE_IDS = [
    "wcep-ukraine-2022-2022-02-25-001",
    "wcep-ukraine-2022-2022-02-25-010",
    "wcep-ukraine-2022-2022-02-25-011",
    "wcep-ukraine-2022-2022-02-25-012",
    "wcep-ukraine-2022-2022-02-26-003",
    "wcep-ukraine-2022-2022-02-26-006",
]
COLUMNS = ["id", "url", "title", "published", "outlet", "author", "language", "text"]
# A snapshot of a social post, in the form the briefing anatomy shows.
EMBED = {
    "author": "Ana Ruiz",
    "handle": "anaruiz",
    "date": "2026-03-13",
    "text": "The levee was rated for a 1-in-100 storm. This was closer to 1-in-40.",
    "url": "https://x.com/anaruiz/status/1",
}


def main() -> None:
    by_id = {}
    for line in SOURCE.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        by_id[record["id"]] = (line, record)
    lines = [by_id[i][0] for i in SAMPLE_IDS]
    records = [by_id[i][1] for i in SAMPLE_IDS]
    (HERE / "sample.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    _write_csv(HERE / "sample.csv", [_csv_row(r) for r in records])

    more = [by_id[f"wcep-ukraine-2022-2022-02-26-{n:03d}"][1] for n in range(7)]
    analysis = dict(more[5], kind="analysis", embeds=[EMBED])
    damaged = [
        lines[0],  # 1 good
        "",  # 2 blank: skipped
        json.dumps(more[0], ensure_ascii=False)[:150],  # 3 cut off
        json.dumps({k: v for k, v in more[1].items() if k != "text"}, ensure_ascii=False),  # 4
        json.dumps(dict(more[2], published="February 26, 2022"), ensure_ascii=False),  # 5
        json.dumps([more[3]], ensure_ascii=False),  # 6 a list, not an object
        json.dumps(dict(more[4], published=None), ensure_ascii=False),  # 7
        json.dumps(analysis, ensure_ascii=False),  # 8 good, with an embed
        json.dumps(dict(more[6], kind="rumour"), ensure_ascii=False),  # 9
        json.dumps(dict(more[6], url="Portal:Current events", id=None), ensure_ascii=False),  # 10
        json.dumps(dict(more[6], published="2022-02-26T21:15:00+02:00")),  # 11 good
    ]
    (HERE / "damaged.jsonl").write_text("\n".join(damaged) + "\n", encoding="utf-8")

    rows = [_csv_row(r) for r in records[:3]]
    rows[1]["text"] = rows[1]["text"].replace(". ", ".\n", 1)  # a quoted line break
    rows[2]["published"] = "yesterday"
    rows.append(dict(_csv_row(more[0]), text=""))
    rows.append(dict(_csv_row(more[1]), kind="analysis", embeds=json.dumps([EMBED])))
    _write_csv(HERE / "damaged.csv", rows, extra_line=_extra_fields_line(more[2]))


def _csv_row(record: dict) -> dict[str, str]:
    row = {c: record[c] for c in COLUMNS}
    row["cited_sources"] = "; ".join(record["cited_sources"])
    return row


def _write_csv(path: Path, rows: list[dict[str, str]], extra_line: str = "") -> None:
    columns = COLUMNS + ["cited_sources"]
    if any("embeds" in r for r in rows):
        columns += ["kind", "embeds"]
    out = io.StringIO()
    writer = csv.DictWriter(out, columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue() + extra_line, encoding="utf-8")


def _extra_fields_line(record: dict) -> str:
    out = io.StringIO()
    row = [record[c] for c in COLUMNS] + ["; ".join(record["cited_sources"]), "", "", "spill"]
    csv.writer(out, lineterminator="\n").writerow(row)
    return out.getvalue()


if __name__ == "__main__":
    main()
