"""Concept coverage: which word pairs the sources corroborate, and a budgeted selection
that covers the most of them.

After Gillick & Favre (ICSI, TAC 2008-2009): a concept is a pair of adjacent
stemmed words of a sentence (a pair of two stopwords is not one), weighed by
the number of SOURCES that use it, not by how often: what several outlets say
independently is the news, what one repeats is its style. A concept only one
source uses weighs nothing when the story has several sources. The selection
(`cover_pick`) is the greedy algorithm for budgeted maximum coverage: it takes,
again and again, the candidate whose not yet covered concept weight per word
(to the power `LENGTH_POWER`) is highest, its own score only breaking ties,
until the budget is spent; nothing is counted twice, so it never repeats
itself for the weight's sake.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import chain, compress, pairwise
from operator import and_, not_

from digest.compose.features import STOPWORDS
from digest.compose.claims import claim_of
from digest.compose.select import Candidate, Limits, cost, new_parts, parts, repeats_claims
from digest.compose.story import StoryText
from digest.text.stem import stem_token
from digest.text.words import ascii_words

Concept = tuple[str, str]
LENGTH_POWER = 1.0
"""Gain is divided by words ** this: 1 is the classic cost-benefit ratio."""
TIE_BREAK = 0.05
"""Weight of a candidate's own score (position, agreement, centrality: roughly 0-6)
against its coverage gain per word (roughly 0-3): mostly a tie-break."""
_WEIGHTS = "concepts.weights"


def text_concepts(story: StoryText, text: str) -> frozenset[Concept]:
    """The concepts of one sentence: adjacent stemmed word pairs, not both stopwords
    (the same in every story: the story's stemmer is `stem_token`'s memo), each text's
    worked out once per story (a story asks about each of its sentences as a unit and
    as a candidate)."""
    # Kept with the story, not across stories: few sentences recur in another story, and
    # a process-wide memo of sets would be walked by every full garbage collection.
    memo = story.table(_TEXTS)
    found = memo.get(text)
    if found is None:
        found = memo[text] = _concepts(text)
    return found


_TEXTS = "concepts.texts"  # its name in `StoryText.derived`


def _concepts(text: str) -> frozenset[Concept]:
    words = ascii_words(text.lower().replace("’", "'").replace("'s ", " "))
    stop = list(map(STOPWORDS.__contains__, words))
    both_stop = map(and_, stop, stop[1:])
    return frozenset(compress(pairwise(map(stem_token, words)), map(not_, both_stop)))


def concept_weights(story: StoryText) -> dict[Concept, float]:
    """Concept → number of sources whose head sentences use it; with several sources
    only concepts of two or more count (worked out once per story)."""
    found = story.derived.get(_WEIGHTS)
    if isinstance(found, dict):
        return found
    by_source: dict[int, set[Concept]] = {}
    for u in story.units:
        by_source.setdefault(u.doc, set()).update(text_concepts(story, u.sentence.text))
    sources = Counter(chain.from_iterable(by_source.values()))
    least = 2 if len(story.docs) > 1 else 1
    weights = {c: float(n) for c, n in sources.items() if n >= least}
    story.derived[_WEIGHTS] = weights
    return weights


def _weight(concepts: frozenset[Concept], weights: dict[Concept, float]) -> float:
    """Summed weight of `concepts` (weighted ones). Weights are whole numbers, so the
    sum is exact in any order: a candidate's gain is kept up to date by taking off the
    weight of what each pick newly covers."""
    return sum(map(weights.__getitem__, concepts))


def _concepts_of(story: StoryText, cand: Candidate) -> frozenset[Concept]:
    """The concepts a candidate shows: its own, and its lead-in's when it has one."""
    if cand.lead_in is None:
        return text_concepts(story, cand.text)
    return frozenset().union(*(text_concepts(story, part.text) for part in parts(cand)))


def cover_pick(story: StoryText, candidates: Sequence[Candidate], limits: Limits,
               avoid_texts: Sequence[str] = (), avoid: Sequence[int] = ()) -> list[Candidate]:
    """Greedy budgeted maximum coverage of the story's concepts within `limits` (words
    and items), the concepts of `avoid_texts` counting as covered; never picks a
    sentence repeating a chosen one or an avoided one (`select.repeats`). Stops when
    no candidate that fits adds any concept weight."""
    covered: set[Concept] = set()
    for text in avoid_texts:
        covered |= text_concepts(story, text)
    pool = sorted(candidates, key=lambda c: (-c.score, story.units[c.unit].number, c.unit))
    weights = concept_weights(story)
    # A concept without weight adds nothing: each candidate keeps only weighted ones.
    concepts = [frozenset(filter(weights.__contains__, _concepts_of(story, c))) for c in pool]
    gains = [_weight(found - covered, weights) for found in concepts]
    alive = [True] * len(pool)
    chosen: list[Candidate] = []
    blocked, taken = list(avoid), set(avoid)
    said = [claim_of(text, story) for text in avoid_texts]
    used = 0
    while len(chosen) < limits.items:
        best, best_value = -1, 0.0
        for k, cand in enumerate(pool):
            gain = gains[k]
            if not alive[k] or gain <= 0:
                continue
            words = cost(cand, taken)
            if used + words > limits.words:
                continue
            value = gain / max(words, 1) ** LENGTH_POWER + TIE_BREAK * cand.score
            if value > best_value + 1e-12:
                best, best_value = k, value
        if best < 0:
            break
        alive[best] = False
        shown = new_parts(pool[best], taken)
        if not shown or any(repeats_claims(story, part, blocked, said) for part in shown):
            continue
        chosen.append(pool[best])
        used += cost(pool[best], taken)
        taken.update(part.unit for part in shown)
        blocked.extend(part.unit for part in shown)
        said.extend(claim_of(part.text, story) for part in shown)
        new = concepts[best] - covered
        covered |= new
        gains = [g - _weight(found & new, weights) if g > 0 and not found.isdisjoint(new)
                 else g for g, found in zip(gains, concepts)]
    return chosen
