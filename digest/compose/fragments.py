"""Is a sentence only a piece of one?

Scraped pages hold pieces that end in a full stop but say nothing on their own: a
bullet point with no subject ("Includes the Explorer Pack with $1,000 of
subscriptions.", "Is no longer just a buzzword."), or the attribution left behind
when the quotation it introduced was an embedded post ("Hawley wrote in a post on X
announcing the investigation."). Pure functions over the sentence's text;
`quality.problem` asks `fragment_problem`.
"""

from __future__ import annotations

import re
import string

from digest.compose.marks import QUOTED
from digest.text.wordclass import base_verb, can_be_a_verb, only_a_verb, verb_or_auxiliary

_WORD = re.compile(r"[\w'’-]+")
_COMPOUND_PREPOSITIONS = frozenset({"thanks"})
"""Verb forms that open a sentence as a preposition ("Thanks to its stand, …")."""
_ATTRIBUTION_ONLY = re.compile(
    r"^(?:[A-Z][\w.'’-]*\s+){1,4}(?:also\s+)?"
    r"(?:said|says|wrote|writes|added|adds|noted|notes|posted|tweeted|explained|announced)"
    r"\s+(?:in|on|at|to|during|via|through|with|after|before)\s+(?P<rest>[^\"“”,;:]*)[.!]$")
"""A named speaker, a verb of saying and where it was said, and nothing said."""
_TWO_DETERMINERS = re.compile(
    r"\b(?:an? (?:an?|the|its|their|his|her|our|your|my)|"
    r"the (?:an?|its|their|his|her|our|your|my))(?![\w'’-])")
"""Two different determiners in a row ("launched a its Economic Futures Program"): words
lost or pasted in when the page was edited; lower case only ("the A-list"). A doubled one
("according to the the announcement") is a typo the reader reads past. A run of four dashes
inside a sentence is broken text too: it stands for what the page lost (a pictograph, an
image)."""
_OPEN_ASIDE = re.compile(r"[?!]\s+[—–]\s")
"""A question or exclamation closing on a dash inside the sentence ("Beyond Good and Evil 2?
— it may arrive sooner"): the end of an aside whose start is in another piece of text. A
whole aside between two dashes is dropped before this is asked (`trim.tidy`)."""
_PHRASE_AND_NAME = re.compile(
    r"[A-Z][a-z]+ing\b[^,.;:\"“”]*,\s+(?:[A-Z][\w.'’-]*\s*){1,4}[.!]$")
"""An opening "-ing" phrase and a name, the clause that should follow cut off ("Speaking at
the harbour summit, Vale.")."""
_ROSTER_ENTRY = re.compile(r"[A-Z][\w.'’ -]{1,60}, \d{1,3}, of (?:[A-Z0-9][\w.'’-]*,? ?){1,8};")
"""A line of a list of people charged ("Dana Quill, 21, of Harbour Road, Orrin; theft."):
a name, age and town, then the charge, with no clause."""
_CLAUSE_WORDS = frozenset("""that how what when where why whether if who which it he she they
this these those there""".split())
"""Words that open what the speaker said ("… on X that …", "… to chuckles, it …")."""


def fragment_problem(text: str) -> str | None:
    """Why `text` is a piece of a sentence rather than one ("no subject", "attribution
    with nothing said", "broken text", "no verb", "no main clause", "in capitals", "social
    post"), or None."""
    if _no_subject(text):
        return "no subject"
    if _attribution_only(text):
        return "attribution with nothing said"
    if _TWO_DETERMINERS.search(text) or "----" in text or _OPEN_ASIDE.search(text):
        return "broken text"
    if _in_capitals(text):
        return "in capitals"
    if _EMOJI.search(QUOTED.sub(" ", text)):
        return "social post"
    if _no_verb(text):
        return "no verb"
    if _PHRASE_AND_NAME.match(text) or _ROSTER_ENTRY.match(text):
        return "no main clause"
    return None


_EMOJI = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF]")
"""Pictographs ("🙏", "🔥", "⚡"): a post on a social network set in the page ("Rap lost a
legend today 🙏"), not the reporter's prose; inside a quotation they are the quoted
post's."""


_SMALL_LETTERS = string.ascii_lowercase.encode()
"""The small ASCII letters as bytes, for `bytes.translate` to delete."""


def _in_capitals(text: str) -> bool:
    """Is the sentence set in capitals ("BACK IN 1999 DEPUTIES ARRESTED …"): a broadcast
    transcript or a shouted label, not written prose? Five words or more, of whose letters
    at least four in five are capitals (acronyms and names in a written sentence stay
    far below that)."""
    # Most sentences are ruled out in C: small ASCII letters are letters that are not
    # capitals, and more than a fifth of the characters being small leaves no room for four
    # in five capitals among the letters.
    ascii_text = text.encode("ascii", "ignore")
    if 5 * (len(ascii_text) - len(ascii_text.translate(None, _SMALL_LETTERS))) > len(text):
        return False
    letters = [c for c in text if c.isalpha()]
    return len(text.split()) >= 5 and bool(letters) and \
        sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _no_subject(text: str) -> bool:
    """Does the sentence open on a verb that agrees with a subject it does not have
    ("Includes …", "Is revolutionizing …", "Seems that …")? A possessive ("Google’s
    plan …") or "Thanks to" is not one."""
    found = _WORD.match(text)
    if found is None:
        return False
    first = found.group()
    lower = first.lower()
    if not first[:1].isupper() or "'" in first or "’" in first or lower in _COMPOUND_PREPOSITIONS:
        return False
    return lower.endswith("s") and not lower.endswith("ss") and only_a_verb(first) \
        and not base_verb(first)


def _no_verb(text: str) -> bool:
    """Does the sentence, its quotations aside, hold no word that can be a verb ("iOS 26,
    macOS 26, watchOS 26, and more.", "Quite the month for hikers, then.")? A list or a
    label, not a statement. Words English does not know (names) could be anything; a
    capitalised word after the first is part of a name or title ("Hunter: Call of the
    Wild."), not its verb."""
    outside = QUOTED.sub(" ", text)
    return not any((k == 0 or not w[:1].isupper())
                   and (can_be_a_verb(w) or w.lower().endswith(("ed", "n't", "n’t")))
                   for k, w in enumerate(_WORD.findall(outside)))


def _attribution_only(text: str) -> bool:
    """Is the sentence only who said something and where ("Hawley wrote in a post on X
    announcing the investigation.", "Trump said to chuckles in the audience."): after
    the place, no clause that could be what was said?"""
    found = _ATTRIBUTION_ONLY.match(text)
    if found is None:
        return False
    rest = _WORD.findall(found.group("rest"))
    return not any(w.lower() in _CLAUSE_WORDS or
                   verb_or_auxiliary(w) and not w.lower().endswith("ing") for w in rest)
