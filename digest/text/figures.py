"""Figures as written in news text: one reading of numbers, scales and years.

Grouping (`digest.group.facts`, `digest.group.features`) and composing
(`digest.compose.features`, `digest.compose.disagree`, `trim`, `brief_aspects`)
each find figures with their own patterns (what counts as money, a count, a
score), but read what they find here: a written number ("1,200.50") and its
plain form ("1200.5"), a scale word ("bn", "million") and what it multiplies
by, a year. It imports no stage.
"""

from __future__ import annotations

import re

NUMBER = r"\d[\d,]*(?:\.\d+)?"
"""Pattern of a number as written: digits with thousands commas and a decimal part
("1,200.50"; a trailing comma is taken too and dropped by `plain_number`)."""

SCALES = {"thousand": "k", "k": "k", "million": "m", "m": "m", "mn": "m", "billion": "b",
          "bn": "b", "b": "b", "trillion": "t", "tn": "t", "t": "t"}
"""Scale word → its letter ("bn" → "b"), lower case."""

MULTIPLIERS = {"k": 1e3, "m": 1e6, "b": 1e9, "t": 1e12}
"""Scale letter → what it multiplies by."""

_DIGIT = re.compile(r"\d")


def has_digit(text: str) -> bool:
    """Whether `text` holds a digit: a figure may be in it."""
    return _DIGIT.search(text) is not None


def plain_number(written: str) -> str:
    """A written number without thousands commas and trailing decimal zeros, so that one
    number written two ways is one string: "1,200.50" → "1200.5", "3.0" → "3"."""
    written = written.replace(",", "")
    if "." in written:
        written = written.rstrip("0").rstrip(".") or "0"
    return written


def is_year(number: str) -> bool:
    """Whether a plain number (`plain_number`) reads as a year, 1900 to 2099."""
    return len(number) == 4 and number.isdigit() and number[:2] in ("19", "20")
