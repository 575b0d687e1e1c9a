"""TF-IDF: terms weighted up in the documents that use them and down by how many do.

One implementation for the stages that compare texts: grouping weighs the words of
whole articles (`digest.group.features`, `digest.group.duplicates`), composing the
words of a story's sentences (`digest.compose.vectors`, which takes the document
frequency, the IDF and the L2 step `unit_rows` from here and builds its small rows
itself, with raw counts).
Each stage picks its policy: the IDF's smoothing (`smooth_idf`, `half_idf`), a power
on it and a cut of terms too common to tell documents apart. A count matrix has one
row per document and one column per term (scipy CSR, each row holding a column at
most once). It imports no stage.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import scipy.sparse as sp

Idf = Callable[[np.ndarray, int], np.ndarray]
"""An IDF policy: the weight of each term from its document frequency and the number of
documents."""


def document_frequency(columns: np.ndarray, width: int) -> np.ndarray:
    """How many documents hold each of `width` terms, given the term (column) of every
    entry of a count matrix (CSR `indices`)."""
    return np.bincount(columns, minlength=width)


def smooth_idf(df: np.ndarray, documents: int) -> np.ndarray:
    """scikit-learn's smooth IDF, `log((1 + n) / (1 + df)) + 1`: as if one more document
    held every term, and plus one, so a term in every document still counts a little
    (grouping: a story's common words still tie its articles)."""
    return np.log((1.0 + documents) / (1.0 + df)) + 1.0


def half_idf(df: np.ndarray, documents: int) -> np.ndarray:
    """`log((n + 1) / (df + 0.5))`: near zero for a term in every document, so
    sentences are compared on what only some of them say (composing)."""
    return np.log((documents + 1.0) / (df + 0.5))


def half_idf_of(df: int, documents: int) -> float:
    """`half_idf` of one term, in plain floats (composing's claim weights,
    `digest.compose.claims`, weigh a few synonym groups at a time, no array)."""
    return math.log((documents + 1) / (df + 0.5))


def tfidf(counts: sp.csr_matrix, idf: Idf, *, idf_power: float = 1.0,
          max_df: int | None = None) -> tuple[sp.csr_matrix | None, np.ndarray]:
    """Sublinear TF-IDF rows of a count matrix, L2-normalised, and the IDF of each of their
    columns (before the power).

    The term frequency is `1 + log(count)`: a word said five times is not five times the
    news. The IDF (the policy `idf`) is raised to `idf_power`: above 1 it weighs rare
    terms (names, figures) up further. With `max_df`, terms in more than `max_df`
    documents are left out (their columns dropped). The matrix is None when no entry is
    left.
    """
    df = document_frequency(counts.indices, counts.shape[1])
    if max_df is None:
        if not counts.nnz:
            return None, np.zeros(0)
        matrix = counts.astype(np.float64)
        weights = idf(df, counts.shape[0])
    else:
        kept = np.flatnonzero((df > 0) & (df <= max_df))
        if not len(kept):
            return None, np.zeros(0)
        matrix = counts[:, kept].tocsr()
        weights = idf(df[kept], counts.shape[0])
    matrix.data = 1.0 + np.log(matrix.data)
    return normalise_rows((matrix @ sp.diags(weights ** idf_power)).tocsr()), weights


def normalise_rows(matrix: sp.csr_matrix) -> sp.csr_matrix:
    """`matrix` with every non-zero row scaled to unit length (L2)."""
    matrix = sp.csr_matrix(matrix, dtype=np.float64, copy=True)
    matrix.data = unit_rows(matrix.indptr, matrix.data)
    return matrix


def unit_rows(indptr: np.ndarray, data: np.ndarray) -> np.ndarray:
    """The values `data` of CSR rows (`indptr`) with every non-zero row scaled to unit
    length (L2): each value divided by its row's norm, empty rows left empty. The one L2
    step of both stages (`normalise_rows` for scipy matrices; compose's sentence rows are
    plain arrays)."""
    rows = len(indptr) - 1
    lengths = np.diff(indptr)
    squares = np.bincount(np.repeat(np.arange(rows), lengths), weights=data ** 2,
                          minlength=rows)
    norms = np.sqrt(squares)
    norms[norms == 0] = 1.0
    return data / np.repeat(norms, lengths)
