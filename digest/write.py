"""The `write` stage: put the rendered site on disk, safely and without needless work.

The first build (into a missing or empty folder) writes the site into a staging
folder beside the output and renames it into place: one rename, so the output
is never half there. Later builds update the folder in place: only files whose
bytes changed are written (each into a scratch folder beside the output, then
renamed over the old one, so no temporary file is ever inside the output), and
files the previous build wrote that are no longer part of the site are removed.

The manifest (`MARKER`, see `digest.journal`) says what digest wrote; nothing
else in the output folder is ever replaced or removed (a user's `CNAME` stays,
and is listed once as not written by digest). It is marked dirty before the
first byte of an update and clean after the last, so a build killed halfway is
healed by the next one, which then compares every file by its bytes. Every
failure that depends on the content (bad articles, templates, clashing paths)
happens before the first byte is written.

Everything that touches the output folder goes through here: the whole site
(`write_site`, with the search index as its last step), pages updated in place
ahead of a build (`update_files`), stylesheets swapped without one
(`write_stylesheets`); and the names of the folders it stages beside the output
(`is_staging_path`), which a file watcher must ignore.
"""

from __future__ import annotations

import filecmp
import os
import posixpath
import shutil
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from digest.errors import ConfigError
from digest.files import OutputFile
from digest.hashing import bytes_hash
from digest.journal import (
    MARKER,
    STAGING,
    Manifest,
    beside,
    list_files,
    read_manifest,
    remove_debris,
    remove_owned,
    remove_path,
    scratch_folder,
    write_manifest,
)
from digest.outputdir import check_output_folder, clean_output
from digest.search import index_site

__all__ = ["MARKER", "WriteResult", "check_output_folder", "clean_output", "is_staging_path",
           "update_files", "write_site", "write_stylesheets"]

SEARCH_STEP = "search"
"""The manifest's name for the search index step (`finish`), whose files it lists apart
(earlier versions wrote "partial", the type name of their callback: `journal` reads that
as this, so an upgrade neither re-indexes nor re-verifies every file)."""


@dataclass(frozen=True)
class WriteResult:
    """What the site is made of, and how much of it this build had to write."""

    output: Path
    files: int
    pages: int
    bytes: int
    changed: int = 0
    """Files written (new or different bytes)."""
    removed: int = 0
    """Files of the previous build that are no longer part of the site."""
    foreign: tuple[str, ...] = ()
    """Files in the output folder digest did not write, newly found (left alone)."""


def write_site(files: Sequence[OutputFile], output: Path, *,
               search: str | None = None) -> WriteResult:
    """Make `output` hold exactly `files` (plus the search index when `search` names
    the site's language, plus any file digest did not write, which is left alone).

    The search index is made once the pages are in place; with an in-place update
    only when a page changed. Raises ConfigError if two files claim one path, a
    path leaves the folder, or the folder holds files but no manifest, before
    writing.
    """
    output = output.resolve()
    planned = _plan(files, output)
    finish = partial(index_site, language=search) if search is not None else None
    finisher = SEARCH_STEP if search is not None else ""
    previous = read_manifest(output)
    remove_debris(output, inside=previous is None or previous.dirty)
    if not output.is_dir() or not any(output.iterdir()):
        changed, removed, foreign = _write_first(planned, output, finish, finisher), 0, ()
    else:
        _check_owned(output)
        changed, removed, foreign = _update(planned, output, previous, finish, finisher)
    pages = sum(1 for f in files if f.path.endswith(".html"))
    total = sum(item.size for item in planned.values())
    return WriteResult(output=output, files=len(files), pages=pages, bytes=total,
                       changed=changed, removed=removed, foreign=foreign)


