"""Topic labels normalised: case, spacing and a configurable synonym table."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

from digest.content.slugs import distinct_slug, topic_slug
from digest.group.model import Topic

DEFAULT_TOPIC = "General"


def topic_key(label: str, synonyms: Mapping[str, str]) -> str:
    """The comparison key of a topic label: synonyms applied, case and spacing folded."""
    folded = _fold(label)
    for alias, name in synonyms.items():
        if _fold(alias) == folded:
            return _fold(name)
    return folded or _fold(DEFAULT_TOPIC)


def _fold(label: str) -> str:
    return re.sub(r"\s+", " ", label).strip().casefold()


def topic_names(labels: Iterable[str], synonyms: Mapping[str, str]) -> dict[str, Topic]:
    """Map every topic key to its Topic; the shown name is the synonym target, else
    the spelling used most often (ties: the alphabetically first)."""
    targets = {_fold(name): name for name in synonyms.values()}
    spellings: dict[str, Counter[str]] = {}
    for label, times in Counter(labels).items():
        key = topic_key(label, synonyms)
        spelling = re.sub(r"\s+", " ", label).strip() or DEFAULT_TOPIC
        spellings.setdefault(key, Counter())[spelling] += times
    names = {key: targets.get(key) or min(counts, key=lambda s: (-counts[s], s))
             for key, counts in spellings.items()}
    return {key: Topic(name=names[key], slug=slug) for key, slug in _slugs(names).items()}


def _slugs(names: dict[str, str]) -> dict[str, str]:
    """Each topic key's slug, distinct: when names share a slug ("AI & ML", "AI ML") or
    have none ("???"), the alphabetically first keeps it, the others get a stable suffix
    made from their own key."""
    by_slug: dict[str, list[str]] = {}
    for key in sorted(names):
        slug = topic_slug(names[key])
        by_slug.setdefault("" if slug == "untitled" else slug, []).append(key)
    slugs = {}
    for slug, keys in by_slug.items():
        for number, key in enumerate(keys):
            slugs[key] = slug if slug and number == 0 else distinct_slug(slug or "topic", key)
    return slugs
