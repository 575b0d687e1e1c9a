"""The build loop's one step: reload the config, build through the session, publish.

What to build and what to publish ahead of a full build is the session's
(`digest.session.BuildSession`); this module turns its outcomes into `BuildState`s
for open pages and lines for the terminal.

A failed build leaves the last good site in place (content errors stop a build
before it writes; an interrupted write is healed by the next build) and
publishes the problems, so every open page shows them
in an overlay; the terminal gets the same text.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import dataclasses
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from digest.build import BuildResult
from digest.config import Config
from digest.content.reader import find_article_files
from digest.errors import BuildError, DigestError
from digest.lock import site_lock
from digest.serve.state import BuildState, ErrorInfo, ReloadHub, error_infos
from digest.session import BuildSession, stylesheets_only
from digest.workers import die_with_parent, pool_context
from digest.write import MARKER

Echo = Callable[[str], None]


class SiteBuilder:
    """Rebuilds the site for a batch of changed paths and publishes a `BuildState`.

    `load` returns a fresh config (digest.toml is re-read on every rebuild);
    `config` is the last config that loaded, for the watcher's plan.
    Called from one thread at a time.
    """

    def __init__(self, load: Callable[[], Config], hub: ReloadHub, echo: Echo,
                 site_dir: Path) -> None:
        self._load = load
        self._hub = hub
        self._echo = echo
        self._site_dir = site_dir
        self.session: BuildSession | None = None
        """The session's cache and last good build (one per cache folder)."""
        self._trim_memory = _memory_trimmer()
        self.config: Config | None = None
        self.builds_run = 0
        """How many batches of changes were built: what the debounce tests count."""
        self._served = 0
        """The number of the last build whose site is in the output folder, as echoed."""

    def rebuild(self, changed: frozenset[Path] = frozenset()) -> BuildState:
        """`_rebuild` holding the site's build lock (a `digest build` of the site waits for
        it, and this for that); without it when the config or cache folder is broken (the
        build then reports why)."""
        with contextlib.ExitStack() as stack:
            try:
                folder = (self.config or self._load()).cache_path
                stack.enter_context(site_lock(folder, self._echo))
            except (DigestError, OSError):
                pass
            return self._rebuild(changed)

    def _rebuild(self, changed: frozenset[Path] = frozenset()) -> BuildState:
        """Build once; publish and return the new state. Never raises for bad input.

        Stylesheet swaps, edited stories first, open pages first and provisional
        builds (each followed by the build that ends it) are the session's shortcuts
        (`digest.session`); each is published as soon as it is written.
        """
        before = self._hub.state
        number = before.build + 1
        started = time.perf_counter()
        if stylesheets_only(changed) and not before.errors and self._swap_stylesheets(changed):
            return self._publish_early(before, number, started, "stylesheet swapped",
                                       css_only=True)
        if self.session is not None:
            self.session.forget(changed)
        self.builds_run += 1
        first = self._edited_stories_first(before, number, changed, started) or \
            self._open_pages_first(before, number, changed, started)
        if first is not None:
            before, number = first, number + 1
        state = self._build_and_publish(before, number, changed, started, ends_provisional=False)
        if state.provisional:
            state = self._build_and_publish(state, number + 1, frozenset(), time.perf_counter(),
                                            ends_provisional=True)
        return state

    def _edited_stories_first(self, before: BuildState, number: int, changed: frozenset[Path],
                              started: float) -> BuildState | None:
        """Publish the story pages of edited articles ahead of the full build, when only
        article texts changed; None when it does not apply."""
        if self.session is None or before.errors:
            return None
        try:
            quick = self.session.edited_stories_first(changed)
        except DigestError:
            return None  # the full build that follows reports it
        except Exception:  # noqa: BLE001 - our bug: the full build may still succeed
            self._echo(traceback.format_exc().rstrip())
            return None
        if quick is None:
            return None
        pages = f"{len(quick.pages)} story page{'s' if len(quick.pages) != 1 else ''}"
        return self._publish_early(before, number, started, f"{pages} written first",
                                   provisional=True)

    def _open_pages_first(self, before: BuildState, number: int, changed: frozenset[Path],
                          started: float) -> BuildState | None:
        """After a template edit, build and publish the pages open in browsers ahead of the
        rest of the site (Hugo's "fast render"); None when it does not apply."""
        pages = self._hub.open_pages()
        if self.session is None or before.errors or not pages:
            return None
        try:
            written = self.session.open_pages_first(changed, pages)
        except DigestError:
            return None  # the full build that follows reports it
        except Exception:  # noqa: BLE001 - our bug: the full build may still succeed
            self._echo(traceback.format_exc().rstrip())
            return None
        if written is None or not written.changed:
            return None
        count = written.pages
        return self._publish_early(before, number, started,
                                   f"{count} open page{'s' if count != 1 else ''} written first",
                                   provisional=True)

    def _publish_early(self, before: BuildState, number: int, started: float, what: str, *,
                       css_only: bool = False, provisional: bool = False) -> BuildState:
        """Publish files that changed without a build (or ahead of it)."""
        state = BuildState(session=before.session, build=number, site_build=number,
                           previous=before.site_build, css_only=css_only, provisional=provisional)
        self._hub.publish(state)
        self._served = number
        self._echo(f"{_clock()} build {number}: {what} in {time.perf_counter() - started:.3f} s")
        return state

    def _build_and_publish(self, before: BuildState, number: int, changed: frozenset[Path],
                           started: float, ends_provisional: bool) -> BuildState:
        try:
            # ending a provisional build reads nothing again; a rebuild without paths reads
            # everything
            result = self._run(frozenset() if ends_provisional else changed or None,
                               ends_provisional)
        except BuildError as exc:
            return self._failed(before, number, error_infos(exc.problems, self._site_dir),
                                [p.format(self._site_dir) for p in exc.problems])
        except DigestError as exc:
            return self._failed(before, number, error_infos([exc.problem], self._site_dir),
                                [exc.problem.format(self._site_dir)])
        except Exception as exc:  # noqa: BLE001 - our bug: keep serving, show it, print it
            self._echo(traceback.format_exc().rstrip())
            info = ErrorInfo(file="<digest>", line=None, message=f"internal error: {exc!r}",
                             hint="this is a bug in digest; the traceback is in the terminal")
            return self._failed(before, number, (info,), [info.message])
        written = result.written
        provisional = self.session is not None and self.session.provisional
        if ends_provisional and written is not None and not (written.changed or written.removed):
            state = dataclasses.replace(before, build=number, provisional=False)
        else:
            state = BuildState(session=before.session, build=number, site_build=number,
                               previous=before.site_build, css_only=stylesheets_only(changed),
                               provisional=provisional)
        self._hub.publish(state)
        self._served = number  # a build that changed nothing still made the site shown
        self._echo(_success_line(number, result, changed, time.perf_counter() - started,
                                 provisional, ends_provisional))
        self._trim_memory()
        return state

    def _swap_stylesheets(self, changed: frozenset[Path]) -> bool:
        """Copy changed stylesheets to their served names; False if a build is needed."""
        if self.config is None or self.session is None or self.builds_run == 0:
            return False
        return self.session.swap_stylesheets(self.config, changed)

    def _run(self, changed: frozenset[Path] | None, ends_provisional: bool) -> BuildResult:
        if ends_provisional and self.session is not None and self.session.last is not None:
            return self.session.end_provisional()
        config = self._load()
        self.config = config
        if self.session is None and len(find_article_files(config.content_path)) >= \
                BUILD_APART_FROM:
            build_apart(config)
        if self.session is None or not self.session.uses(config):
            # One cache for the session, kept in memory: a rebuild re-reads, re-composes
            # and re-renders only what changed. It is saved once, so the next session
            # starts warm, but not after every edit (that would cost more than the edit).
            self.session = BuildSession.open(config, long_running=True)
        return self.session.build(config, changed=changed, provisional=True)

    def _failed(self, before: BuildState, number: int, errors: tuple[ErrorInfo, ...],
                lines: list[str]) -> BuildState:
        state = BuildState(session=before.session, build=number, site_build=before.site_build,
                           previous=before.previous, css_only=False, errors=errors)
        self._hub.publish(state)
        if self._served:
            kept = f"still serving build {self._served}"
        elif self.config is not None and (self.config.output_path / MARKER).is_file():
            kept = "serving the site an earlier run built"
        else:
            kept = "no site yet"
        self._echo(f"{_clock()} build {number} failed ({kept}):\n  " + "\n  ".join(lines))
        return state


