"""Topic labels normalised: case, spacing and a configurable synonym table."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

from digest.content.slugs import slugify
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
    topics = {}
    for key, counts in spellings.items():
        name = targets.get(key) or min(counts, key=lambda s: (-counts[s], s))
        topics[key] = Topic(name=name, slug=slugify(name))
    return topics
