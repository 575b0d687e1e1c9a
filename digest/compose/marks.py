"""Quotations and word edges as the compose stage's sentence rules read them: a rule
about the page's own words looks at a sentence with its quotations blanked out.
"""

from __future__ import annotations

import re

from digest.text.calendar import MONTHS, WEEKDAYS

QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
"""A quotation, straight or curly marks."""
NON_WORD = re.compile(r"[^\w']")
"""What is not part of a word (an apostrophe is)."""
CALENDAR = WEEKDAYS + MONTHS
"""Day and month names: they say when, never who."""
