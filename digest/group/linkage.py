"""Average-link agglomeration over a sparse similarity graph.

Two clusters merge when the mean similarity over *all* their cross pairs is
at least the threshold, missing edges counting as zero.  Unlike single link,
one bridging pair cannot chain two large groups together: a cluster only grows
by articles similar to most of its members.  Edges may be negative (evidence
against a pair).  A merge is refused when the result would span more than the
time window, or would put together a pair that is known to be two events
(a cannot-link: contradictory facts), however similar the rest.

With a `corroborated` bar, two groups also merge when *every* cross pair scores at
least that bar and there are at least two such pairs: an article that each of a
story's outlets, on its own, finds close to it is confirmed by all of them, even
when the average falls short of the threshold.  (One pair alone is never enough.)
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping, Sequence


def average_link(count: int, edges: Mapping[tuple[int, int], float], days: Sequence[float],
                 threshold: float, window_days: float,
                 cannot: Iterable[tuple[int, int]] = (),
                 corroborated: float | None = None,
                 corroborated_days: float = 1.0) -> list[list[int]]:
    """Clusters of `range(count)` (each sorted, listed by first member).

    `edges` maps `(i, j)` to a similarity; clusters merge best-first while
    their average linkage is ≥ `threshold`, their dates stay within
    `window_days` and no pair of `cannot` ends up in one cluster; or, with `corroborated`,
    while all their cross pairs (two or more) score at least that and their dates stay
    within `corroborated_days`.  Ties break
    on the lowest member indices, so the result only depends on the indices,
    never on dict or heap order.
    """
    members = {i: [i] for i in range(count)}
    apart: dict[int, set[int]] = {i: set() for i in range(count)}
    for a, b in cannot:
        apart[a].add(b)
        apart[b].add(a)
    span = {i: (days[i], days[i]) for i in range(count)}
    links: dict[int, dict[int, float]] = {i: {} for i in range(count)}
    firm: dict[int, dict[int, float]] = {i: {} for i in range(count)}
    bar = float("inf") if corroborated is None else corroborated
    for (a, b), sim in sorted(edges.items()):
        links[a][b] = links[a].get(b, 0.0) + sim
        links[b][a] = links[b].get(a, 0.0) + sim
        if sim >= bar:
            firm[a][b] = firm[b][a] = firm[a].get(b, 0.0) + 1.0
    heap = [(-sim, a, b) for (a, b), sim in sorted(edges.items()) if sim >= threshold]
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if a not in members or b not in members or not _current(links, members, a, b, -neg):
            continue
        lo, hi = min(span[a][0], span[b][0]), max(span[a][1], span[b][1])
        if hi - lo > window_days or b in apart[a]:
            continue
        _merge(a, b, members, span, links, (lo, hi))
        _fold_links(a, b, firm)
        _merge_apart(a, b, apart)
        for other, total in sorted(links[a].items()):
            pairs = len(members[a]) * len(members[other])
            score = total / pairs
            if score >= threshold or (pairs > 1 and firm[a].get(other, 0.0) == pairs and
                                      _span(span, a, other) <= corroborated_days):
                heapq.heappush(heap, (-score, min(a, other), max(a, other)))
    return sorted((sorted(m) for m in members.values()), key=lambda m: m[0])


def _current(links: dict[int, dict[int, float]], members: dict[int, list[int]],
             a: int, b: int, score: float) -> bool:
    """True when the heap entry still states the clusters' present linkage."""
    total = links[a].get(b)
    if total is None:
        return False
    return abs(total / (len(members[a]) * len(members[b])) - score) <= 1e-12


def _span(span: dict[int, tuple[float, float]], a: int, b: int) -> float:
    """Days from the first to the last article of clusters `a` and `b` together."""
    return max(span[a][1], span[b][1]) - min(span[a][0], span[b][0])


def _merge(a: int, b: int, members: dict[int, list[int]], span: dict[int, tuple[float, float]],
           links: dict[int, dict[int, float]], new_span: tuple[float, float]) -> None:
    """Fold cluster `b` into cluster `a` (a keeps the lower id)."""
    members[a].extend(members.pop(b))
    span[a] = new_span
    del span[b]
    _fold_links(a, b, links)


def _fold_links(a: int, b: int, links: dict[int, dict[int, float]]) -> None:
    """Fold `b`'s sums over cross pairs into `a`'s (`links` or the counts of firm pairs)."""
    links[a].pop(b, None)
    for other, total in links.pop(b).items():
        if other == a:
            continue
        links[a][other] = links[a].get(other, 0.0) + total
        links[other][a] = links[other].get(a, 0.0) + total
        del links[other][b]


def _merge_apart(a: int, b: int, apart: dict[int, set[int]]) -> None:
    """Cluster `a` (now holding `b`) stays apart from every cluster either was apart from."""
    for other in apart.pop(b):
        apart[other].discard(b)
        apart[other].add(a)
        apart[a].add(other)
