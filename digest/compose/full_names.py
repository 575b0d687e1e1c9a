"""A person named in full at first mention: "Mayer told TechCrunch …" → "Marissa Mayer told
…", with the given name the same source introduced them with (`name_speaker`,
`name_first_mention`); a later mention goes back to the surname (`surname_again`). News
names a person in full once, then by surname. Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from digest.compose.features import STOPWORDS
from digest.compose.openers import OPENING_WORDS, Rewrite, person_like
from digest.text.saying import SAYING, SAYING_VERB
from digest.text.wordclass import word_classes

_SURNAME = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
"""A surname's shape ("Vale", "Ortiz-Lind")."""
_HONORIFICS = r"(?:Mr|Ms|Mrs|Dr)"
_BARE_SPEAKER = re.compile(rf"\b(?P<surname>{_SURNAME})\s+(?:also\s+)?{SAYING_VERB}\b"
                           rf"|\b{SAYING_VERB}\s+(?P<after>{_SURNAME})(?=,|[.;]?[\"”’]?\s*$)")
"""A speaker by surname before or after the verb ("Vale said …", "…," said Vale.")."""


def may_name_speaker(text: str) -> bool:
    """Could `name_speaker` change `text` (a cheap test: has it a verb of saying)?"""
    return any(map(text.__contains__, SAYING))


def name_speaker(text: str, earlier: Sequence[str]) -> Rewrite | None:
    """`text` with a speaker known only by surname ("Mayer told TechCrunch …") given the
    full name the same source introduced them with (`earlier`, its preceding sentences:
    "… said Marissa Mayer, its founder"): news names a person in full at first mention,
    and a box or brief sentence is a first mention. None when the surname follows another
    name ("CEO Tim Cook said"), the sentence names the person in full already, or the
    source's first mention of it comes after no given name (a company is named alone:
    "Since Nvidia …", then "Nvidia said")."""
    for found in _BARE_SPEAKER.finditer(text):
        place = "surname" if found.group("surname") else "after"
        start, surname = found.start(place), found.group(place)
        before = text[:start].split()
        if place == "surname" and before and before[-1][:1].isupper():
            continue  # "CEO Tim Cook said", "Apple's Cook said": named already
        given = _given_name(surname, earlier)
        if given is None or _named_in_full(surname, text):
            return None
        full = f"{given} {surname}"
        return Rewrite(text=text[:start] + full + text[start + len(surname):],
                       opener=surname, name=full)
    return None


def _named_in_full(surname: str, text: str) -> bool:
    """Does `text` name someone of `surname` in full ("Lima (real name Harold Lima)")?"""
    return re.search(rf"\b[A-Z][a-z]+\s+{re.escape(surname)}\b", text) is not None


_HONORIFIC = re.compile(rf"{_HONORIFICS}\.?\s+(?P<surname>{_SURNAME})(?=[\s,’'])")
_OPENING_NAME = re.compile(rf"(?P<surname>{_SURNAME})(?=\s+[a-z])")
_NAME_AFTER_PHRASE = re.compile(rf"[A-Z][^,\"“”]{{2,60}}, (?P<surname>{_SURNAME})(?=\s+[a-z])")
"""A subject after an opening phrase ("On Tuesday, Quill said …", "As reported by the
Post, Quill asked …")."""


def name_first_mention(text: str, earlier: Sequence[str], source: str = "") -> Rewrite | None:
    """`text` opening on a person known only by surname, after an honorific or alone
    ("Mr. Quill shot down the plan …", "Quill was elected …", also after an opening
    phrase: "On Tuesday, Quill said …"), with the full name the
    same source introduced them with ("Dana Quill …"): news names a person in full at
    first mention. None when the source's first mention of the surname follows no given
    name, the source (`source`, its whole text, else `earlier` and `text`) writes the bare
    surname in lower case too (`_also_a_word`: "Police" after "Anaheim Police"), or the
    sentence names the person in full already."""
    found = _first_mention(text)
    if found is None or text.startswith((" v.", " vs."), found.end()):
        return None  # "Kimble v. Marvel": a case's name, not the person
    surname = found.group("surname")
    given = _given_name(surname, earlier)
    if given is None or _named_in_full(surname, text) or not person_like(f"{given} {surname}") \
            or _also_a_word(surname, [source] if source else [*earlier, text]):
        return None
    full = f"{given} {surname}"
    start = found.start("surname") if found.re is _NAME_AFTER_PHRASE else 0
    return Rewrite(text=text[:start] + full + text[found.end():],
                   opener=text[start:found.end()], name=full)


