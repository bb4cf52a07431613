"""Text helpers shared by the file readers: PTB detokenizing, safe reading, titles."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from livebrief.model import Problem

DEFAULT_MAX_BYTES = 200 * 1024 * 1024
TITLE_MAX_CHARS = 120

_BRACKETS = {
    "-LRB-": "(",
    "-RRB-": ")",
    "-LSB-": "[",
    "-RSB-": "]",
    "-LCB-": "{",
    "-RCB-": "}",
}
_BRACKET_RE = re.compile(r"-(?:LRB|RRB|LSB|RSB|LCB|RCB)-")
# Tokens are separated by single spaces; "(?= |$)" keeps a match inside one token and one line.
_END = r"(?=[ \n]|$)"
_PUNCT_RE = re.compile(r" +(\.\.\.|[,.;:?!%])" + _END, re.M)
_CONTRACTION_RE = re.compile(r" +((?:n't|N'T)|'(?:s|re|ve|m|ll|d|S|RE|VE|M|LL|D))" + _END, re.M)
_GONNA_RE = re.compile(r"\b([Gg]on|[Ww]an|[Gg]ot) (na|ta)" + _END, re.M)
_OPEN_DQ_RE = re.compile(r"`` *")
_CLOSE_DQ_RE = re.compile(r" *''")
_OPEN_SQ_RE = re.compile(r"` *")
_CLOSE_SQ_RE = re.compile(r"(?<=\S) +'" + _END, re.M)
_OPEN_BR_RE = re.compile(r"([(\[{]) +")
_CLOSE_BR_RE = re.compile(r" +([)\]}])")
_CURRENCY_RE = re.compile(r"([$#]) +(?=\d)")
_SPACES_RE = re.compile(r"[ \t]+")


def detokenize_ptb(text: str) -> str:
    """Turn Penn-Treebank-tokenized text back into readable text.

    ``-LRB- Reuters -RRB- , `` quoted '' 's`` becomes ``(Reuters), "quoted"'s``. Works on one
    line or on many: spaces are joined, line breaks are kept (so one sentence per line survives).
    """
    lines = [_SPACES_RE.sub(" ", line).strip() for line in text.splitlines()]
    out = "\n".join(line for line in lines if line)
    if not out:
        return ""
    out = _BRACKET_RE.sub(lambda m: _BRACKETS[m.group(0)], out)
    out = out.replace("\\/", "/").replace("\\*", "*")
    # Punctuation first, while every token is still space-delimited.
    out = _PUNCT_RE.sub(r"\1", out)
    out = _CONTRACTION_RE.sub(r"\1", out)
    out = _GONNA_RE.sub(r"\1\2", out)
    out = _OPEN_DQ_RE.sub('"', out)
    out = _CLOSE_DQ_RE.sub('"', out)
    out = _OPEN_SQ_RE.sub("'", out)
    out = _CLOSE_SQ_RE.sub("'", out)
    out = _OPEN_BR_RE.sub(r"\1", out)
    out = _CLOSE_BR_RE.sub(r"\1", out)
    out = _CURRENCY_RE.sub(r"\1", out)
    return out


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
