"""Crash consistency, the long run: kill real `python -m digest build` processes of the
sample site with SIGKILL at random moments of cold and incremental builds, and check
after each kill that the output is the previous or the new build (file by file, never a
torn or temporary file), and that the next build equals a clean `--no-cache` build.

    python bench/crash.py --rounds 100        # prints the figures; exit 1 on a failure

tests/test_crash.py runs 50 rounds of the same checks on a small site in CI.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from crashkit import (  # noqa: E402
    VERSION_A,
    VERSION_B,
    Figures,
    python_command,
    run_rounds,
    set_version,
    tree,
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=100)
    parser.add_argument("--cold-share", type=float, default=0.2)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--search", action="store_true",
                        help="keep the sample site's Pagefind search (slower rounds)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="digest-crash-") as scratch:
        site = Path(scratch) / "site"
        shutil.copytree(REPO / "content", site / "content")
        versions = {v: v + ("\n[search]\nenabled = true\n" if args.search else "")
                    for v in (VERSION_A, VERSION_B)}
        command = python_command(site)

        def build(*extra: str) -> float:
            started = time.monotonic()
            subprocess.run(command + list(extra), check=True)
            return time.monotonic() - started

        references = {}
        for version in (VERSION_A, VERSION_B):
            set_version(site, versions[version])
            shutil.rmtree(site / "public", ignore_errors=True)
            build("--no-cache")
            references[versions[version]] = tree(site / "public")
        shutil.rmtree(site / "public")
        set_version(site, versions[VERSION_A])
        durations = {"cold": build()}
        set_version(site, versions[VERSION_B])
        durations["warm"] = build()
        set_version(site, versions[VERSION_A])
        build()
        figures = Figures()
        started = time.monotonic()
        try:
            run_rounds(site, references, args.rounds, args.seed, args.cold_share,
                       build_once=lambda: build(), command=command, run_in_child=None,
                       figures=figures, durations=durations, versions=versions)
        except AssertionError as failure:
            print(f"FAILED after {figures.rounds} rounds: {failure}")
            return 1
        seconds = time.monotonic() - started
    print(f"sample site ({len(references[versions[VERSION_A]])} files), "
          f"cold build {durations['cold']:.2f} s, incremental {durations['warm']:.2f} s")
    print(f"{figures.rounds} rounds in {seconds:.0f} s: {figures.killed_by_time} killed at a "
          f"random moment, {figures.killed_in_write} killed in the write stage, "
          f"{figures.finished_before_kill} finished first")
    print(f"after the kill: output absent (first build) {figures.output_absent}, previous "
          f"build {figures.output_previous}, new build {figures.output_new}, mixed (healed "
          f"by the next build) {figures.output_mixed}")
    print(f"next build went back to the previous version {figures.undone} times; "
          "every next build equalled a clean --no-cache build: 0 failures")
    return 0


if __name__ == "__main__":
    sys.exit(main())
