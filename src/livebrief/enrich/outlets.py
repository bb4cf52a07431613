"""The outlets a story's reports can credit: a built-in list plus the story's own outlets.

Names are matched on a folded key (case, accents, punctuation, a leading "the" ignored), so
"Al-Jazeera", "al Jazeera" and "AL JAZEERA" all give "Al Jazeera". Descriptions around a
name are peeled off: "state-run news agency TASS", "the Kommersant daily" and "Russia's
Interfax news agency" normalise to "TASS", "Kommersant" and "Interfax". Short upper-case
aliases ("AP", "PA", "DR") only match when written in upper case.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from livebrief.model import Outlet, OutletKind, Problem

__all__ = ["MEDIA_KINDS", "OutletRegistry", "fold", "load_outlets"]

# Kinds whose credit is a media credit ("With reporting by"); the others are speakers.
MEDIA_KINDS = frozenset(
    {
        OutletKind.WIRE,
        OutletKind.NEWSPAPER,
        OutletKind.BROADCASTER,
        OutletKind.STATE_MEDIA,
        OutletKind.OTHER,
    }
)

# Words that describe an outlet after its name ("the Kommersant daily"), longest first.
_TRAILING = tuple(
    tuple(t.split())
    for t in (
        "news agency",
        "news website",
        "news channel",
        "news network",
        "television channel",
        "television network",
        "tv channel",
        "tv station",
        "radio station",
        "wire service",
        "newswire",
        "agency",
        "newspaper",
        "daily",
        "weekly",
        "magazine",
        "paper",
        "tabloid",
        "television",
        "tv",
        "channel",
        "network",
        "radio",
        "broadcaster",
        "website",
        "online",
    )
)
# Words that describe an outlet in front of its name ("state-run news agency TASS").
_LEADING_WORDS = frozenset(
    [
        "state",
        "run",
        "owned",
        "controlled",
        "backed",
        "funded",
        "official",
        "semi",
        "government",
        "opposition",
        "independent",
        "private",
        "privately",
        "public",
        "service",
        "national",
        "local",
        "regional",
        "international",
        "pan",
        "arab",
        "leading",
        "influential",
        "popular",
        "business",
        "financial",
        "online",
        "satellite",
        "news",
        "agency",
        "newspaper",
        "daily",
        "weekly",
        "television",
        "tv",
        "channel",
        "broadcaster",
        "radio",
        "website",
        "magazine",
        "tabloid",
        "wire",
        "service",
        "pro",
        "anti",
        "kremlin",
        "regime",
        "news",
        "a",
        "an",
        "french",
        "greek",
        "dutch",
        "swiss",
        "thai",
        "us",
        "uk",
        "british",
        "arabic",
        "english",
    ]
)
_NATIONALITY = re.compile(r"^[a-z]{3,}(?:ian|ese|ish|an|i)$")
_MODIFIER = re.compile(
    r"\b[\w.]+-(?:based|run|owned|funded|backed|controlled|language|financed|affiliated|linked)\b"
)
# Outlet names that are also ordinary words: credited only with an outlet cue in the text.
_COMMON_WORDS = frozenset(
    [
        "time",
        "people",
        "metro",
        "nature",
        "stuff",
        "fortune",
        "variety",
        "vice",
        "punch",
        "vanguard",
        "tempo",
        "trend",
        "focus",
        "dawn",
        "sun",
        "express",
        "mirror",
        "independent",
        "observer",
        "guardian",
        "telegraph",
        "herald",
        "globe",
        "slate",
        "salon",
        "wired",
        "hill",
        "age",
        "national",
        "news",
        "wire",
        "journal",
        "i",
        "scroll",
        "sky",
        "times",
        "post",
        "daily",
        "news",
        "daily",
        "star",
        "inquirer",
        "standard",
        "spectator",
        "economist",
        "world",
        "today",
        "insider",
        "kan",
        "saba",
        "petra",
        "sabah",
        "reforma",
        "expresso",
        "geo",
        "stern",
        "welt",
        "zeit",
        "bild",
        "sputnik",
        "politico",
        "globo",
        "mail",
        "folha",
        "vox",
        "corriere",
        "repubblica",
    ]
)
_PAREN = re.compile(r"\s*\([^)]*\)")
_KEY_DROP = re.compile(r"[^a-z0-9+& ]+")
_SPACES = re.compile(r"\s+")
_ACRONYM = re.compile(r"^[A-Z0-9&]{1,5}$")


def fold(name: str) -> str:
    """The matching key of a name: lower case, no accents, no punctuation, no leading "the"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("’", "'").replace("'s ", " ").replace("s' ", "s ")
    text = text.replace("-", " ").replace("/", " ").replace("'", "").replace(".", "")
    text = _KEY_DROP.sub(" ", text)
    text = _SPACES.sub(" ", text).strip()
    if text.startswith("the "):
        text = text[4:]
    return text


