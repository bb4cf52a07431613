"""Number expressions: "31", "10,000", "1.5 million", "twenty-five", "between 20 and 30".

Vague amounts keep their words and get a coded range: "dozens" 24-99, "scores" 40-99,
"hundreds" 200-999, "thousands" 2,000-9,999, "tens of thousands" 20,000-99,999, ...
Years, dates, times, ages, money, percentages, measures and identifiers are not figures.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


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
QUALIFIER = (
    r"(?:more\s+than|less\s+than|fewer\s+than|no\s+more\s+than|at\s+least|at\s+most|almost|"
    r"nearly|up\s+to|about|around|some|over|above|approximately|roughly|as\s+many\s+as|"
    r"as\s+high\s+as|upwards\s+of|close\s+to|in\s+excess\s+of|just\s+over|just\s+under|"
    r"well\s+over|no\s+fewer\s+than|an\s+estimated|estimated|a\s+total\s+of|a\s+further|"
    r"another|only|just)"
)
_NUMBER = re.compile(
    rf"(?<![\w$£€¥.,/-])(?:(?P<qual>(?i:{QUALIFIER}))\s+)?"
    rf"(?:(?i:between)\s+(?P<b1>{_ONE_NUM})\s+and\s+(?P<b2>{_ONE_NUM})"
    rf"|(?P<n1>{_ONE_NUM})(?:\s*(?:-|–|to|or)\s*(?P<n2>{_ONE_NUM}))?"
    rf"|(?P<vague>(?i:{_VAGUE_RE})))(?![\w%]|[.,]\d)"
)
PREFILTER = re.compile(rf"\d|(?i:{_WORDNUM}|dozen|scores|hundred|thousand|million)")


def number_matches(sentence: str) -> list[re.Match[str]]:
    """Number expressions; "from 29 to 41" gives two."""
    out: list[re.Match[str]] = []
    for m in _NUMBER.finditer(sentence):
        if m["n2"] and re.search(r"\b(?:from|by)\s+$", sentence[: m.start()], re.I):
            out.extend(_NUMBER.finditer(sentence, m.start("n1"), m.end("n1")))
            out.extend(_NUMBER.finditer(sentence, m.start("n2"), m.end("n2")))
        else:
            out.append(m)
    return out


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


def value_range(m: re.Match[str], sentence: str) -> tuple[float | None, float | None, str | None]:
    """(low, high, vague words) of a number expression; low is None when it counts nothing."""
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


# --- what is not a figure ---------------------------------------------------------------

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


def not_a_figure(sentence: str, m: re.Match[str]) -> bool:
    """Whether the number is a year, date, time, age, money, ratio, measure or identifier."""
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
