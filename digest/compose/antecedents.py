"""Naming the person a "he" or "she" stands for: "He said the plant will close." after
"Mayor Dana Holt met the union on Friday." → "Dana Holt said the plant will close."

A reporter writes "he" or "she" only when the reader has just met the person; the
sentence before says who. When that sentence names exactly one person, in full, and
nobody else who could be meant, the pronoun can be replaced by that name and the
sentence stands on its own while saying what the source says. Two places a pronoun
stands for the subject:

* the sentence's first word: "He", "She", or the possessive "His"/"Her" ("His company
  …" → "Dana Holt's company …");
* the speaker of a quotation: '"We will appeal," she said.' → '"We will appeal," Dana
  Holt said.'

Anything less certain is left alone (the sentence is then not shown): no person or
two people in the sentence before, a name that may be a place or an institution ("White
House": its first word is an English word), or a pronoun later in the sentence. Pure
functions; the result is an `openers.Rewrite`, shown in the report like every rewrite.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from digest.compose.marks import CALENDAR, QUOTED
from digest.compose.openers import Rewrite, person_like
from digest.text.saying import SAYING_VERB
from digest.text.stopwords import FUNCTION_WORDS
from digest.text.wordclass import can_be_a_verb, word_classes

_CALENDAR = frozenset(CALENDAR)
_LEADING = re.compile(r"^(?P<pronoun>He|She|His|Her)\s(?=[a-z])")
_SPEAKER = re.compile(rf"(?<=[,?!][\"”’] )(?P<pronoun>he|she)\s+(?=(?:also\s+)?{SAYING_VERB}\b)")
_CAPITALISED_RUN = re.compile(r"(?<![\w'’.-])[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*")
_NAME_PART = re.compile(r"^(?:[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)?|[A-Z]\.)$")
_POSSESSIVE = ("His", "Her")
_PRONOUNS = re.compile(r"\b(?:he|she|him|her|his|hers)\b", re.IGNORECASE)


def name_pronoun(text: str, earlier: Sequence[str]) -> Rewrite | None:
    """`text` with its leading "He"/"She"/"His"/"Her" or its quotation's speaker "he"/"she"
    replaced by the one person the sentence before it (`earlier[-1]`, the same source's)
    names in full; None when there is no such pronoun, no such person, or another pronoun
    for a person later in `text` (it may mean someone else)."""
    found = _LEADING.match(text) or _SPEAKER.search(text)
    if found is None or not earlier:
        return None
    rest = text[found.end():]
    if _PRONOUNS.search(QUOTED.sub(" ", rest)):  # a quotation's pronouns speak of others
        return None
    person = sole_person(earlier[-1])
    if person is None or person.split()[-1] in text:
        return None  # "He told Dana Holt …": the pronoun is someone else
    pronoun = found.group("pronoun")
    name = person + "'s" if pronoun in _POSSESSIVE else person
    return Rewrite(text=text[:found.start()] + name + " " + rest, opener=pronoun, name=name)


def sole_person(sentence: str) -> str | None:
    """The one person `sentence` names in full as its subject or speaker ("Mayor Dana
    Holt met …", "… said Dana Holt", "Dana Holt, the mayor, told …" → "Dana Holt");
    None when it names no such person, or anyone else who could be a person ("Mark
    Rivera", "White House": a given name that is an English word cannot be told from an
    institution)."""
    people: set[str] = set()
    for run in _CAPITALISED_RUN.finditer(sentence):
        words = [w.removesuffix("'s").removesuffix("’s") for w in run.group(0).split()]
        start = run.start()
        if start == 0 and words and _common(words[0]):
            if words[0].lower() in FUNCTION_WORDS:  # "For Dana Holt, …": not the subject
                start = len(run.group(0)) - len(run.group(0)[len(words[0]):].lstrip())
            words = words[1:]  # a sentence's first word is capitalised anyway
        tail = _name_tail(words)
        if tail is None:
            if start > 0 and _acts(words, sentence[run.end():]):
                return None  # "…, but Obama worked harder": another subject, by surname
            continue
        name = " ".join(tail)
        if _common(tail[0]) or not person_like(name):
            return None  # "Mark Rivera", "White House": maybe a person, maybe not
        if not _in_subject_place(sentence, start, run.end()):
            return None  # "… blamed Joe Biden's order": the pronoun may be the subject
        people.add(name)
    return people.pop() if len(people) == 1 else None


def _name_tail(words: list[str]) -> list[str] | None:
    """The last words of a capitalised run when shaped like a given name and a surname,
    with an optional middle initial ("Mayor Dana J. Holt" → Dana, J., Holt); None for
    words no person is called by ("The Verge", "Tuesday Night")."""
    if len(words) < 2 or not all(_NAME_PART.match(w) for w in words[-2:]):
        return None
    tail = words[-3:] if len(words) >= 3 and re.fullmatch(r"[A-Z]\.", words[-2]) else words[-2:]
    given = tail[0]
    if len(given) < 3 or given.lower() in FUNCTION_WORDS or given in _CALENDAR:
        return None
    return tail


def _acts(words: list[str], after: str) -> bool:
    """Is a one-word name ("Obama", "Pike"; not "CEO") the subject of the verb after it?"""
    following = re.match(r"\s+([a-z]+)\b", after)
    return len(words) == 1 and not words[0].isupper() and \
        words[0].lower() not in FUNCTION_WORDS and \
        following is not None and can_be_a_verb(following.group(1))


def _common(word: str) -> bool:
    """Is `word` an English word (any case), so not surely a given name?"""
    return bool(word_classes(word)) or word.lower() in FUNCTION_WORDS


def _in_subject_place(sentence: str, start: int, end: int) -> bool:
    """Is the name at `sentence[start:end]` its subject or speaker: at its start (or
    after an opening phrase and a comma), before a verb of saying, or after one?"""
    before, after = sentence[:start], sentence[end:]
    return not before.strip() or re.fullmatch(r"[^,]{0,40},\s*", before) is not None or \
        _SAYS_AFTER.match(after) is not None or _SAYS_BEFORE.search(before) is not None


_SAYS_AFTER = re.compile(rf"(?:['’]s)?,?\s+(?:[^,]{{0,60}},\s+)?(?:also\s+)?{SAYING_VERB}\b")
_SAYS_BEFORE = re.compile(rf"\b(?:{SAYING_VERB}|according\s+to)\s+(?:[a-z]+\s+)?$")
