"""Text features for story clustering: title, lead, named-entity and body TF-IDF.

Each article's words are counted once, on its own (`digest.group.profile`);
the weights are then fitted per call on the articles given (no global
vocabulary), so the same articles always give the same matrices.  Rare,
event-specific terms (names, products, numbers) are weighted up by raising the
IDF to a power; vocabulary shared by a large part of the corpus (templated
filler, topic background) is weighted down by the same curve.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

import numpy as np
import scipy.sparse as sp

from digest.group.bags import Bag, stack
from digest.group.stopwords import ENGLISH_STOP_WORDS
from digest.text.figures import FIGURE, read_figure, standalone
from digest.text.inline import IMAGE, LINK, TAG
from digest.text.tfidf import normalise_rows, smooth_idf, tfidf

_URL = re.compile(r"(?:https?://|www\.)\S+")
WORD = re.compile(r"[^\W_][\w'’.-]*[^\W_]|[^\W_]")
"""A word as grouping reads it: letters and digits, with inner apostrophes, dots and
hyphens ("Apple's", "U.S.", "e-mail")."""
_NAME = r"\b[a-z]{0,4}[A-Z][\w'’&.-]*"  # "Apple", "iPhone", "macOS"
# A name is a run of capitalised words, a product name may end in numbers ("Galaxy S25 Ultra");
# a list of names ("OpenAI, Microsoft") makes one run: parties named together mark an event.
# (A run must start a word; that is checked in `entities`, which lets the scan skip ahead.)
_NAME_RUN = re.compile(rf"{_NAME}(?:,? (?:{_NAME}|\d[\w.]*))*")
_WORD_PART = frozenset("'’&.-_")
_NUMBER = re.compile(FIGURE)
_LEAD_WORDS = 250
_ENTITY_WORDS = 150
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | {"s", "t", "new", "says", "said", "just", "like",
                                          "here", "now", "also", "get", "it’s", "it's"}


class ArticleViews(Protocol):
    """The bags of words the features are made of (an `ArticleProfile` has them)."""

    title: Bag
    lead: Bag
    entities: Bag
    copy_text: Bag


@dataclass(frozen=True)
class TextParts:
    """The pieces of one article the features are computed from."""

    title: str
    """Plain title, entities decoded."""
    lead: str
    """Excerpt plus the first words of the body, tags stripped."""


@dataclass(frozen=True)
class FeatureWeights:
    """How much each view of an article counts in the combined vector.

    The combined row is `[title, lead, entities, body]`, each part L2-normalised
    and scaled by the square root of its weight, so that the dot product of two
    rows is the weighted mean of the four cosines (weights sum to one).  The body
    weighs most: two outlets word their headlines and first sentences their own
    way, but a story's specifics (names, figures, quoted phrases, the product's
    details) recur all through both texts, while two pegs of one subject share
    the subject's names up front and little further down.
    """

    title: float = 0.06
    lead: float = 0.18
    entities: float = 0.16
    body: float = 0.60
    """The words of the text (`ArticleProfile.copy_text`: its first 2,000, unstemmed)."""
    idf_power: float = 2.0
    """IDF is raised to this power: 1 is plain TF-IDF, 2 favours rare terms more."""
    lead_words: int = _LEAD_WORDS
    """How many words of excerpt and body make the lead: a few paragraphs, since two outlets
    rarely word their first sentences alike but do repeat the facts further down."""
    entity_words: int = _ENTITY_WORDS
    """How many words of the lead names and numbers are taken from (the peg is up front)."""
    generic_share: float = 0.08
    """Terms found in more than this share of the articles are generic (templated
    boilerplate, a topic's background vocabulary) and dropped..."""
    generic_min_articles: int = 25
    """...but only when they are also in more than this many articles, so a small
    site keeps all its words."""


def plain(text: str) -> str:
    """`text` with HTML tags, markdown images and link targets (tracking URLs differ between
    copies of one text) removed, entities decoded and whitespace collapsed."""
    text = text or ""
    # Each pattern needs its literal ("<", "](", "://" or "www."): a text without it is left
    # as it is, without a scan by the (slower) pattern.
    if "<" in text:
        text = TAG.sub(" ", text)
    if "](" in text:
        text = LINK.sub(r"\1", IMAGE.sub(" ", text))
    if "://" in text or "www." in text:
        text = _URL.sub(" ", text)
    return " ".join(html.unescape(text).split())


def text_parts(title: str, excerpt: str, plain_body: str, lead_words: int) -> TextParts:
    """Split an article into the title and a lead of at most `lead_words` words of excerpt
    and body (the body already `plain`)."""
    words = plain(excerpt).split() + plain_body.split(maxsplit=lead_words)[:lead_words]
    return TextParts(title=plain(title), lead=" ".join(words[:lead_words]))


def fold(word: str) -> str:
    """`word` in lower case without a possessive "'s": "Samsung's" → "samsung"."""
    return word.lower().removesuffix("'s").removesuffix("’s")


def word_counts(text: str, fold_word: Callable[[str], str] = fold) -> tuple[Counter, Counter]:
    """How often each word of `text` occurs ("AI-powered" and "Apple's" are words,
    punctuation is not), folded by `fold_word` (by default to lower case without
    possessives); and how often it is written with a capital letter."""
    return piece_word_counts(text.split(), fold_word)


def piece_word_counts(pieces: Iterable[str],
                      fold_word: Callable[[str], str] = fold) -> tuple[Counter, Counter]:
    """`word_counts` of a text already split on whitespace (`fold_word` must be pure)."""
    counts: Counter = Counter()
    capitals: Counter = Counter()
    count, capital = counts.get, capitals.get
    # Splitting on spaces is fast; each distinct piece ("(Apple's", "AI-powered,") is then
    # cut into words once, which gives the same counts as cutting the whole text.
    for piece, times in Counter(pieces).items():
        for folded, capitalised in _piece_words(piece, fold_word):
            counts[folded] = count(folded, 0) + times
            if capitalised:
                capitals[folded] = capital(folded, 0) + times
    return counts, capitals


# Pieces recur across a site's articles: each is cut and folded once per process.
@lru_cache(maxsize=1 << 18)
def _piece_words(piece: str, fold_word: Callable[[str], str]) -> tuple[tuple[str, bool], ...]:
    """The words of `piece`, each folded and whether it is written with a capital letter."""
    return tuple((fold_word(word), word[0].isupper()) for word in WORD.findall(piece))


def entities(text: str) -> list[str]:
    """Names, product names and numbers found in `text`, as feature tokens.

    A name is a run of capitalised words, possibly ending in numbers
    ("iPhone 17") and continuing over commas; stop words are trimmed from its
    start ("The", "In").  Each run yields its words and, when longer than one
    word, the whole run.
    """
    tokens: list[str] = []
    for match in _NAME_RUN.finditer(text):
        before = text[match.start() - 1] if match.start() else " "
        if before.isalnum() or before in _WORD_PART:
            continue
        tokens.extend(_run_tokens(match.group()))
    for match in standalone(_NUMBER, text):
        figure = read_figure(match.group())
        if figure is not None:
            tokens.append("n:" + figure.number)
    return tokens


@lru_cache(maxsize=1 << 16)
def _run_tokens(run: str) -> tuple[str, ...]:
    words = [w.rstrip(".’'").lower() for w in run.replace(",", " ").split()]
    while words and words[0] in STOP_WORDS:
        words.pop(0)
    tokens = ["e:" + w for w in words if w not in STOP_WORDS and not w[:1].isdigit()]
    if len(words) > 1:
        tokens.append("e:" + " ".join(words))
    return tuple(tokens)


def feature_matrix(profiles: Sequence[ArticleViews], weights: FeatureWeights) -> sp.csr_matrix:
    """One L2-normalised sparse row per article: weighted title, lead, entity and body
    TF-IDF (title and lead words stemmed, see `digest.group.profile`)."""
    return feature_views(profiles, weights).combined


@dataclass(frozen=True)
class FeatureViews:
    """The combined feature rows of some articles, and the body's rows on their own."""

    combined: sp.csr_matrix
    """`feature_matrix`'s rows."""
    body: sp.csr_matrix | None
    """The body's TF-IDF rows, L2-normalised (None when the body weighs nothing or no
    word is left)."""


def feature_views(profiles: Sequence[ArticleViews], weights: FeatureWeights) -> FeatureViews:
    """`feature_matrix` of `profiles`, and the body view it is partly made of (fitted once)."""
    max_df = max(weights.generic_min_articles, int(weights.generic_share * len(profiles)))
    views = [([p.title for p in profiles], weights.title),
             ([p.lead for p in profiles], weights.lead),
             ([p.entities for p in profiles], weights.entities),
             ([p.copy_text for p in profiles], weights.body)]
    blocks = [(tfidf(stack(bags).counts, smooth_idf, idf_power=weights.idf_power,
                     max_df=max_df)[0], weight) if weight > 0 else (None, weight)
              for bags, weight in views]
    scaled = [matrix * np.sqrt(weight) for matrix, weight in blocks if matrix is not None]
    combined = normalise_rows(sp.hstack(scaled, format="csr")) if scaled else \
        sp.csr_matrix((len(profiles), 1))
    return FeatureViews(combined=combined, body=blocks[-1][0])


def first_words(text: str, count: int) -> str:
    """The first `count` words of `text`, spacing collapsed."""
    return " ".join(text.split(maxsplit=count)[:count])
