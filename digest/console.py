"""Terminal output for the CLI: the one-screen build summary and a progress bar
that appears only when work takes longer than a second."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from digest.build import BuildResult

PROGRESS_DELAY = 1.0
UNWRAPPED_WIDTH = 10_000
"""Line width when the output is not a terminal: logs and pipes get whole lines."""


def make_console(quiet: bool = False) -> Console:
    """The console for build output (on stderr): a terminal's width, or, when the output
    goes to a file or pipe, lines that are never wrapped (rich would wrap at 80)."""
    console = Console(stderr=True, quiet=quiet)
    if console.is_terminal:
        return console
    return Console(stderr=True, quiet=quiet, width=UNWRAPPED_WIDTH, soft_wrap=True)


@contextmanager
def delayed_progress(console: Console, enabled: bool = True) -> Iterator:
    """Yield a `progress(stage, done, total)` callback that shows a bar after a second."""
    started = time.monotonic()
    state: dict = {}

    def update(stage: str, done: int, total: int) -> None:
        if not enabled or time.monotonic() - started < PROGRESS_DELAY:
            return
        if "bar" not in state:
            state["bar"] = Progress(TextColumn("{task.description}"), BarColumn(),
                                    MofNCompleteColumn(), TimeElapsedColumn(),
                                    console=console, transient=True)
            state["bar"].start()
        bar: Progress = state["bar"]
        if state.get("stage") != stage:
            state["stage"], state["task"] = stage, bar.add_task(stage, total=total)
        bar.update(state["task"], completed=done, total=total)

    try:
        yield update
    finally:
        if "bar" in state:
            state["bar"].stop()


_FILLER_LISTED = 10
"""Filler comes by the hundred from a content farm: the summary names the first ones."""


def print_summary(console: Console, result: BuildResult, seconds: float,
                  profile: bool = False) -> None:
    """The build summary: counts, what was skipped and why, warnings, time."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    read = result.read
    table.add_row("Articles", f"{len(read.articles)} published, {len(result.skipped)} skipped")
    sources = sum(len(d.sources) for d in result.digests)
    table.add_row("Stories", f"{len(result.digests)} from {sources} independent sources")
    pages = result.grouping.non_articles
    if pages:
        table.add_row("Not articles", f"{len(pages)} (widget or notice pages, in no story)")
    filler = result.grouping.filler_articles
    if filler:
        table.add_row("Filler", f"{len(filler)} (text stamped under many headlines, "
                      "in no story)")
    table.add_row("Topics", ", ".join(t.name for t in result.grouping.topics) or "none")
    if result.written:
        table.add_row("Written", f"{result.written.pages} pages, {result.written.files} files "
                      f"({result.written.bytes / 1e6:.1f} MB) to {result.written.output}")
    table.add_row("Warnings", str(len(result.warnings)))
    table.add_row("Time", f"{seconds:.2f} s")
    console.print(table)
    for skipped in result.skipped:
        console.print(f"  [yellow]skipped[/] {skipped.rel_path}: {skipped.reason}",
                      highlight=False)
    for page in pages:
        console.print(f"  [yellow]not an article[/] {page.rel_path}", highlight=False)
    for page in filler[:_FILLER_LISTED]:
        console.print(f"  [yellow]filler[/] {page.rel_path}: its sentences are found word for "
                      "word under other headlines and name no one", highlight=False)
    if len(filler) > _FILLER_LISTED:
        console.print(f"  [yellow]filler[/] … and {len(filler) - _FILLER_LISTED} more "
                      "(`digest report` lists them all)", highlight=False)
    for warning in result.warnings:
        console.print(f"  [yellow]warning[/] {warning}", highlight=False)
    for path in result.written.foreign if result.written else ():
        console.print(f"  [yellow]kept[/] {path}: not written by digest, left as it is",
                      highlight=False)
    if profile:
        print_profile(console, result.timings)


def print_profile(console: Console, timings: dict[str, float]) -> None:
    """Seconds per stage, so the slowest stage is visible at a glance."""
    table = Table(title="Build profile")
    table.add_column("stage")
    table.add_column("seconds", justify="right")
    table.add_column("share", justify="right")
    total = sum(timings.values()) or 1.0
    for stage, seconds in timings.items():
        table.add_row(stage, f"{seconds:.3f}", f"{100 * seconds / total:.0f} %")
    console.print(table)
