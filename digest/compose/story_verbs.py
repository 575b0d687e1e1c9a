"""The words a story's own sentences use as verbs: English's word classes say "include"
may be a noun or a verb; the story's "it will include" says which it is here."""

from __future__ import annotations

from itertools import compress
from operator import itemgetter, or_

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
        words = unit.sentence.text.split()
        lows = list(map(str.lower, words))
        # What comes before is looked at first: it rules out most. Only a subject, a
        # modal, a relative or a capitalised word can be followed by a verb here.
        maybe = map(or_, map(_BEFORE_A_VERB.__contains__, lows),
                    map(str.isupper, map(itemgetter(0), words)))
        for at in compress(range(len(words) - 1), maybe):
            before, word, low = words[at], words[at + 1], lows[at]
            subject, relative = low in _SUBJECTS_OR_MODALS, low in _RELATIVES
            named = at > 0 and before[:1].isupper() and before.isalpha()
            if not (subject or relative or named):
                continue
            bare = word.strip(WORD_EDGE + "\"“”(),.;:")
            if not (bare.isalpha() and bare.islower()) or bare in STOPWORDS:
                continue
            if subject or relative and bare.endswith("s") or named and bare.endswith("ed"):
                verbs.add(bare)
    found = story.derived[_VERBS_OF] = frozenset(verbs)
    return found
