"""Plain markdown read without markdown-it: most bodies (and most texts a page renders)
are only paragraphs, `#` headings, one-line `- ` items and one-line `> ` quotes of words
that need no inline markup, and for them markdown-it's block parser is most of the time
spent reading them.

`plain_blocks` reads exactly that subset and declines everything else (None): a
character that can start inline markup, an entity or a hard break anywhere; a line with
leading or trailing space; a line starting with any other block marker; more than one
blank line in a row, or one at either end; a list or quote line beside a line of another
kind (lazy continuation). Within it markdown-it would read the same blocks: the body
reader (`text.blocks.read_blocks`) and the renderer (`render.plainmd.plain_html`) both
take this path first, and tests compare each with markdown-it's own result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TEXT, HEADING, ITEM, QUOTE = "text", "heading", "item", "quote"
"""Block kinds, named as `digest.text.blocks` names them (it reads them from here)."""

_MARKUP = re.compile(r"[\\`*_\[\]<&~|\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]")
"""Characters that may start inline markup, an entity, a table or a code span, and
control characters markdown-it treats apart (tabs, carriage returns, NUL)."""
_HEADING = re.compile(r"(#{1,6}) ([^\s#][^#]*)")
_CONTAINER = re.compile(r"([->]) (\S.*)")
_MARKER_START = re.compile(r"[!#%+\-.\/:;=>?@^{}]|\d{1,9}[.)]")
"""A line (or an item's or quote's text) starting so may open a block: declined.
ASCII punctuation a text may start with is only '"', "'", '(', ')', ',' and '$'."""


@dataclass(frozen=True)
class PlainBlock:
    """One block of a plain text."""

    kind: str
    """`text` (a paragraph), `heading`, `item` (one line) or `quote` (one paragraph of `> `
    lines)."""
    line: int
    """0-based line of the text the block starts on."""
    lines: tuple[str, ...]
    """Its lines as written (markers kept)."""
    texts: tuple[str, ...]
    """Each line without its marker ("## ", "- ", "> ")."""
    chunk: int
    """Which blank-line-separated chunk of the text it is in: items of consecutive chunks
    make one loose list."""
    level: int = 0
    """A heading's level (1-6); 0 for the other kinds."""


def plain_blocks(text: str) -> tuple[PlainBlock, ...] | None:
    """The blocks of `text` in reading order when it is in the plain subset (module
    docstring), else None."""
    if not text or _MARKUP.search(text) is not None:
        return None
    out: list[PlainBlock] = []
    line = 0
    for chunk, part in enumerate(text.split("\n\n")):
        lines = part.split("\n")
        if not part or not all(lines) or any(ln != ln.strip() for ln in lines):
            return None  # a blank line of its own, or space at a line's edge
        first = _CONTAINER.fullmatch(lines[0])
        found = _container(first.group(1), lines, line, chunk) if first is not None else \
            _paragraphs(lines, line, chunk)
        if found is None:
            return None
        out.extend(found)
        line += len(lines) + 1
    return tuple(out)


def _container(marker: str, lines: list[str], line: int,
               chunk: int) -> list[PlainBlock] | None:
    """One-line items (`marker` "-") or one quote (">"), when every line starts with
    `marker` and a space, then plain text; else None."""
    texts = []
    for text in lines:
        match = _CONTAINER.fullmatch(text)
        if match is None or match.group(1) != marker or _MARKER_START.match(match.group(2)):
            return None
        texts.append(match.group(2))
    if marker == ">":
        return [PlainBlock(QUOTE, line, tuple(lines), tuple(texts), chunk)]
    return [PlainBlock(ITEM, line + k, (lines[k],), (text,), chunk)
            for k, text in enumerate(texts)]


def _paragraphs(lines: list[str], line: int, chunk: int) -> list[PlainBlock] | None:
    """Paragraphs and headings of lines between blank lines; None when a line starts
    with any other block marker."""
    out: list[PlainBlock] = []
    run: list[str] = []
    for n, text in enumerate(lines, line):
        heading = _HEADING.fullmatch(text) if text[0] == "#" else None
        if heading is not None:
            if run:
                out.append(PlainBlock(TEXT, n - len(run), tuple(run), tuple(run), chunk))
                run = []
            out.append(PlainBlock(HEADING, n, (text,), (heading.group(2),), chunk,
                                  len(heading.group(1))))
        elif _MARKER_START.match(text) is not None:
            return None
        else:
            run.append(text)
    if run:
        end = line + len(lines)
        out.append(PlainBlock(TEXT, end - len(run), tuple(run), tuple(run), chunk))
    return out
