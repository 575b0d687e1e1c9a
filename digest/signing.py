"""The per-user key that signs what digest caches, so that a cache file received with
someone else's site folder is never loaded (unpickling or unmarshalling it could run
their code).

The key lives outside every site, in `$XDG_CONFIG_HOME/digest/cache-key` (by default
`~/.config/digest/cache-key`), created with mode 0600 on first use. A cache file whose
HMAC-SHA256 does not match this key (unsigned, signed by another user or machine,
altered) counts as foreign: it is rebuilt, never read. If the key cannot be stored,
a key for this process alone is used: caches are then not reused, but stay safe.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

KEY_BYTES = 32


def key_path() -> Path:
    """Where this user's cache key is kept."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "digest" / "cache-key"


def cache_key() -> bytes:
    """This user's cache key: read, or created (0600) the first time."""
    path = key_path()
    try:
        key = bytes.fromhex(path.read_text(encoding="ascii").strip())
        if len(key) == KEY_BYTES:
            return key
    except (OSError, ValueError):
        pass
    key = secrets.token_bytes(KEY_BYTES)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        partial = path.with_name(f".cache-key.{os.getpid()}")
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="ascii") as stream:
            stream.write(key.hex() + "\n")
        os.link(partial, path)  # fails if another process made the key meanwhile
        os.unlink(partial)
    except FileExistsError:
        os.unlink(partial)
        return cache_key()
    except OSError:
        return key  # unsaved: this process's caches are its own
    return key


def sign(key: bytes, data: bytes) -> bytes:
    """The signature of `data` (64 hex digits, as bytes)."""
    return hmac.new(key, data, hashlib.sha256).hexdigest().encode()


def signed_by(key: bytes, data: bytes, signature: bytes) -> bool:
    """True when `signature` is `data`'s signature under `key`."""
    return hmac.compare_digest(sign(key, data), signature)
