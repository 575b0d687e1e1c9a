"""Read every article file under the content folder into typed `Article`s.

Problems are collected, never raised one at a time, so an editor sees every
broken file in one run; whether they stop the build is the caller's choice.
Each file is parsed by `digest.content.parse`, unless the stage's memo knows its
bytes; many unknown files are parsed across the machine's cores.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from digest.config import Config
from digest.content.model import Article, Skipped, StoryOverride
from digest.content.parse import InvalidFile, file_bytes, read_file
from digest.errors import Problem
from digest.hashing import key_of
from digest.memo import NO_MEMO, FileStamps, LastRead, Memo
from digest.workers import map_in_order

ARTICLE_SUFFIXES = (".md", ".markdown")


@dataclass(frozen=True)
class ReadResult:
    """What the content stage hands on: valid articles, story files, problems, skips."""

    articles: tuple[Article, ...]
    overrides: tuple[StoryOverride, ...]
    problems: tuple[Problem, ...]
    skipped: tuple[Skipped, ...]
    files: Mapping[Path, _Item] = field(default_factory=dict, compare=False)
    """What each file gave, in path order (invalid ones their problems): what a re-read
    of only the changed files starts from."""


def find_article_files(content_dir: Path) -> list[Path]:
    """Every markdown file under `content_dir`, sorted, skipping hidden folders and files."""
    found: list[tuple[str, Path]] = []
    for folder, subfolders, names in os.walk(content_dir):
        subfolders[:] = [d for d in subfolders if not d.startswith((".", "_"))]
        base = Path(folder)
        rel_base = base.relative_to(content_dir).as_posix()
        for name in names:
            if _is_article_name(name) and (base / name).is_file():
                rel = name if rel_base == "." else f"{rel_base}/{name}"
                found.append((rel, base / name))
    return [path for _rel, path in sorted(found)]


def _is_article_name(name: str) -> bool:
    return not name.startswith((".", "_")) and name.lower() != "readme.md" \
        and name.lower().endswith(ARTICLE_SUFFIXES)


def read_articles(config: Config, memo: Memo[_Item] = NO_MEMO, stamps: FileStamps | None = None,
                  *, now: dt.datetime | None = None,
                  progress: Callable[[int, int], None] | None = None,
                  last_read: LastRead | None = None) -> ReadResult:
    """Read and validate every article under `config.content_path`.

    Drafts and future-dated articles are skipped (and listed) unless
    `config.drafts` / `config.future` say otherwise. Duplicate explicit slugs
    are problems naming both files. `progress(done, total)` is called per file.
    A file whose bytes `memo` knows is not parsed again; one whose `stamps` are
    unchanged is not even read.

    With `last_read` (what a read of the same config gave, and the paths changed
    since), only those files are read again, and the content folder is not walked,
    unless a changed path is a folder.
    """
    files = _changed_files(config.content_path, last_read)
    if files is None:
        paths = find_article_files(config.content_path)
        files = dict(zip(paths, _read_all(paths, config, memo, stamps, progress), strict=True))
    else:
        fresh = sorted(path for path, item in files.items() if item is None)
        files.update(zip(fresh, _read_all(fresh, config, memo, stamps, progress), strict=True))
    return _sort_out(files, config, now or dt.datetime.now(dt.timezone.utc))  # type: ignore[arg-type]


def read_files(paths: Sequence[Path], config: Config, memo: Memo[_Item] = NO_MEMO,
               stamps: FileStamps | None = None) -> list[_Item]:
    """What each file gives, in order: its article, its story file, or its problems
    (nothing is skipped or checked against other files)."""
    return _read_all(list(paths), config, memo, stamps, None)


def content_file(content_dir: Path, path: Path) -> Path | None:
    """`path` (as a file watcher reports it) spelled as the reader keys its files, under
    `content_dir` as configured; None when it lies outside the content folder."""
    path, root = path.resolve(), content_dir.resolve()
    if not path.is_relative_to(root):
        return None
    return content_dir.joinpath(*path.relative_to(root).parts)


def _changed_files(content_dir: Path,
                   last_read: LastRead | None) -> dict[Path, _Item | None] | None:
    """`last_read.files` with the changed article files to read again (None) and the
    deleted ones left out, in path order; None when the folder must be walked: a
    folder changed, or so many paths that walking is as cheap."""
    if last_read is None or not last_read.files or len(last_read.changed) > WALK_FROM:
        return None
    files: dict[Path, _Item | None] = dict(last_read.files)
    for path in last_read.changed:
        known = content_file(content_dir, path)
        if known is None:
            continue
        if known.is_dir() or (not known.exists() and known not in files
                              and any(p.is_relative_to(known) for p in files)):
            return None
        parents = known.relative_to(content_dir).parts[:-1]
        if any(part.startswith((".", "_")) for part in parents) or not _is_article_name(known.name):
            continue
        if known.is_file():
            files[known] = None  # an existing key keeps its place
        else:
            files.pop(known, None)
    if list(files) == list(last_read.files):
        return files
    # under one folder, the paths sort as find_article_files sorts their relative paths
    return dict(sorted(files.items(), key=lambda entry: str(entry[0])))


WALK_FROM = 64
"""Most changed paths worth re-reading one by one instead of walking the content folder."""


def _sort_out(files: dict[Path, _Item], config: Config, now: dt.datetime) -> ReadResult:
    """What the files gave, sorted into articles, story files, problems and skips."""
    articles: list[Article] = []
    overrides: list[StoryOverride] = []
    problems: list[Problem] = []
    skipped: list[Skipped] = []
    for item in files.values():
        if isinstance(item, list):
            problems.extend(item)
        elif isinstance(item, StoryOverride):
            overrides.append(item)
        elif item.draft and not config.drafts:
            skipped.append(Skipped(item.rel_path, "draft (publish with --drafts)"))
        elif item.date > now and not config.future:
            skipped.append(Skipped(item.rel_path, f"dated in the future ({item.date:%Y-%m-%d}; "
                                   "publish with --future)"))
        else:
            articles.append(item)
    problems.extend(_duplicate_slug_problems(articles))
    return ReadResult(tuple(articles), tuple(overrides), tuple(problems), tuple(skipped), files)


def _read_settings(config: Config) -> str:
    """What, besides a file's bytes, decides what reading it gives."""
    return key_of(config.site_dir, config.content_path, config.tz.key,
                       config.markdown.allow_html)


