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
from zoneinfo import ZoneInfo

from digest.config_rules import check_cross_fields
from digest.errors import ConfigError

CONFIG_FILE = "digest.toml"


def option(default: Any, help: str, choices: tuple[Any, ...] = (),
           minimum: float | None = None, key: str = "") -> Any:
    """Declare one config option with its default, help line, allowed values, (for a
    number) its smallest allowed value, and `key`, its name in digest.toml when that is
    not a Python name (e.g. "from")."""
    meta = {"help": help, "choices": choices, "minimum": minimum, "key": key}
    if isinstance(default, (list, dict)):
        return field(default_factory=lambda: type(default)(default), metadata=meta)
    return field(default=default, metadata=meta)


@dataclass(frozen=True)
class MarkdownConfig:
    allow_html: bool = option(False, "Pass raw HTML in article bodies through to pages.")
    allow_unsafe_links: bool = option(False, "Keep javascript:/data: links (never needed).")


@dataclass(frozen=True)
class GroupConfig:
    window_days: float = option(7.0, "Articles further apart than this are never one story.",
                               minimum=0.01)
    topic_synonyms: dict = option(
        {"Artificial Intelligence": "AI", "A.I.": "AI"},
        "Map topic labels to one name, e.g. 'Artificial Intelligence' = 'AI'.",
    )
    auto_cluster: bool = option(True, "Find stories automatically (else only `story:` keys).")


@dataclass(frozen=True)
class ComposeConfig:
    summary_words: int = option(90, "Word budget of the generated summary box.", minimum=1)
    summary_sentences: int = option(4, "Most sentences in the summary box.", minimum=1)
    takeaways_min: int = option(3, "Fewest key takeaways to aim for.", minimum=0)
    takeaways_max: int = option(6, "Most key takeaways.", minimum=0)
    brief_words: int = option(300, "Most words of the brief (a one-source story's aims at "
                              "40 % of it, each further source adds up to 20 %); 0: no brief.")


@dataclass(frozen=True)
class ImagesConfig:
    widths: list = option([480, 960, 1600], "Widths (px) each local cover is resized to.")
    quality: int = option(80, "JPEG and WebP quality (1-95).")
    avif: bool = option(False, "Also write AVIF when Pillow supports it.")
    fetch_remote: bool = option(False, "Download remote covers at build time (network!).")
    max_remote_bytes: int = option(20_000_000, "Largest remote cover accepted, in bytes.",
                                   minimum=1)
    max_shared_cover: int = option(3, "A cover shown on more stories than this is a feed's "
                                   "placeholder: no story shows it (0: no limit).")


@dataclass(frozen=True)
class RankConfig:
    """How stories are scored (`digest.rank`): corroboration, recency, the editor's word."""

    top: int = option(8, "Stories in the front page's Top stories (0: none).")
    outlet_weight: float = option(1.0, "Score per independent outlet (copies never count).")
    source_weight: float = option(0.25, "Score per source article (copies never count).")
    half_life_hours: float = option(72.0, "Hours after which recency halves a score, counted "
                                    "back from the site's newest article.")
    unsourced: float = option(0.2, "Factor for a story with no source URL or no known outlet.")
    service: float = option(0.5, "Factor for a story whose every headline is a service piece "
                            "(buying guide, how-to, deals post, review, event preview).")
    pinned: float = option(1000.0, "Added to the score of a story file with `pin: true`.")
    week_top: int = option(5, "Stories summed up in each weekly topic digest.")


@dataclass(frozen=True)
class TopicsConfig:
    """Which topic each story goes under."""

    map: dict = option({}, "Scraped category or tag -> one of your topics (case-insensitive).")
    source: str = option("topic", "Labels read for the topic: the articles' topic/category, "
                         "their tags (then topic), or none.", ("topic", "tags", "none"),
                         key="from")
    min_stories: int = option(1, "Topics with fewer stories fold into one 'More' topic.")
    per_page: int = option(20, "Stories per topic page (later pages at page/2/ ...).")


@dataclass(frozen=True)
class ServeConfig:
    host: str = option("127.0.0.1", "Address the preview server binds.")
    port: int = option(8000, "Port of the preview server.", minimum=0)


