"""One story's text, analysed once: sentences, features and similarities.

`analyse_story` tokenises every source exactly once and computes what the
summary, takeaways and merged body all need: TF-IDF sentence vectors, the
sentence-by-sentence cosine matrix, each sentence's centrality (closeness to
what the sources say together), cross-source agreement (how closely the
other sources repeat it) and closeness to the headlines. Callers that run
several compose steps on one story pass the same `StoryText` to each (an
explicit, per-story cache); without it each step analyses the story itself.

Only the head of each source (its first `HEAD` running-text sentences,
whole paragraphs) becomes units: news puts what matters first, and the
summary and takeaways never reach further. The tail is analysed lazily, one
paragraph at a time, when merging needs it (`paragraph_feats`, memoised per
story). Sources are read in citation-number order whatever order they are
given in, so the result does not depend on list order.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from digest.compose.blocks import HEADING, MEDIA, TEXT, Paragraph, split_paragraphs
from digest.compose.features import Features, Stemmer, analyse, features, term_set
from digest.compose.sentences import Sentence, sentences_of
from digest.compose.source import SourceDocument
from digest.compose.vectors import agreement, centrality, headline, tfidf
from digest.text.sentences import cuts_only_between_words, split_sentences

BODY, EXCERPT, TITLE = "body", "excerpt", "title"
HEAD = 25
"""Running-text sentences per source analysed up front (the rest only on demand)."""


@dataclass(frozen=True)
class Unit:
    """One sentence of one source, with its features."""

    doc: int
    """Index into `StoryText.docs`."""
    number: int
    """Citation number of its source."""
    sentence: Sentence
    terms: tuple[str, ...]
    """Content stems and numbers, in order (see `features.terms`)."""
    specific: int
    """Names and figures it mentions (see `features.specificity`)."""
    rank: int
    """0-based position among the running-text sentences of its source (lead = 0)."""
    field: str
    """Where the text came from: `body`, or `excerpt`/`title` when the body is empty."""
    features: Features


@dataclass(frozen=True)
class StoryText:
    """The analysed story; arrays are indexed like `units`."""

    docs: tuple[SourceDocument, ...]
    paragraphs: tuple[tuple[Paragraph, ...], ...]
    units: tuple[Unit, ...]
    sim: np.ndarray
    """Cosine similarity of TF-IDF sentence vectors, units × units."""
    centrality: np.ndarray
    agreement: np.ndarray
    """Mean over the other sources of the best match there (0 for one source)."""
    headline: np.ndarray
    """Cosine with the sources' headlines."""
    stemmer: Stemmer
    head: tuple[int, ...]
    """Per source, how many leading paragraphs have units (the rest is the tail)."""
    memo: dict[tuple[int, int], tuple[Features, ...]] = field(
        default_factory=dict, compare=False, repr=False)
    """Per-story memo of `paragraph_feats` for tail paragraphs."""
    vocabularies: dict[tuple[int, int], frozenset[str]] = field(
        default_factory=dict, compare=False, repr=False)
    """Per-story memo of `vocabulary`."""
    analysed: dict[str, Features] = field(default_factory=dict, compare=False, repr=False)
    """Per-story memo of `features_of`: sentence text → its features."""
    derived: dict[str, object] = field(default_factory=dict, compare=False, repr=False)
    """Per-story memo of what other modules derive from the whole story once (the
    citation index of `support`), by a name of their own."""

    def features_of(self, text: str) -> Features:
        """`features.features(text)` with this story's stemmer, each text analysed once
        (a sentence is looked at as a unit, a candidate, a claim ...)."""
        found = self.analysed.get(text)
        if found is None:
            found = self.analysed[text] = features(text, self.stemmer)
        return found

    def table(self, name: str) -> dict:
        """The per-story memo table `name` in `derived` (made empty on first use)."""
        found = self.derived.get(name)
        if not isinstance(found, dict):
            found = self.derived[name] = {}
        return found

    def feats(self, unit: int) -> Features:
        """Full features of one unit."""
        return self.units[unit].features

    def paragraph_feats(self, doc: int, para: int) -> tuple[Features, ...]:
        """Features of the sentences of paragraph `para` (its index) of source `doc`;
        head paragraphs come from the units, tail ones are analysed on first use."""
        found = self.memo.get((doc, para))
        if found is None:
            paragraph = self.paragraphs[doc][para]
            pieces = [paragraph.plain] if paragraph.kind == HEADING else \
                split_sentences(paragraph.plain)
            found = self.memo[(doc, para)] = tuple(self.features_of(s) for s in pieces if s)
        return found

    def vocabulary(self, doc: int, para: int) -> frozenset[str]:
        """Content stems and numbers of one paragraph: the union of its sentences'
        `Features.content`."""
        found = self.vocabularies.get((doc, para))
        if found is None:
            found = self.vocabularies[(doc, para)] = self._vocabulary(doc, para)
        return found

    def _vocabulary(self, doc: int, para: int) -> frozenset[str]:
        paragraph = self.paragraphs[doc][para]
        if paragraph.kind == MEDIA:
            return frozenset()
        if (doc, para) in self.memo:
            return frozenset().union(*(f.content for f in self.memo[(doc, para)]))
        # A tail paragraph whose sentences hold exactly its words has their terms: it
        # is read whole, and split and analysed only if a claim is looked for there.
        if paragraph.kind == HEADING or cuts_only_between_words(paragraph.plain):
            return term_set(paragraph.plain, self.stemmer)
        return frozenset().union(*(f.content for f in self.paragraph_feats(doc, para)))


