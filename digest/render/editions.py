"""Daily editions: for each publishing day, the stories that were new or got new
sources that day, like the front page of a daily digest."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from digest.compose.model import Digest


EDITIONS = "editions/"


@dataclass(frozen=True)
class EditionStory:
    digest: Digest
    updated: bool
    """True when the story began on an earlier day and got new sources on this one."""
    new_sources: int
    """How many of its sources were published on this day."""


@dataclass(frozen=True)
class Edition:
    day: dt.date
    stories: tuple[EditionStory, ...]
    """Best scored first (`digest.rank`)."""

    @property
    def path(self) -> str:
        return edition_path(self.day)


def edition_path(day: dt.date) -> str:
    return f"editions/{day.isoformat()}/"


def local_day(moment: dt.datetime, tz: ZoneInfo) -> dt.date:
    """The calendar day of `moment` in the site's timezone."""
    return moment.astimezone(tz).date()


def build_editions(digests: Sequence[Digest], tz: ZoneInfo,
                   score: Callable[[str], float] | None = None) -> tuple[Edition, ...]:
    """One edition per day on which any article was published, oldest first; each
    edition's stories best first by `score` (of a story slug), else newest first."""
    by_day: dict[dt.date, list[EditionStory]] = {}
    days: dict[dt.datetime, dt.date] = {}  # many articles share a timestamp
    for digest in digests:
        first_day = local_day(digest.story.first_date, tz)
        counts: dict[dt.date, int] = {}
        for source in digest.sources:
            moment = source.article.date
            day = days.get(moment) or days.setdefault(moment, local_day(moment, tz))
            counts[day] = counts.get(day, 0) + 1
        for day, count in counts.items():
            by_day.setdefault(day, []).append(
                EditionStory(digest=digest, updated=day != first_day, new_sources=count))
    editions = []
    for day in sorted(by_day):
        stories = sorted(by_day[day], key=lambda s: (
            -score(s.digest.slug) if score else s.updated,
            -s.digest.story.last_date.timestamp(), s.digest.slug))
        editions.append(Edition(day=day, stories=tuple(stories)))
    return tuple(editions)


def story_timeline(digest: Digest, tz: ZoneInfo) -> list[tuple[dt.date, list[int]]]:
    """(day, source numbers published that day) for the story page's timeline."""
    days: dict[dt.date, list[int]] = {}
    for source in digest.sources:
        days.setdefault(local_day(source.article.date, tz), []).append(source.number)
    return sorted(days.items())
