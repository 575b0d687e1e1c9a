"""The cache of a long-running session (`digest serve`): results as live objects, in memory.

Each build finds what the last finished build used or stored, and what a build
uses or stores is what the next one finds: entries no build used are let go, so
memory never outgrows the site. Its first build may also read and write a
`digest.cache.BuildCache` on disk, so that the session starts warm and the next
one does too; once `save`d, the session keeps its results in memory only (each
held once, none pickled again). When builds start, fail or run in between is the
session's business (`digest.session.BuildSession`), which calls `start_build`,
`abandon_build`, `join_build` and `finish_build` accordingly.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from digest.cache import BuildCache, References


class LiveCache:
    """Live results of the builds of one session, by (namespace, key)."""

    keeps = True
    trusts_stamps = True
    """The session is long-running: its watcher names every changed file."""

    def __init__(self, disk: BuildCache | None = None) -> None:
        self._disk = disk
        self.folder: Path | None = disk.folder if disk is not None else None
        """The folder of the disk cache the session started from, if any."""
        self._last: dict[tuple[str, str], Any] = {}
        """What the last finished build used or stored."""
        self._used: dict[tuple[str, str], Any] = {}
        """What the current build used or stored."""
        self.hits = 0
        self.misses = 0

    def start_build(self) -> None:
        """Begin a build: what the last build used becomes what this one may reuse."""
        self._last, self._used = self._used, {}
        self.hits = self.misses = 0

    def join_build(self) -> None:
        """Begin a partial build between two builds (pages written ahead of a build): it
        finds what the last build used, and the next build finds what it used too."""
        self._last = {**self._last, **self._used}

    def abandon_build(self) -> None:
        """Forget what the current build used and stored (it failed): the next build
        finds what the last finished build had."""
        self._used = dict(self._last)

    def refer_to(self, references: References) -> None:
        """How entries written to disk name the objects they hold by reference."""
        if self._disk is not None:
            self._disk.refer_to(references)

    def get(self, namespace: str, key: str) -> Any | None:
        """The entry under `key` (from memory, else from disk), or None."""
        name = (namespace, key)
        value = self._used.get(name)
        if value is None:
            value = self._last.get(name)
        if value is None and self._disk is not None:
            value = self._disk.get(namespace, key)
        if value is None:
            self.misses += 1
            return None
        self._used[name] = value
        self.hits += 1
        return value

    def put(self, namespace: str, key: str, value: Any, *, by_reference: bool = True) -> None:
        """Store `value` (on disk too while there is one, `BuildCache.put`)."""
        self._used[namespace, key] = value
        if self._disk is not None:
            self._disk.put(namespace, key, value, by_reference=by_reference)

    def keep(self, namespace: str, key: str) -> None:
        """Keep the entry under `key`, if any, for the next build."""
        value = self._last.get((namespace, key))
        if value is not None:
            self._used.setdefault((namespace, key), value)
        if self._disk is not None:
            self._disk.keep(namespace, key)

    def carry(self, namespace: str) -> None:
        """Keep every entry of `namespace` the last build had for the next build: for a
        build that skips the stage which reads them."""
        for name, value in self._last.items():
            if name[0] == namespace:
                self._used.setdefault(name, value)
        if self._disk is not None:
            self._disk.carry(namespace)

    def finish_build(self) -> None:
        """End a build that succeeded: the first one is saved to disk (`save`), later
        ones are kept in memory only."""
        self.save()

    def save(self) -> None:
        """Write what this build used to the disk cache, if any, and from then on keep
        results in memory only."""
        if self._disk is not None:
            self._disk.save()
            self._disk = None
