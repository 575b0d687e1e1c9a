"""The names of the days of the week and of the months, in calendar order.

Several stages treat them alike: they say when, never who (not a name a pronoun can
stand for, not a model or product name), and two sources giving different weekdays
for one event disagree. Each keeps its own case and extra words on top of these.
"""

from __future__ import annotations

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
SHORT_MONTHS = ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
                "dec")
"""Short forms of the months, lower case ("may" has none: it is a verb too)."""
