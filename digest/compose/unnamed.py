"""Does a sentence speak of a company, an event or people it never names? "the company"
with no name before it ("A judge granted the company an order."), "the decision", "the
news" or "the issue" its first clause does not tell ("FT reports that Apple will appeal the
decision."), the test both rest on, whether a word may be a name (`may_be_a_name`), a thing
presented as already met (`given_unnamed`), a bare count as the subject
(`count_unnamed`) and "one" or an ordinal for a noun (`one_for_a_noun`). Called by
`references.points_back_inside` and `leaning.leans_back`. Pure functions over the
sentence's text.
"""

from __future__ import annotations

import re

from digest.compose.marks import CALENDAR, NON_WORD, QUOTED, bare_word
from digest.text.screen import may_contain
from digest.text.stopwords import FUNCTION_WORDS
from digest.text.wordclass import (base_verb, can_be_a_verb, only_a_verb, verb_or_auxiliary,
                                   word_classes)


def may_be_a_name(word: str, position: int) -> bool:
    """Could `word` (at `position` in its sentence) be a name? Capitalised, no day or
    month, and, as the sentence's first word, no function word and a word that can be a
    noun ("Musk", "Holm"; not "The", "Apparently", "Losing")."""
    if not word[:1].isupper() or word in CALENDAR:
        return False
    if position > 0:
        return True
    classes = word_classes(word)
    return word.lower() not in FUNCTION_WORDS and (not classes or "NOUN" in classes)


_EVENT_WORDS = ("move", "decision", "change", "news", "announcement", "shift", "incident",
                "revelation", "matter", "issue", "problem", "situation", "effort")
"""Nouns that stand for something said before: "the decision", "the issue"."""
_EVENT = re.compile(
    rf"\b(?:the|this|that)\s+(?:latest\s+)?(?:{'|'.join(_EVENT_WORDS)})\b(?!['’-])"
    r"(?!\s+(?:of|by|to|from|that|for|on|in|at|with|which|about|surrounding|regarding|over|"
    r"behind|between|among|against|made|taken)\b)\s*(?P<after>[\w'’]*)", re.IGNORECASE)
_CLAUSE_OPENERS = frozenset("the a an this that it he she they we its his her their".split())
"""Words opening a clause right after "the news" that tells what it was."""
_CLAUSE_BREAK = re.compile(r"[,;:—–(]|\s(?:and|but)\s")
_SOURCE_OF_WORDS = re.compile(r"\b(?:in|according\s+to|per|familiar\s+with|knowledge\s+of|"
                              r"briefed\s+on)\s+$", re.IGNORECASE)
"""'… wrote Vale in the announcement', 'people familiar with the matter said': where words
come from, not what happened."""


def event_unnamed(text: str, low: str) -> bool:
    """Does the first clause of `text` speak of "the move", "the decision", "the news" or
    "the issue" that no earlier word of the sentence tells ("FT reports that Sealink will
    appeal the decision.", "Orrin's shares rose on the news.", "A hearing on the matter is
    set for May.")? After a clause of its own ("Sealink cut the fare, calling the move
    overdue") the sentence itself says what it was; a noun after it makes a compound ("the
    news outlet"), a phrase after it says which."""
    if not may_contain(text, low, _EVENT_WORDS):
        return False
    plain = QUOTED.sub(" ", text)
    found = _EVENT.search(plain, 1)
    if found is None or _CLAUSE_BREAK.search(plain, 0, found.start()) \
            or _SOURCE_OF_WORDS.search(plain, 0, found.start()):
        return False
    after = found.group("after")
    if not after[:1].islower() or after.lower() in _CLAUSE_OPENERS:
        return not after  # "the news Apple is buying …", "the news the firm …": it says which
    classes = word_classes(after)
    return not ("NOUN" in classes and not {"VERB", "AUX"} & classes)  # "the news outlet"


_COMPANY = re.compile(r"\bthe\s+(?:company|firm|startup)(?:['’]s)?(?![\w'’-])(?!,?\s+[A-Z])")


def company_unnamed(text: str, low: str) -> bool:
    """Does "the company", "the firm" or "the startup", inside the sentence, stand for one
    it does not name ("A judge granted the company a restraining order.")? A name before
    it may be the company, one right after it is ("the startup Quillmark")."""
    if not may_contain(text, low, ("company", "firm", "startup")):
        return False
    plain = QUOTED.sub(" ", text)
    found = _COMPANY.search(plain, 1)
    if found is None:
        return False
    before = [NON_WORD.sub("", w.replace("’", "'")) for w in plain[:found.start()].split()]
    return not any(_may_name_a_company(w, k) for k, w in enumerate(before))


def _may_name_a_company(word: str, position: int) -> bool:
    """Could `word` be a company's name: one `may_be_a_name` takes, one in camel case ("xAI",
    "eBay"), or a first word that is a verb's base form and nothing else ("Google"; not
    "Combined" or "Unofficially", which open a phrase)?"""
    if word[:1].islower():
        return any(c.isupper() for c in word[1:])
    return may_be_a_name(word, position) or position == 0 and word[:1].isupper() \
        and word_classes(word) == {"VERB"} and base_verb(word)


_GIVEN = re.compile(r"^[Tt]he\s+(?:new|newest|latest|final|original|remaining|aforementioned|"
                    r"previous|updated|revised)\s+(?P<rest>.*)", re.DOTALL)
