"""Similar pairs of articles published close together, without all-pairs work.

Rows are sorted by date and multiplied block by block against only the rows
inside the time window, so the cost grows with (articles × articles per
window), not with the square of the corpus.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp

_BLOCK = 512


def close_pairs(matrix: sp.csr_matrix, days: Sequence[float], window_days: float,
                min_similarity: float, max_neighbours: int | None = None) -> dict[tuple[int, int], float]:
    """Pairs `(i, j)`, `i < j`, with dot product ≥ `min_similarity` and dates ≤ `window_days` apart.

    `days` gives each row's date as a float number of days.  With
    `max_neighbours`, a pair is kept when it is among the best of either row
    (ties broken by row index), which bounds the work on dense near-copies.
    """
    day = np.asarray(days, dtype=float)
    order = np.lexsort((np.arange(len(day)), day))
    sorted_days = day[order]
    sorted_rows = matrix[order]
    pairs: dict[tuple[int, int], float] = {}
    for start in range(0, len(order), _BLOCK):
        stop = min(start + _BLOCK, len(order))
        lo = int(np.searchsorted(sorted_days, sorted_days[start] - window_days, side="left"))
        hi = int(np.searchsorted(sorted_days, sorted_days[stop - 1] + window_days, side="right"))
        scores = (sorted_rows[start:stop] @ sorted_rows[lo:hi].T).tocsr()
        for r in range(stop - start):
            row = start + r
            cols, vals = _row_candidates(scores, r, lo, row, sorted_days, window_days, min_similarity)
            if max_neighbours is not None and len(cols) > max_neighbours:
                best = np.lexsort((cols, -vals))[:max_neighbours]
                cols, vals = cols[best], vals[best]
            for col, val in zip(cols.tolist(), vals.tolist()):
                a, b = int(order[row]), int(order[col])
                pairs[(min(a, b), max(a, b))] = val
    return pairs


def _row_candidates(scores: sp.csr_matrix, r: int, lo: int, row: int, sorted_days: np.ndarray,
                    window_days: float, min_similarity: float) -> tuple[np.ndarray, np.ndarray]:
    begin, end = scores.indptr[r], scores.indptr[r + 1]
    cols = scores.indices[begin:end] + lo
    vals = scores.data[begin:end]
    keep = (cols != row) & (vals >= min_similarity)
    keep &= np.abs(sorted_days[cols] - sorted_days[row]) <= window_days
    return cols[keep], vals[keep]
