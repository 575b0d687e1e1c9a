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

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain

from digest.compose.features import Features, containment
from digest.compose.model import DigestSection
from digest.compose.quality import is_boilerplate, problem
from digest.compose.select import is_year
from digest.compose.sentences import HEADING, MEDIA, Paragraph, split_sentences
from digest.compose.source import SourceDocument
from digest.compose.story import StoryText, analyse_story
from digest.compose.support import MIN_CONTAINMENT, supports

PARAGRAPH_OVERLAP = 0.4
"""Share of a paragraph's stems that kept text must have before its sentences
are checked one by one (below it the paragraph is new; erring only towards keeping)."""


@dataclass
class _Kept:
    """What the merged body already says, indexed by stem (one merge call only)."""

    vocabulary: set[str] = field(default_factory=set)
    where: defaultdict[str, list[tuple[int, int]]] = field(
        default_factory=lambda: defaultdict(list))
    """Stem → kept (source, paragraph) keys that use it."""
    stems: dict[tuple[int, int], frozenset[str]] = field(default_factory=dict)
    """Kept (source, paragraph) key → its stems."""

    def add(self, key: tuple[int, int], stems: frozenset[str]) -> None:
        self.vocabulary |= stems
        self.stems[key] = stems
        where = self.where
        for stem in stems:
            where[stem].append(key)


def merge_bodies(docs: Sequence[SourceDocument], *,
                 story: StoryText | None = None) -> list[DigestSection]:
    """One section per source in number order, later sources deduplicated."""
    if not docs:
        return []
    story = story or analyse_story(docs)
    kept, sections, seen = _Kept(), [], set()
    for d, doc in enumerate(story.docs):
        paragraphs = story.paragraphs[d]
        vocab = [story.vocabulary(d, p.index) for p in paragraphs]
        keep = [_keep(story, d, p, vocab[k], kept, seen) for k, p in enumerate(paragraphs)]
        keep = _attach(paragraphs, keep)
        if d + 1 < len(story.docs):  # what the last source keeps is never compared
            for p, k, stems in zip(paragraphs, keep, vocab):
                if k and stems:
                    kept.add((d, p.index), stems)
        shown = tuple(p.markdown for p, k in zip(paragraphs, keep) if k)
        if not paragraphs and (doc.excerpt or "").strip():
            shown = (doc.excerpt.strip(),)
        sections.append(DigestSection(doc.number, doc.outlet, shown))
    return sections


def _keep(story: StoryText, doc: int, para: Paragraph, stems: frozenset[str], kept: _Kept,
          seen: set[str]) -> bool | None:
    """True/False for content paragraphs; None for headings and media (decided later)."""
    if para.kind in (HEADING, MEDIA):
        return None
    key = " ".join(para.plain.casefold().split())
    if not key or key in seen:
        return False
    if is_boilerplate(para.plain) and _boilerplate_only(para.plain):
        return False
    if kept.vocabulary and stems and _all_covered(story, doc, para.index, stems, kept):
        return False
    seen.add(key)
    return True


def _boilerplate_only(plain: str) -> bool:
    sentences = split_sentences(plain)
    return len(sentences) <= 2 and all(is_boilerplate(s) for s in sentences)


def _all_covered(story: StoryText, doc: int, para: int, stems: frozenset[str],
                 kept: _Kept) -> bool:
    """Is every sentence of the paragraph said by some kept sentence? Overlap with
    the kept vocabulary rules most paragraphs out before any sentence is compared."""
    if len(stems & kept.vocabulary) < PARAGRAPH_OVERLAP * len(stems):
        return False
    claims = story.paragraph_feats(doc, para)
    if not claims:
        return False
    hardest = sorted(claims, key=lambda c: len(c.content & kept.vocabulary)
                     / max(len(c.content), 1))
    return all(_covered(story, claim, kept) for claim in hardest)


def _covered(story: StoryText, claim: Features, kept: _Kept) -> bool:
    """Does a kept sentence restate the claim? Only kept paragraphs holding the
    stems and figures `restates` needs are opened."""
    needed = _needed(claim)
    if not claim.content or len(claim.content & kept.vocabulary) < needed:
        return False
    where = kept.where
    hits = Counter(chain.from_iterable(where[s] for s in claim.content if s in where))
    for key in sorted(k for k, n in hits.items() if n >= needed):
        if claim.numbers <= kept.stems[key] and \
                any(restates(claim, e) for e in story.paragraph_feats(*key)):
            return True
    return False


def _needed(claim: Features) -> float:
    """Fewest of the claim's stems one sentence must share to restate it."""
    size = len(claim.content)
    if len({n for n in claim.numbers if not is_year(n)}) >= 2:
        return 0.3 * size
    return size if size <= 3 else 0.8 * size if size <= 5 else MIN_CONTAINMENT * size


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
