"""Keys for reusing rendered pages: a page is rendered again only when what it shows
could have changed.

A page's key hashes its own template context in full (a digest by its story's
content key and its sources' covers, a topic or edition by the digests it
lists) plus what every page shares: the config, the templates, the asset names
and the names and links of the topics and editions.  A page that read the story
lists of the site-wide `topics` or `editions` (`digest.render.navigation`) is
stored with a key of those lists too, and rendered again when they change.  So
editing one article, or adding one, re-renders its story page, its topic page,
the editions it appears in and the front page, not the other 2,000 story pages.
A page whose context holds something this module does not know how to hash, or
nothing at all (pages that read only the site-wide lists), is always rendered.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from digest.compose.model import Digest
from digest.config import Config
from digest.hashing import key_of
from digest.images import CoverImage, ImageSet
from digest.rank.weeks import TopicWeek
from digest.render.editions import Edition, EditionStory
from digest.render.listing import Pager
from digest.render.navigation import TopicView


class _Unhashable(Exception):
    """The context holds a value with no canonical key: render the page."""


def shared_key(config: Config, asset_names: Mapping[str, str], templates: str,
                       topics: Sequence[TopicView], editions: Sequence[Edition]) -> str:
    """What every page depends on besides its own context: the names and links of the
    topics and editions, not their story lists."""
    links = ([(t.name, t.slug, t.path) for t in topics], [(e.day, e.path) for e in editions])
    return key_of(config, sorted(asset_names.items()), templates, links)


def lists_key(topics: Sequence[TopicView], editions: Sequence[Edition],
              digests: Mapping[str, Any]) -> str | None:
    """What a page that read the story lists of the topics or editions depends on too;
    None when a listed digest cannot be cached.  `digests` is `digest_keys` of the build."""
    try:
        return key_of(_value(list(topics), digests), _value(list(editions), digests))
    except _Unhashable:
        return None


def digest_keys(digests: Sequence[Digest], images: ImageSet) -> dict[str, Any]:
    """Each digest's part of a page key, by story slug (computed once per build): a hash
    of its story's content key, its sources' covers and its storyline's id (lists show a
    storyline once); None when it cannot be cached."""
    keys: dict[str, Any] = {}
    for digest in digests:
        story = digest.story.content_key
        covers = [_cover_identity(images.covers.get(a.rel_path)) for a in digest.story.articles]
        keys[digest.story.slug] = key_of("digest", story, covers, digest.story.storyline) \
            if story else None
    return keys


def _cover_identity(cover: CoverImage | None) -> str | None:
    return cover.identity if cover is not None else None


def page_key(shared: str, path: str, template: str, context: Mapping[str, Any],
             digests: Mapping[str, Any]) -> str | None:
    """The cache key of a page, or None when it must be rendered every time.
    `digests` is `digest_keys` of the build."""
    if not context:
        return None
    try:
        own = [(name, _value(value, digests)) for name, value in sorted(context.items())]
    except _Unhashable:
        return None
    return key_of(shared, path, template, own)


def _value(value: Any, digests: Mapping[str, Any]) -> Any:
    if value is None or isinstance(value, (str, int, float, bool, dt.date)):
        return value
    if isinstance(value, Digest):
        key = digests.get(value.story.slug)
        if key is None:
            raise _Unhashable
        return key
    if isinstance(value, Edition):
        return ("edition", value.day, value.path, _value(value.stories, digests))
    if isinstance(value, EditionStory):
        return ("edition-story", _value(value.digest, digests), value.updated, value.new_sources)
    if isinstance(value, (tuple, list)):
        return [_value(item, digests) for item in value]
    if isinstance(value, TopicView):
        return ("topic", value.name, value.slug, value.path, _value(value.digests, digests),
                [week.path for week in value.weeks])
    if isinstance(value, Pager):
        return ("pager", value.number, value.count, value.path, value.previous,
                value.following, value.first, _value(value.items, digests))
    if isinstance(value, TopicWeek):
        # the week's text is made from its ranked digests alone (`digest.rank.weeks`)
        return ("week", value.topic.name, value.topic.slug, value.year, value.week,
                _value(value.stories, digests))
    raise _Unhashable
