"""One web page in, one :class:`~livebrief.model.Report` out (or a :class:`Problem`).

trafilatura finds the article text and metadata; this module decodes the bytes (charset from
the header or the page, detection as a fallback), adds what trafilatura leaves out (a publication
time of day, the language, JSON-LD ``articleBody`` when the visible text is a stub, the kind of
article, embedded social posts) and refuses inputs that are not HTML pages.
"""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from urllib.parse import urlsplit

import charset_normalizer
import htmldate
import lxml.etree
import lxml.html
import lxml_html_clean  # noqa: F401  (trafilatura needs it importable with current lxml)
import trafilatura
from dateutil.parser import isoparse
from lxml.html import HtmlElement
from trafilatura.settings import Document

from livebrief.extract.embeds import find_embeds
from livebrief.ingest.http import charset_of
from livebrief.model import Problem, Report, ReportKind

MIN_TEXT_CHARS = 100  # less than this is a menu or a caption, not an article
_HTML_TAG = re.compile(
    rb"<\s*(?:!doctype\s+html|html|head|body|p|div|article|main|title|meta)\b", re.I
)
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_MAGIC = {
    b"%PDF": "PDF",
    b"PK\x03\x04": "ZIP",
    b"\x89PNG": "PNG",
    b"GIF8": "GIF",
    b"\xff\xd8\xff": "JPEG",
    b"\x1f\x8b": "gzip",
    b"RIFF": "RIFF",
    b"\x7fELF": "executable",
}
# WHATWG: these labels mean windows-1252 in a web page.
_WINDOWS_1252 = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii"}
# Metadata that names the publication time explicitly, and looser date fields.
_PUBLISHED_KEYS = {"article:published_time", "og:article:published_time", "datepublished"}
_DATE_KEYS = {
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "dcterms.issued",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
}
_EARLIEST = datetime(1995, 1, 1, tzinfo=UTC)
_TZ_SPAN = timedelta(hours=14)  # the widest UTC offset: a local date spans this far either side
_ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "blogposting",
    "liveblogposting",
    "report",
    "socialmediaposting",
}
_KINDS = {
    "opinionnewsarticle": ReportKind.OPINION,
    "analysisnewsarticle": ReportKind.ANALYSIS,
    "backgroundnewsarticle": ReportKind.ANALYSIS,
}


def extract_article(
    html: bytes | str,
    url: str | None = None,
    *,
    fetched: datetime | None = None,
    content_type: str | None = None,
) -> Report | Problem:
    """Extract the article of a page.

    ``content_type`` is the HTTP header, if the page came over HTTP (its charset wins).
    Returns a Problem naming ``url`` (or "page") when the input is not an article page.
    """
    item = url or "page"
    raw = html.encode("utf-8") if isinstance(html, str) else bytes(html)
    if not raw.strip():
        return Problem(item, "empty page")
    binary = binary_reason(raw)
    if binary:
        return Problem(item, f"{binary}, not an HTML page")
    if not _HTML_TAG.search(raw[:262144]):
        return Problem(item, "not an HTML page (no HTML tags found)")
    text = html if isinstance(html, str) else decode_html(raw, content_type)
    tree = _load(text)
    if tree is None:
        return Problem(item, "could not parse the HTML")

    facts = _page_facts(tree)
    embeds = find_embeds(tree, remove=True)
    try:
        doc = _trafilatura(tree, url)
    except Exception as exc:  # third-party code on arbitrary input: one item, not the batch
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        return Problem(item, f"extraction failed ({type(exc).__name__}: {detail})")

    body = _body_text(doc.body) if doc.body is not None else ""
    if facts.article_body and len(facts.article_body) > 2 * len(body):
        body = _paragraphs(facts.article_body)
    title = _title(doc.title or facts.headline, facts.h1)
    body = _without_heading(body, title)
    if len(body) < MIN_TEXT_CHARS:
        return Problem(item, "no article text found")

    page_url = url or doc.url or ""
    outlet = _clean(doc.sitename) or domain_of(page_url)
    published = _stated_time(facts.published, fetched) or _stated_time(facts.lone_time, fetched)
    if published is None:
        day = doc.date or _htmldate(tree, url)
        published = _published(day, facts.published + facts.timestamps)
    return Report(
        url=page_url,
        title=title,
        text=body,
        published=published,
        outlet=outlet or None,
        author=_author(doc.author, outlet),
        fetched=fetched,
        language=detect_language(body) or facts.language,
        kind=facts.kind,
        raw=raw,
        raw_type="text/html",
        embeds=embeds,
    )


