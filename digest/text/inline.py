"""Inline markdown and HTML → plain text.

The patterns for links, images, tags and emphasis live here once; each reader keeps its
own policy on top: `strip_inline` (compose's sentences) keeps link and image text and
drops the marks; grouping (`group.features.plain`) drops images and URLs as well; the
cleaning rules (`content.scraped.plain_text`) drop images and keep link text.
Pure functions; same input, same output.
"""

from __future__ import annotations

import html
import re

LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
"""A markdown link (or the part of an image after its "!"); group 1 is its text."""
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
"""A markdown image."""
_LINK_OR_IMAGE = re.compile(r"!?" + LINK.pattern)
"""A link or an image; group 1 is its text or alt text. (Not `LINK` for grouping: the
optional "!" costs the search its literal first character, a third of `plain`'s time.)"""
TAG = re.compile(r"</?[a-zA-Z][^>]*>")
"""An HTML tag: "<" then a letter, so "<1 or >2" in a sentence is text."""
_AUTOLINK = re.compile(r"<(https?://[^>]+)>")
_EMPHASIS = re.compile(r"(\*\*|__|\*|`)")
_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")
"""Soft hyphens and zero-width characters: invisible, but they split and join words."""


def strip_inline(text: str) -> str:
    """Plain text of inline markdown/HTML: links and images keep their text, tags and
    emphasis marks go, entities are decoded and whitespace is folded."""
    if "](" in text:
        text = _LINK_OR_IMAGE.sub(r"\1", text)
    if "<" in text:
        text = TAG.sub("", _AUTOLINK.sub(r"\1", text))
    if "*" in text or "_" in text or "`" in text:
        text = _EMPHASIS.sub("", text)
    if "&" in text:  # scraped bodies keep entities ("xAI&#8217;s"): decoded before splitting
        text = html.unescape(text)
    if "\\" in text or "\u00a0" in text:
        text = text.replace("\\", "").replace("\u00a0", " ")
    if _INVISIBLE.search(text):  # scraped text hides zero-width spaces in words ("\u200bCNN")
        text = _INVISIBLE.sub("", text)
    return " ".join(text.split())
