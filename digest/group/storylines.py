"""Storylines: stories about one ongoing subject, linked across days.

A story is one event: one announcement, ruling, incident or report, with its
rewrites and same-cycle reactions.  The next action on the same subject (the
response, the probe opened after a report, the ruling after the filing, the
reversal) is another event, so another story; but a reader following the
subject wants to see them together.  A storyline is that second, looser level:
stories whose words and named actors overlap, published within a few days of
each other, chained at most over `span_days`.

How: each story is the mean of its independent sources' feature rows (title,
lead and entity TF-IDF, `digest.group.features`), so a story of five outlets
and a follow-up of one compare on what the whole coverage says.  Stories are
then joined by average-link agglomeration (`digest.group.linkage`) on those
centroid cosines, as articles are joined into stories but with a lower bar and
a longer reach.  Service pieces (deals posts, buying guides) have no subject
that develops and stay out of storylines.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
import dataclasses
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from digest.group.facts import article_facts, conflict
from digest.group.features import FeatureWeights, feature_matrix
from digest.group.kinds import DEALS, GUIDE
from digest.group.linkage import average_link
from digest.group.neighbours import close_pairs
from digest.group.profile import ArticleProfile, lead_words
from digest.text.tfidf import normalise_rows

_NO_SUBJECT = frozenset({DEALS, GUIDE})
_SUBJECT_CONFLICTS = frozenset({"model", "subject"})


@dataclass(frozen=True)
class StorylineSettings:
    """When stories are one storyline."""

    threshold: float = 0.09
    """Least average centroid cosine between two groups of stories."""
    min_shared_names: float = 0.05
    """Least cosine of two stories' names and numbers alone for them to be linked: a
    subject is its actors, and stories that share only vocabulary (a templated text, a
    topic's background words) are about different things."""
    gap_days: float = 7.0
    """Stories further apart than this are never linked directly..."""
    span_days: float = 30.0
    """...and a storyline never spans more than this."""
    max_neighbours: int = 10
    """Most candidate partners kept per story."""
    separate_subjects: bool = True
    """Never link stories whose headlines name different product models or subjects."""
    subject_share: float = 0.05
    """As `ClusterSettings.subject_share`."""


def find_storylines(stories: Sequence[Sequence[str]], profiles: Mapping[str, ArticleProfile],
                    weights: FeatureWeights,
                    settings: StorylineSettings = StorylineSettings()) -> list[list[int]]:
    """Partition the stories (each given as the paths of its independent sources) into
    storylines: lists of story indices, each sorted, listed by first index.  Every index
    appears exactly once; a story that develops no subject is a storyline of its own.
    Deterministic: depends only on the stories' order and profiles."""
    eligible = [i for i, paths in enumerate(stories)
                if paths and any(profiles[p].kind not in _NO_SUBJECT for p in paths)]
    chosen = set(eligible)
    singles = [[i] for i in range(len(stories)) if i not in chosen]
    if len(eligible) < 2:
        return sorted(singles + [[i] for i in eligible])
    paths = [p for i in eligible for p in stories[i]]
    story_profiles = [profiles[p] for p in paths]
    owner = np.repeat(np.arange(len(eligible)), [len(stories[i]) for i in eligible])
    membership = sp.csr_matrix((np.ones(len(paths)), (owner, np.arange(len(paths)))),
                               shape=(len(eligible), len(paths)))
    # Without the body: any two stories of one beat share its words all through their
    # texts; a storyline is its actors and the news up front.
    centroids = _centroids(membership, story_profiles, dataclasses.replace(weights, body=0.0))
    names = _centroids(membership, story_profiles,
                       dataclasses.replace(weights, title=0.0, lead=0.0, entities=1.0, body=0.0))
    days = [float(np.mean([profiles[p].day for p in stories[i]])) for i in eligible]
    edges = close_pairs(centroids, days, settings.gap_days, settings.threshold / 2,
                        settings.max_neighbours)
    edges = _sharing_names(edges, names, settings.min_shared_names)
    heads = [profiles[stories[i][0]] for i in eligible]
    apart = _other_subjects(edges, heads, weights, settings) if settings.separate_subjects else []
    joined = average_link(len(eligible), edges, days, settings.threshold, settings.span_days,
                          apart)
    lines = [[eligible[k] for k in group] for group in joined]
    return sorted([sorted(line) for line in lines] + singles)


def _other_subjects(edges: dict[tuple[int, int], float], heads: Sequence[ArticleProfile],
                    weights: FeatureWeights, settings: StorylineSettings) -> list[tuple[int, int]]:
    """The candidate pairs whose first articles' headlines name another product model or
    another subject, each absent from the other's text (`digest.group.facts`): two
    products, or two companies, are two subjects however alike their news."""
    subjects = max(weights.generic_min_articles, settings.subject_share * len(heads))
    facts = article_facts([p.headline for p in heads], lead_words(list(heads)), subjects)
    return [(a, b) for a, b in sorted(edges) if conflict(facts[a], facts[b]) in _SUBJECT_CONFLICTS]


def _centroids(membership: sp.csr_matrix, profiles: Sequence[ArticleProfile],
               weights: FeatureWeights) -> sp.csr_matrix:
    """Each story's mean feature row, L2-normalised."""
    return normalise_rows((membership @ feature_matrix(profiles, weights)).tocsr())


def _sharing_names(edges: dict[tuple[int, int], float], names: sp.csr_matrix,
                   least: float) -> dict[tuple[int, int], float]:
    """The edges whose two stories' name rows have a cosine of at least `least`."""
    if not edges:
        return edges
    first, second = (np.array(side) for side in zip(*edges))
    shared = np.asarray(names[first].multiply(names[second]).sum(axis=1)).ravel()
    return {pair: sim for pair, sim, ok in zip(edges, edges.values(), shared >= least) if ok}
