"""A sentence prepared for the citation test (`digest.compose.support`): its content
stems with common news synonyms folded into groups ("acquired" = "bought"), each
group's rarity in the story, which groups are verbs of saying, the names and figures
a paraphrase must keep (its anchors) and its time words. Prepared once per text and
story (`claim_of`), as a text is often cited or compared more than once.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import chain

from digest.compose.features import Features, Stemmer
from digest.compose.story import BODY, StoryText
from digest.compose.actions import actions_of
from digest.text.calendar import MONTHS, SHORT_MONTHS, WEEKDAYS
from digest.text.figures import is_year
from digest.text.tfidf import half_idf_of

DISTINCTIVE = 0.25
"""A name in at most this share of the story's sentences tells one fact from another."""
_TIME = frozenset(month.lower() for month in MONTHS if month != "May") | frozenset(
    SHORT_MONTHS) | frozenset("second third fourth fifth sixth seventh eighth ninth tenth".split())
"""Months (not "may", a verb too), their short forms and ordinals: a claim's time words."""
WEEKDAY_WORDS = frozenset(day.lower() for day in WEEKDAYS)
"""The weekdays, lower case: a sentence that names one speaks of that day."""
_PLAN = re.compile(r"\b(?:(?:early|late|later|by the end of) )?(?:next|later this|the coming) "
                   r"(?:year|month|week|quarter|spring|summer|fall|autumn|winter)\b"
                   r"|\bin the coming (?:days|weeks|months)\b", re.IGNORECASE)
"""A time still to come ("next year", "later this month", "in the coming weeks"): when a
plan is to happen. Not "this week" or "today", which date the report as often as the
event."""
_PLAN_CUES = ("next ", "later this", "coming ")

_GROUPS = """acquire acquires acquired acquiring acquisition acquisitions buy buys buying bought
purchase purchases purchased purchasing
|launch launches launched launching unveil unveils unveiled unveiling debut debuts debuted
introduce introduces introduced introducing release releases released releasing
|cut cuts cutting slash slashes slashed eliminate eliminates eliminated layoff layoffs
|job jobs role roles position positions worker workers employee employees staff staffer
staffers workforce headcount
|sue sues sued suing lawsuit lawsuits suit
|ai artificial intelligence
|fine fines fined penalty penalties
|probe probes probed investigate investigates investigated investigation investigations
inquiry inquiries
|deal deals agreement agreements
|allow allows allowed allowing let lets enable enables enabled enabling
|start starts started starting begin begins began beginning
|price prices priced cost costs
|smartphone smartphones phone phones
|chatbot chatbots bot bots
|company companies firm firms
|startup startups
|nationwide national
|available availability
|stolen stole steal steals stealing taken took theft
|data files information""".split("|")


@dataclass(frozen=True)
class Claim:
    """A sentence to find in the sources, prepared once for every comparison."""

    features: Features
    groups: tuple[frozenset[str], ...]
    """Per content stem (synonyms folded into one), the stems that count as it."""
    weights: tuple[float, ...]
    """Per group, its rarity in the story (inverse sentence frequency)."""
    light: tuple[bool, ...]
    """Per group, is it a verb of saying (counted when there, not missed when not)?"""
    anchors: frozenset[str]
    """Names and figures every paraphrase must contain."""
    distinctive: int
    """How many anchors are figures or rare names (see `DISTINCTIVE`)."""
    time: frozenset[str]
    """Months and ordinals every supporting sentence must contain."""
    days: frozenset[str]
    """Weekdays: a supporting sentence names none or one of these."""
    text: str
    """The sentence itself."""
    acts: frozenset[int]
    """The actions its verbs state (`actions.actions_of`)."""
    plans: frozenset[str]
    """The times still to come it names, lower case ("next year", "later this month")."""


def _synonyms(stemmer: Stemmer) -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for group in _GROUPS:
        stems = frozenset(stemmer.stem(w) for w in group.split())
        for s in stems:
            out[s] = out.get(s, frozenset()) | stems
    return out


_SYNONYMS: dict[str, frozenset[str]] = _synonyms(Stemmer())
_REPORTING = frozenset(Stemmer().stem(w) for w in """call calls called claim claims claimed note
notes noted explain explains explained describe describes described state states stated report
reports reported reportedly""".split())
"""Stems of the verbs that frame a fact without being it: a paraphrase may leave out who
called, described or reported it and still state it, so a group of these counts when there
and is not missed when not. A list of its own, not the verbs of saying of
`digest.text.saying`: it holds framing words ("called", "described", "reportedly"), and
"said" and "told" are stop words already."""


@dataclass(frozen=True)
class _Index:
    """What claims need of one story, computed once: in how many sentences (units) each
    stem occurs, the story's names, and the claims prepared."""

    frequency: dict[str, int]
    names: frozenset[str]
    stand_ins: dict[int, tuple[Features, ...]]
    """Source index → the features of its excerpt or title units (a source whose body
    gave nothing usable)."""
    claims: dict[str, Claim] = field(default_factory=dict)
    """Text → its `claim_of` (a text is often cited or compared more than once)."""


_INDEX = "support.index"  # its name in `StoryText.derived`


def story_index(story: StoryText) -> _Index:
    """The story's claim index, built on first use and kept with the story: stem
    frequencies, names, the stand-in units of sources without a usable body, and the
    claims prepared."""
    found = story.derived.get(_INDEX)
    if isinstance(found, _Index):
        return found
    frequency = Counter(chain.from_iterable(u.features.content for u in story.units))
    names = frozenset().union(*(u.features.names for u in story.units))
    stand_ins: dict[int, list[Features]] = {}
    for u in story.units:
        if u.field != BODY:
            stand_ins.setdefault(u.doc, []).append(u.features)
    index = _Index(frequency, names, {d: tuple(found) for d, found in stand_ins.items()})
    story.derived[_INDEX] = index
    return index


def claim_of(text: str, story: StoryText) -> Claim:
    """`text` prepared for `attests`; its first word is a name when the story uses
    it as one (capitalised after a sentence start somewhere)."""
    index = story_index(story)
    found = index.claims.get(text)
    if found is None:
        found = index.claims[text] = _claim(text, story, index)
    return found


def _claim(text: str, story: StoryText, index: _Index) -> Claim:
    feats = story.features_of(text)
    groups: list[frozenset[str]] = []
    seen: set[frozenset[str]] = set()
    for stem in sorted(feats.content):
        group = _SYNONYMS.get(stem) or frozenset((stem,))
        if group not in seen:
            seen.add(group)
            groups.append(group)
    figures = {n for n in feats.numbers if not is_year(n)}
    names = set(feats.names)
    if feats.lead and feats.lead in index.names:
        names.add(feats.lead)
    count = len(story.units)
    freq = [sum(index.frequency.get(stem, 0) for stem in g) for g in groups]
    rare = sum(index.frequency.get(n, 0) <= DISTINCTIVE * count for n in names)
    return Claim(feats, tuple(groups), tuple(half_idf_of(f, count) for f in freq),
                 tuple(not g.isdisjoint(_REPORTING) for g in groups),
                 frozenset(names | figures), len(figures) + rare, feats.content & _TIME,
                 feats.content & WEEKDAY_WORDS, text, actions_of(feats.content), _plans(text))


def _plans(text: str) -> frozenset[str]:
    """The `_PLAN` times `text` names, lower case and spaced alike."""
    low = text.lower()
    if not any(map(low.__contains__, _PLAN_CUES)):
        return frozenset()
    return frozenset(" ".join(found.split()) for found in _PLAN.findall(low))
