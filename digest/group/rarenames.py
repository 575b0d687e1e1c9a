"""Rare names two articles share: evidence of one event that word overlap misses.

Two outlets covering one incident word it their own way, and on a site of very
different stories their texts may share few words; but they name the same
people and places (a swimmer, a beach, a town's police chief), names that
almost no other article on the site mentions.  Subject-wide names (a company,
a president) are in many articles and tell nothing here; one shared rare name
is often chance (a "Kingdom" of "United Kingdom", a town named in passing), so
it takes several, and only between articles of the same news cycle.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from digest.group.bags import LeadWords
from digest.text.tfidf import document_frequency

_NAME_SHARE = 0.8
"""A lead word is a name when at least this share of its uses is capitalised (as in facts)."""


@dataclass(frozen=True)
class RareNames:
    """When shared rare names count as evidence of one story."""

    most_articles: int = 5
    """A name is rare when at most this many articles' leads hold it, and at most
    `most_share` of them (on a small site every name is in few articles)..."""
    most_share: float = 0.05
    least_shared: int = 3
    """...and two articles must share at least this many rare names..."""
    max_days: float = 1.0
    """...and be at most this many days apart."""
    bonus: float = 0.08
    """Added to the similarity of such a pair."""


def rare_name_pairs(leads: LeadWords, days: Sequence[float],
                    settings: RareNames) -> list[tuple[int, int]]:
    """The pairs `(i, j)`, `i < j`, of rows of `leads` that share at least
    `settings.least_shared` rare names and are at most `settings.max_days` apart, sorted."""
    counts = leads.stacked.counts
    frequency = document_frequency(counts.indices, counts.shape[1])
    most = min(settings.most_articles, settings.most_share * counts.shape[0])
    rare = np.flatnonzero((leads.capital_share >= _NAME_SHARE) & (frequency >= 2)
                          & (frequency <= most))
    if not len(rare):
        return []
    holds = (counts[:, rare] > 0).astype(np.int32).tocsr()
    shared = (holds @ holds.T).tocoo()
    day = np.asarray(days, dtype=float)
    keep = (shared.row < shared.col) & (shared.data >= settings.least_shared) & \
        (np.abs(day[shared.row] - day[shared.col]) <= settings.max_days)
    return sorted(zip(shared.row[keep].tolist(), shared.col[keep].tolist()))
