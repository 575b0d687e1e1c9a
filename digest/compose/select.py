"""Shared selection machinery: eligible candidates, follow-ons and MMR picking.

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
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import compress

import numpy as np

from digest.compose.antecedents import name_pronoun
from digest.compose.blocks import TEXT
from digest.compose.features import Features, containment
from digest.compose.openers import Rewrite, may_name_speaker, name_opener, name_speaker
from digest.compose.quality import length_problem, verdict
from digest.compose.story import StoryText
from digest.compose.support import Claim, attests, claim_of
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


def eligible(story: StoryText, order: Sequence[int], *, rewrite: Callable[[str], str] = tidy,
             min_words: int = 8, max_words: int = 45, reader: bool = False,
             in_account: bool = False,
             limit: int = POOL) -> list[tuple[int, str]]:
    """(unit, shown text) for the first `limit` units in `order` that can stand
    alone after `rewrite` (checked lazily: only as many as needed); `reader` and
    `in_account` as for `quality.problem`."""
    out, seen = [], set()
    judge = _Judge(story, rewrite, min_words, max_words, reader, in_account)
    for i in order:
        found = judge(i, seen)
        if found is None:
            continue
        text, key, reason = found
        if reason or key in seen:
            continue
        seen.add(key)
        out.append((i, text))
        if len(out) >= limit:
            break
    return out


def follow_ons(story: StoryText, order: Sequence[int], *, min_words: int = 8,
               max_words: int = 45, limit: int = POOL) -> list[tuple[int, str, int, str]]:
    """(unit, shown text, the unit before it, that one's shown text) for the first `limit`
    units in `order` whose one problem is that they lean back ("He said …", "The company
    …") and whose sentence just before, in the same source, stands alone: shown right
    after that sentence, as their source wrote them, they read resolved (`quality.problem`
    with `in_account=True` judges both)."""
    out = []
    judge = _Judge(story, tidy, min_words, max_words, False, True)
    for i in order:
        before = _sentence_before(story, i)
        if before is None:
            continue
        found = judge(i, ())
        if found is None or found[2] != "dangling start" or not _only_leans(found[0]) or \
                _POINTS_AHEAD.match(found[0]):
            continue
        previous = judge(before, ())
        if previous is None or previous[2] is not None:
            continue
        out.append((i, found[0], before, previous[0]))
        if len(out) >= limit:
            break
    return out


def _only_leans(text: str) -> bool:
    """Is leaning back the one thing keeping `text` from standing alone in an account
    (no unattributed quote, first person, aside to the reader …)?"""
    return replace(verdict(text), leans=False, leans_in_account=False).reason(
        in_account=True) is None


_POINTS_AHEAD = re.compile(r"(?:Here(?:['’]s| is| are)|Below|(?:The )?[Ff]ollowing (?:is|are)|"
                          r"These are)\b")
"""An opener pointing at what comes after it in its source ("Here's a list of …"), which
the sentence before cannot resolve; used with `match`."""


def _sentence_before(story: StoryText, unit: int) -> int | None:
    """The running-text unit just before `unit` in its source (the sentence numbered one
    less), or None."""
    if unit == 0 or story.units[unit].sentence.kind != TEXT:
        return None
    mine, before = story.units[unit], story.units[unit - 1]
    if before.doc != mine.doc or before.sentence.kind != TEXT or \
            before.sentence.index != mine.sentence.index - 1:
        return None
    return unit - 1


class _Judge:
    """(shown text, its case-folded key, the reason it cannot be shown or None) of a unit
    after `rewrite` and the opener and speaker namings, or None for a headline, a unit
    that is not running text or one whose text is among `seen` keys; each text's verdict and each naming worked out once per
    story (three selections look at much the same sentences)."""

    def __init__(self, story: StoryText, rewrite: Callable[[str], str], min_words: int,
                 max_words: int, reader: bool, in_account: bool) -> None:
        self.story, self.rewrite = story, rewrite
        self.bounds, self.flags = (min_words, max_words), (reader, in_account)
        self.shown, self.named_as, self.speakers = (story.table(name)
                                                    for name in (_SHOWN, _NAMED, _SPEAKERS))

    def problem(self, text: str) -> str | None:  # `quality.problem` (`verdict` keeps each text's)
        reader, in_account = self.flags
        return length_problem(text, TEXT, *self.bounds) or \
            verdict(text).reason(reader=reader, in_account=in_account)

    def __call__(self, i: int, seen: Collection[str]) -> tuple[str, str, str | None] | None:
        story = self.story
        if story.units[i].sentence.kind != TEXT:
            return None
        found = self.shown.get((self.rewrite, i))
        if found is None:
            found = self.shown[(self.rewrite, i)] = _shown(
                story, self.rewrite(story.units[i].sentence.text))
        text, key, headline = found
        if headline or key in seen:
            return None
        reason = self.problem(text)
        if reason == "dangling start":
            if (i, text) not in self.named_as:
                self.named_as[(i, text)] = _named(story, i, text)
            named = self.named_as[(i, text)]
            if named is not None and not self.problem(named.text):
                text, key, reason = named.text, named.text.casefold(), None
                rewrites(story)[(i, text)] = named
        if reason is None and may_name_speaker(text):
            if (i, text) not in self.speakers:
                self.speakers[(i, text)] = name_speaker(text, _earlier(story, i))
            speaker = self.speakers[(i, text)]
            if speaker is not None and not self.problem(speaker.text):
                text, key = speaker.text, speaker.text.casefold()
                rewrites(story)[(i, text)] = speaker
        return text, key, reason


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
            if used + pool[k].words > limits.words:
                continue
            value = limits.lam * pool[k].score - (1 - limits.lam) * near[k]
            if value > best_value + 1e-12:
                best, best_value = k, value
        if best < 0 or (len(chosen) >= limits.keep_after
                        and pool[best].score < limits.ratio * chosen[0].score):
            break
        alive[best] = False
        shown = new_parts(pool[best], taken)
        if not shown or any(_repeats(story, part, blocked, said) for part in shown):
            continue
        chosen.append(pool[best])
        taken.update(part.unit for part in shown)
        for part in shown:
            blocked.append(part.unit)
            said.append(claim_of(part.text, story))
            overlap = np.maximum(overlap, story.sim[units, part.unit])
        near = overlap.tolist()
        used += pool[best].words
    return chosen


def new_parts(cand: Candidate, shown: Collection[int]) -> tuple[Candidate, ...]:
    """The `parts` of `cand` whose units are not among the `shown` ones (a lead-in chosen
    for its own sake is shown once, and its follow-on comes right after it)."""
    return tuple(part for part in parts(cand) if part.unit not in shown)


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
