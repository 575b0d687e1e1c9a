"""Markdown body → blocks, read from markdown-it's block tokens and their line maps.

markdown-it decides the structure (fenced code, block quotes, lists, headings, tables,
paragraphs); each block keeps the source lines it came from and its inline text with
the block marker ("## ", "- ", "> ") removed. Inline markdown is left as written:
what to do with links, tags and entities is the reader's policy (compose and grouping
differ). Pure functions; same input, same output.

Scraped bodies are not CommonMark written by hand, so the grammar is picked on purpose
(`_RULES`) and three scraped-text habits are read as a person would:
- a line of only images, or a row starting with "|", is media on its own even inside
  a paragraph (figures and table debris glued to the text);
- a line that is not indented ends a list item or quote (CommonMark's "lazy
  continuation" would glue the next paragraph, or front-matter debris, to it);
- a heading or list marker with nothing after it is read as the text it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

from digest.text import plainmd
from digest.text.plainmd import HEADING, ITEM, QUOTE, TEXT

MEDIA = "media"

_RULES = ("table", "fence", "blockquote", "hr", "list", "heading", "paragraph")
"""The block rules read. Left out: indented code (scraped text is often indented), setext
headings ("---" under a line is a separator or debris in scraped text), raw HTML blocks
(tags are inline markup to strip) and link reference definitions (kept as text, not
swallowed). Thematic breaks are parsed, so that "- - - - ..." is one line and not dozens
of nested lists, but read as the text or item they look like (`_break`)."""

_HEADING = re.compile(r"^#{1,6}\s+")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_MEDIA_LINE = re.compile(r"^\s*(?:!\[[^\]]*\]\([^)]*\)\s*)+$|^\s*\|")
_MAX_NESTING = 200
"""Past this depth markdown-it drops the rest of the body, and the commonmark preset's 20
is only ten list markers opening one line; scraped debris opens up to 49 ("- - - - ..."
rules with text glued on). A level costs about two stack frames, so 200 stays well
inside Python's recursion limit of 1,000."""
_MAX_ORDINAL_DIGITS = 3
"""More digits than this open a sentence with a number ("2024. It began"), not a list."""


@dataclass(frozen=True)
class Block:
    """One block of a markdown body."""

    kind: str
    """`text`, `heading`, `item` (one list item), `quote` (block quote) or `media`
    (images, table rows)."""
    line: int
    """0-based line of the body the block starts on."""
    lines: tuple[str, ...]
    """The block's source lines as written (markers kept)."""
    inline: str
    """The lines joined by spaces with the block marker removed: inline markdown, as
    written. Empty for media."""


def read_blocks(markdown: str) -> tuple[Block, ...]:
    """The blocks of a markdown body in reading order; fenced code is left out.
    Only "\\r\\n" line ends are folded (a lone "\\r" stays inside its line)."""
    source = (markdown or "").replace("\r\n", "\n")
    if not source:
        return ()
    plain = plainmd.plain_blocks(source)  # markdown-it would read these blocks alike
    if plain is not None:
        return tuple(_join_runs(map(_from_plain, plain)))
    return parsed_blocks(source)


def parsed_blocks(source: str) -> tuple[Block, ...]:
    """`read_blocks` of a non-empty body with "\n" line ends, read by markdown-it."""
    tokens: list[Token] = []
    # The block parser alone: inline parsing would double the cost, and core's
    # normalising would also fold a lone "\r" into a line break.
    _PARSER.block.parse(source, _PARSER, {}, tokens)
    return tuple(_join_runs(_walk(tokens, 0, len(tokens), source.split("\n"))))


def _from_plain(block: plainmd.PlainBlock) -> Block:
    """The block markdown-it's reading gives for a block of the plain subset."""
    if block.kind == QUOTE:  # as `_quote` strips the marks: the space stays
        return Block(QUOTE, block.line, block.lines, " ".join(" " + t for t in block.texts))
    return Block(block.kind, block.line, block.lines, " ".join(block.texts))


def _make_parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"maxNesting": _MAX_NESTING}).enable("table")
    parser.block.ruler.enableOnly(list(_RULES))
    return parser


_PARSER = _make_parser()
"""Read-only after it is made: `block.parse` keeps its state in a fresh `StateBlock`."""


def _walk(tokens: Sequence[Token], start: int, stop: int,
          lines: list[str]) -> Iterator[Block]:
    """The blocks of `tokens[start:stop]`, a run of sibling block tokens."""
    i = start
    while i < stop:
        token = tokens[i]
        end = _close(tokens, i)
        first, last = token.map or (0, 0)
        if token.type == "heading_open":
            yield _heading(first, lines[first])
        elif token.type == "paragraph_open":
            yield from _paragraph(first, lines[first:last])
        elif token.type == "blockquote_open":
            yield from _quote(first, lines[first:last])
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            yield from _list(tokens, i, end, lines)
        elif token.type == "hr":
            yield _break(first, lines[first])
        elif token.type == "table_open":
            yield from (Block(MEDIA, n, (lines[n],), "") for n in range(first, last))
        i = end + 1


