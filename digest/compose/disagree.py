"""Sources that disagree: one fact, stated by two outlets with different figures or days.

"Northwind will pay $4.1 billion" [1] and "Northwind agreed to pay $4.5 billion" [2]
are the same fact told twice with different amounts; a reader who sees only one of
them is misled. `disagreements` finds such pairs among the analysed sentences of a
story (the head of each source) and returns one `Disagreement` per disputed slot,
each side with the value, the sources giving it and a sentence saying it.

A slot is a typed value of a sentence: an amount of money, a percentage, a count of
something ("2,400 jobs": the noun after the number names what is counted), a
weekday or a calendar date ("March 3", "3 March"). Two sentences of different sources
disagree on a slot when
* both give the slot, with different values and none in common;
* everything else they say is the same fact: their content words (figures left out)
  overlap by `SAME_FACT` or more both ways, each one's names are in the other, and
  every other figure of the one is in the other; and
* neither source gives the other's value anywhere in its analysed text (an outlet
  writing "up from $4.1 billion to $4.5 billion" does not disagree with one giving
  $4.5 billion).
Precision first: different facts that merely share words are never flagged; years
and list numbers are not slots. Pure and deterministic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digest.compose.blocks import TEXT
from digest.compose.features import Features
from digest.compose.model import Disagreement, Side
from digest.compose.story import StoryText
from digest.text.calendar import MONTHS, WEEKDAYS
from digest.text.figures import (CURRENCIES, NUMBER, SCALES, Figure, has_digit, is_year,
                                 read_figure, scale_word)

SAME_FACT = 0.6
"""Share of content stems (figures aside) each sentence must have of the other's."""
SAME_TIME = 0.75
"""The same for a weekday or date: many different things happen on different days to
one actor ("tickets go on sale March 3", "the road closes March 20"), so the rest of
the sentence must be closer to one fact (the day's own words left out)."""
_TIMES = ("weekday", "date")
PREFILTER = 0.3
"""TF-IDF cosine below which two sentences are not compared at all."""
MAX_NOTES = 3

# Money may carry any scale word but a bare "t" ("$20 T-shirts"); a count only a spelled-out
# one ("2 million people", not "3 m long").
_MONEY = re.compile(rf"(?P<cur>[{CURRENCIES}])\s?"
                    rf"(?P<num>{NUMBER}(?:\s?{scale_word(SCALES.keys() - {'t'})}\b)?)",
                    re.IGNORECASE)
_PERCENT = re.compile(rf"{NUMBER}\s?(?:%|percent\b|per cent\b)", re.IGNORECASE)
_SPELLED_OUT = [word for word in SCALES if len(word) > 2]
_COUNT = re.compile(rf"(?<![\w{CURRENCIES}.,])(?P<num>{NUMBER}(?:\s{scale_word(_SPELLED_OUT)})?)"
                    r"\s(?P<noun>[a-z]{3,})\b")
_WEEKDAY = re.compile(rf"\b(?P<day>{'|'.join(WEEKDAYS)})\b")
_MONTHS = tuple(month.lower() for month in MONTHS)
_MONTH = (r"(?P<{g}>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.|April|Apr\.|May|June|"
          r"July|Aug(?:ust|\.)?|Sept(?:ember|\.)?|Sep\.|Oct(?:ober|\.)?|Nov(?:ember|\.)?|"
          r"Dec(?:ember|\.)?)")
_DATE = re.compile(r"\b" + _MONTH.format(g="m1") + r"\s(?P<d1>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\b"
                   r"(?!\s?(?:%|percent|[-–]\d)|\s(?:days|weeks|months|years|hours|minutes|times)\b)|"
                   r"\b(?P<d2>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\s(?:of\s)?"
                   + _MONTH.format(g="m2") + r"\b")
"""A calendar date: "March 3", "Sept. 14th", "3 March", "4th of July" (not a range)."""
_MONTH_STARTS = ("Jan", "Feb", "Mar", "Apr", "May", "June", "July", "Aug", "Sep", "Oct", "Nov",
                 "Dec")
"""One of these is in every `_DATE` match (its month, case kept): the search runs only then.
(Every `_PERCENT` match has "%", "percent" or "per cent", in any case: none of their letters
has a case-insensitive match outside ASCII.)"""
_NOT_UNITS = frozenset("""and or of to in on at by for from with the a an per than percent
years year months month days day weeks week hours hour minutes times""".split())


@dataclass(frozen=True)
class _Value:
    slot: tuple[str, str]
    """(kind, unit): what the value measures."""
    key: str
    """Normalised value: equal keys are the same value however written."""
    text: str
    span: tuple[int, int]


def values(sentence: str) -> list[_Value]:
    """The typed values of a sentence (money, percentages, counts, weekdays, dates)."""
    out: list[_Value] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, unit: str, key: str, m: re.Match[str]) -> None:
        if any(a < m.end() and m.start() < b for a, b in taken):
            return
        taken.append(m.span())
        out.append(_Value((kind, unit), key, m.group(0).strip(), m.span()))

    digits = has_digit(sentence)  # all but a weekday have one
    for m in _MONEY.finditer(sentence) if digits else ():
        add("money", m.group("cur"), _read(m.group("num")).scaled, m)
    low = sentence.lower() if digits else ""
    percent = digits and ("%" in sentence or "percent" in low or "per cent" in low)
    for m in _PERCENT.finditer(sentence) if percent else ():
        add("percent", "%", _read(m.group()).number, m)
    for m in _COUNT.finditer(sentence) if digits else ():
        figure, noun = _read(m.group("num")), m.group("noun")
        if not figure.scale and (noun in _NOT_UNITS or is_year(figure.number)):
            continue
        add("count", noun.rstrip("s"), figure.scaled, m)
    for m in _WEEKDAY.finditer(sentence) if "day" in sentence else ():
        add("weekday", "", m.group("day").lower(), m)
    dated = digits and any(map(sentence.__contains__, _MONTH_STARTS))
    for m in _DATE.finditer(sentence) if dated else ():
        month = (m.group("m1") or m.group("m2"))[:3].lower()
        day = m.group("d1") or m.group("d2")
        number = next(k for k, name in enumerate(_MONTHS, 1) if name.startswith(month))
        add("date", "", f"{number:02d}-{int(day):02d}", m)
    return out


