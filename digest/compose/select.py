"""Shared selection machinery: eligible candidates and MMR picking.

A candidate is one source sentence, possibly lightly rewritten (`tidy` or
`shorten` from `quality`), that can stand alone. `pick` is maximal marginal
relevance with a hard redundancy cut: it repeatedly takes the best-scoring
candidate that fits the word budget, discounted by its similarity to what is
already chosen, and skips anything that repeats a chosen sentence: close in
TF-IDF, mostly the same stems, or the same fact by the citation test (either
sentence would support the other, as another outlet's wording of it does).
Ties break on (source number, sentence index), so the result is deterministic.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress

import numpy as np

from digest.compose.antecedents import name_pronoun
from digest.compose.blocks import TEXT
from digest.compose.features import Features, containment
from digest.compose.openers import Rewrite, may_name_speaker, name_opener, name_speaker
from digest.compose.quality import length_problem, verdict
from digest.compose.story import StoryText
from digest.compose.claims import Claim, claim_of
from digest.compose.support import attests
from digest.compose.trim import tidy
from digest.text.calendar import MONTHS, WEEKDAYS
from digest.text.stem import stem_token

REDUNDANT_COSINE = 0.45
REDUNDANT_CONTAINMENT = 0.55
POOL = 16
"""Eligible candidates considered per selection: enough for MMR, cheap to check."""


@dataclass(frozen=True)
class Candidate:
    """A sentence that may be shown, with its score."""

    unit: int
    """Index into `StoryText.units`."""
    text: str
    """The text as it would be shown (possibly rewritten)."""
    words: int
    score: float


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


def eligible(story: StoryText, order: Sequence[int], *, rewrite: Callable[[str], str] = tidy,
             min_words: int = 8, max_words: int = 45, reader: bool = False,
             in_account: bool = False,
             limit: int = POOL) -> list[tuple[int, str]]:
    """(unit, shown text) for the first `limit` units in `order` that can stand
    alone after `rewrite` (checked lazily: only as many as needed); `reader` and
    `in_account` as for `quality.problem`."""
    out, seen = [], set()
    shown, named_as, speakers = (story.table(name) for name in (_SHOWN, _NAMED, _SPEAKERS))

    def problem(text: str) -> str | None:  # `quality.problem` (`verdict` keeps each text's)
        return length_problem(text, TEXT, min_words, max_words) or \
            verdict(text).reason(reader=reader, in_account=in_account)

    for i in order:
        if story.units[i].sentence.kind != TEXT:
            continue
        found = shown.get((rewrite, i))
        if found is None:
            found = shown[(rewrite, i)] = _shown(story, rewrite(story.units[i].sentence.text))
        text, key, headline = found
        if key in seen or headline:
            continue
        reason = problem(text)
        if reason == "dangling start":
            if (i, text) not in named_as:
                named_as[(i, text)] = _named(story, i, text)
            named = named_as[(i, text)]
            if named is not None and not problem(named.text):
                text, key, reason = named.text, named.text.casefold(), None
                rewrites(story)[(i, text)] = named
        if reason is None and may_name_speaker(text):
            if (i, text) not in speakers:
                speakers[(i, text)] = name_speaker(text, _earlier(story, i))
            speaker = speakers[(i, text)]
            if speaker is not None and not problem(speaker.text):
                text, key = speaker.text, speaker.text.casefold()
                rewrites(story)[(i, text)] = speaker
        if reason or key in seen:
            continue
        seen.add(key)
        out.append((i, text))
        if len(out) >= limit:
            break
    return out


_SHOWN, _NAMED, _SPEAKERS = "select.shown", "select.named", "select.speakers"
"""Names in `StoryText.derived` of the memos of `eligible`: (rewrite, unit) → `_shown`;
(unit, text) → `_named` and → `openers.name_speaker`. Three selections look at much the
same sentences."""


def _shown(story: StoryText, text: str) -> tuple[str, str, bool]:
    """(text, its case-folded key, is it a headline?)"""
    folded, titles = text.casefold(), headline_keys(story)
    # A headline's longest word is in the text when the text is the headline: only then
    # are its words compared.
    if not any(word in folded for word in _longest_words(story)):
        return text, folded, False
    return text, folded, title_key(text) in titles


def _longest_words(story: StoryText) -> tuple[str, ...]:
    """The longest word of each `headline_keys` key."""
    found = story.derived.get(_LONGEST)
    if not isinstance(found, tuple):
        found = story.derived[_LONGEST] = tuple(
            max(key.split(" "), key=len) for key in sorted(headline_keys(story)))
    return found


_LONGEST = "select.longest"


def _named(story: StoryText, unit: int, text: str) -> Rewrite | None:
    """`text` (unit `unit` as shown) with its opener, or the person its "he" or "she"
    stands for, named from the same source."""
    earlier = _earlier(story, unit)
    return name_opener(text, earlier, story.docs[story.units[unit].doc].title) or \
        name_pronoun(text, earlier)


def _earlier(story: StoryText, unit: int) -> list[str]:
    """The texts of the sentences before unit `unit` in its source, in order."""
    u = story.units[unit]
    return [story.units[j].sentence.text for j in story.doc_units(u.doc)
            if story.units[j].sentence.index < u.sentence.index
            and story.units[j].sentence.kind == TEXT]


_REWRITES = "select.rewrites"  # its name in `StoryText.derived`


def rewrites(story: StoryText) -> dict[tuple[int, str], Rewrite]:
    """(unit, shown text) → the opener rewrite that made it, for this story."""
    found = story.derived.get(_REWRITES)
    if not isinstance(found, dict):
        found = story.derived[_REWRITES] = {}
    return found


@lru_cache(maxsize=1 << 16)  # a pure function of the text, asked of every candidate
def title_key(text: str) -> str:
    """Text reduced for telling a headline used as a sentence: lower-case words."""
    return " ".join(_WORDS.findall(text.casefold()))


def headline_keys(story: StoryText) -> frozenset[str]:
    """`title_key` of every source's headline: none of them is ever a shown sentence."""
    found = story.derived.get(_TITLES)
    if not isinstance(found, frozenset):
        found = story.derived[_TITLES] = frozenset(title_key(d.title) for d in story.docs)
    return found


