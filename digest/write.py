"""The `write` stage: put the rendered site on disk, safely and without needless work.

The first build (or one into a folder from an older digest) writes the site into
a staging folder beside the output and swaps it in with two renames. Later
builds update the folder in place: only files whose bytes changed are written
(each to a temporary name, then renamed over the old one), and files the
previous build wrote that are no longer part of the site are removed. A
manifest of what was written (`MARKER`) makes both possible; nothing outside
it or outside the output folder is ever deleted. Every failure that depends
on the content (bad articles, templates, clashing paths) happens before the
first byte is written, so a failed build leaves the previous site as it was.
"""

from __future__ import annotations

import json
import os
import posixpath
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from digest.errors import ConfigError
from digest.files import OutputFile, content_hash

MARKER = ".digest-build"
"""The manifest written into every output folder; a folder without it is never replaced."""
_MANIFEST_FORMAT = 1


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


def check_output_folder(output: Path, protected: Sequence[Path]) -> None:
    """Refuse an output folder whose replacement would destroy something else.

    `protected` are folders that must survive: the site, content and templates
    folders. Raises ConfigError with the reason.
    """
    output = output.resolve()
    forbidden = {Path("/").resolve(), Path.home().resolve()}
    if output in forbidden:
        raise ConfigError(f"refusing to write the site to {output}", hint="choose --output DIR")
    for folder in protected:
        folder = folder.resolve()
        if output == folder or folder.is_relative_to(output):
            raise ConfigError(f"output folder {output} would replace {folder}",
                              hint="choose an output folder outside the site's sources")
    if (output / ".git").exists():
        raise ConfigError(f"output folder {output} is a git repository",
                          hint="choose another --output")
    if output.is_dir() and any(output.iterdir()) and not (output / MARKER).exists():
        raise ConfigError(f"output folder {output} exists and was not written by digest",
                          hint="empty it, remove it, or choose another --output")


def write_site(files: Sequence[OutputFile], output: Path,
               finish: Callable[[Path], None] | None = None) -> WriteResult:
    """Make `output` hold exactly `files` (plus what `finish` adds).

    `finish(folder)` runs once the pages are in place (e.g. the search indexer);
    with an in-place update it runs only when a page changed. Raises ConfigError
    if two files claim one path or a path leaves the folder, before writing.
    """
    output = output.resolve()
    planned = _plan(files, output)
    previous = _read_manifest(output)
    finisher = getattr(finish, "__name__", type(finish).__name__) if finish else ""
    if previous is None or previous.get("finish") != finisher:
        changed, removed = _write_fresh(planned, output, finish, finisher), 0
    else:
        changed, removed = _update(planned, output, previous["files"])
        if changed or removed:
            if finish is not None:
                finish(output)
            _write_manifest(output, planned, finisher)
    pages = sum(1 for f in files if f.path.endswith(".html"))
    total = sum(item.size for item in planned.values())
    return WriteResult(output=output, files=len(files), pages=pages, bytes=total,
                       changed=changed, removed=removed)


def write_files(files: Sequence[OutputFile], output: Path) -> WriteResult:
    """Update these files of a site `write_site` wrote into `output`, leaving the others,
    and record them in its manifest (the result counts these files only).

    For pages that must show an edit before the rest of the site is built again
    (`digest serve`); the next `write_site` makes the folder whole. Raises
    ConfigError, before writing, when `output` holds no site or a path is unsafe.
    """
    output = output.resolve()
    previous = _read_manifest(output)
    if previous is None:
        raise ConfigError(f"{output} holds no site written by digest",
                          hint="build the whole site first")
    planned = _plan(files, output)
    stale = _write_stale(planned, output, previous["files"])
    if stale:
        entries = previous["files"] | {path: [item.hash, item.size] for path, item in planned.items()}
        _write_manifest_entries(output, entries, previous["finish"])
    return WriteResult(output=output, files=len(files),
                       pages=sum(1 for f in files if f.path.endswith(".html")),
                       bytes=sum(item.size for item in planned.values()), changed=stale)


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
            digest, size = item.data_hash or content_hash(item.data), len(item.data)
        else:
            stat = item.source.stat()
            digest = content_hash(f"{item.source}|{stat.st_size}|{stat.st_mtime_ns}".encode())
            size = stat.st_size
        planned[item.path] = _Planned(item, target, digest, size)
    return planned


