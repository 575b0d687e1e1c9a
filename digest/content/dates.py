"""Publication dates in the spellings scraped feeds use."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

# Tried in order after ISO 8601; every one must match the whole string.
DATE_FORMATS = (
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y/%m/%d",
    "%Y/%m/%d %H:%M",
    "%b %d, %Y",
    "%b %d %Y",
    "%B %d, %Y",
    "%B %d %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d, %Y %H:%M",
    "%b %d, %Y %H:%M",
    "%d %B %Y %H:%M",
    "%a, %d %b %Y %H:%M:%S %z",
    "%a, %d %b %Y %H:%M:%S",
)

ACCEPTED_EXAMPLES = "2025-12-21, 2025-12-21T08:30:00Z, 2025-12-21 08:30, Dec 21, 2025, 21 December 2025"

_TZ_SUFFIX = re.compile(r"\s+(UTC|GMT|Z)$", re.IGNORECASE)


def parse_date(value: object, tz: ZoneInfo) -> dt.datetime:
    """Return `value` as a timezone-aware datetime; naive values are in `tz`.

    Accepts datetimes and dates (as YAML loads them) and strings in ISO 8601 or
    one of DATE_FORMATS. Raises ValueError with the accepted spellings otherwise.
    """
    if isinstance(value, dt.datetime):
        parsed = value
    elif isinstance(value, dt.date):
        parsed = dt.datetime(value.year, value.month, value.day)
    elif isinstance(value, str) and value.strip():
        parsed = _parse_string(value.strip())
    elif isinstance(value, (list, tuple, dict)):
        raise ValueError(f"field 'date' holds {len(value)} values; an article has one date")
    else:
        raise ValueError(f"expected a date, got {type(value).__name__} {value!r}")
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=tz)
    return parsed


def _parse_string(text: str) -> dt.datetime:
    utc = bool(_TZ_SUFFIX.search(text))
    text = _TZ_SUFFIX.sub("", text)
    try:
        parsed = dt.datetime.fromisoformat(text)
    except ValueError:
        parsed = _parse_with_formats(text)
    if utc and parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.timezone.utc)
    return parsed


def _parse_with_formats(text: str) -> dt.datetime:
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text)  # "Dec 21st, 2025"
    cleaned = re.sub(r"\s+", " ", cleaned).replace("Sept ", "Sep ")
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(cleaned, fmt)
        except ValueError:
            continue
    raise ValueError(f"cannot read the date {text!r}; write it like one of: {ACCEPTED_EXAMPLES}")
