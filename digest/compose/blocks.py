"""Markdown body → compose's paragraphs: the blocks of `digest.text.blocks` (paragraphs,
headings, list items, block quotes, media), numbered, each with its plain text.

The block kinds are kept so later stages can decide what may be quoted (`sentences`
numbers the sentences of every block); here inline markdown and HTML are reduced to their
text and scraped entities decoded (`text.inline.strip_inline`). Pure functions; same
input, same output.
"""

from __future__ import annotations

from dataclasses import dataclass

from digest.text.blocks import HEADING, ITEM, MEDIA, QUOTE, TEXT, read_blocks
from digest.text.inline import strip_inline

__all__ = ["HEADING", "ITEM", "MEDIA", "QUOTE", "TEXT", "Paragraph", "split_paragraphs"]


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
