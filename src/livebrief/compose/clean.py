"""Sentences made fit for a bullet: page furniture off, quotes whole, leads that stand alone.

Extracted article text carries the page around the story: a headline and its standfirst
glued to the first sentence, bylines, datelines ("Tripoli, Libya (CNN) --"), time stamps,
photo credits, comment-box notices. Sentence splitters also cut quotes in two and leave
sentences that only make sense after the previous one ("He said...", "The move...").
These rules say what to strip, and when a sentence cannot open a bullet on its own.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence

from ..cluster.choose import JUNK, MIN_WORDS
from ..model import Mention, Report, Sentence

MAX_CHARS = 600  # a bullet's own account, at most; a longer sentence is cut with an ellipsis
MAX_SPAN = 4  # sentences of one report that one account may take
SHORT_WORDS = 16  # a sentence this short that names no one leans on the one before
BOILERPLATE_REPORTS = 4  # the same sentence in this many reports of one outlet ...
BOILERPLATE_DAYS = 3  # ... published on this many days is page furniture

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?"
_DATE = rf"(?:{_MONTH} \d{{1,2}}(?:,? \d{{4}})?|\d{{1,2}} {_MONTH}(?: \d{{4}})?)"
_TIME = r"\d{1,2}[.:]\d{2}(?::\d{2})?(?: ?[APap]\.?[Mm]\.?)?(?: (?:GMT|BST|UTC|[ECMP][SD]?T|CET))?"

# "Tripoli, Libya (CNN) --", "BEIJING (Reuters) -": everything up to it is page furniture.
_DATELINE_OUTLET = re.compile(r"\([A-Z][\w.&' ]{0,30}\)\s*(?:--|—|–|-)\s*(?=[\"“A-Z])")
# "REYKJAVIK, Iceland, Oct. 9 --"
_DATELINE_PLACE = re.compile(
    rf"(?:^|\|\s*|\s)[A-Z]{{3,}}[A-Z .'-]*(?:, [A-Z][\w.'-]*){{0,3}}(?:,? {_DATE})?"
    r"\s+(?:--|—)\s+(?=[\"“A-Z])"
)
_DATELINE_REACH = 400  # a dateline further into the text is not the article's
_BYLINE = re.compile(r"^By (?:the )?[A-Z][\w.]* Wire Staff\s+")
# A leading stamp: "Updated: Thu May 01 2008 11:10:00", "March 19 -", "June 23, 2010:",
# "11 January 2011", "AP June 23, 2010:".
_STAMP = re.compile(
    rf"^(?:Updated:?\s*|[A-Z]{{2,5}} )?(?:{_WEEKDAY} )?(?:{_DATE}|{_MONTH} \d{{1,2}} \d{{4}})"
    rf"(?: {_TIME})?\s*(?:[:|–—-]\s*|\s(?=[A-Z]))"
    rf"|^Updated:?\s*(?:{_WEEKDAY} )?(?:{_MONTH} \d{{1,2}}(?: \d{{4}})?)?\s*(?:{_TIME})?\s*"
)
# Where a headline or caption is glued to the next sentence: "...many feared dead The
# earthquake is", "...since Falklands Friday 18 March 2005 12.47 GMT Private Johnson".
_GLUE = re.compile(
    r"(?<=[a-z0-9%)'’\"”])\s+(?=(?:The|There|This|These|Those|It|He|She|They|We|His|Her|Its"
    r"|Their|In|On|At|After|Before|As|For|When|While|If)\s+[a-z])"
    rf"|\s+(?:{_WEEKDAY} )?{_DATE}(?: \d{{4}})? {_TIME}\s+"
)
_PHOTO_CREDIT = re.compile(
    r"\s*\b(?:Photograph|Photo|Picture)s?: [\w .'-]{1,40}?/[A-Z][\w-]*(?: Images)?\b"
    r"|\s*\((?:AP|AFP|Reuters|EPA|PA|Getty Images)\)(?=\.?$)"
)
_SPACE = re.compile(r"\s+")

_CONNECTIVE = re.compile(
    r"^(?:and|but|however|meanwhile|also|so|then|still|yet|nevertheless|nonetheless)\b,?\s+",
    re.I,
)
_PRONOUN = (
    r"(?i:he|she|it|they|them|him|his|her|its|their|this|these|that|those|such|both|neither"
    r"|we|our|my)|I|(?i:the) (?:two|three|four|latter|former|same|other|others)"
)
_ANAPHORIC_NOUN = (
    r"attacks?|incident|move|decision|city|town|village|plant|group|vessel|ship|boat|strike"
    r"|blast|explosion|bombing|operation|offensive|talks|meeting|agreement|deal|vote|bill|law"
    r"|ban|plan|statement|announcement|report|case|victims|crowd|protests?|protesters"
    r"|company|country|government|ministry|official|officials|claims?|allegations?"
    r"|accusations?|charges|reports|conditions|council|ceremony|comments|remarks|speech"
    r"|interview|visit|event|measures?|proposal|letter|document|video|footage|pictures"
    r"|images|doctor|man|woman|boy|girl|child|suspect|victim|body|bodies|source|spokesman"
    r"|spokeswoman|spokesperson|skeptics|critics|rig|well|issue|latest|request|idea"
)
_SUBJECT = r"(?:(?i:he|she|they|it|we)|I)"
# "the move", "the new plan" (not "the UK government", "the city council of Mariupol": a
# name makes it specific)
_THE_NOUN = rf"(?i:the) (?:[a-z][\w-]* ){{0,2}}(?:{_ANAPHORIC_NOUN})\b(?! of\b)(?! [a-z]+ of\b)"
# Openings that point back to something the reader has not seen.
_LEANING_OPENER = re.compile(
    rf"^(?:{_PRONOUN}|(?i:there)(?! (?:is|are|was|were|has|have|had|will|may|might|could)\b)"
    rf"|{_THE_NOUN}|(?i:during|after|following|despite|since|in response to|in reaction to"
    rf"|as a result of|because of|due to|like|unlike) (?:{_PRONOUN}|{_THE_NOUN})"
    r"|(?i:in addition|as a result|on the other hand|by contrast|instead|other|another"
    r"|separately|elsewhere))\b"
    # a pronoun subject after a short opening phrase: "On Tuesday, he said", "As he told"
    rf"|^[^,\"“”]{{1,40}}, {_SUBJECT}\b(?! (?:is|was) (?:\w+ )?(?:expected|believed))"
    r"|^(?i:as|when|while|after|before|because|although|though|if|since)"
    r" (?:(?i:he|she|they|we)|I)\b"
)
_EXPLETIVE_IT = re.compile(
    r"^it (?:is|was|has been|had been) (?:\w+ )?(?:announced|reported|confirmed|expected"
    r"|believed|understood|thought|feared|estimated|alleged|claimed|known|unclear|not clear)\b",
    re.I,
)
# "Russia also says", "as well", "too": more of something told before
_LEANING_ANYWHERE = re.compile(
    r"^(?:\S+\s+){0,3}also\b|\b(?:as well(?! as)|too(?=[,.;])|the latter|the same day"
    r"|the incident|the attack)\b",
    re.I,
)
# "entered the city": which one, when the sentence names no place?
_THE_PLACE = re.compile(r"\bthe (?:city|town|village)\b(?! (?:of|council|hall)\b)", re.I)
# A pronoun for a speaker: '"...," he said', '..., she told reporters.'
_PRONOUN_SPEAKER = re.compile(
    r"(?:[,\"”’]|^)\s*(?:he|she|they|it) (?:also )?(?:said|says|added|adds|told|tells|wrote"
    r"|writes|explained|noted|warned|insisted|continued|conceded|argued|stated|claimed"
    r"|declared|replied|asked)\b",
    re.I,
)
_PERSONAL = re.compile(r"^(?:he|she|it|they|his|her|its|their|him|them)\b", re.I)
# Photo captions: "This image from video...", "Gadhafi, third from right, stands ...",
# "... attends a news conference in Brasilia, June 17, 2011."
_CAPTION = re.compile(
    r"\b(?i:this|the above|a handout|a file) (?i:image|photo(?:graph)?|picture|video grab)\b"
    r"|\b(?:second|third|fourth|far) from (?:left|right)\b|\((?:left|right|center|centre)\)"
    rf"|, {_MONTH} \d{{1,2}},? \d{{4}}\.?$"
)
# A live page's or a site's own notices.
_SITE = re.compile(
    r"\b(?:please (?:go|return) to|(?:this|our) live (?:update )?page|our main news page"
    r"|follow (?:us|the latest \w+ news)|sign up for|this newspaper|today's paper"
    r"|this column|your browser)\b|^here (?:is|are)\b",
    re.I,
)
# What opens a page, not a story: a byline, a "Syria crisis:" kicker before a headline.
_MASTHEAD = re.compile(r"^By [A-Z]|^[A-Z][\w'’.-]*(?: [\w'’.-]+){0,3}: [A-Z]")
_TRANSCRIPT = re.compile(r"^[A-Z][A-Z.' -]{2,}:\s")
_CAPITALISED = re.compile(r"\b[A-Z][\w'’.-]*")
_NOT_NAMES = frozenset(
    re.findall(
        r"\w+",
        "I Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March"
        " April May June July August September October November December",
    )
)
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    re.findall(
        r"\w+",
        "the and for that with from this have has had was were are its his her their they said"
        " says will would been not but who which when after over into than also about",
    )
)
_TRUNCATED = re.compile(r"(?:\.\.\.|…)\W*$")


def strip_furniture(text: str) -> str:
    """The sentence without the page around it: datelines, stamps, glued headlines, photo
    credits. Whitespace is normalised; the text is otherwise unchanged."""
    text = _SPACE.sub(" ", text).strip()
    cut = 0
    for pattern in (_DATELINE_OUTLET, _DATELINE_PLACE):
        for m in pattern.finditer(text, 0, _DATELINE_REACH):
            cut = max(cut, m.end())
    if cut and len(text[cut:].split()) >= MIN_WORDS:
        text = text[cut:]
    text = _BYLINE.sub("", _PHOTO_CREDIT.sub("", text)).strip()
    for _ in range(2):
        stamp = _STAMP.match(text)
        if stamp is None or len(text[stamp.end() :].split()) < MIN_WORDS:
            break
        text = text[stamp.end() :]
    pieces = _GLUE.split(text)
    if len(pieces) > 1:
        last = pieces[-1]
        if len(last.split()) >= MIN_WORDS and quote_balance(last) >= 0:
            text = last
    return text.strip()


def strip_connective(text: str) -> str:
    """Without a leading "But", "However,", "Meanwhile," ... that ties it to what came before."""
    return _CONNECTIVE.sub("", text, count=1)


def finish(text: str) -> str:
    """Capitalised, ending with a full stop (or its own closing mark), at most MAX_CHARS."""
    text = text.strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    if len(text) > MAX_CHARS:
        cut = text[:MAX_CHARS].rsplit(" ", 1)[0]
        text = cut.rstrip(",;:") + "…"
    if text[-1] not in ".!?\"'”’…":
        text += "."
    return text


def clean_sentence(text: str) -> str:
    """A sentence fit to stand alone as a bullet or a timeline entry: page furniture and a
    leading "But" off, capitalised, ending with a stop."""
    return finish(strip_connective(strip_furniture(text)))


def leans_back(text: str, mentions: Sequence[Mention] | None = None) -> bool:
    """True when the sentence only makes sense after the one before it in its report.

    It does when it opens with a pronoun or a "the move"-like phrase, says "also", has a
    speaker known only as "he", is a bare quotation or the end of one opened earlier, says
    "the city" naming no place, or, being short, names no one and nowhere. `mentions` are
    the names entity tagging found in it, if it ran. A quotation's own words are the
    speaker's and are not read for openers.
    """
    stripped = text.strip()
    if quote_tail(stripped) or _PRONOUN_SPEAKER.search(stripped):
        return True
    if stripped[:1] in "\"“‘'" and quote_balance(stripped) >= 0:
        return quote_balance(stripped) > 0 or bare_quote(stripped)  # no speaker here
    body = strip_connective(stripped.lstrip("\"“‘' "))
    if _EXPLETIVE_IT.match(body):
        return False
    if _LEANING_OPENER.match(body) or _LEANING_ANYWHERE.search(body):
        return True
    named = bool(mentions) or names_something(body)
    if _THE_PLACE.search(body):
        place = (
            names_something(body) if mentions is None else any(m.label == "PLACE" for m in mentions)
        )
        if not place:
            return True
    return len(body.split()) < SHORT_WORDS and not named


def bare_quote(text: str) -> bool:
    """Nothing but a quotation: its speaker is named in another sentence."""
    body = text.rstrip().rstrip(".!?")
    if body[-1:] not in ('"', "”", "’", "'") or body[:1] not in ('"', "“", "‘", "'"):
        return False
    return quote_balance(body[:-1]) > 0


def pronoun_led(text: str) -> bool:
    """Whether the sentence's subject or speaker is a bare pronoun ("He denied it")."""
    body = strip_connective(text.lstrip("\"“‘' "))
    return bool(_PERSONAL.match(body) and not _EXPLETIVE_IT.match(body)) or bool(
        _PRONOUN_SPEAKER.search(text)
    )


