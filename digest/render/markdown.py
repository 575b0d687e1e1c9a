"""Markdown → HTML for article bodies, safe by default.

The `commonmark` preset passes raw HTML through, so the preset is chosen on
purpose: `html` follows `markdown.allow_html`, and links are validated so no
`javascript:`, `vbscript:`, `file:` or `data:` URL reaches a page.
"""

from __future__ import annotations

from collections.abc import Callable

from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from digest.config import MarkdownConfig
from digest.hashing import key_of
from digest.memo import Memo
from digest.render.plainmd import plain_html

UNSAFE_SCHEMES = ("javascript:", "vbscript:", "file:", "data:")


def is_safe_link(url: str) -> bool:
    """False for links whose scheme can run code or embed data."""
    folded = "".join(url.split()).lower()
    return not folded.startswith(UNSAFE_SCHEMES)


def make_markdown(config: MarkdownConfig) -> Callable[[str], str]:
    """A function rendering markdown text to an HTML fragment under `config`'s rules:
    markdown-it's (`markdown_it`), through `plain_html` for the plain texts it renders
    alike. Each text markdown-it renders is rendered once per function (per build)."""
    md = markdown_it(config)
    # the same source text is often shown in several stories (a syndicated article)
    rendered: dict[str, str] = {}

    def render(text: str) -> str:
        html = plain_html(text)
        if html is None:
            html = rendered.get(text)
        if html is None:
            html = rendered[text] = md.render(text)
        return html
    return render


def markdown_it(config: MarkdownConfig) -> MarkdownIt:
    """The markdown-it parser of `config`'s rules."""
    md = MarkdownIt("commonmark", {"html": config.allow_html, "linkify": False,
                                   "typographer": False})
    md.enable("table").enable("strikethrough")
    md.use(footnote_plugin)
    if not config.allow_unsafe_links:
        md.validateLink = is_safe_link  # type: ignore[method-assign]
    return md


class MarkdownMemo:
    """`render`, reusing the HTML of texts rendered by earlier builds: a template edit
    re-renders every page, and most of a page's time is its markdown. Unless `keyed`,
    the memo keeps nothing and no key is computed (hashing every text of a big site
    costs as much as rendering the plain ones)."""

    def __init__(self, render: Callable[[str], str], config: MarkdownConfig,
                 memo: Memo[str], *, keyed: bool = True) -> None:
        self._render, self._memo, self._keyed = render, memo, keyed
        self._settings = key_of(config)

    def convert(self, text: str) -> tuple[str | None, str]:
        """The memo key of `text` (None unless keyed) and its HTML."""
        if not self._keyed:
            return None, self._render(text)
        key = key_of(self._settings, text)
        return key, self._memo.get_or_compute(key, lambda: self._render(text))
