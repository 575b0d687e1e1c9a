"""Crash consistency, shared by tests/test_crash.py and bench/crash.py: kill `digest build`
with SIGKILL at random moments and check what it leaves.

A round starts a build (a forked copy of this process running the CLI, or a real
`python -m digest build` process), kills it after a random delay or as soon as the
write stage shows on disk, and then asserts:

- the output folder is there (or, for the very first build, absent or complete);
- every file in it has the bytes of the previous build or of the new one: no torn
  file, no temporary file, nothing foreign;
- the next build, uninterrupted, gives exactly the tree of a clean `--no-cache` build.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

VERSION_A = 'title = "Crash Digest"\n'
VERSION_B = 'title = "Crash Digest, edited"\n'


def tree(root: Path) -> dict[str, str]:
    """Relative path → sha256 of every file under `root` ({} when it is absent)."""
    if not root.is_dir():
        return {}
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() or p.is_symlink()}


def set_version(site: Path, version: str) -> None:
    """Switch the site between its two versions (digest.toml texts): the title (every
    page changes), and an article only the second version has."""
    (site / "digest.toml").write_text(version, encoding="utf-8")
    extra = site / "content" / "zz-crash-extra.md"
    if version.startswith(VERSION_B):
        extra.write_text("---\ntitle: A late note on the crash test\ndate: 2025-11-12T08:00:00Z\n"
                         "outlet: Test Wire\n---\nA separate short note that only the second "
                         "version of the site has, so a page is added and removed.\n",
                         encoding="utf-8")
    elif extra.exists():
        extra.unlink()


@dataclass
class Figures:
    """What the rounds did, for the bench script's table."""

    rounds: int = 0
    killed_by_time: int = 0
    killed_in_write: int = 0
    finished_before_kill: int = 0
    output_absent: int = 0
    output_previous: int = 0
    output_new: int = 0
    output_mixed: int = 0
    undone: int = 0
    """Rounds whose next build went back to the previous version (the edit undone)."""
    delays: list[float] = field(default_factory=list)


def build_with_kill(command: list[str] | None, run_in_child, site: Path, output: Path,
                    delay: float | None, jitter: float = 0.0) -> str:
    """Start a build and SIGKILL it after `delay` seconds, or (None) `jitter` seconds after
    its write stage shows (a staging or scratch folder beside the output, or a dirty
    manifest). Returns "time", "write" or "finished"."""
    if command is not None:
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        pid = child.pid
    else:
        pid = os.fork()
        if pid == 0:  # the child: build, then leave without running pytest's cleanup
            code = 1
            try:
                code = run_in_child()
            finally:
                os._exit(code)
    started = time.monotonic()
    how = "time"
    while True:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            return "finished"
        if delay is not None and time.monotonic() - started >= delay:
            break
        if delay is None and _writing(output):
            how = "write"
            time.sleep(jitter)
            break
        time.sleep(0.002 if delay is None else min(0.002, max(0.0, delay / 50)))
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    return how


def _writing(output: Path) -> bool:
    prefix = f".{output.name}."
    try:
        if any(p.name.startswith(prefix) for p in output.parent.iterdir()):
            return True
        return b'"dirty":true' in (output / ".digest-build").read_bytes()
    except OSError:
        return False


def check_after_kill(output: Path, previous: dict[str, str], new: dict[str, str],
                     figures: Figures) -> None:
    """The output folder after a kill: absent only if there was no previous build, else
    each file as the previous or the new build has it; nothing temporary inside."""
    now = tree(output)
    if not output.exists():
        assert not previous, "the output folder went missing"
        figures.output_absent += 1
        return
    for path, digest in now.items():
        if path == ".digest-build":
            continue
        assert digest in (previous.get(path), new.get(path)), \
            f"{path} is neither the previous nor the new build's (torn or temporary file)"
    bare = {k: v for k, v in now.items() if k != ".digest-build"}
    if bare == {k: v for k, v in previous.items() if k != ".digest-build"}:
        figures.output_previous += 1
    elif now == new:
        figures.output_new += 1
    else:
        assert previous, "a first build left a partial output folder"
        figures.output_mixed += 1


def check_healed(output: Path, expected: dict[str, str]) -> None:
    """After the next, uninterrupted build: exactly a clean build's tree, no debris."""
    now = tree(output)
    assert now.keys() == expected.keys(), (sorted(now.keys() - expected.keys()),
                                           sorted(expected.keys() - now.keys()))
    changed = [path for path in now if now[path] != expected[path]]
    assert not changed, f"not healed: {changed[:5]}"
    debris = [p.name for p in output.parent.iterdir() if p.name.startswith(f".{output.name}.")]
    assert not debris, debris


def run_rounds(site: Path, references: dict[str, dict[str, str]], rounds: int, seed: int,
               cold_share: float, build_once, command: list[str] | None, run_in_child,
               figures: Figures, durations: dict[str, float],
               versions: dict[str, str] | None = None) -> Figures:
    """`rounds` kill rounds (a `cold_share` of them cold: no cache, no output), each
    followed by the checks above. `build_once()` runs one uninterrupted build of the
    site as it is; `references` are the clean builds' trees by version (the two
    digest.toml texts, `versions[VERSION_A]` and `versions[VERSION_B]`)."""
    output, cache = site / "public", site / ".digest-cache"
    rng = random.Random(seed)
    versions = versions or {VERSION_A: VERSION_A, VERSION_B: VERSION_B}
    first, second = versions[VERSION_A], versions[VERSION_B]
    version = first
    for number in range(rounds):
        cold = rng.random() < cold_share
        target = second if version == first else first
        if cold:
            shutil.rmtree(output, ignore_errors=True)
            shutil.rmtree(cache, ignore_errors=True)
            previous = {}
        else:
            previous = tree(output)
        set_version(site, target)
        limit = durations["cold" if cold else "warm"]
        delay = None if number % 3 == 2 else rng.uniform(0, limit * 1.1)
        how = build_with_kill(command, run_in_child, site, output, delay,
                              jitter=rng.uniform(0, limit / 10))
        figures.rounds += 1
        if how == "finished":
            figures.finished_before_kill += 1
        elif how == "write":
            figures.killed_in_write += 1
        else:
            figures.killed_by_time += 1
            figures.delays.append(delay)
        check_after_kill(output, previous, references[target], figures)
        if previous and rng.random() < 0.5:
            # the editor undoes the edit: pages the killed build wrote must go back too
            target = version
            set_version(site, target)
            figures.undone += 1
        build_once()
        check_healed(output, references[target])
        version = target
    return figures


def python_command(site: Path) -> list[str]:
    """`python -m digest build` of `site`, as a user runs it."""
    return [sys.executable, "-m", "digest", "build", "--site", str(site), "-q"]
