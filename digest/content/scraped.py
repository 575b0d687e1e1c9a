"""Scraped article bodies and fields turned into safe, plain markdown and text.

Scrapers hand us raw HTML (Engadget, The Verge), HTML with markdown mixed in, and
fields full of entities (`&#39;`, `&nbsp;`). Raw HTML output is off in the renderer,
so any HTML must become markdown here or it would show up as literal tags.

Safety comes first: the HTML goes through `nh3` (the Rust `ammonia` sanitiser) with a
short allow-list before anything reads it, so scripts, styles, frames, forms, SVG,
embeds, images (tracking pixels included), event handlers, tracking attributes
(`data-i13n`, `class`, `style`) and `javascript:`/`data:`/`vbscript:` links never
reach the markdown. Only then does `markdownify` turn the cleaned tree into markdown.

Choices worth knowing:
- Images are dropped (alt text too): the cover comes from the front matter, and a
  scraped `<img>` is a hotlink or a tracking pixel.
- `<figcaption>` is dropped with its text, and so is the photo-credit `<div>` scrapers
  put beside it: a caption describes a picture we do not show, and read as the first
  paragraph it spoils the lead. Credit lines left in the text are for
  `digest.content.clean`.
- Text outside any HTML block is kept as written, so markdown mixed with some tags
  keeps its headings, lists and paragraphs.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

import nh3

from digest.text.inline import IMAGE, LINK
from digest.text.sentences import split_sentences, straight_quote_opens
from digest.text.words import ascii_words

if TYPE_CHECKING:
    from collections.abc import Callable

    from markdownify import MarkdownConverter

ALLOWED_TAGS = frozenset({
    "a", "b", "blockquote", "br", "code", "del", "div", "em",
    "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "li", "ol",
    "p", "pre", "s", "section", "article", "strong", "sub", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})
"""Tags kept (without attributes, except a link's href); any other tag is unwrapped."""

DROPPED_WITH_CONTENT = frozenset({
    "applet", "audio", "button", "canvas", "embed", "figcaption", "form", "head", "iframe", "map",
    "math", "noscript", "object", "script", "select", "style", "svg", "template",
    "textarea", "title", "video",
})
"""Tags removed together with everything inside them (code, widgets, embeds)."""

LINK_SCHEMES = frozenset({"http", "https", "mailto"})
"""Absolute link schemes kept; relative links pass too. Others lose their href."""

CREDIT_CLASSES = frozenset({"photo-credit", "caption-credit", "image-credit"})
"""`<div class=...>` blocks that hold only a photo credit: dropped."""

INLINE_TAGS = frozenset({
    "a", "abbr", "b", "br", "code", "del", "em", "i", "ins", "mark", "s", "span",
    "strong", "sub", "sup", "u",
})
"""Tags that flow inside a line of surrounding text rather than starting a block."""

_HTML_TAG = re.compile(
    r"</?(?:a|article|b|blockquote|br|div|em|figcaption|figure|h[1-6]|hr|i|iframe|img|li|"
    r"noscript|ol|p|pre|script|section|span|strong|style|table|td|tr|ul)\b[^<>]*>",
    re.IGNORECASE,
)
_ANY_TAG = re.compile(r"<[^<>]*>")
_SPACES = re.compile(r"\s+")
_BLANK_RUNS = re.compile(r"\n{3,}")
_EMPTY_MARKUP = re.compile(r"^(?:#{1,6}|>|[-*+]|\\)[ \t]*$", re.MULTILINE)
"""Lines left with nothing but markup by empty headings, quotes, items or breaks."""
_DANGLING_BREAK = re.compile(r"\\\n(?=[ \t]*(?:\n|$))")
"""A hard line break ending a paragraph (`<br>` before `</p>`): dropped."""
LIST_ITEM = re.compile(r"\s*(?:[-*+]|\d{1,3}[.)])\s")


def looks_like_html(body: str) -> bool:
    """True when `body` holds at least one common HTML element tag (`<p>`, `<a href>`,
    `<div>`, `<br/>`, `<script>` ...); plain markdown, `a < b` and `<https://...>`
    autolinks are not HTML."""
    return _HTML_TAG.search(body) is not None


def clean_inline_text(s: str) -> str:
    """One line of plain text from a scraped field (title, excerpt, author): tags
    stripped, HTML entities decoded (`&#39;` `&amp;` `&nbsp;`), whitespace folded
    to single spaces and trimmed. Never raises; `""` stays `""`."""
    without_tags = _ANY_TAG.sub(" ", s) if "<" in s else s
    return _SPACES.sub(" ", html.unescape(without_tags)).strip()


def sanitize_html(body: str) -> str:
    """The sanitised HTML fragment `html_to_markdown` reads (see the module docstring)."""
    return nh3.clean(
        body,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={"a": {"href"}},
        tag_attribute_values={"div": {"class": set(CREDIT_CLASSES)}},
        url_schemes=set(LINK_SCHEMES),
        link_rel=None,
        strip_comments=True,
    )


def html_to_markdown(html_body: str) -> str:
    """Markdown for a scraped body of HTML, or markdown with some HTML mixed in.

    The body is sanitised first (module docstring), then each top-level HTML block
    becomes markdown while text outside blocks keeps its own markdown line structure.
    Blocks are separated by one blank line; no leading/trailing blank lines. The same
    input always gives the same output. Never raises on malformed HTML.
    """
    # Imported here: BeautifulSoup and markdownify are only needed for HTML bodies.
    from bs4 import BeautifulSoup, NavigableString, Tag

    soup = BeautifulSoup(sanitize_html(html_body), "html.parser")
    for credit in soup.find_all("div", class_=lambda c: c in CREDIT_CLASSES):
        credit.decompose()
    for blank in [t for t in soup.find_all(INLINE_TAGS - {"br", "img"}) if _only_space(t)]:
        blank.replace_with(" ")  # "<em> </em>on": the space between two words, not nothing
    converter = _converter()
    blocks: list[str] = []
    loose: list[str] = []
    for node in list(soup.children):
        if isinstance(node, Tag) and node.name not in INLINE_TAGS:
            blocks.append(_loose_text("".join(loose)))
            loose = []
            blocks.append(converter.convert_soup(node).strip())
        elif isinstance(node, Tag):
            loose.append("\n" if node.name == "br" else converter.convert_soup(node))
        elif isinstance(node, NavigableString):
            loose.append(str(node))
    blocks.append(_loose_text("".join(loose)))
    markdown = _EMPTY_MARKUP.sub("", "\n\n".join(b for b in blocks if b))
    return _BLANK_RUNS.sub("\n\n", _DANGLING_BREAK.sub("\n", markdown)).strip()


def _only_space(tag) -> bool:
    """Does an inline element hold only white space (no text, no image, no break)?"""
    text = tag.get_text()
    return bool(text) and not text.strip() and tag.find(["img", "br"]) is None


def _converter() -> MarkdownConverter:
    from markdownify import MarkdownConverter

    # A fresh converter per call: no state is shared between bodies or builds.
    return MarkdownConverter(heading_style="atx", bullets="-", strip=["img"],
                             newline_style="backslash", autolinks=False,
                             wrap=True, wrap_width=None)


def _loose_text(text: str) -> str:
    """Text found between HTML blocks: kept as markdown, with HTML source indentation
    removed (but a list item's own indentation kept) and trailing spaces trimmed."""
    lines = []
    for line in text.replace("\xa0", " ").splitlines():
        keep_indent = LIST_ITEM.match(line) is not None
        lines.append(line.rstrip() if keep_indent else line.strip())
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()


MONTH = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?")
DATE = rf"{MONTH} \d{{1,2}}(?:-\d{{1,2}})?, \d{{4}}"
TIME = r"\d{1,2}:\d{2} ?(?:[ap]\.?m\.?)(?: [a-z]{2,4})?"
"""A date as bylines write it ("Aug. 26, 2025", "October 27-29, 2025") and a clock time."""


def _cut_after_sentence(end: re.Match[str]) -> str:
    """The cut after a glued sentence end (`end`: the terminator, then a closing mark
    or none). A straight double quote there closes the sentence only when one is open
    before it (an odd count in the line): after an even count it opens the next one
    ('… of the profits."Kendra is …," a friend said.' → '"Kendra' starts the next
    piece), or the quotation would lose its opening mark to the sentence before."""
    terminator, mark = end.group(1), end.group(2)
    if mark == '"' and straight_quote_opens(end.string, end.start(2)):
        return f"{terminator}\n{mark}"
    return f"{terminator}{mark}\n"


@dataclass(frozen=True)
class GlueBreak:
    """A place where scraping glued two lines together, to be cut apart again."""

    name: str
    screen: re.Pattern[str]
    """What the line must contain for `pattern` to be tried: a fast pre-check, as
    `pattern` itself is slow to rule a line out. Written to start with a literal or a
    punctuation mark (what precedes it checked by a lookbehind after it): the regex
    engine then skips ahead to those instead of trying a match at every position."""
    pattern: re.Pattern[str]
    replacement: str | Callable[[re.Match[str]], str]
    """`pattern.sub` replacement; a newline marks the cut."""


GLUE_BREAKS: tuple[GlueBreak, ...] = (
    GlueBreak("zdnet_follow", re.compile("Follow ZDNET"),
              re.compile(r"(Follow ZDNET: Add us as a preferred source on Google\.)"), "\n\\1\n"),
    GlueBreak("zdnet_takeaways", re.compile("key takeaways"),
              re.compile(r"(ZDNET's key takeaways)"), "\n\\1\n"),
    GlueBreak("zdnet_trust_close", re.compile("via this form"),
              re.compile(r"(via this form\. Close)"), "\\1\n"),
    GlueBreak("dateline_end", re.compile(r" at (?<=\d at )\d"),
              re.compile(rf"({DATE} at {TIME})\s{{2,}}", re.IGNORECASE),
              "\\1\n"),
    GlueBreak("credit_name_end", re.compile("Getty Images/"),
              re.compile(r"(Getty Images ?/ ?(?:[A-Z][\w-]+ ){0,2}[A-Z][a-z]+)(?=[A-Z])"), "\\1\n"),
    GlueBreak("credit_end", re.compile("Getty|ZDNET"),
              re.compile(r"(Getty Images(?: Plus)?|via Getty|/ ?Getty|/ ?ZDNET)(?=[A-Z])"),
              "\\1\n"),
    GlueBreak("player_controls", re.compile("^(?:CLOSE |Skip in Skip)"),
              re.compile(r"^((?:CLOSE )?Skip in Skip x Embed x Share|CLOSE) (?=[A-Z][a-z])"),
              "\\1\n"),
    GlueBreak("also_link", re.compile("Also: "), re.compile(r"([.?!\"”])\s+(Also: )"),
              "\\1\n\\2"),
    GlueBreak("also_headline_end", re.compile("Also:"),
              re.compile(r"(Also:\s.{20,200}?(?:\s[a-z]{2,}|[?!\"”’]))(?=[A-Z][a-z])"),
              "\\1\n"),
    GlueBreak("rss_footer", re.compile("appeared first on"),
              re.compile(r"(?<=\S)\s*(The post .{1,300}? appeared first on )"), "\n\\1"),
    GlueBreak("list_intro", re.compile(r":(?<=[A-Za-z]:)[A-Z]"),
              re.compile(r"(?<=[A-Za-z]{3}:)(?=[A-Z][a-z])"), "\n"),
    GlueBreak("figure_glue", re.compile(r"[.?!](?<=[a-z][.?!])\d"),
              re.compile(r"(?<![\w@.])([A-Za-z]*[a-z]{3}[.?!])(?=\d+(?:[.,]\d+)?[%.]?\s)"),
              "\\1\n"),
    GlueBreak("sentence_glue", re.compile("[.?!][\"”’)]?[A-Z]"),
              re.compile(r"([a-z0-9)%][.?!])([\"”’)]?)(?=[A-Z][a-z])"),
              _cut_after_sentence),
)
"""Cuts put back where scraping glued text together: around known boilerplate phrases,
and at a sentence end followed at once by a capital ("...affected.More than...") or a
figure ("...news stories.45% of ..."), which is where a paragraph ended on the page.
Lines holding a link are left alone."""



_MARKUP_CHAR = re.compile(r"[\[\\*_]")
_MARKUP_START = re.compile(r"[#>+-]|\d{1,3}[.)]")
"""Markup anywhere, and at the start: two patterns, as in one alternation the engine
tries the start-only branch at every position."""
_MARKERS = re.compile(r"^(?:#{1,6}\s+|>\s*|[-*+]\s+|\d{1,3}[.)]\s+)+")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")


def split_glued(line: str) -> list[str]:
    """`line` cut at every `GLUE_BREAKS` point; a line without glue comes back alone."""
    if not line.strip() or "://" in line or "](" in line:
        return [line]
    for glue in GLUE_BREAKS:
        if glue.screen.search(line):
            line = glue.pattern.sub(glue.replacement, line)
    return [part for part in line.split("\n") if part.strip()] or [line]


_TRUNCATED = re.compile(r"(?:\s*\[\s*(?:…|\.\.\.)\s*\]|(?<=[\w,])\s*(?:…|\.\.\.))\s*$")
"""A paragraph cut short by a feed: "... autonomous systems executing […]" or "... and…"."""
_LAST_END = re.compile(r".*[.!?][\"”’)]?(?=\s)", re.DOTALL)


def cut_truncation(piece: str) -> tuple[str, str]:
    """(`piece` without a sentence a feed cut short at its end, the words cut): the
    last sentence (as `split_sentences` tells them: "in the U.S. from …" goes on) goes
    when the piece ends in "[…]", "[...]" or in "…"/"..." right after a word; ("",
    piece) when no sentence is complete."""
    if "…" not in piece and "..." not in piece:  # a cheap test first: _TRUNCATED needs one
        return piece, ""
    if not _TRUNCATED.search(piece) or "://" in piece or "](" in piece:
        return piece, ""
    start = piece.rfind(split_sentences(piece)[-1])
    if start < 0:  # the splitter tidied the sentence: the last stop before a space
        whole = _LAST_END.match(piece)
        start = whole.end() if whole else 0
    if not piece[:start].strip():
        return "", piece.strip()
    return piece[:start].rstrip(), piece[start:].strip()


def plain_text(line: str) -> str:
    """What rules read: markdown markers, link targets, emphasis and escapes removed,
    whitespace (including no-break spaces) folded, ends trimmed."""
    text = line.strip()
    if _MARKUP_CHAR.search(text) or _MARKUP_START.match(text):
        if "](" in text:  # what every link and image holds
            text = LINK.sub(r"\1", IMAGE.sub("", text))
        markers = _MARKERS.match(text)
        if markers:
            text = text[markers.end():]
        if "\\" in text:
            text = _ESCAPE.sub(r"\1", text)
        text = text.replace("*", "")
    return " ".join(text.split()).strip("_ ")


def match_key(text: str) -> str:
    """Text reduced for comparison: lowercase letters and digits, single spaces."""
    folded = unicodedata.normalize("NFKC", text).lower().replace("’", "'")
    return " ".join(ascii_words(folded))


def is_prose(plain: str) -> bool:
    """A line of running text: eight words or more ending like a sentence."""
    return len(plain.split()) >= 8 and plain[-1] in ".!?:\"”’)…'"
