"""URL-safe names derived from titles."""

from __future__ import annotations

import hashlib
import unicodedata

_SYMBOLS = {"+": " plus ", "#": " sharp "}
"""Spelled out in topic slugs, so "C++" and "C#" do not both become "c"."""


def slugify(text: str, max_length: int = 80) -> str:
    """Lowercase words joined by hyphens, cut at a word boundary.

    Latin accents are folded ("Café" → "cafe"); letters of other scripts are kept as
    they are ("Интернет вещей" → "интернет-вещей", as Hugo does), so a non-Latin title
    gets a readable slug. An empty result becomes "untitled".
    """
    kept = (ch if unicodedata.category(ch)[0] in "LMN" else " " for ch in _fold_latin(text))
    slug = "-".join("".join(kept).lower().split())
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug or "untitled"


def topic_slug(name: str) -> str:
    """A topic's slug: `slugify` with "+" and "#" spelled out ("C++" → "c-plus-plus")."""
    return slugify("".join(_SYMBOLS.get(ch, ch) for ch in name))


def distinct_slug(slug: str, name: str) -> str:
    """`slug` made distinct for `name` when another name has it too: a stable suffix
    from the name itself, so it never depends on which other names there are."""
    return f"{slug}-{hashlib.blake2b(name.encode('utf-8'), digest_size=3).hexdigest()}"


def _fold_latin(text: str) -> str:
    """NFKC text with the accents of Latin letters removed (other scripts untouched:
    removing a Cyrillic breve or a Devanagari vowel sign would change the word)."""
    if text.isascii():  # NFKC and NFD leave ASCII as it is, and it has no accents
        return text
    out: list[str] = []
    for ch in unicodedata.normalize("NFKC", text):
        decomposed = unicodedata.normalize("NFD", ch)
        if decomposed[0].isascii() and decomposed[0].isalpha():
            out.append(decomposed[0])
        elif unicodedata.category(ch) == "Mn" and out and out[-1].isascii():
            continue
        else:
            out.append(ch)
    return "".join(out)
