"""The `group` stage: articles → topics and stories.

Order of work: set aside pages that are not articles (`digest.group.nonarticles`),
collapse duplicates (syndicated copies count once), put articles with an
explicit `story:` key together, cluster the rest by event
(`digest.group.cluster`), apply editors' pin/exclude overrides, name topics and
give each story a stable, unique slug, then link the stories of one ongoing
subject into storylines (`digest.group.storylines`).
"""

from __future__ import annotations

import dataclasses
import itertools
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from digest.config import Config
from digest.content.model import Article, StoryOverride
from digest.content.slugs import slugify
from digest.group.model import Grouping, SourceGroup, Story, Topic
from digest.group.topicmap import map_topics
from digest.group.topics import topic_key, topic_names
from digest.hashing import key_of
from digest.memo import NO_MEMO, Memo
from digest.workers import map_in_order

if TYPE_CHECKING:
    from digest.group.cluster import ClusterSettings
    from digest.group.features import FeatureWeights
    from digest.group.profile import ArticleProfile, ClusterItem

__all__ = ["Grouping", "SourceGroup", "Story", "Topic", "article_profiles", "group_stories",
           "grouping_key", "map_topics", "placement", "with_articles", "with_new_texts"]


def group_stories(articles: Sequence[Article], overrides: Sequence[StoryOverride],
                  config: Config, profiles: Mapping[str, ArticleProfile] | None = None) -> Grouping:
    """Group `articles` into stories and topics; deterministic for the same input.

    Every article lands in exactly one story, except pages that are not articles
    (listed in `non_articles`) and filler (`filler`); duplicates become `copies` of the
    source they copy.
    Each story names its storyline.  `profiles` (by path, from `article_profiles`) saves
    profiling the articles again.
    """
    from digest.group.cluster import find_duplicates, find_stories

    by_path = {a.rel_path: a for a in sorted(articles, key=lambda a: a.rel_path)}
    settings = cluster_settings(config)
    if profiles is None:
        profiles = article_profiles(articles, config)
    pages = _non_articles(by_path, profiles, overrides)
    by_path = {p: a for p, a in by_path.items() if p not in pages}
    duplicate_of = find_duplicates([profiles[p] for p in by_path], settings,
                                   {p: a.story_key for p, a in by_path.items()})
    filler = _filler(by_path, duplicate_of, profiles, overrides)
    set_aside = {a.rel_path for group in filler for a in (group.article, *group.copies)}
    by_path = {p: a for p, a in by_path.items() if p not in set_aside}
    duplicate_of = {p: kept for p, kept in duplicate_of.items()
                    if p in by_path and kept in by_path}
    primaries = [p for p in by_path if p not in duplicate_of]
    clusters = _explicit_clusters(primaries, by_path)
    automatic = [p for p in primaries if by_path[p].story_key is None]
    if config.group.auto_cluster:
        clusters += find_stories([profiles[p] for p in automatic], settings)
    else:
        clusters += [[p] for p in automatic]
    clusters = _apply_overrides(clusters, overrides, by_path)
    grouping = _assemble(clusters, duplicate_of, overrides, by_path, config)
    grouping = dataclasses.replace(grouping, non_articles=tuple(pages.values()),
                                   filler=filler)
    return _with_storylines(grouping, profiles, settings)


def _non_articles(by_path: dict[str, Article], profiles: Mapping[str, ArticleProfile],
                  overrides: Sequence[StoryOverride]) -> dict[str, Article]:
    """The pages that are not articles (`digest.group.nonarticles`), by path; an article a
    story file pins is the editor's choice and stays."""
    from digest.group.nonarticles import is_non_article

    pinned = {path for o in overrides for path in o.include}
    texts = Counter(profiles[p].text_key for p in by_path if profiles[p].text_key is not None)
    blocks = Counter(b for p in by_path for b in profiles[p].blocks)
    return {p: a for p, a in by_path.items() if p not in pinned and is_non_article(
        profiles[p].furniture, texts[profiles[p].text_key] > 1
        or any(blocks[b] > 1 for b in profiles[p].blocks))}


