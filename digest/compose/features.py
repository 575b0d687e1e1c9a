"""Word features of one sentence: content stems, numbers, names.

Everything the compose stage compares (centrality, cross-source support,
citations, deduplication) is computed from these features, so two sentences
are "the same fact" by one definition everywhere. Pure functions; a
`Stemmer` memo is created per story by the caller, never shared globally.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

STOPWORDS = frozenset("""a about above after again against all also am an and any are as at be
because been before being below between both but by can could did do does doing down during each
few for from further had has have having he her here hers herself him himself his how i if in into
is it its itself just me more most my myself no nor not now of off on once only or other our ours
ourselves out over own same she should so some such than that the their theirs them themselves then
there these they this those through to too under until up very was we were what when where which
while who whom why will with would you your yours yourself yourselves said says say saying told
according new one may might must shall us per via amid among within without across upon onto also
year years yet still however though although since already even like well way get got make made
many much another every back first last next week weeks month months day days time""".split())

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
_FIGURE = re.compile(r"(\d[\d,]*(?:\.\d+)?)%?(?:\s?(thousand|million|billion|trillion|bn|mn|tn|m|k)\b)?")
_NUMBER_WORDS = {"two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
                 "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
                 "twenty": "20", "hundred": "100", "half": "half", "dozen": "12"}
_SCALE = {"thousand": "k", "million": "m", "billion": "b", "trillion": "t", "bn": "b", "mn": "m",
          "m": "m", "k": "k", "tn": "t"}
_NOT_NAMES = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february
march april june july august september october november december jan feb mar apr jun jul aug sep
sept oct nov dec""".split())


_SKIP = STOPWORDS | frozenset(_NUMBER_WORDS) | frozenset(_SCALE)


@dataclass
class Stemmer:
    """A crude English suffix stripper with a memo; one per story, never global."""

    memo: dict[str, str] = field(default_factory=dict)

    def stem(self, word: str) -> str:
        """`companies` → `company`, `announced` → `announc`, `Apple's` → `apple`."""
        hit = self.memo.get(word)
        if hit is None:
            hit = self.memo[word] = _stem(word)
        return hit


def _stem(word: str) -> str:
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'-")
    if len(w) <= 3:
        return w
    for suffix, repl, minimum in (("ies", "y", 5), ("sses", "ss", 5), ("ings", "", 7),
                                  ("ing", "", 6), ("edly", "", 7), ("ed", "", 5), ("es", "", 6),
                                  ("ly", "", 6), ("s", "", 4)):
        if w.endswith(suffix) and len(w) >= minimum and not w.endswith("ss"):
            return w[: len(w) - len(suffix)] + repl
    return w


@dataclass(frozen=True)
class Features:
    """What a sentence says, as sets of comparable tokens."""

    words: int
    """Number of word tokens (numbers included)."""
    content: frozenset[str]
    """Stems of the content words (stopwords dropped), numbers as normalised."""
    terms: tuple[str, ...]
    """Content stems in order, repeats kept (for term frequencies)."""
    numbers: frozenset[str]
    """Normalised numbers: `$3.5 billion` → `3.5b`, `1,200` → `1200`, `five` → `5`."""
    names: frozenset[str]
    """Stems of capitalised words not at the sentence start (people, firms, places)."""


def features(text: str, stemmer: Stemmer) -> Features:
    """Features of one sentence (plain text)."""
    words = _WORD.findall(text)
    numbers = [_number(value) + _SCALE.get(scale.lower(), "")
               for value, scale in _FIGURE.findall(text)]
    lowered = [w.lower() for w in words]
    numbers += [_NUMBER_WORDS[w] for w in lowered if w in _NUMBER_WORDS]
    stem = stemmer.stem
    terms = [stem(w) for w in lowered if w not in _SKIP]
    names = {stem(w.lower()) for w in words[1:]
             if w[0].isupper() and w.lower() not in _SKIP and w.lower() not in _NOT_NAMES}
    terms.extend(numbers)
    return Features(words=len(words) + len(numbers), content=frozenset(terms),
                    terms=tuple(terms), numbers=frozenset(numbers), names=frozenset(names))


def _number(value: str) -> str:
    value = value.replace(",", "")
    if "." in value:
        value = value.rstrip("0").rstrip(".") or "0"
    return value


def containment(small: Features, large: Features) -> float:
    """Share of `small`'s content stems that `large` also has (1.0 when empty)."""
    if not small.content:
        return 1.0
    return len(small.content & large.content) / len(small.content)
