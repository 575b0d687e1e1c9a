"""Weekly topic digests: a topic's stories of one ISO week merged into one page.

For every topic and every ISO week in which one of its stories got its latest
article, a `TopicWeek` holds:

- the summary: one sentence for each of the week's `rank.week_top` best stories
  (each story's own lead summary sentence), citing that story's sources;
- the takeaways: one key fact (a takeaway, else a further summary sentence) for each of the week's best stories, up to
  `compose.takeaways_max`, not repeating the story's summary sentence;
- every story of the week, ranked by `Score.standing` (recency left out: within
  one week a later day is no reason to rank higher);
- the sources cited, numbered in the order the page first cites them.

Everything comes from the composed digests, so the same digests give the same page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from digest.compose.model import Digest, DigestSentence
from digest.config import Config
from digest.content.model import Article
from digest.group.model import Topic
from digest.rank import Ranking


@dataclass(frozen=True)
class WeekSource:
    """An entry of a weekly digest's numbered sources list."""

    number: int
    article: Article
    digest: Digest
    """The story the source belongs to."""


@dataclass(frozen=True)
class WeekLine:
    """A summary sentence or takeaway of a weekly digest, about one story."""

    digest: Digest
    text: str
    cites: tuple[int, ...]
    """Numbers in the weekly digest's sources list."""


@dataclass(frozen=True)
class TopicWeek:
    """One topic's digest of one ISO week."""

    topic: Topic
    year: int
    week: int
    stories: tuple[Digest, ...]
    """Best first (`Score.standing`, then newer, then slug)."""
    summary: tuple[WeekLine, ...]
    takeaways: tuple[WeekLine, ...]
    sources: tuple[WeekSource, ...]

    @property
    def path(self) -> str:
        return week_path(self.topic.slug, self.year, self.week)

    @property
    def monday(self) -> dt.date:
        return dt.date.fromisocalendar(self.year, self.week, 1)

    @property
    def sunday(self) -> dt.date:
        return dt.date.fromisocalendar(self.year, self.week, 7)

    @property
    def label(self) -> str:
        """"Week 47, 2025"."""
        return f"Week {self.week}, {self.year}"

    @property
    def last_date(self) -> dt.datetime:
        """The newest article date of the week's stories (the feed entry's date)."""
        return max(d.story.last_date for d in self.stories)


def week_path(topic_slug: str, year: int, week: int) -> str:
    """`topics/<topic>/<yyyy>-w<ww>/`."""
    return f"topics/{topic_slug}/{year:04d}-w{week:02d}/"


def topic_weeks(digests: Sequence[Digest], ranking: Ranking,
                config: Config) -> tuple[TopicWeek, ...]:
    """Every topic's weekly digests, by topic slug, then oldest week first."""
    tz = config.tz
    groups: dict[tuple[str, int, int], list[Digest]] = {}
    topics: dict[str, Topic] = {}
    for digest in digests:
        year, week, _ = digest.story.last_date.astimezone(tz).isocalendar()
        topic = digest.story.topic
        topics[topic.slug] = topic
        groups.setdefault((topic.slug, year, week), []).append(digest)
    return tuple(_week(topics[slug], year, week, groups[slug, year, week], ranking, config)
                 for slug, year, week in sorted(groups))


def _week(topic: Topic, year: int, week: int, digests: list[Digest], ranking: Ranking,
          config: Config) -> TopicWeek:
    ranked = sorted(digests, key=lambda d: (-ranking.standing(d.slug),
                                            -d.story.last_date.timestamp(), d.slug))
    numbers: dict[str, int] = {}
    sources: list[WeekSource] = []

    def cite(digest: Digest, sentence: DigestSentence | None) -> tuple[int, ...]:
        """The week's numbers of the sources the sentence cites (all when it has none)."""
        cited = [digest.sources[n - 1] for n in (sentence.cites if sentence else ())
                 if 0 < n <= len(digest.sources)] or list(digest.sources)
        found = []
        for source in cited:
            path = source.article.rel_path
            if path not in numbers:
                numbers[path] = len(sources) + 1
                sources.append(WeekSource(numbers[path], source.article, digest))
            found.append(numbers[path])
        return tuple(sorted(set(found)))

    summary, leads = [], {}
    for digest in ranked[:config.rank.week_top]:
        lead = _lead(digest)
        leads[digest.slug] = lead.text if lead else digest.title
        summary.append(WeekLine(digest, leads[digest.slug], cite(digest, lead)))
    takeaways = []
    for digest in ranked:
        if len(takeaways) >= config.compose.takeaways_max:
            break
        # a story's takeaway, else a summary sentence the week's summary does not show
        fact = next((t for t in (*digest.takeaways, *digest.summary)
                     if t.text != leads.get(digest.slug)), None)
        if fact is not None:
            takeaways.append(WeekLine(digest, fact.text, cite(digest, fact)))
    return TopicWeek(topic=topic, year=year, week=week, stories=tuple(ranked),
                     summary=tuple(summary), takeaways=tuple(takeaways), sources=tuple(sources))


def _lead(digest: Digest) -> DigestSentence | None:
    """The sentence that sums the story up: its summary's first, else its first takeaway."""
    if digest.summary:
        return digest.summary[0]
    return digest.takeaways[0] if digest.takeaways else None
