"""Markdown body → blocks: paragraphs, headings, list items, block quotes and media,
each with its plain text.

Headings, list items, block quotes, images, tables and code are told apart so later
stages can decide what may be quoted (`sentences` numbers the sentences of every block);
inline markdown and HTML are reduced to their text and scraped entities decoded.
Pure functions; same input, same output.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

TEXT, HEADING, ITEM, QUOTE, MEDIA = "text", "heading", "item", "quote", "media"

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_AUTOLINK = re.compile(r"<(https?://[^>]+)>")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_EMPH = re.compile(r"(\*\*|__|\*|`)")
_HEADING = re.compile(r"^#{1,6}\s+")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_MEDIA = re.compile(r"^\s*(?:!\[[^\]]*\]\([^)]*\)\s*)+$|^\s*\|")
_FENCE = re.compile(r"^\s*(```|~~~)")



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
    """Blocks of a markdown body: blank-line separated, each heading line and
    list item its own block; fenced code is dropped."""
    blocks: list[tuple[str, list[str]]] = []
    in_fence = False
    for line in (markdown or "").replace("\r\n", "\n").split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
            blocks.append(("", []))
            continue
        if in_fence:
            continue
        kind = _line_kind(line)
        if kind is None:
            blocks.append(("", []))
        elif kind in (HEADING, ITEM, MEDIA) or not blocks or blocks[-1][0] != kind:
            blocks.append((kind, [line]))
        else:
            blocks[-1][1].append(line)
        if kind in (HEADING, MEDIA):
            blocks.append(("", []))
    return tuple(_paragraph(i, kind, lines)
                 for i, (kind, lines) in enumerate(b for b in blocks if b[1]))


def _line_kind(line: str) -> str | None:
    stripped = line.strip()
    if not stripped:
        return None
    if _HEADING.match(stripped):
        return HEADING
    if _ITEM.match(line) and not line.startswith("    "):
        return ITEM
    if stripped.startswith(">"):
        return QUOTE
    if _MEDIA.match(stripped):
        return MEDIA
    return TEXT


def _paragraph(index: int, kind: str, lines: list[str]) -> Paragraph:
    markdown = "\n".join(line.rstrip() for line in lines).strip("\n")
    body = " ".join(lines)
    if kind == HEADING:
        body = _HEADING.sub("", body.strip())
    elif kind == ITEM:
        body = _ITEM.sub("", body, count=1)
    elif kind == QUOTE:
        body = " ".join(line.strip().lstrip(">") for line in lines)
    plain = "" if kind == MEDIA else strip_inline(body)
    return Paragraph(index=index, kind=kind, markdown=markdown, plain=plain)


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
