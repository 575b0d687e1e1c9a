"""The brief's headings: a key phrase copied from each paragraph's own sentences.

A heading is the span of two to five words, within one clause, opening and
closing on a content word, whose words are most particular to this paragraph
(in its sentences, not in the others'). It reads as a label, a noun phrase,
never as a clipped claim: no verb inside it (the story's own sentences and
English's word classes, `digest.text.wordclass`, tell which words are verbs),
no clause word, no word that refers back. The lead paragraph has none (the page's
title is its heading); the sections after it all have one, or none does.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from functools import lru_cache
from typing import NamedTuple

from digest.compose.features import STOPWORDS
from digest.compose.heading_fit import (FITTING, REJECTED, clauses, cut_from_its_clause, fit,
                                        in_clause, span_start)
from digest.compose.heading_words import COUNTS, JUDGEMENTS, PARTITIVES
from digest.compose.leaning_words import DANGLING, REFERRING_NOUNS
from digest.compose.quotations import MARKS
from digest.compose.story import StoryText
from digest.compose.story_verbs import WORD_EDGE, verbs_of
from digest.text.calendar import MONTHS, WEEKDAYS
from digest.text.case import capitalize_first
from digest.text.stem import stem_token
from digest.text.wordclass import can_end_a_noun_phrase, only_a_verb, word_classes

_VERBS = frozenset("""said says told say is are was were be been has have had fell rose sold
made took won lost cut hit set put gave came went got began left kept held built paid found
brought bought thought became ran saw spent sent chose drew grew led met struck wrote says
will would could should can may might must did does do""".split())
"""Verbs that would make a heading read as a clipped claim."""
def headings(story: StoryText, paragraphs: Sequence[Sequence[str]]) -> list[str | None]:
    """A heading per paragraph (its sentences' texts): None for the lead (no subhead comes
    between a headline and its lede), then `key_phrase` against the other paragraphs, no
    two the same. Headings signpost every section after the lead or none: none when one
    is one sentence, has no key phrase, or its phrase names nothing two of its sentences
    share (a label names what its sentences share; lifted from one, it copies a detail)."""
    if any(len(texts) < 2 for texts in paragraphs[1:]):
        return [None] * len(paragraphs)
    stem = story.stemmer.stem
    stems = [[_stems(t, stem) for t in texts] for texts in paragraphs]
    used: set[str] = set()
    out: list[str | None] = [None]
    for k, texts in enumerate(paragraphs[1:], start=1):
        theirs = [x for j, group in enumerate(stems) if j != k for x in group]
        heading = key_phrase(story, texts, stems[k], theirs, used)
        if not heading:
            return [None] * len(paragraphs)  # the later sections' phrases would go unshown
        used.add(heading.casefold())
        out.append(heading)
    return out[:len(paragraphs)]


def key_phrase(story: StoryText, texts: Sequence[str], mine: Sequence[frozenset[str]],
               theirs: Sequence[frozenset[str]], used: Collection[str]) -> str | None:
    """A span of two to five words of `texts` (within one clause, first and last a
    content word) whose words are most particular to them (`mine`, their stems)
    against the other paragraphs' sentences (`theirs`), not in `used` nor naming the same
    things as one of them; a word counts by the square of the paragraph's sentences
    using it (a label names what they share, not what one of them says), and of several
    sentences' spans only one with a word two of them use counts; its first letter
    capitalised. None when nothing qualifies."""
    stem = story.stemmer.stem
    verbs = verbs_of(story)
    weights: dict[str, float] = {}
    best: tuple[float, str] | None = None  # (score, phrase): the first span of the best score
    spare: tuple[float, str] | None = None  # the same among spans that only label when none fits
    taken = [found for found in (_stems(u, stem) for u in used) if found]
    titles = " ".join(doc.title for doc in story.docs)
    for index, text in enumerate(texts):
        for at, clause in clauses(text):
            words = list(map(_word, clause.split()))
            for start in range(len(words)):
                first = words[start]
                if not first.opens or first.blocks or _is_verb(first, verbs):
                    continue
                for end in range(start + 2, min(start + 5, len(words)) + 1):
                    last = words[end - 1]
                    if last.blocks or _is_verb(last, verbs):
                        break  # so does every longer span: it holds this word
                    if not last.ends:
                        continue
                    # Scored first: a later span wins only by a higher score (and none
                    # scoring 0 or less is a heading), so one that cannot is never
                    # checked further.
                    score = _phrase_score(words[start:end], mine, theirs, weights)
                    if score <= (best[0] if best else 0.0) or \
                            not _well_formed(words, start, end) or \
                            not in_clause(words, start, end, text[:at]):
                        continue
                    rank = fit(words[start:end], mine, texts, index, span_start(text, at, start),
                               titles, len(words))
                    if rank == REJECTED or rank < FITTING and score <= (spare or (0.0,))[0]:
                        continue
                    phrase = " ".join(map(_copy, words[start:end]))
                    phrase = phrase.strip(_TRIM)
                    if phrase.casefold() in used or len(phrase) < 4:
                        continue
                    span = frozenset(w.stem for w in words[start:end] if w.content)
                    if any(span & other for other in taken):
                        continue  # "Chief executive Ada Holm" after "Harwick's chief executive"
                    if len(texts) > 1 and not _shared(span, mine):
                        continue  # from one sentence only: a detail, not what they share
                    if rank == FITTING:
                        best = (score, phrase)
                    else:
                        spare = (score, phrase)
    chosen = best or spare
    if chosen is None:
        return None
    return capitalize_first(chosen[1])  # "iOS and Android": a name keeps its own case


def _copy(word: _Word) -> str:
    """The word as a heading shows it: without a quotation's marks, but a plural's
    possessive apostrophe kept ("members’ votes"; without it, "Tech companies’ rush"
    reads as the claim "Tech companies rush")."""
    bare = word.text.strip(MARKS)
    return bare + word.text[len(bare):][:1] if _plural_possessive(word.text) else bare


def _plural_possessive(text: str) -> bool:
    """Does a word end on a plural's possessive apostrophe ("members’"), not close a
    quotation it opened ("‘members’")?"""
    return text.endswith(("s'", "s’")) and text[:1] not in MARKS


_TRIM = MARKS + "(),.;: "
"""Quote marks at a word's edge: a heading copies the words, not a quotation's marks."""
_LEADS_IN = frozenset("""the a an its their his her our this that these those of in on at for
with from by about into over after before between under as against during through among
amid across and or""".split())
"""Words a label-like noun phrase follows (not "would", "to", "has": a verb follows those)."""
_EDGE_STOP = STOPWORDS | frozenset("""despite including amid toward towards near beyond except
unless whether around along behind besides following regarding concerning plus versus whose
than least due worth""".split()) | {name.lower() for name in WEEKDAYS + MONTHS}
"""Words a heading never starts or ends on."""
_DETERMINERS = frozenset("a an the its their his her our my your this these those every no"
                         .split())
"""Words that open a noun phrase: the word before one is a verb or preposition, not the
end of a heading."""
_OBJECTS = frozenset("them it him us how what whether".split())
"""Words after a verb, never after a noun phrase that ends a label ("that" may be either:
"shows that …", "capabilities that …")."""
_PRONOUNS = frozenset("its their his her our my your he she they we this these those".split())
"""A label names what it is about: "Result of its lawsuit", "Fares for this one" lean on a
sentence the heading does not have."""
_NOW_WORDS = frozenset("today yesterday tomorrow tonight now".split())
"""The writer's now: a label of a section holds no "today" ("Harbour workers today face")."""
_ONLY_VOICES = frozenset("spokesperson spokesman spokeswoman spokespeople representative own"
                         .split())
