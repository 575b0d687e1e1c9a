"""The brief's paragraphs: picked sentences sorted by aspect, and their headings.

Aspects, in the order a news story tells them:
* `event` — what happened: the lead, and other sources' first sentences that
  add to it;
* `details` — figures and details: everything that is not one of the others;
* `reactions` — reactions and quotes: a quotation, or a verb of reacting
  ("warned", "criticised", "welcomed" ...), always with the speaker named
  (an unattributed quote never passes `quality.problem`);
* `context` — background and what comes next: the future ("will", "plans
  to", "is expected") or the past before the event ("last year", "since",
  "previously", "had").

Within a paragraph, sentences follow their place in the sources (lead
position, then source number): the sources interleave. A paragraph never opens
on a quote; a long one is cut in two. A heading is a key phrase copied from
the paragraph's own sentences: the span of two to five words, within one
clause, opening and closing on a content word, whose words are most
particular to this paragraph (in its sentences, not in the others').
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from digest.compose.features import STOPWORDS
from digest.compose.quality import DANGLING
from digest.compose.story import StoryText

EVENT, DETAILS, REACTIONS, CONTEXT = "event", "details", "reactions", "context"
ORDER = (EVENT, DETAILS, REACTIONS, CONTEXT)
EVENT_MOST = 3
"""Sentences of the opening paragraph: the lead and at most two more leads."""
PARAGRAPH_MOST = 4
"""A paragraph with more sentences is cut in two (the reader's eye needs rests)."""

_QUOTE_MARKS = "\"“”"
_REACTING = re.compile(
    r"\b(?:warn(?:s|ed)|critici[sz](?:es|ed)|prais(?:es|ed)|welcom(?:es|ed)|condemn(?:s|ed)|"
    r"urg(?:es|ed)|insist(?:s|ed)|argu(?:es|ed)|defend(?:s|ed)|den(?:ies|ied)|respond(?:s|ed)|"
    r"react(?:s|ed)|called for|calls for|declined to comment|questioned|slammed|hailed|"
    r"applauded|objected|complained)\b", re.IGNORECASE)
_SPEAKER = re.compile(r"^(?:[A-Z][\w.'’-]*\s){1,4}(?:\([^)]*\)\s)?(?:said|says|told)\b|"
                      r"^(?:[A-Z][\w.'’-]*\s){1,4}[^,]{0,60},\s[^,]{2,80},\s(?:said|says|told)\b|"
                      r",\s(?:said\s)?(?:[A-Z][\w.'’-]*\s?){1,4}(?:said|says)?\.$")
"""A named speaker: "Jane Doe said ...", "Jane Doe, a councillor, said ...", "..., Doe said."."""
_FIGURE = re.compile(r"\d")
_CONTEXT = re.compile(
    r"\b(?:will|plans? to|planned|is expected|are expected|expects|next (?:week|month|year)|"
    r"later this (?:week|month|year)|upcoming|by (?:the end of )?20\d\d|previously|"
    r"last (?:week|month|year)|earlier this (?:week|month|year)|had|since|until|"
    r"years? ago|months? ago|for the first time|is set to|are set to|is due|are due|"
    r"deadline|scheduled)\b", re.IGNORECASE)
_VERBS = frozenset("""said says told say is are was were be been has have had fell rose sold
made took won lost cut hit set put gave came went got began left kept held built paid found
brought bought thought became ran saw spent sent chose drew grew led met struck wrote says
will would could should can may might must did does do""".split())
"""Verbs that would make a heading read as a clipped claim."""
_CLAUSE = re.compile(r"[,;:()\[\]\"“”—–?!]|\s-\s|\.(?:\s|$)")
_WORD_EDGE = "'’.%$"


def opens_on_quote(text: str) -> bool:
    """Does the sentence start with a quotation?"""
    return text.lstrip()[:1] in _QUOTE_MARKS + "‘'"


def aspect_of(text: str) -> str:
    """`reactions`, `context` or `details` for a sentence that is not a lead."""
    if any(mark in text for mark in _QUOTE_MARKS):
        return REACTIONS
    if _CONTEXT.search(text):
        return CONTEXT
    if _REACTING.search(text) or _SPEAKER.search(text) and not _FIGURE.search(text):
        return REACTIONS
    return DETAILS


def arrange(story: StoryText, lead: int, rest: Sequence[int],
            texts: dict[int, str]) -> list[tuple[str, tuple[int, ...]]]:
    """(aspect, units) paragraphs in reading order: `lead` opens the first."""
    place = {u: (story.units[u].rank, story.units[u].number, u) for u in (lead, *rest)}
    groups: dict[str, list[int]] = {a: [] for a in ORDER}
    groups[EVENT].append(lead)
    for unit in sorted(rest, key=place.__getitem__):
        aspect = aspect_of(texts[unit])
        if aspect == DETAILS and story.units[unit].rank == 0 \
                and len(groups[EVENT]) < EVENT_MOST:
            aspect = EVENT
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


def key_phrase(story: StoryText, texts: Sequence[str], others: Sequence[str],
               used: Collection[str]) -> str | None:
    """A span of two to five words of `texts` (within one clause, first and last a
    content word) whose words are most particular to them against `others`;
    its first letter capitalised. None when nothing qualifies."""
    stem = story.stemmer.stem
    mine = [_stems(t, stem) for t in texts]
    theirs = [_stems(t, stem) for t in others]
    best: tuple[float, int, str] | None = None
    order = 0
    for text in texts:
        for clause in _CLAUSE.split(text):
            words = clause.split()
            for start in range(len(words)):
                for end in range(start + 2, min(start + 5, len(words)) + 1):
                    order += 1
                    span = words[start:end]
                    if not _well_formed(words, start, end):
                        continue
                    phrase = " ".join(span).strip("\"“”‘'’(),.;: ")
                    if phrase.casefold() in used or len(phrase) < 4:
                        continue
                    score = _phrase_score(span, mine, theirs, stem)
                    if best is None or (-score, order) < (-best[0], best[1]):
                        best = (score, order, phrase)
    if best is None or best[0] <= 0:
        return None
    return best[2][0].upper() + best[2][1:]


def _stems(text: str, stem) -> frozenset[str]:
    return frozenset(stem(w) for w in re.findall(r"[A-Za-z][A-Za-z'’]*|\d[\d.,]*", text)
                     if w.lower() not in STOPWORDS)


def _well_formed(words: list[str], start: int, end: int) -> bool:
    """A phrase that reads as a label: content words at both ends, neither end a verb
    form, not cutting a name or a figure in two."""
    span = words[start:end]
    first, last = _bare(span[0]), _bare(span[-1])
    if not first or not last or first in STOPWORDS or last in STOPWORDS or first in DANGLING:
        return False
    if any(_bare(w) in _VERBS for w in span) or _verb_like(span[0]) or _verb_like(span[-1]):
        return False
    if first[:1].isdigit():
        return False  # "72 hours": a figure needs what it counts before it
    before = _bare(words[start - 1]) if start > 0 else ""
    after = _bare(words[end]) if end < len(words) else ""
    # A phrase is cut where function words or clause marks are, never inside a noun
    # phrase ("turn off remote | management") or after a negation.
    return (not before or before in STOPWORDS and before not in _NEGATIONS) \
        and (not after or after in STOPWORDS)


def _capital(word: str) -> bool:
    return word.strip("\"“(")[:1].isupper()


_NEGATIONS = frozenset("no not never nor".split())


def _verb_like(word: str) -> bool:
    """A lower-case past or present participle ("raised", "running"), or a verb
    of `_VERBS`."""
    bare = _bare(word)
    return not _capital(word) and (bare.endswith(("ed", "ing")) or bare in _VERBS)


def _bare(word: str) -> str:
    return word.strip(_WORD_EDGE + "\"“”()").lower().removesuffix("'s").removesuffix("’s")


def _phrase_score(span: list[str], mine: list[frozenset[str]],
                  theirs: list[frozenset[str]], stem) -> float:
    """Sum over the span's content words of (sentences of the paragraph using it)
    / (1 + sentences elsewhere using it), names and figures counting half again,
    divided by the length to prefer short phrases."""
    total = 0.0
    for k, word in enumerate(span):
        bare = _bare(word)
        if not bare or bare in STOPWORDS:
            continue
        s = stem(word.strip(_WORD_EDGE + "\"“”()"))
        here = sum(s in m for m in mine)
        elsewhere = sum(s in t for t in theirs)
        weight = here / (1 + elsewhere)
        if word[:1].isupper() and k > 0 or word[:1].isdigit() or word[:1] == "$":
            weight *= 1.5
        total += weight
    return total / (len(span) ** 0.5)