@dataclass(frozen=True, slots=True)
class _Alias:
    outlet: Outlet
    surface: str  # the alias as written, for the case check of acronyms


class OutletRegistry:
    """Outlets by name, alias and domain, with their kind."""

    def __init__(self, outlets: list[Outlet] | None = None, *, builtin: bool = True) -> None:
        self._by_key: dict[str, _Alias] = {}
        self._by_squeezed: dict[str, _Alias] = {}  # keys without spaces: "euro news"
        self._by_domain: dict[str, Outlet] = {}
        if builtin:
            for outlet, domains in _builtin():
                self.add(outlet, domains=domains)
        for outlet in outlets or []:
            self.add(outlet)

    def add(self, outlet: Outlet, *, domains: tuple[str, ...] = ()) -> None:
        """Register an outlet; a story's own outlets win over built-in ones of the same name.

        ``domains`` are further domains of the outlet besides ``outlet.domain``.
        """
        for name in (outlet.name, *outlet.aliases):
            key = fold(name)
            if key:
                self._by_key[key] = _Alias(outlet, name.strip())
                self._by_squeezed[key.replace(" ", "")] = self._by_key[key]
        for domain in (outlet.domain, *domains):
            if domain:
                self._by_domain[_domain_key(domain)] = outlet

    def __len__(self) -> int:
        return len({id(a.outlet) for a in self._by_key.values()})

    def __contains__(self, name: str) -> bool:
        return self.get(name) is not None

    def exact(self, name: str) -> Outlet | None:
        """The outlet whose name or alias ``name`` is (no descriptions peeled), or None."""
        alias = self._by_key.get(fold(name))
        if alias is None or not _case_ok(alias.surface, name):
            return None
        return alias.outlet

    def get(self, name: str) -> Outlet | None:
        """The outlet a name (or a description of it) refers to, or None."""
        cleaned = _MODIFIER.sub(" ", _PAREN.sub(" ", name))
        if "'s " in cleaned:  # "Russia's Interfax news agency"
            hit = self._get(cleaned, cleaned.rsplit("'s ", 1)[1])
            if hit is not None:
                return hit
        return self._get(cleaned, cleaned)

    def _get(self, original: str, name: str) -> Outlet | None:
        words = fold(name).split()
        if not words:
            return None
        hit = self._peel_leading(original, words)
        if hit is not None:
            return hit
        for tail in _TRAILING:  # "Kommersant daily", "Al Jazeera television"
            n = len(tail)
            if len(words) > n and tuple(words[-n:]) == tail:
                hit = self._peel_leading(original, words[:-n])
                if hit is not None:
                    return hit
        return None

    def _peel_leading(self, original: str, words: list[str]) -> Outlet | None:
        """Drop descriptive words in front: "state run news agency tass" -> "tass"."""
        for i, word in enumerate(words):
            key = " ".join(words[i:])
            alias = self._by_key.get(key) or self._by_squeezed.get(key.replace(" ", ""))
            if alias is not None and _case_ok(alias.surface, original):
                return alias.outlet
            if not (word in _LEADING_WORDS or _NATIONALITY.match(word)):
                return None
        return None

    def normalise(self, name: str) -> str | None:
        """The canonical name of the outlet ``name`` refers to, or None if unknown."""
        outlet = self.get(name)
        return outlet.name if outlet is not None else None

    def lookup_domain(self, domain: str) -> Outlet | None:
        """The outlet of a domain or URL ("www.bbc.co.uk", "https://edition.cnn.com/x")."""
        key = _domain_key(domain)
        if "/" in key:  # "bbc.com/urdu"
            hit = self._by_domain.get(key)
            if hit is not None:
                return hit
        host = key.split("/", 1)[0]
        while host:
            hit = self._by_domain.get(host)
            if hit is not None:
                return hit
            if host.count(".") < 2:
                return None
            host = host.split(".", 1)[1]
        return None

    def kind(self, name: str) -> OutletKind | None:
        """The kind of the outlet ``name`` refers to, or None if unknown."""
        outlet = self.get(name)
        return outlet.kind if outlet is not None else None

    def is_media(self, name: str) -> bool:
        """True when ``name`` is a known outlet whose credit is a media credit."""
        outlet = self.get(name)
        return outlet is not None and outlet.kind in MEDIA_KINDS

    def is_common_word(self, name: str) -> bool:
        """True when ``name`` is an outlet name that is also an ordinary word ("Time")."""
        return fold(name) in _COMMON_WORDS


