"""Everything grouping needs to know about one article, worked out from that article alone.

Counting words is most of the work of grouping a large site, and none of it
depends on the other articles: only the weights fitted over the site do.  So
each article is read once into an `ArticleProfile` (bags of words for every
view, its headline facts, its kind, keys for exact copies), which the build
cache keeps per article.  After an edit only the edited article is profiled
again; duplicates and stories are then worked out over all the profiles.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, fields

import numpy as np

from digest.group.bags import COUNT_TYPE, Bag, LeadWords, make_bag, stack
from digest.group.duplicates import comparable_text, exact_key, normalise_url
from digest.group.facts import Headline, headline
from digest.group.filler import headline_key, stamp_keys
from digest.group.features import (
    STOP_WORDS,
    FeatureWeights,
    entities,
    first_words,
    piece_word_counts,
    plain,
    text_parts,
    word_counts,
)
from digest.group.kinds import NEWS, article_kind
from digest.group.nonarticles import is_short, page_text, served_blocks
from digest.group.specifics import specific_words
from digest.text.stem import stem
from digest.hashing import bytes_hash, key_of

_SECONDS_PER_DAY = 86_400.0


@dataclass(frozen=True)
class ClusterItem:
    """One article as the clustering sees it."""

    key: str
    """Article id (path relative to `content/`)."""
    title: str
    """Plain-text title."""
    excerpt: str
    """Summary line; may be ""."""
    text: str
    """Cleaned markdown body."""
    date: dt.datetime
    """Publication time, timezone-aware."""
    outlet: str
    """Publisher name, e.g. "ZDNET", "Engadget", "Unknown"."""
    source_url: str | None
    """Original URL, if known."""


@dataclass(frozen=True, eq=False)
class ArticleProfile:
    """The words, facts and keys of one article that grouping compares."""

    key: str
    day: float
    """Publication time in days since the epoch."""
    outlet: str
    """Publisher, case-folded ("" when unknown)."""
    url: str | None
    """Source URL normalised (`duplicates.normalise_url`)."""
    exact: str | None
    """Hash of title and text in lower case: equal for exact copies."""
    kind: str
    """News or a service piece (`digest.group.kinds`)."""
    copy_text: Bag
    """Words of the first 2,000 words of text, lower case, stop words left out."""
    specifics: Bag
    """The names and the words no dictionary knows among them (`digest.group.specifics`)."""
    copy_title: Bag
    """Words of the title, lower case, stop words left out."""
    title: Bag
    """Stems of the title's words, stop words left out."""
    lead: Bag
    """Stems of the lead's words, stop words left out."""
    lead_words: Bag
    """The lead's words (`features.fold`), stop words included..."""
    lead_capitals: np.ndarray
    """...and how often each is written with a capital letter (aligned with `lead_words.ids`)."""
    entities: Bag
    """Names and numbers of the title and the lead's first words."""
    headline: Headline
    """What the headline states (`digest.group.facts`)."""
    furniture: float
    """Share of a short text's words that are web-page furniture (`digest.group.nonarticles`);
    0 for a text too long to be anything but an article."""
    text_key: str | None
    """Hash of a short text alone (no title), lower case: equal for one page scraped under
    several links; None for a longer text."""
    blocks: tuple[str, ...]
    """Hashes of the blocks of a short, fairly furniture-like text
    (`nonarticles.served_blocks`): a notice served inside other pages too; () otherwise."""
    stamps: tuple[str, ...]
    """Hashes of the sentences of an unspecific text (`digest.group.filler.stamp_keys`), to
    find the ones stamped under other headlines; () for a specific text."""
    title_key: str
    """`filler.headline_key` of the title of a text with `stamps`; "" for any other."""
    content_key: str
    """Key (`digest.hashing.key_of`) of everything above but `key` and `exact`: equal
    profiles group alike."""

    # Pickled with every bag in one array of ids and one of counts: a large site's
    # profiles load from the build cache several times faster than as 16 arrays each.
    def __getstate__(self) -> dict:
        state = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in _ARRAYS}
        bags = [getattr(self, name) for name in _BAGS]
        state["_lengths"] = [len(bag.ids) for bag in bags]
        state["_ids"] = np.concatenate([bag.ids for bag in bags])
        state["_counts"] = np.concatenate([bag.counts for bag in bags] + [self.lead_capitals])
        return state

    def __setstate__(self, state: dict) -> None:
        ids, counts = state.pop("_ids"), state.pop("_counts")
        start = 0
        for name, length in zip(_BAGS, state.pop("_lengths")):
            state[name] = Bag(ids=ids[start:start + length], counts=counts[start:start + length])
            start += length
        state["lead_capitals"] = counts[start:]
        for name, value in state.items():
            object.__setattr__(self, name, value)


