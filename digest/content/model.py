"""The typed article that every later stage reads.

Raw front matter stops at the `content` stage: aliases, date spellings, HTML
bodies and scraped junk are resolved here, so `group`, `compose` and `render`
never guess what a field means.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Mapping


@dataclass(frozen=True)
class Cover:
    """An article's cover image, as the front matter names it."""

    path: Path | None
    """Absolute path of a local image file (checked to exist inside the site), else None."""
    url: str | None
    """An http(s) URL for a remote cover, else None."""
    alt: str
    """Alternative text: `cover_alt`, else the article title."""
    looked_at: tuple[Path, ...] = ()
    """The local paths tried, in order, ending with `path`: the build cache re-checks them."""


@dataclass(frozen=True)
class RemovedLine:
    """A body line dropped as scraped boilerplate, kept so `digest report` can show it."""

    line: int
    """1-based line in the cleaned markdown before removal."""
    text: str
    rule: str
    """Name of the cleaning rule that matched (see `digest.content.clean_rules`)."""


@dataclass(frozen=True)
class Article:
    """One source article: a markdown file with YAML front matter, validated."""

    path: Path
    """Absolute path of the file."""
    rel_path: str
    """POSIX path relative to the content folder: the article's stable id."""
    title: str
    """Plain text, HTML entities decoded, whitespace folded."""
    date: datetime
    """Publication time, timezone-aware (naive dates are in the site's timezone)."""
    slug: str
    """URL-safe name: `slug:` from the front matter, else derived from the title."""
    slug_is_explicit: bool
    source: str | None
    """URL of the original article."""
    outlet: str
    """Publisher name (`outlet`, else derived from the source's domain, else "Unknown")."""
    authors: tuple[str, ...]
    topics: tuple[str, ...]
    """Topic labels as written; the first is primary. Normalised by `group`."""
    story_key: str | None
    """Explicit `story:` key: articles sharing one are one story."""
    tags: tuple[str, ...]
    cover: Cover | None
    excerpt: str | None
    draft: bool
    body: str
    """Cleaned markdown body: HTML converted to markdown, boilerplate lines removed."""
    body_line: int
    """1-based line of the file where the body starts."""
    removed: tuple[RemovedLine, ...] = ()
    """Boilerplate lines removed from the body."""
    aliases: tuple[tuple[str, str], ...] = ()
    """(alias used, canonical field) for every aliased key in the front matter."""
    extra: Mapping[str, Any] = field(default_factory=dict)
    """Front-matter fields digest does not know, kept for templates."""
    file_key: str = ""
    """Hash of the file's bytes and the settings that shaped this article: the key of
    every cached result that depends on it ("" for an article not read from a file)."""

    @property
    def topic(self) -> str:
        """The primary topic label ("" when the article has none)."""
        return self.topics[0] if self.topics else ""


@dataclass(frozen=True)
class StoryOverride:
    """An editor's story file (`kind: story`): hand-written text wins over generated text."""

    path: Path
    rel_path: str
    story_key: str
    """The `story:` key this file edits; matches the articles' `story:` key or a story slug."""
    title: str | None = None
    summary: str | None = None
    takeaways: tuple[str, ...] = ()
    reviewed_by: str | None = None
    topic: str | None = None
    include: tuple[str, ...] = ()
    """Articles (paths relative to content/) forced into this story (`include:`, or the
    older `pin:` with a list)."""
    exclude: tuple[str, ...] = ()
    """Articles (paths relative to content/) kept out of this story."""
    pinned: bool = False
    """`pin: true`: the story leads the top stories whatever its score (`digest.rank`)."""
    weight: float = 1.0
    """The editor's factor on the story's score: 2 doubles it, 0 sinks the story."""
    note: str = ""
    """The file's markdown body: an editor's note shown on the story page."""
    file_key: str = ""
    """Hash of the file's bytes (see `Article.file_key`)."""


@dataclass(frozen=True)
class Skipped:
    """An article left out of the site, and why (drafts, future dates, invalid files)."""

    rel_path: str
    reason: str


class ArticleReferences:
    """The articles and story files of one build, named by content path: how the build
    cache stores them inside stories and digests (`digest.cache.References`)."""

    def __init__(self, items: Iterable[Article | StoryOverride]) -> None:
        self._by_path = {item.rel_path: item for item in items}

    def reference(self, obj: Any) -> str | None:
        """The content path of an article or story file; None for anything else."""
        return obj.rel_path if isinstance(obj, (Article, StoryOverride)) else None

    def resolve(self, name: str) -> Article | StoryOverride:
        """The article or story file of this build at that content path."""
        return self._by_path[name]
