"""Figures: counts of people and things in a sentence, with who claims them.

A figure is a number ("at least 31", "1.5 million", "between 20 and 30", "dozens") that
counts something a briefing tracks: killed, wounded, missing, displaced, evacuated,
troops, flights, prisoners, arrested, protesters, buildings, casualties, cases. What is
counted comes from the words around the number ("killing 12", "30 people were wounded",
"the death toll rose to 41", "5,000 troops"); the claimant from the sentence's
attribution ("the ministry said", "according to the UN", "officials say").
Years, dates, times, ages, money, percentages, measures and identifiers are not figures.
Vague amounts keep their words and get a coded range: "dozens" 24-99, "scores" 40-99,
"hundreds" 200-999, "thousands" 2,000-9,999, "tens of thousands" 20,000-99,999, ...
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from livebrief.enrich.dates import find_dates, local_date
from livebrief.model import DatePrecision, EventDate, Figure, Span

__all__ = ["find_figures", "parse_number"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- numbers -----------------------------------------------------------------------

_ONES = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_SHORT_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}
_VAGUE = {
    "dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999), "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 9_999_999),
}  # fmt: skip
_FEW = {"a few": (2, 5), "several": (3, 9), "a couple of": (2, 3)}

_WORDNUM = rf"(?:(?:{'|'.join(_TENS)})(?:[-\s](?:{'|'.join(list(_ONES)[:9])}))?|{'|'.join(_ONES)})"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?![\d,]\d)|\d+(?:\.\d+)?"
_SCALE = r"(?:\s+(?:hundred|thousand|million|billion))*"
_ONE_NUM = (
    rf"(?:(?:{_DIGITS})(?:{_SCALE}|\s?(?:k|m|mn|bn)\b)"
    rf"|(?i:{_WORDNUM}){_SCALE}(?:\s+dozen)?|(?i:a|one|half\s+a)\s+(?:hundred|thousand|million|dozen){_SCALE}"
    r"|a\s+(?:couple\s+of\s+)?dozen)"
)
_VAGUE_RE = (
    r"(?:(?:tens|hundreds)\s+of\s+thousands|(?:a\s+few|several|a\s+couple\s+of)\s+"
    r"(?:hundred\s+thousand|dozen|hundred|thousand|million)|dozens|scores|hundreds|thousands|"
    r"millions)"
)
_QUALIFIER = (
    r"(?:more\s+than|less\s+than|fewer\s+than|no\s+more\s+than|at\s+least|at\s+most|almost|"
    r"nearly|up\s+to|about|around|some|over|above|approximately|roughly|as\s+many\s+as|"
    r"as\s+high\s+as|upwards\s+of|close\s+to|in\s+excess\s+of|just\s+over|just\s+under|"
    r"well\s+over|no\s+fewer\s+than|an\s+estimated|estimated|a\s+total\s+of|a\s+further|"
    r"another|only|just)"
)
_NUMBER = re.compile(
    rf"(?<![\w$£€¥.,/-])(?:(?P<qual>(?i:{_QUALIFIER}))\s+)?"
    rf"(?:(?i:between)\s+(?P<b1>{_ONE_NUM})\s+and\s+(?P<b2>{_ONE_NUM})"
    rf"|(?P<n1>{_ONE_NUM})(?:\s*(?:-|–|to|or)\s*(?P<n2>{_ONE_NUM}))?"
    rf"|(?P<vague>(?i:{_VAGUE_RE})))(?![\w%]|[.,]\d)"
)
_PREFILTER = re.compile(rf"\d|(?i:{_WORDNUM}|dozen|scores|hundred|thousand|million)")


def parse_number(text: str) -> float | None:
    """The value of "31", "10,000", "1.5 million", "twenty-five", "a dozen", "2bn"."""
    words = text.lower().replace(",", "").replace("-", " ").split()
    if not words:
        return None
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(k|m|mn|bn)?", words[0])
    if m:
        value = float(m[1]) * _SHORT_SCALES.get(m[2] or "", 1)
        for w in words[1:]:
            value *= _SHORT_SCALES.get(w) or _SCALES.get(w, 1)
        return value
    if words[0] == "half":
        rest = parse_number(" ".join(words[2:]) or "one")
        return rest / 2 if rest else None
    total = current = 0.0
    for w in words:
        if w in ("a", "one") and current == 0:
            current = 1
        elif w in _ONES:
            current += _ONES[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w == "dozen":
            current = (current or 1) * 12
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in _SCALES:
            total += (current or 1) * _SCALES[w]
            current = 0
        elif w not in ("couple", "of"):
            return None
    return total + current or None


# --- what is counted -----------------------------------------------------------------

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
_COUNT_WORDS = (
    r"dead|deaths?|killed|fatalities|casualties|injured|wounded|injuries|missing|refugees|"
    r"displaced|evacuated|evacuees|arrests|arrested|detainees|detained|prisoners|protesters|"
    r"demonstrators|troops|soldiers|flights|cases|infections"
)
_TOTAL_BEFORE = re.compile(
    rf"\b(?:(?P<word>{_COUNT_WORDS})\b[^.;:]{{0,60}}?\b(?:toll|total|tally|figure|count|number)"
    rf"|(?P<toll>toll)|number\s+of\s+(?:\w+\s+){{0,2}}?(?P<word2>{_COUNT_WORDS})"
    rf"|(?P<word3>{_COUNT_WORDS})\s+(?:\w+\s+){{0,3}}?(?:had|have|has|were|was|are|is)?\s*"
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
_INHERIT_BEFORE = re.compile(
    r"(?:\b(?:said|say|says|put\s+(?:it|the\s+\w+)\s+at|estimated|estimate|from|to|with|"
    r"compared\s+with|versus|vs\.?|while|against|and|or|another|plus|including|among\s+them|"
    r"of\s+whom|of\s+them)|--|—|–|:|,)\s*$",
    re.I,
)

# --- what is not a figure -----------------------------------------------------------

_MEASURES = _words(
    "km kms kilometres kilometers kilometre kilometer miles mile metres meters metre meter m "
    "feet foot ft yards inches cm mm mph kph knots barrels barrel gallons gallon litres "
    "liters tonnes tons tonne ton kg kilograms pounds lb acres hectares square sq degrees "
    "days day weeks week months month years year decades minutes minute seconds hours hour "
    "hrs times points point percent per pct votes vote seats dollars euros yuan rupees dinars "
    "riyals euro dollar usd eur gbp a.m. p.m. am pm gmt bst edt est utc o'clock mw gw kw "
    "cents centimetres storeys stories floors lanes rounds goals runs bpd"
)
_ID_BEFORE = re.compile(
    r"(?:\b(?:Route|Highway|Road|Resolution|Flight|No\.?|Article|Chapter|Section|Room|Gate|"
    r"Block|Apartment|Unit|Sector|Zone|Precinct|Channel|Paragraph|Level|Category|Phase|"
    r"Platform|Terminal|Bus|Line|Page|Grade|Number|Brigade|Division|Battalion|Corps|"
    r"magnitude|aged|age|ages|of\s+age|page|grade|level|number|category|scale|phase|"
    r"Mk|Mark|Model|Apollo|Boeing|Airbus|F|MiG|Su|Tu|M)\s*$)|[$£€¥#]\s*$",
)
_MONTH_NEAR = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s*$"
)
_MONTH_AFTER = re.compile(
    r"\s*(?:st|nd|rd|th)?\s+(?:of\s+)?(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b"
)
_AGE_AFTER = re.compile(r"\s*-?\s*(?:year|month|week|day)s?[- ]old\b|\s*-\s*[a-z]", re.I)
_AGE_COMMAS = (re.compile(r"[A-Z][\w'’-]+,\s*$"), re.compile(r"\s*,"))  # "Alcala, 67, is"
_MONEY_AFTER = re.compile(
    r"\s*(?:%|percent|per\s+cent|dollars|euros|pounds\s+sterling|US\s+dollars)", re.I
)
_RATIO_AFTER = re.compile(r"\s+(?:in|out\s+of)\s+(?:\d|every|ten|three|four|five)", re.I)

# --- who claims it -------------------------------------------------------------------

_CLAIM_VERB = (
    r"said|says|say|saying|told|tells|reported|reports|reporting|estimated|estimates|"
    r"estimate|estimating|claimed|claims|claim|claiming|announced|announces|confirmed|"
    r"confirms|added|stated|states|stressed|insisted|warned|believes|alleged|alleges|"
    r"put\s+the\s+(?:death\s+)?(?:toll|number|figure)|quoted|cited|wrote|tweeted|counted|"
    r"recorded|registered|documented"
)
_CLAIM_AFTER = re.compile(rf"\b(?:{_CLAIM_VERB})\b")
_PASSIVE_BEFORE = re.compile(
    r"(?:\b(?:is|are|was|were|be|been|being|an|the|a|widely|it|to)\s+|['’]s\s+)$", re.I
)
_ADJECTIVAL_AFTER = re.compile(rf"\s+(?:of\b|(?:{_COUNT_WORDS})\b)", re.I)
_ACCORDING = re.compile(
    r"\b(?:according\s+to|citing|quoting|cited\s+by|quoted\s+by)\s+(?P<np>[^,;.:()\"“”]+)",
    re.I,
)
_COUNT_OF = re.compile(
    r"\b(?i:at|by|in)\s+(?P<np>(?:the\s+)?[A-Z][^,;.:()\"“”]*?)['’]s?\s+"
    r"(?:last|latest|own|official)?\s*"
    r"(?:count|tally|figures|estimate)\b"
)
_INVERTED = re.compile(
    r"(?:,|``|''|[\"”])\s*(?:said|says|added|told\s+\w+)\s+(?P<np>[^,;.:()\"“”]+)", re.I
)
_NP_START = re.compile(
    r"[;:()\"“”]|``|''|\.\s+(?=[A-Z])|\s-\s|—|–|--"
    r"|\b(?:that|and|but|while|as|after|when|with|if|because)\s"
)
_PRONOUNS = _words("he she they it we i you one this that there")
_RELATIVE = frozenset(("who", "which", "whom", "whose"))
_LEAD_NOISE = re.compile(
    r"^(?:(?:late|early|earlier|later|also|meanwhile|however|but|and|on|in|at|so|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|"
    r"this|last|week|morning|evening|night|afternoon)\s+)+",
    re.I,
)
_TAIL_NOISE = re.compile(
    r"(?:\s+(?:has|have|had|also|later|earlier|previously|would|will|could|"
    r"on\s+\w+day|on\s+\w+|in\s+a\s+statement|separately|reportedly|then|now|"
    r"yesterday|today))+$",
    re.I,
)
_TIME_AFTER_VERB = re.compile(
    r"^\s*(?:(?:on|late|early|earlier|later)\s+)*(?:(?:on\s+)?\w+day|yesterday|today|"
    r"in\s+a\s+statement|in\s+an\s+interview|on\s+television|on\s+state\s+TV)?\s*"
)
_PAREN = re.compile(r"\s*(?:\([^()]*\)|-LRB-.*?-RRB-)")
_RELATIVE_IN = re.compile(r"\s(?:who|which|whom)\s")
_OWN_COUNT = re.compile(
    r"\s*['’]s\s+(?:\w+\s+)?(?:count|tally|figures?|estimates?|reports?|data|statement)\s*$"
)
_RELATIVE_GAP = re.compile(r"\b(?:which|where|who|whom|whose)\b")


@dataclass(slots=True)
class _Claim:
    name: str | None  # None: a pronoun, not resolved here
    start: int
    end: int
    forward: bool  # governs what follows ("X said 30 were killed")


def _clean_np(np: str) -> str | None:
    np = _PAREN.sub("", np)
    np = _RELATIVE_IN.split(np)[-1]  # "gangs who they say": "they"
    np = _OWN_COUNT.sub("", np)  # "the WHO's latest tally": "the WHO"
    np = _LEAD_NOISE.sub("", np.strip())
    np = _TAIL_NOISE.sub("", np).strip(" ,'\"`")
    if not np or len(np.split()) > 10 or np.lower() in _PRONOUNS or np.lower() in _RELATIVE:
        return None
    return np


def _capitals(text: str) -> int:
    return sum(1 for w in text.split()[1:] if w[:1].isupper()) + 1


def _subject(head: str) -> tuple[str | None, int]:
    """The subject right before a claim verb, and where it starts in ``head``."""
    cuts = [c.end() for c in _NP_START.finditer(head)]
    start = cuts[-1] if cuts else 0
    parts = head[start:].split(",")
    last = parts[-1].strip()
    words = last.split()
    if words and words[0].lower() in _RELATIVE and len(parts) >= 2:
        return _clean_np(parts[-2]), start  # "Gaddafi, who said ..."
    if not last and len(parts) >= 3:
        # "The LCC, an activist network, said": the subject or its apposition
        subject, apposition = parts[-3], parts[-2]
        best = apposition if _capitals(apposition) > _capitals(subject) else subject
        return _clean_np(best), start
    offset = start + len(head[start:]) - len(parts[-1])
    return _clean_np(parts[-1]), offset


def _claims(sentence: str) -> list[_Claim]:
    claims: list[_Claim] = []
    taken: list[tuple[int, int]] = []
    for pattern in (_ACCORDING, _COUNT_OF):
        for m in pattern.finditer(sentence):
            np = re.split(r"\s+(?:on|in|at|who|which|that|as|and)\s", m["np"])[0]
            forward = bool(re.match(r"\s*,", sentence[m.end() :])) or m.start() < 3
            claims.append(_Claim(_clean_np(np), m.start(), m.end(), forward))
            taken.append((m.start(), m.end()))
    for m in _INVERTED.finditer(sentence):
        np = re.split(r"\s+(?:on|in|at|who|which|that|as)\s", m["np"])[0]
        if re.search(r"\d|\b(?:is|are|was|were|had|have|has|will|would|could)\b", m["np"]):
            continue  # ", said seven fighters were killed": not an inverted "said X"
        claims.append(_Claim(_clean_np(np), m.start(), m.end(), False))
        taken.append((m.start(), m.end()))
    for m in _CLAIM_AFTER.finditer(sentence):
        if any(a <= m.start() < b for a, b in taken):
            continue
        head = sentence[: m.start()]
        if _PASSIVE_BEFORE.search(head) or _ADJECTIVAL_AFTER.match(sentence, m.end()):
            continue  # "it is estimated", "an estimated 300", "reports of", "confirmed cases"
        name, start = _subject(head)
        if re.search(r"\d", sentence[start : m.start()]) or not sentence[start : m.start()].strip():
            continue
        rest = sentence[m.end() :]
        if m.group().lower() in ("told", "tells"):
            rest = re.sub(
                r"^\s*(?:the\s+)?(?:[A-Z][\w.'-]*\s*)+|^\s*(?:reporters|journalists)", "", rest
            )
        lead = _TIME_AFTER_VERB.match(rest)
        rest = rest[lead.end() :] if lead else rest
        forward = bool(rest.strip()) and not re.match(r"[.,;:!?\"”']|``|''|$", rest.strip())
        claims.append(_Claim(name, start, m.end(), forward))
    claims.sort(key=lambda c: c.start)
    return claims


def _claimant(sentence: str, claims: list[_Claim], start: int, end: int) -> str | None:
    """The name in the claim that governs the figure at [start, end), if any."""
    before = [c for c in claims if c.end <= start and c.forward]
    after = [c for c in claims if c.start >= end and not c.forward]
    if before and not any(before[-1].end <= c.start < start for c in claims if not c.forward):
        if _RELATIVE_GAP.search(sentence, before[-1].end, start):
            return None  # "X said ... seasonal flu, which kills 250,000": background
        return before[-1].name
    if after:
        if _RELATIVE_GAP.search(sentence, end, after[0].start) and not before:
            return None
        return after[0].name
    if before:
        return before[-1].name
    if claims:
        return claims[0].name
    return None


# --- what a number counts -----------------------------------------------------------


@dataclass(slots=True)
class _Counted:
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


_QUAL_TAIL = re.compile(rf"(?i:{_QUALIFIER})\s+$")


def _counted(sentence: str, start: int, end: int) -> _Counted | None:
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
            return _Counted(cat, noun) if kind == "building" else None
        if cat == "troops":
            return _Counted(kind, noun) if kind == "troops" else None
        return _Counted(cat, noun or "people") if kind != "building" else None
    total = _TOTAL_BEFORE.search(before)
    if total and kind in (None, "person"):
        word = " ".join(str(total["word"] or total["word2"] or total["word3"] or "dead").split())
        return _Counted(_WORD_CATEGORY.get(word.lower(), "killed"), noun or "people")
    window = _clause(tokens[used:])
    if kind == "building":
        return _Counted("buildings", noun) if _BUILDING_VERB.search(window) else None
    verb_cat = _verb_category(window)
    partitive = (
        len(tokens) > 1
        and tokens[0].lower() == "of"
        and tokens[1].lower() in ("the", "them", "those", "its", "their", "his", "her", "whom")
    )  # "two of the soldiers": only a verb says what happened to them
    if verb_cat and kind not in ("killed", "casualties", "flights"):
        return _Counted(verb_cat, noun or "people")
    if kind not in (None, "person") and not partitive:
        return _Counted(kind, noun)
    if _PROTEST_AFTER.search(window) or _PROTEST_BEFORE.search(before):
        return _Counted("protesters", noun or "people")
    if kind == "person":
        return _Counted(None, noun)
    return None


# --- what is not a figure ---------------------------------------------------------------


def _not_a_figure(sentence: str, m: re.Match[str]) -> bool:
    start, end = m.start(), m.end()
    before = sentence[max(0, start - 25) : start]
    after = sentence[end : end + 30]
    first = m["n1"] or m["b1"] or ""
    if _ID_BEFORE.search(before) or _MONTH_NEAR.search(before) or _MONTH_AFTER.match(after):
        return True
    if _AGE_AFTER.match(after) or _MONEY_AFTER.match(after) or _RATIO_AFTER.match(after):
        return True
    if _AGE_COMMAS[0].search(before) and _AGE_COMMAS[1].match(after) and first.isdigit():
        return True
    nxt = re.match(r"\s*([\w.'’]+)", after)
    if nxt and nxt.group(1).lower().rstrip(".") in _MEASURES | {"a.m", "p.m"}:
        return True
    if re.match(r"\s*[:/]\d", after) or re.search(r"\d[:/]\s*$", before):
        return True
    if re.search(r"\b(?:\d+|one|two|three|four|five|ten)\s+(?:in|out\s+of)\s+$", before, re.I):
        return True  # "one in three"
    if first.lower() == "one" and re.match(r"\s+(?:of|another|in)\b", after):
        return True
    if re.fullmatch(r"(?:19|20)\d\d", first) and not m["n2"]:
        return True  # a year
    return bool(re.fullmatch(r"\d+\.\d+", first))  # a decimal without a scale: not a count


def _value(m: re.Match[str], sentence: str) -> tuple[float | None, float | None, str | None]:
    if m["vague"]:
        vague = " ".join(m["vague"].lower().split())
        lo, hi = _VAGUE[vague] if vague in _VAGUE else _few(vague)
        return float(lo), float(hi), m["vague"]
    a, b = (m["b1"], m["b2"]) if m["b1"] else (m["n1"], m["n2"])
    low = parse_number(a)
    high = parse_number(b) if b else low
    if b and low is not None and high is not None:
        if re.search(r"\b(?:from|by)\s+$", sentence[: m.start()], re.I) and not m["b1"]:
            return None, None, None  # "from 29 to 41", "by three to 78": a change
        if low > high:
            return None, None, None
    return low, high, None


def _few(vague: str) -> tuple[int, int]:
    for lead, (lo, hi) in _FEW.items():
        if vague.startswith(lead):
            scale = parse_number(vague.removeprefix(lead).strip()) or 1
            return int(lo * scale), int(hi * scale)
    return 0, 0


def _numbers(sentence: str) -> list[re.Match[str]]:
    """Number expressions; "from 29 to 41" gives two."""
    out: list[re.Match[str]] = []
    for m in _NUMBER.finditer(sentence):
        if m["n2"] and re.search(r"\b(?:from|by)\s+$", sentence[: m.start()], re.I):
            out.extend(_NUMBER.finditer(sentence, m.start("n1"), m.end("n1")))
            out.extend(_NUMBER.finditer(sentence, m.start("n2"), m.end("n2")))
        else:
            out.append(m)
    return out


_BARE_NEXT = _words(
    "in on at from by for to since during near among including according and or but while "
    "as of over across after"
)


def _pronoun_number(sentence: str, m: re.Match[str]) -> bool:
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


def _bare_after(sentence: str, end: int) -> bool:
    """Nothing after the number says what it counts: "organisers said 10,000."."""
    tokens = _TOKEN.findall(sentence[end : end + 40])
    if not tokens:
        return True
    tok = tokens[0]
    low = tok.lower()
    return not tok[0].isalnum() or low in _BARE_NEXT or low in _PERSON_NOUNS or tok[0].isupper()


def find_figures(
    sentence: str,
    *,
    published: datetime | None = None,
    speakers: Sequence[str] = (),
) -> list[Figure]:
    """The figures of ``sentence``, each with what it counts and who claims it."""
    if not _PREFILTER.search(sentence):
        return []
    figures: list[Figure] = []
    claims: list[_Claim] | None = None
    dates: list[EventDate] | None = None
    base: date | None = local_date(published) if published else None
    for m in _numbers(sentence):
        if _not_a_figure(sentence, m):
            continue
        counted = _counted(sentence, m.start(), m.end())
        if counted is not None and _pronoun_number(sentence, m):
            counted = None  # "one has seen him dead", "those two have been killing"
        if (counted is None or counted.what is None) and figures:
            gap = sentence[figures[-1].span.end if figures[-1].span else 0 : m.start()]
            if _INHERIT_BEFORE.search(gap) and _bare_after(sentence, m.end()):
                unit = counted.unit if counted else figures[-1].unit
                counted = _Counted(figures[-1].what, unit)  # "police said 2,000, others 10,000"
        if counted is None or counted.what is None:
            continue
        low, high, vague = _value(m, sentence)
        if low is None:
            continue
        if claims is None:
            claims = _claims(sentence)
        claimant = _claimant(sentence, claims, m.start(), m.end())
        if claimant is None and speakers:
            claimant = speakers[0]  # "he said": the speaker attribution found
        if dates is None:
            dates = find_dates(sentence, published) if published else []
        figures.append(
            Figure(
                what=counted.what,
                low=low,
                high=high,
                qualifier=" ".join(m["qual"].lower().split()) if m["qual"] else None,
                unit=counted.unit,
                claimant=claimant,
                as_of=_as_of(dates, m.start(), base),
                vague=vague,
                span=Span(m.start(), m.end(), m.group()),
            )
        )
    return figures


def _as_of(dates: list[EventDate], at: int, base: date | None) -> date | None:
    """The nearest explicit day-precision date within reach, else the publication date."""
    best: tuple[int, date] | None = None
    for d in dates:
        if d.precision is not DatePrecision.DAY or d.scheduled or d.evidence is None:
            continue
        dist = min(abs(d.evidence.start - at), abs(at - d.evidence.end))
        if dist <= 60 and (best is None or dist < best[0]):
            best = (dist, d.date)
    return best[1] if best else base
