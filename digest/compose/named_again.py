"""A person named in full a second time in one account goes by the surname: news
introduces someone once ("said Lucia Ferrante, the authority's executive director") and
then writes "Ferrante". Sentences from different sources each introduce the person again;
shown one after another, the page would read the full name and the same description
twice. Only words are removed, so the sentence still says what its sources say. Pure
functions.
"""

from __future__ import annotations

import re

from digest.compose.openers import COMPANY_WORDS, OPENING_WORDS
from digest.text.saying import SAYING_VERB
from digest.text.wordclass import word_classes

_FULL_NAME = re.compile(r"(?<![\w'’.-])(?P<given>[A-Z][a-z]+) (?P<surname>[A-Z][a-z]+"
                        r"(?:-[A-Z][a-z]+)?)(?![\w-])(?! [A-Z])")
"""A given name and a surname ("Lucia Ferrante", "Ortiz-Lind"), not the start of a longer
name ("New York Times")."""
_DESCRIPTION = re.compile(r", (?P<words>(?:the|a|an) [^,;:\"“”()]{3,80}?)(?P<end>,|[.]?$)")
"""An appositive right after a name: ", the authority's executive director" up to the
next comma or the sentence's end."""
_NOT_SURNAMES = COMPANY_WORDS | frozenset("""Department Center Centre Office Court House Agency
Ministry Police Council Committee University College Institute Association Commission Union
Party Senate Congress Times Post News Journal Street Square Park Airport Station Hospital School
Church Museum Foundation Fund Authority Administration Service Board Bureau Army Navy Force
Guard County City State Republic Kingdom Island Islands River Lake Valley Review Press""".split())
"""Last words of an institution's or a place's name, which a verb of saying may follow as
well ("the State Department said")."""
_TITLES = frozenset("""President Vice Governor Gov Senator Sen Rep Representative Mayor Judge
Justice Pope King Queen Prince Princess Chancellor Minister Secretary Director Chief Officer
Detective Sergeant Sgt Lt Capt General Gen Col Dr Prof Professor Coach Attorney Mr Mrs Ms
Sir Dame Lord Lady Rev""".split())
"""Capitalised words a person's full name may follow ("President Ada Holm"); after any
other capitalised word the two words end a longer name ("Washington Hospital Center")."""
_SAID_BEFORE_NAME = re.compile(rf"\b{SAYING_VERB}\s+\Z")
"""What ends right before a speaker's name: "…," said (Lucia Ferrante)."""
_SAYS_AFTER_NAME = re.compile(rf"(?:,[^,;:\"“”]{{3,80}},)?\s+(?:also\s+)?{SAYING_VERB}\b")
"""What follows a speaker's name: (Lucia Ferrante), the director, told …"""
_NAME_GOES_ON = re.compile(r"[\w-]")
"""A character that would make the match part of a longer word or name."""


def named_again(text: str, earlier: str) -> tuple[str, str]:
    """(`text`, a rewrite note or "") with the first person `earlier` (what the reader has
    just read in the same account) names in full already shown by surname, and the description
    that followed the name dropped when `earlier` gave that same description. Only a
    speaker's name is shortened (`_a_person`), and never when `earlier` has another person
    of that surname."""
    for found in _FULL_NAME.finditer(text):
        full, surname = found.group(0), found.group("surname")
        if full not in earlier or not _a_name(found, text) or \
                not _a_person(found, text, earlier) or \
                _surname_shared(surname, found.group("given"), earlier):
            continue
        cut = found.end()
        described = _DESCRIPTION.match(text, cut)
        if described and f"{full}, {described.group('words')}" in earlier:
            cut = described.end() if described.group("end") == "," else described.start("end")
        removed = text[found.start():cut]
        return text[:found.start()] + surname + text[cut:], f"'{removed}' → '{surname}'"
    return text, ""


def _a_name(found: re.Match[str], text: str) -> bool:
    """Is the match a person's whole name as far as its words show: a surname that is no
    English word ("Ferrante", not "Video" in "Prime Video" or "General" in "Attorneys
    General"; a surname that is one, "Cook", stays whole too), a first word that is no
    adjective or verb alone, no institution's last word, not the tail of a longer name?"""
    surname, given = found.group("surname"), found.group("given")
    given_classes = word_classes(given)
    if surname in _NOT_SURNAMES or given in OPENING_WORDS or word_classes(surname) or \
            "ADJ" in given_classes or given_classes == {"VERB"}:
        return False  # "Prime Video", "Prompted Playlist": a product's name
    before = text[:found.start()].split()[-1:]
    return not before or not before[0][:1].isupper() or before[0].isupper() or \
        before[0].rstrip(".") in _TITLES


def _a_person(found: re.Match[str], text: str, earlier: str) -> bool:
    """Is the name a speaker's somewhere in the account ("Lucia Ferrante said", "said Lucia
    Ferrante", "Lucia Ferrante, the director, told")? A place or a product ("New York",
    "Galaxy Watch") is named again in full; only people are referred to by a surname."""
    name = found.group(0)
    return _speaks(name, text) or _speaks(name, earlier)


def _speaks(name: str, text: str) -> bool:
    """Does `text` have `name`, as a whole name, right after or before a verb of saying?"""
    start = text.find(name)
    while start >= 0:
        end = start + len(name)
        starts_a_word = start == 0 or not _NAME_GOES_ON.match(text, start - 1)
        if starts_a_word and _SAYS_AFTER_NAME.match(text, end) or \
                not _NAME_GOES_ON.match(text, end) and _SAID_BEFORE_NAME.search(text, 0, start):
            return True
        start = text.find(name, start + 1)
    return False


def _surname_shared(surname: str, given: str, earlier: str) -> bool:
    """Does `earlier` name someone else with `surname` ("Monica Conyers", "Carl Conyers")?"""
    return any(other.group("given") != given
               for other in _FULL_NAME.finditer(earlier) if other.group("surname") == surname)
