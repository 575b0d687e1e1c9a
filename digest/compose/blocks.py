"""Markdown body → compose's paragraphs: the blocks of `digest.text.blocks` (paragraphs,
headings, list items, block quotes, media), numbered, each with its plain text.

The block kinds are kept so later stages can decide what may be quoted (`sentences`
numbers the sentences of every block); here inline markdown and HTML are reduced to their
text and scraped entities decoded. Pure functions; same input, same output.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from digest.text.blocks import HEADING, ITEM, MEDIA, QUOTE, TEXT, read_blocks

__all__ = ["HEADING", "ITEM", "MEDIA", "QUOTE", "TEXT", "Paragraph", "split_paragraphs",
           "strip_inline"]

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_AUTOLINK = re.compile(r"<(https?://[^>]+)>")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_EMPH = re.compile(r"(\*\*|__|\*|`)")


@dataclass(frozen=True)
class Paragraph:
    """One block of the markdown body."""

    index: int
    """0-based block number in the body."""
    kind: str
    """`text`, `heading`, `item` (one list item), `quote` (block quote) or `media`."""
    markdown: str
    """The block as written (list marker and `>` kept), for the merged body."""
    plain: str
    """Inline markdown removed, whitespace folded: the text sentences come from."""



def split_paragraphs(markdown: str) -> tuple[Paragraph, ...]:
    """The blocks of a markdown body (`text.blocks.read_blocks`: fenced code left out),
    numbered, with their markdown and plain text."""
    return tuple(
        Paragraph(index=i, kind=b.kind,
                  markdown="\n".join(line.rstrip() for line in b.lines).strip("\n"),
                  plain="" if b.kind == MEDIA else strip_inline(b.inline))
        for i, b in enumerate(read_blocks(markdown)))


def strip_inline(text: str) -> str:
    """Plain text of inline markdown/HTML: links keep their text, marks go."""
    if "](" in text:
        text = _LINK.sub(r"\1", text)
    if "<" in text:
        text = _TAG.sub("", _AUTOLINK.sub(r"\1", text))
    if "*" in text or "_" in text or "`" in text:
        text = _EMPH.sub("", text)
    if "&" in text:  # scraped bodies keep entities ("xAI&#8217;s"): decoded before splitting
        text = html.unescape(text)
    if "\\" in text or "\u00a0" in text:
        text = text.replace("\\", "").replace("\u00a0", " ")
    if _INVISIBLE.search(text):  # scraped text hides zero-width spaces in words ("\u200bCNN")
        text = _INVISIBLE.sub("", text)
    return " ".join(text.split())


_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")
"""Soft hyphens and zero-width characters: invisible, but they split and join words."""
