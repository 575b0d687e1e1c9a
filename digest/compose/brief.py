"""The brief: one account of the story told from all its sources, by aspect.

Extractive and cited, like the summary box, but longer (`brief_length`: 40 %
of `brief_words` for one source, growing with each further source by the new
material it brings) and organised by what it says rather than by who said it:

1. A lead is chosen first: the summary box's first sentence when the caller
   names it (`opening`: a several-source brief opens where its short version
   does), else among the first two sentences of each source the standalone one
   that is not a quote and scores best as news (the summary box's score: agreed
   by the sources, close to the headlines).
2. Room is made first for the people involved to speak: up to `VOICES` quotations
   (attributed: an unattributed one never stands alone), the best by the brief's
   score, within `VOICES_SHARE` of the words left; a reader takes in an event
   through the words of those in it, and an account that only paraphrases loses
   them to the facts every outlet repeats.
3. The rest covers first the word pairs the most sources use
   (`concepts.cover_pick`: greedy budgeted maximum coverage after Gillick &
   Favre); the words left are filled by MMR (`select.pick`) on a
   multi-document score: closeness to the story centroid, the share of the
   sentence's words that other sources use too (what several outlets report
   is the news), agreement, position and closeness to the headlines, with
   position weighing most in the fill (`FILL_POSITION`). Both make the hard
   redundancy cut, so no two sentences state the same fact.
4. The picked sentences are sorted into aspects (`brief_aspects`): what
   happened, figures and details, reactions and quotes, context and what
   comes next; within a paragraph sentences follow their place in the
   sources (lead position, then source number), so sources interleave. No
   paragraph opens on a quote.
5. With three paragraphs or more each after the lead gets a heading: a key
   phrase copied from its own sentences (`brief_headings.key_phrase`), never new
   words. The lead has none: the page's title is its heading.

The brief is the whole account and reads complete without the boxes above it:
the summary box is its short version (as a standfirst is of an article whose lede
it repeats), so the brief may hold the box's sentences. The takeaways, a list printed
between the two, are another matter: no takeaway and no near copy of one comes back
in the brief (`shown.shown_again`), though it may tell a takeaway's fact in clearly other
words.

Every sentence is a source sentence passing `quality.problem` (it can stand
alone), or one whose only problem is that it leans on the sentence just before it in
its source ("It will open in 2029."), or that is a quotation going on from the speaker
that one names, shown right after it as its source wrote them (`eligible.follow_ons`; a
reader takes the pair in as one); never a headline;
cited to every source that says it (`support.citations`). Deterministic: ties break
on (source number, unit).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import chain

import numpy as np

from digest.compose.blocks import TEXT
from digest.compose.brief_aspects import DETAILS, EVENT, arrange
from digest.compose.brief_headings import headings
from digest.compose.concepts import cover_pick
from digest.compose.eligible import eligible, follow_ons
from digest.compose.extract import Extract, score_units, to_extract
from digest.compose.quality import leaning
from digest.compose.quotations import (
    OPENING_MARKS, has_long_quotation, opens_on_quote, wholly_quoted,
)
from digest.compose.select import REDUNDANT_COSINE, Candidate, Limits, best_first, parts, pick
from digest.compose.shown import Shown
from digest.compose.story import StoryText
from digest.text.hedges import writers_view

FIRST_SHARE = 0.4
"""Share of `brief_words` a single-source story's brief aims at."""
SOURCE_SHARE = 0.2
"""Most a further source adds to the target, as a share of `brief_words`."""
NEW_WORDS_PER_WORD = 2
"""Words of new material a further source needs for each word it adds to the target."""
HEADINGS_FROM = 3
"""Fewest paragraphs for headings: two short paragraphs need no signposts."""
POOL = 24
"""Eligible candidates considered: enough for the fifteen or so sentences of a long
brief after the redundancy cut, few enough to check cheaply (32 gave the same briefs in
quality, Multi-News R-2 1.120× against 1.125× at 24, for 7 % more compose CPU: Stop 26)."""
FOLLOW_ONS = 16
"""Sentences leaning on the one before them considered besides the `POOL`: a source's
account goes on in them ("He said …", "The company …"), and shown right after the
sentence they lean on they read as their source wrote them. They are looked for among
the units the `POOL` was found in (all of them when it is not full)."""
VOICES = 2
"""Quotations the brief makes room for before covering the facts: the reactions aspect
told in the speakers' own words, without piling quotes up."""
VOICES_SHARE = 0.5
"""Most of the words after the lead the quotations chosen first may take."""
LEAD_RANKS = 2
"""A lead is among the first this many running-text sentences of its source."""
WEIGHTS = {"centrality": 1.0, "shared": 1.0, "agreement": 0.5, "position": 1.0, "headline": 1.0}
"""A headline is its outlet's one-line judgement of the news: a sentence close to the
headlines tells the news (the summary box's score weighs it too)."""
POSITION_SCALE = 3.0
"""Position prior 1 / (1 + rank / scale): leads first, slowly fading."""
FILL_POSITION = 15.0
"""Weight of the position prior added to a candidate's score once the corroborated
concepts are covered: what is left is mostly one outlet's, and a writer puts what
matters early (the inverted pyramid), so the words left go to earlier sentences first."""