def _trafilatura(tree: HtmlElement, url: str | None) -> Document:
    """trafilatura's text and metadata; an empty Document when it finds nothing."""
    doc = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=True
    )
    return doc if isinstance(doc, Document) else Document()


# --- bytes to text --------------------------------------------------------------------------


def binary_reason(data: bytes) -> str | None:
    """Why ``data`` is not text ("binary data (PDF)"...), or None when it looks like text."""
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            return f"binary data ({kind})"
    sample = data[:8192]
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    if b"\x00" in sample or controls > len(sample) // 20:
        return "binary data"
    return None


def decode_html(data: bytes, content_type: str | None = None) -> str:
    """Decode a page: BOM, then the header's charset, the page's own, UTF-8, detection."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    head = data[:4096]
    declared = [charset_of(content_type), _declared_charset(head), "utf-8"]
    for label in declared:
        if not label:
            continue
        encoding = "cp1252" if label.lower() in _WINDOWS_1252 else label
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    guess = charset_normalizer.from_bytes(data[:262144]).best()
    encoding = guess.encoding if guess is not None else "cp1252"
    return data.decode(encoding, errors="replace")


def _declared_charset(head: bytes) -> str | None:
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii").lower() if match else None


def _load(text: str) -> HtmlElement | None:
    text = _XML_DECLARATION.sub("", text, count=1)
    try:
        tree = trafilatura.load_html(text)
    except (ValueError, TypeError, lxml.etree.LxmlError):
        return None
    return tree if isinstance(tree, HtmlElement) else None


# --- what the page says about itself ---------------------------------------------------------


@dataclass(slots=True)
class _PageFacts:
    language: str | None = None
    headline: str | None = None
    article_body: str = ""
    kind: ReportKind = ReportKind.NEWS
    published: list[str] = field(default_factory=list)  # stated publication times
    timestamps: list[str] = field(default_factory=list)  # other dates in the metadata
    lone_time: list[str] = field(default_factory=list)  # the page's only <time datetime>
    h1: list[str] = field(default_factory=list)


def _page_facts(tree: HtmlElement) -> _PageFacts:
    facts = _PageFacts(language=_declared_language(tree))
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _PUBLISHED_KEYS and meta.get("content"):
            facts.published.append(meta.get("content", ""))
        elif key in _DATE_KEYS and meta.get("content"):
            facts.timestamps.append(meta.get("content", ""))
    for item in _json_ld_articles(tree):
        facts.headline = facts.headline or _str(item.get("headline"))
        body = _str(item.get("articleBody"))
        if body and len(body) > len(facts.article_body):
            facts.article_body = _html_to_lines(body) if "<" in body else body
        published = _str(item.get("datePublished"))
        if published:
            facts.published.append(published)
        for type_name in _types(item):
            facts.kind = _KINDS.get(type_name, facts.kind)
    times = [node for node in tree.iter("time") if node.get("datetime")]
    for node in times:
        if node.get("itemprop") == "datePublished":
            facts.published.append(node.get("datetime", ""))
        elif node.get("pubdate") is not None:
            facts.timestamps.append(node.get("datetime", ""))
    if len(times) == 1:
        facts.lone_time.append(times[0].get("datetime", ""))
    facts.h1 = [_clean(node.text_content()) for node in tree.iter("h1")]
    if facts.headline is None:
        title = tree.find(".//title")
        facts.headline = title.text_content() if title is not None else None
    return facts


def _declared_language(tree: HtmlElement) -> str | None:
    declared = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    if not declared:
        for meta in tree.iter("meta"):
            if (meta.get("http-equiv") or "").lower() == "content-language":
                declared = meta.get("content")
                break
    return normalize_language(declared)


def normalize_language(tag: str | None) -> str | None:
    """``en`` from ``en-US``, ``EN_gb`` or ``en``; None for nothing usable."""
    if not tag:
        return None
    primary = re.split(r"[-_,;\s]", tag.strip(), maxsplit=1)[0].lower()
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else None


def _json_ld_articles(tree: HtmlElement) -> list[dict[str, object]]:
    found: list[dict[str, object]] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text, strict=False)
        except ValueError:
            continue
        stack: list[object] = [data]
        while stack:
            node = stack.pop(0)
            if isinstance(node, list):
                stack.extend(node)
            elif isinstance(node, dict):
                if _types(node) & _ARTICLE_TYPES:
                    found.append(node)
                stack.extend(v for k, v in node.items() if k in ("@graph", "mainEntity"))
    return found


def _types(item: dict[str, object]) -> set[str]:
    value = item.get("@type")
    names = value if isinstance(value, list) else [value]
    return {n.lower() for n in names if isinstance(n, str)}


def _str(value: object) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None


def _html_to_lines(fragment: str) -> str:
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, lxml.etree.LxmlError):
        return fragment
    blocks = [" ".join(p.text_content().split()) for p in root.iter("p")]
    return "\n".join(b for b in blocks if b) or " ".join(root.text_content().split())


# --- dates --------------------------------------------------------------------------------


def _htmldate(tree: HtmlElement, url: str | None) -> str | None:
    try:
        return htmldate.find_date(tree, url=url, original_date=True, extensive_search=True)
    except (ValueError, TypeError, lxml.etree.LxmlError):
        return None


def _stated_time(stamps: list[str], fetched: datetime | None) -> datetime | None:
    """The publication time the page states (with a time of day), in UTC.

    A time with a UTC offset wins over one without (taken as UTC); impossible times are skipped.
    """
    latest = (fetched or datetime.now(UTC)) + timedelta(days=2)
    naive = None
    for stamp in stamps:
        parsed = parse_timestamp(stamp)
        if parsed is None:
            continue
        if parsed.tzinfo is None:
            naive = naive or parsed.replace(tzinfo=UTC)
            continue
        if _EARLIEST <= parsed <= latest:
            return parsed.astimezone(UTC)
    return naive if naive is not None and _EARLIEST <= naive <= latest else None


def _published(day: str | None, stamps: list[str]) -> datetime | None:
    """The extracted date, at the time of day of a metadata timestamp that falls on it
    (in its own time zone), or at midnight UTC."""
    if not day:
        return None
    try:
        found = date.fromisoformat(day[:10])
    except ValueError:
        return None
    midnight = datetime.combine(found, time(0, 0), tzinfo=UTC)
    for stamp in stamps:
        parsed = parse_timestamp(stamp)
        if parsed is None:
            continue
        if parsed.tzinfo is None:
            if parsed.date() == found:
                return parsed.replace(tzinfo=UTC)
        elif midnight - _TZ_SPAN <= parsed < midnight + timedelta(days=1) + _TZ_SPAN:
            return parsed.astimezone(UTC)
    return midnight


def parse_timestamp(value: str) -> datetime | None:
    """An ISO 8601 date with a time of day (offset kept as written), or None."""
    value = value.strip()
    if not _TIMESTAMP.match(value):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        pass
    try:
        return isoparse(value)
    except (ValueError, OverflowError):
        return None


# --- text -----------------------------------------------------------------------------------


_SPACES = re.compile(r"\s+")
_LEAF_BLOCKS = {"p", "head", "item", "row", "code", "quote", "div"}  # trafilatura's output tags


def _body_text(body: lxml.etree._Element) -> str:
    """Paragraphs of trafilatura's output tree, separated by blank lines; <lb/> is a line break,
    other newlines in the page source are spaces."""
    paragraphs = []
    for block in body.iter(*_LEAF_BLOCKS):
        if any(child.tag in _LEAF_BLOCKS for child in block.iterdescendants()):
            continue  # a container: its blocks come on their own
        parts: list[str] = []
        for action, node in lxml.etree.iterwalk(block, events=("start", "end")):
            if action == "start":
                parts.append("\n" if node.tag == "lb" else " " if node.tag == "cell" else "")
                parts.append(_SPACES.sub(" ", node.text or ""))
            elif node is not block:
                parts.append(_SPACES.sub(" ", node.tail or ""))
        lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
        text = "\n".join(line for line in lines if line)
        if text:
            paragraphs.append(text)
    return "\n\n".join(paragraphs)


def _paragraphs(text: str) -> str:
    """One paragraph a line in, paragraphs separated by blank lines out."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)


