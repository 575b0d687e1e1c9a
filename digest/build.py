"""One build, top to bottom: the code is the diagram.

    config → content → group → compose → rank → images → render → write

`build` gathers everything before it writes anything (`compute_site`, then the
write), so a bad article or a broken template stops the build before the previous
site is touched; `digest report` runs `compute_site` alone. It knows no cache and
no session: each stage that keeps results asks its memo (`digest.memo`), and a build
without one computes everything. What a session reuses from its last build, and which
build to run when, is `digest.session`'s business: it is in the memos it hands over.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from digest.cachedir import claim_cache_folder
from digest.compose import compose_digests
from digest.compose.model import Digest
from digest.config import Config
from digest.content.model import ArticleReferences, Skipped
from digest.content.reader import ReadResult, read_articles
from digest.errors import BuildError, Problem
from digest.group import (
    Grouping,
    article_profiles,
    group_stories,
    grouping_key,
    map_topics,
)
from digest.hashing import key_of
from digest.images import ImageSet, process_images
from digest.images.shared import drop_shared_covers
from digest.memo import NO_MEMOS, Memos
from digest.rank import Ranking, rank_stories
from digest.render import RenderedSite, render_site
from digest.write import WriteResult, check_output_folder, write_site

Progress = Callable[[str, int, int], None]
"""progress(stage, done, total): called as work advances, for a progress bar."""


@dataclass(frozen=True)
class BuildResult:
    """What a build did: its inputs, its outputs, and what it left out and why."""

    read: ReadResult
    grouping: Grouping
    digests: tuple[Digest, ...]
    written: WriteResult | None
    skipped: tuple[Skipped, ...]
    """Articles left out: drafts, future-dated, and (with on_error=skip) invalid ones."""
    warnings: tuple[str, ...]
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds per stage, in pipeline order."""
    rendered: RenderedSite | None = field(default=None, repr=False, compare=False)
    """The site as rendered in memory, and what its story pages were rendered from."""
    ranking: Ranking | None = field(default=None, repr=False, compare=False)
    """Every story's score (`digest.rank`)."""
    images: ImageSet | None = field(default=None, repr=False, compare=False)
    """The covers as processed, shared covers dropped."""


def build(config: Config, memos: Memos = NO_MEMOS, *,
          progress: Progress | None = None) -> BuildResult:
    """Build the site described by `config` into `config.output_path`: `compute_site`,
    then write every file (the result's `written`).

    Raises what `compute_site` raises, and ConfigError for an unsafe output folder
    (checked before anything is read). Nothing is written unless every stage succeeded.
    """
    check_output_folder(config.output_path, _protected_folders(config))
    result = compute_site(config, memos, progress=progress)
    assert result.rendered is not None  # compute_site always renders
    timings = dict(result.timings)
    with _timed(timings, "write"):
        written = write_site(result.rendered.files, config.output_path,
                             search=config.language if config.search.enabled else None)
    return dataclasses.replace(result, written=written, timings=timings)


def compute_site(config: Config, memos: Memos = NO_MEMOS, *,
                 progress: Progress | None = None) -> BuildResult:
    """Every stage of a build but the write: the site as rendered in memory (`rendered`),
    `written` None. Nothing in the output folder is read or touched.

    Raises BuildError listing every invalid article (unless on_error is "skip") and
    ThemeError for a broken template. Results the `memos` hold are reused where their
    inputs are unchanged: the result is the same either way.
    """
    timings: dict[str, float] = {}
    claim_cache_folder(config.cache_path, create=memos.enabled)
    with _timed(timings, "read"):
        read = read_articles(config, memos.articles, memos.stamps,
                             progress=_stage(progress, "read"), last_read=memos.last_read)
    memos.refer_to(ArticleReferences([*read.articles, *read.overrides]))
    skipped = list(read.skipped)
    if read.problems:
        if config.on_error != "skip":
            raise BuildError(list(read.problems), root=config.site_dir)
        skipped += _skipped_for_problems(read.problems, config)
    with _timed(timings, "group"):
        grouping = map_topics(_group(read, config, memos), config)
    with _timed(timings, "compose"):
        digests = compose_digests(grouping, config, memos.digests)
    with _timed(timings, "rank"):
        ranking = rank_stories(grouping.stories, config)
    with _timed(timings, "images"):
        images = process_images(read.articles, config)
        images = drop_shared_covers(images, grouping.stories, config.images.max_shared_cover)
    with _timed(timings, "render"):
        site = render_site(grouping, digests, images, config, memos, ranking=ranking)
    warnings = [*grouping.warnings, *images.warnings]
    warnings += [f"{d.slug}: {w}" for d in digests for w in d.warnings if "single source" not in w]
    return BuildResult(read=read, grouping=grouping, digests=digests, written=None,
                       skipped=tuple(sorted(skipped, key=lambda s: s.rel_path)),
                       warnings=tuple(warnings), timings=timings,
                       rendered=site, ranking=ranking, images=images)


def _group(read: ReadResult, config: Config, memos: Memos) -> Grouping:
    """The stories: the stories memo's when no file changed, else `StoriesOf` the read."""
    items = [*read.articles, *read.overrides]
    if not all(item.file_key for item in items):
        return group_stories(read.articles, read.overrides, config)
    files_key = key_of(config.group, sorted((i.rel_path, i.file_key) for i in items))
    return memos.stories.get_or_compute(files_key, StoriesOf(read, config, memos))


@dataclass(frozen=True)
class StoriesOf:
    """The stories of a read's articles: what the stories memo (`Memos.stories`) computes
    for files it has not seen. It carries the read, which a session's stories memo may
    answer from instead (`digest.session.ProvisionalStories`)."""

    read: ReadResult
    config: Config
    memos: Memos

    def __call__(self) -> Grouping:
        """`group_stories` from every article's profile (only new or changed articles are
        profiled), reused from the groupings memo when no edit changed what grouping
        reads."""
        read, config, memos = self.read, self.config, self.memos
        profiles = article_profiles(read.articles, config, memos.profiles)
        profiles_key = grouping_key(read.articles, read.overrides, profiles, config)
        return memos.groupings.get_or_compute(
            profiles_key, lambda: group_stories(read.articles, read.overrides, config, profiles))


def _protected_folders(config: Config) -> list[tuple[str, Path]]:
    return [("site", config.site_dir), ("content", config.content_path),
            ("templates", config.templates_path), ("cache", config.cache_path),
            ("static", config.site_dir / "static")]


def _skipped_for_problems(problems: tuple[Problem, ...], config: Config) -> list[Skipped]:
    by_path: dict[str, list[str]] = {}
    for problem in problems:
        rel = problem.path.relative_to(config.content_path).as_posix() if problem.path else "?"
        line = f"line {problem.line}: " if problem.line else ""
        by_path.setdefault(rel, []).append(line + problem.message)
    return [Skipped(rel, "invalid: " + "; ".join(reasons)) for rel, reasons in by_path.items()]


def _stage(progress: Progress | None, name: str) -> Callable[[int, int], None] | None:
    if progress is None:
        return None
    return lambda done, total: progress(name, done, total)


@contextmanager
def _timed(timings: dict[str, float], name: str) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        timings[name] = time.perf_counter() - start
