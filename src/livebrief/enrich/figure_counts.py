"""What a number counts, from the words around it.

The categories a briefing tracks: killed, wounded, missing, displaced, evacuated, troops,
flights, prisoners, arrested, protesters, buildings, casualties, cases ("killing 12",
"30 people were wounded", "the death toll rose to 41", "5,000 troops").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from livebrief.enrich.numbers import QUALIFIER


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_NOUN_CATEGORY = {
    "troops": "troops", "soldiers": "troops", "servicemen": "troops", "marines": "troops",
    "paratroopers": "troops", "peacekeepers": "troops", "reservists": "troops",
    "protesters": "protesters", "protestors": "protesters", "demonstrators": "protesters",
    "marchers": "protesters", "refugees": "displaced", "displaced": "displaced",
    "evacuees": "evacuated", "flights": "flights", "sorties": "flights",
    "prisoners": "prisoners", "detainees": "prisoners", "inmates": "prisoners",
    "hostages": "prisoners", "captives": "prisoners", "pows": "prisoners",
    "deaths": "killed", "dead": "killed", "fatalities": "killed", "bodies": "killed",
    "corpses": "killed", "lives": "killed", "injuries": "wounded", "wounded": "wounded",
    "injured": "wounded", "casualties": "casualties", "arrests": "arrested",
    "missing": "missing", "cases": "cases", "infections": "cases",
    "troop": "troops", "soldier": "troops", "marine": "troops", "peacekeeper": "troops",
    "protester": "protesters", "protestor": "protesters", "demonstrator": "protesters",
    "refugee": "displaced", "flight": "flights", "sortie": "flights", "prisoner": "prisoners",
    "detainee": "prisoners", "inmate": "prisoners", "hostage": "prisoners", "death": "killed",
    "body": "killed", "life": "killed", "casualty": "casualties", "case": "cases",
    "arrest": "arrested", "injury": "wounded", "infection": "cases",
    "cancellations": "flights",
}  # fmt: skip
_SINGULAR_CATEGORY = _words(
    "troop soldier marine peacekeeper protester protestor demonstrator refugee flight sortie "
    "prisoner detainee inmate hostage death body life casualty case arrest injury infection"
)
_ADJECTIVE_CATEGORY = frozenset(("dead", "missing", "wounded", "injured", "displaced"))
_BUILDING_NOUNS = _words(
    "buildings building homes home houses house structures apartments dwellings shelters "
    "schools mosques churches hospitals shops high-rises"
)
_PERSON_NOUNS = _words(
    "people persons person civilians civilian children child women woman men man residents "
    "villagers workers foreigners nationals citizens migrants students journalists police "
    "policemen officers rebels fighters militants insurgents pilgrims passengers patients "
    "staff others individuals members guards gunmen attackers crew sailors miners babies "
    "infants teenagers youths adults victims officials employees personnel volunteers "
    "generals colonels americans britons student worker journalist officer resident villager "
    "fighter rebel militant policeman pilot doctor nurse teacher boy girl baby teenager "
    "citizen activist civilian"
)
_STOP_WORDS = _words(
    "and or but in on at to from with by who which that were was are is have has had will "
    "would could may might as for after before during near since including among than per a "
    "an the this these those been be being"
)
_VERB_CATEGORY = (
    ("killed", r"killed|kill|kills|killing|dead|died|die|dying|perished|slain|murdered|"
     r"executed|massacred|drowned|drown|drowns|shot\s+dead|lost\s+their\s+lives|fatal"),
    ("wounded", r"wounded|wounding|injured|injuring|hurt"),
    ("missing", r"missing|unaccounted|disappeared|vanished"),
    ("displaced", r"displaced|fled|flee|flees|fleeing|homeless|uprooted|"
     r"forced\s+from\s+their\s+homes"),
    ("evacuated", r"evacuated|evacuating"),
    ("arrested", r"arrested|arresting|rounded\s+up"),
    ("prisoners", r"detained|captured|taken\s+(?:as\s+)?prisoners?|imprisoned|jailed|freed|"
     r"released|abducted|kidnapped|hostage|taken\s+captive"),
    ("cases", r"infected|diagnosed|tested\s+positive|contracted"),
)  # fmt: skip
_VERB_AFTER = re.compile(
    r"\b(?:" + "|".join(f"(?P<{k}>{v})" for k, v in _VERB_CATEGORY) + r")\b", re.I
)
_NOT_THE_EVENT = re.compile(
    r"\b(?:the|a|an|his|her|their|its|risk\s+of|threat\s+of|danger\s+of|fears?\s+of)\s+$", re.I
)
_AMONG_THE = re.compile(r"\bamong\s+the\s+$", re.I)
_PROTEST_AFTER = re.compile(
    r"\b(?:protested|demonstrated|rallied|marched|gathered|took\s+to\s+the\s+streets|"
    r"took\s+part|joined\s+(?:the\s+)?(?:protests?|demonstrations?|rall(?:y|ies)))\b",
    re.I,
)
_PROTEST_BEFORE = re.compile(
    r"\b(?:rall(?:y|ies)|protests?|demonstrations?|march(?:es)?|crowds?)\s+(?:\w+\s+)?"
    r"(?:drew|drawing|attracted|of|numbering|involving)\s+$",
    re.I,
)
_BUILDING_VERB = re.compile(
    r"\b(?:destroyed|damaged|flattened|razed|collapsed|demolished|burned|burnt|torched|"
    r"on\s+fire|ablaze|levelled|leveled)\b",
    re.I,
)
_VERB_BEFORE = re.compile(
    r"\b(?:(?P<killed>killing|killed|kill|kills|massacred|massacring|executed|executing|"
    r"claimed|claiming|claim|bodies\s+of|corpses\s+of|remains\s+of|deaths\s+of|death\s+of|"
    r"lives\s+of)"
    r"|(?P<wounded>wounding|wounded|wounds|injuring|injured|injures|injure)"
    r"|(?P<arrested>arresting|arrested|arrests|arrest|rounded\s+up)"
    r"|(?P<prisoners>detaining|detained|detains|capturing|captured|captures|freed|freeing|"
    r"frees|released|releasing|releases|abducted|kidnapped)"
    r"|(?P<evacuated>evacuat(?:e|es|ed|ing))"
    r"|(?P<displaced>displacing|displaced|forced\s+out|uprooted)"
    r"|(?P<cases>infecting|infected|infects)"
    r"|(?P<troops>deploy(?:s|ed|ing)?|sen(?:d|ds|t|ding)|dispatch(?:es|ed|ing)?)"
    r"|(?P<buildings>destroy(?:s|ed|ing)|damag(?:e|es|ed|ing)|raz(?:e|es|ed|ing)|"
    r"flatten(?:s|ed|ing)?))\s+$",
    re.I,
)
COUNT_WORDS = (
    r"dead|deaths?|killed|fatalities|casualties|injured|wounded|injuries|missing|refugees|"
    r"displaced|evacuated|evacuees|arrests|arrested|detainees|detained|prisoners|protesters|"
    r"demonstrators|troops|soldiers|flights|cases|infections"
)
_TOTAL_BEFORE = re.compile(
    rf"\b(?:(?P<word>{COUNT_WORDS})\b[^.;:]{{0,60}}?\b(?:toll|total|tally|figure|count|number)"
    rf"|(?P<toll>toll)|number\s+of\s+(?:\w+\s+){{0,2}}?(?P<word2>{COUNT_WORDS})"
    rf"|(?P<word3>{COUNT_WORDS})\s+(?:\w+\s+){{0,3}}?(?:had|have|has|were|was|are|is)?\s*"
    r"(?=(?:rose|risen|rise|rises|climbed|climbs|reached|reaches|passed|passes|topped|tops|"
    r"increased|jumped|grew|stood|stands)\b))"
    r"[^.;:]{0,80}?\b(?:to|at|of|is|was|are|were|reached|reaches|reach|passed|passes|pass|hit|"
    r"hits|topped|tops|top|exceeded|exceeds|surpassed|surpasses|above|past|over|be|"
    r"rose|risen|climbed|jumped|grew|increased|"
    r"stands\s+at|stood\s+at|rose\s+to|climbed\s+to|risen\s+to)\s+$",
    re.I,
)
_WORD_CATEGORY = {
    "dead": "killed", "deaths": "killed", "death": "killed", "killed": "killed",
    "fatalities": "killed", "casualties": "casualties", "injured": "wounded",
    "wounded": "wounded", "injuries": "wounded", "missing": "missing",
    "refugees": "displaced", "displaced": "displaced", "evacuated": "evacuated",
    "evacuees": "evacuated", "arrests": "arrested", "arrested": "arrested",
    "detainees": "prisoners", "detained": "prisoners", "prisoners": "prisoners",
    "protesters": "protesters", "demonstrators": "protesters", "troops": "troops",
    "soldiers": "troops", "flights": "flights", "cases": "cases", "infections": "cases",
}  # fmt: skip


@dataclass(slots=True)
class Counted:
    """What a number counts: a category and the counted noun (its unit)."""

    what: str | None  # None: a person count with no category of its own ("33 children")
    unit: str | None


_TOKEN = re.compile(r"[A-Za-z][\w'’-]*|\d[\d,.]*|[^\s\w]")


def _noun_head(tokens: list[str]) -> tuple[str | None, str | None, int]:
    """The counted noun after a number: (noun, kind, tokens used).

    kind is a category name, "person", "building" or "other" (something not tracked).
    """
    for i, tok in enumerate(tokens[:6]):
        low = tok.lower()
        if i == 0 and low == "of":
            continue
        if low in _NOUN_CATEGORY and not (low in _ADJECTIVE_CATEGORY and i > 1):
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            if low in _SINGULAR_CATEGORY and nxt[:1].islower() and nxt.lower() not in _STOP_WORDS:
                continue  # "refugee camps", "flight cancellations": the next word is the noun
            return low, _NOUN_CATEGORY[low], i + 1
        if low in _PERSON_NOUNS:
            nxt = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
            if nxt in _NOUN_CATEGORY and nxt not in _ADJECTIVE_CATEGORY:
                return nxt, _NOUN_CATEGORY[nxt], i + 2  # "civilian casualties"
            if nxt in _PERSON_NOUNS:
                return nxt, "person", i + 2  # "rebel fighters"
            return low, "person", i + 1
        if low in _BUILDING_NOUNS:
            return low, "building", i + 1
        if not tok[0].isalpha() or low in _STOP_WORDS:
            return None, None, 0
        if tok[0].isupper():
            nxt = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
            if nxt in _PERSON_NOUNS or nxt in _NOUN_CATEGORY:
                continue  # "Chinese nationals": an adjective
            if low.endswith(("ians", "ans", "is", "ese", "ers")) and i < 3:
                return low, "person", i + 1  # "30 Syrians", "4 Chinese"
            continue
        if len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is", "ous")):
            return low, "other", i + 1  # "56 tanks", "two boats"
    return None, None, 0


def _clause(tokens: list[str]) -> str:
    out = []
    for tok in tokens[:16]:
        if tok in (";", ".", ":") or re.fullmatch(r"\d[\d,.]*", tok):
            break
        out.append(tok)
    return " ".join(out)


def _verb_category(window: str) -> str | None:
    """The category named by the clause after a number, finite verbs first."""
    best: tuple[int, str] | None = None
    for m in _VERB_AFTER.finditer(window):
        if _NOT_THE_EVENT.search(window, 0, m.start()) and not _AMONG_THE.search(
            window, 0, m.start()
        ):
            continue  # "the infected man", "at risk of dying"
        cat = next(k for k, v in m.groupdict().items() if v)
        rank = 1 if m.group().lower().endswith("ing") else 0
        if best is None or rank < best[0]:
            best = (rank, cat)
            if rank == 0:
                break
    return best[1] if best else None


_QUAL_TAIL = re.compile(rf"(?i:{QUALIFIER})\s+$")


def what_is_counted(sentence: str, start: int, end: int) -> Counted | None:
    """What the number at [start, end) counts, from the words around it."""
    before = _QUAL_TAIL.sub("", sentence[max(0, start - 120) : start])
    tokens = _TOKEN.findall(sentence[end : end + 200])
    noun, kind, used = _noun_head(tokens)
    if kind == "other":
        return None
    verb = _VERB_BEFORE.search(before)
    if verb:
        cat = next(k for k, v in verb.groupdict().items() if v)
        if cat == "buildings":
            return Counted(cat, noun) if kind == "building" else None
        if cat == "troops":
            return Counted(kind, noun) if kind == "troops" else None
        return Counted(cat, noun or "people") if kind != "building" else None
    total = _TOTAL_BEFORE.search(before)
    if total and kind in (None, "person"):
        word = " ".join(str(total["word"] or total["word2"] or total["word3"] or "dead").split())
        return Counted(_WORD_CATEGORY.get(word.lower(), "killed"), noun or "people")
    window = _clause(tokens[used:])
    if kind == "building":
        return Counted("buildings", noun) if _BUILDING_VERB.search(window) else None
    verb_cat = _verb_category(window)
    partitive = (
        len(tokens) > 1
        and tokens[0].lower() == "of"
        and tokens[1].lower() in ("the", "them", "those", "its", "their", "his", "her", "whom")
    )  # "two of the soldiers": only a verb says what happened to them
    if verb_cat and kind not in ("killed", "casualties", "flights"):
        return Counted(verb_cat, noun or "people")
    if kind not in (None, "person") and not partitive:
        return Counted(kind, noun)
    if _PROTEST_AFTER.search(window) or _PROTEST_BEFORE.search(before):
        return Counted("protesters", noun or "people")
    if kind == "person":
        return Counted(None, noun)
    return None


_BARE_NEXT = _words(
    "in on at from by for to since during near among including according and or but while "
    "as of over across after"
)


def pronoun_number(sentence: str, m: re.Match[str]) -> bool:
    """ "one has seen him", "those two have been": a number standing for a noun."""
    if m["vague"] or m["n2"] or m["b1"]:
        return False
    noun, _, _ = _noun_head(_TOKEN.findall(sentence[m.end() : m.end() + 60]))
    if noun is not None:
        return False
    word = m["n1"].lower()
    return word == "one" or bool(
        re.search(r"\b(?:these|those|the|all)\s+$", sentence[: m.start()], re.I)
    )


def bare_after(sentence: str, end: int) -> bool:
    """Nothing after the number says what it counts: "organisers said 10,000."."""
    tokens = _TOKEN.findall(sentence[end : end + 40])
    if not tokens:
        return True
    tok = tokens[0]
    low = tok.lower()
    return not tok[0].isalnum() or low in _BARE_NEXT or low in _PERSON_NOUNS or tok[0].isupper()
