"""Download remote covers (only when `images.fetch_remote` is on).

A download is cached by the SHA-256 of its URL under `<cache>/images/remote/`,
so a URL is fetched once, not on every build. Limits: http(s) only, a 10 s
timeout, `max_remote_bytes`, and a `Content-Type` of `image/*`.
"""

from __future__ import annotations

import hashlib
import http.client
import urllib.error
import urllib.request
from pathlib import Path

from digest.files import write_atomic

TIMEOUT = 10.0
USER_AGENT = "digest-static-site-generator (cover images)"


class FetchError(Exception):
    """A remote cover that could not be downloaded; the message says why."""


def cached_download(url: str, folder: Path, max_bytes: int) -> tuple[Path, bool]:
    """Local path of the downloaded cover, and whether it was fetched now.

    Raises FetchError (never a network exception) when it cannot be had."""
    target = folder / (hashlib.sha256(url.encode()).hexdigest() + ".img")
    if target.is_file():
        return target, False
    data = fetch(url, max_bytes)
    folder.mkdir(parents=True, exist_ok=True)
    write_atomic(target, data)
    return target, True


def fetch(url: str, max_bytes: int, timeout: float = TIMEOUT) -> bytes:
    """The body of `url` if it is an image no larger than `max_bytes`."""
    if not url.startswith(("http://", "https://")):
        raise FetchError("is not an http(s) URL")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            kind = response.headers.get_content_type()
            if not kind.startswith("image/"):
                raise FetchError(f"is served as {kind}, not an image")
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(f"is larger than {max_bytes} bytes")
            data = response.read(max_bytes + 1)
    except FetchError:
        raise
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as exc:
        raise FetchError(f"could not be downloaded ({exc})") from None
    if len(data) > max_bytes:
        raise FetchError(f"is larger than {max_bytes} bytes")
    return data
