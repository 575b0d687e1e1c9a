"""The image cache: one folder per cache key under `<cache>/images/`.

An entry is `<key[:2]>/<key>/` holding the encoded files and `manifest.json`,
which records each file's size and SHA-256. Files are written atomically
(temp file + `os.replace`) and the manifest last, so an entry without a
manifest is unfinished. `load_entry` re-checks every file against the
manifest; a missing, truncated or altered file makes the entry invalid and
it is rebuilt, never trusted.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path

from digest.files import write_atomic
from digest.images.plan import CODE_VERSION

MANIFEST = "manifest.json"


@dataclass(frozen=True)
class EntryFile:
    """One encoded file of a cache entry."""

    name: str
    """File name inside the entry folder, e.g. "960.webp" or "social.jpg"."""
    format: str
    label: str
    """The width as text ("960"), or "social"."""
    width: int
    height: int
    size: int
    sha256: str


@dataclass(frozen=True)
class Entry:
    """A processed cover: where its files are and what templates need to know."""

    key: str
    folder: str
    width: int
    """Size of the largest variant."""
    height: int
    color: str
    files: tuple[EntryFile, ...]

    def path(self, item: EntryFile) -> Path:
        return Path(self.folder) / item.name


def entry_folder(root: Path, key: str) -> Path:
    return root / key[:2] / key


def start_entry(root: Path, key: str) -> Path:
    """Prepare an entry folder for writing; an old manifest is removed first, so an
    interrupted rewrite leaves an entry that is not trusted."""
    folder = entry_folder(root, key)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MANIFEST).unlink(missing_ok=True)
    return folder


def store_file(folder: Path, name: str, fmt: str, label: str, size: tuple[int, int],
               data: bytes) -> EntryFile:
    write_atomic(folder / name, data)
    return EntryFile(name=name, format=fmt, label=label, width=size[0], height=size[1],
                     size=len(data), sha256=hashlib.sha256(data).hexdigest())


def commit_entry(folder: Path, key: str, size: tuple[int, int], color: str,
                 files: list[EntryFile]) -> Entry:
    """Write the manifest (last): from now on the entry is complete."""
    entry = Entry(key=key, folder=str(folder), width=size[0], height=size[1], color=color,
                  files=tuple(files))
    record = {"version": CODE_VERSION, **asdict(entry)}
    del record["folder"]
    write_atomic(folder / MANIFEST, json.dumps(record, indent=1, sort_keys=True).encode())
    return entry


def load_entry(root: Path, key: str) -> Entry | None:
    """The complete, intact entry for `key`, else None (and an invalid entry is removed)."""
    folder = entry_folder(root, key)
    try:
        record = json.loads((folder / MANIFEST).read_bytes())
        entry = Entry(key=record["key"], folder=str(folder), width=int(record["width"]),
                      height=int(record["height"]), color=str(record["color"]),
                      files=tuple(EntryFile(**item) for item in record["files"]))
        valid = record["version"] == CODE_VERSION and entry.key == key and entry.files \
            and all(_intact(folder / item.name, item) for item in entry.files)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        valid = False
    if not valid:
        shutil.rmtree(folder, ignore_errors=True)
        return None
    return entry


def _intact(path: Path, item: EntryFile) -> bool:
    if "/" in item.name or item.name.startswith(".") or not path.is_file():
        return False
    if path.stat().st_size != item.size:
        return False
    return hashlib.sha256(path.read_bytes()).hexdigest() == item.sha256
