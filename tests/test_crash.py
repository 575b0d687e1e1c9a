"""Crash consistency (issue 14): `digest build` killed with SIGKILL at 50 random moments of
cold and incremental builds never loses the site, never leaves a temporary or torn file in
it, and the next build always equals a clean `--no-cache` build, byte for byte.

The builds run in forked copies of this process (the CLI's `build`, imported once), so
that 50 rounds fit in CI; bench/crash.py runs more rounds as real `python -m digest`
processes on the sample site.
"""

from __future__ import annotations

import shutil
import sys
import time

import pytest
from click.testing import CliRunner
from conftest import SITES

from crashkit import (
    VERSION_A,
    VERSION_B,
    Figures,
    check_healed,
    run_rounds,
    set_version,
    tree,
)
from digest.cli import main

ROUNDS = 50

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs fork and SIGKILL")


def _build(site) -> int:
    result = CliRunner().invoke(main, ["build", "--site", str(site), "-q"])
    return result.exit_code


def _clean_build(site, version: str, tmp_path) -> dict[str, str]:
    """The tree of a clean --no-cache build of `version`, built in a copy of the site
    (same absolute paths do not matter: the manifest stores relative paths only)."""
    set_version(site, version)
    out = site / "public"
    shutil.rmtree(out, ignore_errors=True)
    result = CliRunner().invoke(main, ["build", "--site", str(site), "--no-cache", "-q"])
    assert result.exit_code == 0, result.output
    built = tree(out)
    shutil.rmtree(out)
    return built


def test_builds_killed_at_random_moments_always_heal(tmp_path):
    site = tmp_path / "site"
    for name in ("compose_breach", "compose_launch", "compose_layoffs"):
        shutil.copytree(SITES / name / "content", site / "content", dirs_exist_ok=True)
    references = {version: _clean_build(site, version, tmp_path)
                  for version in (VERSION_A, VERSION_B)}
    assert references[VERSION_A] != references[VERSION_B]
    durations = {}
    for kind, version in (("cold", VERSION_A), ("warm", VERSION_B), ("", VERSION_A)):
        if kind == "cold":
            shutil.rmtree(site / ".digest-cache", ignore_errors=True)
        set_version(site, version)
        started = time.monotonic()
        assert _build(site) == 0
        if kind:
            durations[kind] = time.monotonic() - started
    check_healed(site / "public", references[VERSION_A])
    figures = run_rounds(site, references, ROUNDS, seed=14, cold_share=0.3,
                         build_once=lambda: _build(site), command=None,
                         run_in_child=lambda: _build(site), figures=Figures(),
                         durations=durations)
    # A shared machine that gets quieter after the durations were measured lets builds
    # finish before their kill; more rounds, with kills drawn earlier, make up the count.
    for extra in range(ROUNDS // 5):
        if figures.killed_by_time + figures.killed_in_write >= ROUNDS * 0.8:
            break
        figures = run_rounds(site, references, 5, seed=100 + extra, cold_share=0.3,
                             build_once=lambda: _build(site), command=None,
                             run_in_child=lambda: _build(site), figures=figures,
                             durations={k: v * 0.6 for k, v in durations.items()})
    killed = figures.killed_by_time + figures.killed_in_write
    assert figures.rounds >= ROUNDS
    assert killed >= ROUNDS * 0.8, figures  # nearly every round really was interrupted
    assert figures.killed_in_write >= 10, figures
