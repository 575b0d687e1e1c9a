"""Text features for story clustering: title, lead and named-entity TF-IDF.

Everything here is fitted per call on the articles given (no global
vocabulary), so the same articles always give the same matrices.  Rare,
event-specific terms (names, products, numbers) are weighted up by raising the
IDF to a power; vocabulary shared by a large part of the corpus (templated
filler, topic background) is weighted down by the same curve.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.preprocessing import normalize

_TAG = re.compile(r"<[^>]+>")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_URL = re.compile(r"(?:https?://|www\.)\S+")
_WORD = re.compile(r"[^\W_][\w'’.-]*[^\W_]|[^\W_]", re.UNICODE)
_NUMBER = re.compile(r"(\$|€|£)?(\d[\d,]*(?:\.\d+)?)\s*(%|percent|billion|million|trillion|bn)?",
                     re.IGNORECASE)
_CAPITAL = re.compile(r"^(?:[A-Z][\w'’&.-]*|[a-z]+[A-Z][\w'’&.-]*)$")
_SENTENCE_END = re.compile(r"[.!?:;\"“”]$")
_LEAD_WORDS = 400
_ENTITY_WORDS = 150
_STOP = frozenset(ENGLISH_STOP_WORDS) | {"s", "t", "new", "says", "said", "just", "like",
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


def plain(text: str) -> str:
    """`text` with HTML tags, markdown images and link targets (tracking URLs differ between
    copies of one text) removed, entities decoded and whitespace collapsed."""
    text = _MD_LINK.sub(r"\1", _MD_IMAGE.sub(" ", _TAG.sub(" ", text or "")))
    return " ".join(html.unescape(_URL.sub(" ", text)).split())


def text_parts(title: str, excerpt: str, body: str, lead_words: int) -> TextParts:
    """Split an article into the title and a lead of at most `lead_words` words."""
    # Only the start of the body can reach the lead; markup makes a word about 40 characters at most.
    words = (plain(excerpt) + " " + plain(body[:lead_words * 40])).split()
    return TextParts(title=plain(title), lead=" ".join(words[:lead_words]))


def words(text: str) -> list[str]:
    """Lower-cased content words of `text`, stop words removed."""
    return [w for w in _WORD.findall(text.lower()) if w not in _STOP]


def entities(text: str) -> list[str]:
    """Names, product names and numbers found in `text`, as feature tokens.

    A name is a run of capitalised words (or a capitalised word followed by a
    number, "iPhone 17"); a sentence's first word counts only as part of a run
    or when it is not a common word.  Each run yields its words and the run.
    """
    tokens: list[str] = []
    run: list[str] = []
    sentence_start = True
    for raw in text.split():
        token = raw.strip("()[]{},\"“”'‘’*_#|")
        is_number = bool(token) and token[0].isdigit() or token[:1] in "$€£" and len(token) > 1
        if is_number:
            tokens.extend(_number_tokens(token))
        capital = bool(_CAPITAL.match(token)) and not (sentence_start and token.lower() in _STOP)
        if capital or (run and is_number):
            run.append(token.rstrip(".:;!?").lower())
        else:
            tokens.extend(_run_tokens(run))
            run = []
        sentence_start = bool(_SENTENCE_END.search(raw))
        if sentence_start:
            tokens.extend(_run_tokens(run))
            run = []
    tokens.extend(_run_tokens(run))
    return tokens


def _run_tokens(run: list[str]) -> list[str]:
    names = [w for w in run if w not in _STOP]
    out = ["e:" + w for w in names]
    if len(run) > 1:
        out.append("e:" + " ".join(run))
    return out


def _number_tokens(token: str) -> list[str]:
    match = _NUMBER.match(token)
    if not match:
        return []
    value = match.group(2).replace(",", "").rstrip(".")
    return ["n:" + value] if value else []


def feature_matrix(parts: Sequence[TextParts], weights: FeatureWeights) -> sp.csr_matrix:
    """One L2-normalised sparse row per article: weighted title, lead and entity TF-IDF."""
    max_df = max(weights.generic_min_articles, int(weights.generic_share * len(parts)))
    views = [([words(p.title) for p in parts], weights.title),
             ([words(p.lead) for p in parts], weights.lead),
             ([entities(_first_words(p.title + ". " + p.lead, weights.entity_words)) for p in parts],
              weights.entities)]
    blocks = [(_tfidf(docs, weights.idf_power, max_df), weight) for docs, weight in views]
    scaled = [matrix * np.sqrt(weight) for matrix, weight in blocks if matrix is not None]
    if not scaled:
        return sp.csr_matrix((len(parts), 1))
    return normalize(sp.hstack(scaled, format="csr"))


def _first_words(text: str, count: int) -> str:
    return " ".join(text.split(maxsplit=count)[:count])


def _tfidf(docs: list[list[str]], idf_power: float, max_df: int) -> sp.csr_matrix | None:
    """Sublinear TF-IDF of pre-tokenised docs, IDF raised to `idf_power`, rows L2-normalised;
    terms in more than `max_df` docs are left out."""
    if not any(docs):
        return None
    vectorizer = TfidfVectorizer(analyzer=_identity, sublinear_tf=True, norm=None,
                                 dtype=np.float64, max_df=max_df)
    try:
        matrix = vectorizer.fit_transform(docs).tocsr()
    except ValueError:  # every term is generic: this view says nothing
        return None
    if idf_power != 1.0:
        matrix = matrix @ sp.diags(vectorizer.idf_ ** (idf_power - 1.0))
    return normalize(matrix.tocsr())


def _identity(doc: list[str]) -> list[str]:
    return doc