def names_something(text: str) -> bool:
    """Whether the text names a person, place or body (a capitalised word after the first)."""
    words = _CAPITALISED.findall(text)
    if _CAPITALISED.match(text):
        words = words[1:]
    return any(w.rstrip(".'’") not in _NOT_NAMES for w in words)


def _depths(text: str) -> tuple[int, int, int, int]:
    """Final and lowest nesting of double and of single quotation marks. A straight mark
    opens after a space and closes after a word or stop; a single one counts only where it
    cannot be an apostrophe."""
    double = low_double = single = low_single = 0
    n = len(text)
    for i, ch in enumerate(text):
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < n else " "
        if ch == "“":
            double += 1
        elif ch == "”":
            double -= 1
        elif ch == '"':
            opens = double <= 0 and (before.isspace() or before in "([—–-/")
            double += 1 if opens else -1
        elif ch in "‘'’":
            single += _single_mark(ch, before, after, single)
        low_double, low_single = min(low_double, double), min(low_single, single)
    return double, low_double, single, low_single


def _single_mark(ch: str, before: str, after: str, depth: int) -> int:
    """+1 for a single quotation mark that opens, -1 for one that closes, 0 for an
    apostrophe ("Sunday's", "protesters' demands")."""
    if ch in "‘'" and (before.isspace() or before in "([—–-") and after.isalnum():
        return 1
    if before in ".,!?" and (after.isspace() or after == ")"):
        return -1
    closes_word = before.isalpha() and (after.isspace() or after in ",.;:!?)")
    return -1 if depth > 0 and closes_word else 0


