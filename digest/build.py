"""One build, top to bottom: the code is the diagram.

    config → content → group → compose → rank → images → render → write

`build` gathers everything before it writes anything, so a bad article or a
broken template stops the build before the previous site is touched.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from digest.cache import BuildCache, fingerprint
from digest.cachedir import claim_cache_folder
from digest.compose import compose_digests
from digest.compose.model import Digest
from digest.config import Config
from digest.content.model import Skipped
from digest.content.reader import ReadResult, read_articles
from digest.errors import BuildError, Problem
from digest.group import (
    Grouping,
    map_topics,
    article_profiles,
    group_stories,
    grouping_fingerprint,
    with_new_texts,
)
from digest.images import process_images
from digest.images.shared import drop_shared_covers
from digest.rank import Ranking, rank_stories
from digest.render import RenderedSite, render_site
from digest.search import index_site
from digest.write import WriteResult, check_output_folder, write_files, write_site

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
    provisional: bool = False
    """The stories are the previous build's, holding the edited texts: building again
    with `regroup` settles what the edits change in the grouping."""
    rendered: RenderedSite | None = field(default=None, repr=False, compare=False)
    """The site as rendered in memory: what `digest.quick` renders more pages with."""
    ranking: Ranking | None = field(default=None, repr=False, compare=False)
    """Every story's score (`digest.rank`)."""


def build(config: Config, *, write: bool = True, progress: Progress | None = None,
          cache: BuildCache | None = None, previous: BuildResult | None = None,
          changed: Collection[Path] | None = None, regroup: bool = False,
          pages: Collection[str] | None = None) -> BuildResult:
    """Build the site described by `config` into `config.output_path`.

    Raises BuildError listing every invalid article (unless on_error is "skip"),
    ConfigError for an unsafe output folder, ThemeError for a broken template.
    With `write=False` everything is computed and nothing is written. With a
    `cache`, results of earlier builds are reused where their inputs are
    unchanged (the output is the same either way); saving it is the caller's
    choice (`BuildCache.save`).

    With `previous`, the last build of a long-running session (`digest serve`),
    edits that only change texts are first built on the previous build's stories,
    skipping the grouping of the whole site (the result says `provisional`); the
    next build with `regroup` (or without `previous`) groups again and settles
    them.  With `previous` and the paths `changed` since it (as a file watcher saw
    them), only those files are read again.

    With `pages` (output files, e.g. "stories/x/index.html"), only those pages are
    rendered and written, in place, and the rest of the site is left as it was: what
    `digest serve` does for the pages open in browsers before building the site.
    """
    if cache is not None:
        cache.start_build() if pages is None else cache.join_build()
    return _build(config, write, progress, cache, previous, changed, regroup, pages)


def open_cache(config: Config, *, keep_objects: bool = False) -> BuildCache:
    """The persistent build cache of the site (in `cache_dir`/build); `keep_objects` for
    a long-running process (see `BuildCache`)."""
    # serve's SiteBuilder relies on this folder
    return BuildCache(config.cache_path / "build", keep_objects=keep_objects)


def _build(config: Config, write: bool, progress: Progress | None, cache: BuildCache | None,
           previous: BuildResult | None, changed: Collection[Path] | None,
           regroup: bool, pages: Collection[str] | None) -> BuildResult:
    timings: dict[str, float] = {}
    if write:
        check_output_folder(config.output_path, _protected_folders(config))
    claim_cache_folder(config.cache_path, create=cache is not None)
    with _timed(timings, "read"):
        read = read_articles(config, progress=_stage(progress, "read"), cache=cache,
                             previous=previous.read if previous else None, changed=changed)
    if cache is not None:
        cache.know_articles([*read.articles, *read.overrides])
    skipped = list(read.skipped)
    if read.problems:
        if config.on_error != "skip":
            raise BuildError(list(read.problems), root=config.site_dir)
        skipped += _skipped_for_problems(read.problems, config)
    with _timed(timings, "group"):
        grouping, provisional = _group(read, config, cache, None if regroup else previous)
        grouping = map_topics(grouping, config)
    with _timed(timings, "compose"):
        digests = compose_digests(grouping, config, cache)
    with _timed(timings, "rank"):
        ranking = rank_stories(grouping.stories, config)
    with _timed(timings, "images"):
        images = process_images(read.articles, config)
        images = drop_shared_covers(images, grouping.stories, config.images.max_shared_cover)
    with _timed(timings, "render"):
        site = render_site(grouping, digests, images, config, cache, only=pages,
                           ranking=ranking)
    written = None
    if write:
        with _timed(timings, "write"):
            written = _write(site, config, whole=pages is None)
    warnings = [*grouping.warnings, *images.warnings]
    warnings += [f"{d.slug}: {w}" for d in digests for w in d.warnings if "single source" not in w]
    return BuildResult(read=read, grouping=grouping, digests=digests, written=written,
                       skipped=tuple(sorted(skipped, key=lambda s: s.rel_path)),
                       warnings=tuple(warnings), timings=timings,
                       provisional=provisional, rendered=site, ranking=ranking)


def _write(site: RenderedSite, config: Config, whole: bool) -> WriteResult:
    """The site written into the output folder; or, not `whole`, its pages updated in it."""
    if not whole:
        return write_files(site.files, config.output_path)
    finish = partial(index_site, language=config.language) if config.search.enabled else None
    return write_site(site.files, config.output_path, finish)


def _group(read: ReadResult, config: Config, cache: BuildCache | None,
           previous: BuildResult | None) -> tuple[Grouping, bool]:
    """The grouping, and whether it is provisional: the cache's when no file changed,
    else the previous build's stories with the new texts when only texts changed and
    `previous` is given, else worked out again."""
    items = [*read.articles, *read.overrides]
    if cache is None or not all(item.content_hash for item in items):
        return group_stories(read.articles, read.overrides, config), False
    files_key = fingerprint(config.group, sorted((i.rel_path, i.content_hash) for i in items))
    grouping = cache.get("grouping", files_key)
    if grouping is not None:
        return grouping, False
    if previous is not None and (kept := _provisional(read, previous)) is not None:
        cache.carry("profiles")  # the build that settles the grouping reads them
        return kept, True
    grouping = _group_again(read, config, cache)
    cache.put("grouping", files_key, grouping)
    return grouping, False


def _group_again(read: ReadResult, config: Config, cache: BuildCache) -> Grouping:
    """`group_stories` from every article's profile (only new or changed articles are
    profiled), reused from the cache when no edit changed what grouping reads."""
    profiles = article_profiles(read.articles, config, cache)
    profiles_key = grouping_fingerprint(read.articles, read.overrides, profiles, config)
    grouping = cache.get("grouping", profiles_key)
    if grouping is None:
        grouping = group_stories(read.articles, read.overrides, config, profiles)
        cache.put("grouping", profiles_key, grouping)
    return grouping


def _provisional(read: ReadResult, previous: BuildResult) -> Grouping | None:
    """The previous build's stories holding the articles as read now, when the same
    articles and story files are there, placed alike; else None."""
    def files(result: ReadResult) -> list[tuple[str, str | None]]:
        return sorted((o.rel_path, o.content_hash) for o in result.overrides)
    if files(read) != files(previous.read):
        return None
    return with_new_texts(previous.grouping, read.articles, read.overrides)


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
