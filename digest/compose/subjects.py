"""Who a sentence is about, however it is written: the names of its subject (the noun phrase
it opens on, after an opening phrase such as "On Tuesday,") as keys that match across the
ways news writes one actor. "The FTC" and "The Federal Trade Commission" (an acronym is the
initials of the capitalised name), "Altman" and "OpenAI CEO Sam Altman" (a surname is the
last word of the full name), "Meta" and "Facebook parent Meta" (a name is the head of a
longer descriptive phrase) share a key; "Google" and "Google Translate" do not, nor does
"Apple's statement" (a possessive names whose, not who) share one with "Apple".
"""

from __future__ import annotations

import re
from typing import NamedTuple

from digest.compose.openers import GENERIC_WORDS, OPENING_WORDS
from digest.text.stem import stem_token
from digest.text.wordclass import can_be_a_verb, word_classes

_WORD = re.compile(r"[A-Za-z0-9][\w'’.&+-]*[\w+]|[A-Za-z]")
_OPENING = re.compile(r"^(?P<words>[A-Z][^,;:\"“”]{0,50}), ")
"""An opening phrase before the subject ("On Tuesday, ", "In a post on X, ")."""
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_JOINERS = frozenset(("of", "and", "for", "&"))
"""Lower-case words inside a name ("Bureau of Labor", "Procter & Gamble")."""
_LINKING = frozenset(("is", "was", "has", "had", "will", "would", "can", "could", "may",
                      "might", "says", "said", "are", "were", "have", "does", "did"))
"""Verbs right before a capitalised word ("Meta is Facebook's …"): the subject ends there."""
_WORDS = 8
"""Most words a subject is looked for in."""
_ARTICLES = frozenset(("The", "the", "A", "a", "An", "an"))
_VERBS = frozenset(("VERB", "AUX"))


class Subject(NamedTuple):
    """The subject of a sentence, as comparable keys and the stems it is written with."""

    heads: frozenset[str]
    """Stem of its head, the last word of its phrase ("Meta" of "Facebook parent Meta")."""
    acronyms: frozenset[str]
    """Its head, lower case, when written in capitals ("ftc" of "The FTC")."""
    initials: frozenset[str]
    """Initials of its name's last two words or more ("ftc" and "tc" of "Federal Trade
    Commission")."""
    stems: frozenset[str]
    """Stems of the subject's words: what the rest of the sentence is compared without."""


NO_SUBJECT = Subject(frozenset(), frozenset(), frozenset(), frozenset())


def subject_of(text: str) -> Subject:
    """The `Subject` of a sentence: what its opening noun phrase names, or `NO_SUBJECT`
    when it opens on no name ("The company …", "Apple's statement …", a lower-case
    word, "Bergen passengers can …")."""
    opening = _OPENING.match(text)
    if opening is not None and opening.group("words").split()[0] in OPENING_WORDS:
        text = text[opening.end():]
    words = _WORD.findall(text.lstrip("\"“‘('")[:120])
    if words and words[0] in _ARTICLES:
        words = words[1:]
    phrase = _phrase(words)
    if not phrase or phrase[-1].endswith(("'s", "’s")):
        return NO_SUBJECT
    head = phrase[-1]
    after = words[len(phrase):len(phrase) + 1]
    if head in GENERIC_WORDS or head in OPENING_WORDS or (after and not _predicate(after[0])):
        return NO_SUBJECT  # "Bergen passengers can …": the name modifies the subject
    name = _last_name(phrase)
    return Subject(frozenset((stem_token(head),)),
                   frozenset((head.lower(),)) if _ACRONYM.fullmatch(head) else frozenset(),
                   frozenset("".join(w[0] for w in name[k:]).lower()
                             for k in range(len(name) - 1)),
                   frozenset(stem_token(w) for w in phrase))


def _predicate(word: str) -> bool:
    """Can `word`, right after the subject, open its predicate: a verb, an auxiliary or
    an adverb ("will", "launched", "quietly")?"""
    return can_be_a_verb(word) or "ADV" in word_classes(word)


def _phrase(words: list[str]) -> list[str]:
    """The subject's words: capitalised ones, with the lower-case words between them that
    are no verb or adverb ("Facebook parent Meta", "Bureau of Labor"), ending on a
    capitalised one."""
    out: list[str] = []
    pending: list[str] = []
    for word in words[:_WORDS]:
        if word[:1].isupper():
            out += pending + [word]
            pending = []
        elif out and word.isalpha() and word not in _LINKING and not _verb_like(word):
            pending.append(word)
        else:
            break
    return out


def _verb_like(word: str) -> bool:
    """Is `word` an adverb, or a word English uses only as a verb ("added")?"""
    classes = word_classes(word)
    return "ADV" in classes or bool(classes) and classes <= _VERBS


def _last_name(phrase: list[str]) -> list[str]:
    """The capitalised words of the phrase's last name ("Federal Trade Commission" of
    "US Federal Trade Commission" too: its last run of capitalised words and joiners)."""
    run: list[str] = []
    for word in reversed(phrase):
        if not (word[:1].isupper() or word in _JOINERS):
            break
        run.append(word)
    return [w for w in reversed(run) if w[:1].isupper()]


def same_subject(a: Subject, b: Subject) -> bool:
    """Do the two subjects name the same actor: the same head, or one's acronym the
    other's initials?"""
    return not a.heads.isdisjoint(b.heads) or not a.acronyms.isdisjoint(b.initials) or \
        not b.acronyms.isdisjoint(a.initials)