"""'The new administrator …', 'The latest trailer …': a word that marks the thing as one
the reader has met, "new" to the story told so far. ("The two sides …" is left: a sentence
before it in the box most often names the two.)"""
_SAYS_WHICH = frozenset("""of to from for by behind between among called named dubbed known at
in on with that which who whose under over about against""".split())
"""Words after such a noun that go on to say which one it is ("The latest update to Tesla's
software", "The final season of the show")."""


def given_unnamed(text: str) -> bool:
    """Does the sentence open on a thing it presents as already met ("The new feature is
    launching in beta.", "The latest trailer shows the city.", "The original got 14 minutes
    per charge.") without saying which? A name or figure in the phrase ("The new Pixel 10"),
    a phrase after it ("The latest version of the plugin …") or a name set beside it ("The
    new administrator, Jared Isaacman, …") says which; a verb right after it ends the
    phrase. Asked of a sentence read alone (the box, a takeaway): in the brief's account the
    story told before it has met the thing."""
    found = _GIVEN.match(text)
    if found is None:
        return False
    words = found.group("rest").split()[:5]
    for k, word in enumerate(words):
        bare = NON_WORD.sub("", word)
        if bare == "to" and k + 1 < len(words) and base_verb(NON_WORD.sub("", words[k + 1])):
            return True  # "The latest to get the treatment …": an infinitive says not which
        if not bare or bare[:1].isupper() or bare[:1].isdigit() or bare.lower() in _SAYS_WHICH:
            return False
        if word.endswith(","):
            following = words[k + 1] if k + 1 < len(words) else ""
            return not following[:1].isupper()
        if k > 0 and can_be_a_verb(bare) or verb_or_auxiliary(bare):
            return True
    return False


_COUNTS = frozenset("""one two three four five six seven eight nine ten twelve dozens hundreds
some many most several few all each both neither""".split())
"""Words that open a sentence as its subject standing for people or things said before
("One said …", "Many come in …", "All were released …"), when a verb follows them
directly."""
_ONE_EACH = frozenset(("one", "each", "neither"))
"""Counts of one thing: their verb takes an -s ("Each features …")."""
_SMALL_NUMBERS = frozenset("two three four five six seven eight nine ten eleven twelve".split())
_OBJECT_OPENERS = frozenset("""a an the their its his her this these those some no""".split())
"""Words an object opens on: a word that may be a noun or a verb, between a count and one of
these, is the verb ("Many feature a …")."""
_PLURAL_NOUNS = frozenset("people police staff folks cattle".split())
"""Plural nouns without -s that a dictionary also lists as verbs ("Most people the …")."""


def count_unnamed(words: list[str]) -> bool:
    """Does the sentence (its `words`) open on a bare count or quantity as its subject:
    "One said the tool got things wrong.", "Two were taken to hospital.", "Many come in
    combo kits.", "Many feature a …", "Some immediately declared it …", "All were released …",
    "Each was born …", or on "All three" or "Both"+number ("All three devices are …"), the
    three the text before listed? One of whom, many of what: the sentence before named
    them. A noun after the count names them ("Two people were …", "Some research suggests
    …", "Many gaming brands …"), and so does "of" ("One of the attackers …"); a comma ends an
    idiom ("All told, …")."""
    if len(words) < 3 or not words[0][:1].isupper() or words[1].endswith(","):
        return False
    count, second = words[0].lower(), bare_word(words[1])
    if count in ("all", "both") and second in _SMALL_NUMBERS:
        return bare_word(words[2]) != "of"  # "All three devices are …": the three said before
    if count not in _COUNTS:
        return False
    if second in ("that", "which", "who"):
        return True  # "One that could make …", "Many who fear …": of those said before
    at = 1
    if second.endswith("ly") and words[1].islower():
        at, second = 2, bare_word(words[2])  # "Some immediately declared …"
    if second.endswith("ing") or not words[at][:1].islower():
        return False  # "Many gaming brands …", "Several concerning stories …": a noun's modifier
    if count == "all" and "AUX" not in word_classes(second):
        return _verb_before_object(count, second, words[at + 1:])  # not "All paid plans …"
    return only_a_verb(second) or verb_or_auxiliary(second) or second.endswith("n't") or \
        _verb_before_object(count, second, words[at + 1:])


def _verb_before_object(count: str, word: str, rest: list[str]) -> bool:
    """Is `word`, which may be a noun or a verb, the count's verb, an object right after it
    ("Many feature a …", "One offers the …")? Its form agrees with the count."""
    if not rest or rest[0].lower() not in _OBJECT_OPENERS or word in _PLURAL_NOUNS \
            or not can_be_a_verb(word):
        return False
    return word.endswith("s") == (count in _ONE_EACH)


_ORDINALS = frozenset("first second third fourth fifth last other rest".split())
_ONE_FOR_A_NOUN = frozenset("""is are was were has have had will would can could might may
should must does do did""".split())


def one_for_a_noun(words: list[str]) -> bool:
    """Does "one" or an ordinal stand for a noun said before ("The biggest one might be
    …", "The new ones are …", "The second contains …"): "The", up to two words, "one(s)"
    (or "The" and an ordinal), then a verb? ("The one road into town …" and "The second
    bridge opens …" use them before their noun.)"""
    if words[0] != "The" or len(words) < 3:
        return False
    bare = [NON_WORD.sub("", w) for w in words[:5]]  # lower case only: "The 3D One" is a name
    ends = [k for k in range(1, min(4, len(bare) - 1)) if bare[k] in ("one", "ones")]
    if bare[1] in _ORDINALS:
        ends = [1]
    if not ends:
        return False
    after = bare[ends[0] + 1]
    return after in _ONE_FOR_A_NOUN or after.islower() and after.endswith(("s", "ed")) \
        and only_a_verb(after)
