"""The reload channel's state: the latest build, shared by the build loop and the server.

The build loop publishes one `BuildState` per rebuild; each open page's
event stream waits for a state newer than the last one it sent. Only the
latest state matters (a page that missed a build patches itself from the
newest site), so there is no per-client queue.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

from digest.errors import Problem


@dataclass(frozen=True)
class ErrorInfo:
    """One problem of a failed build, as the browser overlay shows it."""

    file: str
    line: int | None
    message: str
    hint: str = ""


@dataclass(frozen=True)
class BuildState:
    """The outcome of the latest rebuild, sent to every page as one event."""

    session: str
    """Random per server run: a page from an earlier run reloads fully."""
    build: int = 0
    """Counts every rebuild, failed ones too."""
    site_build: int = 0
    """The build that wrote the site being served (the last good one)."""
    previous: int = 0
    """The site build before `site_build`: a css-only change applies only to pages of it."""
    css_only: bool = False
    """Only stylesheets changed between `previous` and `site_build`."""
    provisional: bool = False
    """This build kept the stories as they were, with the edited texts; the build that
    ends it (groups the site again) follows at once (and is published as well)."""
    errors: tuple[ErrorInfo, ...] = field(default_factory=tuple)
    """Why the latest rebuild failed; empty when it succeeded."""

    def to_json_dict(self) -> dict:
        data = asdict(self)
        data["error"] = [asdict(e) for e in self.errors] or None
        del data["errors"]
        return data


def error_infos(problems: list[Problem], root: Path) -> tuple[ErrorInfo, ...]:
    """Problems as overlay entries, paths relative to the site folder when inside it."""
    infos = []
    for problem in problems:
        where = _display(problem.path, root) if problem.path else ""
        infos.append(ErrorInfo(file=where, line=problem.line, message=problem.message,
                               hint=problem.hint))
    return tuple(infos)


def _display(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


class ReloadHub:
    """Holds the latest `BuildState`; event streams wait on it. Thread-safe."""

    def __init__(self, initial: BuildState) -> None:
        self._cond = threading.Condition()
        self._state = initial
        self._closed = False
        self._open: Counter[str] = Counter()

    @property
    def state(self) -> BuildState:
        return self._state

    @property
    def closed(self) -> bool:
        return self._closed

    def publish(self, state: BuildState) -> None:
        with self._cond:
            self._state = state
            self._cond.notify_all()

    def wait_newer(self, seen: int | None, timeout: float) -> BuildState | None:
        """The current state if its build differs from `seen` (at once when `seen` is None),
        waiting up to `timeout` seconds for one; None on timeout or when closed."""
        with self._cond:
            self._cond.wait_for(lambda: self._closed or self._state.build != seen, timeout)
            if self._closed or self._state.build == seen:
                return None
            return self._state

    @contextmanager
    def page_open(self, page: str) -> Iterator[None]:
        """Count `page` (its output file, e.g. "stories/x/index.html") as open in a browser
        while the block runs: while its event stream lasts."""
        with self._cond:
            self._open[page] += 1
        try:
            yield
        finally:
            with self._cond:
                self._open[page] -= 1
                if not self._open[page]:
                    del self._open[page]

    def open_pages(self) -> frozenset[str]:
        """The output files of the pages open in browsers now."""
        with self._cond:
            return frozenset(self._open)

    def close(self) -> None:
        """Release every waiting event stream."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()
