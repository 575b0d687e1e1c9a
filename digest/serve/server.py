"""The preview's HTTP server: the output folder, the reload script and its event stream.

Only files inside the output folder are served, after normalising the path:
`..` segments, hidden files and symlinks that lead outside give 403/404. A
folder serves its `index.html`, a missing file the site's `404.html` with
status 404. Every HTML response gets the reload script inserted before
`</body>`; the files on disk never contain it. Until the first build is
published a request waits for it (then gets a "building" page that reloads
itself), and only Host names of this machine, IP addresses and the `--host`
name are answered (DNS rebinding).
"""

from __future__ import annotations

import ipaddress
import json
import mimetypes
import os
import socket
import sys
import threading
import time
import traceback
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from digest.serve.state import BuildState, ReloadHub

RESERVED = "/__digest__/"
EVENTS_PATH = RESERVED + "events"
SCRIPT_PATH = RESERVED + "livereload.js"
KEEPALIVE_SECONDS = 15.0
SWAP_WAIT_SECONDS = 2.0
NOT_FOUND_FALLBACK = b"<!DOCTYPE html><title>Not found</title><h1>Not found</h1>\n"
NO_SITE_YET = (b"<!DOCTYPE html><title>No site yet</title><h1>No site yet</h1>"
               b"<p>The first build has not succeeded; this page updates when it does.</p>\n")
BUILDING = (b'<!DOCTYPE html><meta http-equiv="refresh" content="2"><title>Building\xe2\x80\xa6'
            b"</title><h1>Building the site\xe2\x80\xa6</h1><p>The first build is running; "
            b"this page shows the site as soon as it is ready.</p>\n")
FIRST_BUILD_WAIT_SECONDS = 10.0
"""How long a request waits for the first build before it gets the "building" page."""
LOCAL_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})


@dataclass(frozen=True)
class Resolved:
    """Where a request path leads: a file (200), a redirect (301), or 403/404."""

    status: int
    file: Path | None = None
    location: str = ""


def resolve_request(root: Path, target: str) -> Resolved:
    """Map a request target to a file inside `root`, refusing anything outside it."""
    raw = target.split("?", 1)[0].split("#", 1)[0]
    if raw.startswith(("http://", "https://")):
        raw = urlsplit(raw).path
    path = unquote(raw)
    parts = [part for part in path.split("/") if part not in ("", ".")]
    if "\x00" in path or ".." in parts:
        return Resolved(403)
    if any(part.startswith(".") for part in parts):
        return Resolved(404)
    real_root = os.path.realpath(root)
    candidate = os.path.join(real_root, *parts)
    if os.path.isdir(candidate):
        if not raw.endswith("/"):
            return Resolved(301, location="/" + "/".join(parts) + "/")
        candidate = os.path.join(candidate, "index.html")
    real = os.path.realpath(candidate)
    if real != real_root and not real.startswith(real_root + os.sep):
        return Resolved(403)
    if not os.path.isfile(real):
        return Resolved(404)
    return Resolved(200, file=Path(real))


def host_allowed(header: str | None, bound: str) -> bool:
    """Whether a request's Host header may be answered: this machine's names, an IP
    address, or the address the server was bound to. Any other name is refused, as a
    page of another site could otherwise read the preview (drafts included) through a
    name it points at 127.0.0.1 (DNS rebinding)."""
    if not header:
        return True  # HTTP/1.0 clients; browsers always send one
    name = urlsplit(f"//{header}").hostname
    if name is None:
        return False
    name = name.rstrip(".").lower()
    if name in LOCAL_NAMES or name == bound.strip("[]").lower():
        return True
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def page_file(events_target: str) -> str:
    """The output file of the page an event stream's `?page=` names ("/a/" → "a/index.html")."""
    page = parse_qs(urlsplit(events_target).query).get("page", ["/"])[0]
    parts = [part for part in page.split("/") if part not in ("", ".", "..")]
    if not parts or page.endswith("/"):
        parts.append("index.html")
    return "/".join(parts)


def inject_script(html: bytes, tag: bytes) -> bytes:
    """`html` with `tag` inserted before the last `</body>` (appended if there is none)."""
    index = html.lower().rfind(b"</body>")
    return html[:index] + tag + html[index:] if index >= 0 else html + tag


def script_tag(state: BuildState, status: int) -> bytes:
    """The reload script's tag, telling it which build and status the page came from."""
    return (f'<script id="__digest_livereload" src="{SCRIPT_PATH}" data-session="{state.session}"'
            f' data-build="{state.site_build}" data-status="{status}"></script>\n').encode()


