"""Themes: a folder of Jinja2 templates plus `static/`, overridable per template.

Lookup order for a template: the site's own `templates/` folder, then the
theme's `templates/`. Static files are copied under `assets/` with a content
hash in their names so they can be cached forever.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

import jinja2
import jinja2.bccache

from digest.config import Config
from digest.errors import ThemeError
from digest.files import OutputFile, write_atomic
from digest.hashing import key_of
from digest.signing import cache_key, sign, signed_by

PACKAGE_DIR = Path(__file__).resolve().parent.parent
# The wheel carries themes inside the package; an editable install finds them beside it.
THEME_ROOTS = (PACKAGE_DIR / "themes", PACKAGE_DIR.parent / "themes")


@dataclass(frozen=True)
class Theme:
    """A resolved theme: where its templates and static files are."""

    name: str
    path: Path

    @property
    def templates(self) -> Path:
        return self.path / "templates"

    @property
    def static(self) -> Path:
        return self.path / "static"


def builtin_themes() -> list[str]:
    """Names of the themes shipped with digest."""
    names = {p.name for root in THEME_ROOTS if root.is_dir() for p in root.iterdir()
             if (p / "templates").is_dir()}
    return sorted(names)


def find_theme(config: Config) -> Theme:
    """The theme `config.theme` names: a folder (relative to the site) or a built-in name."""
    as_path = (config.site_dir / config.theme).resolve()
    candidates = [as_path, config.site_dir / "themes" / config.theme]
    candidates += [root / config.theme for root in THEME_ROOTS]
    for candidate in candidates:
        if (candidate / "templates").is_dir():
            return Theme(name=candidate.name, path=candidate.resolve())
    raise ThemeError(f"theme {config.theme!r} not found",
                     hint=f"use one of {', '.join(builtin_themes())} or a folder with templates/")


def make_environment(theme: Theme, config: Config,
                     compiled: Path | None = None) -> jinja2.Environment:
    """A Jinja2 environment with autoescape on, site templates searched first.

    With `compiled`, templates compiled by an earlier build are loaded from that
    folder (Jinja2 keys them by their source's hash) instead of compiled again.
    An environment serves one build, so templates are not checked for changes
    each time a page asks for them (`auto_reload`).
    """
    loaders = []
    if config.templates_path.is_dir():
        loaders.append(jinja2.FileSystemLoader(str(config.templates_path)))
    loaders.append(jinja2.FileSystemLoader(str(theme.templates)))
    return jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        bytecode_cache=SignedBytecodeCache(_folder(compiled)) if compiled else None,
    )


class SignedBytecodeCache(jinja2.FileSystemBytecodeCache):
    """Jinja2's compiled templates on disk, each file signed with this user's key
    (`digest.signing`): compiled templates are code, so a file from anyone else (a cache
    folder received with a site) is compiled again, never loaded."""

    def __init__(self, directory: str) -> None:
        super().__init__(directory)
        self._key = cache_key()

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            data = Path(self._get_cache_filename(bucket)).read_bytes()
        except OSError:
            return
        signature, _, payload = data.partition(b"\n")
        if signed_by(self._key, payload, signature):
            bucket.load_bytecode(io.BytesIO(payload))

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        buffer = io.BytesIO()
        bucket.write_bytecode(buffer)
        payload = buffer.getvalue()
        target = Path(self._get_cache_filename(bucket))
        try:
            write_atomic(target, sign(self._key, payload) + b"\n" + payload)
        except OSError:
            pass  # a cache that cannot be written is no error


def _folder(path: Path) -> str:
    path.mkdir(parents=True, exist_ok=True)
    return str(path)


def theme_assets(theme: Theme, config: Config) -> tuple[dict[str, str], list[OutputFile]]:
    """Static files as output files with hashed names (unless `hash_assets` is off), and a
    map name → site path.

    A site's own `static/` folder overrides theme files of the same name.
    """
    static = static_files(theme, config)
    names: dict[str, str] = {}
    files: list[OutputFile] = []
    for name in sorted(static):
        data = static[name].read_bytes()
        short_hash = hashlib.sha256(data).hexdigest()[:10]
        stem, dot, suffix = name.rpartition(".")
        hashed = f"{stem}.{short_hash}.{suffix}" if dot else f"{name}.{short_hash}"
        names[name] = f"assets/{hashed if config.hash_assets else name}"
        files.append(OutputFile(path=names[name], data=data))
    return names, files


def static_files(theme: Theme, config: Config) -> dict[str, Path]:
    """Each static file's name (under assets/) → the file that provides it: the site's
    `static/` folder wins over the theme's."""
    found: dict[str, Path] = {}
    for folder in (theme.static, config.site_dir / "static"):
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file() and not path.name.startswith("."):
                    found[path.relative_to(folder).as_posix()] = path
    return dict(sorted(found.items()))


def templates_key(theme: Theme, config: Config) -> str:
    """Hash of every template file a page could use (the site's and the theme's)."""
    parts: list[object] = []
    for folder in (config.templates_path, theme.templates):
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    parts += [path.as_posix(), path.read_bytes()]
    return key_of(*parts)
