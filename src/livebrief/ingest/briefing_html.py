"""A briefing page as the text form the text parser reads.

Day headings (h2/h3, or a paragraph that is all bold) become "## " lines, list items "- "
bullets, blockquotes "Embed:" blocks with their byline; links are kept as Markdown and
permalink marks dropped.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

import lxml.html
from lxml import etree

from livebrief.ingest.briefing_dates import day_heading
from livebrief.model import Problem

_SKIP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "nav", "form", "button", "svg", "figure",
     "img", "iframe", "head", "select", "input", "title", "footer", "aside", "picture"}
)  # fmt: skip
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_ANALYSIS_ONLY = re.compile(r"^(?:analysis|commentary|what (?:they're|people are) saying)$", re.I)


def html_to_text(markup: str) -> str | Problem:
    """The text form of a briefing page, for the text parser (links kept as Markdown)."""
    try:
        data: str | bytes = markup
        if markup.lstrip().startswith("<?xml"):
            data = markup.encode("utf-8")
        root = lxml.html.fromstring(data)
    except (etree.ParserError, ValueError) as exc:
        return Problem("<briefing>", f"not an HTML page ({exc})")
    return _HtmlText(root).text()


class _HtmlText:
    def __init__(self, root: lxml.html.HtmlElement) -> None:
        self.root = root
        canonical = root.xpath("//link[@rel='canonical']/@href | //base/@href")
        self.base = str(canonical[0]) if canonical else ""
        self.lines: list[str] = []
        self.section = "top"
        self.day_level = 0
        self.day_label = ""

    def text(self) -> str:
        h1 = self.root.find(".//h1")
        title = _plain(h1) if h1 is not None else (self.root.findtext(".//title") or "")
        self._emit(title.strip())
        stamp = self._updated()
        if stamp:
            self._emit(f"Updated {stamp}")
        body = self.root.find(".//body")
        self._walk(body if body is not None else self.root, skip=h1)
        return "\n".join(self.lines)

    def _updated(self) -> str:
        for time in self.root.iter("time"):
            if time.get("datetime") and not any(
                a.tag in ("li", "blockquote", "article") for a in time.iterancestors()
            ):
                return str(time.get("datetime"))
        return ""

    def _emit(self, *lines: str) -> None:
        self.lines.extend(lines)

    def _walk(self, node: lxml.html.HtmlElement, skip: object = None) -> None:
        for child in node:
            if not isinstance(child.tag, str) or child is skip:
                continue
            tag = child.tag.lower()
            if tag in _SKIP_TAGS:
                continue
            handler = _HANDLERS.get(tag)
            if handler is None:
                self._walk(child, skip)
            else:
                handler(self, child)

    def _heading(self, el: lxml.html.HtmlElement, level: int = 0) -> None:
        text = _plain(el)
        level = level or _HEADINGS[el.tag.lower()]
        found = day_heading(text)
        if found is not None:
            self.section = "analysis" if found[3] else "news"
            self.day_level = self.day_level or level
            self.day_label = text.split(":")[0].strip()
            self._emit("", f"## {text}", "")
        elif self.section in ("news", "analysis") and _ANALYSIS_ONLY.match(text):
            self.section = "analysis"
            self._emit("", f"## {self.day_label}: Analysis", "")
        elif self.section == "analysis" and level > self.day_level:
            self._emit("", f"**{self._inline(el)}**")
        elif self.section != "top" and level <= self.day_level:
            self.section = "none"
            self._emit("", "---", "")

    def _list_item(self, el: lxml.html.HtmlElement) -> None:
        if self.section == "news":
            self._emit(f"- {self._inline(el)}")
        elif self.section == "analysis":
            self._emit("", self._inline(el), "")

    def _paragraph(self, el: lxml.html.HtmlElement) -> None:
        strong = len(el) == 1 and el[0].tag in ("strong", "b") and not (el.text or "").strip()
        if strong and day_heading(_plain(el)) is not None:
            self._heading(el, level=self.day_level or 2)
            return
        text = self._inline(el)
        if not text:
            return
        if self.section == "news" and not _NOT_A_BULLET.match(_plain(el)):
            text = f"- {text}"
        self._emit("", text, "")

    def _blockquote(self, el: lxml.html.HtmlElement) -> None:
        if self.section not in ("news", "analysis"):
            return
        paragraphs = [self._inline(p) for p in el.iter("p")]
        byline_parts = [t for t in _outside_paragraphs(el) if t.strip()]
        links = [a.get("href", "") for a in el.iter("a") if a.getparent().tag != "p"]
        url = self._absolute(links[-1] if links else el.get("cite", ""))
        byline = " ".join(" ".join(byline_parts).split())
        if not paragraphs:
            paragraphs, byline = [byline], ""
        self._emit("", "Embed:", *paragraphs)
        if url:
            self._emit(url)
        if byline:
            self._emit(byline if byline[:1] in "—–-" else f"— {byline}")
        self._emit("")

    def _rule(self, el: lxml.html.HtmlElement) -> None:
        if self.section in ("news", "analysis"):
            self.section = "none"
            self._emit("", "---", "")

    def _inline(self, el: lxml.html.HtmlElement) -> str:
        """Inline content as text, links as Markdown; permalinks and stamps dropped."""
        parts: list[str] = [el.text or ""]
        for child in el:
            if isinstance(child.tag, str):
                parts.append(self._inline_child(child))
            parts.append(child.tail or "")
        return " ".join("".join(parts).split())

    def _inline_child(self, el: lxml.html.HtmlElement) -> str:
        tag = el.tag.lower()
        classes = set((el.get("class") or "").split())
        if tag in _SKIP_TAGS or classes & {"permalink", "updated", "visually-hidden"}:
            return ""
        if tag == "br":
            return " "
        if "sources" in classes:
            links = [
                f"[{_plain(a)}]({self._absolute(a.get('href', ''))})"
                for a in el.iter("a")
                if a.get("href")
            ]
            return f" ({', '.join(links)})" if links else ""
        inner = self._inline(el)
        href = el.get("href") if tag == "a" else None
        if href and not href.startswith(("#", "javascript:")):
            return f"[{inner}]({self._absolute(href)})"
        return inner

    def _absolute(self, url: str) -> str:
        url = url.strip()
        return urljoin(self.base, url) if self.base and url else url


_NOT_A_BULLET = re.compile(
    r"^(?:with reporting|related|embed|(?:last )?updated|by\s|advertisement)", re.I
)
_HANDLERS = {
    **{tag: _HtmlText._heading for tag in _HEADINGS},
    "li": _HtmlText._list_item,
    "p": _HtmlText._paragraph,
    "blockquote": _HtmlText._blockquote,
    "hr": _HtmlText._rule,
}


def _plain(el: lxml.html.HtmlElement) -> str:
    """An element's text without permalink marks, spaces collapsed."""
    texts = []
    for node in el.iter():
        if node is not el and (node.get("class") or "").find("permalink") >= 0:
            texts.append(node.tail or "")
            continue
        if node is el or not _inside_permalink(node, el):
            texts.append(node.text or "" if isinstance(node.tag, str) else "")
        if node is not el:
            texts.append(node.tail or "")
    return " ".join("".join(texts).split()).rstrip("#").strip()


def _inside_permalink(node: lxml.html.HtmlElement, top: lxml.html.HtmlElement) -> bool:
    for parent in node.iterancestors():
        if parent is top:
            return False
        if "permalink" in (parent.get("class") or ""):
            return True
    return False


def _outside_paragraphs(el: lxml.html.HtmlElement) -> list[str]:
    """Text of a blockquote that is not inside its <p> elements: the embed's byline."""
    out = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child.tag.lower() != "p":
            out.append(child.text_content())
        out.append(child.tail or "")
    return out
