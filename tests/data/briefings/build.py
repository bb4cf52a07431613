"""Rebuild the sample briefings from the WCEP demo corpus (see PROVENANCE.md).

Writes ukraine-clean.html (a clean briefing page), ukraine-damaged.txt (a plain-text rendering
of the same briefing with the damage imports meet) and ukraine-expected.json (the structure
both must give). Run from the repository root: python tests/data/briefings/build.py
"""

from __future__ import annotations

import json
import textwrap
from html import escape
from pathlib import Path

SOURCE = Path("../shared/datasets/demo/wcep-ukraine-2022/articles.jsonl")
HERE = Path(__file__).parent
PREFIX = "wcep-ukraine-2022-2022-"
TITLE = "Russian Invasion of Ukraine Briefing"
PORTAL = "https://en.wikipedia.org/wiki/Portal:Current_events/2022_February_{day}"
HOMEPAGES = {
    "Al Jazeera": "https://www.aljazeera.com/",
    "Army Times": "https://www.armytimes.com/",
    "BBC News": "https://www.bbc.co.uk/news",
    "Bloomberg": "https://www.bloomberg.com/",
    "Euronews": "https://www.euronews.com/",
    "Reuters": "https://www.reuters.com/",
    "Stars and Stripes": "https://www.stripes.com/",
    "TASS": "https://tass.com/",
    "The Guardian": "https://www.theguardian.com/",
}
# Newest first, as the page shows them.
DAYS = [
    ("2022-02-26", ["02-26-003", "02-26-006", "02-26-001", "02-26-007"]),
    ("2022-02-25", ["02-25-001", "02-25-010", "02-25-017", "02-25-030"]),
    ("2022-02-24", ["02-24-025", "02-24-048", "02-24-042"]),
]
STANDFIRST = "02-24-000"
ANALYSIS_TEXT = ("2022-02-25", "02-25-012")
RELATED = ("2022-02-26", "02-26-004")
# The example post of shared/briefing-anatomy.md, as a snapshot.
EMBED = {
    "author": "Ana Ruiz",
    "handle": "@anaruiz",
    "date": "2026-03-13",
    "date_label": "March 13, 2026",
    "text": "The levee was rated for a 1-in-100 storm. This was closer to 1-in-40.",
    "url": "https://x.com/anaruiz/status/1",
}
LABELS = {"2022-02-26": "Feb. 26", "2022-02-25": "Feb. 25", "2022-02-24": "Feb. 24"}


def join_names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def with_credit(text: str, names: str) -> str:
    """The brief with its outlets credited inline: "..., Reuters reported." """
    return f"{text[:-1]}, {names} reported." if text.endswith(".") else f"{text} {names} reported."


def load() -> dict[str, dict]:
    records = {}
    for line in SOURCE.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        records[record["id"].removeprefix(PREFIX)] = record
    return records


def expected(records: dict[str, dict]) -> dict:
    days = []
    for day, ids in DAYS:
        bullets, credited = [], set()
        for rid in ids:
            sources = [s for s in records[rid]["cited_sources"] if s in HOMEPAGES]
            credited.update(sources)
            bullets.append(
                {
                    "text": with_credit(records[rid]["text"], join_names(sources)),
                    "citations": [[HOMEPAGES[s], s] for s in sources],
                }
            )
        analysis = []
        if day == ANALYSIS_TEXT[0]:
            item = {"text": records[ANALYSIS_TEXT[1]]["text"], "title": "", "url": ""}
            analysis.append(dict(item, embed={k: v for k, v in EMBED.items() if k != "date_label"}))
        if day == RELATED[0]:
            record = records[RELATED[1]]
            analysis.append(
                {"text": "", "title": record["title"], "url": record["url"], "embed": None}
            )
        days.append(
            {"date": day, "bullets": bullets, "outlets": sorted(credited), "analysis": analysis}
        )
    return {
        "title": TITLE,
        "standfirst": records[STANDFIRST]["text"],
        "updated": "2022-02-26T18:30:00+02:00",
        "days": days,
    }