def _write_fresh(planned: dict[str, _Planned], output: Path,
                 finish: Callable[[Path], None] | None, finisher: str) -> int:
    """Write everything into a staging folder and swap it in; the number of files."""
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = output.parent / f".{output.name}.staging-{os.getpid()}"
    _remove(staging)
    try:
        for item in planned.values():
            _put(item.file, staging / item.file.path)
        _write_manifest(staging, planned, finisher)
        if finish is not None:
            finish(staging)
        _swap(staging, output)
    finally:
        _remove(staging)
    return len(planned)


def _update(planned: dict[str, _Planned], output: Path,
            previous: dict[str, list]) -> tuple[int, int]:
    """Write the files that differ from the previous build; remove those that left."""
    changed = _write_stale(planned, output, previous)
    gone = sorted(set(previous) - set(planned))
    for path in gone:
        target = (output / path).resolve()
        if target.is_relative_to(output) and target != output:
            _remove(target)
            _prune_empty_parents(target.parent, output)
    return changed, len(gone)


def _write_stale(planned: dict[str, _Planned], output: Path, previous: dict[str, list]) -> int:
    """Write the planned files the manifest or the disk does not hold as planned (after
    checking every target); how many."""
    stale = [item for path, item in planned.items()
             if previous.get(path) != [item.hash, item.size]
             or _size_on_disk(item.target) != item.size]
    _check_targets(stale, output)
    for item in stale:
        _replace(item)
    return len(stale)


def _check_targets(items: Sequence[_Planned], output: Path) -> None:
    """Refuse, before writing any, to write a file through a link that leaves `output`."""
    for item in items:
        if not item.target.parent.resolve().is_relative_to(output):
            raise ConfigError(f"output path {item.file.path!r} leads out of the output folder "
                              f"through a symbolic link", hint="remove the link")


def _replace(item: _Planned) -> None:
    """Write one file under a temporary name and rename it over the old one."""
    partial = item.target.with_name(f".{item.target.name}.{os.getpid()}.tmp")
    _put(item.file, partial)
    os.replace(partial, item.target)


def _put(item: OutputFile, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if item.data is not None:
        target.write_bytes(item.data)
    elif item.source is not None:
        shutil.copyfile(item.source, target)


def _size_on_disk(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


def _prune_empty_parents(folder: Path, root: Path) -> None:
    while folder != root and folder.is_relative_to(root):
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def _read_manifest(output: Path) -> dict | None:
    """The previous build's manifest, or None (no folder, an older marker, damage)."""
    try:
        manifest = json.loads((output / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(manifest, dict) or manifest.get("format") != _MANIFEST_FORMAT \
            or not isinstance(manifest.get("files"), dict):
        return None
    return manifest


def _write_manifest(folder: Path, planned: dict[str, _Planned], finisher: str) -> None:
    entries = {path: [item.hash, item.size] for path, item in planned.items()}
    _write_manifest_entries(folder, entries, finisher)


def _write_manifest_entries(folder: Path, entries: dict[str, list], finisher: str) -> None:
    manifest = {"format": _MANIFEST_FORMAT, "about": "written by `digest build`",
                "finish": finisher, "files": entries}
    partial = folder / f"{MARKER}.{os.getpid()}.tmp"
    # no indent: json's C encoder, ten times faster on a site of 10,000 files
    partial.write_text(json.dumps(manifest, sort_keys=True, separators=(",", ":")) + "\n",
                       encoding="utf-8")
    os.replace(partial, folder / MARKER)


def _swap(staging: Path, output: Path) -> None:
    old = output.parent / f".{output.name}.old-{os.getpid()}"
    _remove(old)
    if output.exists():
        os.replace(output, old)
    os.replace(staging, output)
    _remove(old)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()
