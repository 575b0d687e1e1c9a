"""A build session: the cache, the last build, and every incremental policy.

`digest build` runs one session for one build (`BuildSession.open`, `build`,
`save`); `digest serve` keeps one for its whole run. The pipeline itself is
`digest.build.build`, which knows nothing of this: the session decides which
memos a build gets, and what it may take from the last build is in them (the
files read then, `LastRead`; the stories grouped then, `ProvisionalStories`). It owns
the shortcuts `digest serve` publishes ahead of a full build:

- edited stories first (`edited_stories_first`): an edit that only changes
  article texts re-composes and re-renders just the edited stories' pages on
  the last build's stories;
- provisional builds (`build(..., provisional=True)`, `ProvisionalStories`): the
  full build that follows keeps the last build's stories holding the new texts
  (the session is then `provisional`), and `end_provisional` groups again;
- open pages first (`open_pages_first`): after a template edit, the pages open
  in browsers are rendered before the rest of the site;
- stylesheet swaps (`swap_stylesheets`): a changed stylesheet is copied over
  its served name without a build.

Each shortcut writes exactly what the full build then writes for those pages.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, cast

from digest.build import BuildResult, Progress, StoriesOf, build
from digest.cache import BuildCache
from digest.compose import digest_of
from digest.config import Config
from digest.content.model import Article
from digest.content.reader import ReadResult, content_file, read_files
from digest.errors import DigestError
from digest.group import placement, with_articles, with_new_texts
from digest.group.model import Grouping, Story
from digest.livecache import LiveCache
from digest.memo import FileStamps, LastRead, Memo, Memos, NullStore, Store, memos_for
from digest.render import render_site, render_story
from digest.render.theme import find_theme, static_files
from digest.write import WriteResult, update_files, write_stylesheets


@dataclass(frozen=True)
class EditedStories:
    """The story pages written ahead of the full build."""

    stories: tuple[Story, ...]
    """The edited stories, holding the new texts."""
    pages: tuple[str, ...]
    """Output paths of their pages."""
    changed: int
    """How many of those pages' bytes changed."""


class SessionStore(Store, Protocol):
    """What a session keeps its results in, and the lifecycle of its builds: a
    `NullStore` (nothing, `digest build --no-cache`), a `BuildCache` (on disk, one
    build) or a `LiveCache` (in memory, the builds of `digest serve`)."""

    folder: Path | None
    """The folder of the disk cache, if any."""
    trusts_stamps: bool
    """Whether a file whose stamp is unchanged since the last build is not read again."""

    def start_build(self) -> None:
        """Begin a build."""

    def join_build(self) -> None:
        """Begin a partial build between two builds (pages written ahead of a build)."""

    def abandon_build(self) -> None:
        """Forget what the current build used and stored: it failed."""

    def finish_build(self) -> None:
        """End a build that succeeded."""

    def save(self) -> None:
        """Write what the builds kept to disk, if anywhere."""


