"""Text features for story clustering: title, lead and named-entity TF-IDF.

Everything here is fitted per call on the articles given (no global
vocabulary), so the same articles always give the same matrices.  Rare,
event-specific terms (names, products, numbers) are weighted up by raising the
IDF to a power; vocabulary shared by a large part of the corpus (templated
filler, topic background) is weighted down by the same curve.

Each text is tokenised once; lower-casing, stop words, stemming and the
proper-noun statistics of `Terms` are then worked out per distinct word, never
per token, which keeps large sites fast.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
from sklearn.preprocessing import normalize

from digest.group.stems import stem

_TAG = re.compile(r"<[^>]+>")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_URL = re.compile(r"(?:https?://|www\.)\S+")
_WORD = re.compile(r"[^\W_][\w'’.-]*[^\W_]|[^\W_]", re.UNICODE)
_NAME = r"\b[a-z]{0,4}[A-Z][\w'’&.-]*"  # "Apple", "iPhone", "macOS"
# A name is a run of capitalised words, a product name may end in numbers ("Galaxy S25 Ultra");
# a list of names ("OpenAI, Microsoft") makes one run: parties named together mark an event.
# (A run must start a word; that is checked in `entities`, which lets the scan skip ahead.)
_NAME_RUN = re.compile(rf"{_NAME}(?:,? (?:{_NAME}|\d[\w.]*))*")
_WORD_PART = frozenset("'’&.-_")
_NUMBER = re.compile(r"[$€£\d][\d,]*(?:\.\d+)?")
_LEAD_WORDS = 250
_ENTITY_WORDS = 150
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | {"s", "t", "new", "says", "said", "just", "like",
                                          "here", "now", "also", "get", "it’s", "it's"}


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

    The combined row is `[title, lead, entities]`, each part L2-normalised and
    scaled by the square root of its weight, so that the dot product of two rows
    is the weighted mean of the three cosines (weights sum to one).
    """

    title: float = 0.15
    lead: float = 0.45
    entities: float = 0.40
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


@dataclass(frozen=True)
class Terms:
    """Word counts of some texts over a lower-cased vocabulary, and how each word is written."""

    counts: sp.csr_matrix
    """One row per text, one column per lower-cased word (stop words included)."""
    vocabulary: tuple[str, ...]
    """The word of each column."""
    index: dict[str, int]
    """The column of each word."""
    capital_share: np.ndarray
    """Per column, the share of its occurrences written with a capital letter: near 1 for
    names ("Samsung"), low for common words even though they start sentences."""


def plain(text: str) -> str:
    """`text` with HTML tags, markdown images and link targets (tracking URLs differ between
    copies of one text) removed, entities decoded and whitespace collapsed."""
    text = _MD_LINK.sub(r"\1", _MD_IMAGE.sub(" ", _TAG.sub(" ", text or "")))
    return " ".join(html.unescape(_URL.sub(" ", text)).split())


def text_parts(title: str, excerpt: str, plain_body: str, lead_words: int) -> TextParts:
    """Split an article into the title and a lead of at most `lead_words` words of excerpt
    and body (the body already `plain`)."""
    words = plain(excerpt).split() + plain_body.split(maxsplit=lead_words)[:lead_words]
    return TextParts(title=plain(title), lead=" ".join(words[:lead_words]))


def fold(word: str) -> str:
    """`word` in lower case without a possessive "'s": "Samsung's" → "samsung"."""
    return word.lower().removesuffix("'s").removesuffix("’s")


def term_counts(texts: Sequence[str], fold_word: Callable[[str], str] = fold) -> Terms:
    """Count the words of every text ("AI-powered" and "Apple's" are words, punctuation is not),
    folded by `fold_word` per distinct word: by default to lower case without possessives."""
    return split_term_counts([t.split() for t in texts], fold_word)


def split_term_counts(texts: Sequence[Sequence[str]],
                      fold_word: Callable[[str], str] = fold) -> Terms:
    """`term_counts` of texts already split on whitespace."""
    # Splitting on spaces is fast; each distinct piece ("(Apple's", "AI-powered,") is then
    # cut into words once, which gives the same counts as cutting every text.
    pieces, piece_counts = _count(texts)
    folded: dict[str, int] = {}
    rows, columns, capital = [], [], []
    for row, piece in enumerate(pieces):
        for word in _WORD.findall(piece):
            rows.append(row)
            columns.append(folded.setdefault(fold_word(word), len(folded)))
            capital.append(word[0].isupper())
    to_words = sp.csr_matrix((np.ones(len(rows)), (rows, columns)), shape=(len(pieces), len(folded)))
    totals = np.asarray(piece_counts.sum(axis=0)).ravel()[rows]
    share = np.bincount(columns, weights=totals * np.array(capital, dtype=bool),
                        minlength=len(folded)) / \
        np.maximum(np.bincount(columns, weights=totals, minlength=len(folded)), 1.0)
    return Terms(counts=(piece_counts @ to_words).tocsr(), vocabulary=tuple(folded), index=folded,
                 capital_share=share)


