"""Markdown body → blocks (`blocks.split_paragraphs`) → numbered sentences.

The blocks (headings, list items, block quotes, media) are `blocks`'; every block
gets its sentences numbered, so a sentence index points at the same text everywhere.
A heading is one sentence whole; other blocks are cut by `text.sentences`.
Pure functions; same input, same output.
"""

from __future__ import annotations

from dataclasses import dataclass

from digest.compose.blocks import HEADING, Paragraph, split_paragraphs
from digest.text.sentences import split_sentences


@dataclass(frozen=True)
class Sentence:
    """One sentence with the place it came from."""

    text: str
    index: int
    """0-based number among all sentences of the body (headings and items included)."""
    paragraph: int
    """Index of its `Paragraph`."""
    position: int
    """0-based number within its paragraph."""
    kind: str
    """The kind of its paragraph."""


def document_sentences(markdown: str) -> tuple[Sentence, ...]:
    """Every sentence of a markdown body, numbered in reading order."""
    return sentences_of(split_paragraphs(markdown))


def sentences_of(paragraphs: tuple[Paragraph, ...]) -> tuple[Sentence, ...]:
    """The sentences of already split paragraphs (headings are one sentence)."""
    out: list[Sentence] = []
    for para in paragraphs:
        pieces = [para.plain] if para.kind == HEADING else split_sentences(para.plain)
        for position, piece in enumerate(p for p in pieces if p):
            out.append(Sentence(text=piece, index=len(out), paragraph=para.index,
                                position=position, kind=para.kind))
    return tuple(out)