def _join_runs(blocks: Iterator[Block]) -> Iterator[Block]:
    """Blocks with adjacent text lines (or adjacent quote lines) merged into one: a
    paragraph is its run of lines, wherever markdown-it cut it ("text" then "---")."""
    last: Block | None = None
    for block in blocks:
        if last is not None and block.kind == last.kind and block.kind in (TEXT, QUOTE) \
                and block.line == last.line + len(last.lines):
            last = Block(last.kind, last.line, last.lines + block.lines,
                         last.inline + " " + block.inline)
            continue
        if last is not None:
            yield last
        last = block
    if last is not None:
        yield last


def _close(tokens: Sequence[Token], i: int) -> int:
    """The index of the token closing `tokens[i]` (itself when it opens nothing)."""
    if tokens[i].nesting != 1:
        return i
    level, j = tokens[i].level, i + 1
    while not (tokens[j].nesting == -1 and tokens[j].level == level):
        j += 1
    return j


def _heading(line: int, source: str) -> Block:
    stripped = source.strip()
    if not _HEADING.match(stripped):  # "###" alone: a marker with nothing after it
        return Block(TEXT, line, (source,), source)
    return Block(HEADING, line, (source,), _HEADING.sub("", stripped))


def _break(line: int, source: str) -> Block:
    """A thematic break, read as scraped text shows it: "- - -" as an item, "---" as text."""
    if _ITEM.match(source) and not source.startswith("    "):
        return Block(ITEM, line, (source,), _ITEM.sub("", source, count=1))
    return Block(TEXT, line, (source,), source)


def _paragraph(first: int, lines: Sequence[str]) -> Iterator[Block]:
    """A paragraph's runs of text lines, with each media line a block of its own (and a
    blank line, met where a whole list item is read as text, ending a run)."""
    run: list[str] = []
    for n, line in enumerate(lines, first):
        stripped = line.strip()
        if not stripped or _MEDIA_LINE.match(stripped):
            if run:
                yield Block(TEXT, n - len(run), tuple(run), " ".join(run))
                run = []
            if stripped:
                yield Block(MEDIA, n, (line,), "")
        else:
            run.append(line)
    if run:
        yield Block(TEXT, first + len(lines) - len(run), tuple(run), " ".join(run))


def _quote(first: int, lines: Sequence[str]) -> Iterator[Block]:
    """A block quote's runs of ">" lines; an unmarked (lazy) line is text of its own."""
    n = first
    for quoted, run in _runs(lines, lambda line: line.strip().startswith(">")):
        if quoted:
            yield Block(QUOTE, n, run, " ".join(line.strip().lstrip(">") for line in run))
        else:
            yield from _paragraph(n, run)
        n += len(run)


def _list(tokens: Sequence[Token], start: int, stop: int,
          lines: list[str]) -> Iterator[Block]:
    """Each item of a list (nested ones too) as a block; what follows an item's
    first paragraph inside the item is read as blocks of their own."""
    i = start + 1
    while i < stop:
        end = _close(tokens, i)  # tokens[i] is a list_item_open
        yield from _item(tokens, i, end, lines)
        i = end + 1


def _item(tokens: Sequence[Token], start: int, stop: int,
          lines: list[str]) -> Iterator[Block]:
    """One list item: its first paragraph (indented continuation lines included) is the
    item; unindented lines after it, and the item's later blocks, are blocks of their own."""
    first, last = tokens[start].map or (0, 0)
    marker = _ITEM.match(lines[first])
    if marker is None or _too_long(tokens[start]):  # a bare "+" or "1.", or "2024. It began"
        yield from _paragraph(first, lines[first:last])
        return
    child, own = start + 1, [lines[first]]
    head = tokens[child] if child < stop else None
    if head is not None and head.type == "paragraph_open":
        end = (head.map or (first, first + 1))[1]
        own = _item_lines(lines[first:end], marker.end())
        lazy = lines[first + len(own):end]
        child = _close(tokens, child) + 1
    else:
        lazy = []
        if head is not None and head.map and head.map[0] == first:
            child = _close(tokens, child) + 1  # "- - -", "- > x": the line is the item
    yield Block(ITEM, first, tuple(own), _ITEM.sub("", " ".join(own), count=1))
    yield from _paragraph(first + len(own), lazy)
    yield from _walk(tokens, child, stop, lines)


def _item_lines(lines: Sequence[str], indent: int) -> list[str]:
    """The first line of an item and the indented lines continuing it."""
    own = [lines[0]]
    for line in lines[1:]:
        if len(line) - len(line.lstrip()) < indent:
            break
        own.append(line)
    return own


def _too_long(item: Token) -> bool:
    return item.markup in (".", ")") and len(item.info) > _MAX_ORDINAL_DIGITS


def _runs(lines: Sequence[str],
          test: Callable[[str], bool]) -> Iterator[tuple[bool, tuple[str, ...]]]:
    """Consecutive lines grouped by `test`, in order."""
    run: list[str] = []
    for line in lines:
        if run and test(line) != test(run[0]):
            yield test(run[0]), tuple(run)
            run = []
        run.append(line)
    if run:
        yield test(run[0]), tuple(run)
