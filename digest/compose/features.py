"""Word features of one sentence: content stems, numbers, names.

Everything the compose stage compares (centrality, cross-source support,
citations, deduplication) is computed from these features, so two sentences
are "the same fact" by one definition everywhere. Pure functions; the caller
hands in the `Stemmer` its story's words are stemmed with.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import filterfalse
from typing import NamedTuple

from digest.text.calendar import MONTHS, SHORT_MONTHS, WEEKDAYS
from digest.text.figures import NUMBER, SCALES, has_digit, read_figure, scale_word
from digest.text.stem import stem_token
from digest.text.stopwords import FUNCTION_WORDS

STOPWORDS = FUNCTION_WORDS | frozenset("""
according amid day days did does doing got having just like make month months new said say
saying says shall theirs time told way week weeks year years""".split())
"""Composing's stop-word policy: the shared function words (`digest.text.stopwords`) and
reporting verbs, vague nouns and calendar words, which say nothing about which fact a
sentence states."""

_LOWER_WORD = re.compile(r"[a-z][a-z'’]*")
_NAME = re.compile(r"[A-Z](?<![\w'’-][A-Z])[A-Za-z'’]*")
"""A capitalised word not glued to a word before it (the capital first, then the
look back: a pattern that starts with a character class is searched far faster)."""
_SCALE_WORDS = frozenset(SCALES) - {"b", "t"}
"""The scale words a figure may carry here: not a bare "b" or "t", which after a number is as
often a letter or tonnes as a billion or a trillion. They are stop words too."""
_FIGURE = re.compile(rf"{NUMBER}(?:\s?{scale_word(_SCALE_WORDS)}\b)?")
_NUMBER_WORDS = {"two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
                 "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
                 "twenty": "20", "hundred": "100", "half": "half", "dozen": "12"}
_NEGATION = re.compile(r"\b(?:not|never|none|nobody|nothing|neither|nor|cannot|without|unable|"
                       r"no(?![.]\s?\d))\b|n['’]t\b", re.IGNORECASE)
_NEGATION_CUE = re.compile(r" no(?:[ ,t]|r )|n['’]t|ne(?:ver|ither)|no(?:ne|bod)|without|unable|"
                           r"cannot")
"""The screen `_negated` runs before `_NEGATION`, on the lower case after a space: " no ",
" no,", " not", " nor ", "n't", "n’t", "never", "none", "nobod", "neither", "without",
"unable", "cannot" (one search for them all costs less than a substring test of each)."""
_USA = re.compile(r"\bU\.S\.(?:A\.)?|\bUSA?\b")
""""U.S.", "US" and "USA" are one name; "us" stays a stopword."""
_NOT_NAMES = frozenset(name.lower() for name in WEEKDAYS + MONTHS if name != "May") | frozenset(
    SHORT_MONTHS)
"""Days, months (not "may", a verb too) and their short forms: capitalised, never a name."""


_NUMBER_SET = frozenset(_NUMBER_WORDS)
_SKIP = STOPWORDS | frozenset(_NUMBER_WORDS) | _SCALE_WORDS
_NOT_A_NAME = _SKIP | _NOT_NAMES


@dataclass(frozen=True)
class Stemmer:
    """digest's stemmer (`digest.text.stem.stem_token`), as every function here that
    stems a story's words is handed it. `stem_token`'s own LRU memo holds whatever words
    a story uses: a per-story memo in front of it cost more to read from Python than the
    call in C it saved."""

    stem: Callable[[str], str] = stem_token
    """`companies` → `company`, `announced` → `announc`, `Apple's` → `appl`."""


class Features(NamedTuple):
    """What a sentence says, as sets of comparable tokens."""

    words: int
    """Number of content terms (numbers included)."""
    content: frozenset[str]
    """Stems of the content words (stopwords dropped), numbers as normalised."""
    terms: tuple[str, ...]
    """Content stems in order, repeats kept (for term frequencies)."""
    numbers: frozenset[str]
    """Normalised numbers: `$3.5 billion` → `3.5b`, `1,200` → `1200`, `five` → `5`."""
    names: frozenset[str]
    """Stems of capitalised words not at the sentence start (people, firms, places)."""
    lead: str = ""
    """Stem of a capitalised first word that is not a stopword ("Amazon", but also
    "Patients"): whether it is a name only the rest of the story can tell."""
    negated: bool = False
    """Does the sentence deny something ("not", "never", "n't", "no longer")?"""


def terms(text: str, stemmer: Stemmer) -> tuple[list[str], list[str]]:
    """(content stems in order with the numbers appended, numbers) of a sentence:
    the fast path used for every sentence of a story."""
    if "US" in text or "U.S" in text:
        text = _USA.sub("Usa", text)
    return _terms(text, text.lower(), stemmer)


def _terms(text: str, low: str, stemmer: Stemmer) -> tuple[list[str], list[str]]:
    """`terms` of a text whose "U.S." is already folded, given its lower case."""
    lowered = _LOWER_WORD.findall(low)
    out = list(map(stemmer.stem, filterfalse(_SKIP.__contains__, lowered)))
    numbers = [] if _NUMBER_SET.isdisjoint(lowered) else \
        [_NUMBER_WORDS[w] for w in lowered if w in _NUMBER_WORDS]
    if has_digit(text):
        numbers += [_scaled(figure) for figure in _FIGURE.findall(text)]
    out += numbers
    return out, numbers


def _scaled(written: str) -> str:
    """A figure `_FIGURE` found, read by the shared parser: "3.5 billion" → "3.5b"."""
    figure = read_figure(written)
    return figure.scaled if figure else written


def term_set(text: str, stemmer: Stemmer) -> frozenset[str]:
    """`frozenset(terms(text, stemmer)[0])`, each distinct word stemmed once: what a
    whole paragraph is indexed by (`StoryText.vocabulary`)."""
    if "US" in text or "U.S" in text:
        text = _USA.sub("Usa", text)
    lowered = set(_LOWER_WORD.findall(text.lower()))
    out = set(map(stemmer.stem, lowered - _SKIP))
    out.update(_NUMBER_WORDS[w] for w in lowered & _NUMBER_SET)
    if has_digit(text):
        out.update(_scaled(figure) for figure in _FIGURE.findall(text))
    return frozenset(out)


def specificity(text: str, numbers: list[str]) -> int:
    """How many names and figures a sentence has (capitalised words after the first)."""
    return len(_NAME.findall(text, 1)) + len(numbers)


def features(text: str, stemmer: Stemmer,
             known: tuple[list[str], list[str]] | None = None) -> Features:
    """Features of one sentence (plain text); `known` is its `terms` if already computed."""
    return analyse(text, stemmer, known)[0]


def analyse(text: str, stemmer: Stemmer,
            known: tuple[list[str], list[str]] | None = None) -> tuple[Features, int]:
    """(features, specificity) of one sentence in one pass over its words."""
    if "US" in text or "U.S" in text:
        text = _USA.sub("Usa", text)
    low = text.lower()
    found, numbers = known or _terms(text, low, stemmer)
    capitals = _NAME.findall(text, 1)
    stem = stemmer.stem  # `_stem` lower-cases first, so a capitalised word needs no .lower()
    names = frozenset(map(stem, capitals)) - _NOT_A_NAME if capitals else frozenset()
    first = _NAME.match(text.lstrip("\"“‘('"))
    lead = stem(first.group(0)) if first else ""
    if lead in _NOT_A_NAME:
        lead = ""
    return (Features(len(found), frozenset(found), tuple(found), frozenset(numbers), names,
                     lead, _negated(text, low)), len(capitals) + len(numbers))


def _negated(text: str, low: str) -> bool:
    """Does the sentence say "not", "never", "n't" ...? (substring screen on its lower
    case `low` first: the regex is the slow part and most sentences have none of these)"""
    if _NEGATION_CUE.search(" " + low) is None:
        return False
    return bool(_NEGATION.search(text))


def containment(small: Features, large: Features) -> float:
    """Share of `small`'s content stems that `large` also has (1.0 when empty)."""
    if not small.content:
        return 1.0
    return len(small.content & large.content) / len(small.content)


def mutual_containment(a: Features, b: Features) -> float:
    """The larger of `containment` either way: 1.0 when either one has no content stems,
    else the stems they share over the fewer of the two."""
    if not a.content or not b.content:
        return 1.0
    shared = len(a.content & b.content)
    return max(shared / len(a.content), shared / len(b.content))