def quote_balance(text: str) -> int:
    """+1 when a quotation opens and stays open, -1 when the text closes a quotation it did
    not open, 0 when its quotation marks pair up."""
    double, low_double, single, low_single = _depths(text)
    if low_double < 0 or low_single < 0:
        return -1
    return 1 if double > 0 or single > 0 else 0


def quote_tail(text: str) -> bool:
    """The sentence ends a quotation that an earlier sentence opened."""
    return quote_balance(text) < 0


def opens_quote(text: str) -> bool:
    return text.lstrip()[:1] in "\"“‘'"


def close_quote(text: str) -> str:
    """Close a quotation left open at the end of a paragraph (the next one reopens it)."""
    double, _, single, _ = _depths(text)
    text = text.rstrip()
    if not text.endswith((".", "!", "?")):
        text += "."
    if single > 0:
        text += "’" if "‘" in text else "'"
    if double > 0:
        text += "”" if "“" in text else '"'
    return text


def unusable(text: str, *, opening: bool = True) -> str | None:
    """Why a cleaned sentence cannot open a bullet (or, with `opening` False, follow another
    sentence in one), or None."""
    if _TRUNCATED.search(text):
        return "cut off"
    if JUNK.search(text):
        return "page furniture"
    if _CAPTION.search(text):
        return "a photo caption"
    if _SITE.search(text):
        return "the site's own notice"
    if _TRANSCRIPT.match(text):
        return "transcript label"
    if not opening:
        return None
    if _MASTHEAD.match(text):
        return "a byline or headline"
    if len(text.split()) < MIN_WORDS:
        return "too short"
    if text.rstrip("\"”'’ ").endswith("?"):
        return "a question"
    if text[:1].islower():
        return "starts mid-sentence"
    return None


