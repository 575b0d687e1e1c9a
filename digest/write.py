"""The `write` stage: put the rendered site on disk atomically.

The site is written into a staging folder beside the output, then swapped in
with two renames, so a failed build leaves the previous site intact. Nothing
outside the output folder is ever deleted.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from digest.errors import ConfigError
from digest.files import OutputFile

MARKER = ".digest-build"
"""Written into every output folder; an existing folder without it is never replaced."""


@dataclass(frozen=True)
class WriteResult:
    """What was written."""

    output: Path
    files: int
    pages: int
    bytes: int


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
    """Write `files` into a fresh folder and swap it in place of `output`.

    `finish(staging)` runs on the complete new site before the swap (e.g. the
    search indexer), so its failure leaves the previous site in place too.
    Raises ConfigError if two files claim one path or a path leaves the folder.
    """
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = output.parent / f".{output.name}.staging-{os.getpid()}"
    _remove(staging)
    try:
        written = _write_all(files, staging)
        (staging / MARKER).write_text("This folder is written by `digest build`.\n")
        if finish is not None:
            finish(staging)
        _swap(staging, output)
    finally:
        _remove(staging)
    pages = sum(1 for f in files if f.path.endswith(".html"))
    return WriteResult(output=output, files=len(files), pages=pages, bytes=written)


def _write_all(files: Sequence[OutputFile], root: Path) -> int:
    seen: set[str] = set()
    total = 0
    for item in sorted(files, key=lambda f: f.path):
        if item.path in seen:
            raise ConfigError(f"two outputs claim the path {item.path}",
                              hint="give one of the articles or stories another slug")
        seen.add(item.path)
        target = (root / item.path).resolve()
        if not target.is_relative_to(root.resolve()) or target == root.resolve():
            raise ConfigError(f"output path {item.path!r} leaves the output folder")
        target.parent.mkdir(parents=True, exist_ok=True)
        if item.data is not None:
            target.write_bytes(item.data)
            total += len(item.data)
        elif item.source is not None:
            shutil.copyfile(item.source, target)
            total += target.stat().st_size
    return total


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
