"""Which source sentences may be shown: the candidates of every selection.

`eligible` gives the sentences that stand alone once lightly rewritten (`trim.tidy`
or `shorten`, an opener or a "he"/"she" named from the same source, a bare speaker
named); `follow_ons` the sentences whose one problem is that they lean on the
sentence just before them in their source, or are a quotation going on from a speaker
that sentence names, which may be shown right after that one.
A headline is never a candidate. What each sentence's check found is kept per story
(`StoryText.derived`): the summary, the takeaways and the brief look at much the same
sentences.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace

from digest.compose.antecedents import name_pronoun
from digest.compose.blocks import TEXT
from digest.compose.fragments import fragment_problem
from digest.compose.full_names import (
    may_name_first_mention, may_name_speaker, name_first_mention, name_speaker,
)
from digest.compose.openers import Rewrite, name_opener
from digest.compose.quality import leaning, length_problem, verdict
from digest.compose.quotations import wholly_quoted
from digest.compose.speakers import named_speaker
from digest.compose.story import StoryText, title_key
from digest.compose.trim import tidy

POOL = 16
"""Eligible candidates considered per selection: enough for MMR, cheap to check."""


def eligible(story: StoryText, order: Sequence[int], *, rewrite: Callable[[str], str] = tidy,
             min_words: int = 8, max_words: int = 45, reader: bool = False,
             in_account: bool = False,
             limit: int = POOL) -> list[tuple[int, str]]:
    """(unit, shown text) for the first `limit` units in `order` that can stand
    alone after `rewrite` (checked lazily: only as many as needed); `reader` and
    `in_account` as for `quality.problem`."""
    out, seen = [], set()
    judge = _Judge(story, rewrite, min_words, max_words, reader, in_account)
    for i in order:
        found = judge(i, seen)
        if found is None:
            continue
        text, key, reason = found
        if reason or key in seen:
            continue
        seen.add(key)
        out.append((i, text))
        if len(out) >= limit:
            break
    return out


def follow_ons(story: StoryText, order: Sequence[int], *, min_words: int = 8,
               max_words: int = 45, limit: int = POOL) -> list[tuple[int, str, int, str]]:
    """(unit, shown text, the unit before it, that one's shown text) for the first `limit`
    units in `order` whose one problem is that they lean back ("He said …", "The company
    …") and whose sentence just before, in the same source, stands alone: shown right
    after that sentence, as their source wrote them, they read resolved (`quality.problem`
    with `in_account=True` judges both). A quotation naming no speaker is one too when the
    sentence before names the speaker of its own quotation ('"…," Mara Quist said.' then
    '"The ferries will stay in port."'): reporters let a speaker's words go on that way."""
    out = []
    judge = _Judge(story, tidy, min_words, max_words, False, True)
    for i in order:
        before = _sentence_before(story, i)
        if before is None:
            continue
        quote = judge.may_go_on_quoting(i)
        if not (quote or judge.may_lean(i)):
            continue
        found = judge(i, ())
        if found is None:
            continue
        goes_on = quote and _goes_on_quoting(found)
        if not (goes_on or _only_leans(found)):
            continue
        previous = judge(before, ())
        if previous is None or previous[2] is not None or \
                goes_on and not named_speaker(previous[0]):
            continue
        out.append((i, found[0], before, previous[0]))
        if len(out) >= limit:
            break
    return out


def _only_leans(found: tuple[str, str, str | None]) -> bool:
    """Is leaning back the one thing keeping the judged text from standing alone in an
    account (no unattributed quote, first person, aside to the reader …), and does it
    point back rather than ahead?"""
    text, _, reason = found
    return reason == "dangling start" and not _POINTS_AHEAD.match(text) and replace(
        verdict(text), leans=False, leans_in_account=False).reason(in_account=True) is None


_UNATTRIBUTED = "quote without attribution"


def _goes_on_quoting(found: tuple[str, str, str | None]) -> bool:
    """Is the judged text wholly a quotation whose one problem is that it names no speaker
    ('"The staff is just walking over students."'), the same speaker going on after '"…,"
    Ewunnet said.'? (Its words may lean on what that speaker said before: the pair is
    read as one.)"""
    text, _, reason = found
    if reason not in ("dangling start", _UNATTRIBUTED) or not wholly_quoted(text):
        return False
    found_verdict = verdict(text)
    return found_verdict.then == _UNATTRIBUTED and replace(
        found_verdict, leans=False, leans_in_account=False, then=None).reason(
        in_account=True) is None and fragment_problem(text.strip(_MARKS)) is None


_MARKS = "\"“”"


_POINTS_AHEAD = re.compile(r"(?:Here(?:['’]s| is| are)|Below|(?:The )?[Ff]ollowing (?:is|are)|"
                          r"These are)\b")
"""An opener pointing at what comes after it in its source ("Here's a list of …"), which
the sentence before cannot resolve; used with `match`."""


def _sentence_before(story: StoryText, unit: int) -> int | None:
    """The running-text unit just before `unit` in its source (the sentence numbered one
    less), or None."""
    if unit == 0 or story.units[unit].sentence.kind != TEXT:
        return None
    mine, before = story.units[unit], story.units[unit - 1]
    if before.doc != mine.doc or before.sentence.kind != TEXT or \
            before.sentence.index != mine.sentence.index - 1:
        return None
    return unit - 1


class _Judge:
    """(shown text, its case-folded key, the reason it cannot be shown or None) of a unit
    after `rewrite` and the opener and speaker namings, or None for a headline, a unit
    that is not running text or one whose text is among `seen` keys; each text's verdict
    and each naming worked out once per story (three selections look at much the same
    sentences)."""

    def __init__(self, story: StoryText, rewrite: Callable[[str], str], min_words: int,
                 max_words: int, reader: bool, in_account: bool) -> None:
        self.story, self.rewrite = story, rewrite
        self.bounds, self.flags = (min_words, max_words), (reader, in_account)
        self.shown, self.named_as, self.speakers = (story.table(name)
                                                    for name in (_SHOWN, _NAMED, _SPEAKERS))

    def problem(self, text: str) -> str | None:  # `quality.problem` (`verdict` keeps each text's)
        reader, in_account = self.flags
        return length_problem(text, TEXT, *self.bounds) or \
            verdict(text).reason(reader=reader, in_account=in_account)

    def may_lean(self, i: int) -> bool:
        """Could unit `i`'s reason be "dangling start": is it running text, not a headline,
        of the right length, leaning back (`quality.leaning`)? Far cheaper than the call,
        which works out the whole verdict and the namings."""
        found = self._shown_of(i)
        if found is None or found[2] or length_problem(found[0], TEXT, *self.bounds):
            return False
        return leaning(found[0])[1 if self.flags[1] else 0]

    def may_go_on_quoting(self, i: int) -> bool:
        """Could unit `i` be a quotation going on from the sentence before (`_goes_on_quoting`):
        running text of the right length, not a headline, opening on a quote mark?"""
        found = self._shown_of(i)
        return found is not None and not found[2] and found[0][:1] in "\"“" and \
            not length_problem(found[0], TEXT, *self.bounds)

    def _shown_of(self, i: int) -> tuple[str, str, bool] | None:
        """`_shown` of unit `i` after `rewrite`, or None when it is not running text."""
        story = self.story
        if story.units[i].sentence.kind != TEXT:
            return None
        found = self.shown.get((self.rewrite, i))
        if found is None:
            found = self.shown[(self.rewrite, i)] = _shown(
                story, self.rewrite(story.units[i].sentence.text))
        return found

    def __call__(self, i: int, seen: Collection[str]) -> tuple[str, str, str | None] | None:
        story = self.story
        found = self._shown_of(i)
        if found is None:
            return None
        text, key, headline = found
        if headline or key in seen:
            return None
        reason = self.problem(text)
        if reason == "dangling start":
            if (i, text) not in self.named_as:
                self.named_as[(i, text)] = _named(story, i, text)
            named = self.named_as[(i, text)]
            if named is not None and not self.problem(named.text):
                text, key, reason = named.text, named.text.casefold(), None
                rewrites(story)[(i, text)] = named
        speaker = self._speaker(i, text) if reason is None else None
        if speaker is not None and not self.problem(speaker.text):
            text, key = speaker.text, speaker.text.casefold()
            rewrites(story)[(i, text)] = speaker
        return text, key, reason

    def _speaker(self, i: int, text: str) -> Rewrite | None:
        """Unit `i` shown as `text` with its bare speaker or its first mention named
        (`full_names`), or None; worked out once per story for each (unit, text), the
        screens that rule out most included."""
        key = (i, text)
        if key not in self.speakers:
            self.speakers[key] = None
            if may_name_speaker(text) or may_name_first_mention(text):
                story = self.story
                earlier = _earlier(story, i)
                self.speakers[key] = name_speaker(text, earlier) or \
                    name_first_mention(text, earlier, story.docs[story.units[i].doc].text)
        return self.speakers[key]


_SHOWN, _NAMED, _SPEAKERS = "eligible.shown", "eligible.named", "eligible.speakers"
"""Names in `StoryText.derived` of the memos of `eligible`: (rewrite, unit) → `_shown`;
(unit, text) → `_named` and → `full_names.name_speaker` or `name_first_mention`. Three
selections look at much the same sentences."""


def _shown(story: StoryText, text: str) -> tuple[str, str, bool]:
    """(text, its case-folded key, is it a headline?)"""
    folded, titles = text.casefold(), headline_keys(story)
    # A headline's longest word is in the text when the text is the headline: only then
    # are its words compared.
    if not any(map(folded.__contains__, _longest_words(story))):
        return text, folded, False
    return text, folded, title_key(text) in titles


def _longest_words(story: StoryText) -> tuple[str, ...]:
    """The longest word of each `headline_keys` key."""
    found = story.derived.get(_LONGEST)
    if not isinstance(found, tuple):
        found = story.derived[_LONGEST] = tuple(
            max(key.split(" "), key=len) for key in sorted(headline_keys(story)))
    return found


_LONGEST = "eligible.longest"


def _named(story: StoryText, unit: int, text: str) -> Rewrite | None:
    """`text` (unit `unit` as shown) with its opener, or the person its "he" or "she"
    stands for, named from the same source."""
    earlier = _earlier(story, unit)
    return name_opener(text, earlier, story.docs[story.units[unit].doc].title) or \
        name_pronoun(text, earlier)


def _earlier(story: StoryText, unit: int) -> list[str]:
    """The texts of the sentences before unit `unit` in its source, in order."""
    units, doc = story.units, story.units[unit].doc
    first = unit  # a source's units are consecutive, in reading order
    while first > 0 and units[first - 1].doc == doc:
        first -= 1
    return [u.sentence.text for u in units[first:unit] if u.sentence.kind == TEXT]


_REWRITES = "eligible.rewrites"  # its name in `StoryText.derived`


def rewrites(story: StoryText) -> dict[tuple[int, str], Rewrite]:
    """(unit, shown text) → the opener rewrite that made it, for this story."""
    found = story.derived.get(_REWRITES)
    if not isinstance(found, dict):
        found = story.derived[_REWRITES] = {}
    return found


def headline_keys(story: StoryText) -> frozenset[str]:
    """`title_key` of every source's headline: none of them is ever a shown sentence."""
    found = story.derived.get(_TITLES)
    if not isinstance(found, frozenset):
        found = story.derived[_TITLES] = frozenset(title_key(d.title) for d in story.docs)
    return found


_TITLES = "eligible.titles"
