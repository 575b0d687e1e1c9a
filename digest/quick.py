"""The edited story pages first: what `digest serve` shows before the whole build runs.

When an editor saves an article, the page they look at is its story page. An edit
that only changes article texts (same title, date, slug, story key, topic and
cover) is built here on the previous build's stories, for those stories only:

    re-read the saved files → their stories with the new texts → compose them
    → render their story pages with the previous build's theme → write those pages

The rest of the site (topic and front pages, editions, feeds) still shows the
old texts until the full `build` that follows; each page written here is
exactly what that build renders for it, so it only confirms them. Anything
else (a new, deleted, invalid or moved article, a story file, a page that reads
the site-wide story lists, a search index to update) returns None: the full
build does it all.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from digest.build import BuildResult
from digest.cache import BuildCache
from digest.compose import cached_digest
from digest.config import Config
from digest.content.model import Article
from digest.content.reader import content_file, read_files
from digest.group import placement, with_articles
from digest.group.model import Story
from digest.write import write_files


@dataclass(frozen=True)
class QuickResult:
    """The story pages written ahead of the full build."""

    stories: tuple[Story, ...]
    """The edited stories, holding the new texts."""
    pages: tuple[str, ...]
    """Output paths of their pages."""
    changed: int
    """How many of those pages' bytes changed."""


def build_edited_stories(config: Config, previous: BuildResult, changed: Collection[Path],
                         cache: BuildCache | None) -> QuickResult | None:
    """Write the story pages of the articles `changed` since `previous` (a build of the
    same `config` that wrote the site), when only their texts changed; else None.

    An invalid file returns None (the full build reports it); a template that fails
    on the new text raises ThemeError, as the full build would.
    """
    pages = previous.rendered.story_pages if previous.rendered else None
    if pages is None or previous.written is None or config.search.enabled or not changed:
        return None
    if cache is not None:
        cache.join_build()
    edited = _edited_articles(config, previous, changed, cache)
    if edited is None:
        return None
    story_of = previous.grouping.story_of
    stories = sorted({story_of[path].slug: with_articles(story_of[path], edited)
                      for path in edited}.values(), key=lambda story: story.slug)
    files = []
    for story in stories:
        page = pages.render_story(cached_digest(story, config, cache), cache)
        if page is None:
            return None
        files.append(page)
    written = write_files(files, config.output_path)
    return QuickResult(stories=tuple(stories), pages=tuple(f.path for f in files),
                       changed=written.changed)


def _edited_articles(config: Config, previous: BuildResult, changed: Collection[Path],
                     cache: BuildCache | None) -> dict[str, Article] | None:
    """The changed files read again, by content path, when each is an article of the
    previous build whose text alone changed; None when anything else changed (a file
    added, removed, invalid, placed otherwise, given another cover, or a story file)."""
    paths = [content_file(config.content_path, path) for path in changed]
    olds = [previous.read.files.get(path) if path is not None else None for path in paths]
    if not all(isinstance(old, Article) and old.rel_path in previous.grouping.story_of
               for old in olds):
        return None  # not all articles of the last build's stories: nothing is read
    edited: dict[str, Article] = {}
    for old, item in zip(olds, read_files(paths, config, cache), strict=True):
        if not isinstance(item, Article) or placement(old) != placement(item) \
                or old.cover != item.cover or old.draft != item.draft \
                or (config.topics.source == "tags" and old.tags != item.tags):
            return None  # (with topics from tags, a tag edit may move the story)
        edited[item.rel_path] = item
    return edited or None
