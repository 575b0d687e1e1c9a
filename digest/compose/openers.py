"""Naming what a sentence's opener stands for: "The company on Tuesday said ..." →
"Harwick on Tuesday said ...", "The app lets you ..." → "The Pebblenote app lets you ...".

A sentence that opens on a bare definite description ("The company", "The app",
"The report") leans on the sentence before it. When the same source has named the
thing just before (or in its headline), the opener can be replaced by that name and
the sentence stands on its own while saying exactly what the source says. Two ways
to find the name, precision first:

* the noun itself, named earlier in the source: "... the Pebblenote app ..." →
  "The Pebblenote app";
* for a company-like noun ("company", "firm", "startup", "carmaker", "bank" ...), the
  subject of the sentence just before, or of the source's lead or headline:
  "Harwick Motors said ..." → "Harwick Motors". A subject that looks like a person's
  name ("Dana Ortiz") is never taken for a company.

Anything less certain (pronouns, a name that is not a subject, two candidates) is
left alone: the sentence is then not shown.

People are named in full at first mention in `full_names`. Pure functions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from digest.compose.features import STOPWORDS
from digest.compose.marks import QUOTED
from digest.compose.quotations import MARKS
from digest.text.calendar import MONTHS, WEEKDAYS
from digest.text.stem import stem_token
from digest.text.wordclass import word_classes

_OPENER = re.compile(
    r"^(?P<det>The|This|That)\s+(?P<adj>new\s+|latest\s+)?(?P<noun>[a-z]+)(?P<pos>['’]s)?\b")
_COMPANY_NOUNS = frozenset("""company firm startup maker giant utility carmaker automaker chipmaker
lender bank retailer insurer airline manufacturer developer publisher provider operator""".split())
_NAMEABLE = frozenset("""app tool model feature platform service product device deal report
lawsuit suit plan update study survey post letter filing program programme project system
phone laptop game console watch headset robot chip car bill law rule policy proposal chatbot
assistant bot campaign investigation probe attack breach outage integration round event
trailer settlement complaint sequel acquisition partnership merger agreement contract rollout
studio investment offer""".split()) | _COMPANY_NOUNS
_NAME_WORD = r"(?:[A-Z][\w&.'’+-]*|[a-z]{1,3}[A-Z][\w&.'’+-]*|\d+[A-Za-z][\w-]*)"
_NAME_RUN = re.compile(rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}")
_LEAD_TIME = re.compile(r"^(?:(?:On|Last|This|Earlier|In)\s+[A-Z]?\w+(?:\s+\d{1,2})?,\s+)")
_PERSON = re.compile(r"^[A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'’-]+){1,2}$")
OPENING_WORDS = frozenset(w.capitalize() for w in STOPWORDS) | frozenset(
    """According After Although Before Despite During Following Here In On Over Under Until
    While With Without Today Yesterday Now Last Earlier Later Meanwhile Still""".split())
"""Capitalised words that open sentences without naming anyone ("The", "According")."""
_MONTHS_DAYS = frozenset(WEEKDAYS + MONTHS)
RECENT = 3
"""How many sentences back a subject may be taken from (besides the lead and headline)."""


@dataclass(frozen=True)
class Rewrite:
    """A sentence whose opener was replaced by the name it stands for."""

    text: str
    """The sentence as shown."""
    opener: str
    """The words replaced ("The company")."""
    name: str
    """What replaced them ("Harwick Motors")."""

    @property
    def note(self) -> str:
        """How the report shows the change: "'The company' → 'Harwick Motors'"."""
        return f"'{self.opener}' → '{self.name}'"


def name_opener(text: str, earlier: Sequence[str], title: str = "") -> Rewrite | None:
    """`text` with its bare definite opener ("The company", "The app") replaced by the
    name it stands for in `earlier` (the same source's preceding sentences, in order)
    or its `title`; None when the opener is not one of these or the name is uncertain."""
    match = _OPENER.match(text)
    if not match or match.group("noun") not in _NAMEABLE or \
            re.match(r",?\s+[A-Z]", text[match.end():]):
        return None
    noun = match.group("noun")
    rest = text[match.end():]
    named = _named_noun(noun, [*reversed(earlier[-RECENT:]), title])
    if not match.group("pos") and _compound(rest):
        return None  # "The law firm ...": the noun is a modifier; its head is not named
    if named:
        new = f"The {named} {noun}{match.group('pos') or ''}"
    elif noun in _COMPANY_NOUNS and not match.group("adj"):
        subject = _company_subject(earlier, title)
        if not subject or _names_again(rest, subject) or _credits_another(earlier, subject):
            return None
        new = subject + _possessive(subject, match.group("pos"))
    else:
        return None
    return Rewrite(text=new + rest, opener=match.group(0), name=new)


def _names_again(rest: str, subject: str) -> bool:
    """Does the rest of the sentence, outside quotations, name `subject` itself (not as the
    head of a longer name such as "Harwick Motors Cloud" or "Harwick 2")? Then "the
    company" is another one: "The company claimed it did not use Reddit data" is not about
    Reddit, and naming it so would be false."""
    name = f"(?:{re.escape(subject)}|{re.escape(subject.split()[0])})"
    # "’" looked back at on its own, as in `_is_named`.
    return re.search(rf"(?<![\w'-])(?<!’){name}(?![\w-])(?!\s+[A-Z0-9])",
                     QUOTED.sub(" ", rest)) is not None


def _credits_another(earlier: Sequence[str], subject: str) -> bool:
    """Does the sentence just before credit what it says to another name ("…, according to
    Anthropic.")? "The company says …" after it goes on with that one, not with `subject`."""
    found = _ACCORDING_TO.search(earlier[-1]) if earlier else None
    return found is not None and found.group(1).split()[0] != subject.split()[0]


_ACCORDING_TO = re.compile(r"\baccording to (?:the )?([A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*)*)")


def _compound(rest: str) -> bool:
    """Does `rest` (what follows the opener's noun) open on a lower-case word English uses
    only as a noun ("window" in "The launch window opened")?"""
    found = re.match(r"\s+([a-z]+)\b", rest)
    if not found:
        return False
    classes = word_classes(found.group(1))
    return "NOUN" in classes and not classes & {"VERB", "AUX", "ADV", "ADP"}


def _possessive(name: str, ending: str | None) -> str:
    """The possessive ending for `name` ("'s"), only the apostrophe after a final "s"
    ("Skybound Game Studios'")."""
    if not ending:
        return ""
    return ending[0] if name.endswith("s") else ending


def _named_noun(noun: str, texts: Sequence[str]) -> str | None:
    """The name written just before `noun` in the nearest text that has one ("the
    Pebblenote app" → "Pebblenote"); None when that text names two different ones."""
    pattern = _name_before(noun)
    for text in texts:
        found = {_trim(m.group(1)) for m in pattern.finditer(text or "")
                 if m.start() > 0 and not _SENTENCE_START.search(
                     (text or "")[max(0, m.start() - 3):m.start() + 1])} - {""}
        if len(found) == 1:
            return found.pop()
        if found:
            return None
    return None


# A memo of compiled patterns, not state: `noun` is one of the few `_NAMEABLE` nouns, each
# asked about again and again, and the `re` module's own cache is flushed by other patterns.
@lru_cache(maxsize=256)
def _name_before(noun: str) -> re.Pattern[str]:
    """One to three name words right before `noun` or its plural ("the Pebblenote app")."""
    return re.compile(rf"(?<![\w'’])((?:{_NAME_WORD}\s+){{1,3}}){noun}s?\b")


def _trim(run: str) -> str:
    """A name run without a leading sentence word ("The", "A") or possessive owner;
    "" when only generic words ("AI", "Indie") are left."""
    words = [w.strip(MARKS) for w in run.split()]
    while words and words[0] in OPENING_WORDS:
        words = words[1:]
    if not words or any(w.endswith(("'s", "’s")) for w in words) or \
            any(w in _MONTHS_DAYS for w in words) or all(w in GENERIC_WORDS for w in words):
        return ""
    return " ".join(words)


GENERIC_WORDS = frozenset("""AI API CEO CTO CFO US UK EU UN TV PC VR AR XR App Apps Web Internet
Indie Pro Max Mini Plus Ultra New Smart Digital Online Mobile Cloud Tech""".split())
"""Capitalised words that do not name one thing ("the AI tool" is still any AI tool)."""
NOT_ACTORS = frozenset(stem_token(w) for w in GENERIC_WORDS - {"US", "UK", "EU", "UN"})
"""Stems of the generic words that never name a story's actor (places like "US" and "EU"
do act)."""


def _company_subject(earlier: Sequence[str], title: str) -> str | None:
    """The subject of one of the two sentences just before, else of the lead or the
    headline, when it is a name (written so in the headline or inside a sentence, not
    only as a sentence's first word) and not a person's."""
    known = ". ".join([title, *earlier])
    for text in [*reversed(earlier[-2:]), *earlier[:1], title]:
        subject = subject_name(text or "")
        if subject and _is_named(subject, title, known) and not person_like(subject):
            return subject if _dominant(subject, known) else None
    return None


_CAPITAL_WORD = re.compile(r"(?<![\w'’-])[A-Z][\w&'’-]*")


def _dominant(subject: str, known: str) -> bool:
    """Is `subject` the name the source mentions most (so "the company" can only be it)?
    "Google seems to be cracking down on Disney characters ... the company sent a
    letter" names Disney more often than Google: no rewrite."""
    counts: dict[str, int] = {}
    for word in _CAPITAL_WORD.findall(known):
        word = word.removesuffix("'s").removesuffix("’s")
        if word not in OPENING_WORDS and word not in _MONTHS_DAYS and word not in GENERIC_WORDS:
            counts[word] = counts.get(word, 0) + 1
    mine = counts.get(subject.split()[0], 0)
    return mine > 0 and all(n < mine for w, n in counts.items() if w not in subject.split())


def _is_named(subject: str, title: str, known: str) -> bool:
    """Is `subject` a name of its own: shaped like one (two words or more, or capitals
    inside: "Harwick Motors", "LG", "OpenAI") and in the headline, or written inside a
    sentence neither at its start nor as the tail of a longer name ("Motor Workers
    Union")? A single plain word seen only at starts ("Plan", "Shares") is not."""
    # "’" looked at on its own: a class mixing it with \w compiles five times slower.
    pattern = re.compile(rf"(?<![\w'-])(?<!’){re.escape(subject)}(?![\w'-])(?!’)")
    shaped = " " in subject or any(c.isupper() or c.isdigit() for c in subject[1:])
    if shaped and pattern.search(title) is not None:
        return True
    for m in pattern.finditer(known):
        before = known[max(0, m.start() - 40):m.start()]
        if not _SENTENCE_START.search(known[max(0, m.start() - 3):m.start() + 1]) and \
                not _AFTER_NAME.search(before):
            return True
    return False


_AFTER_NAME = re.compile(r"[A-Z][\w&.'’-]*\s+$")


_SENTENCE_START = re.compile(r"(?:^|[.!?][\"”’]?\s+)\w$")
COMPANY_WORDS = frozenset("""Health Motors Motor Labs Lab Inc Corp Corporation Group Bank Software
Systems Technologies Technology Electronics Airlines Energy Media Games Studios Studio AI Robotics
Networks Capital Partners Holdings Pharma Pharmaceuticals Foods Communications Ventures Company
Co Ltd LLC Industries Entertainment Semiconductor Microsystems Computing Security Insurance
Financial Automotive Aerospace Mobility Cloud Digital Interactive Therapeutics Biosciences
Brands Stores Markets Telecom Wireless Solutions Services Apps Devices Instruments""".split())


def person_like(name: str) -> bool:
    """Shaped like "Dana Ortiz" (two or three title-case words, none a company word)."""
    return _PERSON.match(name) is not None and COMPANY_WORDS.isdisjoint(name.split())


def subject_name(sentence: str) -> str | None:
    """The name a sentence opens on, when it is its subject: "Harwick Motors said ..." →
    "Harwick Motors" (a name run followed by a lower-case word or a comma)."""
    text = _LEAD_TIME.sub("", sentence, count=1)
    match = _NAME_RUN.match(text)
    if not match:
        return None
    words = match.group(0).split()
    if words[0] in OPENING_WORDS or any(w in _MONTHS_DAYS for w in words) or \
            any(w.endswith(("'s", "’s")) for w in words):
        return None
    after = text[match.end():match.end() + 2]
    if not (after.startswith(",") or after[:1] == " " and after[1:2].islower()):
        return None
    return " ".join(words).rstrip(".,")