def _filler(by_path: dict[str, Article], duplicate_of: Mapping[str, str],
            profiles: Mapping[str, ArticleProfile],
            overrides: Sequence[StoryOverride]) -> tuple[SourceGroup, ...]:
    """The filler texts (`digest.group.filler`), each with its copies, sorted by path.  Only
    the kept copy of each text counts its headline: a repost under a new headline is one
    article written once.  An article a story file pins is the editor's choice and stays."""
    from digest.group.filler import filler_texts

    pinned = {path for o in overrides for path in o.include}
    found = filler_texts({p: (profiles[p].title_key, profiles[p].stamps) for p in by_path
                          if profiles[p].stamps and p not in duplicate_of})
    copies: dict[str, list[Article]] = {}
    for path, kept in duplicate_of.items():
        if kept in found and path not in pinned:
            copies.setdefault(kept, []).append(by_path[path])
    return tuple(SourceGroup(article=by_path[p], copies=tuple(copies.get(p, ())))
                 for p in by_path if p in found and p not in pinned)


def _with_storylines(grouping: Grouping, profiles: Mapping[str, ArticleProfile],
                     settings: ClusterSettings) -> Grouping:
    """`grouping` with each story's `storyline`: the slug of the storyline's first story."""
    from digest.group.storylines import find_storylines

    stories = grouping.stories
    lines = find_storylines([[g.article.rel_path for g in s.sources] for s in stories],
                            profiles, settings.features, settings.storylines)
    line_of = {}
    for line in lines:
        first = min((stories[i] for i in line), key=lambda s: (s.first_date, s.slug))
        line_of.update({i: first.slug for i in line})
    return dataclasses.replace(grouping, stories=tuple(
        dataclasses.replace(story, storyline=line_of[i]) for i, story in enumerate(stories)))


def cluster_settings(config: Config) -> ClusterSettings:
    """The clustering thresholds of the site."""
    from digest.group.cluster import ClusterSettings

    return ClusterSettings(window_days=config.group.window_days)


def article_profiles(articles: Sequence[Article], config: Config,
                     memo: Memo[ArticleProfile] = NO_MEMO) -> dict[str, ArticleProfile]:
    """The grouping profile (`digest.group.profile`) of every article, by path.

    An article whose file `memo` has seen reuses its profile; the rest are profiled
    across the machine's cores when there are many.
    """
    weights = cluster_settings(config).features
    settings_key = (weights.lead_words, weights.entity_words)
    keys = [key_of(settings_key, a.rel_path, a.file_key) if a.file_key else None
            for a in articles]

    def profile_all(indexes: list[int]) -> list[ArticleProfile]:
        jobs = [(_cluster_item(articles[i]), weights) for i in indexes]
        return map_in_order(_profile_job, jobs, parallel_from=PARALLEL_FROM, chunk=64)

    profiles = memo.get_or_compute_all(keys, profile_all)
    return {a.rel_path: profile for a, profile in zip(articles, profiles)}


PARALLEL_FROM = 512
"""Fewest articles to profile worth starting worker processes for."""


def _profile_job(job: tuple[ClusterItem, FeatureWeights]) -> ArticleProfile:
    from digest.group.profile import profile_article

    return profile_article(*job)


def grouping_key(articles: Sequence[Article], overrides: Sequence[StoryOverride],
                         profiles: Mapping[str, ArticleProfile], config: Config) -> str:
    """Hash of everything grouping reads: equal keys give equal groupings.

    A profile leaves out the exact-copy key (a hash of the whole text), so that
    an edit past what the profile reads changes nothing here unless it makes
    or breaks an exact copy: which articles share that key is hashed instead.
    """
    ordered = sorted(articles, key=lambda a: a.rel_path)
    exact: dict[bytes, list[str]] = {}
    for article in ordered:
        key = profiles[article.rel_path].exact
        if key is not None:
            exact.setdefault(key, []).append(article.rel_path)
    return key_of(
        config.group,
        [(a.rel_path, placement(a), profiles[a.rel_path].content_key) for a in ordered],
        sorted(group for group in exact.values() if len(group) > 1),
        sorted((o.rel_path, o.file_key) for o in overrides))


