"""The site's configuration schema: every option of `digest.toml` declared once, as
frozen dataclasses with their type, default and help line (`option`).

Loading and validating a `digest.toml` against it is `digest.config`; the rules that
look at several options together are `digest.config_rules`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

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
