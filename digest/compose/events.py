"""The same event told twice: two outlets' sentences that name the same actor first, say it
did the same thing (the same action verb or a synonym: "is investigating" and "plans to
probe", "pulled" and "scrubbed") and share a good part of the rest of their words (what it
was done to, where). The containment test of `select` misses them when each outlet adds its
own details; the same subject doing the same thing to the same object is one fact. The
subject may be written two ways ("The FTC" and "The Federal Trade Commission", "Altman" and
"OpenAI CEO Sam Altman": `subjects`).

A plan told twice is one fact too (`same_plan`): two sentences naming the same time still
to come ("next year") and sharing two fifths of their words, as a shared date already
anchors the same event (`select._same_fact`): "Android users get it now, with iOS support
coming next year" and "Google will add support for iOS next year".
"""

from __future__ import annotations

import re

from digest.compose.actions import ACTION_OF
from digest.compose.claims import Claim
from digest.compose.subjects import same_subject, subject_of
from digest.text.calendar import MONTHS, WEEKDAYS
from digest.text.figures import is_year
from digest.text.stem import stem_token

PLAN_SHARE = 0.4
"""Share of either sentence's content stems the other must have when both name the same
time still to come (as `select._same_fact` asks with a shared date)."""
SHARED_REST = 0.4
"""Share of the shorter sentence's other content stems (its actor and action left out) the
longer one must also have: the object and setting of the action, not just its doer."""

DATE_STEMS = frozenset(stem_token(w) for w in (*MONTHS, *WEEKDAYS) if w != "May")
"""Stems of the names of days and months ("May" is a verb too): what dates an event."""


def same_event(a: Claim, b: Claim) -> bool:
    """Do `a` and `b` state the same event: the same name first (their subject's, one the
    story uses as a name, or the same actor written two ways: `subjects.same_subject`), an
    action verb of the same meaning in both, at no other time (`_at_other_times`), and at
    least `SHARED_REST` of the shorter one's other content stems (the words only one
    subject is written with left out) in the longer one?"""
    acts = a.acts & b.acts
    if not acts:
        return False  # most pairs: read no further
    lead = a.features.lead
    subject_a, subject_b = subject_of(a.text), subject_of(b.text)
    named = bool(lead) and lead == b.features.lead and lead in a.anchors
    if not (named or same_subject(subject_a, subject_b)) or _at_other_times(a, b):
        return False
    # The words one subject is written with and the other not ("Federal Trade Commission"
    # and "FTC") are neither shared nor missed.
    skip = {lead} | (subject_a.stems ^ subject_b.stems) | {
        s for s in a.features.content | b.features.content if ACTION_OF.get(s) in acts}
    rest_a, rest_b = a.features.content - skip, b.features.content - skip
    if not rest_a or not rest_b:
        return False
    shared = len(rest_a & rest_b)
    if shared / min(len(rest_a), len(rest_b)) >= SHARED_REST:
        return True
    done_to = _named_object(a, acts)
    return bool(done_to) and done_to == _named_object(b, acts)


_WORD = re.compile(r"[\w][\w'’.-]*")


def _named_object(claim: Claim, acts: frozenset[int]) -> tuple[str, ...]:
    """The name the action is done to, as stems with a figure after it ("acquiring Manus, a
    startup …" → ("manus",); "released iOS 26" → ("io", "26")), or () when no name
    follows the first of `acts`' verbs within three words: "Meta is acquiring Manus" and
    "Meta said it is acquiring Manus" are one event, whatever each adds about Manus."""
    words = _WORD.findall(claim.text)
    for k, word in enumerate(words):
        if ACTION_OF.get(stem_token(word)) not in acts:
            continue
        for j in range(k + 1, min(k + 4, len(words))):
            name = stem_token(words[j].rstrip("."))
            if words[j][:1].isupper() and name in claim.anchors:
                figure = words[j + 1].rstrip(".,") if j + 1 < len(words) else ""
                return (name, figure) if figure[:1].isdigit() else (name,)
        return ()
    return ()


def _at_other_times(a: Claim, b: Claim) -> bool:
    """Do both name a year, month or weekday, and none the same? One event has one time:
    the same actor doing the same thing in 2019 and on Tuesday did it twice."""
    when_a, when_b = _when(a), _when(b)
    return bool(when_a) and bool(when_b) and when_a.isdisjoint(when_b)


def _when(claim: Claim) -> set[str]:
    return {n for n in claim.features.numbers if is_year(n)} | (claim.features.content & DATE_STEMS)


def same_plan(a: Claim, b: Claim) -> bool:
    """Do `a` and `b` tell the same plan: the same time still to come (`Claim.plans`), at
    least `PLAN_SHARE` of either one's content stems in the other, and among those a word
    that is no name (what is due, not only who: one firm's two plans for next year are two
    facts)?"""
    if a.plans.isdisjoint(b.plans) or not a.features.content or not b.features.content:
        return False
    shared = a.features.content & b.features.content
    if len(shared) < PLAN_SHARE * min(len(a.features.content), len(b.features.content)):
        return False
    return bool(shared - a.anchors - b.anchors - subject_of(a.text).stems
                - subject_of(b.text).stems)
