"""Fixture stories for the compose tests: `tests/sites/compose_*/content/*.md`, each
folder one story, sources numbered in date order (as the `group` stage does)."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import Path

import frontmatter

from digest.compose.extract import SourceDocument
from digest.compose.sentences import document_sentences

SITES = Path(__file__).resolve().parent / "sites"
STORIES = sorted(p.name for p in SITES.glob("compose_*") if (p / "content").is_dir())


def load_story(name: str) -> list[SourceDocument]:
    """The story's sources, numbered 1.. by publication date."""
    posts = [frontmatter.load(path) for path in sorted((SITES / name / "content").glob("*.md"))]
    posts.sort(key=lambda p: _date(p["date"]))
    return [SourceDocument(number=i, title=str(p["title"]), text=p.content,
                           excerpt=p.get("excerpt"), outlet=str(p["outlet"]),
                           date=_date(p["date"]))
            for i, p in enumerate(posts, start=1)]


def _date(value: object) -> dt.datetime:
    date = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
    return date if date.tzinfo else date.replace(tzinfo=dt.UTC)


_WORD = re.compile(r"[a-z][a-z']+")
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
_CAPITAL = re.compile(r"\b[A-Z][a-z]+")
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_STOP = frozenset("""the and for that with from this have has had was were are will would its their
its they them than then into over about after said says also been being which while when what
there these those some more most other such only just very""".split())


def independently_supported(text: str, doc: SourceDocument) -> bool:
    """A check written apart from `support.py`: some sentence of `doc`, or two adjacent
    ones, has every figure of `text` and at least 45 % of its longer words (raw words,
    no stemming, so a little below `support.py`'s 60 % of stems); or one sentence is a
    paraphrase: every figure and every capitalised name of `text` (two or more of them
    together; weekdays are not names here) and at least 35 % of its longer words, or a
    quarter of them when two or more figures match."""
    words = {w for w in _WORD.findall(text.lower()) if len(w) > 3 and w not in _STOP}
    figures = set(_FIGURE.findall(text))
    names = {n.lower() for n in _CAPITAL.findall(text.split(" ", 1)[-1])} - _STOP - _WEEKDAYS
    enough = 0.25 if len(figures) >= 2 else 0.35
    sentences = [s.text for s in document_sentences(doc.text)]
    for passage in sentences + [a + " " + b for a, b in itertools.pairwise(sentences)]:
        low = passage.lower()
        if not figures <= set(_FIGURE.findall(passage)):
            continue
        share = sum(w in low for w in words) / max(len(words), 1)
        if share >= 0.45:
            return True
        if passage in sentences and len(names | figures) >= 2 and share >= enough \
                and all(n in low for n in names):
            return True
    return False


DANGLING_STARTS = ("he ", "she ", "it ", "they ", "this ", "that ", "these ", "those ", "but ",
                   "however", "also", "meanwhile", "and ", "so ", "still,", "it's ", "they're ",
                   "the move ", "the changes ", "here ", "now it", "now they", "in fact",
                   "despite this", "why it matters")
BOILERPLATE = ("sign up", "subscribe", "newsletter", "click here", "we may earn", "also:",
               "tell us in the comments", "update,", "disclosure:", "image:", "read the full",
               "is a senior reporter", "is a staff writer", "head over to")
