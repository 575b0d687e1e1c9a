"""A time only an earlier sentence names: "… by then", "Meta said at the time that …",
"… has grown since then", "… the next day", "two years later" with no time of its own in
the sentence ("since 2019 … since then" names it). Pure functions over the sentence's text;
`references.points_back_inside` asks them.
"""

from __future__ import annotations

import re

from digest.compose.marks import CALENDAR
from digest.text.screen import may_contain

_THEN_END = re.compile(
    r"(?:\b(?:around|by|until|since|before|after|from|back)\s+then|\bat\s+(?:that|the)\s+time)"
    r"[.!]['\"”’)]*$", re.IGNORECASE)
""""Apple introduces its new models around then.": a time said in the sentence before."""
_THEN_INSIDE = re.compile(
    r"\b(?:(?:since|back|by)\s+then|at\s+(?:that|the)\s+time)\b(?!\s+(?:of|when)\b)",
    re.IGNORECASE)
"""The same inside the sentence ("Meta said at the time that …", "It has grown since then,
…"); not "at the time of the vote", which names it."""
_TIME_CLAUSE = re.compile(r"\b(?:after|before|during|when|while|until|once)\b", re.IGNORECASE)
"""A clause or phrase before it that sets a time ("years after the premiere, … at the
time")."""
_RELATIVE_DAY = re.compile(
    r"\b(?:the\s+next\s+(?:day|night|morning|evening)|"
    r"the\s+(?:following|previous)\s+(?:day|night|morning|evening|week|month)|"
    r"that\s+(?:day|night|morning|afternoon|evening))\b|"
    r"\bthe\s+day\s+(?:before|after)(?=[.,;!?]|$)", re.IGNORECASE)
""""Tubi will stream the event the next day": counted from a day the sentence does not name
("the next week" counts from now; "the same day that …" and "the day before the launch"
name their day)."""
_TIME_NAMED = re.compile(
    rf"\b(?:1[89]\d\d|20\d\d|{'|'.join(CALENDAR)}|ago|yesterday|"
    r"today|tomorrow|(?:last|next|this)\s+(?:week|month|year|spring|summer|fall|autumn|winter))\b"
    r"|\b\d{1,2}(?::\d\d)?\s?(?:[ap]\.?m\.?|AM|PM)|\b\d{1,2}:\d\d\b")


def time_unnamed(text: str, low: str) -> bool:
    """Does the sentence end on "… by then" or "… at the time", say "since then" or "at
    the time" inside, or count from "the next day", with no time named in it ("since 2019
    … since then" names it) and no phrase setting one before ("years after the storm, …")?
    Or count "a few months later" from a time it has not named before ("joined in 2019 and
    left two years later" has)? `low` is `text.lower()`."""
    then = may_contain(text, low, ("then", "time"))
    found = (_THEN_END.search(text) if then else None) or \
        (_RELATIVE_DAY.search(text) if may_contain(text, low, _DAY_WORDS) else None) or \
        (_THEN_INSIDE.search(text) if then else None)  # "Meta said at the time that …"
    if found is not None and not _TIME_NAMED.search(text) \
            and not _TIME_CLAUSE.search(text, 0, found.start()):
        return True
    later = _COUNTED_LATER.search(text) if may_contain(text, low, ("later",)) else None
    return later is not None and not _TIME_NAMED.search(text, 0, later.start())


_DAY_WORDS = ("day", "night", "morning", "evening", "afternoon", "week", "month")
"""One of these is in every `_RELATIVE_DAY` match."""
_COUNTED_LATER = re.compile(
    r"\b(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|\d+)\s+"
    r"(?:minutes?|hours?|days?|weeks?|months?|years?|decades?)|"
    r"(?:minutes|hours|days|weeks|months|years|decades))\s+later\b", re.IGNORECASE)
