"""The verbs of saying: the words with which news attributes words to a person
("…," she said; Holt told reporters; Mayer added).

Composing asks them in three places: a quotation's speaker who is only "he" or "they"
(`digest.compose.speakers`), a speaker known only by surname (`digest.compose.openers`)
and the pronoun a name can stand in for (`digest.compose.antecedents`). Each keeps its
own policy on top (who may stand before the verb); the verbs are one list. It imports
no stage.
"""

from __future__ import annotations

SAYING = ("said", "says", "told", "tells", "added", "adds", "explained", "explains", "noted",
          "notes", "wrote", "writes", "argued", "argues", "insisted", "insists", "continued",
          "continues", "claimed", "claims", "announced", "announces")
"""The verbs of saying in the past and the third person present, lower case."""

SAYING_VERB = "(?:" + "|".join(SAYING) + ")"
"""Pattern of a verb of saying (lower case, without a word boundary: add `\\b`)."""
