"""Words of text already folded to lower case, as the plain comparisons read them.

One pattern for every stage that compares texts by their letters and digits alone
(a title's words, a sentence's concepts, a line's comparison key). The stages keep
their own folding (`str.lower`, `str.casefold`, NFKC) and their own stop words.
"""

from __future__ import annotations

import re

ASCII_WORD = re.compile(r"[a-z0-9]+")
"""A run of lower-case ASCII letters and digits: anything else (an apostrophe, a
hyphen, an accented letter, a capital) separates words."""


def ascii_words(folded: str) -> list[str]:
    """The `ASCII_WORD` runs of `folded`, in order ("it's 5g-ready" → it, s, 5g, ready)."""
    return ASCII_WORD.findall(folded)