"""People a page quotes but never its subject ("Anthropic spokesperson Amie Rotherham",
"Engadget's own Devindra Hardawar"): a heading names what a section is about."""
_REFERS_BACK = frozenset(REFERRING_NOUNS) | {"latter", "former"}
"""Words a heading never opens on: "Company's CEO Tim Cook", "Latter company's defeat" lean
on a sentence the heading does not have."""
_CLAUSE_WORDS = frozenset("that which who whom where when while whether".split())
"""Words that open a clause inside a sentence: a heading never contains one."""
_CONTRACTED = ("n't", "n’t", "'d", "’d", "'ll", "’ll", "'re", "’re", "'ve", "’ve")
"""Endings of a contracted verb ("doesn't", "they'd"): a clause, never a label."""


class _Word(NamedTuple):
    """One word of a clause, looked at once for every span it is in (a tuple: a story
    makes one for each of its words)."""

    text: str
    bare: str
    """Lower case, edge marks and "'s" removed."""
    stem: str
    content: bool
    """Not a stopword (and not empty)."""
    verb: bool
    """In `_VERBS`, only ever a verb, or a lower-case "-ed"/"-ing" form."""
    finite: bool
    """Lower case and only ever a verb ("continues", "include"): a clause, not a label."""
    opens: bool
    """May start a heading: a content word, not a verb, a back reference or a bare figure."""
    marked: bool
    """A name or a figure (weighs more)."""
    blocks: bool
    """In `_VERBS` or finite: no heading holds it."""
    ends: bool
    """May end a heading: a content word, not a verb form or an edge word, and a name, a
    figure or a word that can head a noun phrase."""

    @classmethod
    def of(cls, text: str, stem) -> _Word:
        bare = text.strip(WORD_EDGE + "\"“”()").lower().removesuffix("'s").removesuffix("’s")
        content = bool(bare) and bare not in STOPWORDS
        capital = text.strip("\"“(")[:1].isupper()
        finite = not capital and (only_a_verb(bare) or bare.endswith(_CONTRACTED))
        verb = bare in _VERBS or finite or not capital and bare.endswith(("ed", "ing"))
        opens = content and not verb and bare not in DANGLING and bare not in _EDGE_STOP \
            and bare not in _REFERS_BACK and not bare[:1].isdigit()
        marked = capital or text[:1].isdigit() or text[:1] == "$"
        ends = content and not verb and bare not in _EDGE_STOP and \
            (marked or can_end_a_noun_phrase(bare))
        return cls(text, bare, stem(text.strip(WORD_EDGE + "\"“”()")) if content else "",
                   content, verb, finite, opens, marked, bare in _VERBS or finite, ends)