def with_new_texts(grouping: Grouping, articles: Sequence[Article],
                   overrides: Sequence[StoryOverride]) -> Grouping | None:
    """`grouping` holding `articles` and `overrides` in place of its articles and story
    files of the same paths, when they are the same articles placed alike (same title,
    date, slug, story key and topic: only their texts changed).  None otherwise.

    The stories are as they were before the edits: what the new texts change in
    the grouping is left to `group_stories`.
    """
    by_path = {a.rel_path: a for a in articles}
    held = {a.rel_path: a for story in grouping.stories for a in story.articles}
    held.update((a.rel_path, a) for a in grouping.non_articles + grouping.filler_articles)
    if held.keys() != by_path.keys() or \
            any(placement(a) != placement(by_path[path]) for path, a in held.items()):
        return None
    story_files = {o.rel_path: o for o in overrides}
    if any(s.override is not None and s.override.rel_path not in story_files
           for s in grouping.stories):
        return None
    stories = tuple(_with_new_texts(story, by_path, story_files) for story in grouping.stories)
    pages = tuple(by_path[a.rel_path] for a in grouping.non_articles)
    filler = tuple(SourceGroup(article=by_path[g.article.rel_path],
                               copies=tuple(by_path[c.rel_path] for c in g.copies))
                   for g in grouping.filler)
    return dataclasses.replace(grouping, stories=stories, non_articles=pages, filler=filler)


def with_articles(story: Story, articles: Mapping[str, Article]) -> Story:
    """`story` holding `articles` in place of its articles of the same paths."""
    by_path = {a.rel_path: articles.get(a.rel_path, a) for a in story.articles}
    return _with_new_texts(story, by_path, {story.override.rel_path: story.override}
                           if story.override else {})


def _with_new_texts(story: Story, by_path: dict[str, Article],
                    story_files: dict[str, StoryOverride]) -> Story:
    """The story holding the articles and story file of its paths as read now: the same
    object when none of them changed, so later stages can tell it is unchanged."""
    override = story_files[story.override.rel_path] if story.override else None
    sources = tuple(SourceGroup(article=by_path[group.article.rel_path],
                                copies=tuple(by_path[c.rel_path] for c in group.copies))
                    for group in story.sources)
    same = override is story.override and all(
        new.article is old.article and all(a is b for a, b in zip(new.copies, old.copies))
        for new, old in zip(sources, story.sources))
    return story if same else dataclasses.replace(story, override=override, sources=sources)


def placement(article: Article) -> tuple:
    """What decides where an article's story is listed and how it is named."""
    return (article.title, article.date, article.slug, article.story_key, article.topic)


def _cluster_item(article: Article) -> ClusterItem:
    from digest.group.profile import ClusterItem

    return ClusterItem(key=article.rel_path, title=article.title, excerpt=article.excerpt or "",
                       text=article.body, date=article.date, outlet=article.outlet,
                       source_url=article.source)


def _explicit_clusters(paths: Sequence[str], by_path: dict[str, Article]) -> list[list[str]]:
    keyed: dict[str, list[str]] = {}
    for path in paths:
        key = by_path[path].story_key
        if key is not None:
            keyed.setdefault(key, []).append(path)
    return [keyed[key] for key in sorted(keyed)]


def _apply_overrides(clusters: list[list[str]], overrides: Sequence[StoryOverride],
                     by_path: dict[str, Article]) -> list[list[str]]:
    """Move pinned articles into their story and excluded ones out into their own."""
    clusters = [list(c) for c in clusters]
    for override in overrides:
        target = _find_cluster(clusters, override.story_key, by_path)
        if target is None:
            continue
        for path in override.include:
            if path in by_path and path not in target:
                for cluster in clusters:
                    if path in cluster:
                        cluster.remove(path)
                target.append(path)
        for path in override.exclude:
            if path in target and len(target) > 1:
                target.remove(path)
                clusters.append([path])
    return [sorted(c) for c in clusters if c]


