"""The verbs of saying: the words with which news attributes words to a person
("…," she said; Holt told reporters; Mayer added).

Composing asks them wherever it looks for a speaker: a quotation's speaker who is
only "he" or "they" (`digest.compose.speakers`), a speaker known only by surname
(`digest.compose.openers`), the pronoun a name can stand in for
(`digest.compose.antecedents`), whether a quotation is attributed to someone named
(`speakers.ATTRIBUTION`), a named speaker who makes a sentence a reaction
(`digest.compose.brief_aspects`) and a trailing ", the company said." that a
takeaway may drop (`digest.compose.trim`). Each keeps its own policy on top (who may
stand before the verb, which of the verbs it takes); the words are listed here once,
in named groups. It imports no stage.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
"""A quotation, straight or curly marks: the words a verb of saying gives to someone (a rule
about the writer's own words looks at a sentence with its quotations blanked out)."""

SAYING = ("said", "says", "told", "tells", "added", "adds", "explained", "explains", "noted",
          "notes", "wrote", "writes", "argued", "argues", "insisted", "insists", "continued",
          "continues", "claimed", "claims", "announced", "announces")
"""The verbs of saying in the past and the third person present, lower case."""

STANCE = ("argued", "argues", "insisted", "insists", "claimed", "claims")
"""The verbs of saying that hold the words at a distance: what someone argued or claimed is
their position, not a fact the writer states."""

ALSO_ACTIONS = ("added", "adds", "wrote", "writes", "continued", "continues", "claimed",
                "claims", "announced", "announces")
"""The verbs of saying that also name an action on an object ("Netflix added 5 million
subscribers", "prices continued to rise", "Apple announced a phone"): after a name
they do not on their own make it a speaker."""

CONFIRMING = ("confirmed", "confirms")
"""The verbs with which a party vouches for news ("…, the company confirmed.")."""

ATTRIBUTING = ("say", "saying", "according to", "stated", "warned", "warns", "asked",
               "remarked", "observed", "commented", "acknowledged", "admitted", "cautioned",
               "recalled", "called", "calls", "described", "describes", "dubbed", "reported",
               "reports", "read", "reads", "showed", "shows", "found", "finds", "promised",
               "promises", "pledged", "vowed", "urged", "posted", "tweeted", "testified")
"""Beyond `SAYING`: the other words with which news attributes words or findings to a
person or a document ("they say", "according to", "she warned", "the report shows"; a
speaker who acts and speaks at once: 'Holt questioned the plan, saying: "…"')."""


def saying_verb(verbs: Iterable[str] = SAYING) -> str:
    """Pattern of one of `verbs` (words of this module's groups), lower case and without
    a word boundary (add `\\b`); the same words give the same pattern."""
    return "(?:" + "|".join(sorted(set(verbs), key=lambda verb: (-len(verb), verb))) + ")"


SAYING_VERB = saying_verb()
"""Pattern of a verb of saying (lower case, without a word boundary: add `\\b`)."""
