"""One build of a site at a time: a lock file in the site's cache folder.

Two builds of one site at once would write the same output and cache files under
each other (a `cache.save` of one removed the other's shards mid-write). The second
build waits for the first, saying so once; `digest serve` holds the lock only while
it builds. The lock is the kernel's (flock), so a build killed with -9 releases it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from digest.cachedir import claim_cache_folder

try:
    import fcntl
except ImportError:  # not POSIX: builds are not serialised
    fcntl = None  # type: ignore[assignment]

LOCK_FILE = "lock"


@contextmanager
def site_lock(cache_folder: Path, waiting: Callable[[str], None]) -> Iterator[None]:
    """Hold the site's build lock for the block; if another process holds it, call
    `waiting(message)` once and wait for it. Raises ConfigError for a cache folder that
    is not digest's (see `claim_cache_folder`)."""
    claim_cache_folder(cache_folder)
    descriptor = os.open(cache_folder / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if fcntl is not None:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = os.pread(descriptor, 32, 0).decode("ascii", "replace").strip()
                who = f" (process {holder})" if holder.isdigit() else ""
                waiting(f"waiting for another build of this site{who} to finish…")
                fcntl.flock(descriptor, fcntl.LOCK_EX)
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(descriptor)
