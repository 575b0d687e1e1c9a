"""The same event told twice: two outlets' sentences that name the same actor first, say it
did the same thing (the same action verb or a synonym: "is investigating" and "plans to
probe", "pulled" and "scrubbed") and share a good part of the rest of their words (what it
was done to, where). The containment test of `select` misses them when each outlet adds its
own details; the same subject doing the same thing to the same object is one fact.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from digest.compose.claims import Claim
from digest.compose.features import Stemmer

SHARED_REST = 0.4
"""Share of the shorter sentence's other content stems (its actor and action left out) the
longer one must also have: the object and setting of the action, not just its doer."""

_ACTIONS = """investigate investigates investigated investigating investigation probe probes
probed probing
|pull pulls pulled pulling remove removes removed removing scrub scrubs scrubbed scrubbing
delete deletes deleted deleting
|acquire acquires acquired acquiring acquisition buy buys bought buying purchase purchases
purchased purchasing
|sue sues sued suing lawsuit
|launch launches launched launching unveil unveils unveiled unveiling debut debuts debuted
introduce introduces introduced introducing
|dismiss dismisses dismissed oust ousts ousted sack sacks sacked
|ban bans banned banning prohibit prohibits prohibited
|approve approves approved approving authorize authorizes authorized authorizing
|arrest arrests arrested arresting detain detains detained detaining
|resign resigns resigned resigning quit quits
|cut cuts cutting slash slashes slashed
|hire hires hired hiring appoint appoints appointed appointing
|settle settles settled settling settlement
|delay delays delayed delaying postpone postpones postponed postponing
|halt halts halted halting suspend suspends suspended suspending pause pauses paused
pausing
|rise rises rose rising jump jumps jumped jumping surge surges surged surging soar soars
soared soaring climb climbs climbed climbing
|fall falls fell falling plunge plunges plunged plunging tumble tumbles tumbled tumbling
slump slumps slumped slumping""".split("|")
"""News verbs of action, each line one action in other words: the verbs that state what
happened (saying verbs are stop words already). Not the ones whose noun or other sense is as
common in news ("fire", "bar", "block", "fine", "release", "raise", "drop", "charge")."""


def _actions(stemmer: Stemmer) -> dict[str, int]:
    return {stemmer.stem(word): n for n, line in enumerate(_ACTIONS) for word in line.split()}


_ACTION_OF: Mapping[str, int] = MappingProxyType(_actions(Stemmer()))
"""Stem of an action verb → the number of its action (built once, read only)."""


def same_event(a: Claim, b: Claim) -> bool:
    """Do `a` and `b` state the same event: the same name first (their subject's, one the
    story uses as a name), an action verb of the same meaning in both, and at least
    `SHARED_REST` of the shorter one's other content stems in the longer one?"""
    lead = a.features.lead
    if not lead or lead != b.features.lead or lead not in a.anchors:
        return False
    acts = _acts(a) & _acts(b)
    if not acts:
        return False
    skip = {lead} | {s for s in a.features.content | b.features.content
                     if _ACTION_OF.get(s) in acts}
    rest_a, rest_b = a.features.content - skip, b.features.content - skip
    if not rest_a or not rest_b:
        return False
    shared = len(rest_a & rest_b)
    return shared / min(len(rest_a), len(rest_b)) >= SHARED_REST


def _acts(claim: Claim) -> set[int]:
    found = map(_ACTION_OF.get, claim.features.content)
    return {n for n in found if n is not None}