def _title(title: str | None, headings: list[str]) -> str:
    """The title without a site suffix: "Headline | Site | date" becomes the page's
    <h1> "Headline" when the title starts with it."""
    title = _clean(title)
    for heading in headings:
        if len(heading) >= 10 and title.startswith(heading):
            rest = title[len(heading) :].lstrip()
            if rest[:1] in {"|", "-", "–", "—", ":", "·", "•"}:
                return heading
    return title


def _author(author: str | None, outlet: str) -> str | None:
    """The byline, or None when it only names the outlet ("SPIEGEL ONLINE; Hamburg; Germany")."""
    parts = [_clean(part) for part in (author or "").split(";") if part.strip()]
    site = _letters(outlet)
    if not parts or (site and _same_name(_letters(parts[0]), site)):
        return None
    return "; ".join(parts)


def _letters(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum())


def _same_name(a: str, b: str) -> bool:
    return len(a) >= 4 and len(b) >= 4 and (a in b or b in a)


def _without_heading(body: str, title: str) -> str:
    """The text without the heading: a paragraph near the top that only repeats the title."""
    paragraphs = body.split("\n\n")
    for i, paragraph in enumerate(paragraphs[:3]):
        if paragraph == title:
            return "\n\n".join(paragraphs[:i] + paragraphs[i + 1 :])
    return body


