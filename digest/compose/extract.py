"""The summary box: 2–4 source sentences that tell the story.

Extractive and offline. Every sentence that can stand alone (see `quality`)
is scored by
  * coverage — how many of the word pairs the sources share it says, per word
    (the concepts of Gillick & Favre's multi-document summariser),
  * agreement — how closely the other sources repeat it (what several
    outlets agree on is the news),
  * centrality — cosine with the story centroid, each source weighted once,
  * headline — cosine with the sources' headlines,
  * position — news puts the facts in the lead,
and cited to every source that supports it. None is the writer's guess or
comment ("Apple will likely reveal …", "Perhaps the biggest upgrade is …",
`hedges.writers_view`): the box says what happened. The first sentence is picked
apart by that score: never someone's words (a quote, or a speaker introducing one),
it names someone or something, preferably the story's main actor (the name the
headlines share most) in a source's lead sentence. The rest are the greedy
budgeted maximum coverage of the word pairs several sources use
(`concepts.cover_pick`, Gillick & Favre), the score breaking ties, at most one of
them a voice (a quotation, with its speaker named as `quality` requires, or a
speaker's quoted words), and follow in reading order (lead position, then source
number). Weights were set on Multi-News validation clusters against LexRank at
equal length (see bench/results).
A sentence too long for the box is trimmed of a non-restrictive or trailing clause
first (`trim.fit`), as an editor fits one in rather than leave its news out.
A story whose bodies give nothing usable falls back to an excerpt, never to a
headline (the page's title already says it). Deterministic: sources are read in
number order, ties break on (source number, sentence index).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np

from digest.compose.concepts import cover_pick
from digest.compose.eligible import eligible, headline_keys, rewrites
from digest.compose.furniture import is_boilerplate
from digest.compose.openers import NOT_ACTORS
from digest.compose.quality import problem
from digest.compose.quotations import SUMMARY_OPENING_MARKS, is_voice, only_words_of
from digest.compose.select import Candidate, Limits, best_first, normalised, pick
from digest.compose.source import SourceDocument
from digest.compose.story import BODY, StoryText, analyse_story, title_key
from digest.compose.support import citations, cited_sources
from digest.compose.trim import fit, tidy
from digest.text.hedges import writers_view
from digest.text.sentences import split_sentences

__all__ = ["Extract", "SourceDocument", "score_units", "summarize"]

WEIGHTS = {"coverage": 1.0, "agreement": 1.0, "centrality": 0.6, "headline": 1.0,
           "position": 1.0, "specific": 0.3}
TAKEAWAY_WEIGHTS = {"coverage": 0.0, "agreement": 1.0, "centrality": 0.6, "headline": 1.5,
                    "position": 1.0, "specific": 0.3}
"""Takeaways are short single facts: scored without the coverage term, which favours
sentences that say much."""
QUOTE_PENALTY = 0.5
"""Subtracted from a summary candidate that opens on a quotation: a voice, not the news."""
MAX_QUOTES = 1
"""Quotations among the box's further sentences (the first is never one): one named
speaker's words can carry the story's reaction; more would make the box a set of voices."""
ACTOR_BONUS = 0.3
"""Added to the score of an opening candidate that names the story's main actor."""
LEAD_BONUS = 0.3
"""Added to the score of an opening candidate that is its source's lead sentence."""
COVERAGE_SMOOTH = 5
KEEP_RATIO = 0.75
"""Where no sentence adds a word pair other sources share (the sources tell different
things), a third or fourth sentence must score this share of the best one."""


@dataclass(frozen=True)
class Extract:
    """A shown sentence traced to the source sentence it came from."""

    text: str
    """The sentence as shown (possibly lightly rewritten by removing words)."""
    cites: tuple[int, ...]
    """Sorted numbers of the sources that support it (always includes source_number)."""
    source_number: int
    source_sentence: str
    """The original sentence, verbatim."""
    sentence_index: int
    """Index of that sentence in its source (see `sentences.document_sentences`)."""
    field: str = BODY
    """`body`; `excerpt` or `title` when the source body gave nothing usable."""
    rewrite: str = ""
    """How the opener was named ("'The company' → 'Harwick'"), when it was (`openers`)."""


