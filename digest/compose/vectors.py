"""A story's TF-IDF sentence vectors and the scores `story` derives from them.

The vectors are L2-normalised TF-IDF rows (sentence-level IDF within the story)
in a scipy CSR matrix. They are assembled with plain numpy, not with scipy's
sparse constructors and element-wise operations: on a story's few hundred
sentences those cost far more in call overhead than in arithmetic. The values are
stored in the reverse column order a sparse product leaves (the order the scores
were tuned on). The document frequency, the IDF (composing's policy, `half_idf`)
and the L2 step (`unit_rows`, grouping's too) come from `digest.text.tfidf`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from digest.text.tfidf import document_frequency, half_idf, unit_rows


@dataclass(frozen=True)
class _Counts:
    """Term counts of some rows: CSR arrays, columns ascending within each row."""

    indptr: np.ndarray
    cols: np.ndarray
    counts: np.ndarray
    width: int

    @classmethod
    def of(cls, cols: list[int], lengths: list[int], width: int) -> _Counts:
        """Counts of rows given as their column lists concatenated (`lengths` each)."""
        rows = len(lengths)
        keys = np.repeat(np.arange(rows, dtype=np.int64), lengths) * width + \
            np.asarray(cols, dtype=np.int64)
        unique, counts = np.unique(keys, return_counts=True)
        indptr = np.zeros(rows + 1, dtype=np.int64)
        np.cumsum(np.bincount(unique // width, minlength=rows), out=indptr[1:])
        return cls(indptr, unique % width, counts, width)

    def normalised(self, idf: np.ndarray) -> sparse.csr_matrix:
        """TF-IDF rows scaled to unit length (empty rows stay empty)."""
        scaled = unit_rows(self.indptr, self.counts.astype(np.float64) * idf[self.cols])
        row_of = np.repeat(np.arange(len(self.indptr) - 1), np.diff(self.indptr))
        reverse = (self.indptr[:-1] + self.indptr[1:] - 1)[row_of] - np.arange(len(scaled))
        return sparse.csr_matrix((scaled[reverse], self.cols[reverse], self.indptr),
                                 shape=(len(self.indptr) - 1, self.width))


def tfidf(rows: Sequence[Sequence[str]],
          extra: Sequence[Sequence[str]]) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
    """L2-normalised TF-IDF vectors of `rows` (the story's sentences, whose terms make
    the vocabulary and the IDF) and of `extra` (headlines, in the same space)."""
    vocab: dict[str, int] = {}
    cols = [vocab.setdefault(t, len(vocab)) for row in rows for t in row]
    width = max(len(vocab), 1)
    tf = _Counts.of(cols, [len(row) for row in rows], width)
    known = [[vocab[t] for t in row if t in vocab] for row in extra]
    heads = _Counts.of([c for row in known for c in row], [len(row) for row in known], width)
    idf = half_idf(document_frequency(tf.cols, width), len(rows))
    return tf.normalised(idf), heads.normalised(idf)


def centrality(matrix: sparse.csr_matrix, doc_of: np.ndarray, ndocs: int) -> np.ndarray:
    """Cosine with the story centroid: each source's normalised mean, summed."""
    if not matrix.shape[0]:
        return np.zeros(0)
    centroid = np.zeros(matrix.shape[1])
    entry_doc = np.repeat(doc_of, np.diff(matrix.indptr))
    for d in range(ndocs):
        mine = entry_doc == d
        part = np.bincount(matrix.indices[mine], weights=matrix.data[mine],
                           minlength=matrix.shape[1])
        norm = np.linalg.norm(part)
        if norm:
            centroid += part / norm
    norm = np.linalg.norm(centroid)
    return matrix @ (centroid / norm) if norm else np.zeros(matrix.shape[0])


def agreement(sim: np.ndarray, doc_of: np.ndarray, ndocs: int) -> np.ndarray:
    """How closely the other sources repeat each sentence, averaged over them."""
    out = np.zeros(len(doc_of))
    if ndocs < 2:
        return out
    for d in range(ndocs):
        cols = sim[:, doc_of == d]
        if cols.shape[1]:
            best = cols.max(axis=1)
            out += np.where(doc_of == d, 0.0, best)
    return out / (ndocs - 1)


def headline(matrix: sparse.csr_matrix, heads: sparse.csr_matrix) -> np.ndarray:
    """Cosine of each sentence with the sum of the headlines."""
    if not matrix.shape[0] or not heads.nnz:
        return np.zeros(matrix.shape[0])
    summed = np.asarray(heads.sum(axis=0)).ravel()
    return matrix @ (summed / np.linalg.norm(summed))
