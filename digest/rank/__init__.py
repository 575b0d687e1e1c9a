"""The `rank` stage: how much each story matters, for the lists that show it.

A story's score is what corroborates it, fading with age, times the editor's
word:

    score = (outlet_weight × independent outlets + source_weight × sources)
            × recency × demotion × service × weight  (+ pinned, for `pin: true`)

- independent outlets: distinct known outlets among the story's sources;
  syndicated or scraped copies are never counted (they are `copies`, not sources);
- sources: the story's source articles, copies again left out;
- recency: 0.5 ** (age / half_life_hours), the age counted back from the newest
  article of the site's sourced stories, never from the clock, so a build is the
  same tomorrow;
- demotion: `unsourced` when no source has a URL or none a known outlet (template
  filler and press-release pastes), else 1;
- service: `service` when every source's headline announces a service piece (a
  buying guide, how-to, deals post, review or event preview: `digest.group.kinds`),
  else 1: such pieces serve readers well on topic pages but are not what happened;
- weight and pin: from the story file (`kind: story`).

`standing` is the same score without recency: what ranks the stories of one week.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from digest.config import Config, RankConfig
from digest.group.kinds import NEWS, ROUNDUP, article_kind
from digest.group.model import Story

__all__ = ["Ranking", "Score", "UNKNOWN_OUTLET", "day_then_score", "rank_stories", "score_story",
           "top_slugs"]

UNKNOWN_OUTLET = "Unknown"
"""The outlet `content` gives an article with neither an outlet nor a source URL."""


@dataclass(frozen=True)
class Score:
    """One story's score and what it is made of."""

    value: float
    standing: float
    """The score without recency: corroboration and the editor's word only."""
    parts: Mapping[str, float]
    """outlets and sources (their shares of the sum), recency, demotion and weight
    (factors), pin (added)."""


@dataclass(frozen=True)
class Ranking:
    """The score of every story, by story slug."""

    scores: Mapping[str, Score]

    def score(self, slug: str) -> float:
        """The story's score (0 for a story the ranking does not know)."""
        found = self.scores.get(slug)
        return found.value if found is not None else 0.0

    def standing(self, slug: str) -> float:
        found = self.scores.get(slug)
        return found.standing if found is not None else 0.0


def rank_stories(stories: Sequence[Story], config: Config) -> Ranking:
    """Score every story (see the module's formula); deterministic for the same stories.

    Recency counts back from the newest article of a sourced story (not demoted), so
    that a feed's undated or future-dated filler cannot age every real story at once;
    from the newest article of all when no story is sourced."""
    sourced = [s.last_date for s in stories if _sourced(s)]
    newest = max(sourced or [s.last_date for s in stories], default=None)
    return Ranking(scores={s.slug: score_story(s, newest, config.rank) for s in stories})


def _sourced(story: Story) -> bool:
    """Whether a source of the story has a URL and one a known outlet."""
    articles = [source.article for source in story.sources]
    return any(a.source for a in articles) and any(_known(a.outlet) for a in articles)


def score_story(story: Story, newest: dt.datetime | None, rank: RankConfig) -> Score:
    """The score of `story` in a site whose newest article is dated `newest`."""
    articles = [source.article for source in story.sources]
    outlets = {a.outlet.casefold() for a in articles if _known(a.outlet)}
    age_hours = (newest - story.last_date).total_seconds() / 3600 if newest else 0.0
    override = story.override
    parts = {
        "outlets": rank.outlet_weight * len(outlets),
        "sources": rank.source_weight * len(articles),
        "recency": 0.5 ** (max(age_hours, 0.0) / rank.half_life_hours),
        "demotion": 1.0 if _sourced(story) else rank.unsourced,
        "service": rank.service if _service(articles) else 1.0,
        "weight": override.weight if override is not None else 1.0,
        "pin": rank.pinned if override is not None and override.pinned else 0.0,
    }
    standing = (parts["outlets"] + parts["sources"]) * parts["demotion"] * parts["service"] \
        * parts["weight"]
    parts = {name: _figure(value) for name, value in parts.items()}
    return Score(value=_figure(standing * parts["recency"] + parts["pin"]),
                 standing=_figure(standing + parts["pin"]), parts=parts)


def _figure(value: float) -> float:
    """`value` to six significant digits: the same in every run, and a story months older
    than the newest keeps a score that still orders it among its own day's stories."""
    return float(f"{value:.6g}")


def _service(articles: Sequence) -> bool:
    """Whether every article's headline announces a service piece, not news."""
    return bool(articles) and all(article_kind(a.title) not in (NEWS, ROUNDUP)
                                  for a in articles)


def _known(outlet: str) -> bool:
    return bool(outlet.strip()) and outlet.strip().casefold() != UNKNOWN_OUTLET.casefold()


def top_slugs(stories: Iterable[Story], ranking: Ranking, count: int) -> tuple[str, ...]:
    """The `count` best-scored stories' slugs, best first (ties: newer, then by slug)."""
    ordered = sorted(stories, key=lambda s: (-ranking.score(s.slug), -s.last_date.timestamp(),
                                             s.slug))
    return tuple(s.slug for s in ordered[:count])


def day_then_score(stories: Iterable[Story], ranking: Ranking, tz: ZoneInfo) -> list[Story]:
    """Stories by the (local) day of their latest article, newest day first, then by
    score within a day (ties: newer, then by slug)."""
    return sorted(stories, key=lambda s: (-s.last_date.astimezone(tz).date().toordinal(),
                                          -ranking.score(s.slug), -s.last_date.timestamp(),
                                          s.slug))