def disagreements(story: StoryText) -> tuple[Disagreement, ...]:
    """The facts this story's sources state with different values (at most `MAX_NOTES`,
    the most widely reported first)."""
    units = [i for i, u in enumerate(story.units) if u.sentence.kind == TEXT]
    found = {i: values(story.units[i].sentence.text) for i in units}
    units = [i for i in units if found[i]]
    given: dict[int, set[tuple[tuple[str, str], str]]] = {}
    for i in units:
        given.setdefault(story.units[i].doc, set()).update((v.slot, v.key) for v in found[i])
    slots: dict[tuple[str, str], dict[str, tuple[set[int], str, str]]] = {}
    for n, i in enumerate(units):
        for j in units[n + 1:]:
            a, b = story.units[i], story.units[j]
            if a.doc == b.doc or story.sim[i, j] < PREFILTER:
                continue
            for slot, va, vb in _disputed(found[i], found[j]):
                if (slot, vb.key) in given[a.doc] or (slot, va.key) in given[b.doc]:
                    continue
                if not _same_fact(a.features, b.features, a.sentence.text, b.sentence.text,
                                  va, vb):
                    continue
                sides = slots.setdefault(slot, {})
                for unit, value in ((a, va), (b, vb)):
                    entry = sides.setdefault(value.key, (set(), value.text, unit.sentence.text))
                    entry[0].add(unit.number)
    _join_others(story, units, found, slots)
    out = []
    for slot, sides in sorted(slots.items()):
        ordered = sorted(sides.values(), key=lambda s: min(s[0]))
        if len(ordered) < 2 or _overlap(ordered):
            continue
        out.append(Disagreement(slot[0], tuple(Side(text, tuple(sorted(nums)), sentence)
                                               for nums, text, sentence in ordered)))
    out.sort(key=lambda d: (-sum(len(s.sources) for s in d.sides), d.sides[0].sources))
    return tuple(out[:MAX_NOTES])


def _join_others(story: StoryText, units: list[int], found: dict[int, list[_Value]],
                 slots: dict[tuple[str, str], dict[str, tuple[set[int], str, str]]]) -> None:
    """Add to each side the other sources giving its value in a sentence that has
    `SAME_FACT` of the words of the side's sentence and all its names but one (one
    way: the other outlet may say more)."""
    for slot, sides in slots.items():
        for key, (numbers, _text, sentence) in sides.items():
            said = story.features_of(sentence)
            words = said.content - said.numbers
            for i in units:
                unit = story.units[i]
                if unit.number in numbers or not any(v.slot == slot and v.key == key
                                                     for v in found[i]):
                    continue
                if len(words & unit.features.content) >= SAME_FACT * len(words) and \
                        len(said.names - unit.features.content) <= 1:
                    numbers.add(unit.number)


def _disputed(mine: list[_Value], theirs: list[_Value]):
    """(slot, my value, their value) for each slot both give with different values only."""
    for slot in sorted({v.slot for v in mine} & {v.slot for v in theirs}):
        a = [v for v in mine if v.slot == slot]
        b = [v for v in theirs if v.slot == slot]
        if len(a) == 1 and len(b) == 1 and a[0].key != b[0].key:
            yield slot, a[0], b[0]


def _same_fact(a: Features, b: Features, text_a: str, text_b: str, va: _Value,
               vb: _Value) -> bool:
    """Is all but the disputed value the same: content, names and other figures?"""
    left = _without(text_a, va)
    right = _without(text_b, vb)
    words_a = a.content - a.numbers
    words_b = b.content - b.numbers
    least = SAME_FACT
    if va.slot[0] in _TIMES:
        least = SAME_TIME
        words_a -= _value_words(va)
        words_b -= _value_words(vb)
    if not words_a or not words_b:
        return False
    shared = len(words_a & words_b)
    if shared < least * len(words_a) or shared < least * len(words_b):
        return False
    if not (a.names <= b.content and b.names <= a.content):
        return False
    return _figures(left) == _figures(right)


def _value_words(value: _Value) -> frozenset[str]:
    """Lower-case words of a value as written ("march", "tuesday"), as content stems
    would have them (a month or day has no suffix to strip)."""
    return frozenset(w.lower().rstrip(".") for w in re.findall(r"[A-Za-z]+\.?", value.text))


def _without(text: str, value: _Value) -> str:
    return text[:value.span[0]] + " " + text[value.span[1]:]


_FIGURE = re.compile(NUMBER)


def _figures(text: str) -> frozenset[str]:
    numbers = (_read(written).number for written in _FIGURE.findall(text))
    return frozenset(number for number in numbers if not is_year(number))


def _read(written: str) -> Figure:
    """The figure a pattern here found, which starts with a `NUMBER`, read by the shared parser."""
    figure = read_figure(written)
    assert figure is not None, written  # every pattern here starts with a digit
    return figure


def _overlap(sides: list[tuple[set[int], str, str]]) -> bool:
    """Does a source give two of the values (then it is not a disagreement between sources)?"""
    seen: set[int] = set()
    for numbers, _text, _sentence in sides:
        if seen & numbers:
            return True
        seen |= numbers
    return False

