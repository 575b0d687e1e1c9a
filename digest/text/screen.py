"""A cheap screen in front of a case-insensitive regex search.

Searching a sentence with an `re.IGNORECASE` pattern costs the regex engine a try at
every position; a substring test costs next to nothing. When every match of the
pattern holds one of a few literal words, a text without any of them (in lower
case) cannot match, and the search is skipped. Exact: `re.IGNORECASE` also
matches four non-ASCII characters to ASCII letters, and a text holding one of
them is always searched.
"""

from __future__ import annotations

FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")
"""The characters other than A-Z that `re.IGNORECASE` matches to an ASCII letter:
İ, ı, ſ and the Kelvin sign (`tests/test_text_screen.py` checks the list is complete)."""


def may_contain(text: str, low: str, needles: tuple[str, ...]) -> bool:
    """Could a case-insensitive pattern, every match of which holds one of `needles`
    (lower-case ASCII letters, literal in the pattern), match `text`? `low` is
    `text.lower()`. False only when no match is possible."""
    return any(map(low.__contains__, needles)) or \
        not text.isascii() and any(map(text.__contains__, FOLDS_TO_ASCII))  # isascii: O(1)
