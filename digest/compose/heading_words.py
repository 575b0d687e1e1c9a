"""Words that tell a brief heading's span from a label: counts and partitives that need
what they count ("Million messages", "Lot of researchers"), and words of judgement no label
opens on. `brief_headings._well_formed` asks them."""

from __future__ import annotations

PARTITIVES = frozenset("lot lots number couple bunch handful kind sort range variety majority "
                       "host slew string".split())
COUNTS = frozenset("two three four five six seven eight nine ten eleven twelve dozen hundred "
                   "thousand million billion".split())
JUDGEMENTS = frozenset("""good bad great big small little huge enormous massive major minor strong
weak serious similar different difficult easy easier hard harder simple popular rare wrong right
true real better best worse worst latest initial early recent several various many few certain
specific key important significant interesting surprising remarkable powerful stern gentle
gracious plentiful sociable larger largest bigger biggest smaller smallest higher highest
lower lowest someone somebody something anyone anybody anything everyone everybody everything
things stuff""".split())
"""Words of the writer's judgement, of vague size and degree, or naming no one and nothing
("Bad news", "Enormous payout", "Similar lawsuit", "Several occasions", "Someone through a
small window"): a label names the section's topic in the story's own terms; it never opens
on one (a name may: "Big Tech", "Great Lakes")."""
