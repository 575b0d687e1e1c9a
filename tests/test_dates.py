import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from digest.content.dates import parse_date

BERLIN = ZoneInfo("Europe/Berlin")
UTC = dt.timezone.utc

CASES = [
    ("2025-12-21", dt.datetime(2025, 12, 21, tzinfo=BERLIN)),
    ("2025-12-21T08:30:00Z", dt.datetime(2025, 12, 21, 8, 30, tzinfo=UTC)),
    ("2025-12-21 08:30", dt.datetime(2025, 12, 21, 8, 30, tzinfo=BERLIN)),
    ("Dec 21, 2025", dt.datetime(2025, 12, 21, tzinfo=BERLIN)),
    ("21 December 2025", dt.datetime(2025, 12, 21, tzinfo=BERLIN)),
    ("December 21, 2025 08:30 UTC", dt.datetime(2025, 12, 21, 8, 30, tzinfo=UTC)),
    ("2025-11-03T06:30:00+01:00", dt.datetime(2025, 11, 3, 5, 30, tzinfo=UTC)),
    (dt.date(2025, 1, 2), dt.datetime(2025, 1, 2, tzinfo=BERLIN)),
]


@pytest.mark.parametrize(("value", "expected"), CASES, ids=[str(c[0]) for c in CASES])
def test_accepted_spellings(value, expected):
    parsed = parse_date(value, BERLIN)
    assert parsed == expected
    assert parsed.tzinfo is not None


@pytest.mark.parametrize("value", ["soon", "2025-13-45", "", 42, None, "yesterday at noon"])
def test_unreadable_dates_say_what_is_accepted(value):
    with pytest.raises(ValueError, match="date"):
        parse_date(value, BERLIN)
