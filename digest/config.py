"""Site configuration: one dataclass schema from which loading, defaults,
validation and `digest config` help all come.

A site is a folder holding `digest.toml` (optional) and `content/`. Every
option is declared once below, with its type, default and a help line; the
loader checks types and choices, rejects unknown keys with a "did you mean"
suggestion, and applies command-line overrides last.
"""

from __future__ import annotations

import dataclasses
import difflib
import tomllib
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from digest.errors import ConfigError

CONFIG_FILE = "digest.toml"


def option(default: Any, help: str, choices: tuple[Any, ...] = ()) -> Any:
    """Declare one config option with its default, help line and allowed values."""
    meta = {"help": help, "choices": choices}
    if isinstance(default, (list, dict)):
        return field(default_factory=lambda: type(default)(default), metadata=meta)
    return field(default=default, metadata=meta)


@dataclass(frozen=True)
class MarkdownConfig:
    allow_html: bool = option(False, "Pass raw HTML in article bodies through to pages.")
    allow_unsafe_links: bool = option(False, "Keep javascript:/data: links (never needed).")


@dataclass(frozen=True)
class GroupConfig:
    window_days: float = option(7.0, "Articles further apart than this are never one story.")
    topic_synonyms: dict = option(
        {"Artificial Intelligence": "AI", "A.I.": "AI"},
        "Map topic labels to one name, e.g. 'Artificial Intelligence' = 'AI'.",
    )
    auto_cluster: bool = option(True, "Find stories automatically (else only `story:` keys).")


@dataclass(frozen=True)
class ComposeConfig:
    summary_words: int = option(90, "Word budget of the generated summary box.")
    summary_sentences: int = option(4, "Most sentences in the summary box.")
    takeaways_min: int = option(3, "Fewest key takeaways to aim for.")
    takeaways_max: int = option(6, "Most key takeaways.")
    brief_words: int = option(300, "Most words of the brief (a one-source story's aims at "
                              "40 % of it, each further source adds up to 20 %); 0: no brief.")


@dataclass(frozen=True)
class ImagesConfig:
    widths: list = option([480, 960, 1600], "Widths (px) each local cover is resized to.")
    quality: int = option(80, "JPEG and WebP quality (1-95).")
    avif: bool = option(False, "Also write AVIF when Pillow supports it.")
    fetch_remote: bool = option(False, "Download remote covers at build time (network!).")
    max_remote_bytes: int = option(20_000_000, "Largest remote cover accepted, in bytes.")


@dataclass(frozen=True)
class ServeConfig:
    host: str = option("127.0.0.1", "Address the preview server binds.")
    port: int = option(8000, "Port of the preview server.")


@dataclass(frozen=True)
class SearchConfig:
    enabled: bool = option(False, "Build a full-text search index with Pagefind.")


@dataclass(frozen=True)
class Config:
    """Everything a build needs to know, validated. Paths are absolute."""

    title: str = option("Digest", "Site title, shown in every page header.")
    description: str = option("", "One-line description for the front page and feeds.")
    base_url: str = option("", "Absolute URL the site is served from, e.g. https://example.org/.")
    language: str = option("en", "Language code of the site (the html lang attribute).")
    timezone: str = option("UTC", "IANA timezone for dates written without one.")
    content_dir: str = option("content", "Folder of articles, relative to the site folder.")
    output_dir: str = option("public", "Folder the site is written to.")
    cache_dir: str = option(".digest-cache", "Folder for the build cache.")
    theme: str = option("default", "A built-in theme name or a path to a theme folder.")
    templates_dir: str = option("templates", "Site folder whose templates override the theme's.")
    on_error: str = option("fail", "What a bad article does to the build.", ("fail", "skip"))
    drafts: bool = option(False, "Publish articles marked draft: true.")
    future: bool = option(False, "Publish articles dated in the future.")
    front_page_stories: int = option(30, "Most stories listed on the front page.")
    hash_assets: bool = option(True, "Put a content hash in asset file names, so browsers may "
                               "cache them forever (digest serve turns it off).")
    markdown: MarkdownConfig = field(default_factory=MarkdownConfig)
    group: GroupConfig = field(default_factory=GroupConfig)
    compose: ComposeConfig = field(default_factory=ComposeConfig)
    images: ImagesConfig = field(default_factory=ImagesConfig)
    serve: ServeConfig = field(default_factory=ServeConfig)
    search: SearchConfig = field(default_factory=SearchConfig)
    site_dir: Path = field(default=Path("."), metadata={"internal": True})

    @property
    def content_path(self) -> Path:
        return (self.site_dir / self.content_dir).resolve()

    @property
    def output_path(self) -> Path:
        return (self.site_dir / self.output_dir).resolve()

    @property
    def cache_path(self) -> Path:
        return (self.site_dir / self.cache_dir).resolve()

    @property
    def templates_path(self) -> Path:
        return (self.site_dir / self.templates_dir).resolve()

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


