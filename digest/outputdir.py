"""The output folder as a whole: which folders digest may write a site into, and
`digest clean`, which removes only what digest wrote there."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from digest.errors import ConfigError
from digest.journal import (
    MARKER,
    list_files,
    read_manifest,
    remove_debris,
    remove_owned,
    remove_path,
)


def check_output_folder(output: Path, protected: Sequence[Path | tuple[str, Path]]) -> None:
    """Refuse an output folder whose replacement would destroy something else.

    `protected` are folders that must survive (the site, content and templates
    folders), each a path or a (name, path) pair. Raises ConfigError with the reason.
    """
    output = output.resolve()
    forbidden = {Path("/").resolve(), Path.home().resolve()}
    if output in forbidden:
        raise ConfigError(f"refusing to write the site to {output}", hint="choose --output DIR")
    for entry in protected:
        name, folder = entry if isinstance(entry, tuple) else ("", entry)
        folder = folder.resolve()
        label = f"the {name} folder" if name else "a folder of the site's sources"
        if output == folder:
            raise ConfigError(f"output folder {output} is {label}",
                              hint="choose an output folder outside the site's sources")
        if folder.is_relative_to(output):
            raise ConfigError(f"output folder {output} contains {label}, {folder}",
                              hint="choose an output folder outside the site's sources")
    if (output / ".git").exists():
        raise ConfigError(f"output folder {output} is a git repository",
                          hint="choose another --output")
    if output.is_dir() and any(output.iterdir()) and not (output / MARKER).exists():
        raise ConfigError(f"output folder {output} exists and was not written by digest",
                          hint="empty it, remove it, or choose another --output")


def clean_output(output: Path) -> tuple[int, list[str]]:
    """Remove every file digest wrote into `output` (per its manifest), the manifest, and
    the folders left empty; (files removed, files kept because digest did not write
    them). Raises ConfigError, removing nothing, when the manifest is missing or damaged."""
    output = output.resolve()
    manifest = read_manifest(output)
    if manifest is None:
        raise ConfigError(f"output folder {output} has no readable manifest ({MARKER}), so "
                          "digest cannot tell its files from yours; nothing removed from it",
                          hint="build once (which rewrites the manifest), or remove it by hand")
    remove_debris(output, inside=True)
    removed = sum(remove_owned(output, path) for path in sorted(manifest.owned()))
    (output / MARKER).unlink()
    kept = sorted(list_files(output))
    if not kept:
        remove_path(output)
    return removed, kept
