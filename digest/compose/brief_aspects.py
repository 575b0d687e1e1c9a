"""The brief's paragraphs: picked sentences sorted by aspect.

Aspects, in the order a news story tells them:
* `event` — what happened: the lead, and other sources' first sentences that
  add to it (unless they are a quote or a reaction);
* `details` — figures and details: everything that is not one of the others;
* `reactions` — reactions and quotes: a quotation, or a verb of reacting
  ("warned", "criticised", "welcomed" ...), always with the speaker named
  (an unattributed quote never passes `quality.problem`);
* `context` — background and what comes next: the future ("will", "plans
  to", "is expected") or the past before the event ("last year", "since",
  "previously", "had").

Within a paragraph, sentences follow their place in the sources (lead
position, then source number): the sources interleave. A paragraph never opens
on a quote; a long one is cut in two. Their headings are `brief_headings`'.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from digest.compose.quotations import has_long_quotation, opens_on_quote
from digest.compose.story import StoryText
from digest.text.figures import has_digit
from digest.text.saying import ALSO_ACTIONS, SAYING, saying_verb

EVENT, DETAILS, REACTIONS, CONTEXT = "event", "details", "reactions", "context"
ORDER = (EVENT, DETAILS, REACTIONS, CONTEXT)
EVENT_MOST = 3
"""Sentences of the opening paragraph: the lead and at most two more leads."""
PARAGRAPH_MOST = 4
"""A paragraph with more sentences is cut in two (the reader's eye needs rests)."""

_REACTING = re.compile(
    r"\b(?:warn(?:s|ed)|critici[sz](?:es|ed)|prais(?:es|ed)|welcom(?:es|ed)|condemn(?:s|ed)|"
    r"urg(?:es|ed)|insist(?:s|ed)|argu(?:es|ed)|defend(?:s|ed)|den(?:ies|ied)|respond(?:s|ed)|"
    r"react(?:s|ed)|called for|calls for|declined to comment|questioned|slammed|hailed|"
    r"applauded|objected|complained)\b", re.IGNORECASE)
# Its policy on top of the verbs of saying: not those that also name an action ("Netflix
# added 5 million subscribers" is what happened, not a reaction).
_SAYS = saying_verb(verb for verb in SAYING if verb not in ALSO_ACTIONS)
_SPEAKER = re.compile(rf"^(?:[A-Z][\w.'’-]*\s){{1,4}}(?:\([^)]*\)\s)?{_SAYS}\b|"
                      rf"^(?:[A-Z][\w.'’-]*\s){{1,4}}[^,]{{0,60}},\s[^,]{{2,80}},\s{_SAYS}\b|"
                      rf",\s(?:{_SAYS}\s)?(?:[A-Z][\w.'’-]*\s?){{1,4}}{_SAYS}?\.$")
"""A named speaker: "Jane Doe said ...", "Jane Doe, a councillor, said ...", "..., Doe said."."""
_CONTEXT = re.compile(
    r"\b(?:plans? to|planned|is expected|are expected|expects|next (?:week|month|year)|"
    r"later this (?:week|month|year)|upcoming|by (?:the end of )?20\d\d|previously|"
    r"last (?:week|month|year)|earlier this (?:week|month|year)|had|since|until|"
    r"years? ago|months? ago|for the first time|is set to|are set to|is due|are due|"
    r"deadline|scheduled)\b", re.IGNORECASE)
_WILL = re.compile(r"\b(?:will|would)\b", re.IGNORECASE)
"""The future, which is context unless the sentence gives figures (then it is a detail:
"shareholders will receive $30 a share")."""


def aspect_of(text: str) -> str:
    """`reactions`, `context` or `details` for a sentence that is not a lead."""
    if has_long_quotation(text):
        return REACTIONS
    if _CONTEXT.search(text) or _WILL.search(text) and not has_digit(text):
        return CONTEXT
    if _REACTING.search(text) or _SPEAKER.search(text) and not has_digit(text):
        return REACTIONS
    return DETAILS


def arrange(story: StoryText, lead: int, rest: Sequence[int], texts: dict[int, str],
            follows: Mapping[int, int] | None = None) -> list[tuple[str, tuple[int, ...]]]:
    """(aspect, units) paragraphs in reading order: `lead` opens the first; a unit that
    `follows` another (leaning on it) comes right after that one, whatever its aspect."""
    follows = follows or {}
    paragraphs = _by_aspect(story, lead, [u for u in rest if u not in follows], texts)
    after: dict[int, list[int]] = {}
    for unit, before in sorted(follows.items()):
        after.setdefault(before, []).append(unit)
    return [(aspect, tuple(u for before in units for u in (before, *after.get(before, ()))))
            for aspect, units in paragraphs]


def _by_aspect(story: StoryText, lead: int, rest: Sequence[int],
               texts: dict[int, str]) -> list[tuple[str, tuple[int, ...]]]:
    """(aspect, units) paragraphs in reading order: `lead` opens the first."""
    place = {u: (story.units[u].rank, story.units[u].number, u) for u in (lead, *rest)}
    groups: dict[str, list[int]] = {a: [] for a in ORDER}
    groups[EVENT].append(lead)
    for unit in sorted(rest, key=place.__getitem__):
        aspect = aspect_of(texts[unit])
        if aspect in (DETAILS, CONTEXT) and story.units[unit].rank == 0 \
                and len(groups[EVENT]) < EVENT_MOST:
            aspect = EVENT  # a source's lead says what happened, "for the first time" or not
        groups[aspect].append(unit)
    paragraphs: list[tuple[str, list[int]]] = []
    for aspect in ORDER:
        units = groups[aspect] if aspect == EVENT else sorted(groups[aspect],
                                                               key=place.__getitem__)
        for chunk in _chunks(units):
            _open_plainly(paragraphs, aspect, chunk, texts)
    return [(aspect, tuple(units)) for aspect, units in paragraphs]


def _chunks(units: list[int]) -> list[list[int]]:
    """`units` cut into near-equal paragraphs of at most `PARAGRAPH_MOST`."""
    if not units:
        return []
    count = -(-len(units) // PARAGRAPH_MOST)
    size = -(-len(units) // count)
    return [units[k:k + size] for k in range(0, len(units), size)]


def _open_plainly(paragraphs: list[tuple[str, list[int]]], aspect: str, units: list[int],
                  texts: dict[int, str]) -> None:
    """Add a paragraph whose first sentence is not a quote: the first such sentence is
    moved to the front; with none, the sentences join the paragraph before."""
    plain = next((u for u in units if not opens_on_quote(texts[u])), None)
    if plain is None and paragraphs:
        paragraphs[-1][1].extend(units)
        return
    if plain is not None:
        units = [plain] + [u for u in units if u != plain]
    paragraphs.append((aspect, units))
