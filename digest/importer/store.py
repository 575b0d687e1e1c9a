"""The content folder as the importer sees it: which file holds which source URL,
which slugs are taken, and writing one article file safely.

Writes are atomic (a temporary file beside the target, then `os.replace`) and
never leave `content/`: the target's resolved path must lie inside the resolved
content folder, so a symlinked folder or file pointing elsewhere is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from digest.content.fields import resolve_aliases
from digest.content.reader import find_article_files
from digest.files import write_atomic
from digest.importer.articles import canonical_url

MAX_READ_BYTES = 5_000_000
_FRONT = re.compile(r"\A\ufeff?---\r?\n(.*?)\r?\n(?:---|\.\.\.)\s*(?:\r?\n|\Z)", re.DOTALL)
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class UnsafePath(Exception):
    """A target outside the content folder, or reached through a symlink."""


@dataclass
class ContentIndex:
    """Existing articles by source URL, and the slugs and files in use (one import run)."""

    content_dir: Path
    by_source: dict[str, Path] = field(default_factory=dict)
    taken: dict[str, str] = field(default_factory=dict)
    """Lowercased relative path or slug -> the source URL that holds it ("" when unknown)."""

    def claim(self, rel_path: str, slug: str, source: str) -> None:
        """Record that `source` now owns this file and slug."""
        self.by_source[source] = self.content_dir / rel_path
        self.taken[rel_path.lower()] = source
        self.taken[slug.lower()] = source

    def free(self, rel_path: str, slug: str, source: str) -> bool:
        """True when neither the file nor the slug belongs to another source."""
        return all(self.taken.get(key.lower(), source) == source for key in (rel_path, slug))


def index_content(content_dir: Path) -> ContentIndex:
    """Read the front matter of every article under `content_dir`, `source` through
    its aliases (`url`, `link` ...), so an article written by hand or by a scraper
    is found too (unreadable ones are only marked taken: the build reports them)."""
    index = ContentIndex(content_dir)
    for path in find_article_files(content_dir):
        rel = path.relative_to(content_dir).as_posix()
        meta, _extra, _aliases = resolve_aliases(_front_matter(path))
        source = meta.get("source") if isinstance(meta.get("source"), str) else ""
        key = canonical_url(source) if source.startswith(("http://", "https://")) else ""
        index.taken[rel.lower()] = key
        index.taken[str(meta.get("slug") or path.stem).lower()] = key
        if key and key not in index.by_source:
            index.by_source[key] = path
    return index


def _front_matter(path: Path) -> dict:
    try:
        if path.stat().st_size > MAX_READ_BYTES:
            return {}
        match = _FRONT.match(path.read_text(encoding="utf-8", errors="replace"))
        meta = yaml.load(match.group(1), Loader=_Loader) if match else {}
    except (OSError, yaml.YAMLError):
        return {}
    return meta if isinstance(meta, dict) else {}


def read_text(path: Path) -> str | None:
    """An existing article's text (None when it cannot be read as UTF-8)."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def safe_target(content_dir: Path, rel_path: str) -> Path:
    """`content_dir/rel_path`, checked to stay inside the content folder; UnsafePath if not."""
    root = content_dir.resolve()
    target = root / rel_path
    if target.is_symlink():
        raise UnsafePath(f"{rel_path} is a symlink; digest import does not write through it")
    resolved = target.resolve()
    if not resolved.is_relative_to(root) or resolved == root:
        raise UnsafePath(f"{rel_path} resolves to {resolved}, outside {root}")
    return resolved


def write_text_atomic(target: Path, text: str) -> None:
    """Write `text` (UTF-8, newlines as written) to `target` in one rename
    (`digest.files.write_atomic`)."""
    write_atomic(target, text.encode("utf-8"))
