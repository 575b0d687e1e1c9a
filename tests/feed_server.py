"""A fixture web server on 127.0.0.1 for the import tests: files from a folder (with
`{{BASE}}` replaced by the server's address) plus routes that misbehave on purpose."""

from __future__ import annotations

import gzip
import http.server
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

TYPES = {".xml": "application/xml", ".html": "text/html; charset=utf-8", ".json":
         "application/feed+json", ".txt": "text/plain", ".gif": "image/gif"}
HUGE_BYTES = 50_000_000


@dataclass
class FeedServer:
    """What the running server serves and what it was asked for."""

    root: Path
    base: str = ""
    extra: dict[str, bytes] = field(default_factory=dict)
    """Further routes: path -> body (content type from the extension)."""
    requests: list[tuple[str, str]] = field(default_factory=list)
    """(path, User-Agent) of every request, in order."""
    sleep: float = 3.0


def _handler(state: FeedServer) -> type:
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            state.requests.append((self.path, self.headers.get("User-Agent", "")))
            path = self.path.split("?", 1)[0]
            special = {"/loop": self._loop, "/huge.xml": self._huge, "/huge-stream.xml":
                       self._huge_stream, "/slow.xml": self._slow, "/to-ftp": self._to_ftp,
                       "/drip.xml": self._drip, "/gzip.xml": self._gzip}
            if path in special:
                return special[path]()
            body = state.extra.get(path)
            file = (state.root / path.lstrip("/")).resolve()
            if body is None and file.is_file() and file.is_relative_to(state.root.resolve()):
                body = file.read_bytes()
            if body is None:
                return self._send(404, b"not found", "text/plain")
            body = body.replace(b"{{BASE}}", state.base.encode())
            self._send(200, body, TYPES.get(Path(path).suffix, "application/octet-stream"))

        def _send(self, status: int, body: bytes, kind: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _loop(self) -> None:
            # Every hop redirects to a new URL, so only the hop limit stops it.
            count = int(self.path.split("n=")[-1]) if "n=" in self.path else 0
            self.send_response(302)
            self.send_header("Location", f"/loop?n={count + 1}")
            self.end_headers()

        def _to_ftp(self) -> None:
            self.send_response(301)
            self.send_header("Location", "ftp://127.0.0.1/feed.xml")
            self.end_headers()

        def _huge(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/xml")
            self.send_header("Content-Length", str(HUGE_BYTES))
            self.end_headers()
            self._stream(HUGE_BYTES)

        def _huge_stream(self) -> None:
            # No Content-Length: the client must count what it reads.
            self.send_response(200)
            self.send_header("Content-Type", "application/xml")
            self.end_headers()
            self._stream(HUGE_BYTES)

        def _stream(self, size: int) -> None:
            chunk = b"<item><title>padding</title></item>" * 2000
            try:
                self.wfile.write(b"<rss version='2.0'><channel>")
                for _ in range(size // len(chunk)):
                    self.wfile.write(chunk)
            except OSError:
                pass  # the client hung up at its size limit, as it should

        def _drip(self) -> None:
            # Headers at once, then a byte every 0.2 s: only a limit on the whole request
            # (not per socket read) stops it.
            self.send_response(200)
            self.send_header("Content-Type", "application/xml")
            self.end_headers()
            try:
                for byte in b"<rss version='2.0'><channel>" * 20:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                pass

        def _gzip(self) -> None:
            body = (state.root / "courier/rss.xml").read_bytes().replace(
                b"{{BASE}}", state.base.encode())
            packed = gzip.compress(body)
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(packed)))
            self.end_headers()
            self.wfile.write(packed)

        def _slow(self) -> None:
            time.sleep(state.sleep)
            try:
                self._send(200, b"<rss version='2.0'><channel></channel></rss>",
                           "application/xml")
            except OSError:
                pass

    return Handler


@contextmanager
def feed_server(root: Path, extra: dict[str, bytes] | None = None) -> Iterator[FeedServer]:
    """Serve `root` (and `extra` routes) on 127.0.0.1 at a free port in a thread."""
    state = FeedServer(root=root, extra=dict(extra or {}))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
