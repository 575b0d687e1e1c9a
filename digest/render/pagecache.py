"""Keys for reusing rendered pages: a page is rendered again only when what it shows
could have changed.

A page's key hashes its own template context in full (a digest by its story's
fingerprint and its sources' covers, a topic or edition by the digests it
lists) plus what every page shares: the config, the templates, the asset names
and the site navigation (topics and editions with their stories' slugs and
titles). So editing one article re-renders its story page, its topic page, the
editions it appears in and the front page, not the other 2,000 story pages. A
page whose context holds something this module does not know how to hash, or
nothing at all (pages that read only the site-wide lists), is always rendered.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from digest.cache import fingerprint
from digest.compose import story_fingerprint
from digest.compose.model import Digest
from digest.config import Config
from digest.images import ImageSet
from digest.render.editions import Edition, EditionStory


class _Unhashable(Exception):
    """The context holds a value with no known fingerprint: render the page."""


def shared_fingerprint(config: Config, asset_names: Mapping[str, str], templates: str,
                       topics: Sequence[Any], editions: Sequence[Edition]) -> str:
    """What every page depends on besides its own context."""
    nav_topics = [(t.name, t.slug, t.path, [(d.story.slug, d.title) for d in t.digests])
                  for t in topics]
    nav_editions = [(e.day, e.path, [(s.digest.story.slug, s.digest.title, s.updated,
                                      s.new_sources) for s in e.stories]) for e in editions]
    return fingerprint(config, sorted(asset_names.items()), templates, nav_topics, nav_editions)


def page_key(shared: str, path: str, template: str, context: Mapping[str, Any],
             images: ImageSet) -> str | None:
    """The cache key of a page, or None when it must be rendered every time."""
    if not context:
        return None
    try:
        own = [(name, _value(value, images)) for name, value in sorted(context.items())]
    except _Unhashable:
        return None
    return fingerprint(shared, path, template, own)


def _value(value: Any, images: ImageSet) -> Any:
    if value is None or isinstance(value, (str, int, float, bool, dt.date)):
        return value
    if isinstance(value, Digest):
        story = story_fingerprint(value.story)
        if story is None:
            raise _Unhashable
        covers = [images.covers.get(a.rel_path) for s in value.sources
                  for a in (s.article, *s.copies)]
        return ("digest", story, covers)
    if isinstance(value, Edition):
        return ("edition", value.day, value.path, _value(value.stories, images))
    if isinstance(value, EditionStory):
        return ("edition-story", _value(value.digest, images), value.updated, value.new_sources)
    if isinstance(value, (tuple, list)):
        return [_value(item, images) for item in value]
    if hasattr(value, "digests") and hasattr(value, "path"):  # a TopicView
        return ("topic", value.name, value.slug, value.path, _value(value.digests, images))
    raise _Unhashable
