"""Headlines as scraped feeds write them: site names trimmed off."""

from __future__ import annotations

import re

from digest.content.outlets import KNOWN_OUTLETS

_SUFFIX = re.compile(r"\s+[|–—•·-]\s+(?P<site>[^|–—•·]{2,40})$")


def clean_headline(title: str, outlet: str) -> str:
    """Drop a trailing site name (" | TechCrunch", " - The Verge") from a headline."""
    match = _SUFFIX.search(title)
    if match and _is_site_name(match.group("site"), outlet):
        return title[: match.start()].strip()
    return title.strip()


def _is_site_name(text: str, outlet: str) -> bool:
    """True for the outlet's own name, a known outlet's name, or a bare domain."""
    folded = text.strip().casefold().replace(" ", "")
    names = {outlet.casefold().replace(" ", "")}
    names |= {name.casefold().replace(" ", "") for name in KNOWN_OUTLETS.values()}
    return folded in names or re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+)+", folded) is not None


_CAPTION = re.compile(
    r"^(?:FILE\s*[-–—]|Image\s+(?:copyright|caption)\b|[\w.]+/Getty\s+Images\b|"
    r"(?:AP|AFP|Reuters)\s+Photo\b)|\bfile\s+photo\b|\bImage\s+caption\b|\bCREDIT:\s",
    re.IGNORECASE)


def is_caption(title: str) -> bool:
    """Is `title` a photo's caption or credit ("FILE - In this 2004 file photo, …",
    "Image copyright AFP Image caption …", "AFP/Getty Images LeBron James …") that a
    scraper took for the headline? It says what a picture shows, not what happened."""
    return _CAPTION.search(title) is not None


_BYLINE = re.compile(r"By (?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w.'’-]*\s*(?:[,/|]|$)")


def is_byline(title: str) -> bool:
    """Is `title` a byline a scraper took for the headline ("By Sgt. Dana Holt, 7th Wing
    Public Affairs / Published …")? It says who wrote, not what happened."""
    return _BYLINE.match(title) is not None
