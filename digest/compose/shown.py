"""Has the reader been shown a sentence already, above the brief?

The brief never prints again what the box or the takeaways said: not the same unit, not
the same text, and not a near copy of it from another source (the same sentence in close
words). `brief` asks `Shown` once per story and compares every candidate with it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from digest.compose.features import mutual_containment
from digest.compose.select import Candidate
from digest.compose.story import StoryText, title_key

NEAR_COPY_COSINE = 0.7
NEAR_COPY_CONTAINMENT = 0.8
NEAR_COPY_WORDS = 0.6
"""How close another source's sentence must be to a shown one to be the same sentence
again (cosine, content-stem containment, or the share of all words the two have in
common) (the redundancy cut within the brief, `select.REDUNDANT_COSINE`, is stricter: that
is the same fact)."""


def shown_again(story: StoryText, cand: Candidate, shown_units: Sequence[int],
                shown: Sequence[str]) -> bool:
    """Would `cand` show the reader a sentence again: one of the `shown_units`, one of
    the `shown` texts, or a near copy of one (TF-IDF cosine `NEAR_COPY_COSINE`, or
    `NEAR_COPY_CONTAINMENT` of either's content words in the other)?"""
    return Shown(story, shown_units, shown).again(cand)


class Shown:
    """What the reader has been shown above the brief, prepared once for comparing every
    candidate with it (`shown_again`)."""

    def __init__(self, story: StoryText, shown_units: Sequence[int],
                 shown: Sequence[str]) -> None:
        self.story, self.units, self.texts = story, frozenset(shown_units), frozenset(shown)
        # The units a shown unit is close to in TF-IDF, found for all units at once.
        self.close = frozenset(np.flatnonzero(
            story.sim[:, sorted(self.units)].max(axis=1) >= NEAR_COPY_COSINE).tolist()) \
            if self.units else frozenset()
        self.sets = [(story.features_of(text), _word_set(story, text)) for text in shown]

    def again(self, cand: Candidate) -> bool:
        """`shown_again` of `cand`."""
        if cand.unit in self.units or cand.text in self.texts or cand.unit in self.close:
            return True
        mine, words = self.story.features_of(cand.text), _word_set(self.story, cand.text)
        return any(mutual_containment(mine, theirs) >= NEAR_COPY_CONTAINMENT
                   or _jaccard(words, their_words) >= NEAR_COPY_WORDS
                   for theirs, their_words in self.sets)


def _word_set(story: StoryText, text: str) -> frozenset[str]:
    """The words of `text` (`story.title_key`), kept per story: each shown text is
    compared with every candidate."""
    memo = story.table("brief.words")
    found = memo.get(text)
    if found is None:
        found = memo[text] = frozenset(title_key(text).split())
    return found


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    both = len(a & b)  # |a ∪ b| counted, not built
    return both / (len(a) + len(b) - both)
