"""The facts a headline states, and when two headlines contradict each other.

Coverage of one event repeats its key facts: the amount of a deal, a score, a
percentage, the model number of a product, the company it is about.  Each
outlet picks which facts to put in its headline, but its text still mentions
the facts the others headline.  So two articles contradict each other, and are
about two events, when *both* headlines state a fact of one kind (an amount, a
product model, a subject) and *neither* article mentions the other's anywhere
in its title or lead: "CloudDesk 5" against "CloudDesk 8", "$9 billion"
against "$65 million", "Spain cuts rates" against "Brazil cuts rates".
Requiring both directions keeps a headline that merely picks another detail
of the same event ("$1,800 watch" against "$300 of free straps", where the
second text gives the price) from counting as a conflict.

A headline also states the stage of its news: a plan that is reported or
rumoured ("X will reportedly release Y", "Y rumored for 2027", "X teases Y"),
or an action that has happened ("X launches Y").  The report of a plan and
the action it anticipates are two pegs, days apart, however alike their words,
so a "plan" headline and a "done" headline contradict each other.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from digest.group.bags import LeadWords
from digest.group.features import WORD, TextParts, fold
from digest.text.calendar import MONTHS, SHORT_MONTHS, WEEKDAYS
from digest.text.figures import FIGURE, SCALE_WORD, is_year, read_figure, standalone
from digest.text.tfidf import document_frequency

# Starts with a character class so that the scan skips ahead fast; `read_figure` reads it.
_NUMBER = re.compile(rf"{FIGURE}(?:[-–]\d+(?![\w.]))?(?:\s?(?:%|percent\b|{SCALE_WORD}\b))?",
                     re.IGNORECASE)
# A product model: a capitalised name and a version number ("Galaxy S25" is a name alone).
_MODEL = re.compile(r"\b(?P<name>[A-Z][\w'’]*|[a-z]+[A-Z][\w'’]*)[ -](?P<number>\d{1,3}(?:\.\d)?)\b"
                    rf"(?![.,]?\d|\s?(?:%|percent|{SCALE_WORD}\b|[-–]))")
_VERSION = re.compile(r"\d{1,3}(?:\.\d)?")
_NOT_MODELS = frozenset({*(name.lower() for name in MONTHS + WEEKDAYS), "top", "day", "week"})
# A plan someone else reports ("will reportedly", "reportedly plans"), a rumour or a tease;
# a leak of what already happened ("leaked memo shows") is not a plan.
_PLAN_CUES = re.compile(
    r"\b(?:will|would|could|may|might|set to|plans? to|planning to|preparing to|working on"
    r"|in the works|to (?:launch|release|unveil|announce|debut|introduce|roll out))\b[^.;:]*"
    r"\breported(?:ly)?\b"
    r"|\breported(?:ly)?\b[^.;:]*\b(?:will|would|plans?|planning|preparing|set to|working on"
    r"|developing|to (?:launch|release|unveil|announce|debut|introduce|roll out))\b"
    r"|\brumou?r(?:s|ed)?\b|\bteas(?:es|ed|ing)\b", re.IGNORECASE)
_DONE_CUES = re.compile(
    r"\b(?:launch(?:es|ed)|(?:is|are) launching|roll(?:s|ed)? out|(?:is|are) rolling out"
    r"|releas(?:es|ed)|unveil(?:s|ed)|debut(?:s|ed)|introduc(?:es|ed)|announc(?:es|ed)"
    r"|now available|(?:is|are) here|arriv(?:es|ed)|goes live|(?:is|are) live|officially)\b",
    re.IGNORECASE)
PLAN, DONE = "plan", "done"
# A short word with a full stop inside a headline is an abbreviation: a title ("Sen.", "Ms."),
# a state ("Mo.") or a company form ("Inc."), never whom the news is about.
_ABBREVIATION = re.compile(r"[^\W\d_]{1,4}\.\s")
# "I" and its contractions are written with a capital but name no one.
_FIRST_PERSON = frozenset({"i", "i'm", "i’m", "i'll", "i’ll", "i've", "i’ve", "i'd", "i’d"})
# A number right after a month ("November 21", "Nov. 21") is the day of a date, not a figure.
_MONTH_BEFORE = re.compile(r"\b(?:%s)\.?\s$" % "|".join(
    [*MONTHS, *(m.capitalize() for m in SHORT_MONTHS)]))
# A headline never closes with a sentence's full stop nor credits a photograph: a title that
# does is the opening sentence or a picture's caption, which a scraper took for the headline.
_PROSE_END = re.compile(r"\b[a-z]{3,}\.[\"'”’)\]]*\s*$")
_PHOTO_CREDIT = re.compile(r"\([^()]*\b(?:photo|photograph|image|credit)s?\b[^()]*\)\s*$",
                           re.IGNORECASE)
_NAME_SHARE = 0.8
"""A word is a name when at least this share of its uses is capitalised."""
_TOLERANCE = 0.015
"""Relative difference under which two amounts are one ("$1,799" and "$1,800")."""

Value = float | str


@dataclass(frozen=True, eq=False)
class Headline:
    """What one article's headline states, and what its text mentions: the facts that need
    no other article to work out."""

    numbers: dict[str, tuple[Value, ...]]
    """Numbers of the headline by kind: "money", "percent", "score" or "count"."""
    models: frozenset[str]
    """Product models named in the headline, lower case ("go 2" of "Legion Go 2")."""
    amounts: tuple[float, ...]
    """Every number in the title and lead, sorted."""
    scores: frozenset[str]
    """Every score ("3-1") in the title and lead."""
    mentions: frozenset[str]
    """Every word followed by a number in the title and lead ("go 2"), lower case."""
    names: tuple[str, ...]
    """The capitalised words of the headline, lower case, in order."""
    stage: str | None = None
    """`PLAN` for a reported or rumoured plan, `DONE` for an action taken, else None."""
    written: bool = True
    """False when the title is only the opening words of the body (no one wrote a headline)."""


@dataclass(frozen=True, eq=False)
class Facts:
    """What one article's headline states, and what its text mentions, among the others."""

    headline: Headline
    title_names: frozenset[str]
    """The capitalised words of the headline, lower case."""
    subject: str | None
    """The headline's first distinctive name (lower case): usually who the news is about."""
    subject_column: int
    """The lead column (of the stacked lead words) of the subject; -1 without a subject."""
    lead_columns: np.ndarray
    """The sorted lead columns of every word of the lead."""


