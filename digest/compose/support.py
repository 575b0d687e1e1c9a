"""Citation support: which sources really say a sentence.

`supports` is the near-copy test the merged body uses: the text contains at
least 60 % of the claim's content stems (all of them for a claim of three stems
or fewer, 80 % up to five), every number of the claim, and the claim's names
(one may be missing when it names four or more).

A citation needs more (`attests`). One sentence of the source, or two adjacent
sentences of one paragraph read together, must be
* a near copy (`copies`): the `supports` test with common news synonyms folded
  ("acquired" = "bought", "AI" = "artificial intelligence") and a missing verb
  of saying ("called", "claimed") not held against the claim; for a claim of
  seven stems or fewer, at most one stem missing unless the missing ones are
  common words of the story; two sentences read together must also cover 60 %
  of the claim's weight (stems weighted by their rarity in the story), as twice
  the words make chance overlaps likely; or, for one sentence,
* the same fact in other words (`paraphrases`): every figure and every name of
  the claim (its capitalised first word too, when the story uses that word as
  a name), two or more distinctive anchors (a figure, or a name in at most a
  quarter of the story's sentences), and half of the claim's stems, counted
  plainly and by weight.
Either way the evidence must agree with the claim in polarity (a sentence that
says "not", "never" or "unable" never supports one that does not, nor the other
way round) and in time: the claim's months and ordinals ("second", "third")
must be there too, and a weekday, if the evidence names one, must be the claim's.

Precision first: a source is cited only on that evidence, so a reader who
follows [n] finds the fact there. Every sentence of every source is looked at
(not only the leads the summary is picked from); the source a generated
sentence was taken from always supports it. A claim (the sentence prepared for these
tests: synonyms folded, rarity weights, anchors, time words) is `claims`'.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from operator import and_

from digest.compose.blocks import MEDIA
from digest.compose.claims import WEEKDAY_WORDS, Claim, claim_of, story_index
from digest.compose.features import Features, containment
from digest.compose.source import SourceDocument
from digest.compose.story import StoryText, analyse_story
from digest.compose.support_index import paragraphs_with

MIN_CONTAINMENT = 0.6
PARAPHRASE_CONTAINMENT = 0.5
"""Share of the claim's stems (synonyms folded) a paraphrase must have, on top of
every name and figure."""
PAIR_WEIGHT = 0.6
"""Rarity-weighted share of the claim two sentences read together must have: twice
the words make chance overlaps of common words likely."""
MIN_ANCHORS = 2
"""Distinctive names and figures a claim needs before a paraphrase may support it."""


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


def copies(claim: Claim, evidence: Features) -> bool:
    """The near-copy test for citations: `supports` counted on the claim's stems with
    synonyms folded and a missing verb of saying not held against it ("called",
    "claimed": who says it is not the fact), and for seven stems or fewer at most one
    missing unless the missing ones are common words of the story (`PAIR_WEIGHT` of
    the weight is there)."""
    feats = claim.features
    if not claim.groups or not feats.numbers <= evidence.numbers:
        return False
    missing_names = len(feats.names - evidence.content)
    if missing_names > (1 if len(feats.names) >= 4 else 0):
        return False
    size, hit = _tally(claim, evidence)
    needed = 1.0 if size <= 3 else 0.8 if size <= 5 else MIN_CONTAINMENT
    if not size or hit < needed * size:
        return False
    return size - hit <= 1 or size > 7 or _weighted(claim, evidence) >= PAIR_WEIGHT


def paraphrases(claim: Claim, evidence: Features) -> bool:
    """Is the evidence the claim in other words: every name and figure, two distinctive
    anchors, and half of its stems both plainly and weighted by rarity?"""
    feats = claim.features
    if claim.distinctive < MIN_ANCHORS or not feats.numbers <= evidence.numbers \
            or not claim.anchors <= evidence.content | evidence.numbers:
        return False
    size, hit = _tally(claim, evidence)
    return hit >= PARAPHRASE_CONTAINMENT * size and \
        _weighted(claim, evidence) >= PARAPHRASE_CONTAINMENT


def _tally(claim: Claim, evidence: Features) -> tuple[int, int]:
    """(groups counted, groups in the evidence) of the claim: verbs of saying that are
    not there are left out rather than counted missing."""
    missing = list(map(evidence.content.isdisjoint, claim.groups))
    size = len(missing) - sum(map(and_, missing, claim.light))
    return size, len(missing) - missing.count(True)


def _weighted(claim: Claim, evidence: Features) -> float:
    """Share of the claim's rarity weight the evidence covers (missing verbs of saying
    left out)."""
    total = hit = 0.0
    for w, g, light in zip(claim.weights, claim.groups, claim.light):
        found = not g.isdisjoint(evidence.content)
        if found or not light:
            total += w
            hit += w if found else 0.0
    return hit / total if total else 0.0


def attests(claim: Claim, evidence: Features, *, single: bool = True) -> bool:
    """Does the evidence support the claim by either test, in the same polarity and
    time? `single=False` (two sentences read together) allows only the near copy."""
    if claim.features.negated != evidence.negated or not claim.time <= evidence.content:
        return False
    if claim.days:
        days = evidence.content & WEEKDAY_WORDS
        if days and claim.days.isdisjoint(days):
            return False
    if not single:
        return copies(claim, evidence) and _weighted(claim, evidence) >= PAIR_WEIGHT
    return copies(claim, evidence) or paraphrases(claim, evidence)


def merged(a: Features, b: Features) -> Features:
    """Two sentences' features read as one passage."""
    return Features(a.words + b.words, a.content | b.content, a.terms + b.terms,
                    a.numbers | b.numbers, a.names | b.names, a.lead, a.negated or b.negated)