def same_content(a: str, b: str, threshold: float = 0.7) -> bool:
    """Whether two texts say the same: most content words of the shorter are in the longer."""
    wa, wb = _content_words(a), _content_words(b)
    if not wa or not wb:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= threshold


def _content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if len(w) > 2 and w not in _STOP}


def boilerplate(
    reports: Iterable[Report], sentences: Mapping[int, Sequence[Sentence]]
) -> frozenset[str]:
    """Sentences that many reports of one outlet repeat word for word on several days:
    comment-box notices, promotions, related links. They are the page, not the story.

    Versions of one article published the same day or the next share sentences too, so a
    sentence must recur on BOILERPLATE_DAYS different days.
    """
    counts: Counter[int] = Counter()
    usable = [r for r in reports if r.id is not None and r.id in sentences]
    for r in usable:
        counts.update({hash((r.outlet, s.text)) for s in sentences[r.id or 0]})
    days: dict[int, set[object]] = defaultdict(set)
    found: set[str] = set()
    for r in usable:
        day = r.published.date() if r.published else None
        for s in sentences[r.id or 0]:
            key = hash((r.outlet, s.text))
            if counts[key] >= BOILERPLATE_REPORTS:
                days[key].add(day)
                if len(days[key]) >= BOILERPLATE_DAYS:
                    found.add(s.text)
    return frozenset(found)


