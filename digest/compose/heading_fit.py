"""Does a key phrase label its paragraph, beyond reading as a noun phrase?

`brief_headings.key_phrase` finds spans that read as labels; these checks ask whether a
span says what the paragraph is about, as its sentences have it:

* a section's label names what several of its sentences share, or what its first one is
  about, never a detail of one later sentence, a name or not ("LeBron James" over a
  paragraph on what a chatbot claimed about its owner; "Israeli hostage" over one on how it
  misnamed a bystander, from the sentence saying what it called him);
* the speaker or source of a sentence is not its subject ("Neil Patel" over estimates of
  daily searches; "Mark Gurman" over a report he broke), unless the paragraph keeps
  coming back to that person;
* a quotation's words are the speaker's, not the page's ("Legacy Media Lies");
* a phrase right after "not" or "no" says the opposite of its sentence ("It is not an
  entirely enviable position" is no "Entirely enviable position");
* one item of a list is not what the list names ("India and Brazil" from "Mexico, India
  and Brazil will …").

Word-level cuts that a label never makes are in `cut_from_its_clause`. Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from digest.compose.marks import QUOTED
from digest.compose.openers import OPENING_WORDS
from digest.compose.speakers import ATTRIBUTION
from digest.text.saying import ATTRIBUTING, SAYING, saying_verb
from digest.text.wordclass import base_verb, word_classes


class Word(Protocol):
    """What these checks read of a clause's word (`brief_headings._Word`)."""

    text: str
    bare: str
    stem: str
    content: bool
    verb: bool
    marked: bool


_ATTRIBUTED = saying_verb(set(SAYING) | set(ATTRIBUTING) - {"according to", "read", "reads"}
                          | {"estimates", "estimated", "believes", "believed", "thinks",
                             "predicts", "predicted", "posted", "tweeted"})
_SPEAKS_AFTER = re.compile(
    rf"^[\"”’']?(?:\s*,[^,;:\"“”]{{1,80}},)?\s+(?:also\s+|previously\s+|later\s+)?"
    rf"{_ATTRIBUTED}\b")
""""Holt said", "Holt, the council's leader, told", "Patel of NP Digital estimates"
(the "of …" is read by `_SOURCE_TAIL`): the words before are the speaker."""
_SOURCE_TAIL = re.compile(r"^\s+(?:of|at|from)\s+(?:[A-Z][\w&.'’-]*\s+){1,4}")
_SPEAKS_BEFORE = re.compile(rf"(?:\baccording to|\b{_ATTRIBUTED})\s+(?:[\w.'’&-]+\s+){{0,5}}$",
                            re.IGNORECASE)
""""…," said Mustafa Suleyman', "according to Bloomberg's Mark Gurman": the words after
are the speaker or the source."""
_NEGATIONS = frozenset("not no never nor without".split())
_COORDINATORS = frozenset("and or &".split())


REJECTED, SPARE, FITTING = 0, 1, 2
"""How well a span labels its paragraph (`fit`): not at all; only when no span fits;
as a label should."""


def fit(span: Sequence[Word], mine: Sequence[frozenset[str]], texts: Sequence[str],
        index: int, at: int, titles: str, clause_words: int) -> int:
    """How well `span` (words of sentence `index` of the paragraph, `texts`, starting at
    character `at`: `span_start`, in a clause of `clause_words` words) labels the paragraph
    (`mine`: its sentences' stems). REJECTED: words from a later sentence than the first
    that no other one uses (a detail of that sentence, not what the paragraph is about),
    unless every sentence is someone's words (then it is one of the voices, SPARE); a
    quotation's words that neither the paragraph outside quotations nor a headline
    (`titles`) uses (a name inside a quoted sentence is still a name). SPARE (a label only
    when nothing fits): the speaker or source of a sentence whom fewer than two sentences,
    or fewer than half, of the paragraph name;
    an aside between dashes or brackets ("— his father is Oracle co-founder Larry Ellison
    —"). FITTING: the rest."""
    text = texts[index]
    recurs = [sum(w.stem in m for m in mine) >= 2 for w in span if w.content]
    if _quoted(text, at) and not (clause_words > len(span) and all(
            w.marked for w in span if w.content)):
        outside = " ".join([*(QUOTED.sub(" ", t) for t in texts), titles]).casefold()
        if not all(w.bare in outside for w in span if w.content):
            return REJECTED
    if _aside(text, at):
        return SPARE
    if index > 0 and not any(recurs):
        return SPARE if all(map(ATTRIBUTION.search, texts)) else REJECTED
    if not span[-1].marked:
        return FITTING
    named_in = sum(span[-1].stem in m for m in mine)
    if named_in >= 2 and 2 * named_in >= len(mine):
        return FITTING  # the paragraph keeps coming back to this person
    return SPARE if _speaks(text, at, _end_of(text, at, len(span))) else FITTING


def span_start(text: str, at: int, start: int) -> int:
    """Where word `start` of the clause that begins at character `at` of `text` begins."""
    for k, found in enumerate(re.finditer(r"\S+", text[at:])):
        if k == start:
            return at + found.start()
    return len(text)


def _end_of(text: str, at: int, count: int) -> int:
    """Where the `count` words from character `at` end."""
    found = None
    for found, _ in zip(re.finditer(r"\S+", text[at:]), range(count), strict=False):
        pass
    return at + found.end() if found else at


