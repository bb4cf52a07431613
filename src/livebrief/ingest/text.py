"""Text helpers shared by the file readers: PTB detokenizing, safe reading, titles."""

from __future__ import annotations

import codecs
import html
import re
from dataclasses import dataclass
from pathlib import Path

from livebrief.model import Problem

DEFAULT_MAX_BYTES = 200 * 1024 * 1024
TITLE_MAX_CHARS = 120

_OPEN_BRACKETS = {"LRB": "(", "LSB": "[", "LCB": "{"}
_CLOSE_BRACKETS = {"RRB": ")", "RSB": "]", "RCB": "}"}
_OPEN_BRACKET_RE = re.compile(r"-(LRB|LSB|LCB)- ?")
_CLOSE_BRACKET_RE = re.compile(r" ?-(RRB|RSB|RCB)-")
# A clitic ('s, 're, ...) or a closing single quote: the space before it goes.
_APOSTROPHE_RE = re.compile(r" '(?=(?:s|S|re|RE|ve|VE|m|M|ll|LL|d|D)\b|[^\w`]|$)", re.M)
_OPEN_DOUBLE_RE = re.compile(r"`` ?")
_OPEN_SINGLE_RE = re.compile(r"` ?")
_CURRENCY_RE = re.compile(r"([$#]) (?=\d)")
# Tokens that attach to the word before them. Patterns start with a space and end with a
# rare character, which keeps str.replace fast on large corpora.
_ATTACH_LEFT = (" ,", " .", " ;", " :", " ?", " !", " %", " n't", " N'T")


def detokenize_ptb(text: str) -> str:
    """Turn Penn-Treebank-tokenized text back into readable text.

    ``-LRB- Reuters -RRB- , `` quoted '' 's`` becomes ``(Reuters), "quoted"'s``. Works on one
    line or on many: spaces are joined, line breaks are kept (so one sentence per line
    survives) and blank lines dropped.
    """
    out = "\n".join(" ".join(toks) for line in text.splitlines() if (toks := line.split()))
    for token in _ATTACH_LEFT:
        out = out.replace(token, token[1:])
    out = out.replace(" ''", '"').replace("''", '"')
    out = _APOSTROPHE_RE.sub("'", out)
    out = _OPEN_DOUBLE_RE.sub('"', out)
    out = _OPEN_SINGLE_RE.sub("'", out)
    out = _OPEN_BRACKET_RE.sub(lambda m: _OPEN_BRACKETS[m[1]], out)
    out = _CLOSE_BRACKET_RE.sub(lambda m: _CLOSE_BRACKETS[m[1]], out)
    out = _CURRENCY_RE.sub(r"\1", out)
    return out.replace("\\/", "/").replace("\\*", "*")


