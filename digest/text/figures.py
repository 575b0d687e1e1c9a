"""Figures as written in news text: one reading of numbers, scales and years.

Grouping (`digest.group.facts`, `digest.group.features`) and composing
(`digest.compose.features`, `digest.compose.disagree`, `trim`, `brief_aspects`)
each find figures with their own patterns (what counts as money, a count, a
score), but read what they find here: a written number ("1,200.50") or amount
("$4.1") and its plain form ("1200.5"), a scale word ("bn", "million") and what it
multiplies by, a year, and whether a figure found stands on its own. Both read each
figure they find with `read_figure` (sign, number, range, unit) and keep their own
policy on top: grouping its kinds (money, percent, score, count), composing its
comparable keys ("3.5b") and which scale words a money amount or a count may carry.
It imports no stage.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

CURRENCIES = "$€£"
"""The currency signs an amount of money is written with."""

NUMBER = r"\d(?:\d{0,2}(?:,\d{3})+(?!\d)|\d*)(?:\.\d+)?"
"""Pattern of a number as written: digits, well-formed thousands commas and a decimal part
("1,200.50"). A comma is part of a number only before exactly three digits: "12,34" is 12
followed by ",34", and "1,3-Butadiene" holds 1 and 3 (a list, not thirteen). It starts
with its first digit, not a group, so that a scan skips ahead fast (twice as fast)."""

FIGURE = rf"[{CURRENCIES}\d][\d,]*(?:\.\d+)?"
"""Pattern to scan for a number or an amount of money ("$4.1", "€30"): the sign stands in
for the first digit, so the pattern starts with a character class and a scan skips
ahead fast. It is lenient (a lone sign, any commas); `read_figure` reads the `NUMBER` at
its start and drops a lone sign."""

SCALES = {"thousand": "k", "k": "k", "million": "m", "m": "m", "mn": "m", "billion": "b",
          "bn": "b", "b": "b", "trillion": "t", "tn": "t", "t": "t"}
"""Scale word → its letter ("bn" → "b"), lower case."""

MULTIPLIERS = {"k": 1e3, "m": 1e6, "b": 1e9, "t": 1e12}
"""Scale letter → what it multiplies by."""


def scale_word(words: Iterable[str] = SCALES) -> str:
    """Pattern of one of `words`, scale words of `SCALES` (a stage may take fewer: not a bare
    "t", which may be tonnes), longest first ("mn" before "m"); lower case (compile with
    `re.IGNORECASE` for any case) and without a word boundary (add `\\b`)."""
    assert set(words) <= SCALES.keys(), words
    return "(?:" + "|".join(sorted(words, key=lambda word: (-len(word), word))) + ")"


SCALE_WORD = scale_word()
"""Pattern of any scale word (`scale_word`)."""

_DIGIT = re.compile(r"\d")
_READ = re.compile(rf"([{CURRENCIES}])?({NUMBER})(?:[-–](\d+))?\s?(\D*)")


@dataclass(frozen=True)
class Figure:
    """A figure as read from its written form ("$4.1 bn", "3-1", "5%")."""

    currency: str
    """Its currency sign, "" for none."""
    number: str
    """Its number, plain (`plain_number`): "1,200.50" → "1200.5"."""
    to: str | None
    """The number after a dash ("3-1", "10–12"), as written; None without one."""
    unit: str
    """What follows it, lower case and stripped: "%", "percent", a scale word, or ""."""

    @property
    def value(self) -> float:
        """The number as a float, without its scale."""
        return float(self.number)

    @property
    def scale(self) -> float | None:
        """What its scale word multiplies by ("bn" → 1e9); None without one."""
        letter = SCALES.get(self.unit)
        return None if letter is None else MULTIPLIERS[letter]

    @property
    def scaled(self) -> str:
        """Its number and scale letter as one string, so that one amount written two ways
        is one key: "3.5 billion" and "3.5bn" → "3.5b", "1,200" → "1200"."""
        return self.number + SCALES.get(self.unit, "")


@lru_cache(maxsize=1 << 16)  # figures repeat across articles; a Figure is immutable
def read_figure(written: str) -> Figure | None:
    """The figure written at the start of `written` (a currency sign, a number with
    well-formed thousands commas, a dash and a second number, a unit), or None when it
    does not start with one (a lone sign). Its number is plain, so "2025.0" is the year
    2025 and "3.50" is "3.5"."""
    found = _READ.match(written)
    if found is None:
        return None
    currency, number, to, unit = found.groups()
    return Figure(currency=currency or "", number=plain_number(number), to=to,
                  unit=unit.strip().lower())


def has_digit(text: str) -> bool:
    """Whether `text` holds a digit: a figure may be in it."""
    return _DIGIT.search(text) is not None


def standalone(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches of `pattern` in `text` that start a figure of their own: not glued to a
    word, a decimal point or a thousands comma before them ("A4", the "5" of "3.5")."""
    for match in pattern.finditer(text):
        start = match.start()
        if not start or not (text[start - 1].isalnum() or text[start - 1] in "_.,"):
            yield match


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