@dataclass(frozen=True)
class BriefPart:
    """One paragraph of the brief."""

    aspect: str
    """`event`, `details`, `reactions` or `context` (see `brief_aspects`)."""
    heading: str | None
    """A key phrase of its sentences, or None (the lead; fewer than `HEADINGS_FROM`
    paragraphs)."""
    sentences: tuple[Extract, ...]


def compose_brief(story: StoryText, max_words: int, *,
                  known: Mapping[tuple[int, str], tuple[int, ...]] | None = None,
                  shown: Sequence[str] = (), shown_units: Sequence[int] = (),
                  opening: int | None = None) -> list[BriefPart]:
    """The brief of an analysed story within about `brief_length` words; empty when
    `max_words` is 0 or nothing can stand alone. `known` maps (unit, text) to
    citations already found (the summary's and takeaways'), so none is searched twice.
    No brief sentence is one `shown` above it (the takeaways' texts; `shown_units` the
    units they came from) or a near copy of one (`shown.shown_again`); the brief is the whole
    account, so it may tell their facts again in another source's words. `opening`, a
    unit, is the lead when it is among the candidates."""
    if max_words <= 0 or not story.units:
        return []
    budget = brief_length(story, max_words)
    options = _options(story, shown, shown_units)
    lead = next((c for c in options if c.unit == opening and c.lead_in is None), None) or \
        _lead(story, [c for c in options if c.lead_in is None], score_units(story))
    if lead is None:
        return []
    # The speakers' own words, then the concepts most sources corroborate; what budget is
    # left is filled by MMR on the brief's score.
    rest = _voices(story, options, lead, budget)
    said = [part for c in (lead, *rest) for part in parts(c)]
    rest += cover_pick(story, _not_said(options, said),
                       Limits(words=budget - _words(said), items=POOL - len(rest)),
                       avoid=[p.unit for p in said], avoid_texts=[p.text for p in said])
    said = [part for c in (lead, *rest) for part in parts(c)]
    rest += pick(story, _earlier_first(story, _not_said(options, said)),
                 Limits(words=budget - _words(said), items=POOL, keep_after=POOL),
                 avoid=[p.unit for p in said], avoid_texts=[p.text for p in said])
    known = known or {}
    shown_parts = {part.unit: part for c in (lead, *rest) for part in parts(c)}
    extracts = {u: _extract(story, part, known) for u, part in shown_parts.items()}
    follows = {c.unit: c.lead_in[0] for c in rest if c.lead_in is not None}
    groups = arrange(story, lead.unit, [u for u in shown_parts if u != lead.unit],
                     {u: e.text for u, e in extracts.items()}, follows)
    texts = [[extracts[u].text for u in units] for _, units in groups]
    titles_of = headings(story, texts) if len(groups) >= HEADINGS_FROM else [None] * len(groups)
    return [BriefPart(aspect, heading, tuple(extracts[u] for u in units))
            for (aspect, units), heading in zip(groups, titles_of)]


