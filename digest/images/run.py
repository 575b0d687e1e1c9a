"""Run image jobs: in this process for a few, in a process pool for many.

Workers receive only a `Job` (paths and parameters) and return the cache
entry's metadata; encoded bytes go straight to the cache folder, so memory
stays bounded by one decoded image per worker however many covers there are.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import as_completed
from concurrent.futures.process import BrokenProcessPool

from digest.images.cache import Entry
from digest.images.process import Job, run_job
from digest.workers import worker_count, worker_pool

PARALLEL_FROM = 4
"""Fewest uncached covers worth starting worker processes for."""


def run_jobs(jobs: Sequence[Job], workers: int | None = None) -> dict[str, Entry | str]:
    """Each job's entry, or the reason it failed, by cache key."""
    workers = workers or worker_count()
    if len(jobs) < PARALLEL_FROM or workers < 2:
        return {job.key: run_job(job) for job in jobs}
    return _run_pool(jobs, min(workers, len(jobs)))


def _run_pool(jobs: Sequence[Job], workers: int) -> dict[str, Entry | str]:
    """A worker that dies (e.g. killed for memory, or a decoder crash) breaks the pool:
    the unfinished jobs fail with a warning and are retried by the next build."""
    results: dict[str, Entry | str] = {}
    try:
        with worker_pool(workers) as pool:
            futures = {pool.submit(run_job, job): job.key for job in jobs}
            for future in as_completed(futures):
                try:
                    results[futures[future]] = future.result()
                except BrokenProcessPool:
                    results[futures[future]] = "could not be processed (an image worker died)"
    except (BrokenProcessPool, OSError, RuntimeError) as exc:
        for job in jobs:
            results.setdefault(job.key, f"could not be processed ({exc.__class__.__name__})")
    return results