class BuildSession:
    """One cache and the last good build of a site, across the builds of a session.

    A one-shot session (digest build) has a `BuildCache`, loaded and saved for one
    build, or a `NullStore` without a cache. A long-running one (digest serve) has a
    `LiveCache`: results stay in memory as live objects, and file stamps are trusted
    (the watcher names every change); it is saved to disk once, after the first build
    that succeeds.
    """

    def __init__(self, cache: SessionStore) -> None:
        self.cache = cache
        self.last: BuildResult | None = None
        """The last good build: what the shortcuts and the next build start from."""
        self.last_config: Config | None = None
        self.provisional = False
        """The last build kept the stories of the one before, holding the edited texts:
        `end_provisional` groups them again."""
        self._stamps = FileStamps(enabled=cache.trusts_stamps)

    @classmethod
    def open(cls, config: Config, *, use_cache: bool = True,
             long_running: bool = False) -> BuildSession:
        """A session on the site's persistent cache (`cache_dir`/build), or without one."""
        disk = BuildCache(config.cache_path / "build") if use_cache else None
        if long_running:
            return cls(LiveCache(disk))
        return cls(disk if disk is not None else NullStore())

    def uses(self, config: Config) -> bool:
        """Whether this session's cache is the one `config` names."""
        return self.cache.folder == config.cache_path / "build"

    def build(self, config: Config, *, changed: Collection[Path] | None = None,
              provisional: bool = False, progress: Progress | None = None) -> BuildResult:
        """Build the site (`digest.build.build`) with this session's memos.

        With a last build of the same config and the paths `changed` since it (None:
        unknown), only those files are read again; with `provisional`, an edit that only
        changes texts keeps the last build's stories (the session is then `provisional`;
        `end_provisional` groups again). A failed build leaves the session as it was.
        """
        self.cache.start_build()
        last = self.last if self.last is not None and self.last_config == config else None
        memos = self._memos(config)
        if last is not None and changed is not None:
            memos = dataclasses.replace(memos, last_read=LastRead(last.read.files, changed))
        stories = ProvisionalStories(memos, last) if last is not None and provisional else None
        if stories is not None:
            memos = dataclasses.replace(memos, stories=stories)
        try:
            result = build(config, memos, progress=progress)
        except BaseException:
            self.abandon()
            raise
        self.provisional = stories is not None and stories.given
        self.last, self.last_config = result, config
        self.cache.finish_build()
        return result

    def end_provisional(self) -> BuildResult:
        """Build again on the last config, reading nothing again and grouping every
        article: what follows a provisional build."""
        if self.last_config is None:
            raise ValueError("end_provisional needs a build first")
        return self.build(self.last_config, changed=frozenset())

    def save(self) -> None:
        """Write the cache to disk (only once for a long-running session)."""
        self.cache.save()

    def abandon(self) -> None:
        """Forget what a failed build used and stored, so that the next build finds
        everything the last finished build had."""
        self.cache.abandon_build()

    def forget(self, paths: Collection[Path]) -> None:
        """Read these files again next build, whatever their stamps say."""
        self._stamps.forget(paths)

    def edited_stories_first(self, changed: Collection[Path]) -> EditedStories | None:
        """Write the story pages of the articles `changed` since the last build, when only
        their texts changed; else None (the full build does it all).

        Each page is exactly what the full build renders for it. An invalid file returns
        None (the full build reports it); a template that fails on the new text raises
        ThemeError, as the full build would.
        """
        config, last = self.last_config, self.last
        if last is None or config is None or last.rendered is None or last.written is None:
            return None
        pages = last.rendered.story_pages
        if pages is None or config.search.enabled or not changed:
            return None
        self.cache.join_build()
        memos = self._memos(config)
        edited = self._edited_articles(config, last, changed, memos)
        if edited is None:
            return None
        story_of = last.grouping.story_of
        stories = sorted({story_of[path].slug: with_articles(story_of[path], edited)
                          for path in edited}.values(), key=lambda story: story.slug)
        files = []
        for story in stories:
            page = render_story(pages, digest_of(story, config, memos.digests), config, memos)
            if page.reads.lists:
                return None  # the full build changes the story lists it shows
            files.append(page.file)
        written = update_files(files, config.output_path)
        return EditedStories(stories=tuple(stories), pages=tuple(f.path for f in files),
                             changed=written.changed)

    def open_pages_first(self, changed: Collection[Path],
                         pages: Collection[str]) -> WriteResult | None:
        """When only templates `changed`, render and write the pages `pages` (output
        paths, e.g. "stories/x/index.html") on the last build's stories, as the full
        build will; None when that does not apply."""
        config, last = self.last_config, self.last
        if last is None or config is None or last.images is None or config.search.enabled \
                or not pages or not templates_only(changed, config):
            return None
        self.cache.join_build()
        site = render_site(last.grouping, last.digests, last.images, config,
                           self._memos(config), only=pages, ranking=last.ranking)
        return update_files(site.files, config.output_path)

    def swap_stylesheets(self, config: Config, changed: Collection[Path]) -> bool:
        """Copy the changed stylesheets over their served names, without a build; False
        when a build is needed (hashed asset names, a new, deleted or overridden sheet)."""
        if config.hash_assets or self.last is None:
            return False
        try:
            static = static_files(find_theme(config), config)
        except DigestError:
            return False
        by_file = {path.resolve(): name for name, path in static.items()}
        names = [by_file.get(path.resolve()) for path in changed]
        if None in names or not all(path.is_file() for path in changed):
            return False
        try:
            write_stylesheets({name: static[name] for name in names}, config.output_path)
        except DigestError:
            return False
        return True

    def _memos(self, config: Config) -> Memos:
        return memos_for(self.cache, config.cache_path / "templates", self._stamps)

    def _edited_articles(self, config: Config, last: BuildResult, changed: Collection[Path],
                         memos: Memos) -> dict[str, Article] | None:
        """The changed files read again, by content path, when each is an article of the
        last build whose text alone changed; None when anything else changed (a file
        added, removed, invalid, placed otherwise, given another cover, or a story file)."""
        paths = [content_file(config.content_path, path) for path in changed]
        olds = [last.read.files.get(path) if path is not None else None for path in paths]
        if not all(isinstance(old, Article) and old.rel_path in last.grouping.story_of
                   for old in olds):
            return None  # not all articles of the last build's stories: nothing is read
        edited: dict[str, Article] = {}
        for old, item in zip(olds, read_files(paths, config, memos.articles, memos.stamps),
                             strict=True):
            if not isinstance(item, Article) or placement(old) != placement(item) \
                    or old.cover != item.cover or old.draft != item.draft \
                    or (config.topics.source == "tags" and old.tags != item.tags):
                return None  # (with topics from tags, a tag edit may move the story)
            edited[item.rel_path] = item
        return edited or None


