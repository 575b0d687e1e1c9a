"""The cache folder (`cache_dir`) as digest's own: marked, checked, never confused with
a folder of yours, because `digest clean` deletes it."""

from __future__ import annotations

from pathlib import Path

from digest.errors import ConfigError

CACHE_TAG = "CACHEDIR.TAG"
"""The marker of a folder digest made for its cache (the Cache Directory Tagging
Specification's file, so backup tools skip it too); `digest clean` deletes only a
folder that holds it."""
_TAG_TEXT = ("Signature: 8a477f597d28d172789f06886806bc55\n"
             "# This folder is digest's build cache; `digest clean` removes it.\n")
_CACHE_ENTRIES = {"build", "images", "templates", "preview", "lock", CACHE_TAG}
"""What digest puts in its cache folder: a folder holding only these is one it made."""


def claim_cache_folder(folder: Path, create: bool = True) -> None:
    """Make sure `folder` is digest's cache folder: create it with its marker (unless not
    `create`), or mark one digest made without it. Raises ConfigError for a file, or a
    folder holding other files (it is never written into, and `digest clean` never
    deletes it)."""
    if is_cache_folder(folder):
        _check_subfolders(folder)
        return
    if folder.exists() and not folder.is_dir():
        raise ConfigError(f"cache folder {folder} is a file", field="cache_dir",
                          hint="remove it, or set cache_dir to another folder")
    if folder.is_dir() and not made_by_digest(folder):
        raise ConfigError(f"cache folder {folder} holds files digest did not write",
                          field="cache_dir", hint="set cache_dir to a folder of its own, e.g. "
                          "'.digest-cache'")
    if folder.is_dir() or create:
        _check_subfolders(folder)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / CACHE_TAG).write_text(_TAG_TEXT, encoding="utf-8")


def _check_subfolders(folder: Path) -> None:
    for name in sorted(_CACHE_ENTRIES - {"lock", CACHE_TAG}):
        if (folder / name).exists() and not (folder / name).is_dir():
            raise ConfigError(f"{folder / name} is a file where digest keeps a folder of its "
                              "cache", field="cache_dir",
                              hint="remove it, or run `digest clean` (the cache is rebuilt)")


def is_cache_folder(folder: Path) -> bool:
    """True when `folder` holds digest's cache marker."""
    try:
        return (folder / CACHE_TAG).read_text(encoding="utf-8") == _TAG_TEXT
    except (OSError, UnicodeDecodeError):
        return False


def made_by_digest(folder: Path) -> bool:
    """True when `folder` is digest's cache: it has the marker, or holds nothing but what
    digest puts there (a cache an older digest made)."""
    if is_cache_folder(folder):
        return True
    try:
        return {p.name for p in folder.iterdir()} <= _CACHE_ENTRIES
    except OSError:
        return False
