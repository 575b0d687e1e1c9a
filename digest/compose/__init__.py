"""The `compose` stage: each story → one `Digest` (title, summary box, key
takeaways, merged body, numbered sources).

`digest.compose.digests` composes one story; this module runs it over every
story, reusing the digests its memo holds for unchanged stories.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from digest.compose.model import Digest
from digest.config import ComposeConfig, Config
from digest.group.model import Grouping, Story
from digest.hashing import key_of
from digest.memo import NO_MEMO, Memo
from digest.workers import map_in_order

__all__ = ["compose_digests", "compose_story", "digest_of", "Digest"]


def compose_digests(grouping: Grouping, config: Config,
                    memo: Memo[Digest] = NO_MEMO) -> tuple[Digest, ...]:
    """One digest per story, in the grouping's story order.

    A story whose articles, override and settings are unchanged reuses the digest
    `memo` holds for it. The rest are composed across the machine's cores when
    there are many.
    """
    settings = config.compose
    settings_key = key_of(settings)
    stories = grouping.stories
    keys = [_memo_key(story, settings_key) for story in stories]

    def compose_all(indexes: list[int]) -> list[Digest]:
        jobs = [(stories[i], settings) for i in indexes]
        if jobs:
            _load_text_tools()
        with _settled_heap():
            return map_in_order(_compose_job, jobs, parallel_from=PARALLEL_FROM)

    return tuple(memo.get_or_compute_all(keys, compose_all))


def _load_text_tools() -> None:
    """Load the text algorithms (numpy, scipy, markdown-it, the word-class dictionary) in
    this process before any worker is forked: each worker would otherwise load them again
    (about half a second of CPU each)."""
    from digest.compose import digests  # noqa: F401
    from digest.text.wordclass import word_classes

    word_classes("the")  # lemminflect reads its dictionary on first use


YOUNG_OBJECTS = 10_000
"""Allocations between two collections of the youngest objects while composing (Python's
default is 700): composing makes and drops many small objects, almost none in cycles."""


@contextmanager
def _settled_heap() -> Iterator[None]:
    """Compose with what the build holds so far (articles, stories, caches) out of the
    garbage collector's sight (`gc.freeze`), collecting young objects less often: each
    full collection would otherwise walk every article of the site again, and together
    collections cost a tenth of compose CPU and more at 10,000 articles. Worker processes
    forked meanwhile inherit the frozen objects, which also spares their copies of those
    pages. Both are undone afterwards; the digests are the same."""
    gc.freeze()
    before = gc.get_threshold()
    gc.set_threshold(YOUNG_OBJECTS, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def digest_of(story: Story, config: Config, memo: Memo[Digest] = NO_MEMO) -> Digest:
    """The digest of one story, as `compose_digests` makes it (and stored, so that it
    finds it)."""
    return memo.get_or_compute(_memo_key(story, key_of(config.compose)),
                               lambda: compose_story(story, config.compose))


PARALLEL_FROM = 64
"""Fewest stories to compose worth starting worker processes for (each costs ~0.5 s)."""


def _compose_job(job: tuple[Story, ComposeConfig]) -> Digest:
    return compose_story(*job)


def _memo_key(story: Story, settings_key: str) -> str | None:
    story_key = story.content_key
    return key_of(settings_key, story_key) if story_key else None


def compose_story(story: Story, settings: ComposeConfig) -> Digest:
    """Compose one story; deterministic for the same story and settings."""
    # Imported here: the text algorithms load numpy and scipy, which a build whose
    # stories all come from the cache never needs.
    from digest.compose.digests import compose_story as compose

    return compose(story, settings)
