"""A lone report joins the story it plainly belongs to: a second pass after the linkage.

Average linkage asks every pair of a story to look alike, and an outlet that words an
event its own way (another angle, another lead, a longer background) can fall short
of that with each of the story's articles although, taken together, the story's texts
repeat its specifics all through its own (the names, places and products of the event).
So a report that is a story of its own is folded into a story of two or more when the
body words of the two, each story taken as a whole, are close, that story is the closest
such story, and an editor would agree: the two share at least two of the event's
*specifics* beyond the company or subject each is about (`digest.group.specifics`), for
the same company or theme on the same day is common and proves nothing.  Nothing else may
speak against it: news only, from a known outlet with a source (a service piece borrows
the news' words; template filler has neither), no outlet in both (an outlet covers an
event once), no contradictory headlines, and all published within half a day (a
follow-up comes later).  Two single articles are only paired after that, when no lone
report joins a larger story any more, and on more evidence: for them the stories' cosine
is only the pair's, which the linkage has judged already on headline, lead and names, and
no third outlet confirms what they share; so their bodies must be twice as close, beside
the specifics and every other check."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from digest.group.neighbours import close_pairs
from digest.group.specifics import SiteSpecifics, shared_specifics
from digest.text.tfidf import normalise_rows


@dataclass(frozen=True)
class SmallStories:
    """When a small story is folded into another."""

    most_articles: int = 1
    """A story of at most this many articles may be folded into another (two stories of
    two or more are each confirmed by several outlets: the linkage has weighed all
    their cross pairs)..."""
    least_target: int = 2
    """...into a story of at least this many (for two single articles, the cosine of the
    stories is the pair's, which the linkage has judged already)..."""
    similarity: float = 0.045
    """...when the cosine of the two stories' summed body rows is at least this..."""
    max_days: float = 0.5
    """...and all their articles are published within this many days..."""
    least_specifics: int = 2
    """...and they share at least this many specific words (`digest.group.specifics`; 0 asks
    for none)..."""
    concentration: float = 0.34
    """...words at least this share of the site's articles that use them are the two
    stories' own..."""
    subject_concentration: float | None = 0.5
    """...and a story's subject counts as well when at least this share of the site's
    articles that use it are in the two stories (None: a subject never counts)."""
    lone_pair_similarity: float | None = 0.09
    """Then, once no lone report joins a larger story any more, two lone reports that pass the
    same checks pair up when their bodies' cosine is at least this: twice the evidence
    asked of a report joining a story, since no third outlet confirms what they share
    (None: lone reports never pair).  Never without specific words to compare."""


@dataclass(frozen=True)
class StoryFacts:
    """What the fold checks about the articles (by index, as in the clusters)."""

    days: Sequence[float]
    outlets: Sequence[str]
    """Known outlets; "" for an unknown one."""
    news: Sequence[bool]
    """True for a news article (not a service piece, `digest.group.kinds`) from a known
    outlet with a source URL (template filler has neither)."""
    specifics: SiteSpecifics | None
    """The articles' specific words (`digest.group.specifics`); None to ask for none."""
    conflict: Callable[[int, int], bool]
    """True for two articles that are never one story (contradictory headlines)."""


def fold_small_stories(clusters: list[list[int]], body: sp.csr_matrix | None,
                       facts: StoryFacts, settings: SmallStories) -> list[list[int]]:
    """`clusters` (lists of article indexes, rows of `body`) with each small news story folded
    into the closest story, as the module docstring says; sorted like `average_link`'s.

    Each small story picks its closest allowed partner among the clusters given; the picks
    are then made closest first, each only while the stories it joins still pass every
    check together.
    """
    if body is None or len(clusters) < 2:
        return clusters
    clusters = _fold(clusters, body, facts, settings)
    if settings.lone_pair_similarity is not None and facts.specifics is not None and \
            settings.least_specifics:
        pairs = dataclasses.replace(settings, least_target=1,
                                    similarity=settings.lone_pair_similarity)
        clusters = _fold(clusters, body, facts, pairs)
    return clusters


def _fold(clusters: list[list[int]], body: sp.csr_matrix, facts: StoryFacts,
          settings: SmallStories) -> list[list[int]]:
    """One round of `fold_small_stories` with these settings."""
    groups = _Groups(clusters, facts)
    for _, small, other in _picks(clusters, body, facts, settings, groups):
        a, b = groups.find(small), groups.find(other)
        if a != b and groups.allowed(a, b, settings):
            groups.join(a, b)
    return groups.clusters()


def _picks(clusters: list[list[int]], body: sp.csr_matrix, facts: StoryFacts,
           settings: SmallStories, groups: _Groups) -> list[tuple[float, int, int]]:
    """(similarity, small story, its closest allowed story) for every small news story with
    one, closest first (ties: lowest indexes)."""
    sizes = np.array([len(c) for c in clusters])
    rows = np.repeat(np.arange(len(clusters)), sizes)
    members = np.concatenate([np.asarray(c, dtype=np.int64) for c in clusters])
    membership = sp.csr_matrix((np.ones(len(members)), (rows, members)),
                               shape=(len(clusters), body.shape[0]))
    centroids = normalise_rows((membership @ body).tocsr())
    firsts = [groups.span[i][0] for i in range(len(clusters))]
    pairs = close_pairs(centroids, firsts, settings.max_days, settings.similarity)
    best: dict[int, tuple[float, int]] = {}
    for (a, b), sim in sorted(pairs.items()):
        if not groups.allowed(a, b, settings):
            continue
        for small, other in ((a, b), (b, a)):
            if sizes[small] > settings.most_articles or sizes[other] < settings.least_target:
                continue
            if small not in best or sim > best[small][0]:
                best[small] = (sim, other)
    return sorted(((sim, small, other) for small, (sim, other) in best.items()),
                  key=lambda pick: (-pick[0], pick[1], pick[2]))


class _Groups:
    """Stories being folded together (union-find over the clusters' indexes), with what
    `allowed` checks about each: span, outlets, whether all are news."""

    def __init__(self, clusters: list[list[int]], facts: StoryFacts) -> None:
        self.members = {i: list(c) for i, c in enumerate(clusters)}
        self.parent = list(range(len(clusters)))
        self.span = {i: (min(facts.days[j] for j in c), max(facts.days[j] for j in c))
                     for i, c in enumerate(clusters)}
        self.outlets = {i: {facts.outlets[j] for j in c} - {""} for i, c in enumerate(clusters)}
        self.news = {i: all(facts.news[j] for j in c) for i, c in enumerate(clusters)}
        self.conflict = facts.conflict
        self.specifics = facts.specifics

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            i = self.parent[i]
        return i

    def allowed(self, a: int, b: int, settings: SmallStories) -> bool:
        """True when current groups `a` and `b` may be one story."""
        first = min(self.span[a][0], self.span[b][0])
        last = max(self.span[a][1], self.span[b][1])
        return self.news[a] and self.news[b] and last - first <= settings.max_days and \
            self.outlets[a].isdisjoint(self.outlets[b]) and \
            not any(self.conflict(x, y) for x in self.members[a] for y in self.members[b]) and \
            self._specific(a, b, settings)

    def _specific(self, a: int, b: int, settings: SmallStories) -> bool:
        if not settings.least_specifics or self.specifics is None:
            return True
        return shared_specifics(self.specifics, self.members[a], self.members[b],
                                settings.concentration, settings.subject_concentration) >= \
            settings.least_specifics

    def join(self, a: int, b: int) -> None:
        """Fold group `b` into group `a`."""
        keep, gone = min(a, b), max(a, b)
        self.parent[gone] = keep
        self.members[keep] += self.members.pop(gone)
        (first, last), (other_first, other_last) = self.span[keep], self.span.pop(gone)
        self.span[keep] = (min(first, other_first), max(last, other_last))
        self.outlets[keep] |= self.outlets.pop(gone)
        self.news[keep] = self.news.pop(gone) and self.news[keep]

    def clusters(self) -> list[list[int]]:
        return sorted((sorted(m) for m in self.members.values()), key=lambda m: m[0])