def _speaks(text: str, start: int, end: int) -> bool:
    """Is the name from `start` to `end` the speaker or source of what its sentence says?"""
    after = text[end:]
    tail = _SOURCE_TAIL.match(after)
    if tail:
        after = after[tail.end() - 1:]
    return _SPEAKS_AFTER.match(after) is not None or \
        _SPEAKS_BEFORE.search(text[:start]) is not None


def _aside(text: str, at: int) -> bool:
    """Is character `at` of `text` inside an aside: between two dashes, or in brackets?"""
    before, after = text[:at], text[at:]
    dashes = before.count("—") + before.count(" – ")
    return dashes % 2 == 1 and ("—" in after or " – " in after) or \
        before.count("(") > before.count(")")


def _quoted(text: str, at: int) -> bool:
    """Is character `at` of `text` inside a quotation?"""
    before = text[:at]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def in_clause(words: Sequence[Word], start: int, end: int, before: str) -> bool:
    """Does the span from `start` to `end` stand in its clause as a label can: not right after "not"
    or "no" (its sentence says the opposite), not in an item of a list (`before`: the
    sentence's text before the clause, ending on the comma after the item before: "Rare,
    ZeniMax Online Studios, King …", "Hindi, Japanese, Korean and Brazilian Portuguese")?
    One item of a list is not what the list names."""
    if any(w.bare in _NEGATIONS or w.bare.endswith(("n't", "n’t"))
           for w in words[max(0, start - 2):start]):
        return False
    if not before.rstrip().endswith(","):
        return True
    item = re.split(r"[,;:(\"“”—–]", before.rstrip()[:-1])[-1].split()
    item = item[1:] if item[:1] in (["and"], ["or"]) else item  # "…, and Rare, ZeniMax …"
    if not item or len(item) > 3:
        return True
    named = all(w[:1].isupper() for w in item) and item[0] not in OPENING_WORDS
    joined = start == 0 and any(w.bare in _COORDINATORS for w in words[start:end])
    return not (named or joined and (item[0][:1].isupper() or len(item) == 1))


_SUBORDINATORS = frozenset("as if because while once unless although though whereas".split())
_TIME_LINKS = frozenset("since until".split())
_EPITHETS = frozenset("giant company firm startup maker".split())
"""Nouns that, after "the", stand for a company the sentence before named ("the tech giant")."""
_DETERMINERS = frozenset("the a an its their his her this these".split())
_PEOPLE_ENDINGS = ("ers", "ists", "ians", "ials", "ents", "ants", "ors")
"""How plural nouns for people end ("researchers", "officials", "residents")."""
_PARTICLES = frozenset("up off out down away back over".split())


def cut_from_its_clause(words: Sequence[Word], start: int, end: int) -> bool:
    """Is the span a piece of a clause rather than a noun phrase: the subject and verb of a
    clause after "as", "if", "because" … ("As workers hand over more tasks"); a time that
    belongs to the verb ("OpenAI since 2019"); "the" and a noun that only stands for a
    name said before ("the tech giant"); a phrasal verb ("takes up"); half of a comparison
    ("violence as long | as", "High as $170 billion"); a verb and its object ("Leading the
    charge"); people and what they do ("Researchers hope"); the first of two names that
    share a noun ("Anthropic's Pro | and Max plans")?"""
    span = words[start:end]
    before = words[start - 1].bare if start > 0 else ""
    after = words[end].bare if end < len(words) else ""
    if before in _SUBORDINATORS and any(
            not w.marked and w.content and "VERB" in word_classes(w.bare) for w in span[1:]):
        return True
    if any(w.bare in _TIME_LINKS for w in span[1:]):
        return True
    if before == "the" and span[-1].bare in _EPITHETS and not span[-1].marked:
        return True
    if any(not w.marked and w.content and nxt.bare in _PARTICLES and "VERB" in
           word_classes(w.bare) for w, nxt in zip(span, span[1:])):
        return True  # "Map takes up space": a phrasal verb
    if after == "as" and any(w.bare == "as" for w in span) or \
            len(span) > 1 and span[1].bare in ("as", "than"):
        return True  # "violence as long | as", "High as $170 billion"
    if span[0].bare.endswith("ing") and len(span) > 1 and span[1].bare in _DETERMINERS \
            and "VERB" in word_classes(span[0].bare):
        return True  # "Leading the charge": a verb and its object
    if len(span) > 1 and not span[-1].marked and base_verb(span[-1].bare) and \
            span[-2].bare.endswith(_PEOPLE_ENDINGS) and span[-2].text[-1:] not in "'’":
        return True  # "Researchers hope", "Resort officials claim": a subject and its verb
    return span[-1].marked and after in _COORDINATORS and end + 2 < len(words) and \
        words[end + 1].marked and not words[end + 2].marked and words[end + 2].content \
        and not words[end + 2].verb


_CLAUSE = re.compile(r"[,;:()\[\]\"“”—–?!]|\s-\s|--|(?<!\b[A-Z])(?<!\b[A-Z][a-z])"
                     r"(?<!\b[A-Z][a-z]{2})\.(?:\s|$)")
"""Where a clause ends: a mark (a typed dash "--" too), or a full stop that ends no
abbreviation ("Mount St. Helens", "Gov. Quill", "U.S. ports" run on)."""


def clauses(text: str):
    """The clauses of a sentence (`_CLAUSE.split`), each with the character it starts at."""
    at = 0
    for mark in _CLAUSE.finditer(text):
        yield at, text[at:mark.start()]
        at = mark.end()
    yield at, text[at:]
