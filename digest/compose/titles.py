"""The story title: the most representative source headline, cleaned."""

from __future__ import annotations

from collections.abc import Sequence

from digest.content.headlines import (
    clean_headline, is_byline, is_caption, is_page_furniture, without_label,
)
from digest.content.model import Article
from digest.text.datelines import strip_headline_dateline
from digest.text.words import ascii_words

_STOP = frozenset("a an the of to in on for and or is are was with by at as from its it".split())


def representative_title(articles: Sequence[Article], fallback: str = "") -> str:
    """The headline sharing the most words with the other headlines (ties: the earliest,
    which reported the event first; a later one may be a reaction to it),
    without a label ("UPDATE:") or a wire dateline ("NEW YORK (AP) —"). A line a scraper
    took for the headline (a photo caption, a byline, a time stamp, share buttons) is
    chosen only when every one is such a line and there is no `fallback` (the story's
    first summary sentence), which then serves as the title, cut to `TITLE_WORDS` words."""
    cleaned = [strip_headline_dateline(without_label(clean_headline(a.title, a.outlet)))
               for a in articles]
    kept = [i for i, t in enumerate(cleaned) if not _scraped_furniture(t)]
    if not kept and fallback:
        return _cut(fallback)
    kept = kept or list(range(len(cleaned)))
    words = {i: set(ascii_words(cleaned[i].casefold())) - _STOP for i in kept}

    def score(i: int) -> float:
        if not words[i]:
            return 0.0
        return sum(len(words[i] & words[j]) / len(words[i] | words[j]) for j in kept if j != i)

    best = max(kept, key=lambda i: (round(score(i), 6), -i))
    return cleaned[best]


TITLE_WORDS = 14
"""Longest title made from a summary sentence; a longer one is cut and ends on "…"."""


def _scraped_furniture(title: str) -> bool:
    """Is `title` a line of the page a scraper took for the headline?"""
    return is_caption(title) or is_byline(title) or is_page_furniture(title)


def _cut(sentence: str) -> str:
    """`sentence` as a title: its first `TITLE_WORDS` words, "…" when cut."""
    words = sentence.rstrip(" .").split()
    return " ".join(words) if len(words) <= TITLE_WORDS else \
        " ".join(words[:TITLE_WORDS]).rstrip(",;:") + "…"