def analyse_story(docs: Sequence[SourceDocument], *, head: int | None = HEAD) -> StoryText:
    """Analyse a story's sources (any order; they are sorted by number); `head=None`
    makes every sentence a unit."""
    ordered = tuple(sorted(docs, key=lambda d: d.number))
    stemmer = Stemmer()
    paragraphs = tuple(split_paragraphs(d.text) for d in ordered)
    units: list[Unit] = []
    heads = []
    known: dict[str, tuple[Features, int]] = {}
    for i, d in enumerate(ordered):
        found, analysed = _units(i, d, paragraphs[i], stemmer, head, known)
        units.extend(found)
        heads.append(analysed)
    titles = [features(d.title, stemmer) for d, paras in zip(ordered, paragraphs)
              if not opens_body(d.title, paras)]
    matrix, head_matrix = tfidf([u.features.terms for u in units], [h.terms for h in titles])
    sim = (matrix @ matrix.T).toarray() if units else np.zeros((0, 0))
    doc_of = np.array([u.doc for u in units], dtype=int)
    memo = _head_memo(units)
    return StoryText(
        docs=ordered, paragraphs=paragraphs, units=tuple(units), sim=sim,
        centrality=centrality(matrix, doc_of, len(ordered)),
        agreement=agreement(sim, doc_of, len(ordered)),
        headline=headline(matrix, head_matrix), stemmer=stemmer, head=tuple(heads),
        memo=memo, analysed={u.sentence.text: u.features for u in units})


def opens_body(title: str, paragraphs: Sequence[Paragraph]) -> bool:
    """Is the title only the opening words of its own body's running text (a feed or
    scraper without a headline cuts the first sentence short: "A Shalimar woman has a
    warning for…")? Such a title says nothing the lead's position does not, so it is
    no headline to score sentences by."""
    key = title_key(title)
    first = next((p.plain for p in paragraphs if p.kind == TEXT), "")
    opening = title_key(first[:len(title) + 40])
    return bool(key) and opening.startswith(key + " ")


@lru_cache(maxsize=1 << 16)  # a pure function of the text, asked of every candidate
def title_key(text: str) -> str:
    """Text reduced for telling a headline used as a sentence, or a title cut from its
    body: lower-case words."""
    return " ".join(_WORDS.findall(text.casefold()))


_WORDS = re.compile(r"[^\W_]+")


def _head_memo(units: list[Unit]) -> dict[tuple[int, int], tuple[Features, ...]]:
    """`paragraph_feats` of the head paragraphs, from their units."""
    out: dict[tuple[int, int], list[Features]] = {}
    for u in units:
        if u.field == BODY:
            out.setdefault((u.doc, u.sentence.paragraph), []).append(u.features)
    return {k: tuple(v) for k, v in out.items()}


def _units(doc: int, source: SourceDocument, paragraphs: tuple[Paragraph, ...],
           stemmer: Stemmer, head: int | None,
           known: dict[str, tuple[Features, int]]) -> tuple[list[Unit], int]:
    """The head units of one source and how many paragraphs they cover; `known` holds
    the `analyse` of each sentence text met so far in the story, and gets this source's
    (sources of one story share sentences: wire copy, quotes, stock lines)."""
    upto = _head_paragraphs(paragraphs, head)
    sentences, field = sentences_of(paragraphs[:upto]), BODY
    if not any(s.kind == TEXT for s in sentences):
        for field, text in ((EXCERPT, source.excerpt), (TITLE, source.title)):
            sentences = sentences_of(split_paragraphs(text or ""))
            if sentences:
                break
    out, rank = [], 0
    for s in sentences:
        found = known.get(s.text)
        if found is None:
            found = known[s.text] = analyse(s.text, stemmer)
        feats, specific = found
        out.append(Unit(doc=doc, number=source.number, sentence=s, terms=feats.terms,
                        specific=specific, rank=rank, field=field, features=feats))
        rank += s.kind == TEXT
    return out, upto


def _head_paragraphs(paragraphs: tuple[Paragraph, ...], head: int | None) -> int:
    """How many leading paragraphs hold about `head` running-text sentences
    (estimated from full stops, so the tail is never split)."""
    if head is None:
        return len(paragraphs)
    count = 0
    for k, para in enumerate(paragraphs):
        if para.kind == TEXT:
            count += para.plain.count(". ") + 1
        if count >= head:
            return k + 1
    return len(paragraphs)
