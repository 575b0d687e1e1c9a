"""Outlet names for well-known news domains.

Scraped feeds often give only the source URL; the outlet shown in the
sources list comes from this table, else from the bare domain.
"""

from __future__ import annotations

from urllib.parse import urlsplit

KNOWN_OUTLETS = {
    "apnews.com": "AP News",
    "arstechnica.com": "Ars Technica",
    "bbc.co.uk": "BBC",
    "bbc.com": "BBC",
    "bloomberg.com": "Bloomberg",
    "cnbc.com": "CNBC",
    "cnet.com": "CNET",
    "engadget.com": "Engadget",
    "ft.com": "Financial Times",
    "gizmodo.com": "Gizmodo",
    "nytimes.com": "The New York Times",
    "reuters.com": "Reuters",
    "techcrunch.com": "TechCrunch",
    "theguardian.com": "The Guardian",
    "theverge.com": "The Verge",
    "venturebeat.com": "VentureBeat",
    "washingtonpost.com": "The Washington Post",
    "wired.com": "Wired",
    "wsj.com": "The Wall Street Journal",
    "zdnet.com": "ZDNET",
}


def domain_of(url: str) -> str:
    """The URL's host without a leading "www." ("" when it has none)."""
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def outlet_from_url(url: str | None) -> str | None:
    """The outlet's name for `url`: the known name of its domain, else the domain."""
    if not url:
        return None
    host = domain_of(url)
    if not host:
        return None
    parts = host.split(".")
    for start in range(len(parts) - 1):
        name = KNOWN_OUTLETS.get(".".join(parts[start:]))
        if name:
            return name
    return host