def standalone_span(
    lead: Sentence, report: Mapping[int, Sentence], skip: Collection[str] = ()
) -> list[Sentence] | None:
    """The lead with what it needs to stand alone, in report order: the rest of a quotation
    it opens, the sentences before it that it leans on (and the claim a denial answers).

    `report` holds the lead's report's sentences by position; `skip` sentences known to be
    page furniture. A sentence before the lead that says the same as it replaces it. None when
    the lead cannot be made to stand alone within MAX_SPAN sentences and MAX_CHARS.
    """
    at = report
    if lead.text in skip or unusable(strip_furniture(lead.text)):
        return None
    span = [lead]
    while quote_balance(_joined(span)) > 0:
        nxt = at.get(span[-1].position + 1)
        if nxt is None or opens_quote(nxt.text):
            break  # the quotation ends with its paragraph: the writer closes it
        if len(span) >= MAX_SPAN or not _fits(nxt, skip):
            return None
        span.append(nxt)
    while leans_back(_first_unit(span), _mentions(quote_units(span)[0])):
        prev = at.get(span[0].position - 1)
        if prev is None or len(span) >= MAX_SPAN or not _fits(prev, skip):
            return None
        if same_content(strip_furniture(prev.text), _first_unit(span)):
            span = [prev, *span[len(quote_units(span)[0]) :]]
        else:
            span.insert(0, prev)
    if lead.denial and span[0] is lead:  # a denial reads best after the claim it answers
        prev = at.get(lead.position - 1)
        if prev is not None and _fits(prev, skip) and not leans_back(prev.text, prev.mentions):
            span.insert(0, prev)
    first = strip_connective(strip_furniture(span[0].text))
    if unusable(first) or len(_joined(span)) > MAX_CHARS:
        return None
    return span


def quote_units(span: Sequence[Sentence]) -> list[list[Sentence]]:
    """The span cut where no quotation is open: the places a credit may go."""
    units: list[list[Sentence]] = []
    current: list[Sentence] = []
    for s in span:
        current.append(s)
        if quote_balance(_joined(current)) <= 0:
            units.append(current)
            current = []
    if current:
        units.append(current)
    return units


def _mentions(unit: Sequence[Sentence]) -> list[Mention]:
    return [m for s in unit for m in s.mentions]


def _fits(s: Sentence, skip: Collection[str]) -> bool:
    return s.text not in skip and unusable(strip_furniture(s.text), opening=False) is None


def _joined(span: Sequence[Sentence]) -> str:
    return " ".join(s.text for s in span)


def _first_unit(span: Sequence[Sentence]) -> str:
    """The span's first sentence, with the rest of a quotation it opens."""
    return strip_furniture(_joined(quote_units(span)[0]))