def headline(part: TextParts, body: str = "") -> Headline:
    """The facts of one article's title and lead.  A title that is only the opening words of
    its own `body` (plain; a scraper that found no headline took the first line or
    sentence) states nothing an editor chose: it gets no headline facts, only mentions."""
    written = not _opens(part.title, body) and not _caption_or_sentence(part.title)
    if not written:
        part = TextParts(title="", lead=part.title + " " + part.lead)
    models, spans = _models(part.title)
    numbers: dict[str, list[Value]] = {}
    for kind, value, start in _numbers(part.title, set()):
        if kind != "small" and not any(a <= start < b for a, b in spans):
            numbers.setdefault(kind, []).append(value)
    mentions: set[str] = set()
    found = [(kind, value) for kind, value, _ in _numbers(part.title + " " + part.lead, mentions)]
    return Headline(
        numbers={kind: tuple(values) for kind, values in numbers.items()},
        models=frozenset(models),
        amounts=tuple(sorted(v for k, v in found if isinstance(v, float))),
        scores=frozenset(v for k, v in found if isinstance(v, str)),
        mentions=frozenset(mentions),
        names=headline_names(part.title),
        stage=headline_stage(part.title), written=written)


def headline_names(title: str) -> tuple[str, ...]:
    """The capitalised words of a headline, lower case, in order: abbreviations ("Sen.",
    "Mo.") and "I" left out, since neither names whom the news is about."""
    names = []
    for match in WORD.finditer(title):
        word = fold(match.group())
        if not match.group()[0].isupper() or word in _FIRST_PERSON or \
                _ABBREVIATION.match(title, match.start()):
            continue
        names.append(word)
    return tuple(names)


def headline_stage(title: str) -> str | None:
    """`PLAN` when a headline reports a plan, a rumour or a tease; else `DONE` when it states
    an action taken (a launch, a release, an announcement); else None."""
    text = title.replace("’", "'")
    if _PLAN_CUES.search(text):
        return PLAN
    return DONE if _DONE_CUES.search(text) else None


def _caption_or_sentence(title: str) -> bool:
    """True when `title` ends like a sentence of prose or a photo caption, or is cut off with
    an ellipsis (a headline is written whole; a cut title is the opening of some text)."""
    return title.rstrip().endswith(("…", "...")) or \
        bool(_PROSE_END.search(title) or _PHOTO_CREDIT.search(title))


_PUNCTUATION = ".,;:!?…\"'“”‘’()"