PARALLEL_FROM = 256
"""Fewest files to parse worth starting worker processes for."""

_Item = Article | StoryOverride | list[Problem]
"""What reading one file gives: an article, a story file, or its problems."""


def _read_all(paths: list[Path], config: Config, memo: Memo[_Item], stamps: FileStamps | None,
              progress: Callable[[int, int], None] | None) -> list[_Item]:
    """Each file's article, story file or problems, in `paths` order: from the memo
    where its bytes are known, else parsed (across the machine's cores when many)."""
    settings = _read_settings(config)
    content = config.content_path
    stamps = stamps or FileStamps()
    items: list[_Item | None] = []
    jobs: list[_Job] = []
    for path in paths:
        try:
            key, data = _file_key(path, settings, stamps)
            item = memo.get(key)
            if item is None or not _cover_unchanged(item):
                jobs.append(_Job(path, config, data or file_bytes(path), key, content))
                item = None
        except InvalidFile as exc:
            item = exc.problems
        items.append(item)
    done = len(paths) - len(jobs)
    tick = (lambda n: progress(done + n, len(paths))) if progress else None
    parsed = map_in_order(_parse, jobs, parallel_from=PARALLEL_FROM, chunk=32, on_result=tick)
    for job, item in zip(jobs, parsed):
        if not isinstance(item, list):
            memo.put(job.key, item)
    fresh = iter(parsed)
    items = [next(fresh) if item is None else item for item in items]
    if stamps.enabled:
        for path, item in zip(paths, items):
            if not isinstance(item, list):
                stamps.note(path, _stamp(path), settings, item.file_key)
    return items  # type: ignore[return-value]


@dataclass(frozen=True)
class _Job:
    path: Path
    config: Config
    data: bytes
    key: str
    content_path: Path


def _parse(job: _Job) -> _Item:
    """One file parsed (in a worker process when there are many)."""
    try:
        item = read_file(job.path, job.config, job.data, content_path=job.content_path)
        return replace(item, file_key=job.key)
    except InvalidFile as exc:
        return exc.problems


def _file_key(path: Path, settings: str, stamps: FileStamps) -> tuple[str, bytes | None]:
    """The key of a file's bytes (and the bytes, when they had to be read): from its
    stamp when a long-running session saw it unchanged since the last build."""
    if stamps.enabled:
        try:
            key = stamps.key_for(path, _stamp(path), settings)
        except OSError:
            key = None  # gone since: reading it says so
        if key is not None:
            return key, None
    data = file_bytes(path)
    return key_of(settings, path, data), data


def _stamp(path: Path) -> tuple[int, int, int]:
    stat = path.stat()
    return (stat.st_mtime_ns, stat.st_size, stat.st_ino)


def _cover_unchanged(item: Article | StoryOverride) -> bool:
    """A cached article's cover still resolves to the same file (it was found by looking)."""
    cover = getattr(item, "cover", None)
    if cover is None or cover.path is None:
        return True
    return all(p.is_file() == (p == cover.path) for p in cover.looked_at)


def _duplicate_slug_problems(articles: list[Article]) -> list[Problem]:
    """Two articles with the same explicit `slug:` would overwrite each other's page."""
    first_by_slug: dict[str, Article] = {}
    problems = []
    for article in articles:
        if not article.slug_is_explicit:
            continue
        other = first_by_slug.setdefault(article.slug, article)
        if other is not article:
            problems.append(Problem(article.path, f"slug '{article.slug}' is already used by "
                                    f"{other.rel_path}", None, "give one of them another slug:"))
    return problems

