"""The small family of errors a user can act on.

Each carries the file (and line, when known) and a hint, and subclasses
`click.ClickException` so the CLI prints one clean message and exits non-zero:
tracebacks are for our bugs, not for a bad date in an article.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import click


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input file, ready to print."""

    path: Path | None
    message: str
    line: int | None = None
    hint: str = ""
    field: str | None = None

    def format(self, root: Path | None = None) -> str:
        """`path:line: message (hint)`, with the path relative to `root` when inside it
        (just the message for a problem of no one file)."""
        text = self.message
        if self.path:
            where = _display_path(self.path, root)
            if self.line:
                where += f":{self.line}"
            text = f"{where}: {text}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text

    def sort_key(self) -> tuple[str, int, str]:
        return (str(self.path or ""), self.line or 0, self.message)


def _display_path(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return str(path)


class DigestError(click.ClickException):
    """Base class: a problem in the user's input, reported without a traceback."""

    exit_code = 1

    def __init__(self, message: str, path: Path | None = None, line: int | None = None,
                 hint: str = "", field: str | None = None) -> None:
        self.problem = Problem(path=path, message=message, line=line, hint=hint, field=field)
        super().__init__(self.problem.format())


class ConfigError(DigestError):
    """digest.toml or a command-line option is invalid."""


class ContentError(DigestError):
    """An article file cannot be read or validated."""


class ThemeError(DigestError):
    """A theme or template is missing or broken."""


class ImageError(DigestError):
    """A cover image cannot be processed."""


class BuildError(click.ClickException):
    """Several problems found while building; all are reported together."""

    exit_code = 1

    def __init__(self, problems: list[Problem], root: Path | None = None) -> None:
        self.problems = sorted(problems, key=Problem.sort_key)
        lines = [p.format(root) for p in self.problems]
        count = len(self.problems)
        header = f"{count} problem{'s' if count != 1 else ''} found; nothing was written."
        super().__init__("\n".join([header, *lines]))