def _opens(title: str, body: str) -> bool:
    """True when `title` (without a closing ellipsis) is how `body` begins."""
    words = [w.strip(_PUNCTUATION) for w in title.rstrip("…").split()]
    opening = [w.strip(_PUNCTUATION) for w in body.split(maxsplit=len(words))[:len(words)]]
    return bool(words) and opening == words


def article_facts(headlines: Sequence[Headline], leads: LeadWords,
                  max_articles: float) -> list[Facts]:
    """The facts of every article among the others.  `leads` are the articles' lead words
    (they tell names from common words); a subject is a name found in at most
    `max_articles` leads."""
    counts = leads.stacked.counts
    distinctive = (leads.capital_share >= _NAME_SHARE) & \
        (document_frequency(counts.indices, counts.shape[1]) <= max_articles)
    facts = []
    for row, head in enumerate(headlines):
        columns = ((name, leads.stacked.column(name)) for name in head.names)
        subject, column = next(((name, c) for name, c in columns if c >= 0 and distinctive[c]),
                               (None, -1))
        facts.append(Facts(headline=head, title_names=frozenset(head.names), subject=subject,
                           subject_column=column, lead_columns=leads.stacked.row_columns(row)))
    return facts


def conflict(first: Facts, second: Facts) -> str | None:
    """Why two articles are about different events ("number", "model", "subject", "stage"),
    or None."""
    one, other = first.headline, second.headline
    if {one.stage, other.stage} == {PLAN, DONE}:
        return "stage"
    for kind, mine in one.numbers.items():
        theirs = other.numbers.get(kind)
        if theirs and not _mentioned(mine, other) and not _mentioned(theirs, one):
            return "number"
    if one.models and other.models and not one.models & other.mentions \
            and not other.models & one.mentions:
        return "model"
    if first.subject and second.subject and not _names(second, first) \
            and not _names(first, second):
        return "subject"
    return None


def _names(facts: Facts, other: Facts) -> bool:
    """True when the title or lead of `facts` names the subject of `other`."""
    if other.subject in facts.title_names:
        return True
    at = np.searchsorted(facts.lead_columns, other.subject_column)
    return bool(at < len(facts.lead_columns) and facts.lead_columns[at] == other.subject_column)


def _numbers(text: str, mentions: set[str]) -> list[tuple[str, Value, int]]:
    """Every number of `text` with its kind, value and position; years are left out.  Adds
    each word followed by a small number ("go 2") to `mentions`, lower case."""
    found: list[tuple[str, Value, int]] = []
    for match in standalone(_NUMBER, text):
        start, end = match.span()
        before = text[start - 1] if start else " "
        if _MONTH_BEFORE.search(text, max(0, start - 11), start):
            continue  # "November 21": the day of a date, not a figure
        if before in " -" and _VERSION.fullmatch(match.group()) and \
                not (end < len(text) and text[end].isalnum()):
            word = fold(text[text.rfind(" ", 0, start - 1) + 1:start - 1].lstrip("([{\"“'‘"))
            if word[:1].isalpha():
                mentions.add(f"{word} {match.group()}")
        figure = read_figure(match.group())
        if figure is None:
            continue
        if figure.to and not figure.unit and not figure.currency:
            found.append(("score", f"{int(figure.value)}-{int(figure.to)}", start))
        elif figure.unit in ("%", "percent"):
            found.append(("percent", figure.value, start))
        elif figure.currency or figure.scale:
            found.append(("money" if figure.currency else "count",
                          figure.value * (figure.scale or 1.0), start))
        elif not is_year(figure.number):
            found.append(("count" if figure.value >= 10 else "small", figure.value, start))
    return found


def _models(title: str) -> tuple[set[str], list[tuple[int, int]]]:
    """Product models of a headline ("go 2" of "Legion Go 2") and where they are."""
    models, spans = set(), []
    for match in _MODEL.finditer(title):
        name = fold(match["name"])
        if name not in _NOT_MODELS:
            models.add(f"{name} {match['number']}")
            spans.append((match.start(), match.end()))
    return models, spans


def _mentioned(values: Sequence[Value], facts: Headline) -> bool:
    """True when the text of `facts` gives one of `values` (amounts up to rounding)."""
    for value in values:
        if isinstance(value, str):
            if value in facts.scores:
                return True
            continue
        low = value - _TOLERANCE * abs(value)
        at = bisect_left(facts.amounts, low)
        if at < len(facts.amounts) and facts.amounts[at] <= value + _TOLERANCE * abs(value):
            return True
    return False