def said_in(story: StoryText, claim: Claim, doc: int,
            paragraphs: Sequence[int] | None = None) -> bool:
    """Does source `doc` (an index into `story.docs`) say the claim, in one of
    `paragraphs` (paragraph indices; default all)?"""
    for para in story.paragraphs[doc] if paragraphs is None else \
            (story.paragraphs[doc][p] for p in paragraphs):
        if para.kind == MEDIA:
            continue
        sentences, pairs = story.paragraph_feats(doc, para.index), _pairs(story, doc, para.index)
        for k, evidence in enumerate(sentences):
            if attests(claim, evidence):
                return True
            if k < len(pairs) and attests(claim, pairs[k], single=False):
                return True
    # A source with no usable body is represented by its excerpt or title.
    return any(attests(claim, f) for f in story_index(story).stand_ins.get(doc, ()))


def _pairs(story: StoryText, doc: int, para: int) -> tuple[Features, ...]:
    """Each two adjacent sentences of a paragraph `merged`, kept per story (every claim
    read there asks for them)."""
    memo = story.table(_PAIRS)
    found = memo.get((doc, para))
    if found is None:
        sentences = story.paragraph_feats(doc, para)
        found = memo[(doc, para)] = tuple(map(merged, sentences, sentences[1:]))
    return found


_PAIRS = "support.pairs"  # its name in `StoryText.derived`


def _worth_reading(story: StoryText, claim: Claim) -> dict[int, list[int]]:
    """Per source, the paragraphs sharing enough of the claim's stems for either
    test to pass (the fewer a paragraph shares, the sooner it is ruled out), and
    holding what both tests require of the evidence: every figure, month and ordinal
    of the claim, and its names (one may be missing when it has four or more)."""
    need = max(1, int(min(PARAPHRASE_CONTAINMENT, MIN_CONTAINMENT) * len(claim.groups)))
    if claim.distinctive < MIN_ANCHORS:  # no paraphrase: only a near copy can attest
        need = max(need, _fewest_copied(claim))
    names = claim.features.names
    # Cheap to rule out before a paragraph is split into sentences and read: evidence
    # never has a figure, a time or a name its paragraph lacks.
    return paragraphs_with(story, claim.groups, need, claim.features.numbers | claim.time,
                           names, len(names) - (1 if len(names) >= 4 else 0))


def _fewest_copied(claim: Claim) -> int:
    """Fewest of the claim's groups a near copy (`copies`) has: its verbs of saying
    may be missing, which lowers the share it needs of the rest."""
    fewest = len(claim.groups)
    for size in range(max(1, len(claim.groups) - sum(claim.light)), len(claim.groups) + 1):
        needed = 1.0 if size <= 3 else 0.8 if size <= 5 else MIN_CONTAINMENT
        hit = 0
        while hit < needed * size:  # as `copies` compares
            hit += 1
        fewest = min(fewest, hit)
    return fewest


def citations(story: StoryText, text: str, origin: int) -> tuple[int, ...]:
    """Sources supporting `text`, a (possibly shortened) rewrite of unit `origin`;
    the origin's source is always cited."""
    first = story.units[origin].number
    return tuple(sorted({first} | set(_citing(story, claim_of(text, story), skip=first))))


def _citing(story: StoryText, claim: Claim, skip: int | None = None) -> Iterator[int]:
    if not claim.features.content or all(doc.number == skip for doc in story.docs):
        return
    candidates = _worth_reading(story, claim)
    for d, doc in enumerate(story.docs):
        if doc.number != skip and said_in(story, claim, d, candidates.get(d, ())):
            yield doc.number


def cited_sources(story: StoryText, text: str) -> tuple[int, ...]:
    """Sorted numbers of the sources of an analysed story that say `text`."""
    return tuple(sorted(_citing(story, claim_of(text, story))))


def supporting_sources(sentence: str, docs: Sequence[SourceDocument]) -> tuple[int, ...]:
    """Sorted numbers of the sources with a sentence supporting `sentence`."""
    if not docs:
        return ()
    return cited_sources(analyse_story(docs), sentence)