def _words(said: Sequence[Candidate]) -> int:
    """Words the sentences `said` show, each once (a lead-in chosen for its own sake and
    shown before its follow-on is read once)."""
    return sum({part.unit: len(part.text.split()) for part in said}.values())


def _earlier_first(story: StoryText, options: Sequence[Candidate]) -> list[Candidate]:
    """The `options` with `FILL_POSITION` times their position prior added to the score."""
    return [replace(c, score=c.score + FILL_POSITION * _prior(story.units[c.unit].rank))
            for c in options]


def _prior(rank: float | np.ndarray) -> float | np.ndarray:
    """The position prior of a running-text rank (`POSITION_SCALE`)."""
    return 1.0 / (1.0 + rank / POSITION_SCALE)


def _not_said(options: Sequence[Candidate], said: Sequence[Candidate]) -> list[Candidate]:
    """The `options` whose unit none of `said` shows."""
    shown = {part.unit for part in said}
    return [c for c in options if c.unit not in shown]


def _voices(story: StoryText, options: Sequence[Candidate], lead: Candidate,
            budget: int) -> list[Candidate]:
    """Up to `VOICES` quotations among the candidates (`_a_voice`: not the lead, none
    opening on a word only the account around it resolves), by MMR on the
    brief's score within `VOICES_SHARE` of the words after the lead, none repeating the
    lead or each other."""
    quotes = [c for c in options if c.unit != lead.unit and _a_voice(c, lead.unit)]
    limits = Limits(words=int(VOICES_SHARE * (budget - lead.words)), items=VOICES,
                    keep_after=VOICES)
    return pick(story, quotes, limits, avoid=[lead.unit], avoid_texts=[lead.text])


def _a_voice(candidate: Candidate, lead: int) -> bool:
    """Is the candidate someone's words opening on their own words (`_own_words`): a long
    quotation, or a speaker's quotation and its continuation ('"…," Quist said.' then
    '"The ferries will stay in port."', `eligible.follow_ons`), one statement given over
    two sentences? Not a follow-on of the `lead` unit or of words that are no quotation."""
    if candidate.lead_in is None:
        return has_long_quotation(candidate.text) and _own_words(candidate.text)
    before, before_text = candidate.lead_in
    return before != lead and wholly_quoted(candidate.text) and _own_words(before_text)


def _own_words(text: str) -> bool:
    """Does the sentence, read from the first word of its quotation, need nothing before it
    (`quality.leaning`)? The speaker's "We" or "I" is resolved by the attribution ('"We will
    appeal," Holt said'); "He", "This", "It" or "As a result" only by the story around the
    quotation ('"He loved that beard," Holt said': who?)."""
    return not leaning(text.lstrip(OPENING_MARKS))[0]


def _options(story: StoryText, shown: Sequence[str],
             shown_units: Sequence[int]) -> list[Candidate]:
    """The brief's candidates, best first: sentences that stand alone, and `FOLLOW_ONS`
    that lean only on the sentence before them in their source (`eligible.follow_ons`),
    which comes with them, found no lower in the brief's order than the last of a full
    pool of the first; no headline, no writer's guess or comment (`hedges.writers_view`:
    the account tells what happened), none shown above (`shown.shown_again`)."""
    scores = brief_scores(story)
    order = best_first(scores, story)
    titles = {d.title.casefold().strip() for d in story.docs if d.title}
    standing = eligible(story, order, min_words=6, in_account=True, limit=POOL)
    options = [Candidate(i, text, len(text.split()), float(scores[i])) for i, text in standing]
    # Follow-ons compete with the standing candidates: they are looked for among the units
    # those were read from, not below the last of a full pool (each unit looked at costs
    # its leaning, and a story with few follow-ons would otherwise be read to its end).
    reach = order.index(standing[-1][0]) + 1 if len(standing) >= POOL else len(order)
    options += [Candidate(i, text, len(text.split()) + len(before_text.split()),
                          float(scores[i]), (before, before_text))
                for i, text, before, before_text in follow_ons(story, order[:reach],
                                                               min_words=6, limit=FOLLOW_ONS)]
    above = Shown(story, shown_units, shown) if shown else None
    return [c for c in options
            if not any(part.text.casefold().strip(" .") in titles or writers_view(part.text)
                       for part in parts(c))
            and not (above and any(above.again(part) for part in parts(c)))]