def summarize(docs: Sequence[SourceDocument], *, word_budget: int = 90, max_sentences: int = 4,
              story: StoryText | None = None) -> list[Extract]:
    """2–4 standalone sentences within about `word_budget` words, each cited."""
    if not docs:
        return []
    story = story or analyse_story(docs)
    scores = score_units(story)
    order = best_first(scores, story)
    for min_words, max_words in ((8, 45), (5, 60)):
        options = [Candidate(i, text, len(text.split()), float(scores[i])
                             - (QUOTE_PENALTY if text[:1] in SUMMARY_OPENING_MARKS else 0.0))
                   for i, text in eligible(story, order, rewrite=fit, min_words=min_words,
                                           max_words=max_words)
                   if not writers_view(text)]  # the box says what happened, not a guess
        leads = _leads(story, options)
        first = pick(story, leads, Limits(words=word_budget, items=1))
        if not first:
            continue
        others = [c for c in options if c.unit != first[0].unit]
        rest = _rest(story, first[0], others, word_budget - first[0].words, max_sentences - 1)
        voices = [c.unit for c in rest if is_voice(c.text)]
        while len(voices) > MAX_QUOTES:  # keep the first picked, choose again without the others
            others = [c for c in others if c.unit not in voices[MAX_QUOTES:]]
            rest = _rest(story, first[0], others, word_budget - first[0].words,
                         max_sentences - 1)
            voices = [c.unit for c in rest if is_voice(c.text)]
        ordered = first + sorted(rest, key=lambda c: (story.units[c.unit].rank,
                                                      story.units[c.unit].number))
        return [to_extract(story, c.unit, c.text) for c in ordered]
    return _fallback(story)


def _rest(story: StoryText, first: Candidate, others: Sequence[Candidate], room: int,
          items: int) -> list[Candidate]:
    """The box's further sentences after `first`: the word pairs most sources share
    (`cover_pick`), else the best scores (`pick`)."""
    return cover_pick(story, others, Limits(words=room, items=items),
                      avoid=[first.unit], avoid_texts=[first.text]) or \
        pick(story, others, Limits(words=room, items=items, keep_after=1, ratio=KEEP_RATIO),
             avoid=[first.unit], avoid_texts=[first.text])


def _leads(story: StoryText, options: Sequence[Candidate]) -> list[Candidate]:
    """The candidates that may open the summary: never someone's words (`only_words_of`),
    and (where any does) naming someone or
    something (a name or a figure); those naming the story's main actor (the name its
    headlines share most) get `ACTOR_BONUS`."""
    actor = main_actor(story)
    out = []
    for c in options:
        feats = story.features_of(c.text)
        if only_words_of(c.text) or not (feats.names or feats.lead or feats.numbers):
            continue  # the news is what happened, not someone's words or a guess
        named = bool(actor) and actor in (feats.names | {feats.lead})
        lead = story.units[c.unit].rank == 0
        out.append(Candidate(c.unit, c.text, c.words, c.score + (ACTOR_BONUS if named else 0.0)
                             + (LEAD_BONUS if lead else 0.0)))
    if out:
        return out
    # A story about things rather than named actors ("The north pier is closed ...") still
    # has a lead: any sentence that stands alone and is not a quote, source leads first.
    return [Candidate(c.unit, c.text, c.words,
                      c.score + (LEAD_BONUS if story.units[c.unit].rank == 0 else 0.0))
            for c in options if not only_words_of(c.text)]


