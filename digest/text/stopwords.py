"""English function words: the one stop-word list the pipeline starts from.

These are the words that carry grammar rather than news (articles, pronouns,
prepositions, auxiliaries, conjunctions): the words both grouping and composing
leave out. Each stage adds its own policy on top: grouping drops a broader,
retrieval-style list as well (`digest.group.stopwords`), composing drops
reporting verbs and calendar words (`digest.compose.features.STOPWORDS`).
"""

from __future__ import annotations

FUNCTION_WORDS = frozenset("""
a about above across after again against all already also although am among an and another any
are as at back be because been before being below between both but by can could do down during
each even every few first for from further get had has have he her here hers herself him
himself his how however i if in into is it its itself last made many may me might more most
much must my myself next no nor not now of off on once one only onto or other our ours
ourselves out over own per same she should since so some still such than that the their them
themselves then there these they this those though through to too under until up upon us very
via was we well were what when where which while who whom why will with within without would
yet you your yours yourself yourselves
""".split())
