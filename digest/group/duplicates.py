"""Copies of one article: the same source URL, or near-identical text.

Syndicated copies, re-posts under a new title and scraped copies share their
body almost word for word; different articles of one outlet share at most
boilerplate.  Text is compared as plain TF-IDF over all words of the body
(with the excerpt when the body is too short to say anything).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

import numpy as np
import scipy.sparse as sp

from digest.group.bags import Bag, Stacked, stack
from digest.group.features import plain
from digest.group.neighbours import close_pairs
from digest.text.tfidf import document_frequency, normalise_rows, smooth_idf, tfidf

_MIN_BODY_WORDS = 40
_COMPARED_WORDS = 2000
# A copy shares all of its rare words; weighting them by IDF³ keeps templated
# pages apart that differ only in a repeated topic phrase.
_TEXT_IDF_POWER = 3.0
# Candidate copies are found on words held by at most this share of the articles (and at
# least _RARE_MIN_ARTICLES): common words make the sparse products slow and, weighted by
# IDF cubed, barely move the cosine.
_RARE_SHARE = 0.1
_RARE_MIN_ARTICLES = 20
_PROBE_SIMILARITY = 0.5


def normalise_url(url: str | None) -> str | None:
    """`url` without scheme, "www.", query, fragment or trailing slash; None when empty."""
    url = (url or "").strip().strip("'\"")
    if not url:
        return None
    parts = urlsplit(url if "//" in url else "//" + url)
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.rstrip("/")
    return (host + path) or None


def comparable_text(excerpt: str, plain_body: str) -> list[str]:
    """The text two copies must share, split on whitespace: the body (already `plain`), with
    the excerpt in front when it is short.

    Titles are left out: a re-post often gets a new headline, and titles are
    compared on their own."""
    text = plain_body.split(maxsplit=_COMPARED_WORDS)[:_COMPARED_WORDS]
    if len(text) < _MIN_BODY_WORDS:
        text = plain(excerpt).split() + text
    # Copies agree from the start; the first words are enough and keep large sites fast.
    return text[:_COMPARED_WORDS]


@dataclass(frozen=True)
class CopyLimits:
    """When two texts are copies of one article (see `ClusterSettings` for each value)."""

    text: float
    """Least body cosine."""
    title: float
    """Least title cosine."""
    conflict: float
    """Largest title conflict."""
    identical_text: float
    """Body cosine from which the texts count as one text with a few words swapped..."""
    identical_conflict: float
    """...and may then have this larger title conflict (an occasion renamed in a re-post)."""


def copy_pairs(texts: Sequence[Bag], titles: Sequence[Bag], days: Sequence[float],
               limits: CopyLimits, window_days: float) -> list[tuple[int, int]]:
    """Index pairs `(i, j)`, `i < j`, whose texts are near-identical within `window_days`.

    `texts` and `titles` are the bags of content words (`profile.copy_text`,
    `copy_title`).  The title checks keep apart templated pages that share one
    body under different headlines: a re-post keeps some title words, and the
    few words where the two bodies differ are not what its title is about.
    Candidates come from the rare words only (cheap to multiply: copies share
    all of theirs), then the full texts are compared pair by pair.
    """
    text_words, title_words = stack(texts), stack(titles)
    matrix, idf = tfidf(text_words.counts, smooth_idf, idf_power=_TEXT_IDF_POWER)
    title_matrix, _ = tfidf(title_words.counts, smooth_idf)
    if matrix is None or title_matrix is None:
        return []
    probe = _rare_terms(matrix, max(_RARE_MIN_ARTICLES, int(_RARE_SHARE * matrix.shape[0])))
    candidates = sorted(close_pairs(probe, days, window_days, _PROBE_SIMILARITY, max_neighbours=10))
    if not candidates:
        return []
    first, second = (np.array(side) for side in zip(*candidates))
    text_cosine = _row_dots(matrix, first, second)
    title_cosine = _row_dots(title_matrix, first, second)
    idf_of = _IdfOf(text_words.ids, idf)
    pairs = []
    for (a, b), text, title in zip(candidates, text_cosine.tolist(), title_cosine.tolist()):
        if text < limits.text or title < limits.title:
            continue
        conflict = _title_conflict(*(_row_ids(title_words, i) for i in (a, b)),
                                   *(_row_ids(text_words, i) for i in (a, b)), idf_of)
        allowed = limits.identical_conflict if text >= limits.identical_text else limits.conflict
        if conflict < allowed:
            pairs.append((a, b))
    return pairs


class _IdfOf:
    """The IDF of a word id (1.0 for a word no text has)."""

    def __init__(self, ids: np.ndarray, idf: np.ndarray) -> None:
        self._ids, self._idf = ids, idf

    def __call__(self, word: int) -> float:
        at = int(np.searchsorted(self._ids, np.uint64(word)))
        return float(self._idf[at]) if at < len(self._ids) and self._ids[at] == word else 1.0


def _rare_terms(matrix: sp.csr_matrix, max_articles: int) -> sp.csr_matrix:
    """`matrix` without the columns of terms found in more than `max_articles` rows, rows
    L2-normalised again."""
    df = document_frequency(matrix.indices, matrix.shape[1])
    keep = sp.diags((df <= max_articles).astype(np.float64))
    probe = (matrix @ keep).tocsr()
    probe.eliminate_zeros()
    return normalise_rows(probe)


def _row_dots(matrix: sp.csr_matrix, first: np.ndarray, second: np.ndarray) -> np.ndarray:
    return np.asarray(matrix[first].multiply(matrix[second]).sum(axis=1)).ravel()


def _title_conflict(title_a: set[int], title_b: set[int], text_a: set[int], text_b: set[int],
                    idf: Callable[[int], float]) -> float:
    """Largest IDF share of a title made of words its text has and the other text lacks."""
    def share(title: set[int], lost: set[int]) -> float:
        total = sum(idf(w) for w in title)
        return sum(idf(w) for w in title & lost) / total if total else 0.0
    return max(share(title_a, text_a - text_b), share(title_b, text_b - text_a))


def _row_ids(words: Stacked, row: int) -> set[int]:
    return set(words.ids[words.row_columns(row)].tolist())


def same_key_groups(keys: Sequence[str | None]) -> list[list[int]]:
    """Indices sharing one key (None never matches), for every key held more than once."""
    groups: dict[str, list[int]] = {}
    for index, key in enumerate(keys):
        if key is not None:
            groups.setdefault(key, []).append(index)
    return [group for _, group in sorted(groups.items()) if len(group) > 1]


def exact_key(plain_title: str, plain_text: str) -> str | None:
    """Title and text (both already `plain`: spacing normalised) in lower case; None when both
    are empty."""
    key = plain_title.lower() + "\n" + plain_text.lower()
    return key if key.strip() else None


def kept_copies(groups: Sequence[Sequence[int]], text_pairs: Sequence[tuple[int, int]],
                rank: Sequence[tuple]) -> dict[int, int]:
    """Map every copy's index to the index of the copy kept (lowest `rank`).

    `groups` are sets of one article (one URL, or exactly the same title and
    text), merged by union whatever their dates.  A text copy joins the earliest
    *kept* article it matches directly, never a copy of a copy, so a chain of
    slightly different templated pages cannot grow into one giant group.
    """
    kept_of = _union_groups(groups, rank)
    partners: dict[int, list[int]] = {}
    for a, b in text_pairs:
        partners.setdefault(a, []).append(b)
        partners.setdefault(b, []).append(a)
    for item in sorted(partners, key=lambda i: rank[i]):
        if item in kept_of:
            continue
        earlier = [p for p in partners[item] if p not in kept_of and rank[p] < rank[item]]
        if earlier:
            target = min(earlier, key=lambda i: rank[i])
            kept_of.update({i: target for i, k in list(kept_of.items()) if k == item})
            kept_of[item] = target
    return kept_of


def _union_groups(groups: Sequence[Sequence[int]], rank: Sequence[tuple]) -> dict[int, int]:
    """Union overlapping groups; map each member but the lowest-ranked to that one."""
    parent: dict[int, int] = {}

    def root(i: int) -> int:
        while parent.get(i, i) != i:
            i = parent[i]
        return i

    for group in groups:
        for member in group[1:]:
            a, b = root(group[0]), root(member)
            if a != b:
                keep, drop = (a, b) if rank[a] <= rank[b] else (b, a)
                parent[drop] = keep
    return {i: root(i) for i in sorted(parent) if root(i) != i}
