"""The HTML of plain markdown without markdown-it: most of the render stage's time is
markdown-it parsing source texts that are only paragraphs, `#` headings, one-line
`- ` items and one-line `> ` quotes of words that need no inline markup.

`plain_html` renders exactly that subset, byte for byte as `make_markdown`'s
markdown-it renders it (a test compares the two), and declines everything else:
a character that can start inline markup, an entity or a hard break anywhere;
a line with leading or trailing space; a line starting with any other block marker;
more than one blank line in a row; a list or quote line beside a line of another
kind (lazy continuation). Items one blank line apart make one loose list, as in
markdown-it. No HTML or link is left, so the result holds under every `MarkdownConfig`.
"""

from __future__ import annotations

import re

_MARKUP = re.compile(r"[\\`*_\[\]<&~|\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]")
"""Characters that may start inline markup, an entity, a table or a code span, and
control characters markdown-it treats apart (tabs, carriage returns, NUL)."""
_HEADING = re.compile(r"(#{1,6}) ([^\s#][^#]*)")
_ITEM = re.compile(r"([->]) (\S.*)")
_MARKER_START = re.compile(r"[!#%+\-.\/:;=>?@^{}]|\d{1,9}[.)]")
"""A line (or an item's or quote's text) starting so may open a block: declined.
ASCII punctuation a text may start with is only '"', "'", '(', ')', ',' and '$'."""


def plain_html(text: str) -> str | None:
    """The HTML markdown-it renders for `text` when it is in the plain subset (module
    docstring), else None."""
    if _MARKUP.search(text) is not None:
        return None
    out: list[str] = []
    items: list[list[str]] = []  # the list being read: its items by chunk
    for chunk in text.split("\n\n"):
        lines = chunk.split("\n")
        if not chunk or not all(lines):  # a blank line of its own: not in the subset
            return None
        if any(line != line.strip() for line in lines):
            return None
        first = _ITEM.fullmatch(lines[0])
        if first is not None and first.group(1) == "-":
            texts = _container_texts("-", lines)
            if texts is None:
                return None
            items.append(texts)
            continue
        html = _quote_html(lines) if first is not None else _blocks_html(lines)
        if html is None:
            return None
        out.append(_list_html(items))
        items = []
        out.append(html)
    out.append(_list_html(items))
    return "".join(out)


def _list_html(chunks: list[list[str]]) -> str:
    """One list of the items of consecutive chunks: loose (each item a paragraph) when
    a blank line separates two of them."""
    if not chunks:
        return ""
    texts = [text for chunk in chunks for text in chunk]
    if len(chunks) == 1:
        return "<ul>\n" + "".join(f"<li>{text}</li>\n" for text in texts) + "</ul>\n"
    return "<ul>\n" + "".join(f"<li>\n<p>{text}</p>\n</li>\n" for text in texts) + "</ul>\n"


def _quote_html(lines: list[str]) -> str | None:
    """A quote of one paragraph, when every line is a `> ` line of plain text."""
    texts = _container_texts(">", lines)
    if texts is None:
        return None
    return "<blockquote>\n<p>" + "\n".join(texts) + "</p>\n</blockquote>\n"


def _container_texts(marker: str, lines: list[str]) -> list[str] | None:
    """The escaped texts of lines that all start with `marker` and a space, then plain
    text; else None."""
    texts = []
    for line in lines:
        match = _ITEM.fullmatch(line)
        if match is None or match.group(1) != marker or _MARKER_START.match(match.group(2)):
            return None
        texts.append(_escape(match.group(2)))
    return texts


def _blocks_html(lines: list[str]) -> str | None:
    """Paragraphs and headings of lines between blank lines; None when a line starts
    with any other block marker."""
    out: list[str] = []
    paragraph: list[str] = []
    for line in lines:
        heading = _HEADING.fullmatch(line) if line[0] == "#" else None
        if heading is not None:
            out.append(_paragraph(paragraph))
            paragraph = []
            level = len(heading.group(1))
            out.append(f"<h{level}>{_escape(heading.group(2))}</h{level}>\n")
        elif _MARKER_START.match(line) is not None:
            return None
        else:
            paragraph.append(line)
    out.append(_paragraph(paragraph))
    return "".join(out)


def _paragraph(lines: list[str]) -> str:
    return f"<p>{_escape(chr(10).join(lines))}</p>\n" if lines else ""


def _escape(text: str) -> str:
    """markdown-it's escaping of text without '&' or '<'."""
    return text.replace(">", "&gt;").replace('"', "&quot;")
