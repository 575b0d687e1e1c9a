"""Storylines on pages: the "Developing story" timeline of a story page, and story lists
that show each storyline once.

Both are plain tuples of plain values, so the page cache (`digest.render.pagecache`)
can key the pages that show them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from digest.compose.model import Digest
from digest.group.model import Grouping
from digest.render.urls import story_path


class StorylineEntry(NamedTuple):
    """One story of a storyline, as its timeline lists it."""

    date: dt.datetime
    """When the story began (its first article)."""
    title: str
    sources: int
    """Independent sources of the story."""
    path: str
    """The story page's path, e.g. "stories/harbor-bridge/"."""
    current: bool
    """Whether this is the story of the page showing the timeline."""


class StoryCard(NamedTuple):
    """A story to list, and how many earlier stories of its storyline it stands for."""

    digest: Digest
    earlier: int


def storyline_digests(grouping: Grouping, digests: Iterable[Digest]) -> dict[str, tuple[Digest, ...]]:
    """The digests of each story's storyline, oldest first, by story slug; only for the
    stories whose storyline holds more than one story."""
    by_slug = {d.story.slug: d for d in digests}
    lines: dict[str, tuple[Digest, ...]] = {}
    for stories in grouping.storylines.values():
        members = tuple(by_slug[s.slug] for s in stories if s.slug in by_slug)
        if len(members) > 1:
            lines.update((d.story.slug, members) for d in members)
    return lines


def storyline_entries(digest: Digest,
                      lines: Mapping[str, Sequence[Digest]]) -> tuple[StorylineEntry, ...]:
    """The timeline of `digest`'s storyline, oldest first, this story marked; empty when
    the storyline is this story alone.  `digest` stands in for the storyline's digest of
    the same story (it may be newer)."""
    members = lines.get(digest.story.slug, ())
    return tuple(_entry(digest if d.story.slug == digest.story.slug else d,
                        d.story.slug == digest.story.slug) for d in members)


def _entry(digest: Digest, current: bool) -> StorylineEntry:
    return StorylineEntry(date=digest.story.first_date, title=digest.title,
                          sources=len(digest.sources), path=story_path(digest.story.slug),
                          current=current)


def storyline_cards(digests: Iterable[Digest]) -> list[StoryCard]:
    """The digests to list with each storyline shown once: where the storyline first
    appears in `digests`, as its latest story among them (by last article, then slug),
    counting the others as `earlier`.  A story alone in its storyline is its own card."""
    digests = list(digests)
    groups: dict[str, list[Digest]] = {}
    for digest in digests:
        groups.setdefault(_line(digest), []).append(digest)
    cards = []
    for digest in digests:
        group = groups.pop(_line(digest), None)
        if group is not None:
            latest = max(group, key=lambda d: (d.story.last_date, d.story.first_date,
                                               d.story.slug))
            cards.append(StoryCard(digest=latest, earlier=len(group) - 1))
    return cards


def _line(digest: Digest) -> str:
    return digest.story.storyline or digest.story.slug
