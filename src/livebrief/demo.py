"""The demo: a briefing built from a real corpus into a fresh store.

The corpus that ships with livebrief is Wikipedia's Current Events items about the 2022
Russian invasion of Ukraine (CC BY-SA 4.0, see data/demo/wcep-ukraine-2022/PROVENANCE.md).
Any other source works too: a record file, a corpus folder, a feed file or a folder of pages.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .ingest.corpus import corpus_keywords
from .model import Story

DATA = Path(__file__).parent / "data" / "demo"
DEFAULT_CORPUS = DATA / "wcep-ukraine-2022" / "articles.jsonl"


def demo_story(source: Path) -> Story:
    """The story a demo source stands for: a known corpus's, else one named after the source."""
    known = json.loads((DATA / "stories.json").read_text("utf-8"))
    folder = source if source.is_dir() else source.parent
    for name in (source.stem, folder.name):
        if name in known:
            spec = known[name]
            return Story(
                slug=name,
                title=spec["title"],
                description=spec.get("description", ""),
                keywords=spec.get("keywords", []),
                timezone=spec.get("timezone", "UTC"),
            )
    name = folder.name if source.is_dir() or source.stem in ("articles", "feed") else source.stem
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:60] or "demo"
    title = re.sub(r"[_-]+", " ", name).strip().title() + " Briefing"
    return Story(slug=slug, title=title, keywords=corpus_keywords(folder))