def _find_cluster(clusters: list[list[str]], key: str,
                  by_path: dict[str, Article]) -> list[str] | None:
    for cluster in clusters:
        if any(by_path[p].story_key == key for p in cluster):
            return cluster
    for cluster in clusters:
        if _story_slug_base(cluster, by_path) == slugify(key):
            return cluster
    return None


def _story_slug_base(cluster: Sequence[str], by_path: dict[str, Article]) -> str:
    first = min((by_path[p] for p in cluster), key=lambda a: (a.date, a.rel_path))
    return slugify(first.story_key) if first.story_key else first.slug


def _assemble(clusters: list[list[str]], duplicate_of: dict[str, str],
              overrides: Sequence[StoryOverride], by_path: dict[str, Article],
              config: Config) -> Grouping:
    copies: dict[str, list[str]] = {}
    for copy, original in sorted(duplicate_of.items()):
        copies.setdefault(original, []).append(copy)
    override_by_key = {o.story_key: o for o in sorted(overrides, key=lambda o: o.rel_path)}
    synonyms = config.group.topic_synonyms
    labels = [a.topic for a in by_path.values()] + [o.topic for o in overrides if o.topic]
    topics = topic_names(labels, synonyms)
    key_of = {label: topic_key(label, synonyms) for label in set(labels)}
    ordered = sorted(clusters, key=lambda c: _first_key(c, by_path))
    used_slugs: set[str] = set()
    stories = []
    for cluster in ordered:
        sources = _source_groups(cluster, copies, by_path)
        articles = [a for s in sources for a in (s.article, *s.copies)]
        key = next((a.story_key for a in articles if a.story_key), None) or cluster[0]
        slug = _unique_slug(_story_slug_base(cluster, by_path), articles, used_slugs)
        override = override_by_key.get(key) or override_by_key.get(slug)
        topic = _story_topic(articles, override, topics, key_of)
        stories.append(Story(key=key, slug=slug, topic=topic, sources=sources, override=override))
    stories.sort(key=lambda s: (-s.last_date.timestamp(), s.slug))
    used_topics = sorted({s.topic for s in stories}, key=lambda t: (t.name.casefold(), t.slug))
    return Grouping(topics=tuple(used_topics), stories=tuple(stories))


def _first_key(cluster: Sequence[str], by_path: dict[str, Article]) -> tuple:
    first = min((by_path[p] for p in cluster), key=lambda a: (a.date, a.rel_path))
    return (first.date, first.rel_path)


def _source_groups(cluster: Sequence[str], copies: dict[str, list[str]],
                   by_path: dict[str, Article]) -> tuple[SourceGroup, ...]:
    groups = [SourceGroup(article=by_path[p],
                          copies=tuple(by_path[c] for c in copies.get(p, []) if c in by_path))
              for p in cluster]
    return tuple(sorted(groups, key=lambda g: (g.article.date, g.article.rel_path)))


def _unique_slug(base: str, articles: Sequence[Article], used: set[str]) -> str:
    """Equal titles get distinct, stable URLs: the first story's date, then a counter."""
    dated = f"{base}-{min(a.date for a in articles):%Y-%m-%d}"
    candidates = itertools.chain((base, dated), (f"{dated}-{n}" for n in itertools.count(2)))
    slug = next(c for c in candidates if c not in used)
    used.add(slug)
    return slug


def _story_topic(articles: Sequence[Article], override: StoryOverride | None,
                 topics: dict[str, Topic], key_of: dict[str, str]) -> Topic:
    """The override's topic, else the one most of the articles have (ties: the first's)."""
    if override and override.topic:
        return topics[key_of[override.topic]]
    counts = Counter(key_of[a.topic] for a in articles)
    first_seen = {key_of[a.topic]: i for i, a in reversed(list(enumerate(articles)))}
    best = min(counts, key=lambda k: (-counts[k], first_seen[k]))
    return topics[best]
