"""Similar pairs of articles published close together, without all-pairs work.

Rows are sorted by date and multiplied block by block against only the rows
inside the time window, so the cost grows with (articles × articles per
window), not with the square of the corpus.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp

from digest.text.tfidf import document_frequency

_BLOCK = 512


def close_pairs(matrix: sp.csr_matrix, days: Sequence[float], window_days: float,
                min_similarity: float, max_neighbours: int | None = None) -> dict[tuple[int, int], float]:
    """Pairs `(i, j)`, `i < j`, with dot product ≥ `min_similarity` and dates ≤ `window_days` apart.

    `days` gives each row's date as a float number of days.  With
    `max_neighbours`, a pair is kept when it is among the best of either row
    (ties broken by row index), which bounds the work on dense near-copies.
    """
    matrix = _shared_columns(matrix)
    day = np.asarray(days, dtype=float)
    order = np.lexsort((np.arange(len(day)), day))
    sorted_days = day[order]
    sorted_rows = matrix[order]
    found_a, found_b, found_sim = [], [], []
    for start in range(0, len(order), _BLOCK):
        stop = min(start + _BLOCK, len(order))
        lo = int(np.searchsorted(sorted_days, sorted_days[start] - window_days, side="left"))
        hi = int(np.searchsorted(sorted_days, sorted_days[stop - 1] + window_days, side="right"))
        scores = (sorted_rows[start:stop] @ sorted_rows[lo:hi].T).tocoo()
        rows, cols, vals = scores.row + start, scores.col + lo, scores.data
        keep = (cols != rows) & (vals >= min_similarity)
        keep &= np.abs(sorted_days[cols] - sorted_days[rows]) <= window_days
        rows, cols, vals = rows[keep], cols[keep], vals[keep]
        if max_neighbours is not None:
            rows, cols, vals = _best_per_row(rows, cols, vals, max_neighbours)
        found_a.append(order[rows])
        found_b.append(order[cols])
        found_sim.append(vals)
    if not found_a:
        return {}
    a, b, sim = np.concatenate(found_a), np.concatenate(found_b), np.concatenate(found_sim)
    first, second = np.minimum(a, b), np.maximum(a, b)
    return dict(zip(zip(first.tolist(), second.tolist()), sim.tolist()))


def _best_per_row(rows: np.ndarray, cols: np.ndarray, vals: np.ndarray,
                  count: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The `count` highest values of each row (ties: the lower column first)."""
    order = np.lexsort((cols, -vals, rows))
    rows, cols, vals = rows[order], cols[order], vals[order]
    starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
    rank = np.arange(len(rows)) - np.repeat(starts, np.diff(np.r_[starts, len(rows)]))
    keep = rank < count
    return rows[keep], cols[keep], vals[keep]


def _shared_columns(matrix: sp.csr_matrix) -> sp.csr_matrix:
    """`matrix` without the columns only one row has: they add nothing to any pair's product
    (rows keep their norms), and dropping them makes the products cheaper."""
    matrix = matrix.tocsr()
    shared = np.flatnonzero(document_frequency(matrix.indices, matrix.shape[1]) > 1)
    return matrix[:, shared].tocsr()
