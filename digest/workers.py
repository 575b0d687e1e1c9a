"""Worker processes for CPU-bound stages (compose, images): the machine's cores,
used only when there is enough work to pay for starting them."""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

_PR_SET_PDEATHSIG = 1
"""prctl option: the signal this process gets when its parent dies (Linux)."""
In = TypeVar("In")
Out = TypeVar("Out")


def worker_count(limit: int | None = None) -> int:
    """How many worker processes to use: the CPUs this process may run on."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, limit or cpus))


def pool_context() -> multiprocessing.context.BaseContext:
    """fork (fast, no re-import of __main__) when this process has no other threads;
    else forkserver, as forking a threaded process (e.g. the dev server) is unsafe."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of `workers` processes that exit when this process dies (kill -9 included),
    instead of waiting forever for work that will never come."""
    return ProcessPoolExecutor(max_workers=workers, mp_context=pool_context(),
                               initializer=die_with_parent)


def die_with_parent() -> None:
    """In a child process: exit when the parent does. Linux delivers SIGKILL at the
    parent's death (prctl PR_SET_PDEATHSIG); elsewhere, and should that fail, a thread
    sees the process being handed to another parent."""
    parent = os.getppid()
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), name="digest-parent-watch",
                     daemon=True).start()


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(1)


def map_in_order(function: Callable[[In], Out], items: Sequence[In], *, parallel_from: int,
                 chunk: int = 8, on_result: Callable[[int], None] | None = None) -> list[Out]:
    """`[function(item) for item in items]`, spread over worker processes when there are
    at least `parallel_from` items and more than one CPU. `function` must be a module-level
    function (it is pickled). `on_result(count)` follows the progress. If a worker dies,
    the rest is done in this process, so the result never depends on how it was computed."""
    results: list[Out] = []
    workers = worker_count()
    if len(items) >= parallel_from and workers >= 2:
        try:
            with worker_pool(workers) as pool:
                for result in pool.map(function, items, chunksize=chunk):
                    results.append(result)
                    if on_result:
                        on_result(len(results))
        except (BrokenProcessPool, OSError):
            pass  # the rest is done here, below
    for item in items[len(results):]:
        results.append(function(item))
        if on_result:
            on_result(len(results))
    return results
