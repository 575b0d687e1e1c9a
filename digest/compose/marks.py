"""Quotations and word edges as the compose stage's sentence rules read them: a rule
about the page's own words looks at a sentence with its quotations blanked out.
"""

from __future__ import annotations

import re

from digest.text.calendar import MONTHS, WEEKDAYS
from digest.text.saying import QUOTED

__all__ = ["CALENDAR", "NON_WORD", "QUOTED", "bare_word"]  # QUOTED lives with the verbs of saying

NON_WORD = re.compile(r"[^\w']")
"""What is not part of a word (an apostrophe is)."""
CALENDAR = WEEKDAYS + MONTHS
"""Day and month names: they say when, never who."""


def bare_word(word: str) -> str:
    """The word in lower case without punctuation, its apostrophe straight ("That’s" is
    "that's")."""
    return NON_WORD.sub("", word.replace("’", "'")).lower()
