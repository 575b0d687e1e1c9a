"""Which paragraphs of a story use which stems: what citing reads first, so that a
paragraph is split into sentences and compared with a claim only when it could hold
the evidence (`paragraphs_with`)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import chain

from digest.compose.story import StoryText


@dataclass(frozen=True)
class StemIndex:
    """Every paragraph of a story and the stems (content stems and numbers) it uses."""

    paragraphs: tuple[tuple[int, int], ...]
    """(source index, paragraph index) of every paragraph, in story order."""
    where: dict[str, list[int]]
    """Stem → the positions in `paragraphs` of the paragraphs using it, in order."""
    sets: dict[str, frozenset[int]] = field(default_factory=dict)
    """`where` as sets, made on first use (see `places`)."""

    def places(self, stem: str) -> frozenset[int]:
        """The positions in `paragraphs` of the paragraphs using `stem`."""
        found = self.sets.get(stem)
        if found is None:
            found = self.sets[stem] = frozenset(self.where.get(stem, ()))
        return found


_NAME = "support_index.stems"  # its name in `StoryText.derived`


def stem_index(story: StoryText) -> StemIndex:
    """The story's `StemIndex`, built on first use (from `StoryText.vocabulary`) and kept
    with the story."""
    found = story.derived.get(_NAME)
    if isinstance(found, StemIndex):
        return found
    paragraphs = tuple((d, para.index) for d, doc_paragraphs in enumerate(story.paragraphs)
                       for para in doc_paragraphs)
    where: dict[str, list[int]] = defaultdict(list)
    for k, (d, p) in enumerate(paragraphs):
        for stem in story.vocabulary(d, p):
            where[stem].append(k)
    found = story.derived[_NAME] = StemIndex(paragraphs, where)
    return found


def _places_of(where: dict[str, list[int]], group: frozenset[str]) -> Iterable[int]:
    """The positions of the paragraphs using one of `group`'s stems, each once."""
    if len(group) == 1:
        return where.get(next(iter(group)), ())
    return set(chain.from_iterable(where.get(stem, ()) for stem in group))


def paragraphs_with(story: StoryText, groups: Sequence[frozenset[str]], need: int,
                    required: Iterable[str] = (), names: frozenset[str] = frozenset(),
                    allowed: int = 0) -> dict[int, list[int]]:
    """Per source (its index), the paragraphs (indices, in order) that hold `need` or more
    of `groups` (a group is there when one of its stems is), every stem of `required`,
    and `allowed` or more of `names`."""
    index = stem_index(story)
    # Paragraph position → how many of the groups it has (each stem's list is in order,
    # without repeats), counted in one pass.
    hits = Counter(chain.from_iterable(map(partial(_places_of, index.where), groups)))
    kept = [k for k, count in hits.items() if count >= need]
    for stem in required:
        kept = [k for k in kept if k in index.places(stem)]
    if names and kept:
        named = Counter(chain.from_iterable(index.where.get(n, ()) for n in names))
        kept = [k for k in kept if named[k] >= allowed]
    out: dict[int, list[int]] = {}
    for k in sorted(kept):
        d, p = index.paragraphs[k]
        out.setdefault(d, []).append(p)
    return out
