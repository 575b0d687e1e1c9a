"""Who speaks in a sentence: the verbs that attribute words to someone, a quotation's
"I" or "we", and a speaker who is only "he", "she" or "it".

A quotation speaks in its speaker's voice: with the speaker named outside it, its "I"
is that person; a closing "…, he said" with nobody named before it leans on the sentence
before. `leaning.leans_back` asks these.
"""

from __future__ import annotations

import re

from digest.compose.marks import CALENDAR, NON_WORD, QUOTED
from digest.text.saying import ATTRIBUTING, SAYING, saying_verb
from digest.text.screen import may_contain
from digest.text.stopwords import FUNCTION_WORDS
from digest.text.wordclass import word_classes

_NOT_ANTECEDENT = frozenset(CALENDAR)

# Its policy on top of the verbs of saying and attribution: not the present of explain,
# argue, insist, continue and announce. After a quotation they mark explainer or promotional
# copy ('"…," Meta explains') more than reporting, and the box should not take such copy for
# a named speaker's statement (adding them changed 11 real-news stories that way, Stop 21).
_NOT_ATTRIBUTING = frozenset({"explains", "argues", "insists", "continues", "announces"})
# A determiner before "saying" makes it a noun ("The saying that … holds true"), no speaker.
ATTRIBUTION = re.compile(
    rf"\b(?:{saying_verb(set(SAYING + ATTRIBUTING) - _NOT_ATTRIBUTING - {'saying'})}|"
    r"(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bold )(?<!\bthis )(?<!\bthat )saying)\b",
    re.IGNORECASE)
"""Verbs that attribute words to a speaker or a source."""

SPEAKER_SELF = frozenset({"we", "we're", "we've", "we'll", "our", "us", "i", "i'm", "i've",
                           "i'd", "i'll", "my"})
"""Words with which a quotation speaks of its speaker ("We will …", "I never …")."""
FIRST_SINGULAR = frozenset({"i", "i'm", "i've", "i'd", "i'll", "my"})
"""A named speaker's "I" is the speaker; "we" still asks which group."""

def named_speaker(text: str) -> bool:
    """Is the quotation attributed to someone named outside it ('"…," said Mayor Dana
    Holt'; '"…," Holt told reporters')? Then its "I" or "we" is that speaker: a quote
    speaks in its speaker's voice."""
    outside = QUOTED.sub(" ", text)
    if outside == text or not ATTRIBUTION.search(outside) or _PRONOUN_SPEAKER.search(outside):
        return False  # no attribution, or a speaker who is only "he" or "she"
    return any(w[:1].isupper() and w not in _NOT_ANTECEDENT
               for w in (NON_WORD.sub("", w) for w in outside.split()))


def un_named_speaker(text: str) -> bool:
    """Is the speaker a bare "he", "she", "they" or "it" ("…," he said; "…, it added")
    with no name before it, outside the quotation, that the pronoun could stand for; or
    is a quotation's speaker only a person's role, with nobody named outside it ('"…," the
    editor continued.', '"…," said the researchers.')?"""
    if not may_contain(text, text.lower(), _SPEAKING):
        return False
    found = _PRONOUN_SPEAKER.search(text)
    if found is None:
        return QUOTED.match(text) is not None and _DEFINITE_SPEAKER.search(text) is not None \
            and not named_speaker(text)
    set_in = _SET_IN.match(text)
    if set_in and not ATTRIBUTION.search(set_in.group(1)):
        return True  # "Skydance, he said, has …": Skydance is what he spoke of, not him
    before = [NON_WORD.sub("", w) for w in QUOTED.sub(" ", text[:found.start()]).split()]
    # A sentence's first word is capitalised anyway: it names someone only when it is
    # no dictionary word ("Holm said", not "Sales doubled").
    return not any(w[:1].isupper() and w not in _NOT_ANTECEDENT
                   and (k > 0 or not (word_classes(w) or w.lower() in FUNCTION_WORDS))
                   for k, w in enumerate(before))


# Its policy on top of the verbs of saying: the plural speaker's present too ("they say",
# "they write"; not "they continue", which says nothing), and not "announce": it takes
# what is announced as its object, and this pattern has no quotation to tell '"…," it
# announced' from "the features it announces".
_SPEAKING = tuple(v for v in SAYING if not v.startswith("announc")) + tuple(
    v[:-1] for v in SAYING if v.endswith("s") and not v.startswith(("announc", "continu")))
"""One of these is in every `_PRONOUN_SPEAKER` match."""
_PRONOUN_SPEAKER = re.compile(
    rf"\b(?:he|she|they|it)\s+(?:also\s+)?{saying_verb(_SPEAKING)}\b", re.IGNORECASE)
_ROLE = (r"(?:editor|spokes(?:person|man|woman)|official|executive|researcher|analyst|author|"
         r"source|person|man|woman|user|employee|engineer|lawyer|attorney|expert|scientist|"
         r"founder|director|manager|representative|officer|reporter|writer|critic|professor|"
         r"teacher|student|designer|player|fan|customer|insider|worker|leader|member)s?")
_DEFINITE_SPEAKER = re.compile(
    rf"[,\"”]\s+(?:the\s+(?:[\w-]+\s+){{0,2}}?{_ROLE}\s+(?:also\s+)?"
    rf"{saying_verb(_SPEAKING)}\b|{saying_verb(_SPEAKING)}\s+the\s+(?:[\w-]+\s+){{0,2}}?"
    rf"{_ROLE}[.!]?$)")
"""An attribution to a person by role only, right after a quotation ('…," the editor
continued', '…," said the researchers.'): which one? (A company that speaks, '…," the
company said', is the story's own subject more often than not.)"""
_SET_IN = re.compile(
    rf"^([^,;:\"“”]{{1,60}}),\s+(?:he|she|they)\s+(?:also\s+)?{saying_verb(_SPEAKING)},",
    re.IGNORECASE)
"""A person's "he said" set in after the sentence's opening words: when they attribute
nothing themselves, they are the subject of what was said, never the speaker, and
nobody names him."""
