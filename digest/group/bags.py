"""Bags of words as compact arrays, and how a site's bags become one matrix.

Each article's words are counted once, by `digest.group.profile`, into a
`Bag`: word ids and counts.  A word's id is a stable 64-bit hash of the word,
so a bag depends on its article alone: bags can be cached per article and a
changed article re-counted on its own.  `stack` then puts the bags of a whole
site into one count matrix with one column per distinct id, columns in id
order, so the matrix never depends on the order the articles were counted in.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import scipy.sparse as sp

ID_TYPE = np.uint64
COUNT_TYPE = np.uint16
_MAX_COUNT = np.iinfo(COUNT_TYPE).max


@lru_cache(maxsize=1 << 19)
def word_id(word: str) -> int:
    """The stable id of `word`: the same in every process and Python version."""
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


@dataclass(frozen=True, eq=False)
class Bag:
    """The distinct words of one text: ids ascending, with their counts."""

    ids: np.ndarray
    counts: np.ndarray

    def key_parts(self) -> tuple[bytes, bytes]:
        """The bag's content as bytes, for keys (`digest.hashing`)."""
        return self.ids.tobytes(), self.counts.tobytes()


EMPTY_BAG = Bag(ids=np.zeros(0, dtype=ID_TYPE), counts=np.zeros(0, dtype=COUNT_TYPE))


def make_bag(words: Iterable[str], counts: Iterable[int] | None = None) -> Bag:
    """The bag of `words` (each counted once, or `counts` times each)."""
    if counts is None:
        counted = Counter(words)
        words, counts = list(counted), counted.values()
    else:
        words = list(words)
    if not words:
        return EMPTY_BAG
    ids = np.fromiter(map(word_id, words), dtype=ID_TYPE, count=len(words))
    weights = np.fromiter(counts, dtype=np.float64, count=len(words))
    # Mostly the words are distinct (the keys of a count): sorting them is all there is to do.
    order = ids.argsort()
    ordered = ids[order]
    if (ordered[1:] == ordered[:-1]).any():
        return _summed(ids, weights)
    return Bag(ids=ordered, counts=np.minimum(weights[order], _MAX_COUNT).astype(COUNT_TYPE))


def _summed(ids: np.ndarray, weights: np.ndarray) -> Bag:
    distinct, where = np.unique(ids, return_inverse=True)
    totals = np.bincount(where, weights=weights, minlength=len(distinct))
    return Bag(ids=distinct, counts=np.minimum(totals, _MAX_COUNT).astype(COUNT_TYPE))


@dataclass(frozen=True)
class Stacked:
    """The bags of many texts as one count matrix."""

    counts: sp.csr_matrix
    """One row per bag, one column per distinct id; row indices sorted."""
    ids: np.ndarray
    """The word id of each column, ascending."""

    def column(self, word: str) -> int:
        """The column of `word`, or -1 when no bag has it."""
        target = ID_TYPE(word_id(word))
        at = int(np.searchsorted(self.ids, target))
        return at if at < len(self.ids) and self.ids[at] == target else -1

    def row_columns(self, row: int) -> np.ndarray:
        """The columns (ascending) of the words of bag `row`."""
        return self.counts.indices[self.counts.indptr[row]:self.counts.indptr[row + 1]]


@dataclass(frozen=True)
class LeadWords:
    """The lead words of many articles, and which of them are written like names."""

    stacked: Stacked
    capital_share: np.ndarray
    """Per column, the share of its occurrences written with a capital letter: near 1 for
    names ("Samsung"), low for common words even though they start sentences."""


def stack(bags: Sequence[Bag]) -> Stacked:
    """One count matrix of `bags`, row by row; columns ordered by word id."""
    lengths = np.fromiter((len(b.ids) for b in bags), dtype=np.int64, count=len(bags))
    indptr = np.concatenate(([0], np.cumsum(lengths)))
    if not indptr[-1]:
        return Stacked(counts=sp.csr_matrix((len(bags), 0)), ids=np.zeros(0, dtype=ID_TYPE))
    every = np.concatenate([b.ids for b in bags])
    # Sorting the distinct ids and looking each one up is several times faster on a large
    # site than `np.unique(..., return_inverse=True)`, which sorts the positions as well.
    ids = np.unique(every)
    columns = np.searchsorted(ids, every)
    data = np.concatenate([b.counts for b in bags]).astype(np.float64)
    # Each bag's ids are ascending and distinct, so each row's columns are too.
    matrix = sp.csr_matrix((data, columns.astype(np.int32), indptr), shape=(len(bags), len(ids)))
    matrix.has_sorted_indices = True
    return Stacked(counts=matrix, ids=ids)