def update_files(files: Sequence[OutputFile], output: Path) -> WriteResult:
    """Update these files of a site `write_site` wrote into `output`, leaving the others,
    and record them in its manifest (the result counts these files only).

    For pages that must show an edit before the rest of the site is built again
    (`digest serve`); the next `write_site` makes the folder whole. Raises
    ConfigError, before writing, when `output` holds no site or a path is unsafe.
    """
    output = output.resolve()
    previous = read_manifest(output)
    if previous is None:
        raise ConfigError(f"{output} holds no site written by digest",
                          hint="build the whole site first")
    planned = _plan(files, output)
    stale = _stale(planned, previous)
    if stale:
        entries = previous.files | {path: [item.hash, item.size] for path, item in planned.items()}
        _journaled(output, stale, (), _replace_manifest(previous, files=entries),
                   _replace_manifest(previous, files=entries, dirty=previous.dirty))
    return WriteResult(output=output, files=len(files),
                       pages=sum(1 for f in files if f.path.endswith(".html")),
                       bytes=sum(item.size for item in planned.values()), changed=len(stale))


def write_stylesheets(sheets: Mapping[str, Path], output: Path) -> WriteResult:
    """Swap the theme's stylesheets `sheets` (asset name → source file) into a site
    whose asset names carry no hash, without a build (`update_files`)."""
    return update_files([OutputFile(f"assets/{name}", copy_of=source)
                         for name, source in sorted(sheets.items())], output)


def is_staging_path(path: Path, output: Path) -> bool:
    """Whether `path` is one of the folders (or inside one) that writing stages beside
    `output`: `.<output>.staging-<pid>`, `.partial-<pid>`, `.pagefind-new-<pid>` …"""
    parent = output.parent
    if not path.is_relative_to(parent) or path == parent:
        return False
    return path.relative_to(parent).parts[0].startswith(f".{output.name}.")


@dataclass(frozen=True)
class _Planned:
    file: OutputFile
    target: Path
    hash: str
    size: int


def _plan(files: Sequence[OutputFile], root: Path) -> dict[str, _Planned]:
    """Check every path and hash every file; nothing is written yet."""
    planned: dict[str, _Planned] = {}
    for item in sorted(files, key=lambda f: f.path):
        if item.path in planned:
            raise ConfigError(f"two outputs claim the path {item.path}",
                              hint="give one of the articles or stories another slug")
        # Checked by its spelling: a symbolic link inside the folder is checked before
        # anything is written through it (`_check_targets`).
        if posixpath.normpath(item.path) != item.path or item.path.startswith(("/", "../")) \
                or item.path in (".", "..", MARKER):
            raise ConfigError(f"output path {item.path!r} leaves the output folder")
        target = root / item.path
        if item.data is not None:
            hashed, size = item.data_hash or bytes_hash(item.data), len(item.data)
        else:
            stat = item.copy_of.stat()
            hashed = item.data_hash or \
                bytes_hash(f"{item.copy_of}|{stat.st_size}|{stat.st_mtime_ns}".encode())
            size = stat.st_size
        planned[item.path] = _Planned(item, target, hashed, size)
    return planned


def _check_owned(output: Path) -> None:
    if not (output / MARKER).exists():
        raise ConfigError(f"output folder {output} exists and was not written by digest",
                          hint="empty it, remove it, or choose another --output")


def _write_first(planned: dict[str, _Planned], output: Path,
                 finish: Callable[[Path], None] | None, finisher: str) -> int:
    """Write everything into a staging folder and rename it to `output` (which is
    missing or empty, so one rename: never a moment without it); the number of files."""
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = beside(output, STAGING)
    remove_path(staging)
    scratch = scratch_folder(output)
    try:
        for item in planned.values():
            _put(item.file, staging / item.file.path)
        finished: set[str] = set()
        if finish is not None:
            finish(staging)
            finished = list_files(staging) - set(planned)
        manifest = Manifest(files=_entries(planned), finisher=finisher,
                            finished=tuple(sorted(finished)), dirty=False)
        write_manifest(staging, manifest, scratch)
        os.replace(staging, output)
    finally:
        remove_path(staging)
        remove_path(scratch)
    return len(planned)


