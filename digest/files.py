"""A file of the built site, as the images and render stages produce it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class OutputFile:
    """One file to write: its path inside the output folder and its bytes or source file."""

    path: str
    """POSIX path relative to the output folder, e.g. "stories/x/index.html"."""
    data: bytes | None = None
    source: Path | None = None
    """A file to copy when `data` is None."""
    data_hash: str | None = None
    """`digest.hashing.bytes_hash(data)` when already known (a page from the build cache), or a hash
    of the source file's bytes (a cover from the image cache), which the manifest records."""

