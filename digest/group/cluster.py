"""Automatic story clustering and duplicate detection.

`find_duplicates` finds copies of one article (same source URL, or the same
text re-posted, syndicated or scraped).  `find_stories` partitions articles
into stories: articles from different outlets about one specific event.

How stories are found: every article becomes one sparse vector of title,
lead and named-entity TF-IDF (fitted on the articles given, words stemmed;
rare names and numbers weigh most).  Pairs published within the window are
scored by cosine, less a penalty per day apart, and then joined by
average-link agglomeration, which never lets one bridging pair chain
unrelated articles together.  On top of the words:

- pairs of different article kinds (`digest.group.kinds`: a deals post,
  guide, review or preview against the news it borrows words from), and a report (a
  known outlet or a source URL) with a page that has neither (template filler), are
  never candidates;
- pairs whose headlines contradict each other (`digest.group.facts`: another
  amount, product model or subject that the other text never mentions) may
  never share a story;
- two headlines that share no word (stop words aside) cost a pair some
  similarity: outlets headline one event with its actor, product or action,
  so headlines with nothing in common are, more often than not, two pegs of
  one subject (a league's new rule and a team's experiment, two products of
  one company on one day).  Titles that are only a body's opening words (no
  one wrote a headline) are exempt;
- two articles of one outlet count as slight evidence *against* one story:
  an outlet covers an event once, so its second article on the subject within
  days is a follow-up or another announcement (the next product of a keynote,
  another remark of an earnings call).  A story can still hold both when
  other outlets tie them together.

After the linkage, a story of one article is folded into the closest story of two or
more published within the same hours when their bodies, each story taken as a whole, are
close enough and they share the event's specifics, not just its company or theme
(`digest.group.absorb`, `digest.group.specifics`): an outlet's own angle on an event may
share too few words with each report for the linkage, but it names the same people,
places and products.  Then two lone reports of those hours pair up on the same checks and
bodies twice as close.

Both functions sort their input by key first, so the output never depends on
the input order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from digest.group.duplicates import CopyLimits, copy_pairs, kept_copies, same_key_groups
from digest.group.facts import Facts, article_facts, conflict
from digest.group.absorb import SmallStories, StoryFacts, fold_small_stories
from digest.group.features import FeatureWeights, feature_views
from digest.group.kinds import NEWS, kinds_compatible
from digest.group.linkage import average_link
from digest.group.neighbours import close_pairs
from digest.group.profile import ArticleProfile, ClusterItem, lead_words, profile_article
from digest.group.rarenames import RareNames, rare_name_pairs
from digest.group.specifics import SiteSpecifics, site_specifics
from digest.group.storylines import StorylineSettings

__all__ = ["ArticleProfile", "ClusterItem", "ClusterSettings", "find_duplicates", "find_stories",
           "profile_items"]

_UNKNOWN_OUTLETS = frozenset({"", "unknown"})


@dataclass(frozen=True)
class ClusterSettings:
    """Thresholds of duplicate detection and story clustering."""

    window_days: float = 7.0
    """Articles further apart than this are never one story."""
    duplicate_similarity: float = 0.8
    """Body cosine (TF-IDF, IDF cubed so rare words dominate) at or above which two articles are copies of one."""
    duplicate_title_similarity: float = 0.15
    """Least title cosine for near-identical texts to be copies: templated pages that share
    one body under unrelated headlines are different articles."""
    duplicate_title_conflict: float = 0.2
    """Near-identical texts are different articles when this share (by IDF) of one title is
    words its text has and the other text lacks: one template filled with two topics."""
    duplicate_identical_similarity: float = 0.97
    """Body cosine from which two texts are one text with a few words swapped..."""
    duplicate_identical_conflict: float = 0.3
    """...and may have this larger title conflict: a re-post that renames the occasion
    ("Black Friday deal" → "Cyber Monday sale") is still a copy."""
    duplicate_window_days: float = 14.0
    """Near-identical texts further apart than this are separate articles (a yearly
    "how to watch" post); copies by URL have no limit."""
    story_threshold: float = 0.13
    """Least average similarity between two groups of articles for them to be one story."""
    corroborated_similarity: float = 0.10
    """Two groups whose every cross pair (two or more) scores at least this are one story
    however their average falls short: each outlet of one finds the other close on its own
    (`digest.group.linkage`)."""
    candidate_similarity: float = 0.08
    """Pairs scoring below this are not considered at all (counts as similarity 0)."""
    day_penalty: float = 0.12
    """Subtracted from a pair's similarity per day apart beyond `grace_days`."""
    grace_days: float = 1.0
    """Days apart that cost nothing: same-day and next-day coverage."""
    max_neighbours: int = 15
    """Most candidate partners kept per article (bounds work on dense near-copies)."""
    separate_kinds: bool = True
    """Keep deals posts, guides, reviews and previews out of news stories (see `kinds`)."""
    separate_conflicts: bool = True
    """Never put two articles whose headlines contradict each other in one story (see `facts`)."""
    same_outlet_similarity: float = -0.1
    """The similarity two articles of one (known) outlet count as, whatever their words: below
    zero, so two groups that share an outlet need more evidence from the others to merge."""
    unrelated_headlines_penalty: float = 0.05
    """Subtracted from the similarity of a pair whose written headlines share no word."""
    subject_share: float = 0.05
    """A headline's subject is a name found in at most this share of the articles (or in at
    most `features.generic_min_articles`: on a small site any name can be a subject)."""
    small_stories: SmallStories | None = field(default_factory=SmallStories)
    """When a story of one article is folded into the closest larger story
    (`digest.group.absorb`); None to leave small stories as the linkage makes them."""
    rare_names: RareNames | None = field(default_factory=RareNames)
    """When shared rare names add to a pair's similarity (`digest.group.rarenames`); None
    to leave them out."""
    features: FeatureWeights = field(default_factory=FeatureWeights)
    """How title, lead and entities are weighted."""
    storylines: StorylineSettings = field(default_factory=StorylineSettings)
    """When stories are one storyline (`digest.group.storylines`)."""


