"""Quotations as compose reads them: the marks, and whether a sentence gives someone's words.

One owner for each, with two policies kept apart on purpose. The summary box
(`extract`, `takeaways`) and the brief (`brief`, `brief_aspects`) ask different
questions, and answering both the same way would change what they pick:

- the summary asks whether a sentence *is a voice* (`is_voice`): it opens on a
  quotation, or quotes `VOICE_WORDS` words of a speaker it names, and at most one
  voice may follow its opening sentence;
- the brief asks whether a sentence *holds a long quotation* (`has_long_quotation`):
  one quoted run of `VOICE_WORDS` words, closed or running to the sentence's end,
  whoever says it (the brief's reactions paragraph; `quality.problem` has already
  required a named speaker).

Their opening marks differ by one mark each (`SUMMARY_OPENING_MARKS` adds «,
`BRIEF_OPENING_MARKS` adds ”, a closing mark some sources open with). No sentence of
the sample, real-news-2025 or Multi-News sites opens on either (checked at stop 24), so
one set would change no page there; it is kept two because it would change what the
summary or the brief picks from text that does.
"""

from __future__ import annotations

import re

from digest.compose.marks import NON_WORD, QUOTED
from digest.compose.speakers import ATTRIBUTION

OPENING_MARKS = "\"“‘'"
"""The marks a quotation opens with: a sentence read from the first word of its
quotation has them stripped (`brief`, `leaning`)."""
SUMMARY_OPENING_MARKS = OPENING_MARKS + "«"
"""A summary or takeaway candidate opening on one of these is a quotation."""
BRIEF_OPENING_MARKS = OPENING_MARKS + "”"
"""A brief sentence opening on one of these is a quotation (`opens_on_quote`)."""
MARKS = "\"“”‘'’"
"""Every quote mark a word may carry on either side: stripped to compare the word."""
VOICE_WORDS = 4
"""Fewest quoted words for a sentence to give someone's words ('… said the ruling
"ignores the facts of the case"'); fewer are a term or a title in quotation marks
('"stealth crawling"')."""

_LONG_RUN = re.compile(r"[\"“]([^\"“”]+)(?:[\"”]|$)")
"""A quoted run, closed or running to the end of the sentence."""
_INTRODUCED_QUOTE = re.compile(
    ATTRIBUTION.pattern + r"(?:\s+(?!(?:that|it|he|she|they|we|i|its|his|her|their)\b)"
    r"[\w’'.-]+){0,6}?[,:]\s*[\"“][^\"“”]*[\"”]?\W*$", re.IGNORECASE)
"""A verb of saying, perhaps with a few words of where or when ("said in a statement:",
"told reporters on Monday,") but no clause of its own ("said it would expand, …"), then the
quotation to the end of the sentence."""


def is_voice(text: str) -> bool:
    """The summary's test: does the sentence give someone's words? It opens on a
    quotation, or quotes at least `VOICE_WORDS` words of a speaker it attributes them to
    ('Google's Jose Castaneda said the company will "defend against these meritless
    claims"')."""
    if text[:1] in SUMMARY_OPENING_MARKS:
        return True
    quoted = sum(len(q.split()) for q in QUOTED.findall(text))
    return quoted >= VOICE_WORDS and bool(ATTRIBUTION.search(QUOTED.sub(" ", text)))


def only_words_of(text: str) -> bool:
    """The summary's test for its opening sentence: is the sentence someone's words and
    nothing more? It opens on a quotation, or introduces one with a verb of saying that
    runs to its end ('Hassabis added, "this is embarrassing."', 'The company said: "We
    …"'). Such a sentence is a voice, never the news a summary opens with."""
    if text[:1] in SUMMARY_OPENING_MARKS:
        return True
    # Every `_INTRODUCED_QUOTE` match opens a quotation with one of these marks.
    return ('"' in text or "“" in text) and bool(_INTRODUCED_QUOTE.search(text))


def has_long_quotation(text: str) -> bool:
    """The brief's test: does the sentence carry a quotation of at least `VOICE_WORDS`
    words (a voice, not a term in scare quotes)?"""
    return any(len(quoted.split()) >= VOICE_WORDS for quoted in _LONG_RUN.findall(text))


def opens_on_quote(text: str) -> bool:
    """The brief's test: does the sentence start with a quotation?"""
    return text.lstrip()[:1] in BRIEF_OPENING_MARKS


def wholly_quoted(text: str) -> bool:
    """Is the sentence a quotation and nothing else ('"The ferries will stay in port."'):
    someone's words with no speaker named in it?"""
    return text[:1] in "\"“" and not NON_WORD.sub("", QUOTED.sub("", text)).strip()