# A memo of a pure function of the word, not state: a word reads the same in every
# clause of every story (a story's stemmer is `stem_token`'s memo), and stories share
# most of their words.
@lru_cache(maxsize=1 << 16)
def _word(text: str) -> _Word:
    """`_Word.of` one word of a clause."""
    return _Word.of(text, stem_token)


def _shared(words: frozenset[str], sentences: Sequence[frozenset[str]]) -> bool:
    """Does one of the heading's stems occur in two of the paragraph's sentences or more?"""
    return any(sum(word in found for found in sentences) >= 2 for word in words)


def _stems(text: str, stem) -> frozenset[str]:
    return frozenset(stem(w) for w in re.findall(r"[A-Za-z][A-Za-z'’]*|\d[\d.,]*", text)
                     if w.lower() not in STOPWORDS)


def _well_formed(words: list[_Word], start: int, end: int) -> bool:
    """A phrase that reads as a label, given one that opens and `ends` a heading and holds
    no word that `blocks` one: not cutting a noun phrase or a figure in two."""
    last = words[end - 1]
    before = words[start - 1].bare if start > 0 else ""
    after = words[end].bare if end < len(words) else ""
    if after and (last.bare[:1].isdigit() or last.bare in COUNTS):
        return False  # "in four | years": a count needs what it counts
    if after == "to" and last.bare == "order" and words[end - 2].bare == "in":
        return False  # "Initiatives in order | to": "in order to" says why, it names nothing
    if after == "of" and not last.marked:
        return False  # "by the end | of 2025": the noun phrase runs on through "of"
    if (after in _DETERMINERS or after in _OBJECTS) and not last.marked:
        return False  # "The deal offers | a", "Gun leaves | them": a verb's object
    if last.text.rstrip(MARKS + ",.;:").endswith(("'s", "’s")) or \
            _plural_possessive(last.text.rstrip(",.;:")):
        return False  # "Leaks for the company's": a possessive needs its noun
    if len(last.bare) == 1 or before in _ONLY_VOICES or \
            any(w.bare in _ONLY_VOICES or w.bare in _OBJECTS or w.bare in _NOW_WORDS
                or w.bare in _PRONOUNS for w in words[start:end]):
        return False  # "Manager Ellen | T.", "spokesperson | Amie Rotherham", "its lawsuit"
    if any(w.bare in _CLAUSE_WORDS for w in words[start:end]) or words[start].bare in COUNTS:
        return False  # "Town square where people", "Million messages": a cut clause or count
    if any(w.bare == "by" and (n.bare[:1].isdigit() or n.bare in COUNTS or n.text[:1] == "$")
           for w, n in zip(words[start:end], words[start + 1:end])):
        return False  # "GPU by 65 percent": how much something changed, without the change
    if words[start].bare in PARTITIVES and end - start > 1 and words[start + 1].bare == "of":
        return False  # "Lot of researchers": the noun needs the article it had ("a lot of")
    if start > 0 and words[start - 1].marked and words[start].marked:
        return False  # starts inside a name ("Calloway | Logistics jumped")
    if words[start].bare in JUDGEMENTS and not (words[start].marked and words[start + 1].marked):
        return False  # "Bad news", "Similar allegations"; "Big Tech" is a name
    if not _noun_phrase(words[start:end]) or _ends_on_its_verb(words, start, end) or \
            cut_from_its_clause(words, start, end):
        return False
    # A phrase is cut where function words or clause marks are, never inside a noun
    # phrase ("turn off remote | management"), and starts where a noun phrase can.
    return (not before or before in _LEADS_IN or words[start].marked) \
        and (not after or after in STOPWORDS)


