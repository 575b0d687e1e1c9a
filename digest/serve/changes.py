"""What counts as a change, and how a burst of changes becomes one rebuild.

`WatchPlan` says which folders `digest serve` watches for a config and which
paths inside them matter: editor swap files, hidden files, the output folder,
its staging folders and the build cache never do. `ChangeQueue` collects the
paths the watcher reports and hands them to the build loop in one batch once
nothing has changed for a quiet period, so an editor's atomic save (several
events) or a `git checkout` of a thousand files is one rebuild.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from digest.config import CONFIG_FILE, Config
from digest.errors import DigestError
from digest.render.theme import find_theme
from digest.write import is_staging_path

QUIET_SECONDS = 0.1
"""How long the files must stay unchanged before a rebuild starts."""
SAVE_QUIET_SECONDS = 0.03
"""The same while at most `SAVE_PATHS` paths changed: an editor's save, whose events all
come within a few milliseconds. A burst (a `git checkout`) soon holds more, and waits
for the full quiet period."""
SAVE_PATHS = 2
STYLESHEET_QUIET_SECONDS = 0.02
"""The same when only stylesheets changed: swapping one in costs no build, so a second
swap for a late event of the same save is cheaper than waiting longer for it."""

SWAP_SUFFIXES = (".swp", ".swo", ".swx", "~", ".tmp", ".part", ".crdownload", ".bak",
                 "___jb_tmp___", "___jb_old___")
SWAP_NAMES = frozenset({"4913", ".DS_Store", "Thumbs.db"})
"""Vim probes a folder by writing the file "4913"; the others are OS litter."""


def is_editor_litter(name: str) -> bool:
    """True for swap, backup and lock files editors write beside the real file."""
    return (name in SWAP_NAMES or name.endswith(SWAP_SUFFIXES) or name.startswith(".#")
            or (name.startswith("#") and name.endswith("#")))


@dataclass(frozen=True)
class WatchPlan:
    """The folders to watch for one config, and the rule for which paths matter."""

    site_dir: Path
    """Watched without recursion: digest.toml, and templates/ or static/ appearing."""
    folders: tuple[Path, ...]
    """Watched recursively: content, site templates and static, the theme."""
    ignored: tuple[Path, ...]
    """Never a change: the output and cache folders."""

    def wants(self, path: str | Path) -> bool:
        """Whether a change to `path` should trigger a rebuild."""
        path = Path(path)
        if is_editor_litter(path.name) or self._in_ignored(path):
            return False
        for folder in self.folders:
            if path == folder:
                return True
            if path.is_relative_to(folder):
                parts = path.relative_to(folder).parts
                return not any(part.startswith(".") for part in parts)
        return path.parent == self.site_dir and path.name == CONFIG_FILE

    def _in_ignored(self, path: Path) -> bool:
        for folder in self.ignored:
            if path.is_relative_to(folder):
                return True
            if is_staging_path(path, folder):
                return True
        return False


def plan_for(config: Config) -> WatchPlan:
    """The watch plan for `config`; a theme that cannot be found is simply not watched."""
    folders = [config.content_path, config.templates_path, config.site_dir / "static"]
    try:
        folders.append(find_theme(config).path)
    except DigestError:
        pass
    unique = tuple(dict.fromkeys(p.resolve() for p in folders))
    return WatchPlan(site_dir=config.site_dir.resolve(), folders=unique,
                     ignored=(config.output_path, config.cache_path))


class ChangeQueue:
    """Changed paths from the watcher thread, handed out in quiet batches.

    Thread-safe; `note` never blocks for long, `next_batch` blocks until there
    is a batch or the queue is closed (then it returns None).
    """

    def __init__(self, quiet: float = QUIET_SECONDS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self._quiet = quiet
        self._clock = clock
        self._cond = threading.Condition()
        self._paths: set[Path] = set()
        self._last = 0.0
        self._closed = False

    def note(self, path: str | Path) -> None:
        """Record that `path` changed just now."""
        with self._cond:
            self._paths.add(Path(path))
            self._last = self._clock()
            self._cond.notify_all()

    def next_batch(self) -> frozenset[Path] | None:
        """Wait for changes followed by a quiet period; return them all at once."""
        with self._cond:
            while not self._paths and not self._closed:
                self._cond.wait()
            while not self._closed:
                quiet = self._quiet
                if all(path.suffix == ".css" for path in self._paths):
                    quiet = min(quiet, STYLESHEET_QUIET_SECONDS)
                elif len(self._paths) <= SAVE_PATHS:
                    quiet = min(quiet, SAVE_QUIET_SECONDS)
                remaining = self._last + quiet - self._clock()
                if remaining <= 0:
                    break
                self._cond.wait(remaining)
            if self._closed:
                return None
            batch, self._paths = frozenset(self._paths), set()
            return batch

    def close(self) -> None:
        """Wake the build loop and make it stop."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()
