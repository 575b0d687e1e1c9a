"""Which word classes an English word can belong to, from lemminflect's dictionary.

Headings need to tell a noun phrase ("Record harvest") from a clause cut short
("Harvest continues"); without a tagger, the dictionary of the forms each
English lemma takes says what a word can be: "continues" is only ever a verb,
"plans" a noun or a verb, "harvest" a noun. Words it does not know (names,
"GPT-5", figures) may be anything.
"""

from __future__ import annotations

from functools import lru_cache

from lemminflect import getAllLemmas

_VERB_CLASSES = frozenset({"VERB", "AUX"})


def word_classes(word: str) -> frozenset[str]:
    """Universal part-of-speech tags `word` (any case) can have; empty when unknown."""
    return _classes(word.lower())


# A memo of a fixed dictionary, not state: the same word always gets the same answer.
# Composing asks about the same few thousand words for every story.
@lru_cache(maxsize=1 << 16)
def _classes(lower: str) -> frozenset[str]:
    return frozenset(getAllLemmas(lower))


def only_a_verb(word: str) -> bool:
    """Is `word` a known English word that is never anything but a verb ("continues",
    "says", "rolled")?"""
    classes = word_classes(word)
    return bool(classes) and classes <= _VERB_CLASSES


def can_be_a_verb(word: str) -> bool:
    """Can `word` (any case) be a verb or an auxiliary in some sentence ("plans", "will",
    "summer")? Words the dictionary does not know (names) cannot."""
    return bool(word_classes(word) & _VERB_CLASSES)


def verb_or_auxiliary(word: str) -> bool:
    """Is `word` (any case) an auxiliary ("will", "has"), a negated one ("hasn't",
    "doesn’t") or a word English only uses as a verb ("continues")?"""
    word = word.replace("’", "'")
    return word.lower().endswith("n't") or "AUX" in word_classes(word) or only_a_verb(word)


def can_end_a_noun_phrase(word: str) -> bool:
    """Can `word` be the head of a noun phrase: a noun, or a word the dictionary does
    not know (a name, a figure, a coinage)?"""
    classes = word_classes(word)
    return not classes or "NOUN" in classes or "PROPN" in classes or "NUM" in classes


def base_verb(word: str) -> bool:
    """Is `word` (any case) the base form of an English verb ("open", "explore"), the form
    an instruction starts with?"""
    return _base_verb(word.lower())


@lru_cache(maxsize=1 << 16)  # as `_classes`: a fixed dictionary, asked the same words often
def _base_verb(lower: str) -> bool:
    return lower in getAllLemmas(lower).get("VERB", ())