def _is_verb(word: _Word, verbs: frozenset[str]) -> bool:
    """Is a lower-case word of a span one the story uses as a verb (its "-s" form too)?"""
    if not word.content or word.text[:1].isupper():
        return False
    bare = word.bare
    return bare in verbs or bare.endswith("s") and (bare[:-1] in verbs or
                                                    bare.endswith("es") and bare[:-2] in verbs)


def _noun_phrase(span: list[_Word]) -> bool:
    """No sign of a clause inside the span: a word before "the"/"a" that is not a
    preposition ("Australia considers | the list"), a lower-case "-ing" form with words
    after it ("Snaps using custom prompts"), an adverb at either end ("Mercor
    preemptively", "Theoretically cutting")."""
    for k, word in enumerate(span):
        nxt = span[k + 1] if k + 1 < len(span) else None
        if nxt is not None and nxt.bare in _DETERMINERS and word.bare not in _LEADS_IN \
                and not word.marked:
            return False
        if word.bare == "to" and nxt is not None and not nxt.text[:1].isupper() \
                and "VERB" in word_classes(nxt.bare):
            return False  # "Plans to reach": an infinitive is a clause
        if k > 0 and not word.text[:1].isupper() and word.bare.endswith("s") \
                and (span[k - 1].marked or nxt is not None and nxt.content) \
                and "VERB" in word_classes(word.bare):
            return False  # "OpenAI uses", "App filters things": a subject and its verb
        if nxt is not None and k > 0 and word.bare.endswith("ing") and \
                not word.text[:1].isupper():
            return False
    return not any(w.bare.endswith(_ADVERB_ENDINGS) and not w.marked or w.bare == "never"
                   for w in (span[0], span[-1]))


_PARTICLES = frozenset("off up out down away back".split())
"""Words that make a phrasal verb of the word before them ("kicks off", "goes up")."""
_AFTER_A_FINITE_VERB = frozenset("that from at on".split())
_CLAUSE_OPENERS = frozenset("how why what where when whether".split())


def _ends_on_its_verb(words: list[_Word], start: int, end: int) -> bool:
    """Is the span a subject and its verb, cut from a clause ("Wider timetable kicks | off",
    "The larger hull means | that", "how the booking system works")? Its last word can be
    a verb and: a particle follows it; or it is an "-s" form after a singular noun or an
    adverb ("likely stem"), with "that", "from" or "at" next; or a clause word comes
    just before the span. All of that in lower case: a name is no verb."""
    last = words[end - 1]
    if end - start < 2 or last.marked or "VERB" not in word_classes(last.bare):
        return False
    before = words[start - 1].bare if start > 0 else ""
    after = words[end].bare if end < len(words) else ""
    previous = words[end - 2].bare
    after_its_subject = previous.endswith("ly") or \
        last.bare.endswith("s") and not previous.endswith("s") and previous not in STOPWORDS
    return after in _PARTICLES or before in _CLAUSE_OPENERS or \
        after in _AFTER_A_FINITE_VERB and after_its_subject


_ADVERB_ENDINGS = ("ally", "ively", "ously", "ently", "antly", "ably", "ibly", "edly", "ingly",
                   "fully", "lessly", "arly")


def _phrase_score(span: list[_Word], mine: Sequence[frozenset[str]],
                  theirs: Sequence[frozenset[str]], weights: dict[str, float]) -> float:
    """Sum over the span's content words of (sentences of the paragraph using it)²
    / (1 + sentences elsewhere using it), names and figures (not first) counting half
    again, divided by the square root of the length to prefer short phrases."""
    total = 0.0
    for k, word in enumerate(span):
        if not word.content:
            continue
        weight = weights.get(word.stem)
        if weight is None:
            here = sum(word.stem in m for m in mine)
            weight = weights[word.stem] = here * here / (1 + sum(word.stem in t for t in theirs))
        total += weight * 1.5 if word.marked and k > 0 else weight
    return total / (len(span) ** 0.5)
