"""What the `group` stage hands on: topics and stories of articles."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from digest.content.model import Article, StoryOverride
from digest.hashing import key_of


@dataclass(frozen=True)
class Topic:
    """A section of the site, e.g. "AI" at /topics/ai/."""

    name: str
    slug: str


@dataclass(frozen=True)
class SourceGroup:
    """One independent source of a story, with the near-copies collapsed into it."""

    article: Article
    copies: tuple[Article, ...] = ()
    """Syndicated or scraped copies of `article`: "also published by", never counted."""


@dataclass(frozen=True)
class Story:
    """Articles about one event, from one or more outlets."""

    key: str
    """The explicit `story:` key, else the content path of the story's first article."""
    slug: str
    """URL name, stable as later sources join: from the first article (or the explicit key)."""
    topic: Topic
    sources: tuple[SourceGroup, ...]
    """Ordered by publication date, then path."""
    override: StoryOverride | None = None
    storyline: str = ""
    """The slug of the first story of this story's storyline (`digest.group.storylines`):
    equal for the stories that follow one subject across days; its own slug when alone."""

    @cached_property
    def articles(self) -> tuple[Article, ...]:
        """Every article of the story, copies included, in source order."""
        return tuple(a for s in self.sources for a in (s.article, *s.copies))

    @cached_property
    def content_key(self) -> str | None:
        """Hash of everything about the story a digest of it depends on: its key, slug,
        topic, and its articles' and story file's paths and contents.  None when an
        article was not read from a file (no content hash), so nothing can be cached."""
        articles = [a for group in self.sources for a in (group.article, *group.copies)]
        if self.override is not None:
            articles.append(self.override)
        if not all(a.file_key for a in articles):
            return None
        members = [(g.article.rel_path, g.article.file_key,
                    [(c.rel_path, c.file_key) for c in g.copies]) for g in self.sources]
        override = (self.override.rel_path, self.override.file_key) \
            if self.override else None
        return key_of(self.key, self.slug, self.topic, members, override)

    @cached_property
    def first_date(self) -> dt.datetime:
        return min(a.date for a in self.articles)

    @cached_property
    def last_date(self) -> dt.datetime:
        return max(a.date for a in self.articles)


@dataclass(frozen=True)
class Grouping:
    """Every topic and story of the site, each sorted for deterministic output."""

    topics: tuple[Topic, ...]
    """Sorted by name."""
    stories: tuple[Story, ...]
    """Newest first (by latest article date), then by slug."""
    warnings: tuple[str, ...] = ()
    non_articles: tuple[Article, ...] = ()
    """Pages that are not articles (widget text, crawl or cookie notices), in no story;
    sorted by path."""
    filler: tuple[SourceGroup, ...] = ()
    """Texts stamped from a template under many headlines (`digest.group.filler`), each
    with its copies, in no story; sorted by path."""

    @property
    def filler_articles(self) -> tuple[Article, ...]:
        """The articles of `filler`, copies included, sorted by path."""
        return tuple(sorted((a for g in self.filler for a in (g.article, *g.copies)),
                            key=lambda a: a.rel_path))

    @cached_property
    def storylines(self) -> dict[str, tuple[Story, ...]]:
        """The stories of each storyline, oldest first (by first date, then slug), by id."""
        lines: dict[str, list[Story]] = {}
        for story in self.stories:
            lines.setdefault(story.storyline or story.slug, []).append(story)
        return {key: tuple(sorted(group, key=lambda s: (s.first_date, s.slug)))
                for key, group in sorted(lines.items())}

    @cached_property
    def story_of(self) -> dict[str, Story]:
        """The story of each article (copies included), by content path."""
        return {a.rel_path: story for story in self.stories for a in story.articles}
