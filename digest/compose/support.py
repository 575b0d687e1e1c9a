"""Citation support: which sources really say a sentence.

A source supports a claim when one of its sentences is the claim or a near
paraphrase of it: that sentence contains at least 60 % of the claim's content
stems (all of them for a claim of three stems or fewer), every number of the
claim, and the claim's names (one may be missing when it names four or
more). Precision first: a source is cited only on that evidence, so a reader
who follows [n] finds the fact there. The source a generated sentence was
taken from always supports it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

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
    needed = 1.0 if len(claim.content) <= 3 else MIN_CONTAINMENT
    if containment(claim, evidence) < needed:
        return False
    missing = len(claim.names - evidence.content)
    return missing == 0 or (missing == 1 and len(claim.names) >= 4)


def supporting_sources(sentence: str, docs: Sequence[SourceDocument]) -> tuple[int, ...]:
    """Sorted numbers of the sources with a sentence supporting `sentence`."""
    story = analyse_story(docs)
    claim = features(sentence, story.stemmer)
    return tuple(sorted({u.number for u in story.units if supports(claim, u.feats)}))


def citations(story: StoryText, text: str, origin: int) -> tuple[int, ...]:
    """Sources supporting `text`, a (possibly shortened) rewrite of unit `origin`.

    The origin's source is always cited; other sources are checked only on
    sentences that resemble the origin sentence at all (a fast prefilter)."""
    claim = features(text, story.stemmer)
    cited = {story.units[origin].number}
    row = story.sim[origin]
    for j in _candidates(row, story, cited):
        if supports(claim, story.units[j].feats):
            cited.add(story.units[j].number)
    return tuple(sorted(cited))


def _candidates(row: Iterable[float], story: StoryText, skip: set[int]) -> list[int]:
    return [j for j, value in enumerate(row)
            if value >= PREFILTER and story.units[j].number not in skip]
