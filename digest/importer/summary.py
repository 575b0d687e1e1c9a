"""The one-screen summary of an import run, for the terminal."""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from digest.importer import ACTIONS, ImportResult

MAX_LISTED = 8
"""Items listed per kind of outcome before "... and N more"."""


def print_import_summary(console: Console, result: ImportResult, seconds: float) -> None:
    """Feeds read (with their problems), items per outcome, and the items a person
    should look at: skipped (with reasons), kept as hand-edited, pages not fetched."""
    feeds = Table(title="Feeds" + (" (dry run: nothing written)" if result.dry_run else ""),
                  title_justify="left")
    feeds.add_column("feed", overflow="fold")
    feeds.add_column("items", justify="right")
    feeds.add_column("status", overflow="fold")
    for feed in result.feeds:
        status = f"[red]failed: {escape(feed.problem)}[/]" if feed.failed else \
            f"[yellow]{escape(feed.problem)}[/]" if feed.problem else "ok"
        name = escape(feed.title + "\n" + feed.url if feed.title else feed.url)
        feeds.add_row(name, str(feed.items), status)
    console.print(feeds)
    verb = "would be " if result.dry_run else ""
    counts = ", ".join(f"{result.count(a)} {verb}{a}" if a in ("new", "updated")
                       else f"{result.count(a)} {a}" for a in ACTIONS)
    console.print(f"[bold]Items[/] {counts}  ({seconds:.1f} s)", highlight=False)
    if result.dry_run:
        _list(console, "would write", [f"{i.path} ({i.action})" for i in result.items
                                       if i.action in ("new", "updated")])
    _list(console, "kept", [f"{i.path}: {i.reason}" for i in result.items if i.action == "kept"])
    _list(console, "note", [f"{i.path}: {i.reason}" for i in result.items
                            if i.action not in ("kept", "skipped") and i.reason])
    skipped = [i for i in result.items if i.action == "skipped"]
    reasons = Counter(i.reason for i in skipped if i.reason == "older than --since")
    for reason, count in reasons.items():
        console.print(f"  [yellow]skipped[/] {count} items {reason}", highlight=False)
    _list(console, "skipped", [f"{i.url}: {i.reason}" for i in skipped
                               if i.reason != "older than --since"])


def _list(console: Console, label: str, lines: list[str]) -> None:
    for line in lines[:MAX_LISTED]:
        console.print(f"  [yellow]{label}[/] {escape(line)}", highlight=False)
    if len(lines) > MAX_LISTED:
        console.print(f"  [yellow]{label}[/] ... and {len(lines) - MAX_LISTED} more",
                      highlight=False)
