"""Is a sentence a photo's caption rather than a report: it tells what a picture shows
("In this photo provided by …", "Pope Francis, left, and …", "Mayor Holt speaks at the
pier … on Oct. 22, 2018."), not what happened. `quality.problem` calls these "photo
caption".
"""

from __future__ import annotations

import re

from digest.text.calendar import MONTHS, WEEKDAYS
from digest.text.wordclass import word_classes


def is_caption(text: str) -> bool:
    """Is `text` a caption: a wire photo's place and full date with its weekday, a note on
    the picture itself, or a scene in the present closing on the date it was taken?"""
    dated = _CAPTION_DATE.search(text)
    if dated and (dated.group("lead").startswith(",") or _in_the_present(text[:dated.start()])):
        return True
    return _speaks_of_a_picture(text) or _shows_a_scene(text)


_WEEKDAY = f"(?:{'|'.join(WEEKDAYS)})"
_MONTH_DAY = rf"(?:{'|'.join(month[:3] for month in MONTHS)})[a-z]*\.?\s+\d{{1,2}}"
_YEAR_AT_END = r"(?:19|20)\d\d\.?$"
_PLACE_AT_END = (r"(?:,?\s+(?:in|at|near)\s+(?:the\s+)?[A-Z][\w.'’-]*"
                 r"(?:,?\s+[A-Z][\w.'’-]*){0,3}){1,2}\.?$")
_CAPTION_DATE = re.compile(rf"(?P<lead>,\s+(?:on\s+)?|\s+on\s+){_WEEKDAY},?\s+{_MONTH_DAY},?\s+"
                           rf"(?:{_YEAR_AT_END}|(?:19|20)\d\d{_PLACE_AT_END})")
"""A wire photo's caption ends on where and the full date it was taken, the place first or
last ("… in Rome, Friday, Oct. 14, 2011.", "…, Wednesday, Sept. 2, 2015 in Millis, Mass.",
"… at the Oscars on Sunday, Feb. 26, 2017, at the Dolby Theatre in Los Angeles."): it
tells what a picture shows, not what happened."""


def _in_the_present(text: str) -> bool:
    """Does `text` hold a verb in the present of "he" or "she" ("opens", "exits"): what a
    picture shows? A report of what happened on a date is in the past."""
    return any(w.islower() and w.endswith("s") and not w.endswith("ss")
               and "VERB" in word_classes(w) for w in re.findall(r"[\w'’]+", text))


_PICTURE_NOTE = re.compile(
    r"\b(?:[Ii]n this|This)\s+(?:(?:undated|handout|file|recent|family|police|aerial|"
    r"satellite|courtroom)\s+)*(?:photo(?:graph)?|image|picture|frame grab|video still)\b|"
    r"\bthis (?:photo(?:graph)?|image|picture) (?:provided|released|taken|obtained|"
    r"distributed) by\b|\b[A-Z][a-z]+, (?:left|right|center|centre), ")
"""A caption speaks of its picture: "In this photo provided by …", "This undated photo
shows …", "…, this photo released by the coast guard shows.", or places the people in it
("Pope Francis, left, and …")."""


_DATED = re.compile(rf"(?:,|\bon)\s+(?:{_WEEKDAY},?\s+)?{_MONTH_DAY},\s+{_YEAR_AT_END}")
"""The full date a picture was taken, closing its caption ("… at the pier, Jan. 20, 2015.",
"… on Oct. 22, 2018.")."""
_AT_PLACE_ON_A_DAY = re.compile(
    rf"\bin\s+[A-Z][\w.'’-]*(?:,\s+[A-Z][\w.'’-]*)+,\s+on\s+{_WEEKDAY}\.?$")
"""A caption's other closing: the town and country, then the weekday ("… in Sochi,
Russia, on Saturday.")."""
_SCENE_VERB = re.compile(
    r"\b(?:(?:is|are) seen|speaks?|listens?|gestures?|waves?|poses?|looks? on|attends?|"
    r"reacts?|greets?|pauses?|smiles?|prays?|shakes? hands|takes? part|arrives?|walks?|"
    r"visits?|inspects?|sits?|stands?)\b")
"""What people in a picture do ("speaks", "looks on", "is seen"), not states a report
gives in the present ("holds the record", "stands at 5 %")."""
_NOT_NOW = frozenset("to not never will would can could may might must should shall did does "
                     "do".split())
"""Words before a verb that make it other than a picture's present ("could not attend")."""


_PICTURE_WORDS = ("hoto", "mage", "icture", "rame grab", "ideo still", ", left, ", ", right, ",
                  ", center, ", ", centre, ")
"""Literals one of which `_PICTURE_NOTE` needs (a substring test is far cheaper than the
search, and almost no sentence has one)."""


def _speaks_of_a_picture(text: str) -> bool:
    return any(map(text.__contains__, _PICTURE_WORDS)) and bool(_PICTURE_NOTE.search(text))


def _shows_a_scene(text: str) -> bool:
    """Is `text` a caption telling what a picture shows, in the present tense, closing on
    the full date it was taken ("Mayor Holt speaks at the pier in Orrin on Oct. 22, 2018.",
    "The pier is seen before the storm, Jan. 20, 2015.") or on its town, country and
    weekday ("… takes part in a hockey match in Sochi, Russia, on Saturday.")? News
    reports what happened in the past tense; a caption describes the scene as it is in
    the frame."""
    dated = text.rstrip(". ")[-4:].isdigit() and _DATED.search(text)
    if not dated and not _AT_PLACE_ON_A_DAY.search(text):
        return False  # a caption closes on the year of its date, or on its place and day
    for verb in _SCENE_VERB.finditer(text):
        before = text[:verb.start()].split()[-1:]
        if not before or (before[0].lower() not in _NOT_NOW
                          and not before[0].lower().endswith("n't")):
            return True
    return False
