"""Sentence case that leaves names alone."""

from __future__ import annotations


def capitalize_first(text: str) -> str:
    """`text` with its first letter in upper case, unless its first word is a name written
    with a lower-case first letter and a capital after it ("iOS 26 arrives", "xAI said",
    "eBay will"): "IOS" and "XAI" are not how their makers spell them."""
    if not text or text[1:2].isupper():
        return text
    return text[0].upper() + text[1:]


def small_first_name(word: str) -> bool:
    """Is `word` a name its makers spell with a small first letter and a capital after it
    ("iOS", "xAI", "eBay")? Such a word may open a sentence as it is."""
    return word[:1].islower() and word[1:2].isupper()
