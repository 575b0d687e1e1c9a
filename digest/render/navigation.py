"""What every page can reach besides its own context: the site's topics and editions.

Templates see the topics and editions as `topics` and `editions`. Most pages
use them for navigation only (names and links); a few list their stories.
Each page gets them wrapped so that reading the story lists is noted (and
returned with the page, `digest.render.page.PageReads`): the page cache then
re-renders that page whenever any list changes, and every other page only when
the names and links do. A new story re-renders the pages that show it, not the
whole site.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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


class NavTopic:
    """A `TopicView` as the `topics` of one page show it: reading `digests` is noted."""

    __slots__ = ("_noted", "_topic", "name", "path", "slug")

    def __init__(self, topic: TopicView, noted: Callable[[], object]) -> None:
        self.name, self.slug, self.path = topic.name, topic.slug, topic.path
        self._topic, self._noted = topic, noted

    @property
    def digests(self) -> tuple[Digest, ...]:
        self._noted()
        return self._topic.digests


class NavEdition:
    """An `Edition` as the `editions` of one page show it: reading `stories` is noted."""

    __slots__ = ("_edition", "_noted", "day", "path")

    def __init__(self, edition: Edition, noted: Callable[[], object]) -> None:
        self.day, self.path = edition.day, edition.path
        self._edition, self._noted = edition, noted

    @property
    def stories(self) -> tuple[Any, ...]:
        self._noted()
        return self._edition.stories


def navigation(topics: Sequence[TopicView], editions: Sequence[Edition],
               noted: Callable[[], object]) -> dict[str, list]:
    """The `topics` and `editions` of one page; `noted()` is called when the page reads
    a story list of either."""
    return {"topics": [NavTopic(t, noted) for t in topics],
            "editions": [NavEdition(e, noted) for e in editions]}