def brief_length(story: StoryText, max_words: int) -> int:
    """Target words: `FIRST_SHARE` of `max_words`, plus for each further source up to
    `SOURCE_SHARE` of it, one word per `NEW_WORDS_PER_WORD` words of its running text
    (head sentences) that no earlier source says in close words."""
    target = FIRST_SHARE * max_words
    for d in range(1, len(story.docs)):
        new = _new_words(story, d)
        target += min(SOURCE_SHARE * max_words, new / NEW_WORDS_PER_WORD)
    return int(min(max_words, round(target)))


def _new_words(story: StoryText, doc: int) -> int:
    """Words of source `doc`'s running-text units unlike any unit of an earlier source."""
    mine = [i for i, u in enumerate(story.units) if u.doc == doc and u.sentence.kind == TEXT]
    earlier = [i for i, u in enumerate(story.units) if u.doc < doc]
    if not mine:
        return 0
    if not earlier:
        return sum(len(story.units[i].sentence.text.split()) for i in mine)
    closest = story.sim[np.ix_(mine, earlier)].max(axis=1)
    return sum(len(story.units[i].sentence.text.split())
               for i, near in zip(mine, closest) if near < REDUNDANT_COSINE)


def brief_scores(story: StoryText) -> np.ndarray:
    """Per unit: centrality, shared words, agreement, position and closeness to the
    headlines, each standardised within the story (so no signal dominates by its scale),
    weighted by `WEIGHTS`."""
    ranks = np.array([u.rank for u in story.units], dtype=float)
    signals = {"centrality": story.centrality, "shared": _shared(story),
               "agreement": story.agreement, "position": _prior(ranks),
               "headline": story.headline}
    total = sum(WEIGHTS[name] * _standard(values) for name, values in signals.items())
    return total - total.min() + 0.1 if len(total) else total


def _shared(story: StoryText) -> np.ndarray:
    """Per unit, the share of its distinct content stems that another source uses too."""
    if len(story.docs) < 2:
        return np.zeros(len(story.units))
    by_source: dict[int, set[str]] = {}
    for u in story.units:
        by_source.setdefault(u.doc, set()).update(u.features.content)
    shared = {s for s, n in Counter(chain.from_iterable(by_source.values())).items() if n > 1}
    return np.array([len(u.features.content & shared)
                     / max(1, len(u.features.content)) for u in story.units])


def _standard(values: np.ndarray) -> np.ndarray:
    spread = float(values.std()) if len(values) else 0.0
    return (values - values.mean()) / spread if spread > 0 else np.zeros_like(values)


def _lead(story: StoryText, options: list[Candidate], news: np.ndarray) -> Candidate | None:
    """Among the non-quote candidates in the first `LEAD_RANKS` of a source (else any
    non-quote candidate), the one scoring best as news (`extract.score_units`: agreed
    by the sources, close to the headlines, early); None when there is none."""
    plain = [c for c in options if not opens_on_quote(c.text)]
    leads = [c for c in plain if story.units[c.unit].rank < LEAD_RANKS]
    pool = leads or plain
    if not pool:
        return None
    return min(pool, key=lambda c: (-round(float(news[c.unit]), 9),
                                    story.units[c.unit].number, c.unit))


def _extract(story: StoryText, chosen: Candidate,
             known: Mapping[tuple[int, str], tuple[int, ...]]) -> Extract:
    return to_extract(story, chosen.unit, chosen.text, cites=known.get((chosen.unit, chosen.text)))


__all__ = ["BriefPart", "DETAILS", "EVENT", "brief_length", "brief_scores", "compose_brief"]
