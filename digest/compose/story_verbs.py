"""The words a story's own sentences use as verbs: English's word classes say "include"
may be a noun or a verb; the story's "it will include" says which it is here."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import compress, repeat
from operator import contains

from digest.compose.features import STOPWORDS
from digest.compose.story import StoryText

WORD_EDGE = "'’.%$"
"""Marks at a word's edge that are not part of it."""

_SUBJECTS = frozenset("he she it they we who i you".split())
_MODALS = frozenset("will would can could should must might shall cannot".split())
# "that powers", "which runs": after a relative pronoun a word in "-s" is its verb (a
# plural noun after "that" is rarer than a verb); and a name followed by an "-ed" word
# mid-sentence is a subject and its verb ("... after Mayor Quill tasked engineers").
_RELATIVES = frozenset("that which".split())
_SUBJECTS_OR_MODALS = _SUBJECTS | _MODALS
_BEFORE_A_VERB = _SUBJECTS_OR_MODALS | _RELATIVES
_VERBS_OF = "story_verbs.verbs_of"  # its name in `StoryText.derived`


def verbs_of(story: StoryText) -> frozenset[str]:
    """Lower-case words the story's own sentences use as verbs: right after a subject
    pronoun or a modal ("it shows", "will include", "who continues"), an "-s" word after
    "that"/"which" ("that powers"), an "-ed" word after a name mid-sentence ("Quill
    tasked"). Worked out once
    per story: the story's text is the dictionary that tells "include" is a verb."""
    found = story.derived.get(_VERBS_OF)
    if isinstance(found, frozenset):
        return found
    verbs: set[str] = set()
    for unit in story.units:
        verbs.update(_verbs_in(unit.sentence.text))
    found = story.derived[_VERBS_OF] = frozenset(verbs)
    return found


_BARE = WORD_EDGE + "\"“”(),.;:"
"""What is stripped from a word before it is looked at as a verb."""


def _verbs_in(text: str) -> Iterator[str]:
    """The words `verbs_of` takes from one sentence (repeats possible)."""
    words = text.split()
    lows = text.lower().split()  # the words lower-cased, one for one
    # A subject, modal or relative pronoun is looked for first: few words are one.
    for at in compress(range(len(words) - 1), map(_BEFORE_A_VERB.__contains__, lows)):
        bare = words[at + 1].strip(_BARE)
        if _may_be_a_verb(bare) and (lows[at] in _SUBJECTS_OR_MODALS or bare.endswith("s")):
            yield bare
    # A name mid-sentence before an "-ed" word: only a word holding "ed" can be that one.
    for at in compress(range(1, len(words) - 1), map(contains, words[2:], repeat("ed"))):
        before, bare = words[at], words[at + 1].strip(_BARE)
        if before[:1].isupper() and before.isalpha() and bare.endswith("ed") and \
                _may_be_a_verb(bare):
            yield bare


def _may_be_a_verb(bare: str) -> bool:
    """Is a stripped word a lower-case word that is no stop word?"""
    return bare.isalpha() and bare.islower() and bare not in STOPWORDS
