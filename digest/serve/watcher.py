"""The watcher: a watchdog observer that only notes "something changed".

It never builds and never decides when to build; it passes each path that a
`WatchPlan` wants to a callback (the build loop's `ChangeQueue.note`). The set
of watched folders follows the config: `watch(plan)` adds and removes watches.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import ObservedWatch

from digest.serve.changes import WatchPlan

CHANGE_EVENTS = frozenset({"created", "modified", "deleted", "moved"})
"""Opened and closed-without-writing events are the build reading files: never changes."""


class _Handler(FileSystemEventHandler):
    def __init__(self, watcher: Watcher) -> None:
        self._watcher = watcher

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type not in CHANGE_EVENTS:
            return
        # A folder's "modified" only says a file inside it changed; that file has its own event.
        if event.is_directory and event.event_type == "modified":
            return
        plan = self._watcher.plan
        for raw in (event.src_path, getattr(event, "dest_path", "")):
            path = raw.decode() if isinstance(raw, bytes) else raw
            if path and plan is not None and plan.wants(path):
                self._watcher.note(Path(path))


class Watcher:
    """Watches the folders of a `WatchPlan` and calls `note(path)` for each change it wants."""

    def __init__(self, note: Callable[[Path], None]) -> None:
        self.note = note
        self.plan: WatchPlan | None = None
        self._observer = Observer()
        self._handler = _Handler(self)
        self._watches: dict[tuple[Path, bool], ObservedWatch] = {}

    def watch(self, plan: WatchPlan) -> None:
        """Watch exactly the folders of `plan` (those that exist), dropping any others."""
        self.plan = plan
        wanted = {(folder, True) for folder in plan.folders if folder.is_dir()}
        wanted.add((plan.site_dir, False))
        for key in set(self._watches) - wanted:
            self._observer.unschedule(self._watches.pop(key))
        for folder, recursive in sorted(wanted - set(self._watches)):
            try:
                self._watches[(folder, recursive)] = self._observer.schedule(
                    self._handler, str(folder), recursive=recursive)
            except OSError:
                # The folder vanished between the check and the call; the next plan retries.
                pass

    def start(self) -> None:
        self._observer.start()

    def stop(self) -> None:
        """Stop the observer thread and wait for it."""
        self._observer.stop()
        if self._observer.is_alive():
            self._observer.join()
