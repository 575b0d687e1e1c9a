"""A digest sentence with its citations as HTML, in Python: every summary, takeaway and
brief sentence of the site is one, and through a template macro each cost a dozen
escapes and a macro call (a fifth of the render stage on 10,000 articles).

The HTML is what the default theme's `sentence` macro (partials/cites.html) gave,
byte for byte: the text in a span with its source numbers, then a superscript link per
source."""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup, escape

from digest.compose.model import DigestSentence


def sentence_html(sentence: DigestSentence, prefix: str) -> Markup:
    """`sentence` in its span, followed by a link to each source it cites (`prefix` is
    the page the sources are listed on, "" for this page)."""
    page = escape(prefix)
    numbers = [escape(n) for n in sentence.cites]
    links = "".join(f'<sup class="cite"><a href="{page}#src-{n}" aria-label="Source {n}">'
                    f"{n}</a></sup>" for n in numbers)
    cites = escape(" ".join(str(n) for n in sentence.cites))
    return Markup(f'<span class="digest-sentence" data-cites="{cites}">'
                  f"{escape(sentence.text)}</span>{links}")


def sentences_html(sentences: Iterable[DigestSentence], prefix: str) -> Markup:
    """Each of `sentences` as `sentence_html` gives it, each followed by a space."""
    return Markup("".join(f"{sentence_html(s, prefix)} " for s in sentences))