def main_actor(story: StoryText) -> str:
    """Stem of the name the sources' headlines mention most (ties: the first
    headline's order), or "" when no name recurs or there is one source without one. A
    generic word ("AI", "App") names no actor, however often the headlines use it."""
    counts: dict[str, int] = {}
    for doc in story.docs:
        feats = story.features_of(doc.title)
        for name in sorted(feats.names | ({feats.lead} if feats.lead else set())):
            if name not in NOT_ACTORS:
                counts[name] = counts.get(name, 0) + 1
    if not counts:
        return ""
    return max(sorted(counts), key=lambda n: counts[n])


def score_units(story: StoryText, weights: dict[str, float] | None = None) -> np.ndarray:
    """Summary-worthiness of every unit, roughly in [0, 3] (`weights`: WEIGHTS), read-only.
    With the default weights it is worked out once per story (summary and brief both
    start from it)."""
    if weights is not None:
        return _scores(story, weights)
    found = story.derived.get(_SCORES)
    if not isinstance(found, np.ndarray):
        found = story.derived[_SCORES] = _scores(story, WEIGHTS)
        found.flags.writeable = False
    return found


_SCORES = "extract.scores"  # its name in `StoryText.derived`


def _scores(story: StoryText, w: dict[str, float]) -> np.ndarray:
    if not story.units:
        return np.zeros(0)
    ranks = np.array([u.rank for u in story.units], dtype=float)
    position = 1.0 / (1.0 + ranks / 2.0)
    specific = np.array([min(u.specific, 3) / 3 for u in story.units])
    covered = normalised(coverage(story)) if w["coverage"] else 0.0
    return (w["coverage"] * covered
            + w["agreement"] * normalised(story.agreement)
            + w["centrality"] * normalised(story.centrality)
            + w["headline"] * normalised(story.headline)
            + w["position"] * position + w["specific"] * specific)


def coverage(story: StoryText) -> np.ndarray:
    """How much of what the sources share each unit says: the summed weight of its
    distinct word pairs (adjacent content stems), a pair weighing one less than the
    number of sources that use it (so only shared pairs count), per word of the unit
    plus `COVERAGE_SMOOTH` (long sentences are not favoured for their length)."""
    pairs = [set(zip(u.terms, u.terms[1:])) for u in story.units]
    by_source: dict[int, set[tuple[str, str]]] = {}
    for u, found in zip(story.units, pairs):
        by_source.setdefault(u.doc, set()).update(found)
    sources = Counter(chain.from_iterable(by_source.values()))  # pair → sources using it
    # Whole numbers: their sum is the same in one pass over the pairs.
    return np.array([(sum(map(sources.__getitem__, found)) - len(found))
                     / (len(u.terms) + COVERAGE_SMOOTH) for u, found in zip(story.units, pairs)])


def to_extract(story: StoryText, unit: int, text: str,
               cites: tuple[int, ...] | None = None) -> Extract:
    """An `Extract` of unit `unit` shown as `text`, with its citations (`cites` when
    already found) and the opener rewrite that made it, if one did."""
    u = story.units[unit]
    named = rewrites(story).get((unit, text))
    if cites is None:
        cites = citations(story, text, unit)
    return Extract(text=text, cites=cites, source_number=u.number,
                   source_sentence=u.sentence.text, sentence_index=u.sentence.index,
                   field=u.field, rewrite=named.note if named else "")


def _fallback(story: StoryText) -> list[Extract]:
    """The first standalone excerpt sentence that is not a quote; nothing when there is
    none (a headline is never a summary sentence: it is already the page's title)."""
    titles = headline_keys(story)
    for field in ("excerpt",):
        for doc in story.docs:
            text = doc.excerpt
            for index, sentence in enumerate(split_sentences(text or "")):
                shown = tidy(sentence)
                if shown[:1] in SUMMARY_OPENING_MARKS or is_boilerplate(shown) \
                        or title_key(shown) in titles or problem(shown, min_words=4, max_words=60):
                    continue
                cites = {doc.number, *cited_sources(story, shown)}
                return [Extract(text=shown, cites=tuple(sorted(cites)),
                                source_number=doc.number, source_sentence=sentence,
                                sentence_index=index, field=field)]
    return []
