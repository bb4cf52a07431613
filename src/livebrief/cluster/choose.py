"""Sentence choice: which sentences can stand alone in a timeline or a bullet, best first."""

from __future__ import annotations

import re

import numpy as np

MIN_WORDS = 6
GOOD_WORDS = 35  # longer sentences are gradually less welcome
MAX_WORDS = 60

# Openings that point back to something the reader has not seen.
DANGLING = re.compile(
    r"^(?:he|she|it|they|them|his|her|its|their|this|these|those|that|such|but|and|or|so|also|"
    r"however|meanwhile|still|yet|instead|then|there|here|both|neither|the two|the move|"
    r"the decision|the statement|the comments|the remarks|in addition|as a result|"
    r"on the other hand|by contrast)\b",
    re.IGNORECASE,
)
# A speaker known only as a pronoun: '"...," he said.'
PRONOUN_SPEAKER = re.compile(r"[\"”],? (?:he|she|they) (?:said|says|added|told)\b")
JUNK = re.compile(
    r"https?://|www\.|@\w|\bclick here\b|\bcopyright\b|\ball rights reserved\b|\bsubscribe\b|"
    r"\bemail\b|\bfollow us\b|\bphoto:|\bpictured\b|\bwatch the video\b|"
    # comment boxes, syndication notes, market-data notices, cut-off teasers
    r"\breport abuse\b|\bretweet\b|\bviews expressed\b|\bwelcome comments\b|"
    r"\bcomments (?:are|is) (?:not )?(?:pre-screened|moderated)\b|\bdiscussion is now closed\b|"
    r"\bnot available in your (?:territory|country|region)\b|\bcontributed to this report\b|"
    r"\ba version (?:of this \w+ )?appeared\b|\bquotes delayed\b|(?:\.\.\.|…)\s*$",
    re.IGNORECASE,
)
# A sentence that is someone's own words rather than an account of what happened.
QUOTED = re.compile(r"^[\"“'‘]")
# Page furniture glued to a sentence: bylines, labels, video lengths, time stamps, pipes.
FURNITURE = re.compile(
    r"^By [A-Z]|\b(?:Source|Report|Photo(?:graph)?s?|Video|Watch|Read more|Related|Update[d]?):|"
    r"\b[Tt]his (?:image|photo|picture)\b|^[A-Z]{3,}: |"
    r"\(\d{1,2}:\d{2}\)|\d{1,2}:\d{2} [ap]\.?m\.? (?:ET|GMT|EST|EDT)\b| \| |\bWire Staff\b"
)


def quality(text: str) -> float:
    """1.0 for a self-contained, well-sized sentence; lower or 0.0 otherwise."""
    words = text.split()
    n = len(words)
    if n < MIN_WORDS or n > MAX_WORDS * 2 or JUNK.search(text):
        return 0.0
    score = 1.0
    if n > GOOD_WORDS:
        score *= max(0.3, 1.0 - (n - GOOD_WORDS) / (2 * GOOD_WORDS))
    if FURNITURE.search(text):
        score *= 0.2
    if DANGLING.match(text.lstrip("\"'“‘ ")) or PRONOUN_SPEAKER.search(text):
        score *= 0.5
    if text.rstrip().endswith(("?", ":")):
        score *= 0.5
    if text.count('"') % 2 == 1:
        score *= 0.8
    if QUOTED.match(text):
        score *= 0.7
    return score


def knee(values: np.ndarray) -> int:
    """Index of the knee of a descending curve: farthest point from the end-to-end line."""
    n = len(values)
    if n < 3:
        return n - 1
    x = np.arange(n, dtype=np.float64)
    y = np.asarray(values, dtype=np.float64)
    dx, dy = x[-1] - x[0], y[-1] - y[0]
    norm = np.hypot(dx, dy)
    if norm == 0:
        return n - 1
    distance = np.abs(dy * (x - x[0]) - dx * (y - y[0])) / norm
    return int(np.argmax(distance))