@dataclass(frozen=True)
class SearchConfig:
    enabled: bool = option(False, "Build a full-text search index with Pagefind.")


@dataclass(frozen=True)
class ImportConfig:
    feeds: list = option([], "Feeds `digest import` reads when given none: a list of tables "
                         "{url = \"...\", topic = \"...\", outlet = \"...\"} (url may be a "
                         "file path relative to the site folder; topic and outlet optional).")
    fetch_pages: bool = option(False, "Fetch each article page when a feed carries only excerpts "
                               "and extract its main text (network, import only).")
    timeout: float = option(20.0, "Seconds one feed or page request may take in all.")
    max_feed_bytes: int = option(10_000_000, "Largest feed accepted, in bytes.")
    max_page_bytes: int = option(5_000_000, "Largest article page accepted, in bytes.")
    max_redirects: int = option(5, "Most redirects followed for one request.")


"""The keys of one `[import] feeds` entry."""


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
    front_page_stories: int = option(30, "Most stories listed on the front page, top stories "
                                     "included.", minimum=1)
    hash_assets: bool = option(True, "Put a content hash in asset file names, so browsers may "
                               "cache them forever (digest serve turns it off).")
    markdown: MarkdownConfig = field(default_factory=MarkdownConfig)
    group: GroupConfig = field(default_factory=GroupConfig)
    compose: ComposeConfig = field(default_factory=ComposeConfig)
    images: ImagesConfig = field(default_factory=ImagesConfig)
    serve: ServeConfig = field(default_factory=ServeConfig)
    rank: RankConfig = field(default_factory=RankConfig)
    topics: TopicsConfig = field(default_factory=TopicsConfig)
    search: SearchConfig = field(default_factory=SearchConfig)
    import_: ImportConfig = field(default_factory=ImportConfig, metadata={"key": "import"})
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
            raw = tomllib.loads(path.read_text(encoding="utf-8-sig"))  # a BOM is harmless
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"invalid TOML: {exc}", path=path) from None
    for dotted, value in (overrides or {}).items():
        if value is not None:
            _set_dotted(raw, dotted, value)
    config = _build(Config, raw, path, prefix="")
    config = dataclasses.replace(config, site_dir=site_dir)
    check_cross_fields(config, path)
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
    fields = {_key(f): f for f in dataclasses.fields(schema) if not f.metadata.get("internal")}
    hints = typing.get_type_hints(schema)
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in fields:
            raise ConfigError(_unknown_key_message(prefix + key, fields), path=path,
                              field=prefix + key)
        name = fields[key].name
        kind = hints[name]
        if dataclasses.is_dataclass(kind):
            values[name] = _build(kind, value, path, prefix=f"{prefix}{key}.")
        else:
            values[name] = _check_value(prefix + key, value, kind, fields[key], path)
    return schema(**values)


def _key(spec: dataclasses.Field) -> str:
    """The option's name in digest.toml (`import`, a Python keyword, is the field `import_`)."""
    return spec.metadata.get("key") or spec.name


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
    minimum = spec.metadata.get("minimum")
    if minimum is not None and value < minimum:
        raise ConfigError(f"option '{key}' is {value!r}; it must be at least {minimum}",
                          path=path, field=key, hint=spec.metadata.get("help", ""))
    return float(value) if base is float else value


def describe_options() -> list[tuple[str, str, str]]:
    """(dotted key, default, help) for every option, for docs and `--help`."""
    rows: list[tuple[str, str, str]] = []

    def walk(schema: type, prefix: str) -> None:
        hints = typing.get_type_hints(schema)
        for spec in dataclasses.fields(schema):
            if spec.metadata.get("internal"):
                continue
            if dataclasses.is_dataclass(hints[spec.name]):
                walk(hints[spec.name], f"{prefix}{_key(spec)}.")
                continue
            default = spec.default if spec.default is not dataclasses.MISSING \
                else spec.default_factory()  # type: ignore[misc]
            rows.append((prefix + _key(spec), repr(default), spec.metadata.get("help", "")))

    walk(Config, "")
    return rows
