"""Topics chosen by the site, not by the scraper: `[topics]` in digest.toml.

Scraped feeds carry arbitrary categories ("General AI", "Work", "Tools") and
tags.  After grouping, each story's topic is worked out again from its
articles' labels:

- `from` picks the labels: "topic" (the topic/category field, every label in
  order), "tags" (the tags first, then the topic labels), or "none" (no scraped
  label: every story is "General" unless its story file names a topic);
- `map` turns a label into one of the site's topics (case and spacing ignored;
  a label spelled like one of those topics is covered too); the first label of
  an article that the map covers wins, else its primary topic label is kept as
  it is (after `group.topic_synonyms`);
- a story takes the topic most of its articles have (ties: the earliest's), or
  its story file's `topic:` (mapped too);
- `min_stories`: a topic with fewer stories folds into one "More" topic.

With the defaults (no map, labels from "topic", min_stories 1) the grouping's
topics are kept as they are.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from digest.config import Config, TopicsConfig
from digest.content.model import Article
from digest.content.slugs import slugify
from digest.group.model import Grouping, Story, Topic
from digest.group.topics import DEFAULT_TOPIC, topic_key, topic_names

MORE = "More"
"""The topic that small topics fold into."""


def map_topics(grouping: Grouping, config: Config) -> Grouping:
    """`grouping` with each story under its site topic (see the module's rules); the
    same Story objects where the topic is unchanged, and the same Grouping when none is."""
    topics_config = config.topics
    if not topics_config.map and topics_config.source == "topic" and \
            topics_config.min_stories <= 1:
        return grouping
    chosen = {story.slug: _story_label(story, topics_config) for story in grouping.stories}
    names = topic_names(chosen.values(), _synonyms(config))
    topic_of = {slug: names[topic_key(label, _synonyms(config))]
                for slug, label in chosen.items()}
    topic_of = _fold_small(topic_of, topics_config.min_stories)
    stories = tuple(story if story.topic == topic_of[story.slug]
                    else dataclasses.replace(story, topic=topic_of[story.slug])
                    for story in grouping.stories)
    if all(new is old for new, old in zip(stories, grouping.stories)):
        return grouping
    used = sorted(set(topic_of.values()), key=_topic_order)
    return dataclasses.replace(grouping, topics=tuple(used), stories=stories)


def uncovered_labels(articles: Sequence[Article], config: Config) -> list[tuple[str, int]]:
    """(category, articles) for the articles none of whose labels (as `from` reads them)
    `map` covers, by their primary topic label (else first tag), most frequent first:
    what `digest check` lists for the editor to map."""
    topics_config = config.topics
    if topics_config.source == "none":
        return []
    mapping = _folded_map(topics_config)
    counts: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    for article in articles:
        labels = list(_labels(article, topics_config))
        if any(_fold(label) in mapping for label in labels):
            continue
        label = article.topic or (labels[0] if labels else DEFAULT_TOPIC)
        spelling.setdefault(_fold(label), _tidy(label))
        counts[_fold(label)] += 1
    return sorted(((spelling[k], n) for k, n in counts.items()), key=lambda e: (-e[1], e[0]))


def _story_label(story: Story, topics_config: TopicsConfig) -> str:
    mapping = _folded_map(topics_config)
    if story.override is not None and story.override.topic:
        return mapping.get(_fold(story.override.topic), story.override.topic)
    labels = [_article_label(a, topics_config, mapping) for a in story.articles]
    counts = Counter(_fold(label) for label in labels)
    best = min(counts, key=lambda k: (-counts[k], [_fold(x) for x in labels].index(k)))
    return next(label for label in labels if _fold(label) == best)


def _article_label(article: Article, topics_config: TopicsConfig,
                   mapping: dict[str, str]) -> str:
    if topics_config.source == "none":
        return DEFAULT_TOPIC
    for label in _labels(article, topics_config):
        if _fold(label) in mapping:
            return mapping[_fold(label)]
    return article.topic or DEFAULT_TOPIC


def _labels(article: Article, topics_config: TopicsConfig) -> Iterable[str]:
    if topics_config.source == "tags":
        yield from article.tags
    yield from article.topics


def _folded_map(topics_config: TopicsConfig) -> dict[str, str]:
    """The map by folded label; a label spelled like one of the map's topics maps to it."""
    mapping = {_fold(target): _tidy(target) for target in topics_config.map.values()}
    mapping.update((_fold(label), _tidy(target)) for label, target in topics_config.map.items())
    return mapping


def _synonyms(config: Config) -> dict[str, str]:
    return config.group.topic_synonyms


def _fold_small(topic_of: dict[str, Topic], min_stories: int) -> dict[str, Topic]:
    counts = Counter(topic_of.values())
    small = {topic for topic, n in counts.items() if n < min_stories}
    if not small:
        return topic_of
    more = Topic(name=MORE, slug=slugify(MORE))
    return {slug: more if topic in small else topic for slug, topic in topic_of.items()}


def _topic_order(topic: Topic) -> tuple:
    """By name, "More" last."""
    return (topic.name == MORE, topic.name.casefold(), topic.slug)


def _fold(label: str) -> str:
    return re.sub(r"\s+", " ", label).strip().casefold()


def _tidy(label: str) -> str:
    return re.sub(r"\s+", " ", label).strip()
