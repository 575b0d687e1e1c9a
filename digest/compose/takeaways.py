"""Key takeaways: 3–6 short, distinct facts, none a summary sentence again.

Candidates are standalone source sentences shortened only by safe removals
(`trim.shorten`: heading label, leading connective or time phrase,
parentheticals, "also", a trailing "…, the company said", and past 20 words a
trailing clause). They are scored like summary sentences (agreement,
centrality, headline, position) plus a bonus for fact density (numbers,
names) and a penalty for length, steep past `MOST_WORDS` (25), then picked
by MMR among themselves; two that state the same fact (the citation test)
are never both picked.

A takeaway never repeats the summary box: not a summary sentence, not a near
copy of one (60 % of either's stems in the other), not the same fact in other
words (the citation test, as between takeaways), and never a near copy of an
earlier takeaway. Weak tail items are dropped once `min_items` are reached. A takeaway
is a fact (`is_fact`): never opening on a quotation and naming its actor (not a generic
word such as "AI"). Bullets are listed as the story unfolds (sources in date order, each
in reading order); each is cited to every source that supports it.
Deterministic, like `summarize`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from digest.compose.extract import TAKEAWAY_WEIGHTS, Extract, score_units, to_extract
from digest.compose.features import Features, mutual_containment
from digest.compose.eligible import POOL, eligible
from digest.compose.openers import NOT_ACTORS
from digest.compose.quotations import SUMMARY_OPENING_MARKS
from digest.compose.select import Candidate, Limits, best_first, pick
from digest.compose.source import SourceDocument
from digest.compose.story import StoryText, analyse_story
from digest.compose.trim import shorten
from digest.text.hedges import writers_view

ECHO = 0.6
"""Share of stems (either way) that makes a takeaway a near copy of a summary sentence."""

IDEAL_WORDS = 18
MOST_WORDS = 25
"""Past this many words a takeaway is penalised hard (one fact, quickly read)."""
QUOTE_PENALTY = 0.3
"""Quotes make weak bullets: a takeaway is a fact, not a voice."""
TAIL_RATIO = 0.55
"""A takeaway beyond `min_items` must score at least this share of the best one."""


def key_takeaways(docs: Sequence[SourceDocument], summary: Sequence[Extract], *,
                  min_items: int = 3, max_items: int = 6,
                  story: StoryText | None = None) -> list[Extract]:
    """Up to `max_items` short cited facts, none repeating the summary."""
    if not docs or max_items <= 0:
        return []
    story = story or analyse_story(docs)
    base = score_units(story, TAKEAWAY_WEIGHTS)
    avoid = set(_summary_units(story, summary))
    said = [story.features_of(e.text) for e in summary]
    order = [i for i in best_first(_prior(story, base), story) if i not in avoid]
    chosen: list[Candidate] = []
    for min_words, max_words in ((6, 30), (5, 40)):
        # One pool, as for the other selections: six facts are picked from the best-scored
        # standing sentences, and judging a longer tail only costs checks.
        options = [_candidate(story, base, i, text)
                   for i, text in eligible(story, order, rewrite=shorten, min_words=min_words,
                                           max_words=max_words, reader=True, limit=POOL)
                   if is_fact(story, text) and not _echoes(story.features_of(text), said)]
        chosen = pick(story, options, Limits(words=max_items * 40, items=max_items, lam=0.7),
                      avoid_texts=[e.text for e in summary])
        if len(chosen) >= min_items:
            break
    kept = sorted(_trim(chosen, min_items), key=lambda c: (story.units[c.unit].number,
                                                           story.units[c.unit].sentence.index))
    return [to_extract(story, c.unit, c.text) for c in kept]


def is_fact(story: StoryText, text: str) -> bool:
    """Can `text` be a takeaway: a statement rather than a voice (it does not open on a
    quotation) or the writer's guess or comment (`hedges.writers_view`) that names its actor (a
    name, or a capitalised first word the story uses as a name)? A generic capitalised
    word names no one ("AI", "CEO", "Pro": "With the soaring popularity of everything
    AI, there's dozens of such apps"). Nor is the reader an actor: "You can install it for
    free." tells the reader what to do, not what happened."""
    if text[:1] in SUMMARY_OPENING_MARKS or writers_view(text) or _THE_READER.match(text):
        return False
    feats = story.features_of(text)
    return bool(feats.names - NOT_ACTORS) or \
        bool(feats.lead) and feats.lead not in NOT_ACTORS and feats.lead in _story_names(story)


_THE_READER = re.compile(r"(?:If\s+)?[Yy]ou(?:r|['’](?:re|ll|ve|d))?\b")
"""A sentence whose subject is the reader ("You can …", "Your AirPods should appear …");
used with `match`."""


def _story_names(story: StoryText) -> frozenset[str]:
    found = story.derived.get(_NAMES)
    if not isinstance(found, frozenset):
        titles = [story.features_of(d.title) for d in story.docs]
        found = story.derived[_NAMES] = frozenset().union(
            *(u.features.names for u in story.units), *(t.names for t in titles),
            {t.lead for t in titles if t.lead})
    return found


_NAMES = "takeaways.names"  # its name in `StoryText.derived`


def _prior(story: StoryText, base: np.ndarray) -> np.ndarray:
    """The takeaway score before shortening, from the unshortened sentence."""
    return np.array([_bonus(u.specific, u.sentence.text.count(" ") + 1)
                     for u in story.units]) + base


def _bonus(specific: int, words: int) -> float:
    """Fact density (names, figures) up, length beyond IDEAL_WORDS down, and more
    steeply beyond MOST_WORDS."""
    return 0.15 * min(specific, 4) / 4 * 2 - 0.03 * max(0, words - IDEAL_WORDS) \
        - 0.1 * max(0, words - MOST_WORDS)


def _candidate(story: StoryText, base: np.ndarray, unit: int, text: str) -> Candidate:
    words = len(text.split())
    quote = QUOTE_PENALTY if any(q in text for q in "\"“”") else 0.0
    return Candidate(unit=unit, text=text, words=words,
                     score=float(base[unit]) + _bonus(story.units[unit].specific, words) - quote)


def _echoes(mine: Features, said: list[Features]) -> bool:
    """Is the text a near copy of a summary sentence (either contains the other)?"""
    return any(mutual_containment(mine, f) >= ECHO for f in said)


def _summary_units(story: StoryText, summary: Sequence[Extract]) -> list[int]:
    wanted = {(e.source_number, e.sentence_index, e.field) for e in summary}
    return [i for i, u in enumerate(story.units)
            if (u.number, u.sentence.index, u.field) in wanted]


def _trim(chosen: list[Candidate], min_items: int) -> list[Candidate]:
    if not chosen:
        return []
    floor = TAIL_RATIO * chosen[0].score
    return [c for k, c in enumerate(chosen) if k < min_items or c.score >= floor]
