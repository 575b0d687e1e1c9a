"""CPU seconds of each build stage on a cold build, for two source trees in turn.

    python bench/stage_cpu.py SITE --base TREE [--head TREE] [--pairs 2]

Each run is `digest build --site SITE --no-cache -q` into a fresh temporary folder, in
a child process whose `PYTHONPATH` is the tree (a `git archive` of a commit, or this
repository for `--head`). The child times each stage with `digest.build._timed`, adding
the CPU of the process and of the worker processes the stage reaped (read and compose
close their pools inside their stage). Runs alternate base, head, base, head …, so a
neighbour's load falls on both; the ratios of one pair are the figure to compare
(CPU, not wall: on a shared machine wall time mostly measures the neighbours).

Issue 17's limit is on a cold build at 10,000 articles: generate the site with
``python ../shared/tools/gen_corpus.py /tmp/gen10k --articles 10000`` and make BASE
with ``git archive c4ca64e | tar -x -C /tmp/base``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

_CHILD = r"""
import json, resource, sys, time
from contextlib import contextmanager
import digest.build as build

def cpu():
    own = resource.getrusage(resource.RUSAGE_SELF)
    reaped = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + reaped.ru_utime + reaped.ru_stime

stages = {}

@contextmanager
def timed(timings, name):
    start, wall = cpu(), time.perf_counter()
    try:
        yield
    finally:
        timings[name] = time.perf_counter() - wall
        stages[name] = stages.get(name, 0.0) + cpu() - start

build._timed = timed
out, sys.argv = sys.argv[1], ["digest", *sys.argv[2:]]
from digest.cli import main
wall = time.perf_counter()
try:
    main()
except SystemExit as exc:
    if exc.code:
        raise
json.dump({"stages": stages, "total": cpu(), "wall": time.perf_counter() - wall}, open(out, "w"))
"""

GROUPS = {
    "whole build": None,
    "without compose": ("read", "group", "rank", "images", "render", "write"),
    "issue 17's stages (group, rank, render, write)": ("group", "rank", "render", "write"),
}
"""Sums of stages reported besides each stage ("whole build": the process tree's CPU)."""
_PIPELINE = ("read", "group", "compose", "rank", "images", "render", "write")


def run(tree: Path, site: Path) -> dict:
    """One cold build of `site` with `tree`'s digest: its stages' CPU, total CPU, wall."""
    with tempfile.TemporaryDirectory() as scratch:
        figures = Path(scratch) / "figures.json"
        env = {**os.environ, "PYTHONPATH": str(tree)}
        subprocess.run([sys.executable, "-c", _CHILD, str(figures), "build", "--site",
                        str(site), "--output", str(Path(scratch) / "public"), "--no-cache",
                        "-q"], env=env, cwd=scratch, check=True)
        return json.loads(figures.read_text())


def figure(result: dict, stages: tuple[str, ...] | None) -> float:
    """CPU seconds of `stages` in one run (the whole run for None)."""
    if stages is None:
        return result["total"]
    return sum(result["stages"].get(name, 0.0) for name in stages)


def report(pairs: list[tuple[dict, dict]]) -> list[str]:
    """Lines of a table: base and head means, their ratio, each pair's ratio."""
    found = {name for pair in pairs for run_ in pair for name in run_["stages"]}
    names = [name for name in _PIPELINE if name in found] + sorted(found - set(_PIPELINE))
    rows = [*GROUPS.items(), *((name, (name,)) for name in names)]
    lines = ["| CPU s | base | head | ratio | per pair |", "|---|---:|---:|---:|---|"]
    for label, stages in rows:
        base = [figure(b, stages) for b, _ in pairs]
        head = [figure(h, stages) for _, h in pairs]
        if not sum(base):
            continue
        each = ", ".join(f"{h / b:.2f}" for b, h in zip(base, head) if b)
        lines.append(f"| {label} | {sum(base) / len(base):.1f} | {sum(head) / len(head):.1f}"
                     f" | {sum(head) / sum(base):.2f}× | {each} |")
    walls = [(b["wall"], h["wall"]) for b, h in pairs]
    lines.append("wall s, base → head: " + ", ".join(f"{b:.1f} → {h:.1f}" for b, h in walls))
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--base", type=Path, required=True, help="source tree of the base")
    parser.add_argument("--head", type=Path, default=REPO, help="source tree (this repo)")
    parser.add_argument("--pairs", type=int, default=2)
    args = parser.parse_args()
    pairs = []
    for k in range(args.pairs):
        base = run(args.base.resolve(), args.site.resolve())
        head = run(args.head.resolve(), args.site.resolve())
        print(f"pair {k + 1}: whole build {base['total']:.1f} → {head['total']:.1f} s CPU",
              flush=True)
        pairs.append((base, head))
    print("\n".join(report(pairs)))


if __name__ == "__main__":
    main()
