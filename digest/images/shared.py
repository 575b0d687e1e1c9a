"""Covers shared by many stories: a feed's placeholder photo is nobody's cover.

Scraped feeds give hundreds of unrelated articles one stock photo.  A cover image
(the same processed image, or the same remote URL) that the articles of more than
`images.max_shared_cover` stories carry is dropped from every article, so no story
shows it; one warning names them all.  A story whose first covered source loses
its cover shows the next source's, as `cover_of` picks it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from digest.content.model import Article
from digest.group.model import Story
from digest.images.model import ImageSet


def drop_shared_covers(images: ImageSet, stories: Sequence[Story], limit: int) -> ImageSet:
    """`images` without the covers shown by more than `limit` stories (0: no limit), and
    without their files unless another cover still uses them."""
    if limit <= 0:
        return images
    stories_of: dict[str, set[str]] = {}
    names: dict[str, set[str]] = {}
    for story in stories:
        for article in story.articles:
            cover = images.covers.get(article.rel_path)
            if cover is not None:
                stories_of.setdefault(cover.src, set()).add(story.slug)
                names.setdefault(cover.src, set()).add(_name(article))
    shared = sorted(src for src, slugs in stories_of.items() if len(slugs) > limit)
    if not shared:
        return images
    dropped = set(shared)
    covers = {path: cover for path, cover in images.covers.items() if cover.src not in dropped}
    kept = {v.path for c in covers.values() for v in c.variants} | \
        {c.social for c in covers.values() if c.social}
    files = tuple(f for f in images.files if f.path in kept)
    named = ", ".join(f"{min(names[src])} ({len(stories_of[src])} stories)"
                      for src in sorted(shared, key=lambda src: min(names[src])))
    warning = (f"{len(shared)} cover image(s) shared by more than {limit} stories are shown "
               f"as no story's cover (images.max_shared_cover): {named}")
    return dataclasses.replace(images, covers=covers, files=files,
                               warnings=(*images.warnings, warning))


def _name(article: Article) -> str:
    """How the warning names an article's cover: its URL, else its file name."""
    cover = article.cover
    if cover is None:
        return "?"
    return cover.url or (cover.path.name if cover.path else "?")
