"""Who wrote an article, from its body: the byline lines `digest.content.clean` removed,
and whether the author field names a site rather than a person."""

from __future__ import annotations

import re

from digest.content.model import RemovedLine

_BY = re.compile(r"By (?P<names>.+)")
_PERSON = re.compile(r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]*){1,3}")
_NAME_LIST = re.compile(r",? (?:and|&) |, ")
_PUBLISHER = re.compile(r"\b(?:news|blog|media|team|staff|desk|editors?|admin|wire|press|"
                        r"digest|daily|weekly|online|site|feed|bot)\b|\.(?:com|net|org|io)\b|"
                        r"^[^\s]*[a-z][A-Z][^\s]*$|^\S+$", re.IGNORECASE)
"""An author field naming a site rather than a person: "AIVibe", "TechNews Team",
"example.com", a single word."""


def byline_authors(removed: tuple[RemovedLine, ...]) -> tuple[str, ...]:
    """The people a body's byline names, from the lines `clean_body` removed as one
    ("By Jane Doe and Sam Lee"; "Jane Doe, Senior Editor  Aug. 26, 2025 at 2:48 p.m. PT"
    under a "Written by" label): each a person-shaped name, in order, once."""
    names: list[str] = []
    for line in removed:
        if line.rule == "byline":
            found = _BY.fullmatch(line.text)
            parts = _NAME_LIST.split(found.group("names")) if found else []
        elif line.rule == "byline_dateline":
            parts = [line.text.split(",", 1)[0]]
        else:
            continue
        for part in parts:
            part = part.strip()
            if _PERSON.fullmatch(part) and part not in names:
                names.append(part)
    return tuple(names)


def is_publisher_name(author: str) -> bool:
    """Does an author field name a site or a republishing blog rather than a person?"""
    return _PUBLISHER.search(author.strip()) is not None