def _clean(value: str | None) -> str:
    return " ".join(value.split()) if value else ""


def domain_of(url: str | None) -> str:
    """``example.com`` from ``https://www.example.com/path``; "" when there is no host."""
    if not url:
        return ""
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


# --- language -------------------------------------------------------------------------------

_STOPWORDS = {
    "en": "the and of to in is that for it was on with as are be by this have from at his her "
    "they not but which said were has been will would their who",
    "de": "der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch es "
    "wird bei nach wie noch sind oder aus einer werden hat dass",
    "fr": "le la les et des est une un du que dans pour qui pas sur au avec ce il sont par "
    "plus se elle ont cette mais été aux nous",
    "es": "el la los las y de que en un una es por con para del se no al lo como más pero "
    "sus fue ha este está son también",
    "it": "il lo la gli le e di che un una è per con non del della sono si da nel alla anche "
    "come più ma ha questo degli",
    "pt": "o a os as e de que em um uma é para com não do da dos das no na por mais se foi "
    "ao pelo pela são também",
    "nl": "de het een en van is dat op te in zijn niet met voor die er aan ook als bij door "
    "maar wordt naar",
    "pl": "i w na z się nie do że to jest o jak od po ale za przez co jego są dla już tak",
    "tr": "ve bir bu da de için ile olarak çok daha olan gibi ama en kadar sonra ne değil var",
    "sv": "och att det som en är på av för med den till inte har de om ett jag men",
}
_WORD_LANGS: dict[str, list[str]] = {}
for _lang, _words in _STOPWORDS.items():
    for _word in _words.split():
        _WORD_LANGS.setdefault(_word, []).append(_lang)
_WORD = re.compile(r"[^\W\d_]+")
_LETTERS = re.compile(r"[^\W\d_]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
# A script's letters, and its language ("" when the letters below decide).
_SCRIPTS = [
    (re.compile(pattern), lang)
    for pattern, lang in (
        ("[\u0400-\u04ff]", "cyrillic"),
        ("[\u0600-\u06ff]", "arabic"),
        ("[\u0370-\u03ff]", "el"),
        ("[\u0530-\u058f]", "hy"),
        ("[\u0590-\u05ff]", "he"),
        ("[\u0900-\u097f]", "hi"),
        ("[\u0980-\u09ff]", "bn"),
        ("[\u0b80-\u0bff]", "ta"),
        ("[\u0e00-\u0e7f]", "th"),
        ("[\u10a0-\u10ff]", "ka"),
        ("[\u3040-\u30ff\u4e00-\u9fff]", "cjk"),
        ("[\uac00-\ud7af]", "ko"),
    )
]


def detect_language(text: str) -> str | None:
    """A cheap guess at the language of ``text`` (ISO 639-1), or None when unsure.

    Non-Latin scripts are told apart by their letters; Latin-script languages by their
    commonest words. Covers en, de, fr, es, it, pt, nl, pl, tr, sv and the scripts above.
    """
    sample = text[:5000]
    letters = len(_LETTERS.findall(sample))
    if not letters:
        return None
    if len(_LATIN.findall(sample)) > letters / 2:
        return _by_words(sample)
    for pattern, script in _SCRIPTS:
        if len(pattern.findall(sample)) > letters / 2:
            return _by_letters(script, sample)
    return None


def _by_letters(script: str, sample: str) -> str:
    if script == "cyrillic":
        return "uk" if re.search("[іїєґІЇЄҐ]", sample) else "ru"
    if script == "arabic":
        if re.search("[ےٹڈڑں]", sample):
            return "ur"
        return "fa" if re.search("[پچژگ]", sample) else "ar"
    if script == "cjk":
        return "ja" if re.search("[\u3040-\u30ff]", sample) else "zh"
    return script


def _by_words(sample: str) -> str | None:
    scores: dict[str, float] = {}
    for word in _WORD.findall(sample.lower()):
        langs = _WORD_LANGS.get(word)
        if langs:
            for lang in langs:
                scores[lang] = scores.get(lang, 0.0) + 1 / len(langs)
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)[:2]
    if not ranked or ranked[0][1] < 3:
        return None
    if len(ranked) > 1 and ranked[0][1] < 1.5 * ranked[1][1]:
        return None
    return ranked[0][0]
