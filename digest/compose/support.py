"""Citation support: which sources really say a sentence.

A source supports a claim when one of its sentences (or two adjacent sentences
of one paragraph, read together) is the claim or a near paraphrase of it: that
text contains at least 60 % of the claim's content
stems (all of them for a claim of three stems or fewer, 80 % up to five), every number of the
claim, and the claim's names (one may be missing when it names four or
more). Precision first: a source is cited only on that evidence, so a reader
who follows [n] finds the fact there. The source a generated sentence was
taken from always supports it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from digest.compose.features import Features, containment, features
from digest.compose.source import SourceDocument
from digest.compose.story import StoryText, analyse_story

MIN_CONTAINMENT = 0.6
PREFILTER = 0.08
"""Cosine below which two sentences cannot share 60 % of their stems in practice."""


def supports(claim: Features, evidence: Features) -> bool:
    """Does the evidence sentence say the claim (same facts, numbers and names)?"""
    if not claim.content or not claim.numbers <= evidence.numbers:
        return False
    size = len(claim.content)
    needed = 1.0 if size <= 3 else 0.8 if size <= 5 else MIN_CONTAINMENT
    if containment(claim, evidence) < needed:
        return False
    missing = len(claim.names - evidence.content)
    return missing == 0 or (missing == 1 and len(claim.names) >= 4)


def supporting_sources(sentence: str, docs: Sequence[SourceDocument]) -> tuple[int, ...]:
    """Sorted numbers of the sources with a sentence supporting `sentence`."""
    story = analyse_story(docs, head=None)
    claim = features(sentence, story.stemmer)
    return tuple(sorted({u.number for i, u in enumerate(story.units)
                         if said_at(story, claim, i)}))


def said_at(story: StoryText, claim: Features, unit: int) -> bool:
    """Does unit `unit`, alone or read with the next sentence of its paragraph, say it?"""
    if supports(claim, story.feats(unit)):
        return True
    nxt = unit + 1
    if nxt >= len(story.units) or not _same_paragraph(story, unit, nxt):
        return False
    return supports(claim, merged(story.feats(unit), story.feats(nxt)))


def merged(a: Features, b: Features) -> Features:
    """Two sentences' features read as one passage."""
    return Features(a.words + b.words, a.content | b.content, a.terms + b.terms,
                    a.numbers | b.numbers, a.names | b.names)


def _same_paragraph(story: StoryText, a: int, b: int) -> bool:
    ua, ub = story.units[a], story.units[b]
    return ua.doc == ub.doc and ua.sentence.paragraph == ub.sentence.paragraph


def citations(story: StoryText, text: str, origin: int) -> tuple[int, ...]:
    """Sources supporting `text`, a (possibly shortened) rewrite of unit `origin`.

    The origin's source is always cited; other sources are checked only on
    sentences that resemble the origin sentence at all (a fast prefilter)."""
    claim = features(text, story.stemmer)
    cited = {story.units[origin].number}
    row = story.sim[origin]
    for j in _candidates(row, story, cited):
        if said_at(story, claim, j):
            cited.add(story.units[j].number)
    return tuple(sorted(cited))


def _candidates(row: np.ndarray, story: StoryText, skip: set[int]) -> list[int]:
    return [int(j) for j in np.nonzero(row >= PREFILTER)[0]
            if story.units[j].number not in skip]
