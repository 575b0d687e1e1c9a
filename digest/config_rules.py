"""The rules a loaded configuration must keep beyond each option's type and choices:
several options together, the feeds of `[import]`, the cache folder's place (digest
clean deletes it), ranking weights and topic settings. `digest.config` calls
`check_cross_fields` once every value is valid."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit
from zoneinfo import ZoneInfoNotFoundError

from digest.errors import ConfigError

if TYPE_CHECKING:
    from digest.config_schema import Config, ImportConfig

FEED_KEYS = ("url", "topic", "outlet")
"""The keys of one `[import] feeds` entry."""

BRIEF_WORDS = (60, 2000)
"""Allowed `compose.brief_words` besides 0: fewer than 60 words is the summary box's
job; more than 2,000 is no longer a brief."""


def check_cross_fields(config: Config, path: Path) -> None:
    """Raise ConfigError for the first rule `config` breaks: rules that involve several
    options or the file system; they run after every value has its type and choice."""
    try:
        config.tz
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"option 'timezone' is {config.timezone!r}, not a known IANA timezone",
                          path=path, field="timezone", hint="e.g. 'UTC' or 'Europe/Berlin'")
    if config.base_url and (not config.base_url.startswith(("http://", "https://"))
                            or not urlsplit(config.base_url).hostname):
        raise ConfigError(f"option 'base_url' is {config.base_url!r}; it must be an http:// or "
                          "https:// URL with a host name", path=path, field="base_url",
                          hint="e.g. 'https://news.example.org/'")
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
    _check_import(config.import_, path)
    _check_cache_dir(config, path)
    _check_rank(config, path)
    _check_topics(config, path)


def _check_import(settings: ImportConfig, path: Path) -> None:
    """Each `[import] feeds` entry is a table with a `url` and only known keys; no url twice."""
    seen: set[str] = set()
    for number, feed in enumerate(settings.feeds, start=1):
        key = f"import.feeds[{number}]"
        if not isinstance(feed, dict):
            raise ConfigError(f"option '{key}' must be a table, not {feed!r}", path=path,
                              field=key, hint='write {url = "https://...", topic = "..."}')
        for name, value in feed.items():
            if name not in FEED_KEYS:
                close = difflib.get_close_matches(name, FEED_KEYS, n=1)
                guess = f"; did you mean '{close[0]}'?" if close else \
                    f"; known keys: {', '.join(FEED_KEYS)}"
                raise ConfigError(f"unknown key '{name}' in '{key}'{guess}", path=path, field=key)
            if not isinstance(value, str) or not value.strip():
                raise ConfigError(f"'{key}.{name}' must be a non-empty string, not {value!r}",
                                  path=path, field=key)
        url = feed.get("url")
        if url is None:
            raise ConfigError(f"'{key}' has no url", path=path, field=key,
                              hint="add url = \"https://...\" (or a file path)")
        if "://" in url and not url.startswith(("http://", "https://")):
            raise ConfigError(f"'{key}.url' is {url!r}; only http(s) URLs and file paths are read",
                              path=path, field=key)
        if url in seen:
            raise ConfigError(f"'{key}.url' {url!r} is listed twice", path=path, field=key)
        seen.add(url)
    for name in ("timeout", "max_feed_bytes", "max_page_bytes"):
        if getattr(settings, name) <= 0:
            raise ConfigError(f"option 'import.{name}' must be positive", path=path)
    if settings.max_redirects < 0:
        raise ConfigError("option 'import.max_redirects' must be 0 or more", path=path)


def _check_cache_dir(config: Config, path: Path) -> None:
    """The cache folder is digest's to delete (`digest clean`), so it must be a folder of
    its own inside the site: never the site, its sources, the output, a git repository,
    `/` or the home folder, nor a folder holding any of them."""
    cache, site = config.cache_path, config.site_dir.resolve()
    why = ""
    if cache in (Path("/").resolve(), Path.home().resolve()) or cache == site:
        why = "is the site folder, / or your home folder"
    elif not cache.is_relative_to(site):
        why = "is outside the site folder"
    elif ".git" in cache.relative_to(site).parts or (cache / ".git").exists():
        why = "is (inside) a git repository"
    else:
        for name, folder in (("content", config.content_path),
                             ("templates", config.templates_path),
                             ("static", site / "static"), ("output", config.output_path)):
            if folder == cache or folder.is_relative_to(cache) and name != "output":
                why = f"is or holds the {name} folder"
            elif cache.is_relative_to(folder):
                why = f"is inside the {name} folder"
            if why:
                break
    if why:
        raise ConfigError(f"option 'cache_dir' is {config.cache_dir!r}, which {why}; digest "
                          "clean deletes this folder", path=path, field="cache_dir",
                          hint="use a folder of its own inside the site, e.g. '.digest-cache'")


def _check_rank(config: Config, path: Path) -> None:
    rank = config.rank
    for name in ("top", "outlet_weight", "source_weight", "unsourced", "service", "pinned",
                 "week_top"):
        if getattr(rank, name) < 0:
            raise ConfigError(f"option 'rank.{name}' is {getattr(rank, name)!r}; it must not "
                              "be negative", path=path, field=f"rank.{name}")
    if rank.half_life_hours <= 0:
        raise ConfigError(f"option 'rank.half_life_hours' is {rank.half_life_hours!r}; it must "
                          "be more than 0", path=path, field="rank.half_life_hours",
                          hint="e.g. 72 halves a story's score for every three days of age")
    for name in ("unsourced", "service"):
        if getattr(rank, name) > 1:
            raise ConfigError(f"option 'rank.{name}' is {getattr(rank, name)!r}; it is a "
                              "demotion factor between 0 and 1", path=path,
                              field=f"rank.{name}")


def _check_topics(config: Config, path: Path) -> None:
    topics = config.topics
    for label, target in topics.map.items():
        if not isinstance(target, str) or not target.strip():
            raise ConfigError(f"option 'topics.map' maps {label!r} to {target!r}; each value "
                              "must be a topic name", path=path, field="topics.map",
                              hint='e.g. map = { "General AI" = "AI" }')
    if topics.min_stories < 1:
        raise ConfigError(f"option 'topics.min_stories' is {topics.min_stories!r}; it must be "
                          "at least 1", path=path, field="topics.min_stories")
    if topics.per_page < 1:
        raise ConfigError(f"option 'topics.per_page' is {topics.per_page!r}; it must be at "
                          "least 1", path=path, field="topics.per_page")
    if config.images.max_shared_cover < 0:
        raise ConfigError("option 'images.max_shared_cover' must not be negative", path=path,
                          field="images.max_shared_cover")