def _memory_trimmer() -> Callable[[], object]:
    """A function handing the memory a build freed back to the system (glibc's
    malloc_trim; elsewhere it does nothing).

    Why: the C allocator keeps freed memory for reuse, so after a build's transient
    peak (grouping a large site) the server's resident size would stay at that peak.
    """
    name = ctypes.util.find_library("c")
    trim = getattr(ctypes.CDLL(name), "malloc_trim", None) if name else None
    return (lambda: trim(0)) if trim is not None else (lambda: None)


BUILD_APART_FROM = 2000
"""Article files from which the first build of a session runs in a child process."""


def build_apart(config: Config) -> None:
    """Build the site in a child process that saves the build cache, so that this
    process's first build loads results instead of computing them.

    Why: Python hardly ever gives freed memory back to the system, so a long-running
    server that did a large cold build itself would keep that build's peak for the
    whole session (hundreds of MB more than what warm builds need). A build that fails
    here is simply built again by the caller, which reports its problems.
    """
    child = pool_context().Process(target=_build_and_save, args=(config,),
                                   name="digest-first-build")
    child.start()
    child.join()


def _build_and_save(config: Config) -> None:
    die_with_parent()  # a server killed meanwhile needs no cache filled
    try:
        session = BuildSession.open(config)
        session.build(config)
        session.save()
    except (Exception, KeyboardInterrupt):  # noqa: BLE001, S110 - the caller builds it again
        pass


def _success_line(number: int, result: BuildResult, changed: frozenset[Path],
                  seconds: float, provisional: bool, ends_provisional: bool) -> str:
    pages = result.written.pages if result.written else 0
    what = f", {len(changed)} file{'s' if len(changed) != 1 else ''} changed" if changed else ""
    if provisional:
        what += " (stories as they were; grouping again)"
    elif ends_provisional:
        what = f", stories grouped again ({result.written.changed if result.written else 0} " \
            "files changed)"
    skipped = [s for s in result.skipped if s.reason.startswith("invalid")]
    note = f", {len(skipped)} invalid article(s) skipped" if skipped else ""
    return f"{_clock()} build {number}: {pages} pages in {seconds:.2f} s{what}{note}"


def _clock() -> str:
    return time.strftime("%H:%M:%S")

