"""The build cache: results of earlier builds, reused while their inputs are unchanged.

Each stage that is worth caching asks `BuildCache.get(namespace, key)` before it
works and `put`s what it made. A key is a hash of everything the result depends
on (file bytes, the settings the stage reads), so a changed input is a
different key and a stale entry is simply never asked for again. The version of
digest's own code (and of the libraries that shape the output) is part of every
namespace file's header, so new code never trusts an old cache.

On disk each namespace is a folder in `.digest-cache/build/` of up to 16 shard
files (by the key's first hex digit): a header (magic, format, code version,
the payload's HMAC under this user's key, see `digest.signing`) and a pickle of
{key: pickled entry}. A file not signed with this user's key is never unpickled:
a cache received with someone else's site folder cannot run their code.
Entries stay pickled until asked for, and objects the build names by reference
(the articles inside stories and digests, see `References`) are stored as those
names and resolved against the current build, so a digest does not carry a second
copy of its articles' text. The cache knows no model class: the build hands it
the `References` to use.
A truncated, corrupted or foreign file is ignored and rewritten, never trusted.

Stages never see this class: they ask a typed `digest.memo.Memo` per stage, which a
`digest.session.BuildSession` makes from its cache. `digest build` makes a one-shot
session that loads and saves it; `digest serve` keeps one session for its whole run,
whose `digest.livecache.LiveCache` starts from it and then holds results in memory.
"""

from __future__ import annotations

import io
import pickle
import platform
import sys
from importlib import metadata
from pathlib import Path
from typing import Any, Protocol

from digest.files import write_atomic
from digest.hashing import key_of
from digest.signing import cache_key, sign, signed_by

FORMAT = 2
_MAGIC = b"DIGEST-CACHE\n"
_LIBRARIES = ("markdown-it-py", "mdit-py-plugins", "nh3", "markdownify", "jinja2", "numpy",
              "scipy", "pillow", "pyyaml", "python-frontmatter")


class References(Protocol):
    """How objects inside entries are stored by name and found again (e.g. articles)."""

    def reference(self, obj: Any) -> str | None:
        """The name `obj` is stored under, or None to pickle it whole."""

    def resolve(self, name: str) -> Any:
        """The object of this build with that name (KeyError when there is none)."""


class _NoReferences:
    def reference(self, obj: Any) -> str | None:
        return None

    def resolve(self, name: str) -> Any:
        raise KeyError(name)


class OneBuild:
    """The session lifecycle (`digest.session.SessionStore`) of a store that serves one
    build: nothing to begin, join, abandon or finish; its owner saves it (after a failed
    build too), and every file is read again."""

    keeps = True
    trusts_stamps = False

    def start_build(self) -> None:
        pass

    def join_build(self) -> None:
        pass

    def abandon_build(self) -> None:
        pass

    def finish_build(self) -> None:
        pass


def code_version() -> str:
    """Hash of digest's source files, the Python version and the output-shaping libraries."""
    package = Path(__file__).resolve().parent
    parts: list[Any] = [FORMAT, sys.version, platform.machine()]
    for path in sorted(package.rglob("*.py")):
        parts += [path.relative_to(package).as_posix(), path.read_bytes()]
    for name in _LIBRARIES:
        try:
            parts.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            parts.append((name, None))
    return key_of(*parts)