def _also_a_word(surname: str, texts: Sequence[str]) -> bool:
    """Does the source write `surname`, an English word, in lower case too ("the movie" after
    "A Minecraft Movie", "police" after "Anaheim Police")?  Then it is that word, capitalised
    where a sentence opens; a surname that is also a word ("Prince", "Stone", "Cook") is
    written as a name throughout."""
    if not word_classes(surname):
        return False
    lower = _as_a_word(surname.lower())
    return any(lower.search(t) for t in texts)


# A memo of compiled patterns, not state: the same word always gets the same pattern, and
# a story asks about its few names for every candidate sentence.
@lru_cache(maxsize=1 << 12)
def _as_a_word(word: str) -> re.Pattern[str]:
    """`word` standing alone: not part of a longer word, a hyphenated one or a possessive's
    stem ("Vale" in "Vale's" but not in "Valerie" or "O'Vale")."""
    # "’" looked back at on its own: a class mixing it with \w compiles five times slower.
    return re.compile(rf"(?<![\w'-])(?<!’){re.escape(word)}(?![\w-])")


def may_name_first_mention(text: str) -> bool:
    """Could `name_first_mention` change `text` (does it open on an honorific and a
    surname, or on a capitalised word that opens no sentence in general ("The", "After"),
    or have such a word right after an opening phrase and its comma)?"""
    return _first_mention(text) is not None


def _first_mention(text: str) -> re.Match[str] | None:
    found = _HONORIFIC.match(text)
    if found is not None:
        return found
    for pattern in (_OPENING_NAME, _NAME_AFTER_PHRASE):
        found = pattern.match(text)
        if found is not None and found.group("surname") not in OPENING_WORDS:
            return found
    return None


def _given_name(surname: str, earlier: Sequence[str]) -> str | None:
    """The word before the first mention of `surname` in `earlier` when it is a given
    name: capitalised and no English word ("Marissa" in "… said Marissa Mayer", "Dana"
    in "Dana Quill, 33, …"; not "Since" in "Since Nvidia …"). None when `earlier` gives
    the surname to two people ("Monica Conyers" and "Carl Conyers"): which one a bare
    "Conyers" is, only the writer knew."""
    pattern = _as_a_word(surname)
    first: str | None = None
    for sentence in earlier:
        if surname not in sentence:
            continue  # most sentences: a substring test is far cheaper than the pattern
        for found in pattern.finditer(sentence):
            words = sentence[:found.start()].split()
            given = words[-1] if words else ""
            if first is None:
                if not a_given_name(given):
                    return None
                first = given
            elif given != first and a_given_name(given):
                return None  # a second person of that surname
    return first


def a_given_name(word: str) -> bool:
    """Could `word` be a given name: one capitalised word English does not know, and no
    title ("Mr Routley" is the Scott Routley named before)?"""
    return word.isalpha() and word.lower() not in STOPWORDS and word[:1].isupper() \
        and word[1:].islower() and not word_classes(word) and word not in _TITLES


_TITLES = frozenset("Mr Mrs Ms Miss Dr Prof Sir Dame Lord Lady Rev Sen Rep Gov Mx".split())


_PERSON_NOTE = re.compile(
    rf"'(?P<opener>(?:{_HONORIFICS}\.? )?[A-Za-z][\w-]*)' → "
    r"'(?P<name>(?:[A-Z][\w.-]* )+(?P<surname>[A-Z][\w-]*))(?P<own>'s)?'")
"""The note of a rewrite that named a person in full: `name_speaker`'s ("'Vale' → 'Ines
Vale'") or `antecedents.name_pronoun`'s ("'She' → 'Ines Vale'", "'His' → 'Ines Vale's'")."""


def surname_again(text: str, note: str, earlier: str) -> tuple[str, str]:
    """(`text`, its rewrite `note`) as shown after `earlier`, the sentences a reader has
    just read before it: a person a rewrite named in full keeps the surname alone
    when `earlier` names them in full already ("Sam Altman said …" after "OpenAI CEO Sam
    Altman …" reads "Altman said …"), as news names a person in full only once."""
    found = _PERSON_NOTE.fullmatch(note)
    if found is None or found.group("name") not in earlier:
        return text, note
    opener, surname = found.group("opener"), found.group("surname")
    if opener.split()[-1] == surname:  # "Quill", "Mr. Quill": the source's words again
        return text.replace(found.group("name"), opener, 1), ""
    if opener.lower() not in _PERSONAL_PRONOUNS:
        return text, note
    return (text.replace(found.group("name"), surname, 1),
            f"'{opener}' → '{surname}{found.group('own') or ''}'")


_PERSONAL_PRONOUNS = frozenset({"he", "she", "his", "her"})