def entities(text: str, runs: dict[str, list[str]] | None = None) -> list[str]:
    """Names, product names and numbers found in `text`, as feature tokens.

    A name is a run of capitalised words, possibly ending in numbers
    ("iPhone 17") and continuing over commas; stop words are trimmed from its
    start ("The", "In").  Each run yields its words and, when longer than one
    word, the whole run.  `runs` caches the tokens of runs seen before.
    """
    runs = {} if runs is None else runs
    tokens: list[str] = []
    for match in _NAME_RUN.finditer(text):
        before = text[match.start() - 1] if match.start() else " "
        if before.isalnum() or before in _WORD_PART:
            continue
        run = match.group()
        found = runs.get(run)
        if found is None:
            found = runs[run] = _run_tokens(run)
        tokens.extend(found)
    for match in _NUMBER.finditer(text):
        before = text[match.start() - 1] if match.start() else " "
        value = match.group().lstrip("$€£").replace(",", "")
        if value and not (before.isalnum() or before in "_.,"):
            tokens.append("n:" + value)
    return tokens


def _run_tokens(run: str) -> list[str]:
    words = [w.rstrip(".’'").lower() for w in run.replace(",", " ").split()]
    while words and words[0] in STOP_WORDS:
        words.pop(0)
    tokens = ["e:" + w for w in words if w not in STOP_WORDS and not w[:1].isdigit()]
    if len(words) > 1:
        tokens.append("e:" + " ".join(words))
    return tokens


def feature_matrix(parts: Sequence[TextParts], weights: FeatureWeights,
                   lead_terms: Terms | None = None) -> sp.csr_matrix:
    """One L2-normalised sparse row per article: weighted title, lead and entity TF-IDF.

    Title and lead words are stemmed ("launches", "launched" → "launch") so that two
    outlets' wordings of one event meet; `lead_terms` are the lead's counts if already made.
    """
    max_df = max(weights.generic_min_articles, int(weights.generic_share * len(parts)))
    lead_terms = lead_terms if lead_terms is not None else term_counts([p.lead for p in parts])
    title_terms = term_counts([p.title for p in parts])
    runs: dict[str, list[str]] = {}
    entity_counts = _count([entities(_first_words(p.title + ". " + p.lead, weights.entity_words), runs)
                            for p in parts])[1]
    views = [(_stemmed(title_terms), weights.title), (_stemmed(lead_terms), weights.lead),
             (entity_counts, weights.entities)]
    blocks = [(_tfidf(counts, weights.idf_power, max_df), weight) for counts, weight in views]
    scaled = [matrix * np.sqrt(weight) for matrix, weight in blocks if matrix is not None]
    if not scaled:
        return sp.csr_matrix((len(parts), 1))
    return normalize(sp.hstack(scaled, format="csr"))


def _first_words(text: str, count: int) -> str:
    return " ".join(text.split(maxsplit=count)[:count])


def _count(docs: Sequence[Sequence[str]]) -> tuple[list[str], sp.csr_matrix]:
    """Distinct tokens in order of first appearance, and the token count matrix."""
    vocabulary: dict[str, int] = {}
    add = vocabulary.setdefault
    columns = np.fromiter((add(token, len(vocabulary)) for doc in docs for token in doc),
                          dtype=np.int64)
    indptr = np.concatenate(([0], np.cumsum([len(doc) for doc in docs], dtype=np.int64)))
    matrix = sp.csr_matrix((np.ones(len(columns)), columns, indptr),
                           shape=(len(docs), len(vocabulary)))
    matrix.sum_duplicates()
    return list(vocabulary), matrix


def _merge_columns(targets: np.ndarray, width: int) -> sp.csr_matrix:
    """0/1 matrix that adds every column `i` into column `targets[i]` (-1: dropped)."""
    keep = targets >= 0
    rows = np.flatnonzero(keep)
    return sp.csr_matrix((np.ones(len(rows)), (rows, targets[keep])),
                         shape=(len(targets), width))


def _stemmed(terms: Terms) -> sp.csr_matrix:
    """`terms` with stop words dropped and words of one stem added together."""
    stems: dict[str, int] = {}
    targets = np.fromiter((-1 if w in STOP_WORDS else stems.setdefault(stem(w), len(stems))
                           for w in terms.vocabulary), dtype=np.int64, count=len(terms.vocabulary))
    return (terms.counts @ _merge_columns(targets, len(stems))).tocsr()


def _tfidf(counts: sp.csr_matrix, idf_power: float, max_df: int) -> sp.csr_matrix | None:
    """Sublinear TF-IDF of a count matrix (smooth IDF, as scikit-learn's), raised to
    `idf_power`, rows L2-normalised; terms in more than `max_df` rows are left out."""
    counts = counts.tocsr()
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    kept = np.flatnonzero((df > 0) & (df <= max_df))
    if not len(kept):
        return None
    matrix = counts[:, kept].tocsr()
    matrix.data = 1.0 + np.log(matrix.data)
    idf = np.log((1.0 + counts.shape[0]) / (1.0 + df[kept])) + 1.0
    matrix = (matrix @ sp.diags(idf ** idf_power)).tocsr()
    matrix.eliminate_zeros()
    return normalize(matrix)