def _update(planned: dict[str, _Planned], output: Path, previous: Manifest | None,
            finish: Callable[[Path], None] | None, finisher: str
            ) -> tuple[int, int, tuple[str, ...]]:
    """Write the files that differ from the previous build and remove those of its files
    that left; (written, removed, files newly found that digest did not write)."""
    verify = previous is None or previous.dirty
    previous = previous or Manifest()
    stale = _stale(planned, previous)
    same_finisher = previous.finisher == finisher
    kept_finished = set(previous.finished) if same_finisher else set()
    gone = sorted(previous.owned() - set(planned) - kept_finished)
    if not (stale or gone or verify or not same_finisher):
        return 0, 0, ()
    journal = _replace_manifest(previous, files=previous.files | _entries(planned), dirty=True)

    def after_writing() -> Manifest:
        finished = kept_finished
        if finish is not None and (stale or gone or verify or not same_finisher):
            finished = _run_finish(finish, output, planned, previous)
        foreign = set(previous.foreign)
        if verify or not same_finisher:  # the builds that used to rewrite the whole folder
            foreign = list_files(output) - set(planned) - finished - {MARKER}
        fresh.extend(sorted(foreign - set(previous.foreign)))
        return Manifest(files=_entries(planned), finisher=finisher,
                        finished=tuple(sorted(finished)), foreign=tuple(sorted(foreign)),
                        dirty=False)

    fresh: list[str] = []
    removed = _journaled(output, stale, gone, journal, after_writing)
    return len(stale), removed, tuple(fresh)


def _journaled(output: Path, stale: Sequence[_Planned], gone: Sequence[str],
               journal: Manifest, done: Manifest | Callable[[], Manifest]) -> int:
    """Mark the manifest dirty, write `stale`, remove `gone`, then write the clean
    manifest (`done`, or what `done()` returns); how many files were removed."""
    _check_targets(stale, output)
    removed = 0
    scratch = scratch_folder(output)
    try:
        write_manifest(output, journal, scratch)
        for number, item in enumerate(stale):
            _replace(item, scratch / f"{number}.tmp")
        for path in gone:
            removed += remove_owned(output, path)
        write_manifest(output, done() if callable(done) else done, scratch)
    finally:
        remove_path(scratch)
    return removed


def _stale(planned: dict[str, _Planned], previous: Manifest) -> list[_Planned]:
    """The planned files the disk does not hold as planned: by the manifest's hash and
    the size on disk, or, after an interrupted write, by their bytes."""
    if previous.dirty:
        return [item for item in planned.values() if not _same_on_disk(item)]
    return [item for path, item in planned.items()
            if previous.files.get(path) != [item.hash, item.size]
            or _size_on_disk(item.target) != item.size]


def _same_on_disk(item: _Planned) -> bool:
    try:
        if item.target.is_symlink() or item.target.stat().st_size != item.size:
            return False
        if item.file.data is not None:
            return item.target.read_bytes() == item.file.data
        return filecmp.cmp(item.file.copy_of, item.target, shallow=False)
    except OSError:
        return False


def _run_finish(finish: Callable[[Path], None], output: Path, planned: dict[str, _Planned],
                previous: Manifest) -> set[str]:
    """Run `finish` on the output; the files it wrote (new ones, or its own from before).
    Its files of the previous build that it did not write again are removed."""
    before = list_files(output)
    finish(output)
    after = list_files(output) - set(planned) - {MARKER}
    mine = set(previous.finished)
    finished = {path for path in after if path not in before or path in mine}
    for path in sorted(mine - finished - set(planned)):
        remove_owned(output, path)
    return finished


def _check_targets(items: Sequence[_Planned], output: Path) -> None:
    """Refuse, before writing any, to write a file through a link that leaves `output`."""
    for item in items:
        if not item.target.parent.resolve().is_relative_to(output):
            raise ConfigError(f"output path {item.file.path!r} leads out of the output folder "
                              f"through a symbolic link", hint="remove the link")


def _replace(item: _Planned, partial: Path) -> None:
    """Write one file under a temporary name outside the output, then rename it over the
    old one."""
    _put(item.file, partial)
    item.target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(partial, item.target)


def _put(item: OutputFile, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if item.data is not None:
        target.write_bytes(item.data)
    elif item.copy_of is not None:
        shutil.copyfile(item.copy_of, target)


def _size_on_disk(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


def _entries(planned: dict[str, _Planned]) -> dict[str, list]:
    return {path: [item.hash, item.size] for path, item in planned.items()}


def _replace_manifest(manifest: Manifest, **changes) -> Manifest:
    fields = {"files": manifest.files, "finisher": manifest.finisher,
              "finished": manifest.finished, "foreign": manifest.foreign, "dirty": True}
    return Manifest(**(fields | changes))