def profile_items(items: Sequence[ClusterItem], settings: ClusterSettings) -> list[ArticleProfile]:
    """The profile of every item (`digest.group.profile`), in order."""
    return [profile_article(item, settings.features) for item in items]


def find_duplicates(profiles: Sequence[ArticleProfile], settings: ClusterSettings,
                    story_keys: Mapping[str, str | None] | None = None) -> dict[str, str]:
    """key -> key of the copy kept (the earliest; ties by key) for every article that is a
    duplicate (same source URL ignoring scheme/www/query/trailing slash, or near-identical text:
    syndicated copies, re-posts, scraped copies).  Articles that are not duplicates are absent.

    Identical texts are copies only within the story window (measured from the first of
    them) and, like near-identical ones, never across two explicit `story_keys` (by key;
    None or absent for an article without one): a copy joins its original's story, so it
    must be one the story could hold."""
    ordered = sorted(profiles, key=lambda p: p.key)
    rank = [(p.day, p.key) for p in ordered]
    explicit = [(story_keys or {}).get(p.key) for p in ordered]
    groups = same_key_groups([p.url for p in ordered])
    groups += [part for group in same_key_groups([p.exact for p in ordered])
               for keyed in _split_by_key(group, explicit)
               for part in _split_by_time(keyed, rank, settings.window_days)]
    # Exact copies are settled above; only one of each enters the costlier text match.
    exact_copies = {i for group in groups for i in group if i != min(group, key=rank.__getitem__)}
    candidates = [i for i in range(len(ordered)) if i not in exact_copies]
    pairs = copy_pairs(
        texts=[ordered[i].copy_text for i in candidates],
        titles=[ordered[i].copy_title for i in candidates],
        days=[ordered[i].day for i in candidates],
        limits=CopyLimits(settings.duplicate_similarity, settings.duplicate_title_similarity,
                          settings.duplicate_title_conflict, settings.duplicate_identical_similarity,
                          settings.duplicate_identical_conflict),
        window_days=settings.duplicate_window_days)
    pairs = [(candidates[a], candidates[b]) for a, b in pairs
             if explicit[candidates[a]] == explicit[candidates[b]]]
    return {ordered[copy].key: ordered[kept].key
            for copy, kept in sorted(kept_copies(groups, pairs, rank).items())}


def find_stories(profiles: Sequence[ArticleProfile], settings: ClusterSettings) -> list[list[str]]:
    """Partition the articles into stories (lists of keys), each story sorted, stories sorted
    by their first key.  Every input key appears exactly once.  Stories are articles about
    the same specific event, within the window, across topics."""
    ordered = sorted(profiles, key=lambda p: p.key)
    if not ordered:
        return []
    days = [p.day for p in ordered]
    graph = story_graph(ordered, settings)
    clusters = average_link(len(ordered), graph.edges, days, settings.story_threshold,
                            settings.window_days, graph.apart, settings.corroborated_similarity)
    if settings.small_stories is not None:
        facts = StoryFacts(days=days, conflict=graph.conflict,
                           outlets=["" if p.outlet in _UNKNOWN_OUTLETS else p.outlet
                                    for p in ordered],
                           news=[(p.kind == NEWS or not settings.separate_kinds) and
                                 p.outlet not in _UNKNOWN_OUTLETS and p.url is not None
                                 for p in ordered],
                           specifics=graph.specifics)
        clusters = fold_small_stories(clusters, graph.body, facts, settings.small_stories)
    return sorted(([ordered[i].key for i in cluster] for cluster in clusters),
                  key=lambda keys: keys[0])


