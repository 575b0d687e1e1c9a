"""A file of the built site, as the images and render stages produce it, and the one
atomic way to write a file (`write_atomic`)."""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class OutputFile:
    """One file to write: its path inside the output folder, and its bytes or the file
    to copy."""

    path: str
    """POSIX path relative to the output folder, e.g. "stories/x/index.html"."""
    data: bytes | None = None
    copy_of: Path | None = None
    """A file to copy when `data` is None."""
    data_hash: str | None = None
    """`digest.hashing.bytes_hash(data)` when already known (a page from the build cache),
    or a hash of the copied file's bytes (a cover from the image cache), which the
    manifest records."""


def write_atomic(target: Path, data: bytes, *, scratch: Path | None = None,
                 sync: bool = False) -> None:
    """Replace `target` by `data` in one rename, so that no reader ever sees part of it.

    The bytes go first to a temporary file, `.<name>.<pid>.<thread>.tmp` in `scratch`
    (a folder on the same file system, e.g. outside a deployed folder) or else beside
    `target`; it is removed if anything fails. With `sync` they reach the disk before
    the rename (a file that must survive a crash). The one way digest writes a file in
    place: the build cache, compiled templates, the image cache, imported articles and
    the output's manifest.
    """
    folder = scratch if scratch is not None else target.parent
    folder.mkdir(parents=True, exist_ok=True)
    temp = folder / f".{target.name}.{os.getpid()}.{threading.get_ident()}.tmp"
    try:
        with open(temp, "wb") as out:
            out.write(data)
            if sync:
                out.flush()
                os.fsync(out.fileno())
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
