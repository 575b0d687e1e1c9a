"""Headlines as scraped feeds write them: site names, labels and datelines trimmed off,
and lines a scraper took for a headline (a photo caption, a byline, a time stamp, a
share widget) told apart from headlines."""

from __future__ import annotations

import re

from digest.content.outlets import KNOWN_OUTLETS
from digest.text.calendar import MONTHS

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
    r"(?:AP|AFP|Reuters)\s+Photo\b|In\s+(?:this|these)\s+(?:[^,]{1,40},\s+)?(?:\d{4},?\s+)?"
    r"(?:file\s+|undated\s+|handout\s+)?(?:photos?|images?|pictures?)\b)|\bfile\s+photo\b|"
    r"\bImage\s+caption\b|\bCREDIT:\s|\(?\bPhotos?:\s",
    re.IGNORECASE)


def is_caption(title: str) -> bool:
    """Is `title` a photo's caption or credit ("FILE - In this 2004 file photo, …", "In
    this May 2, 2019, photo, …", "Image copyright AFP Image caption …", "AFP/Getty Images
    LeBron James …", "… (Photo: City Police)") that a
    scraper took for the headline? It says what a picture shows, not what happened."""
    return _CAPTION.search(title) is not None


_BYLINE = re.compile(r"By (?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w.'’-]*\s*(?:[,/|]|$)")


def is_byline(title: str) -> bool:
    """Is `title` a byline a scraper took for the headline ("By Sgt. Dana Holt, 7th Wing
    Public Affairs / Published …")? It says who wrote, not what happened."""
    return _BYLINE.match(title) is not None


_LABEL = re.compile(r"^(?:(?:UPDATED?|Updated?|BREAKING|Breaking|WATCH|VIDEO)\s*:|"
                    r"Story highlights\b|CLOSE(?=\s+[A-Z]))\s*(?=\S)")
_STAMP = re.compile(r"\b\d{1,2}:\d{2}\s*(?:[AP]\.?M\.?|[ap]\.m\.)", re.IGNORECASE)
_PLACE_ONLY = re.compile(r"[A-Z]{3,}[A-Z .'’-]*(?:, [A-Z][a-z]+\.?)?")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_MONTHS = frozenset(MONTHS)
_SHARE_WORDS = frozenset("share tweet pin email print comment comments facebook twitter "
                         "linkedin reddit whatsapp save".split())


def without_label(title: str) -> str:
    """`title` without a page's label before it ("UPDATE: …", "Breaking: …", "Story
    highlights …", "CLOSE …" of a video player)."""
    return _LABEL.sub("", title, count=1)


def is_page_furniture(title: str) -> bool:
    """Is `title` a line of the page around the article that a scraper took for its
    headline: a time stamp ("Associated Press Tue Feb 19, 2013 7:44 PM"), a dateline
    alone ("MENASHA, Wis"), or share buttons ("share tweet pin email")?"""
    words = title.lower().split()
    stamp = _STAMP.search(title) is not None and (
        _YEAR.search(title) is not None or not _MONTHS.isdisjoint(re.findall(r"[A-Z][a-z]+", title)))
    return stamp or _PLACE_ONLY.fullmatch(title.strip()) is not None \
        or bool(words) and all(w.strip(".,|") in _SHARE_WORDS for w in words)
