"""News verbs of action grouped by meaning ("investigate" and "probe", "pull" and "scrub"):
what `events.same_event` compares, each sentence's actions found once (`claims.Claim.acts`).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from digest.text.stem import stem_token

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
|partner partners partnered partnering partnership
|vote votes voted voting
|halt halts halted halting suspend suspends suspended suspending pause pauses paused
pausing
|rise rises rose rising jump jumps jumped jumping surge surges surged surging soar soars
soared soaring climb climbs climbed climbing
|fall falls fell falling plunge plunges plunged plunging tumble tumbles tumbled tumbling
slump slumps slumped slumping""".split("|")
"""News verbs of action, each line one action in other words: the verbs that state what
happened (saying verbs are stop words already). Not the ones whose noun or other sense is as
common in news ("fire", "bar", "block", "fine", "release", "raise", "drop", "charge")."""


ACTION_OF: Mapping[str, int] = MappingProxyType(
    {stem_token(word): n for n, line in enumerate(_ACTIONS) for word in line.split()})
"""Stem of an action verb → the number of its action (built once, read only)."""


def actions_of(content: frozenset[str]) -> frozenset[int]:
    """The numbers of the actions whose verbs are among the content stems `content`."""
    found = map(ACTION_OF.get, content)
    return frozenset(n for n in found if n is not None)
