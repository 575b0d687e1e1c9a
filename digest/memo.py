"""What a stage asks the build cache: a typed memo of its results by key.

A stage that is worth caching takes a `Memo[T]` and calls
`memo.get_or_compute(key, compute)` (or `get_or_compute_all` for work spread
over the machine's cores). It never checks whether there is a cache: a build
without one hands it `NO_MEMO`, which always computes and keeps nothing. A key
of None means "this result cannot be cached" (an article not read from a file):
it is computed every time.

`Memos` is the set a build runs with, one memo per stage, made by
`memos_for(store)`; a store that keeps nothing (`NullStore`) gets `NO_MEMOS`.
`FileStamps` lets a long-running session trust
a file's stamp instead of reading its bytes again, and `LastRead` lets it read
only the files changed since its last build.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

from digest.cache import OneBuild, References

T = TypeVar("T")

__all__ = ["NO_MEMO", "NO_MEMOS", "FileStamps", "LastRead", "Memo", "Memos", "NullStore",
           "Store", "memos_for"]


class Store(Protocol):
    """Where memos keep results: `digest.cache.BuildCache` (on disk, one build),
    `digest.livecache.LiveCache` (in memory, a session's builds) or `NullStore`
    (nowhere: a build without a cache)."""

    keeps: bool
    """Whether what is put is kept: False only for `NullStore`."""

    def get(self, namespace: str, key: str) -> Any | None:
        """The entry under `key`, or None."""

    def put(self, namespace: str, key: str, value: Any, *, by_reference: bool = True) -> None:
        """Store `value` under `key`."""

    def keep(self, namespace: str, key: str) -> None:
        """Keep the entry under `key` for the next build without loading it."""

    def carry(self, namespace: str) -> None:
        """Keep every entry of `namespace` the last build had for the next build."""

    def refer_to(self, references: References) -> None:
        """How entries name the objects they hold by reference."""


class Memo(Generic[T]):
    """A memo that keeps nothing: every result is computed (a build without a cache)."""

    def get(self, key: str | None) -> T | None:
        """The result stored under `key`, or None."""
        return None

    def put(self, key: str | None, value: T) -> None:
        """Store `value` under `key` (nothing for a key of None)."""

    def keep(self, key: str) -> None:
        """Keep the result under `key` for the next build without loading it."""

    def carry_all(self) -> None:
        """Keep every result the last build had for the next one: for a build that
        skips the stage which asks for them."""

    def get_or_compute(self, key: str | None, compute: Callable[[], T]) -> T:
        """The result stored under `key`, else `compute()`, stored under `key`."""
        found = self.get(key)
        if found is None:
            found = compute()
            self.put(key, found)
        return found

    def get_or_compute_all(self, keys: Sequence[str | None],
                           compute_all: Callable[[list[int]], Iterable[T]]) -> list[T]:
        """The results under `keys`, in order; those missing are computed together by
        `compute_all(indexes)` (which may spread them over processes) and stored."""
        found: list[T | None] = [self.get(key) for key in keys]
        missing = [i for i, value in enumerate(found) if value is None]
        for i, value in zip(missing, compute_all(missing), strict=True):
            found[i] = value
            self.put(keys[i], value)
        return found  # type: ignore[return-value]


class _StoredMemo(Memo[T]):
    """One namespace of a `Store`."""

    def __init__(self, cache: Store, namespace: str, by_reference: bool) -> None:
        self._cache, self._namespace, self._by_reference = cache, namespace, by_reference

    def get(self, key: str | None) -> T | None:
        return self._cache.get(self._namespace, key) if key else None

    def put(self, key: str | None, value: T) -> None:
        if key:
            self._cache.put(self._namespace, key, value, by_reference=self._by_reference)

    def keep(self, key: str) -> None:
        self._cache.keep(self._namespace, key)

    def carry_all(self) -> None:
        self._cache.carry(self._namespace)


NO_MEMO: Memo[Any] = Memo()


class NullStore(OneBuild):
    """A store that keeps nothing (`digest build --no-cache`): memos on it compute every
    result, and a session on it has nothing to load, track or save."""

    keeps = False
    folder: Path | None = None

    def get(self, namespace: str, key: str) -> Any | None:
        return None

    def put(self, namespace: str, key: str, value: Any, *, by_reference: bool = True) -> None:
        pass

    def keep(self, namespace: str, key: str) -> None:
        pass

    def carry(self, namespace: str) -> None:
        pass

    def refer_to(self, references: References) -> None:
        pass

    def save(self) -> None:
        pass


@dataclass
class FileStamps:
    """Path → (mtime, size, inode), the read settings and the key of its bytes, as the
    last build of a long-running session saw them: a file whose stamp is unchanged is
    not read again. `enabled` is False for a build that must read every file."""

    enabled: bool = False
    known: dict[Path, tuple[tuple[int, int, int], str, str]] = field(default_factory=dict)

    def key_for(self, path: Path, stamp: tuple[int, int, int], settings: str) -> str | None:
        """The key of the file's bytes when its stamp and the settings are unchanged."""
        known = self.known.get(path) if self.enabled else None
        return known[2] if known is not None and known[:2] == (stamp, settings) else None

    def note(self, path: Path, stamp: tuple[int, int, int], settings: str, key: str) -> None:
        """Remember the key of the file's bytes as of `stamp`."""
        if self.enabled:
            self.known[path] = (stamp, settings, key)

    def forget(self, paths: Iterable[Path]) -> None:
        """Read these files again next build, whatever their stamps say (a watcher saw
        them change, perhaps twice within the file system's clock tick)."""
        for path in paths:
            self.known.pop(path, None)
            self.known.pop(path.resolve(), None)


@dataclass(frozen=True)
class LastRead:
    """What the last build of a session read, and what changed since: the read stage
    reads only the changed files again (`digest.content.reader.read_articles`)."""

    files: Mapping[Path, Any]
    """What each file gave that build, in path order (`ReadResult.files`)."""
    changed: Collection[Path]
    """The paths changed since, as a file watcher saw them."""


@dataclass(frozen=True)
class Memos:
    """One memo per stage that caches, and what else a build may reuse."""

    articles: Memo[Any] = NO_MEMO
    """Parsed files (`Article`, `StoryOverride`) by file key."""
    profiles: Memo[Any] = NO_MEMO
    """Grouping profiles by article."""
    stories: Memo[Any] = NO_MEMO
    """A read's grouping by the key of its files (paths and file keys): what a build
    reuses when no file changed. What it computes is a `digest.build.StoriesOf`, whose
    `read` a session's stories memo may answer from (`digest.session`)."""
    groupings: Memo[Any] = NO_MEMO
    """Whole groupings by the key of what grouping reads (profiles and settings)."""
    digests: Memo[Any] = NO_MEMO
    """Composed digests by story key and settings."""
    pages: Memo[Any] = NO_MEMO
    """Rendered pages by page key."""
    markdown: Memo[str] = NO_MEMO
    """HTML of markdown texts."""
    stamps: FileStamps = field(default_factory=FileStamps)
    last_read: LastRead | None = None
    """The last build's files and the paths changed since; None: read every file."""
    templates: Path | None = None
    """Folder of compiled templates, or None."""
    cache: Store = field(default_factory=NullStore, repr=False)

    @property
    def enabled(self) -> bool:
        """Whether results are kept (keys are worth computing)."""
        return self.cache.keeps

    def refer_to(self, references: References) -> None:
        """How this build's cached entries name the objects they hold by reference."""
        self.cache.refer_to(references)


NO_MEMOS = Memos()


def memos_for(cache: Store, templates: Path | None,
              stamps: FileStamps | None = None) -> Memos:
    """The memos of one build kept in `cache`, with compiled templates in `templates`;
    `NO_MEMOS` for a store that keeps nothing (no keys computed, no templates compiled)."""
    if not cache.keeps:
        return NO_MEMOS
    def memo(namespace: str, by_reference: bool = True) -> Memo[Any]:
        return _StoredMemo(cache, namespace, by_reference)
    return Memos(articles=memo("articles", False), profiles=memo("profiles"),
                 stories=memo("stories"), groupings=memo("grouping"), digests=memo("digests"),
                 pages=memo("pages"), markdown=memo("markdown", False),
                 stamps=stamps or FileStamps(), templates=templates, cache=cache)