def clean_html(exp: dict) -> str:
    """A hand-made briefing page: masthead, lead photo, days as h2, bullets as a list."""
    out = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{escape(TITLE)} | Feb. 26 - The Daily Example</title>",
        "<script>window.dataLayer = [];</script></head><body>",
        '<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>',
        "<header>",
        f'<h1>{escape(TITLE)} <span class="sep">|</span> Feb. 26</h1>',
        '<p class="stamp">Updated <time datetime="2022-02-26T18:30:00+02:00">'
        "Feb. 26, 2022, 6:30 p.m. EET</time></p>",
        "</header>",
        '<figure><img src="lead.jpg" alt=""><figcaption>Kyiv on Friday. Example Photo'
        "</figcaption></figure>",
        f'<p class="standfirst">{escape(exp["standfirst"])}</p>',
    ]
    for i, day in enumerate(exp["days"]):
        label = LABELS[day["date"]]
        suffix = ": what you need to know today" if i == 0 else ""
        out.append(
            f'<section id="d{i}"><h2>{label}{suffix} <a class="permalink" href="#d{i}">#</a></h2>'
        )
        out.append("<ul>")
        for bullet in day["bullets"]:
            out.append(f"<li>{linked(bullet)}</li>")
        out.append("</ul>")
        out.append(f"<p>With reporting by {escape(join_names(day['outlets']))}.</p>")
        out.append('<div class="ad">Advertisement</div>')
        if day["analysis"]:
            out.append(f"<h3>{label}: Analysis</h3>")
        for item in day["analysis"]:
            if item["title"]:
                out.append(
                    f'<p>Related article: <a href="{item["url"]}">{escape(item["title"])}</a></p>'
                )
                continue
            out.append(f"<p>{escape(item['text'])}</p>")
            embed = item["embed"]
            out.append(
                '<blockquote class="twitter-tweet">'
                f'<p lang="en">{escape(embed["text"])}</p>&mdash; {escape(embed["author"])} '
                f'({embed["handle"]}) <a href="{embed["url"]}">{EMBED["date_label"]}</a>'
                "</blockquote>"
            )
        out.append("</section>")
    out.append('<footer><p>© The Daily Example. <a href="/terms">Terms</a></p></footer>')
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def linked(bullet: dict) -> str:
    text = escape(bullet["text"])
    for url, name in bullet["citations"]:
        text = text.replace(escape(name), f'<a href="{url}">{escape(name)}</a>', 1)
    return text


def wrap(text: str, first: str = "- ") -> list[str]:
    return textwrap.wrap(text, 88, initial_indent=first, subsequent_indent="  ")


def damaged_text(exp: dict) -> str:
    """A plain-text rendering with every kind of damage the importer must repair."""
    feb26, feb25, feb24 = exp["days"]
    refs: list[str] = []
    out = [f"{TITLE} | Feb. 26", "[lead photo]  Kyiv on Friday. Example Photo", ""]
    out += ["Updated Feb. 26, 2022, 6:30 p.m. EET", ""]
    out += textwrap.wrap(exp["standfirst"], 88) + [""]

    out += ["Feb. 26: what you need to know today"]
    # 1. Markdown links; a page break in the middle of the bullet, the rest without a marker.
    melitopol = markdown_links(feb26["bullets"][0])
    head, rest = melitopol.split(" Zaporizhzhia ", 1)
    out += wrap(head) + ["\f", "Page 2 of 3", "", "Zaporizhzhia " + rest]
    # 2. A bare <a href> tag; the bullet split in two, the second half starting lowercase.
    poland = anchor_tags(feb26["bullets"][1])
    head, rest = poland.split(" since ", 1)
    out += wrap(head) + wrap("since " + rest)
    # 3. A reference mark, its URL listed at the foot of the page.
    tower = feb26["bullets"][2]
    refs.append(tower["citations"][0][0])
    out += wrap(f"{tower['text']}[{len(refs)}]")
    out += wrap(
        feb26["bullets"][3]["text"].replace("Bloomberg", "[Bloomberg](https://www.bloomberg.com/)")
    )
    out += [f"With reporting by {join_names(feb26['outlets'])}.", ""]
    related = feb26["analysis"][0]
    out += ["Feb. 26: Analysis", f"Related article: [{related['title']}]({related['url']})", ""]

    # A day out of order, its heading spelled out, credits "from".
    out += ["February 24"]
    for bullet in feb24["bullets"]:
        out += wrap(markdown_links(bullet))
    out += [f"With reporting from {join_names(feb24['outlets'])}.", ""]

    out += ["Feb 25"]
    for n, bullet in enumerate(feb25["bullets"]):
        text = markdown_links(bullet)
        if n == 1:  # split by a page break after a word, the rest behind a new marker
            head, rest = text.split(" the NATO ", 1)
            out += wrap(head + " the") + ["", "- 2 -", ""] + wrap("NATO " + rest)
        else:
            out += wrap(text)
    out += [f"With reporting by {join_names(feb25['outlets'])}.", ""]
    item = feb25["analysis"][0]
    embed = item["embed"]
    out += ["Feb. 25, 2022: Analysis"] + textwrap.wrap(item["text"], 88)
    out += ["  Embed:"] + textwrap.wrap(
        embed["text"], 80, initial_indent="  ", subsequent_indent="  "
    )
    out += [
        f"  — {embed['author']} ({embed['handle']}) [{EMBED['date_label']}]({embed['url']})",
        "",
    ]
    out += [f"[{n}] {url}" for n, url in enumerate(refs, 1)]
    return "\n".join(out) + "\n"


def markdown_links(bullet: dict) -> str:
    text = bullet["text"]
    for url, name in bullet["citations"]:
        text = text.replace(name, f"[{name}]({url})", 1)
    return text


def anchor_tags(bullet: dict) -> str:
    text = bullet["text"]
    for url, name in bullet["citations"]:
        text = text.replace(name, f'<a href="{url}">{name}</a>', 1)
    return text


def main() -> None:
    exp = expected(load())
    (HERE / "ukraine-expected.json").write_text(
        json.dumps(exp, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (HERE / "ukraine-clean.html").write_text(clean_html(exp), encoding="utf-8")
    (HERE / "ukraine-damaged.txt").write_text(damaged_text(exp), encoding="utf-8")


if __name__ == "__main__":
    main()