class ProvisionalStories(Memo[Any]):
    """The stories memo (`Memos.stories`) of a build that may be provisional: where it
    lacks the stories of the files as read now and only their texts changed, it gives
    the last build's stories holding the new texts instead of grouping again (and says
    so in `given`)."""

    def __init__(self, memos: Memos, last: BuildResult) -> None:
        self._stories, self._profiles, self._last = memos.stories, memos.profiles, last
        self.given = False
        """Whether the build got the last build's stories."""

    def get(self, key: str | None) -> Any | None:
        return self._stories.get(key)

    def put(self, key: str | None, value: Any) -> None:
        self._stories.put(key, value)

    def keep(self, key: str) -> None:
        self._stories.keep(key)

    def carry_all(self) -> None:
        self._stories.carry_all()

    def get_or_compute(self, key: str | None, compute: Callable[[], Any]) -> Any:
        """The stories under `key`; else the last build's holding the new texts; else
        `compute()` (a `StoriesOf`, by the pipeline's contract for `Memos.stories`)."""
        found = self._stories.get(key)
        if found is not None:
            return found
        held = self._stories_for(cast(StoriesOf, compute).read)
        if held is None:
            found = compute()
            self._stories.put(key, found)
            return found
        self._profiles.carry_all()  # the build that ends the provisional one reads them
        self.given = True
        return held

    def _stories_for(self, read: ReadResult) -> Grouping | None:
        """The last build's stories holding the articles as read now, when the same
        articles and story files are there, placed alike; else None."""
        def files(result: ReadResult) -> list[tuple[str, str | None]]:
            return sorted((o.rel_path, o.file_key) for o in result.overrides)
        if files(read) != files(self._last.read):
            return None
        return with_new_texts(self._last.grouping, read.articles, read.overrides)


def templates_only(changed: Collection[Path], config: Config) -> bool:
    """Every changed path is a template of the site or of its theme."""
    try:
        folders = (config.templates_path.resolve(), find_theme(config).templates.resolve())
    except DigestError:
        return False
    return bool(changed) and all(
        path.suffix == ".html" and any(path.is_relative_to(folder) for folder in folders)
        for path in changed)


def stylesheets_only(changed: Collection[Path]) -> bool:
    """Only stylesheets changed, so pages need a stylesheet swap and nothing else."""
    return bool(changed) and all(path.suffix == ".css" for path in changed)