def load_config(site_dir: Path, overrides: dict[str, Any] | None = None) -> Config:
    """Read `site_dir/digest.toml` (if present), apply `overrides` (dotted keys
    such as "markdown.allow_html" from the command line) and validate.

    Raises ConfigError naming the key, the bad value and the allowed values.
    """
    site_dir = site_dir.resolve()
    if not site_dir.is_dir():
        raise ConfigError(f"site folder {site_dir} does not exist", hint="pass --site DIR")
    path = site_dir / CONFIG_FILE
    raw: dict[str, Any] = {}
    if path.is_file():
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"invalid TOML: {exc}", path=path) from None
    for dotted, value in (overrides or {}).items():
        if value is not None:
            _set_dotted(raw, dotted, value)
    config = _build(Config, raw, path, prefix="")
    config = dataclasses.replace(config, site_dir=site_dir)
    _check_cross_fields(config, path)
    return config


def _set_dotted(raw: dict[str, Any], dotted: str, value: Any) -> None:
    *parents, leaf = dotted.split(".")
    for name in parents:
        raw = raw.setdefault(name, {})
    raw[leaf] = value


def _build(schema: type, raw: dict[str, Any], path: Path, prefix: str) -> Any:
    """Instantiate the dataclass `schema` from `raw`, checking every key."""
    if not isinstance(raw, dict):
        raise ConfigError(f"[{prefix.rstrip('.')}] must be a table", path=path)
    fields = {f.name: f for f in dataclasses.fields(schema) if not f.metadata.get("internal")}
    hints = typing.get_type_hints(schema)
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in fields:
            raise ConfigError(_unknown_key_message(prefix + key, fields), path=path,
                              field=prefix + key)
        kind = hints[key]
        if dataclasses.is_dataclass(kind):
            values[key] = _build(kind, value, path, prefix=f"{prefix}{key}.")
        else:
            values[key] = _check_value(prefix + key, value, kind, fields[key], path)
    return schema(**values)


def _unknown_key_message(key: str, fields: dict[str, Any]) -> str:
    leaf = key.rsplit(".", 1)[-1]
    close = difflib.get_close_matches(leaf, list(fields), n=1)
    message = f"unknown option '{key}'"
    if close:
        message += f"; did you mean '{key[: len(key) - len(leaf)]}{close[0]}'?"
    else:
        message += f"; known options here: {', '.join(sorted(fields))}"
    return message


def _check_value(key: str, value: Any, kind: Any, spec: dataclasses.Field, path: Path) -> Any:
    base = typing.get_origin(kind) or kind
    if isinstance(base, types.UnionType):
        base = object
    ok = {
        bool: isinstance(value, bool),
        int: isinstance(value, int) and not isinstance(value, bool),
        float: isinstance(value, (int, float)) and not isinstance(value, bool),
        str: isinstance(value, str),
        list: isinstance(value, list),
        dict: isinstance(value, dict),
    }.get(base, True)
    if not ok:
        raise ConfigError(
            f"option '{key}' must be a {base.__name__}, not {type(value).__name__} {value!r}",
            path=path, field=key, hint=spec.metadata.get("help", ""))
    choices = spec.metadata.get("choices") or ()
    if choices and value not in choices:
        allowed = ", ".join(repr(c) for c in choices)
        raise ConfigError(f"option '{key}' is {value!r}; allowed values: {allowed}",
                          path=path, field=key)
    return float(value) if base is float else value


BRIEF_WORDS = (60, 2000)
"""Allowed `compose.brief_words` besides 0: fewer than 60 words is the summary box's
job; more than 2,000 is no longer a brief."""


def _check_cross_fields(config: Config, path: Path) -> None:
    """Rules that involve several options; they run after every value is valid."""
    try:
        config.tz
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"option 'timezone' is {config.timezone!r}, not a known IANA timezone",
                          path=path, field="timezone", hint="e.g. 'UTC' or 'Europe/Berlin'")
    if config.base_url and not config.base_url.startswith(("http://", "https://")):
        raise ConfigError(f"option 'base_url' is {config.base_url!r}; it must start with "
                          "http:// or https://", path=path, field="base_url")
    if not all(isinstance(w, int) and w > 0 for w in config.images.widths):
        raise ConfigError("option 'images.widths' must be a list of positive integers",
                          path=path, field="images.widths")
    if not 1 <= config.images.quality <= 95:
        raise ConfigError("option 'images.quality' must be between 1 and 95", path=path)
    if config.compose.takeaways_min > config.compose.takeaways_max:
        raise ConfigError("option 'compose.takeaways_min' is larger than takeaways_max",
                          path=path)
    words = config.compose.brief_words
    if words != 0 and not BRIEF_WORDS[0] <= words <= BRIEF_WORDS[1]:
        raise ConfigError(f"option 'compose.brief_words' is {words}; use 0 (no brief) or "
                          f"{BRIEF_WORDS[0]} to {BRIEF_WORDS[1]}", path=path,
                          field="compose.brief_words",
                          hint="e.g. 300: briefs of about 120 to 300 words")


def describe_options() -> list[tuple[str, str, str]]:
    """(dotted key, default, help) for every option, for docs and `--help`."""
    rows: list[tuple[str, str, str]] = []

    def walk(schema: type, prefix: str) -> None:
        hints = typing.get_type_hints(schema)
        for spec in dataclasses.fields(schema):
            if spec.metadata.get("internal"):
                continue
            if dataclasses.is_dataclass(hints[spec.name]):
                walk(hints[spec.name], f"{prefix}{spec.name}.")
                continue
            default = spec.default if spec.default is not dataclasses.MISSING \
                else spec.default_factory()  # type: ignore[misc]
            rows.append((prefix + spec.name, repr(default), spec.metadata.get("help", "")))

    walk(Config, "")
    return rows
