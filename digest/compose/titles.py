"""The story title: the most representative source headline, cleaned."""

from __future__ import annotations

import re
from collections.abc import Sequence

from digest.content.headlines import clean_headline, is_byline, is_caption
from digest.content.model import Article
from digest.text.datelines import strip_headline_dateline

_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset("a an the of to in on for and or is are was with by at as from its it".split())


def representative_title(articles: Sequence[Article]) -> str:
    """The headline sharing the most words with the other headlines (ties: earliest);
    a photo caption or a byline taken for a headline only when every one is. No
    wire dateline ("NEW YORK (AP) —"): a scraper took the first sentence for the headline."""
    cleaned = [strip_headline_dateline(clean_headline(a.title, a.outlet))
               for a in articles]
    cleaned = [t for t in cleaned if not (is_caption(t) or is_byline(t))] or cleaned
    if len(cleaned) == 1:
        return cleaned[0]
    words = [set(_WORD.findall(t.casefold())) - _STOP for t in cleaned]

    def score(i: int) -> float:
        if not words[i]:
            return 0.0
        overlap = sum(len(words[i] & words[j]) / len(words[i] | words[j])
                      for j in range(len(words)) if j != i)
        return overlap

    best = max(range(len(cleaned)), key=lambda i: (round(score(i), 6), -i))
    return cleaned[best]
