"""Bytes to text: tell a page from binary data, decode it by its declared or detected charset."""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from livebrief.ingest.http import charset_of

_HTML_TAG = re.compile(
    rb"<\s*(?:!doctype\s+html|html|head|body|p|div|article|main|title|meta)\b", re.I
)
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
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


def has_html_tags(data: bytes) -> bool:
    """Whether the start of ``data`` holds an HTML tag (doctype, html, head, body, p, ...)."""
    return bool(_HTML_TAG.search(data[:262144]))


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
