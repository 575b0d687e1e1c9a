"""A writer's guess ("Harwick likely hopes the ferry will …", "Sealink probably wants …") or
comment ("Sealink is arguably the best ferry line", "Unfortunately, the ramp …").

News states what happened and attributes what others believe. An adverb of likelihood
in the main clause ("likely", "probably", "presumably", "perhaps", "possibly"), not said
by anyone the sentence names, is the writer's own guess: a summary does not open on one
and a takeaway, a fact, is never one. "is likely to" forecasts with an adjective and is
left alone, as is a guess someone is said to make ("Analysts say Sealink probably …").
The same holds for an adverb of the writer's stance ("arguably", "surely", "unfortunately")
and a verdict ("… is shocking", "… spotty at best").
Pure functions; it imports no stage.
"""

from __future__ import annotations

import re

from digest.text.saying import QUOTED

_GUESS = re.compile(
    r"^[^,;:\"“”]{0,80}?(?<![\w'’])(?<!\bis\s)(?<!\bare\s)(?<!\bwas\s)(?<!\bwere\s)"
    r"(?<!\bbe\s)(?<!\bmore\s)(?<!\bmost\s)(?<!\bless\s)(?<!\bvery\s)(?<!\bquite\s)"
    r"(?:likely|probably|presumably|perhaps|possibly)\s+(?!to\b|that\b|than\b)[a-z]",
    re.IGNORECASE)
_ATTRIBUTED = re.compile(
    r"\b(?:according\s+to|said|says|say|told|tells|reports?|reported|reportedly|predicts?|"
    r"predicted|estimates?|estimated|speculated?|speculates|argues?|argued|analysts?|"
    r"sources?)\b",
    re.IGNORECASE)


def writers_guess(text: str) -> bool:
    """Does the sentence's first clause guess with an adverb of likelihood ("Harwick
    likely hopes …", "Perhaps the ferry will …") that nobody in the sentence is said to
    make?"""
    low = text.lower()
    if not any(word in low for word in ("likely", "probably", "presumably", "perhaps",
                                        "possibly")):
        return False
    return _GUESS.search(text) is not None and _ATTRIBUTED.search(text) is None


_STANCE = re.compile(
    r"(?<!\btoo )(?<!\bso )(?<!\bmore )(?<!\bless )(?<!\bmost )"  # "too obviously generated"
    r"\b(?:arguably|surely|undoubtedly|unsurprisingly|obviously|admittedly|unfortunately|"
    r"fortunately|thankfully|sadly|mercifully|frankly|ironically|needless to say|"
    r"one imagines|(?:little|no) wonder)\b", re.IGNORECASE)


def writers_comment(text: str) -> bool:
    """Does the sentence, outside its quotations, carry the writer's stance ("Sealink is
    arguably the best line", "Unfortunately, the ramp is shut", "It will surely sell out")
    that nobody in the sentence is said to take? A report of what happened, or of what
    someone said, does not judge it."""
    return _writers_own(_STANCE, QUOTED.sub(" ", text))


_VERDICT = re.compile(
    r"\b(?:is|are|was|were|seems|seemed|looks|looked|feels|felt)\s+"
    r"(?:(?:very|truly|really|quite|pretty|downright|simply|frankly|deeply|just|so|also|"
    r"all the more|nothing short of)\s+)*"
    r"(?:shocking|stunning|astonishing|impressive|disappointing|embarrassing|ridiculous|"
    r"absurd|laughable|spotty|terrible|awful|fantastic|brilliant|amazing|incredible|"
    r"baffling|bizarre|hilarious|inexcusable|unforgivable|pathetic|dismal|woeful)\b"
    r"|(?-i:\bat (?:best|worst)\b)", re.IGNORECASE)  # not "at Best Buy"


def writers_verdict(text: str) -> bool:
    """Does the sentence, outside its quotations, pass the writer's verdict ("Its record
    is spotty at best", "The failure is shocking") that nobody in the sentence is said to
    pass?"""
    return _writers_own(_VERDICT, QUOTED.sub(" ", text))


def _writers_own(pattern: re.Pattern[str], outside: str) -> bool:
    """Does `outside` (a sentence with its quotations blanked) hold `pattern`, with nobody
    in it said to hold that view?"""
    return pattern.search(outside) is not None and _ATTRIBUTED.search(outside) is None


def writers_view(text: str) -> bool:
    """Is the sentence the writer's own guess, comment or verdict (`writers_guess`,
    `writers_comment`, `writers_verdict`), not a report?"""
    if writers_guess(text):
        return True
    outside = QUOTED.sub(" ", text)  # blanked once for both
    return _writers_own(_STANCE, outside) or _writers_own(_VERDICT, outside)