class PreviewServer(ThreadingHTTPServer):
    """Serves `root` with live reload. `stop()` ends every connection and joins its thread."""

    daemon_threads = False
    block_on_close = True
    request_queue_size = 128
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], root: Path, hub: ReloadHub, script: bytes):
        self.root = root
        self.hub = hub
        self.script = script
        self.bound_host = address[0]
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, PreviewHandler)

    def process_request(self, request, client_address):
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request):
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request, client_address):
        # A browser closing a tab mid-response is normal; anything else is our bug.
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            traceback.print_exc()

    def stop(self) -> None:
        """Stop accepting, release event streams and idle sockets, join every thread."""
        self.hub.close()
        self.shutdown()
        with self._open_lock:
            pending = list(self._open)
        for sock in pending:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        self.server_close()


class PreviewHandler(BaseHTTPRequestHandler):
    """GET and HEAD for files, the reload script and the event stream."""

    server: PreviewServer
    server_version = "digest-serve"
    timeout = 30

    def do_GET(self) -> None:
        self._respond(head=False)

    def do_HEAD(self) -> None:
        self._respond(head=True)

    def log_message(self, format: str, *args) -> None:
        """Quiet: the terminal is for build results."""

    def _respond(self, head: bool) -> None:
        if not host_allowed(self.headers.get("Host"), self.server.bound_host):
            self._send(403, "text/plain; charset=utf-8",
                       b"this preview answers only to localhost, an IP address or the "
                       b"--host name\n", head)
            return
        path = self.path.split("?", 1)[0]
        if path == EVENTS_PATH and not head:
            self._events()
        elif path == SCRIPT_PATH:
            self._send(200, "text/javascript; charset=utf-8", self.server.script, head)
        elif path.startswith(RESERVED):
            self._send(404, "text/plain; charset=utf-8", b"not found\n", head)
        else:
            self._file(head)

    def _file(self, head: bool) -> None:
        hub = self.server.hub
        if hub.state.build == 0:  # the first build is running: wait for it a moment
            hub.wait_newer(0, FIRST_BUILD_WAIT_SECONDS)
            if hub.state.build == 0 and not hub.closed:
                self._send(503, "text/html; charset=utf-8",
                           inject_script(BUILDING, script_tag(hub.state, 503)), head)
                return
        state = hub.state  # read before the file: a newer page only patches again
        resolved, data = self._load(self.path, wait=state.site_build > 0)
        if resolved.status == 301:
            self.send_response(301)
            self.send_header("Location", resolved.location)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if resolved.status == 403:
            self._send(403, "text/plain; charset=utf-8", b"forbidden\n", head)
            return
        status = 200
        if data is None:
            status, data = 404, self._not_found_page()
            resolved = Resolved(404, file=Path("404.html"))
        kind = _content_type(resolved.file)
        if kind.startswith("text/html"):
            data = inject_script(data, script_tag(state, status))
        self._send(status, kind, data, head)

    def _load(self, target: str, wait: bool) -> tuple[Resolved, bytes | None]:
        """Resolve and read, retrying once in case the output folder was being swapped.

        With `wait` (a site was built, so a missing folder means a swap is under
        way) wait for the folder to come back first.
        """
        for attempt in range(2):
            if wait:
                _wait_for_folder(self.server.root)
            resolved = resolve_request(self.server.root, target)
            if resolved.status == 200 and resolved.file is not None:
                try:
                    return resolved, resolved.file.read_bytes()
                except OSError:
                    continue
            if resolved.status != 404 or attempt:
                return resolved, None
        return Resolved(404), None

    def _not_found_page(self) -> bytes:
        if not self.server.root.is_dir():
            return NO_SITE_YET
        _, data = self._load("/404.html", wait=False)
        return data if data is not None else NOT_FOUND_FALLBACK

    def _send(self, status: int, kind: str, data: bytes, head: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store" if kind.startswith("text/html") else "no-cache")
        self.end_headers()
        if not head:
            self.wfile.write(data)

    def _events(self) -> None:
        """Server-Sent Events: the current state at once, then each newer one."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        hub, seen = self.server.hub, None
        try:
            with hub.page_open(page_file(self.path)):
                self.wfile.write(b"retry: 1000\n\n")
                while not hub.closed:
                    state = hub.wait_newer(seen, KEEPALIVE_SECONDS)
                    if state is None:
                        self.wfile.write(b": keep-alive\n\n")
                        continue
                    seen = state.build
                    self.wfile.write(f"data: {json.dumps(state.to_json_dict())}\n\n".encode())
        except (ConnectionError, TimeoutError, OSError):
            pass


def _content_type(file: Path | None) -> str:
    kind = mimetypes.guess_type(file.name)[0] if file else None
    kind = kind or "application/octet-stream"
    if kind.startswith("text/") or kind in ("application/javascript", "application/json"):
        kind += "; charset=utf-8"
    return kind


def _wait_for_folder(root: Path, timeout: float = SWAP_WAIT_SECONDS) -> None:
    """Wait while the output folder is absent (mid-swap); give up after `timeout`."""
    deadline = time.monotonic() + timeout
    while not root.is_dir() and time.monotonic() < deadline:
        time.sleep(0.01)
