"""The `compose` stage: each story → one `Digest` (title, summary box, key
takeaways, merged body, numbered sources).

`digest.compose.digests` composes one story; this module runs it over every
story, reusing digests from the build cache where a story is unchanged.
"""

from __future__ import annotations

from digest.cache import BuildCache, fingerprint
from digest.compose.model import Digest
from digest.config import ComposeConfig, Config
from digest.group.model import Grouping, Story
from digest.workers import map_in_order

__all__ = ["cached_digest", "compose_digests", "compose_story", "Digest"]


def compose_digests(grouping: Grouping, config: Config,
                    cache: BuildCache | None = None) -> tuple[Digest, ...]:
    """One digest per story, in the grouping's story order.

    With a `cache`, a story whose articles, override and settings are unchanged
    reuses the digest composed for it before. The rest are composed across the
    machine's cores when there are many.
    """
    settings = config.compose
    settings_key = fingerprint(settings)
    keys = [_cache_key(story, settings_key) if cache is not None else None
            for story in grouping.stories]
    digests: list[Digest | None] = [cache.get("digests", key) if cache is not None and key
                                    else None for key in keys]
    todo = [i for i, digest in enumerate(digests) if digest is None]
    jobs = [(grouping.stories[i], settings) for i in todo]
    for i, digest in zip(todo, map_in_order(_compose_job, jobs, parallel_from=PARALLEL_FROM)):
        digests[i] = digest
        if cache is not None and keys[i]:
            cache.put("digests", keys[i], digest)
    return tuple(d for d in digests if d is not None)


def cached_digest(story: Story, config: Config, cache: BuildCache | None) -> Digest:
    """The digest of one story: from the cache when composed before, else composed (and
    stored, so that `compose_digests` finds it)."""
    key = _cache_key(story, fingerprint(config.compose)) if cache is not None else None
    digest = cache.get("digests", key) if cache is not None and key else None
    if digest is None:
        digest = compose_story(story, config.compose)
        if cache is not None and key:
            cache.put("digests", key, digest)
    return digest


PARALLEL_FROM = 64
"""Fewest stories to compose worth starting worker processes for (each costs ~0.5 s)."""


def _compose_job(job: tuple[Story, ComposeConfig]) -> Digest:
    return compose_story(*job)


def _cache_key(story: Story, settings_key: str) -> str | None:
    story_key = story.fingerprint
    return fingerprint(settings_key, story_key) if story_key else None


def compose_story(story: Story, settings: ComposeConfig) -> Digest:
    """Compose one story; deterministic for the same story and settings."""
    # Imported here: the text algorithms load numpy and scipy, which a build whose
    # stories all come from the cache never needs.
    from digest.compose.digests import compose_story as compose

    return compose(story, settings)
