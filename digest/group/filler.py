"""Filler: text stamped from a template under many headlines, which reports nothing.

A content farm fills a feed with pages made from one template: "X represents one
of the most exciting frontiers in artificial intelligence today. Recent
developments have shown remarkable progress …", the same sentences under
"AI in Business: Latest Developments", "How Robotics Is Reshaping Technology"
and hundreds more.  A reader learns nothing from such a page, and a digest
that merges two of them into a "story" with a summary passes the filler on.
Two general properties tell it from reporting, and it takes both:

- it is *unspecific*: news names people, places and products, gives figures and
  dates, quotes someone; filler does so in few of its sentences beyond the words
  of its own headline;
- it is *stamped*: most of its sentences are found word for word under several
  other headlines.  An article is written once; a wire story reprinted under
  other headlines is stamped too, but it is specific, so it stays.

Copies of one page under one headline are duplicates, not filler: they count as
one headline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from digest.hashing import bytes_hash

_SPECIFIC_SHARE = 0.5
"""An unspecific text has fewer than this share of its sentences specific."""
_STAMPED_SHARE = 0.5
"""A filler text has at least this share of its sentences found under other headlines..."""
_HEADLINES = 4
"""...under at least this many different headlines (its own one of them)."""
_FEWEST_SENTENCES = 3
"""Fewer sentences than this are too little text to call it anything."""
_SENTENCE_WORDS = 6
"""Shorter pieces (labels, list items) are not counted as sentences."""

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(]?[A-Z0-9])")
_NOT_PROSE = re.compile(r"\s*(?:#|[-*+>|]|\d+[.)]\s)")
_TOKEN = re.compile(r"[A-Za-z0-9][\w’'&.-]*")
_QUOTATION = re.compile(r"[\"“”]")
_WORDS = re.compile(r"[a-z0-9]+")
_NOT_NAMES = frozenset(("I", "A", "An", "The", "This", "That", "These", "Those", "It", "Its",
                        "He", "She", "They", "We", "You", "Our", "Mr", "Mrs", "Ms", "Dr"))


def prose_sentences(markdown: str) -> list[str]:
    """The sentences of `markdown`'s prose paragraphs (headings, list items, quotes and
    tables left out), each of at least six words, in order."""
    # A plain cut at end marks, not `digest.text.sentences`: every article is read here when
    # it is profiled, and a template's sentences come out the same either way.
    sentences = []
    for block in re.split(r"\n\s*\n", markdown):
        if not block.strip() or _NOT_PROSE.match(block):
            continue
        for sentence in _SENTENCE_END.split(" ".join(block.split())):
            if len(sentence.split()) >= _SENTENCE_WORDS:
                sentences.append(sentence)
    return sentences


def is_specific(sentence: str, headline_words: frozenset[str]) -> bool:
    """Whether `sentence` says something particular beyond its headline's words: a figure,
    a quotation, or a name (a capitalised word after the first)."""
    if _QUOTATION.search(sentence):
        return True
    for position, token in enumerate(_TOKEN.findall(sentence)):
        token = token.rstrip(".")
        if token.lower() in headline_words:
            continue
        if token[:1].isdigit() or (position > 0 and token[:1].isupper()
                                   and token not in _NOT_NAMES):
            return True
    return False


def stamp_keys(title: str, markdown: str) -> tuple[str, ...]:
    """Hashes of the sentences of an unspecific text (`is_specific` true of fewer than half
    of its `prose_sentences`), lower case, words only, each once and sorted; none for a
    specific text or one of fewer than three sentences."""
    sentences = prose_sentences(markdown)
    if len(sentences) < _FEWEST_SENTENCES:
        return ()
    headline_words = frozenset(token.lower().rstrip(".") for token in _TOKEN.findall(title))
    enough, specific = _SPECIFIC_SHARE * len(sentences), 0
    for sentence in sentences:
        specific += is_specific(sentence, headline_words)
        if specific >= enough:
            return ()  # news, most of it: no need to read on
    return tuple(sorted({bytes_hash(" ".join(_WORDS.findall(s.lower())).encode())
                         for s in sentences}))


def headline_key(title: str) -> str:
    """Equal for two headlines that differ only in case, punctuation and spacing."""
    return bytes_hash(" ".join(_WORDS.findall(title.lower())).encode())


def filler_texts(stamps: Mapping[str, tuple[str, tuple[str, ...]]]) -> set[str]:
    """The texts, of `stamps` (id → (`headline_key`, `stamp_keys`)), that are filler: at
    least half of their sentences are found under four different headlines or more."""
    headlines: dict[str, set[str]] = {}
    for headline, keys in stamps.values():
        for key in keys:
            headlines.setdefault(key, set()).add(headline)
    return {text for text, (_, keys) in stamps.items()
            if keys and _stamped(keys, headlines) >= _STAMPED_SHARE * len(keys)}


def _stamped(keys: Iterable[str], headlines: Mapping[str, set[str]]) -> int:
    return sum(len(headlines[key]) >= _HEADLINES for key in keys)