_TITLES = "select.titles"
_WORDS = re.compile(r"[^\W_]+")


def best_first(scores: np.ndarray, story: StoryText) -> list[int]:
    """Unit indices by descending score; ties by (source number, sentence index)."""
    values, units = scores.tolist(), story.units
    return sorted(range(len(values)), key=lambda i: (-round(values[i], 9), units[i].number, i))


def normalised(values: np.ndarray) -> np.ndarray:
    """Scale to [0, 1] by the maximum (all zeros stay zeros)."""
    top = float(values.max()) if len(values) else 0.0
    return values / top if top > 0 else np.zeros_like(values)


def pick(story: StoryText, candidates: Sequence[Candidate], limits: Limits,
         avoid: Sequence[int] = (), avoid_texts: Sequence[str] = ()) -> list[Candidate]:
    """MMR selection within the limits; never picks near-duplicates of each other
    or of the `avoid` units / texts."""
    chosen: list[Candidate] = []
    blocked = list(avoid)
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
            if used + pool[k].words > limits.words:
                continue
            value = limits.lam * pool[k].score - (1 - limits.lam) * near[k]
            if value > best_value + 1e-12:
                best, best_value = k, value
        if best < 0 or (len(chosen) >= limits.keep_after
                        and pool[best].score < limits.ratio * chosen[0].score):
            break
        alive[best] = False
        if _repeats(story, pool[best], blocked, said):
            continue
        chosen.append(pool[best])
        blocked.append(pool[best].unit)
        said.append(claim_of(pool[best].text, story))
        overlap = np.maximum(overlap, story.sim[units, pool[best].unit])
        near = overlap.tolist()
        used += pool[best].words
    return chosen


def repeats(story: StoryText, cand: Candidate, blocked: Sequence[int],
            said_texts: Sequence[str]) -> bool:
    """Would `cand` repeat one of the `blocked` units or `said_texts` (close in TF-IDF,
    mostly the same stems, or the same fact by the citation test)?"""
    return _repeats(story, cand, list(blocked), [claim_of(t, story) for t in said_texts])


def _repeats(story: StoryText, cand: Candidate, blocked: list[int], said: list[Claim]) -> bool:
    if any(story.sim[cand.unit, j] >= REDUNDANT_COSINE for j in blocked):
        return True
    mine = claim_of(cand.text, story)
    return any(_same_fact(mine.features, c.features) or attests(mine, c.features)
               or attests(c, mine.features) for c in said)


def _same_fact(a: Features, b: Features) -> bool:
    """Near containment either way, or a shared figure or day or month with two fifths
    of the words shared: the same date anchors the same event ("In June, the judge
    ruled …" and "In June, federal judge Dana Holt ruled …")."""
    most = max(containment(a, b), containment(b, a))
    if most >= REDUNDANT_CONTAINMENT:
        return True
    anchored = any(not is_year(n) for n in a.numbers & b.numbers) or \
        not _DATE_STEMS.isdisjoint(a.content & b.content)
    return anchored and most >= 0.4


_DATE_STEMS = frozenset(stem_token(w) for w in (*MONTHS, *WEEKDAYS) if w != "May")
"""Stems of the names of days and months ("May" is a verb too)."""


def is_year(number: str) -> bool:
    return len(number) == 4 and number.isdigit() and number[:2] in ("19", "20")