def _case_ok(alias: str, text: str) -> bool:
    """Short upper-case aliases must appear in upper case ("AP", not "ap" or "Ap")."""
    if not _ACRONYM.match(alias):
        return True
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.search(rf"(?<![\w]){re.escape(alias)}(?![\w])", plain) is not None


def _domain_key(domain: str) -> str:
    """ "https://www.bbc.com/urdu/x" -> "bbc.com/urdu"; "edition.cnn.com" -> "cnn.com"."""
    rest = re.sub(r"^[a-z][a-z0-9+.-]*://", "", domain.strip().lower())
    parts = rest.split("/")
    host = parts[0].split(":", 1)[0]
    for prefix in ("www.", "m.", "mobile.", "amp.", "edition."):
        if host.startswith(prefix) and host.count(".") > 1:
            host = host[len(prefix) :]
            break
    return f"{host}/{parts[1]}" if len(parts) > 1 and parts[1] else host


def load_outlets(raw: str, source: str = "outlets") -> tuple[list[Outlet], list[Problem]]:
    """Outlets from JSON text in the form of ``data/outlets.json``, and the items refused.

    Each item is ``{"name", "kind", "aliases", "domain"}``; an item without a name or with an
    unknown kind is refused with a one-line :class:`Problem` naming it.
    """
    outlets, problems, _ = _parse(raw, source)
    return outlets, problems


def _parse(raw: str, source: str) -> tuple[list[Outlet], list[Problem], list[tuple[str, ...]]]:
    try:
        items = json.loads(raw)
    except json.JSONDecodeError as exc:
        return [], [Problem(source, f"not JSON: {exc.msg} (line {exc.lineno})")], []
    if not isinstance(items, list):
        return [], [Problem(source, "not a JSON list of outlets")], []
    outlets: list[Outlet] = []
    problems: list[Problem] = []
    domains: list[tuple[str, ...]] = []
    for n, item in enumerate(items, 1):
        where = f"{source} item {n}"
        if not isinstance(item, dict) or not str(item.get("name") or "").strip():
            problems.append(Problem(where, "an outlet needs a name"))
            continue
        try:
            kind = OutletKind(item.get("kind", "other"))
        except ValueError:
            known = ", ".join(k.value for k in OutletKind)
            problems.append(
                Problem(
                    f"{where} ({item['name']})",
                    f"unknown kind {item.get('kind')!r}; use one of {known}",
                )
            )
            continue
        aliases = item.get("aliases") or []
        if not isinstance(aliases, list):
            problems.append(Problem(f"{where} ({item['name']})", "aliases must be a list"))
            continue
        outlets.append(
            Outlet(
                name=str(item["name"]).strip(),
                kind=kind,
                aliases=[str(a) for a in aliases],
                domain=item.get("domain"),
            )
        )
        domains.append(tuple(item.get("domains") or ()))
    return outlets, problems, domains


@cache
def _builtin() -> tuple[tuple[Outlet, tuple[str, ...]], ...]:
    """The built-in outlets of ``data/outlets.json``, each with its further domains."""
    raw = resources.files("livebrief").joinpath("data", "outlets.json").read_text("utf-8")
    outlets, problems, domains = _parse(raw, "data/outlets.json")
    if problems:
        raise ValueError(f"the built-in outlet list is damaged: {problems[0]}")
    return tuple(zip(outlets, domains, strict=True))
