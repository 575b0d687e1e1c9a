"""The specifics two stories share: what an editor checks before calling them one event.

Two reports are one event when they name its specifics: the same people, places
and products, the same coined words, beyond the company or subject they are
about.  Sharing a subject ("OpenAI", "the Pentagon") or a theme's vocabulary
says only that two stories are about one company or topic, which many stories
of one day are.  So an article's *specific words* are its names (written with a
capital letter) and the words no English dictionary knows (product names,
coinages, rare terms: "Camarasaurus", "GPT-4o"); a story's *subject* (the
specific word most of its articles hold, the most used for a single report)
never counts; and a shared word counts only when it is *specific* to the two
stories: a good part of the site's articles that use it are theirs.  A word
half the site uses is background, however often the two stories use it.
Bare numbers are left out: two tables of figures share numbers by chance.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import scipy.sparse as sp

from digest.group.bags import Bag, make_bag, stack
from digest.group.stopwords import ENGLISH_STOP_WORDS
from digest.text.calendar import MONTHS, WEEKDAYS
from digest.text.wordclass import word_classes
from digest.text.tfidf import document_frequency

_NAME_SHARE = 0.8
"""A word is written as a name when at least this share of its uses is capitalised."""
_NOT_SPECIFIC = frozenset(ENGLISH_STOP_WORDS) | {w.lower() for w in MONTHS + WEEKDAYS} | \
    {"i'm", "i’m", "i'll", "i’ll", "i've", "i’ve", "i'd", "i’d", "mr", "mrs", "ms", "dr"}
"""Capitalised words that name no one: dates, "I", honorifics."""


def specific_words(counts: Mapping[str, int], capitals: Mapping[str, int]) -> Bag:
    """The specific words of one text, given how often each word (lower case) is used and
    written with a capital letter: names and words the dictionary does not know, possessives
    folded ("Canva's" is "canva"); stop words, dates and bare numbers left out, and so are
    compounds of dictionary words ("well-suited")."""
    words, uses = [], []
    for word, times in counts.items():
        folded, kind = _specificity(word)
        if kind is _ALWAYS or (kind is _AS_NAME and
                               capitals.get(word, 0) >= _NAME_SHARE * times):
            words.append(folded)
            uses.append(times)
    return make_bag(words, uses)


_NEVER, _AS_NAME, _ALWAYS = "never", "as a name", "always"


# A memo of fixed word lists and a fixed dictionary, not state: the same word always gets the
# same answer, and a large site's articles share most of their words.
@lru_cache(maxsize=1 << 18)
def _specificity(word: str) -> tuple[str, str]:
    """`word` without a possessive, and when it is specific: `_NEVER`, `_AS_NAME` (only when
    written as a name) or `_ALWAYS`."""
    word = word.removesuffix("'s").removesuffix("’s")
    if len(word) < 2 or word in _NOT_SPECIFIC or word.replace(".", "").replace(",", "").isdigit() \
            or "'" in word or "’" in word:  # a contraction ("we're") is no name
        return word, _NEVER
    if "-" not in word:
        known = bool(word_classes(word))
    else:
        known = all(word_classes(part) or part.isdigit() for part in word.split("-") if part)
    return word, _AS_NAME if known else _ALWAYS


@dataclass(frozen=True)
class SiteSpecifics:
    """The specific words of a site's articles, and how many articles use each."""

    holds: sp.csr_matrix
    """Articles by words: how often each article uses each word."""
    frequency: np.ndarray
    """Per word (column of `holds`), the number of articles that use it."""
    users: sp.csc_matrix
    """`holds` by column: which articles use each word."""


def site_specifics(bags: Sequence[Bag]) -> SiteSpecifics:
    """The specific words (`specific_words` bags) of a site's articles, row by row."""
    holds = stack(bags).counts
    return SiteSpecifics(holds=holds, frequency=document_frequency(holds.indices, holds.shape[1]),
                         users=holds.tocsc())


def shared_specifics(site: SiteSpecifics, first: Sequence[int], second: Sequence[int],
                     concentration: float, subject_concentration: float | None = None) -> int:
    """How many specific words both groups of articles (rows of `site.holds`) use, each
    group's subject aside, with at least `concentration` of the site's articles that use
    them in the two groups.  With `subject_concentration`, a subject counts too when at
    least that share of the site's articles that use it are in the two groups: then it is
    the event's own name (a storm, a festival, a person in the news for this alone), not a
    company or topic the site covers again and again."""
    held = [_held(site.holds, rows) for rows in (first, second)]
    shared = np.intersect1d(held[0][0], held[1][0], assume_unique=True)
    inside = _held(site.holds, list(first) + list(second))
    subjects = [_subject(*held[0]), _subject(*held[1])]
    if subject_concentration is not None:
        subjects = [s for s in subjects if _holders(inside, s) < subject_concentration *
                    site.frequency[s]]
    shared = np.setdiff1d(shared, subjects, assume_unique=True)
    if not len(shared):
        return 0
    holders = inside[1][np.searchsorted(inside[0], shared)]
    specific = shared[holders >= concentration * site.frequency[shared]]
    # Words the same articles use are one name ("Craig Federighi", "Sandy Hook").
    users = site.users
    return len({tuple(users.indices[users.indptr[c]:users.indptr[c + 1]]) for c in specific})


def _held(holds: sp.csr_matrix, rows: Sequence[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(words the rows use, ascending; how many of the rows use each; how often in all)."""
    part = holds[np.asarray(rows, dtype=np.int64)]
    columns, where, holders = np.unique(part.indices, return_inverse=True, return_counts=True)
    return columns, holders, np.bincount(where, weights=part.data, minlength=len(columns))


def _holders(held: tuple[np.ndarray, np.ndarray, np.ndarray], column: int) -> int:
    """How many of the rows `held` sums up use word `column` (0 for -1, no word)."""
    at = int(np.searchsorted(held[0], column))
    return int(held[1][at]) if column >= 0 and at < len(held[0]) and held[0][at] == column \
        else 0


def _subject(columns: np.ndarray, holders: np.ndarray, uses: np.ndarray) -> int:
    """The group's subject: the word most of its articles use, then the most used (ties:
    the first column); -1 when it uses none."""
    if not len(columns):
        return -1
    return int(columns[np.lexsort((columns, -uses, -holders))[0]])
