"""Shared selection machinery: candidates and MMR picking.

A candidate is one source sentence, possibly lightly rewritten, that can stand
alone (or, with its lead-in, follow the sentence it leans on): `eligible` finds them.
`pick` is maximal marginal relevance with a hard redundancy cut: it repeatedly takes
the best-scoring candidate that fits the word budget, discounted by its similarity to
what is already chosen, and skips anything that repeats a chosen sentence: close in
TF-IDF, mostly the same stems, the same event in other words (`events.same_event`: the
same actor doing the same thing to the same object; `events.same_plan`: the same thing
due at the same time still to come) or the same fact by the citation test
(either sentence would support the other, as another outlet's wording of it does).
Ties break on (source number, sentence index), so the result is deterministic.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from itertools import compress

import numpy as np

from digest.compose.features import Features
from digest.compose.story import StoryText
from digest.compose.claims import Claim, claim_of
from digest.compose.events import DATE_STEMS, same_event, same_plan
from digest.compose.support import attests
from digest.text.figures import is_year

REDUNDANT_COSINE = 0.45
REDUNDANT_CONTAINMENT = 0.55


@dataclass(frozen=True)
class Candidate:
    """A sentence that may be shown, with its score."""

    unit: int
    """Index into `StoryText.units`."""
    text: str
    """The text as it would be shown (possibly rewritten)."""
    words: int
    score: float
    lead_in: tuple[int, str] | None = None
    """(unit, shown text) of the sentence just before it in its source, when it leans on
    that one (`follow_ons`): shown right before it, its words counted in `words`."""


def parts(cand: Candidate) -> tuple[Candidate, ...]:
    """The sentences a candidate shows: its lead-in, if it has one, then itself."""
    if cand.lead_in is None:
        return (cand,)
    unit, text = cand.lead_in
    return Candidate(unit, text, len(text.split()), cand.score), cand


@dataclass(frozen=True)
class Limits:
    """How many words and items a selection may use."""

    words: int
    items: int
    lam: float = 0.6
    """Weight of the score against the redundancy discount (MMR lambda)."""
    keep_after: int = 2
    """Items always allowed; later ones must reach `ratio` of the first one's score."""
    ratio: float = 0.0


def best_first(scores: np.ndarray, story: StoryText) -> list[int]:
    """Unit indices by descending score; ties by (source number, sentence index)."""
    keys = [(-round(value, 9), unit.number, i)
            for i, (value, unit) in enumerate(zip(scores.tolist(), story.units))]
    keys.sort()  # the index last: every key differs, so this is the order of the keys alone
    return [key[2] for key in keys]


def normalised(values: np.ndarray) -> np.ndarray:
    """Scale to [0, 1] by the maximum (all zeros stay zeros)."""
    top = float(values.max()) if len(values) else 0.0
    return values / top if top > 0 else np.zeros_like(values)


def pick(story: StoryText, candidates: Sequence[Candidate], limits: Limits,
         avoid: Sequence[int] = (), avoid_texts: Sequence[str] = ()) -> list[Candidate]:
    """MMR selection within the limits; never picks near-duplicates of each other
    or of the `avoid` units / texts (`avoid`: the units already in the text being
    built, which a candidate's lead-in may be)."""
    chosen: list[Candidate] = []
    blocked = list(avoid)
    taken = set(avoid)
    said = [claim_of(t, story) for t in avoid_texts]
    pool = sorted(candidates, key=lambda c: (-c.score, story.units[c.unit].number, c.unit))
    units = np.array([c.unit for c in pool], dtype=int)
    overlap = np.zeros(len(pool))
    if blocked and len(units):
        overlap = story.sim[np.ix_(units, np.array(blocked, dtype=int))].max(axis=1)
    near = overlap.tolist()  # Python floats: the same values, read far faster
    alive = [True] * len(pool)
    used = 0
    while any(alive) and len(chosen) < limits.items:
        best, best_value = -1, -np.inf
        for k in compress(range(len(pool)), alive):
            if used + cost(pool[k], taken) > limits.words:
                continue
            value = limits.lam * pool[k].score - (1 - limits.lam) * near[k]
            if value > best_value + 1e-12:
                best, best_value = k, value
        if best < 0 or (len(chosen) >= limits.keep_after
                        and pool[best].score < limits.ratio * chosen[0].score):
            break
        alive[best] = False
        shown = new_parts(pool[best], taken)
        if not shown or any(repeats_claims(story, part, blocked, said) for part in shown):
            continue
        chosen.append(pool[best])
        used += cost(pool[best], taken)
        taken.update(part.unit for part in shown)
        for part in shown:
            blocked.append(part.unit)
            said.append(claim_of(part.text, story))
            overlap = np.maximum(overlap, story.sim[units, part.unit])
        near = overlap.tolist()
    return chosen


def cost(cand: Candidate, shown: Collection[int]) -> int:
    """Words `cand` adds to a text already showing the `shown` units: a lead-in shown for
    its own sake is not counted again."""
    if cand.lead_in is not None and cand.lead_in[0] in shown:
        return cand.words - len(cand.lead_in[1].split())
    return cand.words


def new_parts(cand: Candidate, shown: Collection[int]) -> tuple[Candidate, ...]:
    """The `parts` of `cand` whose units are not among the `shown` ones (a lead-in chosen
    for its own sake is shown once, and its follow-on comes right after it)."""
    return tuple(part for part in parts(cand) if part.unit not in shown)


def repeats(story: StoryText, cand: Candidate, blocked: Sequence[int],
            said_texts: Sequence[str]) -> bool:
    """Would `cand` repeat one of the `blocked` units or `said_texts` (close in TF-IDF,
    mostly the same stems, or the same fact by the citation test)?"""
    return repeats_claims(story, cand, blocked, [claim_of(t, story) for t in said_texts])


def repeats_claims(story: StoryText, cand: Candidate, blocked: Sequence[int],
                   said: Sequence[Claim]) -> bool:
    """`repeats`, the said texts given as their claims (`claims.claim_of`): a selection
    that grows its list of said texts keeps their claims with it."""
    if any(story.sim[cand.unit, j] >= REDUNDANT_COSINE for j in blocked):
        return True
    mine = claim_of(cand.text, story)
    return any(_same_fact(mine.features, c.features) or same_event(mine, c)
               or same_plan(mine, c) or attests(mine, c.features) or attests(c, mine.features)
               for c in said)


def _same_fact(a: Features, b: Features) -> bool:
    """Near containment either way, or a shared figure or day or month with two fifths
    of the words shared: the same date anchors the same event ("In June, the judge
    ruled …" and "In June, federal judge Dana Holt ruled …")."""
    if not a.content or not b.content:
        return True  # `containment` of an empty one is 1.0
    both = a.content & b.content  # the stems they share, counted once for both ways
    most = max(len(both) / len(a.content), len(both) / len(b.content))
    if most >= REDUNDANT_CONTAINMENT:
        return True
    if most < 0.4:
        return False  # too few shared words, whatever anchors them (most pairs)
    return any(not is_year(n) for n in a.numbers & b.numbers) or \
        not DATE_STEMS.isdisjoint(both)

