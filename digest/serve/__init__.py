"""`digest serve`: the editor's live preview. Three parts, three threads:

    watcher ─note─▶ ChangeQueue ─quiet batch─▶ SiteBuilder.rebuild ─▶ BuildSession builds
                                                       └─ publish ─▶ ReloadHub ─SSE─▶ pages
    PreviewServer: serves the output folder, injects the reload script, streams events

The watcher only notes paths; the build loop waits for a moment of quiet (30 ms
after an editor's save, 100 ms in a burst) and runs the same `build` as `digest
build` through one long-running `digest.session.BuildSession`, after writing first
what open pages need most (the edited stories for a text edit, the open pages for a
template edit); the server reads whatever complete site is in the output folder.
Per-run state lives in a `Preview` object.
"""

from __future__ import annotations

import ipaddress
import secrets
import signal
import threading
import webbrowser
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import click

from digest.config import Config, load_config
from digest.errors import ConfigError
from digest.serve.changes import QUIET_SECONDS, ChangeQueue, plan_for
from digest.serve.rebuild import Echo, SiteBuilder
from digest.serve.server import PreviewServer
from digest.serve.state import BuildState, ReloadHub
from digest.serve.watcher import Watcher

SCRIPT_FILE = Path(__file__).with_name("livereload.js")
COMMAND_LINE_KEYS = ("content_dir", "output_dir", "cache_dir", "drafts", "future", "on_error",
                     "base_url")
"""Options the command line can override; they survive a reload of digest.toml."""


def serve(config: Config, *, host: str | None = None, port: int | None = None,
          open_browser: bool = False, drafts: bool = True, echo: Echo | None = None) -> None:
    """Build the site, serve it with live reload until Ctrl-C, then stop cleanly.

    `host`/`port` default to the config's [serve] section; `drafts` also shows
    draft and future-dated articles. Raises click.ClickException if the port is
    taken, ConfigError if digest.toml is invalid at start. Build errors after
    the start never raise: they are printed and shown in the browser.
    """
    echo = echo or click.echo
    host = host or config.serve.host
    port = config.serve.port if port is None else port
    if not is_loopback(host):
        echo(f"warning: serving on {host}: anyone who can reach this machine can read "
             "the preview, drafts included")
    preview = Preview(config, host=host, port=port, drafts=drafts, echo=echo)
    _stop_on_interrupt()
    try:
        preview.start()
        shown = "drafts and future articles shown; " if drafts else ""
        echo(f"Serving {preview.url} ({shown}Ctrl-C to stop)")
        if open_browser:
            webbrowser.open(preview.url)
        idle = threading.Event()
        while not idle.wait(0.5):
            pass
    except KeyboardInterrupt:
        echo("Stopping…")
    finally:
        preview.stop()


def _stop_on_interrupt() -> None:
    """Make SIGINT (Ctrl-C) stop the server even when this process was started with it
    ignored, as a shell does for a command it starts in the background: Ctrl-C, or
    `kill -INT`, is how the preview is stopped."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.default_int_handler)


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def config_loader(config: Config, drafts: bool) -> Callable[[], Config]:
    """A function re-reading digest.toml, keeping the command line's overrides."""
    overrides = command_line_overrides(config)
    if drafts:
        overrides.update(drafts=True, future=True)
    # Stable asset names: a stylesheet edit then changes one file, not every page.
    overrides["hash_assets"] = False
    return partial(load_config, config.site_dir, overrides)


def command_line_overrides(config: Config) -> dict[str, Any]:
    """The options where `config` differs from digest.toml alone: the command line's."""
    try:
        plain = load_config(config.site_dir)
    except ConfigError:
        plain = None
    return {key: getattr(config, key) for key in COMMAND_LINE_KEYS
            if plain is None or getattr(config, key) != getattr(plain, key)}


class Preview:
    """One run of the preview: watcher, build loop and server. `start()`, then `stop()`."""

    def __init__(self, config: Config, *, host: str = "127.0.0.1", port: int = 0,
                 drafts: bool = True, echo: Echo = click.echo,
                 quiet: float = QUIET_SECONDS) -> None:
        self._address = (host, port)
        self._load = config_loader(config, drafts)
        self._output = config.output_path
        self.hub = ReloadHub(BuildState(session=secrets.token_hex(8)))
        self.queue = ChangeQueue(quiet)
        self.builder = SiteBuilder(self._load, self.hub, echo, config.site_dir)
        self.watcher = Watcher(self.queue.note)
        self.server: PreviewServer | None = None
        self._threads: list[threading.Thread] = []

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2] if self.server else self._address
        host = host.decode() if isinstance(host, bytes) else host
        host = f"[{host}]" if ":" in host else host
        return f"http://{host}:{port}/"

    def start(self) -> BuildState:
        """Bind, start serving and watching, run the first build, start the build loop.

        Returns the first build's state (it may hold errors: the server keeps running).
        """
        config = self._load()
        try:
            self.server = PreviewServer(self._address, config.output_path, self.hub,
                                        SCRIPT_FILE.read_bytes())
        except OSError as exc:
            raise click.ClickException(f"cannot serve on {self._address[0]}:"
                                       f"{self._address[1]}: {exc.strerror or exc}; "
                                       "pass another --port") from None
        self._spawn(self.server.serve_forever, "digest-serve-http")
        self.watcher.watch(plan_for(config))
        self.watcher.start()
        state = self.builder.rebuild()
        self._spawn(self._build_loop, "digest-serve-build")
        return state

    def stop(self) -> None:
        """Stop watching and serving; wait for a build in progress to finish."""
        self.queue.close()
        self.watcher.stop()
        if self.server is not None:
            self.server.stop()
        try:
            for thread in self._threads:
                thread.join()
        except KeyboardInterrupt:
            pass  # a second Ctrl-C: do not wait for the build; write_site stays atomic
        self._threads.clear()

    def _spawn(self, target: Callable[[], None], name: str) -> None:
        thread = threading.Thread(target=target, name=name, daemon=True)
        thread.start()
        self._threads.append(thread)

    def _build_loop(self) -> None:
        assert self.server is not None, "start() creates the server first"
        while (batch := self.queue.next_batch()) is not None:
            self.builder.rebuild(batch)
            config = self.builder.config
            if config is not None:
                self.watcher.watch(plan_for(config))
                self.server.root = config.output_path
