"""An opening phrase that describes the subject, then a pronoun as that subject:
"Powered by Gemini 3, it's …", "Contacted by the Ledger, he denied …", "A precursor to
social media, it was …", "In March 2024, it introduced …". A participle or a noun phrase
before the comma says something of the subject, and a date says when: neither says who
or what the pronoun is, so the sentence before did. Pure functions over the sentence's
text; `leaning.leans_back` asks them.
"""

from __future__ import annotations

import re

from digest.compose.marks import CALENDAR
from digest.text.figures import is_year
from digest.text.wordclass import can_be_a_verb

EXPLETIVE_IT = re.compile(
    r"it(?:['’]s|\s+(?:is|was|will\s+be|would\s+be|could\s+be|can\s+be|may\s+be|might\s+be|"
    r"has\s+been|had\s+been|remains|remained|seems|seemed|appears|appeared))\s+"
    r"(?:(?:still|also|now|already|not|even|very|more|less|too|pretty|quite|a|an|the)\s+)*"
    r"[\w-]+(?:\s+[\w-]+)?\s+(?:that|to|whether|how|why|if)\b|it\s+makes\s+sense",
    re.IGNORECASE)
"""'it' that only holds a place for a clause after it ("it was clear that …", "it can be
risky to …"), not a thing said before."""

_PHRASE_THEN_PRONOUN = re.compile(
    r"^(?P<phrase>[A-Z][^,;:\"“”()]{1,80}),\s+(?P<clause>(?:he|she|they|it)"
    r"(?:['’](?:s|d|re|ll|ve))?\s+\S.*)", re.DOTALL)
POSSESSOR = re.compile(r"\b[A-Z][\w-]*['’]s?\s")
"""A name owning something in an opening phrase ("Based on Amazon's announcement, it's …",
"In Vale's view, she …"): the pronoun after it may be that owner."""
_IRREGULAR_PARTICIPLES = frozenset("""born built rebuilt made remade known told asked led held
seen shown taken found brought bought caught kept sold paid set left run hit won sent spent
lost meant dealt""".split())
_NOT_PARTICIPLES = frozenset("""according during including regarding following considering
concerning excluding notwithstanding pending barring given""".split())
"""Words with a participle's form that open a prepositional phrase: a name in it may be
what the pronoun stands for ("According to Valve, it banned …"), and after "Given …" the
"it" mostly holds a place ("Given the ties, it's likely …")."""
_WHEN_WORDS = frozenset("""in since by until early late mid the of last this next year years
week weeks month months spring summer fall autumn winter""".split())


def describes_the_pronoun(text: str) -> bool:
    """Does the sentence open on a participle phrase ("Powered by Gemini 3, it's …",
    "Having joined Ledger in May, she …"), a noun phrase ("A three-engined jet, it was …")
    or a bare date ("In March 2024, it …", "Since 2018, they …") before a pronoun that is
    its main clause's subject? The phrase describes the pronoun's thing or says when; the
    sentence before said what it is. "it" holding a place ("Given the ties, it's likely
    that …") and a name owning something in the phrase ("Based on Amazon's post, it …")
    are left."""
    found = _PHRASE_THEN_PRONOUN.match(text)
    if found is None or EXPLETIVE_IT.match(found.group("clause")):
        return False
    phrase = found.group("phrase")
    words = phrase.split()
    first = words[0].lower()
    if first in ("a", "an") or _only_a_date(words):
        return True
    participle = first not in _NOT_PARTICIPLES and (
        first in _IRREGULAR_PARTICIPLES
        or first.endswith(("ed", "ing", "en")) and can_be_a_verb(first))
    return participle and not POSSESSOR.search(phrase)


def _only_a_date(words: list[str]) -> bool:
    """Are the phrase's words a date and nothing else ("In March 2024", "Since 2018",
    "Early last year")?"""
    return any(is_year(w) for w in words) and all(
        w.lower() in _WHEN_WORDS or w in CALENDAR or is_year(w) for w in words)
