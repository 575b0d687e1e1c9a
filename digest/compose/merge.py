"""The merged body: the story told once, one section per source.

Sections follow the sources list (citation-number order). The first source
is kept whole; a paragraph of a later source is dropped when every sentence
in it is already said by a kept paragraph of an earlier source (the same
support test as citations: a near paraphrase with the same names and
numbers). Paragraphs are kept or dropped whole, so a quote stays with its
attribution, and a kept quote whose speaker is named in the paragraph before
pulls that paragraph back in. Headings and images go only with a kept
paragraph that follows them; boilerplate-only paragraphs and exact repeats go.

Why one section per source rather than one interleaved text: every paragraph
shown under an outlet's name is that outlet's own words, so attribution stays
honest and each section can link to its source; interleaving sentences of
different outlets would put words in the wrong mouth. A source with nothing
new gets an empty section, which the renderer may show as "adds nothing new".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from digest.compose.features import Features, containment
from digest.compose.quality import is_boilerplate, problem
from digest.compose.select import is_year
from digest.compose.sentences import HEADING, MEDIA, Paragraph
from digest.compose.source import SourceDocument
from digest.compose.story import BODY, StoryText, analyse_story
from digest.compose.support import supports

MERGE_PREFILTER = 0.2
"""Cosine under which a sentence is never a near paraphrase of another (checked on the
fixtures: supported pairs score 0.35 and more)."""


@dataclass(frozen=True)
class BodySection:
    """One source's distinct content."""

    source_number: int
    outlet: str
    paragraphs: tuple[str, ...]
    """Markdown paragraphs, as the source wrote them."""


def merge_bodies(docs: Sequence[SourceDocument], *,
                 story: StoryText | None = None) -> list[BodySection]:
    """One section per source in number order, later sources deduplicated."""
    if not docs:
        return []
    story = story or analyse_story(docs)
    kept_units: list[int] = []
    sections, seen = [], set()
    for d, doc in enumerate(story.docs):
        paragraphs = story.paragraphs[d]
        units = _units_by_paragraph(story, d)
        keep = [_keep(story, p, units.get(p.index, []), kept_units, seen) for p in paragraphs]
        keep = _attach(paragraphs, keep)
        for p, k in zip(paragraphs, keep):
            if k:
                kept_units.extend(units.get(p.index, []))
        shown = tuple(p.markdown for p, k in zip(paragraphs, keep) if k)
        if not paragraphs and (doc.excerpt or "").strip():
            shown = (doc.excerpt.strip(),)
        sections.append(BodySection(doc.number, doc.outlet, shown))
    return sections


def _units_by_paragraph(story: StoryText, doc: int) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for i in story.doc_units(doc):
        if story.units[i].field == BODY:
            out.setdefault(story.units[i].sentence.paragraph, []).append(i)
    return out


def _keep(story: StoryText, para: Paragraph, units: list[int], kept: list[int],
          seen: set[str]) -> bool | None:
    """True/False for content paragraphs; None for headings and media (decided later)."""
    if para.kind in (HEADING, MEDIA):
        return None
    key = " ".join(para.plain.casefold().split())
    if not key or key in seen:
        return False
    if len(units) <= 2 and all(is_boilerplate(story.units[i].sentence.text) for i in units):
        return False
    if kept and units and _all_covered(story, units, kept):
        return False
    seen.add(key)
    return True


def _all_covered(story: StoryText, units: list[int], kept: list[int]) -> bool:
    """Is every unit said by some kept unit? A cheap cosine bound rules most out."""
    block = story.sim[np.ix_(units, kept)]
    best = block.max(axis=1)
    if best.min() < MERGE_PREFILTER:
        return False
    for k in np.argsort(best, kind="stable"):
        row, unit = block[k], units[k]
        claim = story.feats(unit)
        if not any(restates(claim, story.feats(kept[j]))
                   for j in np.nonzero(row >= MERGE_PREFILTER)[0]):
            return False
    return True


def restates(claim: Features, evidence: Features) -> bool:
    """Support, or the same figures told in other words: every figure of the claim
    (two or more, not just years) is there and a third of its words are too."""
    if supports(claim, evidence):
        return True
    figures = {n for n in claim.numbers if not is_year(n)}
    return len(figures) >= 2 and claim.numbers <= evidence.numbers \
        and containment(claim, evidence) >= 0.3


def _attach(paragraphs: Sequence[Paragraph], keep: list[bool | None]) -> list[bool]:
    """Headings/media go with the next content paragraph; an unattributed quote
    brings back the paragraph before it."""
    out = list(keep)
    following = False
    for k in range(len(out) - 1, -1, -1):
        if out[k] is None:
            out[k] = following
        else:
            following = bool(out[k])
    for k in range(1, len(out)):
        if out[k] and not out[k - 1] and paragraphs[k - 1].kind not in (HEADING, MEDIA) \
                and _unattributed_quote(paragraphs[k].plain):
            out[k - 1] = True
    return [bool(x) for x in out]


def _unattributed_quote(text: str) -> bool:
    return text[:1] in "\"“" and problem(text, min_words=1, max_words=10_000) == \
        "quote without attribution"
