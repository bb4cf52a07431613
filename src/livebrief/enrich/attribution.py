"""Who a sentence's information comes from: outlets credited, kept apart from speakers.

Outlets are news organisations credited for the information ("AFP reported", "according to
Reuters", "told the BBC", "in an interview with Kommersant", a "(Reuters) -" dateline,
"citing Interfax", "a Reuters correspondent saw"), named as the :class:`OutletRegistry`
knows them; an unknown outlet is kept when the words say it is one ("the Kyiv Independent
newspaper reported", "Syrian state television said"). Speakers are people, bodies and
documents that said it ("the Defence Ministry said", "Pashinyan told MPs", "a spokesman for
the UN said", "according to witnesses"), named as written without a leading article. Bare
pronouns ("he said") are not speakers.

Rules on words, no parser: a reporting verb is found, then the noun phrase that is its
subject (before the verb, past appositions: "Steve Newman, president of Transocean, said";
or after it: "..., said Darin Hilton"), its object ("told the BBC"), or the phrase after
"according to" / "citing" / "quoted by". Penn-Treebank-tokenized text is read through a
:class:`TextView` that maps every span back to the input.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from livebrief.enrich.outlets import OutletRegistry
from livebrief.model import Attribution, Span

__all__ = ["TextView", "Token", "attribute", "subject_of", "tokens"]

# --- a view of the sentence with PTB tokenization undone ---------------------------------

_PTB_HINT = re.compile(r"-[LR][RSC]B-|``|''| [,.;:!?%](?: |$)| n't\b| '(?:s|re|ve|ll|d|m)\b")
_PTB_MAP = {
    "-LRB-": "(",
    "-RRB-": ")",
    "-LSB-": "[",
    "-RSB-": "]",
    "-LCB-": "{",
    "-RCB-": "}",
    "``": "“",
    "''": "”",
}
_GLUE_LEFT = frozenset(
    {",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "''", "-RRB-", "-RSB-", "-RCB-", "..."}
)
_GLUE_RIGHT = frozenset({"(", "[", "{", "``", "$", "-LRB-", "-LSB-", "-LCB-"})
_NON_SPACE = re.compile(r"\S+")
_CONTRACTION = re.compile(r"^(?:n't|'(?:s|re|ve|ll|d|m|S|RE|VE|LL|D|M)|')$")


class TextView:
    """The sentence as the rules read it, with a map back to offsets in the input.

    Plain text is read as it is. Penn-Treebank text ("Reuters -RRB- - The army 's chief ,
    `` we '' said") is read detokenized ("Reuters) - The army's chief, “we” said").
    """

    __slots__ = ("original", "text", "_out", "_orig", "_same")

    def __init__(self, original: str) -> None:
        self.original = original
        # per token: where it starts in ``text``, its (start, end) in the input, unchanged?
        self._out: list[int] = []
        self._orig: list[tuple[int, int]] = []
        self._same: list[bool] = []
        if not _PTB_HINT.search(original):
            self.text = original
            return
        out: list[str] = []
        length = 0
        prev = ""
        for m in _NON_SPACE.finditer(original):
            tok = m.group()
            glue = tok in _GLUE_LEFT or _CONTRACTION.match(tok) is not None
            glue = glue or (tok == "s" and prev == "'")  # "Service ' s"
            if out and not glue and prev not in _GLUE_RIGHT:
                out.append(" ")
                length += 1
            rep = _PTB_MAP.get(tok, tok)
            if "\\" in rep:
                rep = rep.replace("\\/", "/").replace("\\*", "*")
            self._out.append(length)
            self._orig.append((m.start(), m.end()))
            self._same.append(rep == tok)
            out.append(rep)
            length += len(rep)
            prev = tok
        self.text = "".join(out)

    def _map(self, pos: int, *, end: bool) -> int:
        """The input offset of ``text[pos]`` (its start, or its end when ``end``)."""
        k = bisect_right(self._out, pos) - 1
        if k < 0:
            return 0
        start, stop = self._orig[k]
        offset = pos - self._out[k]
        width = (stop - start) if self._same[k] else None
        if width is not None and offset < width:
            return start + offset + (1 if end else 0)
        if width is None and offset < len(self._token_text(k)):
            return stop if end else start
        # a space between two tokens: the next token's start
        return self._orig[k + 1][0] if k + 1 < len(self._orig) else len(self.original)

    def _token_text(self, k: int) -> str:
        nxt = self._out[k + 1] if k + 1 < len(self._out) else len(self.text)
        return self.text[self._out[k] : nxt].rstrip(" ")

    def span(self, start: int, end: int) -> Span:
        """The input span of ``text[start:end]``."""
        if not self._out:
            return Span(start, end, self.original[start:end])
        if end <= start:
            pos = self._map(start, end=False) if start < len(self.text) else len(self.original)
            return Span(pos, pos, "")
        s, e = self._map(start, end=False), self._map(end - 1, end=True)
        return Span(s, e, self.original[s:e])


# --- tokens -------------------------------------------------------------------------------


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    low: str
    cap: bool  # starts with an upper-case letter or a digit
    word: bool  # starts with a letter or digit


_PARTICLE_NAME = re.compile(r"(?:al|el|ad|as|ash|ar|an)-[A-Z]")  # "al-Jazeera", "ash-Sharq"
_TOKEN_RE = re.compile(r"[#@]?\w+(?:[.'’&-]\w+)*(?:['’](?!\w))?|[^\w\s]")


def tokens(text: str) -> list[Token]:
    """Words (inner dots, hyphens and apostrophes kept: "U.S", "al-Assad's") and marks."""
    out = []
    for m in _TOKEN_RE.finditer(text):
        t = m.group()
        first = t.lstrip("#@")[:1] or t[0]
        cap = first.isupper() or first.isdigit() or _PARTICLE_NAME.match(t) is not None
        out.append(Token(t, m.start(), m.end(), t.lower(), cap, first.isalnum()))
    return out


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- vocabulary -------------------------------------------------------------------------------

_SAY_VERBS = _words(
    """said says say stated told tells tell added adds announced announces announce confirmed confirms
    confirm denied denies deny claimed claims claim insisted insists insist warned warns warn
    wrote writes noted notes explained explains acknowledged acknowledges admitted admits argued
    argues asserted asserts estimated estimates declared declares alleged alleges revealed
    reveals disclosed discloses reported reports report maintained maintains stressed stresses
    emphasised emphasized testified conceded concedes replied recalled recalls disputed disputes
    reaffirmed reaffirms predicted predicts suggested suggests criticised criticized criticises
    criticizes rejected rejects dismissed dismisses countered complained complains observed
    observes quoted cited continued continues concluded concludes quipped asked asks"""
)
# Verb forms that are also nouns ("the reports", "the claims", "notes").
_NOUN_LIKE = _words("reports report claims claim notes estimates recalls asks")
# Verbs that need a clause or quote after them to report speech ("maintained that ...").
_NEEDS_CLAUSE = _words(
    """maintained maintains observed observes predicted predicts suggested suggests recalled
    continued continues asked asks concluded concludes added adds noted notes declared declares"""
)
# Verbs that may come before their subject: '..., said Darin Hilton'.
_INVERTIBLE = _words(
    """said says added adds wrote writes reported reports recalled recalls explained explains
    noted notes warned warns continued continues insisted insists asked asks declared concluded
    concludes argued argues stressed observed quipped admitted conceded acknowledged confirmed
    told tells"""
)
# Verbs that credit only an outlet ("a Reuters reporter saw", "a Reuters poll forecast").
_OUTLET_ONLY_VERBS = _words("saw showed shows counted found witnessed broadcast forecast")
_ING_VERBS = _words("saying warning claiming insisting reporting adding noting arguing denying")

_DETS = _words("the a an this these those that")
_POSS_PRON = _words("his her its their our my your")
_QUANT = _words(
    """one two three four five six seven eight nine ten several some many most other others
    another both all each few numerous dozens hundreds thousands various multiple scores"""
)
_PRONOUNS = _words(
    "he she they it we i you who which that this someone somebody everyone nobody him them us"
)
_BE = _words("is are was were be been being am")
_BREAKS = frozenset({",", ";", ":", '"', "“", "”", "(", ")", "."})
_OBJECT_OUTLET_VERBS = _words(
    "told tells tell said says wrote writes confirmed confirms explained described admitted"
)
_MODALS = _words("can could would will may might should must shall")
_PARTICIPLES = _words("reported confirmed announced claimed alleged estimated")
_GROUPS = _words("some others many most several both all")
_AUX = _words(
    """has have had also later earlier previously repeatedly separately then further again
    already recently once did does do now still just since officially subsequently initially
    originally publicly privately quickly flatly strongly yesterday today tonight himself
    herself itself themselves"""
)
_STOP = _words(
    """and but or nor so yet because although though while whereas when where after before
    since until if unless as than whether then not no n't to by on into over under against
    about during through without between across near toward towards amid despite like per via
    upon within around behind beyond among what how why whom whose is was were are be been
    has have had do does did will would can could may might must shall should said says say
    told tells that which who it he she they we i you there here also however meanwhile
    instead having being"""
)
_BRIDGE = _words("of for at from in with to")
_ADJ_BRIDGE = _words("familiar close involved responsible briefed knowledgeable")
_BODIES = _words(
    """agency ministry department office council committee commission authority service union
    association organization organisation institute center centre foundation army military
    government company firm court board bureau network group party police embassy coalition
    administration alliance federation corporation force forces command navy"""
)
# Nouns that head a speaker phrase and may take a prepositional phrase ("spokesman for X").
_ROLE_NOUNS = _BODIES | _words(
    """spokesman spokeswoman spokesperson spokespeople spokesmen official officials head chief
    director minister ministers secretary member members resident residents doctor doctors
    source sources commander commanders leader leaders representative representatives envoy
    ambassador president chairman chairwoman executive executives analyst analysts expert
    experts professor researcher researchers officer officers worker workers activist activists
    witness witnesses people adviser advisor advisers advisors aide aides family relatives
    lawyer lawyers attorney governor mayor diplomat diplomats delegate delegates employee
    employees staff correspondent reporter journalist journalists survivors survivor founder
    partner editor economist economists scientist scientists engineer engineers captain general
    colonel figure manager managers teacher student students citizens villagers protesters
    organisers organizers rebels fighters troops soldiers medics rescuers volunteers"""
)
_DOC_NOUNS = _words(
    """report reports statement statements estimate estimates investigation inquiry study survey
    poll analysis figures data tally count review assessment document letter memo footage
    video pictures images broadcast interview article story dispatch bulletin calculations
    calculation release communique filing filings records documents transcript testimony"""
)
# Head nouns that make a phrase an outlet ("the Kyiv Independent newspaper", "state media").
_MEDIA_HEADS = _words(
    """newspaper newspapers daily weekly tabloid magazine television tv channel broadcaster
    radio website media outlet outlets"""
)
_MEDIA_PAIRS = frozenset({("news", "agency"), ("news", "reports"), ("media", "reports")})
# Words that mark an unknown capitalised name as an outlet's ("Euro News", "Haiti Times").
_MEDIA_NAME_WORDS = _words(
    """news times post herald tv radio press journal daily gazette tribune telegraph observer
    chronicle network channel broadcasting media television courier monitor weekly magazine
    online wire inquirer sentinel examiner dispatch bulletin register pravda gazeta zeitung
    shimbun ilbo show programme program"""
)
_PERSON_TITLES = _words(
    """secretary spokesman spokeswoman spokesperson minister president officer director chief
    mr mrs ms dr sir lord lady editor host anchor correspondent reporter"""
)
# Staff and products of an outlet ("a Reuters correspondent", "Reuters calculations").
_OUTLET_STAFF = _words(
    """correspondent correspondents reporter reporters journalist journalists photographer
    photographers cameraman crew team witness tally count calculation calculations footage
    pictures images video report reporting survey poll analysis investigation interview producer
    editor editors bureau review"""
)
_PLAIN_OBJECTS = _words(
    "reporters journalists lawmakers mps parliament senators congress him her them me us"
)
_ABBREV = _words("mr mrs ms dr gen col lt sen rep gov st jr sr inc co corp ltd mt no adm sgt")
_NAME_PARTICLES = _words("al el bin ibn abu de van von der da di du la le ben")
_TITLES_LOWER = _words(
    """president minister secretary spokesman spokeswoman spokesperson chief director general
    senator governor mayor prime foreign defence defense interior deputy vice chairman
    ambassador head leader commander executive officer professor editor founder member"""
)
_MODIFIERS = _TITLES_LOWER | _words(
    """senior top former acting assistant local military government security health state
    opposition rebel police western independent federal regional provincial municipal medical
    hospital company industry airport army navy official legal civil human humanitarian public
    private international national diplomatic intelligence administration campaign ministry
    district oil energy rights news veteran leading ruling presidential royal palace coast guard
    marine fire emergency rescue relief aid agency airline bank finance economic trade justice
    education environmental nuclear safety general political military unnamed unidentified
    retired elected armed united allied affected injured wounded displaced exiled appointed
    interim embattled besieged"""
)
_SENTENCE_ADVERBS = _words(
    """meanwhile however earlier later separately still now today yesterday tonight instead
    also moreover furthermore nevertheless but and in on at by after before"""
)
_WEEKDAYS = _words("monday tuesday wednesday thursday friday saturday sunday")
_ORG_HEADS = _words(
    """union administration services association agency committee council organization
    organisation commission department ministry bureau institute corporation company group
    authority programme program fund center centre"""
)
_ANON = re.compile(
    r",?\s*(?:who|speaking)\s+(?:spoke\s+)?(?:on\s+(?:the\s+)?condition\s+of\s+anonymity|"
    r"asked\s+not\s+to\s+be\s+(?:named|identified)|declined\s+to\s+be\s+(?:named|identified)|"
    r"requested\s+anonymity)[^,]*,?",
    re.I,
)
_CUE = re.compile(
    r"\b(?:"
    + "|".join(sorted(_SAY_VERBS | _OUTLET_ONLY_VERBS | _ING_VERBS, key=len, reverse=True))
    + r")\b|\baccording to\b|\bciting\b|\binterviews? with\b|\bspeaking to\b|(?:\)|-RRB-)\s*[-—–]"
    r"|\(\s*(?:Reuters|AP|AFP|CNN)\s*\)|-LRB-\s*(?:Reuters|AP|AFP|CNN)\s*-RRB-"
    r"|^\s*[A-Z][A-Za-z .,'-]{1,60}\s?:\s",
    re.I,
)
_DATELINE = re.compile(
    r"\(\s*([A-Z][\w .&'-]{0,40}?)\s*\)\s*(?:-{1,2}|—|–)|\(\s*(Reuters|AP|AFP|CNN)\s*\)"
)
_REPORTING_BY = re.compile(r"\((?:Reporting|Writing|Editing|Additional reporting)\b[^)]*\)", re.I)
_TRANSCRIPT = re.compile(
    r"^\s*(?:([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,2})(?:,[^:]{1,40})?|([A-Z][\w'.-]+)):\s+\S"
)
_TRANSCRIPT_SKIP = _words(
    """update note editor photograph photo source sources caption correction video watch read
    related warning breaking analysis opinion comment live q a watch see click more"""
)
_AFFILIATE = _words("affiliate affiliates")
# Lowercase words that may follow a capitalised name inside one phrase ("BBC correspondent").
_AFTER_NAME = _MEDIA_HEADS | _OUTLET_STAFF | _ROLE_NOUNS | _MODIFIERS | _AFFILIATE
# Lowercase words a capitalised name may follow inside one phrase ("foreign minister Sergey").
_CAP_MAY_FOLLOW = _BRIDGE | _DETS | _NAME_PARTICLES | _MODIFIERS | _ROLE_NOUNS | _AFFILIATE


# --- noun phrases ---------------------------------------------------------------------------


def _is_abbrev_dot(toks: list[Token], i: int) -> bool:
    """A "." that ends an abbreviation ("Mr.", "U.S.", "Robert S.") rather than a sentence."""
    if toks[i].text != "." or i == 0:
        return False
    prev = toks[i - 1]
    if prev.end != toks[i].start:
        return False
    return prev.low in _ABBREV or "." in prev.text or (len(prev.text) == 1 and prev.cap)


def _is_name(toks: list[Token], start: int, end: int) -> bool:
    """Is ``toks[start:end]`` a capitalised name ("Dr Margaret Chan", "GlaxoSmithKline PLC")?"""
    words = [t for t in toks[start:end] if t.word]
    if words and words[0].low == "the" and len(words) > 1:
        words = words[1:]  # "the Muslim Brotherhood"
    if not words or len(words) > 6 or not words[0].cap:
        return False
    for t in words:
        if t.low in _WEEKDAYS or t.low in _SENTENCE_ADVERBS and t is words[0]:
            return False
        if not (t.cap or t.low in _NAME_PARTICLES or t.low in ("of", "and")):
            return False
    return all(t.word or t.text in ".'’-" for t in toks[start:end])


def _subject_before(toks: list[Token], verb: int) -> tuple[int, int] | None:
    """The noun phrase that is the subject of the verb at ``verb``, looking left."""
    j = verb - 1
    while j >= 0 and (toks[j].low in _AUX or _adverb(toks[j])):
        j -= 1
    if j >= 1 and toks[j].low in ("who", "which") and toks[j - 1].text == ",":
        segs = _segments_left(toks, j - 1)  # "Tony Hayward, who said ..."
        if segs and segs[0][1] > segs[0][0] and not _apposition(toks, *segs[0]):
            return _phrase_ending(toks, j - 2)
        return _past_appositions(toks, j - 1)
    if j >= 0 and toks[j].text == ",":
        return _past_appositions(toks, j)
    if j >= 0 and toks[j].low == "and":
        return _clause_subject(toks, j)  # "BP called it a milestone and said ..."
    phrase = _phrase_ending(toks, j)
    if phrase is None:
        return None
    # "An oil worker who survived the explosion has claimed": the subject is before "who"
    for k in range(phrase[0] - 1, max(-1, phrase[0] - 9), -1):
        if toks[k].text in _BREAKS:
            break
        if toks[k].low in ("who", "whose") and k >= 1 and toks[k - 1].word:
            antecedent = _phrase_ending(toks, k - 1)
            if antecedent is not None:
                return antecedent
            break
    # "Gabriel Bernardino, chairman of the Authority said": an apposition left open
    k = phrase[0] - 1
    while k >= 0 and toks[k].text not in _BREAKS and phrase[0] - k < 20:
        k -= 1
    if k >= 1 and toks[k].text == "," and _open_apposition(toks, k + 1):
        named = _name_before_comma(toks, k)
        if named is not None:
            return named
    return phrase


def _open_apposition(toks: list[Token], i: int) -> bool:
    """Does an apposition start at ``i`` ("chairman of ...", "the independent administrator")?"""
    words = [t for t in toks[i : i + 4] if t.word]
    if not words or words[0].cap:
        return False
    if words[0].low in _TITLES_LOWER:
        return True
    if words[0].low in ("a", "an", "the") and len(words) > 1:
        rest = [w for w in words[1:] if not w.cap]
        return any(w.low in _TITLES_LOWER for w in rest)
    return False


def _clause_subject(toks: list[Token], and_: int) -> tuple[int, int] | None:
    """The subject of a sentence whose second verb follows "and": its opening name."""
    if any(t.text in {",", ";", ":"} for t in toks[:and_]):
        return None
    phrase = _phrase_after(toks, 0)
    if phrase is None or phrase[1] >= and_:
        return None
    nxt = toks[phrase[1]]
    if not nxt.word or nxt.cap or nxt.low in _STOP:
        return None
    return phrase


def _adverb(tok: Token) -> bool:
    """ "repeatedly", "flatly" (but not "Reilly" or "family")."""
    return not tok.cap and tok.low.endswith("ly") and len(tok.low) > 4 and tok.low != "family"


def _segments_left(toks: list[Token], comma: int) -> list[tuple[int, int]]:
    """Comma-separated stretches left of the comma at ``comma``, nearest first."""
    out: list[tuple[int, int]] = []
    end = comma
    i = comma - 1
    while i >= -1 and len(out) < 5:
        if (
            i == -1
            or toks[i].text in {",", ";", ":", '"', "“", "”", "(", ")"}
            or (toks[i].text == "." and not _is_abbrev_dot(toks, i))
        ):
            out.append((i + 1, end))
            if i == -1 or toks[i].text != ",":
                break
            end = i
        i -= 1
    return out


def _past_appositions(toks: list[Token], comma: int) -> tuple[int, int] | None:
    """The subject left of "..., VERB": a name between commas or a name before appositions.

    "its director general, Dr Margaret Chan, said" -> "Dr Margaret Chan";
    "Ben Stewart, 36, from north London, said" -> "Ben Stewart";
    "Steve Newman, president of rig owner Transocean, told" -> "Steve Newman".
    """
    segs = _segments_left(toks, comma)
    if not segs:
        return None
    s0 = segs[0]
    if s0[1] <= s0[0]:
        return None
    if _is_name(toks, *s0) and len(segs) > 1:
        before = [t for t in toks[segs[1][0] : segs[1][1]] if t.word]
        if before and (
            before[0].low in _DETS | _POSS_PRON | _QUANT
            or (not before[-1].cap and before[-1].low in _ROLE_NOUNS | _TITLES_LOWER)
        ):
            return s0
    described: tuple[int, int] | None = None  # the last stretch that starts "the/a ..."
    for k, seg in enumerate(segs):
        if not _apposition(toks, *seg):
            if k == 0:
                return None
            if _adjunct(toks, *seg):  # "Meanwhile, the army, which ..., said"
                return _phrase_ending(toks, described[1] - 1) if described else None
            return _phrase_ending(toks, seg[1] - 1)
        if seg[1] > seg[0] and toks[seg[0]].low in _DETS | _POSS_PRON | _QUANT:
            described = seg
    if described is not None and described == segs[-1] and described != segs[0]:
        return _phrase_ending(toks, described[1] - 1)  # "The BBC's Peter Bowes, in LA, says"
    return None


def _adjunct(toks: list[Token], start: int, end: int) -> bool:
    """A sentence-opening adverbial: "Meanwhile", "In Benghazi", "On Monday"."""
    words = [t for t in toks[start:end] if t.word]
    if not words or (len(words) > 1 and words[0].low in ("but", "and", "so", "yet")):
        return False  # "But Dr Keiji Fukuda"
    return words[0].low in _SENTENCE_ADVERBS or words[0].low in _WEEKDAYS


_APPOSITION_WORDS = _words("who which whose from of in at near based both also once now speaking")


def _apposition(toks: list[Token], start: int, end: int) -> bool:
    """A stretch that describes a name rather than names it ("36", "a BP engineer", "who ...")."""
    words = [t for t in toks[start:end] if t.word]
    if not words or len(words) > 25:
        return False
    first = words[0]
    if len(words) == 1 and first.low.isdigit():
        return True
    if first.low in _DETS | _POSS_PRON:  # "a drilling engineer with Seldovia Marine Services"
        finite = _BE | _MODALS | {"has", "have", "had", "n't", "not", "did", "does"}
        return len(words) <= 16 and not any(t.low in finite for t in words)
    if first.low in _APPOSITION_WORDS:
        return True
    if not first.cap and first.low in _TITLES_LOWER | _ROLE_NOUNS | _MODIFIERS:
        return True
    return not first.cap and first.low.endswith(("ed", "ing"))  # "changed hours before"


def _name_before_comma(toks: list[Token], comma: int) -> tuple[int, int] | None:
    segs = _segments_left(toks, comma)
    if segs and _is_name(toks, *segs[0]):
        start = segs[0][0]
        if start == 0 or toks[start - 1].text in {",", ";", ":", '"', "“", "”", "."}:
            return segs[0]
    return None


def _phrase_ending(toks: list[Token], j: int) -> tuple[int, int] | None:
    """Scan left from token ``j`` over one noun phrase; ``(start, end)`` token indexes."""
    if j < 0:
        return None
    if toks[j].text == ")":  # "the United Nations (UN) has said"
        k = j
        while k >= 0 and toks[k].text != "(":
            k -= 1
        if k <= 0 or j - k > 6:
            return None
        found = _phrase_ending(toks, k - 1)
        return (found[0], j + 1) if found is not None else None
    if toks[j].text == "." and _is_abbrev_dot(toks, j):  # "Tokyo Electric Power Co."
        found = _phrase_ending(toks, j - 1)
        return (found[0], j + 1) if found is not None else None
    head = toks[j]
    if head.low in ("them", "us") and j >= 2 and toks[j - 1].low == "of":
        return (j - 2, j + 1) if toks[j - 2].low in _QUANT else None  # "many of them"
    if not head.word or _closed_class(head, _PRONOUNS | _STOP):
        return None
    start = j
    lowercase_run = 0
    i = j
    while i >= 0:
        tok = toks[i]
        low = tok.low
        if tok.text in ("'", "’") and i > 0 and toks[i - 1].low.endswith("s"):
            start = i  # "the rebels' spokesman"
            i -= 1
            continue
        if tok.text == "." and _is_abbrev_dot(toks, i):
            start = i
            i -= 1
            continue
        if not tok.word:
            break
        if low in _DETS or low in _POSS_PRON or low in _QUANT or low.isdigit():
            if low in ("that", "this", "these", "those") and i + 1 <= j and toks[i + 1].cap:
                break
            start = i
            if i >= 2 and toks[i - 1].low == "of" and toks[i - 2].low in _QUANT:
                start = i - 2  # "dozens of other fishermen", "one of the climbers"
            elif i >= 2 and toks[i - 1].low in _BRIDGE and _bridgeable(toks, i - 2):
                i -= 1  # "a spokesman for the UN"
                continue
            break
        if low in _BRIDGE or low == "on":
            nxt = toks[i + 1]
            if i >= 1 and (
                (low != "on" and _bridgeable(toks, i - 1) and (nxt.cap or nxt.low in _DETS))
                or toks[i - 1].low in _ROLE_NOUNS
            ):
                i -= 1
                continue
            if i >= 2 and toks[i - 1].low in _ADJ_BRIDGE and toks[i - 2].low in _ROLE_NOUNS:
                i -= 2  # "officers involved in the operation"
                continue
            break
        if low == "and" and i >= 1 and toks[i - 1].cap and toks[i + 1].cap and i < j:
            if head.low in _ORG_HEADS or (not head.cap and head.low in _ROLE_NOUNS):
                i -= 1  # "University and College Union", "WHO and CDC officials"
                continue
            break
        if _closed_class(tok, _STOP) or (_closed_class(tok, _PRONOUNS) and i != j):
            break
        if tok.cap:
            lowercase_run = 0
        elif low not in _NAME_PARTICLES:
            lowercase_run += 1
            if i < j and toks[i + 1].cap and low not in _ROLE_NOUNS | _MODIFIERS:
                # a lowercase word left of a name is a title ("singer Ortise Williams") only
                # after a name, an article or the start: "JLS singer", "the actor"
                before = toks[i - 1] if i > 0 else None
                if before is not None and not (before.cap or before.low in _DETS | _POSS_PRON):
                    break
            if lowercase_run > 4:
                break
            if i < j and low.endswith(("ed", "ing")) and low not in _MODIFIERS and "-" not in low:
                break
        start = i
        i -= 1
    words = [t for t in toks[start : j + 1] if t.word]
    if not words or all(t.low.isdigit() for t in words):
        return None
    # a lone lowercase word is a speaker only after a break: "..., investors said"
    lone = not head.cap and head.low not in _ROLE_NOUNS | _GROUPS and len(words) == 1
    if lone and start > 0 and toks[start - 1].text not in {",", ";", ":", '"', "“", "”"}:
        return None
    return start, j + 1


def _closed_class(tok: Token, words: frozenset[str]) -> bool:
    """Is the token one of ``words``, and not an acronym that spells one ("WHO", "US")?"""
    return tok.low in words and not (tok.text.isupper() and len(tok.text) > 1)


def _bridgeable(toks: list[Token], i: int) -> bool:
    """May the phrase continue left across a preposition to the word ``toks[i]``?"""
    if i < 0:
        return False
    tok = toks[i]
    return tok.low in _ROLE_NOUNS | _DOC_NOUNS | _ADJ_BRIDGE or (tok.cap and tok.word)


def _phrase_after(toks: list[Token], i: int) -> tuple[int, int] | None:
    """Scan right from token ``i`` over one noun phrase ("the BBC", "a source close to X")."""
    n = len(toks)
    if i >= n or not toks[i].word:
        return None
    start = i
    if _closed_class(toks[i], _PRONOUNS | _STOP):
        return None
    j = i
    seen_head = False
    while j < n:
        tok = toks[j]
        low = tok.low
        prev = toks[j - 1] if j > start else None
        if tok.text == "." and _is_abbrev_dot(toks, j):
            j += 1
            continue
        if tok.text in ("'", "’") and prev is not None and prev.low.endswith("s"):
            j += 1
            continue
        if not tok.word:
            break
        if low in _DETS or low in _POSS_PRON or low in _QUANT or low.isdigit():
            if seen_head and (low in _DETS or low in _POSS_PRON):
                break
            j += 1
            continue
        if low in ("by", "from") and prev is not None and prev.low in _DOC_NOUNS:
            j += 1  # "an estimate by the UNHCR"
            continue
        if low in _BRIDGE and seen_head and low != "to":
            nxt = toks[j + 1] if j + 1 < n else None
            if (
                nxt is not None
                and (nxt.cap or nxt.low in _DETS)
                and prev is not None
                and (prev.low in _ROLE_NOUNS | _DOC_NOUNS | _OUTLET_STAFF or prev.cap)
            ):
                j += 1
                continue
            break
        if _closed_class(tok, _STOP | _PRONOUNS):
            break
        possessive = prev is not None and prev.low.endswith(("'s", "’s", "'", "’"))
        if tok.cap or low in _NAME_PARTICLES:
            if seen_head and prev is not None and not (prev.cap or possessive):
                title = j - start <= 2 or "-" in prev.low  # "hairdresser Esther", "state-run X"
                if prev.low not in _CAP_MAY_FOLLOW and prev.text != "." and not title:
                    break
            seen_head = True
            j += 1
            continue
        after_name = seen_head and prev is not None and prev.cap and not possessive
        if after_name and "-" not in low and low not in _AFTER_NAME:
            break
        participle = low.endswith("ing") and low not in _MODIFIERS
        if participle and not (j + 1 < n and toks[j + 1].low in _ROLE_NOUNS):
            break  # but "the monitoring group"
        seen_head = True
        j += 1
        if j - start > 12:
            break
    while j > start and not toks[j - 1].word and toks[j - 1].text != ".":
        j -= 1
    while j > start and toks[j - 1].low in _BRIDGE | _DETS | _NAME_PARTICLES:
        j -= 1
    if j > start and toks[j - 1].text == "." and not _is_abbrev_dot(toks, j - 1):
        j -= 1
    return (start, j) if j > start else None


# --- deciding outlet or speaker --------------------------------------------------------------


@dataclass(slots=True)
class _Credit:
    name: str
    role: str
    start: int  # character offsets in the view
    end: int
    verb: str | None = None


def _clean_name(text: str) -> str:
    text = re.sub(r"\s*\([A-Z]{2,8}\)", "", text).strip(" ,;:\"'“”’")
    words = text.split()
    while words and words[0].lower() in _DETS:
        words = words[1:]
    return " ".join(words)


class _Reader:
    """The rules for one sentence."""

    def __init__(self, view: TextView, text: str, registry: OutletRegistry) -> None:
        self.view = view
        self.text = text
        self.toks = tokens(text)
        self.registry = registry

    # phrases --------------------------------------------------------------------------

    def classify(self, phrase: tuple[int, int] | None, *, verb: str = "") -> list[_Credit]:
        """Outlet or speaker credits for a noun phrase that is a source."""
        if phrase is None:
            return []
        toks = self.toks
        words = toks[phrase[0] : phrase[1]]
        s, e = words[0].start, words[-1].end
        text = self.text[s:e]
        lows = [t.low for t in words if t.word]
        if not lows or (len(lows) == 1 and lows[0] in _PRONOUNS | _POSS_PRON):
            return []
        if lows[0] in ("our", "my"):
            return []  # "our correspondent": the report's own outlet
        inner = self._outlet_inside(words)
        if inner is not None:
            return [inner]
        outlet = self._outlet_name(text, words, sentence_start=phrase[0] == 0)
        if outlet is not None:
            return [_Credit(outlet, "outlet", s, e)]
        if _is_media_phrase(lows) or self._looks_like_outlet(words, verb):
            return [_Credit(self._media_name(text, lows), "outlet", s, e)]
        if lows[-1] in _DOC_NOUNS:
            if lows[0] in _POSS_PRON:
                return []  # "its latest figures"
            owner = [k for k, t in enumerate(words) if t.low.endswith(("'s", "’s")) and t.cap]
            if owner:  # "the WHO's latest tally" -> the WHO
                k = owner[-1]
                name = _clean_name(self.text[s : words[k].end - 2])
                return [_Credit(name, "speaker", s, e)] if name else []
        for k, t in enumerate(words):  # "an estimate by the UNHCR" -> the UNHCR
            if t.low in ("by", "from") and 0 < k < len(words) - 1:
                if words[k - 1].low in _DOC_NOUNS:
                    return self.classify((phrase[0] + k + 1, phrase[1]), verb=verb)
                break
        name = _clean_name(text)
        if not name or (name.lower() in _PRONOUNS and not name.isupper()):
            return []
        known = self.registry.exact(name)
        if known is not None and not self.registry.is_common_word(name):
            name = known.name
        return [_Credit(name, "speaker", s, e)]

    def _outlet_name(self, text: str, words: list[Token], *, sentence_start: bool) -> str | None:
        """The registry name of an outlet phrase; None also for non-media registry entries."""
        outlet = self.registry.get(text)
        if outlet is None or not self.registry.is_media(outlet.name):
            return None
        if not any(t.cap for t in words) and not outlet.name.islower():
            return None  # "people said"
        if self.registry.is_common_word(_clean_name(text)):
            first = words[0]
            if first.low not in _DETS and (sentence_start or not first.cap):
                return None  # "People said ...", "time"
        return outlet.name

    def _media(self, name: str) -> str | None:
        outlet = self.registry.get(name)
        if outlet is None or not self.registry.is_media(outlet.name):
            return None
        if self.registry.is_common_word(name):
            return None
        return outlet.name

    def _outlet_inside(self, words: list[Token]) -> _Credit | None:
        """An outlet named inside a source phrase: "the BBC's Paul Wood", "a report by AFP"."""
        s, e = words[0].start, words[-1].end
        for k, tok in enumerate(words):
            if tok.low.endswith(("'s", "’s")) and k + 1 < len(words):
                i = k
                while i > 0 and words[i - 1].cap:
                    i -= 1
                left = self.text[words[i].start : tok.end - 2]
                name = self._media(left)
                if name is not None:
                    return _Credit(name, "outlet", s, e)
            inner = 0 < k < len(words) - 1
            before = words[k - 1].low if k else ""
            # "a report by AFP", "the health editor of the Independent"
            by_doc = tok.low in ("by", "from", "on", "in", "of") and before in _DOC_NOUNS
            of_staff = tok.low in ("of", "at", "for") and before in _OUTLET_STAFF
            if inner and (by_doc or of_staff):
                name = self._media(self.text[words[k + 1].start : e])
                if name is not None:
                    return _Credit(name, "outlet", s, e)
            if tok.low in _AFFILIATE and k + 1 < len(words):  # "CNN affiliate WFAA"
                rest = self.text[words[k + 1].start : e]
                return _Credit(self._media(rest) or _clean_name(rest), "outlet", s, e)
        staff = [k for k, t in enumerate(words) if t.low in _OUTLET_STAFF and k > 0]
        if staff:  # "a Reuters correspondent", "BBC business editor Robert Peston"
            body = [t for t in words[: staff[0]] if t.low not in _DETS]
            while body and not body[-1].cap:
                body.pop()  # "BBC business editor": drop the lowercase modifiers
            if body and all(t.cap for t in body):
                name = self._media(self.text[body[0].start : body[-1].end])
                if name is not None:
                    return _Credit(name, "outlet", s, e)
        return None

    def _looks_like_outlet(self, words: list[Token], verb: str) -> bool:
        """An unknown capitalised name with a media word, credited for reporting."""
        if verb not in _OUTLET_CONTEXT:
            return False
        named = [t for t in words if t.word and t.low not in _DETS]
        if not named or not all(t.cap for t in named):
            return False
        lows = {t.low for t in named}
        return bool(lows & _MEDIA_NAME_WORDS) and not lows & _PERSON_TITLES

    def _media_name(self, text: str, lows: list[str]) -> str:
        """The name of an outlet described by a phrase: known, named, or as written."""
        known = self.registry.normalise(text)
        if known is not None:
            return known
        if lows[0] in ("a", "an", "one", "another", "several", "some"):
            return _clean_name(text)  # "a Greek newspaper": no name given
        m = re.search(
            r"((?:[A-Z][\w'’.-]*)(?:\s+(?:[A-Z][\w'’.-]*|al|el|de|of))*)\s+"
            r"(?:news agency|newspaper|daily|weekly|tabloid|magazine|television|TV|channel|"
            r"broadcaster|radio|website)\b",
            text,
        )
        if m:
            cand = re.sub(r"^[A-Z]\w+(?:'s|’s)\s+", "", m.group(1)).strip()
            if cand and not all(_is_adjective(w) for w in cand.split()):
                return _clean_name(cand)
        return _clean_name(text)

    # cues ----------------------------------------------------------------------------------

    def verb_credits(self, i: int) -> list[_Credit]:
        toks = self.toks
        low = toks[i].low
        prev = toks[i - 1] if i > 0 else None
        plow = prev.low if prev is not None else ""
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        nlow = nxt.low if nxt is not None else ""
        if nlow == "by" and (low.endswith("ed") or low in ("said", "told")):
            return self.source_after(i + 2, verb=low)  # "was denied by", "figures reported by"
        if plow in ("to", "not", "n't", "never") or plow in _BE or plow in _MODALS:
            return []  # "declined to say", "is said to be", "would say"
        if low in _NOUN_LIKE and not self._verb_use(i):
            return []
        if low in _NEEDS_CLAUSE and not self._clause_follows(i):
            return []  # "maintains tight control", "added many new houses"
        if low in ("wrote", "writes", "write") and nlow in ("a", "an", "about", "to"):
            return []  # "wrote a strident piece"
        if low in _ING_VERBS:
            subject = _phrase_ending(toks, i - 1)
            if subject is None or subject[0] == 0 or toks[subject[0] - 1].low != "with":
                return []
            return self.classify(subject, verb=low)
        if low in ("told", "tells", "tell", "asked", "asks") and self._instruction(i):
            return []  # "the EPA has told BP to use ...": an order, not a report
        out: list[_Credit] = []
        subject = _subject_before(toks, i)
        found = self.classify(subject, verb=low)
        if subject is not None and subject[0] >= 2 and toks[subject[0] - 1].low == "and":
            other = _phrase_ending(toks, subject[0] - 2)  # "Britain and France said"
            if other is not None and toks[other[0]].cap:
                found = self.classify(other, verb=low) + found
        if low in _OUTLET_ONLY_VERBS:
            return [c for c in found if c.role == "outlet"]
        if not found and low in _INVERTIBLE and prev is not None and prev.text in ",\"”'":
            obj = _phrase_after(toks, i + 1)  # '..., said Darin Hilton, the captain'
            if obj is not None and _ends_clause(toks, obj[1]):
                found = self.classify(obj, verb=low)
        passive = low in _PARTICIPLES and nlow in ("in", "on", "at", "from", "as", "to")
        if passive and subject and not toks[subject[1] - 1].cap:
            found = [c for c in found if c.role == "outlet"]  # "the uprising reported in Tripoli"
        out.extend(found)
        if low in _OBJECT_OUTLET_VERBS:
            out.extend(self._object_outlet(i))
        if low in ("quoted", "cited"):  # "SANA quoted an official military source as saying"
            obj = _phrase_after(toks, i + 1)
            if obj is not None and obj[1] < len(toks) and toks[obj[1]].low == "as":
                out.extend(self.classify(obj, verb="quoted"))
        return out

    def _clause_follows(self, i: int) -> bool:
        """Does a verb that needs a clause ("maintained", "added") report speech here?"""
        toks = self.toks
        low = toks[i].low
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is None or not nxt.word or nxt.low in ("that", "he", "she", "it", "they", "we"):
            return True
        if (i > 0 and toks[i - 1].text == ",") or self._outlet_subject(i):
            return True
        if low in ("added", "adds", "noted", "notes"):  # "he added the plan had failed"
            return not (nxt.low in _QUANT or nxt.low.isdigit() or nxt.low in ("more", "new", "to"))
        return False

    def _outlet_subject(self, i: int) -> bool:
        subject = _subject_before(self.toks, i)
        return subject is not None and any(c.role == "outlet" for c in self.classify(subject))

    def _instruction(self, i: int) -> bool:
        obj = _phrase_after(self.toks, i + 1)
        end = obj[1] if obj is not None else i + 1
        return end + 1 < len(self.toks) and self.toks[end].low == "to" and self.toks[end + 1].word

    def _verb_use(self, i: int) -> bool:
        """Is a verb form that is also a noun ("reports", "claims") used as the verb here?"""
        toks = self.toks
        prev = toks[i - 1] if i > 0 else None
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if prev is None or prev.low in _DETS | _POSS_PRON or prev.low.endswith(("'s", "’s")):
            return False
        if nxt is not None and nxt.low == "that":
            return True
        if prev.text in (",", '"', "”"):
            return True  # '..., reports the BBC'
        if nxt is not None and nxt.word:
            if self._outlet_subject(i):
                return True  # "Al Jazeera reports the rebels ..."
            if nxt.cap and not prev.cap:
                return True  # "the French military reports France ..."
            clause = nxt.low in _DETS | _PRONOUNS | _QUANT or nxt.low.isdigit()
            return prev.cap and not prev.low.isdigit() and clause
        # "..., the Associated Press news agency reports."
        subject = _phrase_ending(toks, i - 1)
        return subject is not None and (subject[0] == 0 or toks[subject[0] - 1].text in ',"”')

    def _object_outlet(self, i: int) -> list[_Credit]:
        """The outlet a speaker told or spoke on: "told the BBC", "said on state television"."""
        toks = self.toks
        j = i + 1
        told = toks[i].low in ("told", "tells", "tell")
        if j < len(toks) and toks[j].low in ("on", "in", "to") and not told:
            j += 1  # "said on Al Jazeera", "wrote in the Guardian", "confirmed to the BBC"
        elif not told:
            return []
        obj = _phrase_after(toks, j)
        if obj is None or toks[obj[0]].low in _POSS_PRON:
            return []  # "said on its website"
        if obj[1] - obj[0] == 1 and toks[obj[0]].low in _PLAIN_OBJECTS:
            return []
        return [c for c in self.classify(obj, verb="told") if c.role == "outlet"]

    def source_after(self, i: int, *, verb: str, outlets_only: bool = False) -> list[_Credit]:
        credits = self.classify(_phrase_after(self.toks, i), verb=verb)
        if outlets_only:
            return [c for c in credits if c.role == "outlet"]
        return credits

    def is_credit_prep(self, i: int) -> bool:
        """ "interview with X", "speaking to X", "comments to X", "quoted by X", "carried by X"."""
        toks = self.toks
        prev = toks[i - 1].low
        low = toks[i].low
        if low == "with":
            return prev in ("interview", "interviews")
        if low == "to":
            return prev in ("speaking", "spoke", "talking", "comments", "remarks")
        if low == "on":
            return prev in ("speaking", "appearing", "interviewed", "reported", "broadcast")
        if low == "in":
            return prev in ("published", "reported", "printed", "quoted", "wrote", "writing")
        return prev in ("carried", "published", "broadcast", "aired", "obtained", "seen")

    def datelines(self) -> list[_Credit]:
        """ "WASHINGTON (Reuters) -", "(CNN) --", "..., officials said (Reuters)."."""
        out = []
        for m in _DATELINE.finditer(self.text):
            name = m.group(1) or m.group(2)
            outlet = self.registry.get(name)
            if outlet is not None and self.registry.is_media(outlet.name):
                out.append(_Credit(outlet.name, "outlet", m.start(), m.end(), "dateline"))
            elif m.group(1) and re.fullmatch(r"(?:[A-Z][a-z]+){1,3}", name):
                out.append(_Credit(name, "outlet", m.start(), m.end(), "dateline"))
        return out

    def transcript(self) -> list[_Credit]:
        """A transcript speaker label at the start: "MORGAN: ...", "Griffin: That's right"."""
        m = _TRANSCRIPT.match(self.text)
        if m is None:
            return []
        group = 1 if m.group(1) else 2
        name = m.group(group)
        first = name.split()[0].lower()
        if first in _TRANSCRIPT_SKIP | _SENTENCE_ADVERBS or self.registry.get(name) is not None:
            return []
        return [_Credit(name, "speaker", m.start(group), m.end(group), "transcript")]


_OUTLET_CONTEXT = frozenset(
    {
        "reported",
        "reports",
        "report",
        "according to",
        "citing",
        "told",
        "quoted",
        "speaking to",
        "speaking on",
        "appearing on",
        "interview with",
        "interviews with",
    }
)


def _ends_clause(toks: list[Token], i: int) -> bool:
    """Does a phrase that ends before ``toks[i]`` end its clause ("said Jones, ...")?"""
    if i >= len(toks) or not toks[i].word:
        return True
    low = toks[i].low
    return low != "of" and (low in _STOP | _BRIDGE or low.endswith("ing"))


def _is_media_phrase(lows: list[str]) -> bool:
    if lows[-1] in _MEDIA_HEADS:
        return True
    return any((lows[k], lows[k + 1]) in _MEDIA_PAIRS for k in range(len(lows) - 1))


_DEMONYMS = _words("greek french dutch swiss thai arab czech gulf western foreign state local")


def _is_adjective(word: str) -> bool:
    """A nationality or descriptive adjective in front of a media noun ("Syrian", "Greek")."""
    low = word.lower()
    return low in _DEMONYMS or low.endswith(("ian", "ese", "ish", "an", "i"))


# --- the entry point ---------------------------------------------------------------------------


def attribute(
    sentence: str,
    registry: OutletRegistry,
    entities: Iterable[tuple[int, int, str]] | None = None,
) -> list[Attribution]:
    """Outlets credited and speakers quoted in one sentence, in order of appearance.

    ``entities`` (optional) are named-entity spans ``(start, end, label)`` in ``sentence``,
    e.g. from spaCy: an unknown name tagged PERSON stays a speaker even with a media word in
    it ("Daily" as a surname).
    """
    if not sentence or not _CUE.search(sentence):
        return []
    view = TextView(sentence)
    text = _REPORTING_BY.sub(lambda m: " " * len(m.group()), view.text)
    text = _ANON.sub(lambda m: " " * len(m.group()), text)
    reader = _Reader(view, text, registry)
    credits = reader.datelines() + reader.transcript()
    toks = reader.toks
    for i, tok in enumerate(toks):
        low = tok.low
        found: list[_Credit] = []
        verb = low
        if low in _SAY_VERBS or low in _OUTLET_ONLY_VERBS or low in _ING_VERBS:
            found = reader.verb_credits(i)
        elif low == "according" and i + 1 < len(toks) and toks[i + 1].low == "to":
            verb = "according to"
            found = reader.source_after(i + 2, verb=verb)
        elif low == "citing":
            found = reader.source_after(i + 1, verb=low)
        elif low in ("with", "to", "by", "on", "in") and i >= 1 and reader.is_credit_prep(i):
            verb = f"{toks[i - 1].low} {low}"
            found = reader.source_after(i + 1, verb=verb, outlets_only=True)
        for c in found:
            c.verb = c.verb or verb
        credits.extend(found)
    return _finish(view, credits, entities)


def subject_of(text: str, verb_start: int) -> str | None:
    """The named subject of the verb that starts at ``text[verb_start]`` (a plain string).

    "Gaddafi urges ..." -> "Gaddafi"; for a participle ("..., saying ...") the subject of
    the sentence. None for pronouns and when no subject is found.
    """
    toks = tokens(text)
    i = next((k for k, t in enumerate(toks) if t.start == verb_start), None)
    if i is None:
        return None
    phrase = _subject_before(toks, i)
    if phrase is None or toks[i].low.endswith("ing"):
        phrase = _phrase_after(toks, 0)
        if phrase is None or phrase[1] >= i:
            return None
    words = toks[phrase[0] : phrase[1]]
    name = _clean_name(text[words[0].start : words[-1].end])
    if not name or name.lower() in _PRONOUNS:
        return None
    return name


def _finish(
    view: TextView,
    credits: list[_Credit],
    entities: Iterable[tuple[int, int, str]] | None,
) -> list[Attribution]:
    persons = [(s, e) for s, e, label in entities or () if label == "PERSON"]
    seen: set[tuple[str, str]] = set()
    out: list[Attribution] = []
    for c in sorted(credits, key=lambda c: c.start):
        span = view.span(c.start, c.end)
        role = c.role
        person = any(s <= span.start and span.end <= e for s, e in persons)
        if role == "outlet" and c.verb != "dateline" and person:
            role = "speaker"
        key = (c.name.lower(), role)
        if key in seen:
            continue
        seen.add(key)
        out.append(Attribution(name=c.name, role=role, span=span, verb=c.verb))
    return out