class BuildCache(OneBuild):
    """Keyed results of earlier builds, on disk (with a folder), for one build.

    What the build asks for or stores is what the next build can find: entries
    it did not use are dropped when the cache is saved, so it never outgrows the
    site. Each namespace is split into shards by key, and only shards whose
    entries changed are written again.
    """

    def __init__(self, folder: Path | None = None, version: str | None = None) -> None:
        self.folder = folder
        self.version = version or code_version()
        self._key = cache_key() if folder is not None else b""
        self._stored: dict[tuple[str, str], dict[str, bytes]] = {}
        """(namespace, shard) → entries on disk."""
        self._used: dict[tuple[str, str], dict[str, bytes]] = {}
        """(namespace, shard) → entries this build asked for or stored."""
        self._changed: set[tuple[str, str]] = set()
        self._references: References = _NoReferences()
        self.hits = 0
        self.misses = 0

    def refer_to(self, references: References) -> None:
        """How this build's entries name the objects they hold by reference (and find
        them again when loaded)."""
        self._references = references

    def get(self, namespace: str, key: str) -> Any | None:
        """The entry stored under `key`, or None. A damaged entry counts as missing."""
        shard = (namespace, key[:1])
        blob = self._used.get(shard, {}).get(key)
        if blob is None:
            blob = self._shard(shard).get(key)
        if blob is None:
            self.misses += 1
            return None
        try:
            value = _Unpickler(io.BytesIO(blob), self._references).load()
        except Exception:  # noqa: BLE001 - any damage means: compute it again
            self.misses += 1
            return None
        self._used.setdefault(shard, {})[key] = blob
        self.hits += 1
        return value

    def carry(self, namespace: str) -> None:
        """Keep every entry of `namespace` loaded so far for the next build: for a build
        that skips the stage which reads them."""
        for shard, entries in self._stored.items():
            if shard[0] == namespace:
                used = self._used.setdefault(shard, {})
                for key, blob in entries.items():
                    used.setdefault(key, blob)

    def keep(self, namespace: str, key: str) -> None:
        """Carry the entry under `key`, if any, over to the next build without loading it."""
        shard = (namespace, key[:1])
        blob = self._used.get(shard, {}).get(key) or self._shard(shard).get(key)
        if blob is not None:
            self._used.setdefault(shard, {})[key] = blob

    def put(self, namespace: str, key: str, value: Any, *, by_reference: bool = True) -> None:
        """Store `value`; with `by_reference` the objects `refer_to` names are stored as
        their names."""
        buffer = io.BytesIO()
        _Pickler(buffer, self._references if by_reference else _NoReferences()).dump(value)
        shard = (namespace, key[:1])
        self._used.setdefault(shard, {})[key] = buffer.getvalue()
        self._changed.add(shard)

    def save(self) -> None:
        """Write the shards whose entries changed and drop those this build left unused
        (of the namespaces it used); each file is replaced atomically."""
        if self.folder is None:
            return
        try:
            self._save()
        except OSError:
            pass  # a cache that cannot be written (disk full, a file in its place) costs
            # only time: the next build computes again what it would have held

    def _save(self) -> None:
        namespaces = {namespace for namespace, _ in self._used}
        for namespace in sorted(namespaces):
            folder = self.folder / namespace
            folder.mkdir(parents=True, exist_ok=True)
            for file in folder.glob("*.cache"):
                if (namespace, file.stem) not in self._used:
                    file.unlink()
            for file in folder.glob(".*.tmp"):  # a killed save's; the site lock keeps us alone
                file.unlink(missing_ok=True)
        for shard, entries in sorted(self._used.items()):
            if shard in self._changed or entries.keys() != self._shard(shard).keys():
                self._write(shard, entries)

    def _write(self, shard: tuple[str, str], entries: dict[str, bytes]) -> None:
        payload = pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL)
        header = b"%s%d\n%s\n%s\n" % (_MAGIC, FORMAT, self.version.encode(),
                                      sign(self._key, payload))
        write_atomic(self._path(shard), header + payload)
        self._stored[shard] = entries

    def _path(self, shard: tuple[str, str]) -> Path:
        namespace, prefix = shard
        return self.folder / namespace / f"{prefix}.cache"

    def _shard(self, shard: tuple[str, str]) -> dict[str, bytes]:
        if shard not in self._stored:
            self._stored[shard] = self._load(shard)
        return self._stored[shard]

    def _load(self, shard: tuple[str, str]) -> dict[str, bytes]:
        if self.folder is None:
            return {}
        try:
            data = self._path(shard).read_bytes()
        except OSError:
            return {}
        return _parse(data, self.version, self._key)


def _parse(data: bytes, version: str, key: bytes) -> dict[str, bytes]:
    """The entries of a cache file, or {} when it is damaged, foreign (not signed with
    `key`) or from other code. Nothing is unpickled before the signature matches."""
    if not data.startswith(_MAGIC):
        return {}
    lines = data[len(_MAGIC):].split(b"\n", 3)
    if len(lines) != 4 or lines[0] != str(FORMAT).encode() or lines[1] != version.encode():
        return {}
    payload = lines[3]
    if not signed_by(key, payload, lines[2]):
        return {}
    try:
        entries = pickle.loads(payload)
    except Exception:  # noqa: BLE001 - the hash matched, but be safe with old pickles
        return {}
    return entries if isinstance(entries, dict) else {}


class _Pickler(pickle.Pickler):
    def __init__(self, file: io.BytesIO, references: References) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._references = references

    def persistent_id(self, obj: Any) -> str | None:
        return self._references.reference(obj)


class _Unpickler(pickle.Unpickler):
    def __init__(self, file: io.BytesIO, references: References) -> None:
        super().__init__(file)
        self._references = references

    def persistent_load(self, pid: Any) -> Any:
        return self._references.resolve(pid)
