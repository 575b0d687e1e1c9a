"""A small, bounded HTTP client for `digest import` (the only network use in digest).

Every request names digest in its User-Agent, speaks only http(s) (redirects
included), follows at most `max_redirects` redirects, stops reading past
`max_bytes` (compressed and decompressed), and gives up after `timeout` seconds
in all, not per socket read: a server that drips one byte a second is cut off.
Failures are `FetchError`s carrying a reason a person can act on; the caller
lists them and goes on with the next feed or page.
"""

from __future__ import annotations

import http.client
import socket
import time
import urllib.error
import urllib.request
import urllib.robotparser
import zlib
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from urllib.parse import urljoin, urlsplit

CHUNK = 65536
REDIRECTS = frozenset({301, 302, 303, 307, 308})


def user_agent() -> str:
    """`digest/<version> (+feed importer)`: sites can tell who is asking."""
    try:
        number = version("digest")
    except PackageNotFoundError:
        number = "0"
    return f"digest/{number} (static news digest; feed importer)"


class FetchError(Exception):
    """A feed or page could not be read; `reason` says why, for the summary."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Limits:
    """The bounds every request keeps to."""

    timeout: float = 20.0
    """Seconds for the whole request, redirects and body included."""
    max_bytes: int = 10_000_000
    """Largest body read, after decompression."""
    max_redirects: int = 5


@dataclass(frozen=True)
class Fetched:
    """A body read within the limits."""

    url: str
    """The URL the body came from, after redirects (or the file path)."""
    data: bytes
    content_type: str = ""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Redirects are followed by `fetch` itself, so each hop is checked and counted."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: D102
        return None


def _opener() -> urllib.request.OpenerDirector:
    # Proxies from the environment (as curl and pip use them); no file:// or ftp:// handlers.
    opener = urllib.request.OpenerDirector()
    handlers = [urllib.request.ProxyHandler(), urllib.request.HTTPHandler(), _NoRedirect(),
                urllib.request.HTTPErrorProcessor(), urllib.request.HTTPDefaultErrorHandler()]
    if hasattr(urllib.request, "HTTPSHandler"):  # absent when Python's ssl cannot load
        handlers.append(urllib.request.HTTPSHandler())
    for handler in handlers:
        opener.add_handler(handler)
    return opener


def check_url(url: str) -> None:
    """Raise FetchError unless `url` is an absolute http(s) URL with a host."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"only http(s) URLs are fetched, not {url!r}")
    if parts.scheme == "https" and not hasattr(urllib.request, "HTTPSHandler"):
        raise FetchError("this Python has no working ssl module, so https URLs cannot be read")


def fetch(url: str, limits: Limits, accept: str = "*/*") -> Fetched:
    """GET `url` within `limits`, following redirects; raise FetchError with a reason.

    A non-2xx status, a redirect loop or too many hops, a non-http(s) redirect
    target, a body over the size limit and running out of time are all errors.
    """
    deadline = time.monotonic() + limits.timeout
    opener = _opener()
    seen: list[str] = []
    while True:
        check_url(url)
        if url in seen:
            raise FetchError(f"redirect loop: {url} was already visited")
        seen.append(url)
        response = _open(opener, url, accept, deadline)
        with response:
            if response.status in REDIRECTS:
                target = response.headers.get("Location")
                if not target:
                    raise FetchError(f"HTTP {response.status} without a Location header")
                if len(seen) > limits.max_redirects:
                    raise FetchError(f"more than {limits.max_redirects} redirects")
                url = urljoin(url, target)
                continue
            if not 200 <= response.status < 300:
                raise FetchError(f"HTTP {response.status} {response.reason}")
            data = _read_body(response, limits.max_bytes, deadline)
            return Fetched(url, data, response.headers.get("Content-Type", ""))


def _open(opener, url: str, accept: str, deadline: float):
    request = urllib.request.Request(url, headers={
        "User-Agent": user_agent(), "Accept": accept, "Accept-Encoding": "gzip"})
    try:
        return opener.open(request, timeout=_left(deadline))
    except urllib.error.HTTPError as exc:
        if exc.code in REDIRECTS:
            return exc
        exc.close()
        raise FetchError(f"HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise FetchError("timed out") from None
        raise FetchError(f"cannot connect: {reason}") from None
    except (TimeoutError, socket.timeout):
        raise FetchError("timed out") from None
    except (OSError, http.client.HTTPException) as exc:
        raise FetchError(f"connection failed: {exc}") from None


def _left(deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise FetchError("timed out")
    return left


def _read_body(response, max_bytes: int, deadline: float) -> bytes:
    """The body, decompressed when gzip, never more than `max_bytes`."""
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(f"too large: {int(declared):,} bytes (limit {max_bytes:,})")
    gzip = response.headers.get("Content-Encoding", "").lower() == "gzip"
    inflate = zlib.decompressobj(16 + zlib.MAX_WBITS) if gzip else None
    parts: list[bytes] = []
    size = 0
    while True:
        _set_read_timeout(response, _left(deadline))
        try:
            chunk = response.read1(CHUNK) if hasattr(response, "read1") else response.read(CHUNK)
        except (TimeoutError, socket.timeout):
            raise FetchError("timed out") from None
        except (OSError, http.client.HTTPException) as exc:
            raise FetchError(f"connection failed while reading: {exc}") from None
        if not chunk:
            break
        if inflate is not None:
            try:
                chunk = inflate.decompress(chunk, max_bytes + 1 - size)
            except zlib.error:
                raise FetchError("the gzip body is corrupt") from None
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"too large: over {max_bytes:,} bytes")
        parts.append(chunk)
    return b"".join(parts)


def _set_read_timeout(response, seconds: float) -> None:
    """Shrink the socket timeout to what is left of the whole request's time."""
    sock = getattr(getattr(getattr(response, "fp", None), "raw", None), "_sock", None)
    if sock is not None:
        sock.settimeout(seconds)


def read_file(path: Path, max_bytes: int) -> Fetched:
    """A local feed file within the size limit; FetchError when unreadable or too large."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise FetchError(f"too large: {size:,} bytes (limit {max_bytes:,})")
        return Fetched(str(path), path.read_bytes())
    except OSError as exc:
        raise FetchError(f"cannot read the file: {exc.strerror or exc}") from None


@dataclass
class Robots:
    """robots.txt rules per site, fetched once per import run (held by one run only;
    `load` every site first when several threads then ask `allowed`)."""

    limits: Limits
    rules: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)

    def allowed(self, url: str) -> bool:
        """True when the site's robots.txt lets digest fetch `url`.

        No robots.txt (4xx) allows everything; a robots.txt that cannot be read
        (5xx, network error) forbids the site for this run, as crawlers do.
        """
        rules = self.rules[self.load(url)]
        return rules is None or rules.can_fetch(user_agent(), url)

    def load(self, url: str) -> str:
        """Read the robots.txt of `url`'s site unless already read; the site's root URL."""
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        if root not in self.rules:
            self.rules[root] = self._load(root + "/robots.txt")
        return root

    def _load(self, url: str) -> urllib.robotparser.RobotFileParser | None:
        parser = urllib.robotparser.RobotFileParser(url)
        try:
            text = fetch(url, self.limits, accept="text/plain").data.decode("utf-8", "replace")
        except FetchError as exc:
            if exc.reason.startswith("HTTP 4"):
                return None
            parser.disallow_all = True
            return parser
        parser.parse(text.splitlines())
        return parser
