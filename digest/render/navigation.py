"""What every page can reach besides its own context: the site's topics and editions.

Templates see the topics and editions as the globals `topics` and `editions`.
Most pages use them for navigation only (names and links); a few list their
stories.  The globals are wrapped so that a page which reads the story lists
is noticed (`ListReads`): the page cache then re-renders that page whenever
any list changes, and every other page only when the names and links do.  A
new story re-renders the pages that show it, not the whole site.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from digest.compose.model import Digest
from digest.render.editions import Edition


@dataclass(frozen=True)
class TopicView:
    """A topic with its stories, for templates."""

    name: str
    slug: str
    path: str
    digests: tuple[Digest, ...]
    """By day, then score (`digest.render.listing.listed_stories`)."""
    weeks: tuple[Any, ...] = ()
    """Its weekly digests (`digest.rank.weeks.TopicWeek`), newest first."""


class ListReads:
    """Notes whether the page being rendered read a story list of `topics` or `editions`."""

    def __init__(self) -> None:
        self.seen = False


class NavTopic:
    """A `TopicView` as the `topics` global shows it: reading `digests` is noted."""

    def __init__(self, topic: TopicView, reads: ListReads) -> None:
        self.name, self.slug, self.path = topic.name, topic.slug, topic.path
        self._topic, self._reads = topic, reads

    @property
    def digests(self) -> tuple[Digest, ...]:
        self._reads.seen = True
        return self._topic.digests


class NavEdition:
    """An `Edition` as the `editions` global shows it: reading `stories` is noted."""

    def __init__(self, edition: Edition, reads: ListReads) -> None:
        self.day, self.path = edition.day, edition.path
        self._edition, self._reads = edition, reads

    @property
    def stories(self) -> tuple[Any, ...]:
        self._reads.seen = True
        return self._edition.stories


def navigation_globals(topics: Sequence[TopicView], editions: Sequence[Edition],
                       reads: ListReads) -> dict[str, list]:
    """The `topics` and `editions` template globals, noting list reads in `reads`."""
    return {"topics": [NavTopic(t, reads) for t in topics],
            "editions": [NavEdition(e, reads) for e in editions]}
