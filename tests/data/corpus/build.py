"""Rebuild this Timeline17-style sample corpus from the WCEP demo corpus (see PROVENANCE.md).

Run from the repository root: python tests/data/corpus/build.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

SOURCE = Path("../shared/datasets/demo/wcep-ukraine-2022/articles.jsonl")
HERE = Path(__file__).parent / "t17like"
IDS = {
    # record id -> topic folder
    "wcep-ukraine-2022-2022-02-24-048": "wcep_reuters",
    "wcep-ukraine-2022-2022-02-28-016": "wcep_reuters",
    "wcep-ukraine-2022-2022-03-04-032": "wcep_reuters",
    "wcep-ukraine-2022-2022-03-10-006": "wcep_reuters",
    "wcep-ukraine-2022-2022-03-15-000": "wcep_reuters",
    "wcep-ukraine-2022-2022-02-23-005": "wcep_bbc",
    "wcep-ukraine-2022-2022-03-01-000": "wcep_bbc",
    "wcep-ukraine-2022-2022-03-02-015": "wcep_bbc",
    "wcep-ukraine-2022-2022-03-21-001": "wcep_bbc",
}
SENTENCE_END = re.compile(
    r'(?:(?<=[a-z0-9)][.!?])|(?<=[a-z0-9)][.!?]"))(?<![ap]\.m\.)\s+(?=[A-Z"])'
)
KEYWORDS = {"wcep_reuters": ["ukraine", "russia"], "wcep_bbc": ["ukraine", "kyiv"]}
# Timeline17 has empty article files; so does this sample.
EMPTY = "wcep_bbc/InputDocs/2022-03-02/016.htm.txt"


def ptb(sentence: str) -> str:
    """Tokenize one sentence the way Timeline17's files are (Penn Treebank conventions)."""
    s = re.sub(r'(^|[\s(])"', r"\1 `` ", sentence)
    s = s.replace('"', " '' ")
    s = s.replace("(", " -LRB- ").replace(")", " -RRB- ").replace("/", "\\/")
    s = re.sub(r"(\w)n't\b", r"\1 n't", s)
    s = re.sub(r"(\w)'(s|re|ve|ll|d|m)\b", r"\1 '\2", s)
    s = re.sub(r"(\w)s' ", r"\1s ' ", s)
    s = re.sub(r"([,;:?!])(\s|$)", r" \1\2", s)
    s = re.sub(r"\.(\s*(?:''\s*)?)$", r" .\1", s)
    s = re.sub(r"\$(\d)", r"$ \1", s)
    return " ".join(s.split()) + " "


def main() -> None:
    records = {}
    for line in SOURCE.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["id"] in IDS:
            records[record["id"]] = record
    expected = []
    for rid, topic in IDS.items():
        record = records[rid]
        sentences = SENTENCE_END.split(record["text"])
        folder = HERE / topic / "InputDocs" / record["published"]
        folder.mkdir(parents=True, exist_ok=True)
        name = rid.rsplit("-", 1)[1] + ".htm.txt"
        (folder / name).write_text("\n".join(ptb(s) for s in sentences) + "\n", encoding="utf-8")
        expected.append(
            {
                "url": f"corpus:{topic}/{record['published']}/{name}",
                "published": record["published"],
                "sentences": sentences,
            }
        )
    for topic, words in KEYWORDS.items():
        (HERE / topic / "keywords.json").write_text(json.dumps(words) + "\n", encoding="utf-8")
    (HERE / EMPTY).write_bytes(b"")
    # A reference timeline in Timeline17's layout: not an article, must be skipped.
    first = expected[0]
    timeline = HERE / "wcep_reuters" / "timelines" / "wcep.txt"
    timeline.parent.mkdir(parents=True, exist_ok=True)
    body = "\n".join(ptb(s) for s in first["sentences"])
    timeline.write_text(f"{first['published']}\n{body}\n{'-' * 32}\n", encoding="utf-8")
    lines = (json.dumps(e, ensure_ascii=False) for e in expected)
    (HERE.parent / "expected.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