@dataclass(frozen=True)
class StoryGraph:
    """Evidence between pairs of articles, by index."""

    edges: dict[tuple[int, int], float]
    """Similarity of candidate pairs `(i, j)`, `i < j`: positive for the same event, negative
    for one outlet's two articles."""
    apart: list[tuple[int, int]]
    """Pairs that are never one story (contradictory headlines)."""
    body: sp.csr_matrix | None = None
    """The articles' body rows (`features.FeatureViews.body`), by index."""
    facts: list[Facts] | None = None
    """Each article's headline facts (`digest.group.facts.article_facts`); None when
    contradictions are not checked."""

    specifics: SiteSpecifics | None = None
    """The articles' specific words (`digest.group.specifics`), by index."""

    def conflict(self, a: int, b: int) -> bool:
        """True when articles `a` and `b` have contradictory headlines."""
        return self.facts is not None and conflict(self.facts[a], self.facts[b])


def story_graph(ordered: Sequence[ArticleProfile], settings: ClusterSettings) -> StoryGraph:
    """Scored candidate pairs: feature cosine less the day penalty (positive scores only),
    one outlet's pairs and contradictory pairs as described in the module docstring."""
    weights = settings.features
    days = [p.day for p in ordered]
    views = feature_views(ordered, weights)
    matrix = views.combined
    pairs = close_pairs(matrix, days, settings.window_days, settings.candidate_similarity,
                        settings.max_neighbours)
    leads = lead_words(list(ordered))
    named = _with_similarity(pairs, rare_name_pairs(leads, days, settings.rare_names), matrix) \
        if settings.rare_names is not None else set()
    kinds = [p.kind if settings.separate_kinds else "news" for p in ordered]
    subjects = max(weights.generic_min_articles, settings.subject_share * len(ordered))
    facts = article_facts([p.headline for p in ordered], leads, subjects) \
        if settings.separate_conflicts else None
    outlets = [p.outlet for p in ordered]
    reported = [_reported(p) for p in ordered]
    headline_words = [_headline_words(p) for p in ordered]
    edges, apart = {}, []
    for (a, b), sim in sorted(pairs.items()):
        if not kinds_compatible(kinds[a], kinds[b]) or reported[a] != reported[b]:
            continue
        if facts is not None and conflict(facts[a], facts[b]):
            apart.append((a, b))
            continue
        if outlets[a] == outlets[b] and outlets[a] not in _UNKNOWN_OUTLETS:
            edges[(a, b)] = settings.same_outlet_similarity
            continue
        late = max(0.0, abs(days[a] - days[b]) - settings.grace_days)
        score = sim - settings.day_penalty * late
        if headline_words[a] and headline_words[b] and \
                headline_words[a].isdisjoint(headline_words[b]):
            score -= settings.unrelated_headlines_penalty
        if (a, b) in named:
            score += settings.rare_names.bonus
        if score > 0:
            edges[(a, b)] = score
    return StoryGraph(edges=edges, apart=apart, body=views.body, facts=facts,
                      specifics=site_specifics([p.specifics for p in ordered]))


def _reported(profile: ArticleProfile) -> bool:
    """Is the article a report: from a known outlet, or with a source URL? A page with
    neither (template filler) never shares a story with a report: it cannot tell the
    event, however many of its words it borrows."""
    return profile.outlet not in _UNKNOWN_OUTLETS or profile.url is not None


def _with_similarity(pairs: dict[tuple[int, int], float], named: list[tuple[int, int]],
                     matrix) -> set[tuple[int, int]]:
    """Add the `named` pairs that `pairs` lacks to it, with their similarity in `matrix`
    (below the candidate bar: rare names are the evidence); return them as a set."""
    missing = [pair for pair in named if pair not in pairs]
    if missing:
        first, second = (np.array(side) for side in zip(*missing))
        sims = np.asarray(matrix[first].multiply(matrix[second]).sum(axis=1)).ravel()
        pairs.update(zip(missing, sims.tolist()))
    return set(named)


def _headline_words(profile: ArticleProfile) -> frozenset[int]:
    """The title's word ids (stems, stop words left out) when someone wrote it as a
    headline; empty for a title that is only the body's opening words."""
    return frozenset(profile.title.ids.tolist()) if profile.headline.written else frozenset()


def _split_by_key(group: list[int], explicit: Sequence[str | None]) -> list[list[int]]:
    """A group of identical texts cut by explicit story key (None is a key of its own)."""
    parts: dict[str | None, list[int]] = {}
    for index in group:
        parts.setdefault(explicit[index], []).append(index)
    return [part for _, part in sorted(parts.items(), key=lambda item: item[1][0])]


def _split_by_time(group: list[int], rank: Sequence[tuple],
                   window_days: float) -> list[list[int]]:
    """Cut a group of identical texts into parts that each span at most the window from
    their first copy: a copy is one article re-posted, and what it joins is a story, which
    never spans more than the window."""
    parts: list[list[int]] = []
    for index in sorted(group, key=rank.__getitem__):
        if parts and rank[index][0] - rank[parts[-1][0]][0] <= window_days:
            parts[-1].append(index)
        else:
            parts.append([index])
    return [part for part in parts if len(part) > 1]