_BAGS = ("copy_text", "specifics", "copy_title", "title", "lead", "lead_words", "entities")
_ARRAYS = frozenset(_BAGS) | {"lead_capitals"}


def profile_article(item: ClusterItem, weights: FeatureWeights) -> ArticleProfile:
    """The profile of one article; the same item always gives the same profile."""
    body = plain(item.text)
    parts = text_parts(item.title, item.excerpt, body, weights.lead_words)
    copy_counts, copy_capitals = piece_word_counts(comparable_text(item.excerpt, body), str.lower)
    title_counts, _ = word_counts(item.title, str.lower)
    lead_counts, lead_capitals = word_counts(parts.lead)
    lead_words = make_bag(lead_counts, lead_counts.values())
    head = headline(parts, body)
    # A service piece announces itself in the headline an editor wrote; a title that is only
    # the opening sentence or a photo caption ("Best actress winner ... (Photo: ...)") does not.
    kind = article_kind(item.title) if head.written else NEWS
    parts_of = {
        "day": item.date.timestamp() / _SECONDS_PER_DAY, "outlet": item.outlet.strip().casefold(),
        "url": normalise_url(item.source_url), "kind": kind,
        "copy_text": _content_bag(copy_counts), "copy_title": _content_bag(title_counts),
        "specifics": specific_words(copy_counts, copy_capitals),
        "title": _stem_bag(word_counts(parts.title)[0]), "lead": _stem_bag(lead_counts),
        "lead_words": lead_words, "lead_capitals": _aligned(lead_words, lead_capitals),
        "entities": make_bag(entities(first_words(parts.title + ". " + parts.lead,
                                                  weights.entity_words))),
        "headline": head, **_page_parts(body, item.text), **_stamp_parts(item)}
    exact = exact_key(parts.title, body)
    return ArticleProfile(key=item.key, content_key=_content_key(parts_of),
                          exact=bytes_hash(exact.encode()) if exact is not None else None,
                          **parts_of)


def lead_words(profiles: list[ArticleProfile]) -> LeadWords:
    """The lead words of `profiles`, row by row."""
    stacked = stack([p.lead_words for p in profiles])
    columns = stacked.counts.indices
    width = stacked.counts.shape[1]
    capitals = np.concatenate([p.lead_capitals for p in profiles]) if profiles else np.zeros(0)
    uses = np.bincount(columns, weights=stacked.counts.data, minlength=width)
    share = np.bincount(columns, weights=capitals.astype(np.float64), minlength=width) / \
        np.maximum(uses, 1.0)
    return LeadWords(stacked=stacked, capital_share=share)


def _page_parts(body: str, markdown: str) -> dict:
    """The `furniture` share, `text_key` and `blocks` of a plain body (`markdown`, the
    text it was made from, has its blocks)."""
    if not is_short(body):
        return {"furniture": 0.0, "text_key": None, "blocks": ()}
    furniture = round(page_text(body).furniture, 6)
    return {"furniture": furniture, "text_key": bytes_hash(body.lower().encode()),
            "blocks": served_blocks(markdown, furniture)}


def _stamp_parts(item: ClusterItem) -> dict:
    """The `stamps` and `title_key` of an article (`digest.group.filler`)."""
    stamps = stamp_keys(item.title, item.text)
    return {"stamps": stamps, "title_key": headline_key(item.title) if stamps else ""}


def _content_bag(counts: Mapping[str, int]) -> Bag:
    words = [w for w in counts if w not in STOP_WORDS]
    return make_bag(words, (counts[w] for w in words))


def _stem_bag(counts: Mapping[str, int]) -> Bag:
    stems: dict[str, int] = {}
    for word, times in counts.items():
        if word not in STOP_WORDS:
            stemmed = stem(word)
            stems[stemmed] = stems.get(stemmed, 0) + times
    return make_bag(stems, stems.values())


def _aligned(bag: Bag, by_word: Mapping[str, int]) -> np.ndarray:
    """`by_word` as an array aligned with `bag.ids` (words missing count 0)."""
    values = np.zeros(len(bag.ids), dtype=COUNT_TYPE)
    if by_word:
        capital_bag = make_bag(by_word, by_word.values())
        values[np.searchsorted(bag.ids, capital_bag.ids)] = capital_bag.counts
    return values


def _content_key(parts_of: dict) -> str:
    """The key of a profile's parts (`ArticleProfile.content_key`)."""
    return key_of([(name, _key_part(parts_of[name])) for name in sorted(parts_of)])


def _key_part(value: object) -> object:
    if isinstance(value, Bag):
        return value.key_parts()
    if isinstance(value, np.ndarray):
        return (str(value.dtype), value.shape, value.tobytes())
    return value  # a Headline by its fields (`digest.hashing`)
