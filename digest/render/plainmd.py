"""The HTML of plain markdown without markdown-it: most of the render stage's time is
markdown-it parsing source texts that are only paragraphs, `#` headings, one-line
`- ` items and one-line `> ` quotes of words that need no inline markup.

`plain_html` renders exactly that subset (`digest.text.plainmd.plain_blocks`), byte for
byte as `make_markdown`'s markdown-it renders it (a test compares the two), and declines
everything else. Items one blank line apart make one loose list, as in markdown-it. No
HTML or link is left, so the result holds under every `MarkdownConfig`.
"""

from __future__ import annotations

from collections.abc import Sequence

from digest.text.plainmd import HEADING, ITEM, QUOTE, PlainBlock, plain_blocks


def plain_html(text: str) -> str | None:
    """The HTML markdown-it renders for `text` when it is in the plain subset (module
    docstring), else None."""
    blocks = plain_blocks(text)
    if blocks is None:
        return None
    out: list[str] = []
    items: list[PlainBlock] = []  # the list being read
    for block in blocks:
        if block.kind == ITEM:
            items.append(block)
            continue
        out.append(_list_html(items))
        items = []
        out.append(_block_html(block))
    out.append(_list_html(items))
    return "".join(out)


def _block_html(block: PlainBlock) -> str:
    """A paragraph, heading or quote."""
    if block.kind == HEADING:
        return f"<h{block.level}>{_escape(block.texts[0])}</h{block.level}>\n"
    if block.kind == QUOTE:
        return "<blockquote>\n<p>" + _escape("\n".join(block.texts)) + "</p>\n</blockquote>\n"
    return f"<p>{_escape(chr(10).join(block.texts))}</p>\n"


def _list_html(items: Sequence[PlainBlock]) -> str:
    """One list of consecutive items: loose (each item a paragraph) when a blank line
    separates two of them."""
    if not items:
        return ""
    texts = [_escape(item.texts[0]) for item in items]
    if len({item.chunk for item in items}) == 1:
        return "<ul>\n" + "".join(f"<li>{text}</li>\n" for text in texts) + "</ul>\n"
    return "<ul>\n" + "".join(f"<li>\n<p>{text}</p>\n</li>\n" for text in texts) + "</ul>\n"


def _escape(text: str) -> str:
    """markdown-it's escaping of text without '&' or '<'."""
    return text.replace(">", "&gt;").replace('"', "&quot;")
