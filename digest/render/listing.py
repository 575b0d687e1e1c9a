"""The story lists of the front page and the topic pages, and their pages.

`listed_stories` is the one function that decides which cards a list shows and
in what order (topic pages by day, then score; the front page by score): a later
step that shows a run of related stories once slots in there.  `topic_views`
gives each topic its list; `paginate` cuts a topic's list into pages:
`topics/<t>/`, then `topics/<t>/page/2/` …, linked rel="prev"/"next".
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from digest.compose.model import Digest
from digest.group.model import Grouping, Topic
from digest.rank import Ranking, day_then_score
from digest.rank.weeks import TopicWeek
from digest.render.navigation import TopicView
from digest.render.urls import topic_path


@dataclass(frozen=True)
class Pager:
    """One page of a paginated list."""

    number: int
    """1-based."""
    count: int
    """How many pages the list has."""
    items: tuple[Digest, ...]
    path: str
    previous: str | None
    """Site path of the page before, None on the first."""
    following: str | None
    """Site path of the page after, None on the last."""
    first: int
    """Position (1-based) of the page's first item in the whole list."""


def listed_stories(digests: Iterable[Digest], ranking: Ranking, tz: ZoneInfo,
                   leave_out: Collection[str] = (), by_day: bool = True) -> tuple[Digest, ...]:
    """The cards of a story list: every digest but those whose slug is in `leave_out`,
    by the day of its latest article (newest first), then by score; or, not `by_day`,
    by score alone (the front page, where recency is already part of the score)."""
    by_slug = {d.slug: d for d in digests if d.slug not in leave_out}
    stories = [d.story for d in by_slug.values()]
    if by_day:
        ordered = day_then_score(stories, ranking, tz)
    else:
        ordered = sorted(stories, key=lambda s: (-ranking.score(s.slug),
                                                 -s.last_date.timestamp(), s.slug))
    return tuple(by_slug[s.slug] for s in ordered)


def topic_page_path(topic_slug: str, number: int) -> str:
    """`topics/<t>/` for the first page, `topics/<t>/page/<n>/` for the others."""
    base = topic_path(topic_slug)
    return base if number == 1 else f"{base}page/{number}/"


def paginate(topic_slug: str, items: Sequence[Digest], per_page: int) -> list[Pager]:
    """The pages of a topic's list (one page, empty, when it has no items)."""
    count = max(1, -(-len(items) // per_page))
    pages = []
    for number in range(1, count + 1):
        start = (number - 1) * per_page
        pages.append(Pager(
            number=number, count=count, items=tuple(items[start:start + per_page]),
            path=topic_page_path(topic_slug, number),
            previous=topic_page_path(topic_slug, number - 1) if number > 1 else None,
            following=topic_page_path(topic_slug, number + 1) if number < count else None,
            first=start + 1))
    return pages


def topic_views(grouping: Grouping, by_slug: dict[str, Digest], ranking: Ranking, tz: ZoneInfo,
                weeks: Sequence[TopicWeek]) -> tuple[TopicView, ...]:
    """Each topic with its listed stories (`listed_stories`) and weekly digests,
    newest week first."""
    listed: dict[Topic, list[Digest]] = {topic: [] for topic in grouping.topics}
    for story in grouping.stories:
        listed[story.topic].append(by_slug[story.slug])
    weeks_of: dict[str, list[TopicWeek]] = {}
    for week in weeks:
        weeks_of.setdefault(week.topic.slug, []).append(week)
    return tuple(TopicView(topic.name, topic.slug, topic_path(topic.slug),
                           listed_stories(listed[topic], ranking, tz),
                           tuple(reversed(weeks_of.get(topic.slug, []))))
                 for topic in grouping.topics)
