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

__all__ = ["compose_digests", "compose_story", "Digest"]


def compose_digests(grouping: Grouping, config: Config,
                    cache: BuildCache | None = None) -> tuple[Digest, ...]:
    """One digest per story, in the grouping's story order.

    With a `cache`, a story whose articles, override and settings are unchanged
    reuses the digest composed for it before. The rest are composed across the
    machine's cores when there are many.
    """
    settings = config.compose
    keys = [_cache_key(story, settings) if cache is not None else None
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


PARALLEL_FROM = 64
"""Fewest stories to compose worth starting worker processes for (each costs ~0.5 s)."""


def _compose_job(job: tuple[Story, ComposeConfig]) -> Digest:
    return compose_story(*job)


def story_fingerprint(story: Story) -> str | None:
    """Hash of everything about a story that its digest depends on; None when an article
    was not read from a file (no content hash), so it cannot be cached."""
    articles = [a for group in story.sources for a in (group.article, *group.copies)]
    if story.override is not None:
        articles.append(story.override)
    if not all(a.content_hash for a in articles):
        return None
    members = [(g.article.rel_path, g.article.content_hash,
                [(c.rel_path, c.content_hash) for c in g.copies]) for g in story.sources]
    override = (story.override.rel_path, story.override.content_hash) if story.override else None
    return fingerprint(story.key, story.slug, story.topic, members, override)


def _cache_key(story: Story, settings: ComposeConfig) -> str | None:
    story_key = story_fingerprint(story)
    return fingerprint(settings, story_key) if story_key else None


def compose_story(story: Story, settings: ComposeConfig) -> Digest:
    """Compose one story; deterministic for the same story and settings."""
    # Imported here: the text algorithms load numpy and scipy, which a build whose
    # stories all come from the cache never needs.
    from digest.compose.digests import compose_story as compose

    return compose(story, settings)