def title_from(text: str, limit: int = TITLE_MAX_CHARS) -> str:
    """The first line of ``text``, shortened at a word boundary to ``limit`` characters."""
    first = text.strip().split("\n", 1)[0].strip()
    if len(first) <= limit:
        return first
    cut = first[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-") + "…"


def check_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Problem | None:
    """A Problem if ``path`` is missing, not a regular file, empty or over ``max_bytes``."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return Problem(str(path), "no such file")
    except OSError as exc:
        return Problem(str(path), f"cannot read: {exc.strerror or exc}")
    if not path.is_file():
        return Problem(str(path), "not a regular file")
    if st.st_size == 0:
        return Problem(str(path), "empty file")
    if st.st_size > max_bytes:
        return Problem(
            str(path),
            f"file is {_mb(st.st_size)}, larger than the {_mb(max_bytes)} limit",
        )
    return None


def utf8_error(path: Path, chunk_size: int = 1 << 20) -> Problem | None:
    """Scan ``path`` in chunks; a Problem naming the byte offset of the first non-UTF-8 byte."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0
    try:
        with path.open("rb") as fh:
            while chunk := fh.read(chunk_size):
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError as exc:
                    return _not_utf8(path, offset - len(exc.object) + len(chunk) + exc.start)
                offset += len(chunk)
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError as exc:
                return _not_utf8(path, offset - len(exc.object) + exc.start)
    except OSError as exc:
        return Problem(str(path), f"cannot read: {exc.strerror or exc}")
    return None


def decode_utf8(path: Path | str, data: bytes) -> str | Problem:
    """Decode ``data`` read from ``path`` as UTF-8 (a leading BOM is dropped)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return _not_utf8(path, exc.start)


def read_text(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str | Problem:
    """The whole UTF-8 text of a small file, or a Problem saying why not."""
    problem = check_file(path, max_bytes)
    if problem is not None:
        return problem
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Problem(str(path), f"cannot read: {exc.strerror or exc}")
    return decode_utf8(path, data)


def _not_utf8(path: Path | str, offset: int) -> Problem:
    return Problem(str(path), f"not UTF-8 text (invalid byte at offset {offset})")


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n} bytes"


# --- link markup left in text ------------------------------------------------------------


@dataclass(slots=True)
class Link:
    """A link found in text: its label and URL."""

    label: str
    url: str
    source: bool = False  # from a trailing "([Reuters](url), [AP](url))" list of sources


_MD_LINK_RE = re.compile(
    r"(?<!\\)\[(?P<label>(?:\\.|[^\]\\])*)\]\((?P<url><[^>]*>|[^)\s]+)(?:\s+\"[^\"]*\")?\)"
)
_HTML_LINK_RE = re.compile(
    r"<a\b[^>]*?\bhref\s*=\s*([\"'])(?P<url>.*?)\1[^>]*>(?P<label>.*?)</a\s*>", re.I | re.S
)
_TAG_RE = re.compile(r"</?(?:a|sup|sub|span|b|i|em|strong|u|small|mark|cite|abbr)\b[^>]*>", re.I)
_REF_MARK_RE = re.compile(r"\s?\[(?P<n>\d{1,3})\]")
_MD_LINK = r"(?<!\\)\[(?:\\.|[^\]\\])*\]\([^)\s]+\)"
_SOURCES_TAIL_RE = re.compile(rf"\s*\((?P<inner>\s*{_MD_LINK}(?:\s*,\s*{_MD_LINK})*)\s*\)\s*$")
_ESCAPE_RE = re.compile(r"\\([\\`*_\[\]{}()<>#+\-.!|])")
_ENTITY_RE = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")
_SPACE_BEFORE_PUNCT_RE = re.compile(r"\s+([,.;:!?])(?=\s|$)")
_REF_LABEL_RE = re.compile(r"\[?\d{1,3}\]?")


def strip_links(text: str, refs: dict[str, str] | None = None) -> tuple[str, list[Link]]:
    """Text with link markup removed, and the links it held, in order.

    Handles Markdown links ``[text](url)``, HTML ``<a href>`` tags (and other stray inline
    tags), ``[1]`` reference marks (resolved through ``refs``: number -> URL), a trailing
    ``([Reuters](url), [AP](url))`` list of sources, Markdown escapes and HTML entities.
    """
    refs = refs or {}
    links: list[Link] = []
    tail = _SOURCES_TAIL_RE.search(text)
    if tail:
        for m in _MD_LINK_RE.finditer(tail["inner"]):
            links.append(Link(_unescape(m["label"]).strip(), m["url"].strip("<>"), source=True))
        text = text[: tail.start()]

    def keep(label: str, url: str) -> str:
        mark = bool(_REF_LABEL_RE.fullmatch(label))
        if url and not url.startswith("#"):
            links.append(Link("" if mark else label, url))
        return "" if mark else label

    def mark(m: re.Match[str]) -> str:
        url = refs.get(m["n"])
        if url:
            links.append(Link("", url))
        return ""

    text = _MD_LINK_RE.sub(
        lambda m: keep(_unescape(m["label"]).strip(), m["url"].strip("<>")), text
    )
    text = _HTML_LINK_RE.sub(lambda m: keep(_TAG_RE.sub("", m["label"]).strip(), m["url"]), text)
    text = _TAG_RE.sub("", text)
    text = _REF_MARK_RE.sub(mark, text)
    text = _unescape(text)
    if "&" in text:
        text = _ENTITY_RE.sub(lambda m: html.unescape(m.group(0)), text)
    text = " ".join(text.split())
    return _SPACE_BEFORE_PUNCT_RE.sub(r"\1", text), links


def _unescape(text: str) -> str:
    return _ESCAPE_RE.sub(r"\1", text)
