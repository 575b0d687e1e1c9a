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
of the same event ("$1,799 headset" against "$1,000 of freebies", where the
second text gives the price) from counting as a conflict.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from digest.group.features import Terms, TextParts, fold

_SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9,
          "billion": 1e9, "t": 1e12, "tn": 1e12, "trillion": 1e12}
_NUMBER = re.compile(
    r"(?<![\w.,])([$€£])?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:[-–](\d+)(?![\w.]))?"
    r"(?:\s?(%|percent\b|k\b|mn?\b|bn?\b|tn?\b|thousand\b|million\b|billion\b|trillion\b))?",
    re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d\d")
# A product model: a capitalised name and a version number ("Galaxy S25" is a name alone).
_MODEL = re.compile(r"\b(?P<name>[A-Z][\w'’]*|[a-z]+[A-Z][\w'’]*)[ -](?P<number>\d{1,3}(?:\.\d)?)\b"
                    r"(?![.,]?\d|\s?(?:%|percent|[kmbt]n?\b|thousand|million|billion|trillion|[-–]))")
_NOT_MODELS = frozenset(["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "top", "day", "week"])
_HEADLINE_WORD = re.compile(r"[^\W_][\w'’.-]*[^\W_]|[^\W_]")
_NAME_SHARE = 0.8
"""A word is a name when at least this share of its uses is capitalised."""
_TOLERANCE = 0.015
"""Relative difference under which two amounts are one ("$1,799" and "$1,800")."""

Value = float | str


@dataclass(frozen=True)
class Facts:
    """What one article's headline states, and what its text mentions."""

    numbers: tuple[tuple[str, Value], ...]
    """Typed numbers of the headline: ("money" | "percent" | "score" | "count", value)."""
    models: frozenset[str]
    """Product models named in the headline, lower case ("legion go 2")."""
    subject: str | None
    """The headline's first distinctive name (lower case): usually who the news is about."""
    values: tuple[Value, ...]
    """Every number in the title and lead."""
    text: str
    """Title and lead, lower case."""
    names: frozenset[str]
    """Every name (lower case) in the title and lead."""


def article_facts(parts: Sequence[TextParts], lead_terms: Terms, max_share: float) -> list[Facts]:
    """The facts of every article.  `lead_terms` are the counts of the leads (they tell
    names from common words); a subject is a name found in at most `max_share` of the leads."""
    counts = lead_terms.counts.tocsr()
    is_name = lead_terms.capital_share >= _NAME_SHARE
    distinctive = is_name & (np.bincount(counts.indices, minlength=counts.shape[1])
                             <= max(1.0, max_share * counts.shape[0]))
    vocabulary = lead_terms.vocabulary
    facts = []
    for row, part in enumerate(parts):
        columns = counts.indices[counts.indptr[row]:counts.indptr[row + 1]]
        title_names = [w for w in _headline_words(part.title) if w[0].isupper()]
        names = {vocabulary[c] for c in columns[is_name[columns]]}
        names.update(fold(w) for w in title_names)
        subject = next((w for w in map(fold, title_names)
                        if (c := lead_terms.index.get(w)) is not None and distinctive[c]), None)
        models, spans = _models(part.title)
        text = part.title + " " + part.lead
        facts.append(Facts(
            numbers=tuple(n for n, start in _numbers(part.title)
                          if n[0] != "small" and not any(a <= start < b for a, b in spans)),
            models=frozenset(models), subject=subject,
            values=tuple(value for (_, value), _ in _numbers(text)),
            text=text.lower(), names=frozenset(names)))
    return facts


def conflict(first: Facts, second: Facts) -> str | None:
    """Why two articles are about different events ("number", "model", "subject"), or None."""
    for kind in ("money", "percent", "score", "count"):
        mine = [v for k, v in first.numbers if k == kind]
        theirs = [v for k, v in second.numbers if k == kind]
        if mine and theirs and not _any_close(mine, second.values) \
                and not _any_close(theirs, first.values):
            return "number"
    if first.models and second.models and not _mentions(second.text, first.models) \
            and not _mentions(first.text, second.models):
        return "model"
    if first.subject and second.subject and first.subject not in second.names \
            and second.subject not in first.names:
        return "subject"
    return None


def _headline_words(title: str) -> list[str]:
    return _HEADLINE_WORD.findall(title)


def _numbers(text: str) -> list[tuple[tuple[str, Value], int]]:
    """Every number of `text` with its kind, value and position; years are left out."""
    found: list[tuple[tuple[str, Value], int]] = []
    for match in _NUMBER.finditer(text):
        currency, whole, fraction, second, unit = match.groups()
        digits = whole.replace(",", "") + (fraction or "")
        unit = (unit or "").lower()
        if second and not unit and not currency:
            found.append((("score", f"{int(float(digits))}-{int(second)}"), match.start()))
            continue
        value = float(digits)
        if unit in ("%", "percent"):
            found.append((("percent", value), match.start()))
            continue
        if currency or unit:
            found.append((("money" if currency else "count", value * _SCALE.get(unit, 1.0)),
                          match.start()))
        elif not (_YEAR.fullmatch(digits)):
            found.append((("count" if value >= 10 else "small", value), match.start()))
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


def _mentions(text: str, models: frozenset[str]) -> bool:
    """True when `text` (lower case) names one of the models, spaced or hyphenated."""
    for model in models:
        name, number = model.rsplit(" ", 1)
        if re.search(rf"(?<!\w){re.escape(name)}[ -]{re.escape(number)}(?![\w.]\d|\w)", text):
            return True
    return False


def _any_close(values: Sequence[Value], others: Sequence[Value]) -> bool:
    return any(_close(v, o) for v in values for o in others)


def _close(first: Value, second: Value) -> bool:
    if isinstance(first, str) or isinstance(second, str):
        return first == second
    return abs(first - second) <= _TOLERANCE * max(abs(first), abs(second))
