"""The output folder's manifest and journal: what digest wrote there, and whether a
write was under way when the last build stopped.

`MARKER` (`.digest-build`) in the output folder lists every file digest wrote
with its hash and size. Before the first byte of an in-place update the
manifest is rewritten as *dirty* (listing every file the update may touch); the
clean manifest is written last. So a build that was killed halfway leaves a
dirty manifest, and the next build compares every file by its bytes instead of
trusting hash and size: an interrupted build is always healed by the next one.

Temporary files never go inside the output folder (which is what gets
deployed): they are written into a sibling folder `.<output>.partial-<pid>` and
renamed into place. Folders of that shape left by a killed build are debris the
next build removes (`remove_debris`), once the process that made them is gone.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from digest.files import write_atomic

MARKER = ".digest-build"
"""The manifest written into every output folder; a folder without it is never replaced."""
FORMAT = 2
STAGING, PARTIAL, SEARCH_NEW, SEARCH_OLD = "staging", "partial", "pagefind-new", "pagefind-old"
"""What a folder `beside` the output holds: the next output being staged, temporary
files, the search index being made and the one it replaces."""
_DEBRIS_BESIDE = (STAGING, "old", PARTIAL, SEARCH_NEW, SEARCH_OLD)
_DEBRIS_INSIDE = re.compile(r"^\..+\.\d+\.tmp$")
"""Temporary files older digest versions wrote inside the output folder."""


@dataclass(frozen=True)
class Manifest:
    """What the previous build left in the output folder."""

    files: dict[str, list] = field(default_factory=dict)
    """Path → [hash, size] of each file digest wrote (the site's pages and files)."""
    finisher: str = ""
    """Name of the step that ran on the finished pages (the search indexer), or ""."""
    finished: tuple[str, ...] = ()
    """Files that step wrote."""
    foreign: tuple[str, ...] = ()
    """Files in the folder digest did not write, already reported once."""
    dirty: bool = True
    """A write was under way (or the manifest is from older code): trust no file by
    its recorded hash, compare bytes."""

    def owned(self) -> set[str]:
        """Every path digest wrote, which a later build may replace or remove."""
        return set(self.files) | set(self.finished)


def read_manifest(output: Path) -> Manifest | None:
    """The manifest in `output`, or None when there is none or it is damaged."""
    try:
        data = json.loads((output / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("files"), dict) \
            or data.get("format") not in (1, FORMAT):
        return None
    files = {path: entry for path, entry in data["files"].items()
             if isinstance(path, str) and isinstance(entry, list)}
    finisher = str(data.get("finish", ""))
    return Manifest(files=files, finisher=_FINISHERS_RENAMED.get(finisher, finisher),
                    finished=tuple(_strings(data.get("finished"))),
                    foreign=tuple(_strings(data.get("foreign"))),
                    dirty=data.get("format") != FORMAT or bool(data.get("dirty", True)))


_FINISHERS_RENAMED = {"partial": "search"}
"""Step names earlier versions recorded → today's (the search step was recorded by the
type name of its callback)."""


def _strings(value: object) -> list[str]:
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def write_manifest(output: Path, manifest: Manifest, scratch: Path) -> None:
    """Replace the manifest in `output` atomically (written first into `scratch`)."""
    data = {"format": FORMAT, "about": "written by `digest build`; lists what it wrote",
            "dirty": manifest.dirty, "finish": manifest.finisher, "files": manifest.files,
            "finished": sorted(manifest.finished), "foreign": sorted(manifest.foreign)}
    # no indent: json's C encoder, ten times faster on a site of 10,000 files
    text = json.dumps(data, sort_keys=True, separators=(",", ":")) + "\n"
    write_atomic(output / MARKER, text.encode("utf-8"), scratch=scratch, sync=True)


def beside(output: Path, kind: str) -> Path:
    """This process's folder of `kind` (`STAGING`, `PARTIAL`, …) beside `output`:
    `.<output>.<kind>-<pid>`, the one shape `remove_debris` knows and serve ignores."""
    return output.parent / f".{output.name}.{kind}-{os.getpid()}"


def scratch_folder(output: Path) -> Path:
    """This process's folder for temporary files, created: beside `output` (same file
    system), or, when that folder may not be written (an output folder of its own under
    /var/www), a hidden folder inside it that no other build leaves behind."""
    folder = beside(output, PARTIAL)
    try:
        folder.mkdir(exist_ok=True)
        return folder
    except PermissionError:
        inside = output / f"{_INSIDE_SCRATCH}{os.getpid()}"
        inside.mkdir(exist_ok=True)
        return inside


_INSIDE_SCRATCH = ".digest-partial-"


def remove_debris(output: Path, inside: bool) -> list[Path]:
    """Remove what killed builds left: `.<output>.staging-<pid>`, `.old-<pid>`,
    `.partial-<pid>` beside `output` whose process is gone, and (with `inside`) the
    `.<name>.<pid>.tmp` files older versions left inside it. Returns what was removed."""
    removed: list[Path] = []
    name = re.escape(output.name)
    pattern = re.compile(rf"^\.(?:\.{name}\.staging-\d+|{name})\.(?:{'|'.join(_DEBRIS_BESIDE)})"
                         r"-(\d+)$")
    if output.parent.is_dir():
        for path in output.parent.iterdir():
            match = pattern.match(path.name)
            if match and not _alive(int(match.group(1))):
                remove_path(path)
                removed.append(path)
    if inside and output.is_dir():
        for folder, dirs, names in os.walk(output):
            dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(folder, d))]
            for name in names:
                if _DEBRIS_INSIDE.match(name):
                    os.unlink(os.path.join(folder, name))
                    removed.append(Path(folder, name))
        for name in (".pagefind.new", ".pagefind.old"):
            if (output / name).is_dir():
                remove_path(output / name)
                removed.append(output / name)
    if output.is_dir():
        for path in output.glob(f"{_INSIDE_SCRATCH}*"):
            pid = path.name[len(_INSIDE_SCRATCH):]
            if pid.isdigit() and not _alive(int(pid)):
                remove_path(path)
                removed.append(path)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # ours, from an earlier build in this process that failed
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def list_files(folder: Path) -> set[str]:
    """Every file under `folder`, as POSIX paths relative to it (links are not followed)."""
    found: set[str] = set()
    for root, dirs, names in os.walk(folder):
        rel = Path(root).relative_to(folder)
        for name in names:
            found.add((rel / name).as_posix())
        for name in dirs:
            if os.path.islink(os.path.join(root, name)):
                found.add((rel / name).as_posix())
    return found


def remove_path(path: Path) -> None:
    """Remove a file, link or folder tree, if it is there."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    elif path.exists() or path.is_symlink():
        path.unlink()


def remove_owned(output: Path, path: str) -> int:
    """Remove a file digest wrote (never a folder, never through a link out of `output`)."""
    target = output / path
    if not target.parent.resolve().is_relative_to(output) or target.is_dir() \
            and not target.is_symlink():
        return 0
    try:
        target.unlink()
    except FileNotFoundError:
        return 0
    prune_empty_parents(target.parent, output)
    return 1


def prune_empty_parents(folder: Path, root: Path) -> None:
    """Remove `folder` and its parents up to `root` while they are empty."""
    while folder != root and folder.is_relative_to(root):
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
