"""Does a word inside a sentence point at something the sentence does not name?

`leaning.leans_back` looks at how a sentence opens; these checks look further in: a
demonstrative and a noun ("… found that this strategy can …"), "do that" or a closing
"that", a time counted from one the sentence does not give ("… the next day", "…
around then", "a few months later"), a closing "instead" with nothing it replaces, a
closing "as well" or "too" with nothing it adds to, "he", "his" or "her" for a person the
sentence does not name, "the two companies" when it names fewer than two, "the decision" or
"the news" its first clause does not tell, "the company" when it names none. Pure functions
over the sentence's text.
"""

from __future__ import annotations

import re

from digest.compose.marks import NON_WORD, QUOTED
from digest.compose.times_unnamed import time_unnamed
from digest.compose.unnamed import company_unnamed, event_unnamed, may_be_a_name
from digest.text.screen import may_contain
from digest.text.stopwords import FUNCTION_WORDS
from digest.text.saying import SAYING
from digest.text.wordclass import (can_be_a_verb, can_end_a_noun_phrase, verb_or_auxiliary,
                                   word_classes)

TIME_NOUNS = frozenset("""week weekend month year morning afternoon evening night day season
summer spring fall autumn winter quarter decade century time""".split())
"""After "this" or "that" a time ("this week") is the writer's now, not a thing said before."""


def points_back_inside(text: str) -> bool:
    """Does a word inside `text` stand for something only an earlier sentence names: a
    demonstrative and a noun, "do that" or a closing "that", a time counted from an
    unnamed one, a closing "instead", "as well" or "too"?"""
    low = text.lower()  # lower-cased once for every check's screen
    return time_unnamed(text, low) or _pro_form_unresolved(text, low) \
        or _demonstrative_inside(text, low) or _closing_instead(text, low) \
        or _closing_addition(text, low) or _comparison_unfinished(text, low) \
        or _person_unnamed(text, low) \
        or _counted_unnamed(text) or _that_after_preposition(text) or _said_of_unnamed(text, low) \
        or _that_thing_acted_on(text, low) \
        or event_unnamed(text, low) or company_unnamed(text, low)


_SAID_OF = re.compile(
    r"^[^,;:\"“”()]{1,60}?\b(?:says|said|say|told|tells|adds|added|notes|noted|argues|argued|"
    r"claims|claimed|insists|insisted|explains|explained|believes|believed|thinks|thought|"
    r"denies|denied|deny|confirms|confirmed|acknowledges|acknowledged|admits|admitted|"
    r"warns|warned|hopes|hoped|expects|expected)\s+(?:that\s+)?(?P<pronoun>this|that)"
    r"(?:['’]s\b|\s+(?P<after>[\w'’]+))", re.IGNORECASE)


def _said_of_unnamed(text: str, low: str) -> bool:
    """Does what someone says open on "this" or "that" standing alone, with no clause
    before it in the sentence it could stand for ("Sealink says this will cut the
    crossing to an hour.", "The council denied that's the case.")? Only what the
    sentence before said is "this" there."""
    if "this" not in low and "that" not in low:
        return False
    found = _SAID_OF.match(text)
    if found is None:
        return False
    after = (found.group("after") or "").lower()
    if after.endswith("ing") and found.group("pronoun").lower() == "that":
        return False  # "says that bringing Statsig in will …": a clause's subject follows
    return not after or a_verb_after(after) and after not in _AFTER_A_COMPLEMENTIZER


_AFTER_A_COMPLEMENTIZER = frozenset("""it he she they we i you there its his her their our
the a an this that these those""".split())
"""Words after a "that" which opens what was said ("said that it will"): then "that" is
no pronoun."""


_COUNTED = re.compile(r"\bthe\s+(?:two|three|four|five|both)\s+[a-z]+s\b")


def _counted_unnamed(text: str) -> bool:
    """Does "the two companies", "the three sides" count things the sentence does not name
    ("The relationship between the two companies is fraying")? Two names in it say which
    ("Disney pulled its channels after the two companies failed to agree with YouTube")."""
    if "the " not in text or _COUNTED.search(text) is None:
        return False
    words = [NON_WORD.sub("", w.replace("’", "'")) for w in QUOTED.sub(" ", text).split()]
    return len({w for k, w in enumerate(words) if may_be_a_name(w, k)}) < 2


_PERSON_WORDS = frozenset("he she him his her hers he's she's he'd she'd he'll she'll".split())
_NON_WORD_OR_SPACE = re.compile(r"[^\w'\s]")
"""`NON_WORD` but whitespace: what it strips from each word, stripped from a whole text."""


def _person_unnamed(text: str, low: str) -> bool:
    """Does "he", "she", "his" or "her" stand for a person the sentence does not name
    ("The timing of his exit …", "In May, the founder announced he was …")? A name before
    it, a person it may stand for ("a teen boy … his own"), or a name after the comma
    that closes its clause ("In his post, Babuschkin says …") names the person. `low` is
    `text.lower()`."""
    if not may_contain(text, low, ("he", "his", "her")):
        return False
    outside = QUOTED.sub(" ", text)
    # The words below, stripped in one pass ("the" holds "he": most sentences get here).
    if _PERSON_WORDS.isdisjoint(_NON_WORD_OR_SPACE.sub("", outside.replace("’", "'"))
                                .lower().split()):
        return False
    words = outside.split()
    bare = [NON_WORD.sub("", w.replace("’", "'")) for w in words]
    at = next((k for k, w in enumerate(bare) if w.lower() in _PERSON_WORDS), None)
    if at is None:
        return False
    if any(may_be_a_name(w, k) for k, w in enumerate(bare[:at])) or \
            any(w.lower() in ("a", "an") for w in bare[:at]):
        return False
    comma = next((k for k in range(at, len(words)) if words[k].endswith(",")), None)
    return not (comma is not None and
                any(may_be_a_name(w, k) for k, w in enumerate(bare[comma + 1:], start=comma + 1)))


def _closing_addition(text: str, low: str) -> bool:
    """Does a closing "as well" or "too" add the sentence to one the reader has not seen
    ("Saints Row 2 is free via GOG, as well.")? After a clause of its own that it can
    add to ("Apple raised its prices, and Google did too.") it does not. `low` is
    `text.lower()`."""
    if not may_contain(text, low, ("as well", "too")):
        return False  # every match holds one of them
    found = _ADDITION_END.search(text)
    return found is not None and not _CLAUSE_BEFORE.search(text[:found.start()])


def _comparison_unfinished(text: str, low: str) -> bool:
    """Does the sentence close on a comparison whose other side it never gives ("The
    refund process is a lot less clear.", "Sealink's reasons may be more complicated.")?
    More or less clear than what the sentence before told. A "than", or a contrast the
    sentence draws itself ("While the fares are set, the timetable is less clear.", "…, but
    not much more expensive"), gives the other side; "has become more popular" and "is about
    to be more real" tell a change, "could be more comfortable" a wish, not a comparison."""
    if "more " not in low and "less " not in low or " than " in low:
        return False
    found = _COMPARISON_END.search(text)
    return found is not None and _CONTRAST.search(low, 0, found.start()) is None


_COMPARISON_END = re.compile(
    r"(?<!\bcould )(?<!\bshould )(?<!\bto )"
    r"\b(?:is|are|was|were|be|seems?|seemed)\s+"
    r"(?:(?:a\s+(?:bit|lot|little)|much|far|even|slightly|somewhat|considerably)\s+)?"
    r"(?:more|less)\s+(?:[a-z]+ly\s+)?[a-z]+[.!]['\"”’)]*$", re.IGNORECASE)
_CONTRAST = re.compile(r"\b(?:while|whereas|although|though|but|yet|unlike|compared|relative|"
                       r"however)\b")


_ADDITION_END = re.compile(r",?\s+(?:as well|too)[.!]['\"”’)]*$", re.IGNORECASE)


def a_verb_after(word: str) -> bool:
    """Is the word after "this" or "that" a verb, so that they stand alone as pronouns
    ("this will", "that hasn't", "this means")?"""
    return not word or verb_or_auxiliary(word) or word in _PRONOUN_VERBS


_PRONOUN_VERBS = frozenset("means shows makes comes gives puts lets marks".split())


_PRO_FORM = re.compile(
    r"\b(?:do|does|did|doing|done)\s+(?:that|this|so)\b|\s(?:that|this|these|those)[.!?]['\"”’)]*$",
    re.IGNORECASE)
""""Kiro does that through …", "X is now trying to solve that.": an act or a thing the
sentence before named, stood for by "do that" or a closing "that"."""
_POINTS_AHEAD = frozenset("who whom whose which that where when with".split())
""""those ports where …", "these cases with …": the clause after the noun says which."""
_HERE_AND_NOW = frozenset("world point case way regard respect moment stage price".split())
"""Nouns after "this" that mean the writer's here and now ("in this case", "at this point"),
not a thing said before."""


def _demonstrative_inside(text: str, low: str) -> bool:
    """Does "this", "these" or "those" and a noun, outside any quotation, point at a thing
    the sentence does not name ("Microsoft found that this strategy can …", "between those
    chip makers"), or "of these" stand alone ("one of these isn't clear")? A time ("this
    week") is the writer's now; a noun said earlier in the sentence is named there; "those
    who …" points ahead. `low` is `text.lower()`."""
    if "this" not in low and "these" not in low and "those" not in low:
        return False  # most sentences: no word to look at
    words = QUOTED.sub(" ", text).split()
    for k, word in enumerate(words[1:-1], start=1):
        if word.lower() not in ("this", "these", "those"):
            continue
        if words[k + 1][:1].isupper():
            if word.lower() != "this" and not _said_before(words[k + 1], words[:k]):
                return True  # "testing these Siri App Intents": which ones?
            continue  # "this Friday", "this Apple Watch": a name, one of a kind
        noun = NON_WORD.sub("", words[k + 1].replace("’", "'")).lower().removesuffix("'s") \
            .rstrip("'")  # "these issues'": a plural's possessive
        if words[k - 1].lower() == "of" and word.lower() != "this" and a_verb_after(noun):
            return True  # "… one of these isn't clear": which ones?
        if not noun or not noun.isalpha() or a_verb_after(noun) or noun in FUNCTION_WORDS \
                or noun.removesuffix("s") in TIME_NOUNS | _HERE_AND_NOW \
                or k + 2 < len(words) and words[k + 2].lower() in _POINTS_AHEAD \
                or word.lower() == "those" and not can_end_a_noun_phrase(noun):
            continue  # "for those eager to play": the people described after it
        earlier = " ".join(words[:k]).lower()
        if noun.rstrip("s") not in earlier:
            return True
    return False


_PREPOSITION_THAT = re.compile(
    r"\b(?:of|for|with|on|about|from|to|by|at|into|behind|over|against|after|before|"
    r"despite|beyond|under|toward|towards)\s+that\s+(?P<noun>[a-z]+)\b")
_RESULT = re.compile(r"\b(?:so|such)\b", re.IGNORECASE)


def _that_after_preposition(text: str) -> bool:
    """Does "that" and a noun after a preposition point at a thing the sentence does not
    name ("further proof of that assumption", "at that point", "after that letter")?
    After a preposition "that" can only be a demonstrative, and unlike "this week" its
    time or place is one said before. A noun the sentence said earlier is named there;
    "so … to that people …" is a result clause, not a demonstrative."""
    if "that" not in text:
        return False
    outside = QUOTED.sub(" ", text)
    for found in _PREPOSITION_THAT.finditer(outside):
        noun, earlier = found.group("noun"), outside[:found.start()].lower()
        if a_verb_after(noun) or noun in FUNCTION_WORDS or _RESULT.search(earlier) or \
                noun == "matter" and found.group(0).startswith("for"):
            continue  # "… or any other phone, for that matter": an idiom
        if noun.removesuffix("s") not in earlier:
            return True
    return False


def _said_before(name: str, earlier: list[str]) -> bool:
    """Is `name` (a capitalised word) in `earlier`, in full or as the initials of words
    there ("Chronic Kidney Disease … those CKD cases")?"""
    bare = NON_WORD.sub("", name)
    initials = "".join(w[0] for w in earlier if w[:1].isupper())
    return bare.lower() in " ".join(earlier).lower() or bare.isupper() and bare in initials


def _closing_instead(text: str, low: str) -> bool:
    """Does a closing "instead" set the sentence against one the reader has not seen ("The
    Wallet uses a single foldable screen instead.")? With a "not", "no" or "rather than"
    in the sentence the other half is there ("… doesn't offer much new, … updates
    instead."). `low` is `text.lower()`."""
    return may_contain(text, low, ("instead",)) and _INSTEAD_END.search(text) is not None \
        and _NEGATION.search(text) is None


_INSTEAD_END = re.compile(r"\binstead[.!]['\"”’)]*$", re.IGNORECASE)
_NEGATION = re.compile(
    r"\b(?:not|no|never|nor|without|rather than|instead of|no longer)\b|n['’]t\b", re.IGNORECASE)


def _pro_form_unresolved(text: str, low: str) -> bool:
    """Does "do that" or a closing "that" stand for something with no clause of this
    sentence before it that could be it ("…, but it may lose its licence to do that")?
    `low` is `text.lower()`."""
    if not (may_contain(text, low, ("that", "these", "this", "those")) or
            may_contain(text, low, ("so",)) and may_contain(text, low, ("do", "did"))):
        return False  # every match holds "this/that/these/those", or "so" after "do"
    found = _PRO_FORM.search(text)
    return found is not None and not _CLAUSE_BEFORE.search(text[:found.start()])


_CLAUSE_BEFORE = re.compile(
    r";|,\s+(?:but|and|though|although|so|yet|while|because|since|as|which|when|or)\b")


_THAT_OPENS_A_CLAUSE = frozenset(SAYING) | frozenset("""show shows showed shown found find
finds suggest suggests suggested believe believes believed argue argues argued claim claims
claimed note notes noted report reports reported know knows knew think thinks thought mean
means meant hope hopes hoped ensure ensures ensured realize realized assume assumed state
states stated stating recommend recommends recommended require requires required warn warns
warned so such now given""".split())
"""Words after which "that" opens a clause ("found that people with …"), not a noun phrase."""
_THAT_PHRASE_ENDS = frozenset("but and or to in on at for with from by as after before over"
                              .split())


def _that_thing_acted_on(text: str, low: str) -> bool:
    """Does the sentence act on "that" and a noun it does not name: "Meta settled that
    lawsuit in August", "… welcomed that design but said …", "… only accelerated that
    momentum."? A verb before "that", a noun that ends its phrase (a mark, or "in", "and"
    … next) and no earlier word of the sentence naming it: the thing is the one the
    sentence before told of. After a verb of saying or finding "that" opens a clause
    ("found that people with …"); a verb after the noun makes it a relative clause."""
    if " that " not in low:
        return False  # most sentences
    words = QUOTED.sub(" ", text).split()
    for k in range(1, len(words) - 1):
        if words[k] != "that":
            continue
        raw, before = words[k + 1], NON_WORD.sub("", words[k - 1]).lower()
        noun = NON_WORD.sub("", raw).lower()
        ended = raw[-1:] in ",.;:" or (k + 2 < len(words) and
                                       words[k + 2].lower() in _THAT_PHRASE_ENDS)
        if not ended or not noun.isalpha() or raw[:1].isupper() or noun in FUNCTION_WORDS \
                or noun.removesuffix("s") in TIME_NOUNS | _HERE_AND_NOW \
                or "NOUN" not in word_classes(noun) or not can_end_a_noun_phrase(noun) \
                or noun.endswith("s") and can_be_a_verb(noun):
            continue  # "that attempts to …": a verb of a relative clause
        if before in _THAT_OPENS_A_CLAUSE or not can_be_a_verb(before) \
                or "NOUN" in word_classes(before) and not before.endswith("ed"):
            continue
        if noun.removesuffix("s") not in " ".join(words[:k]).lower():
            return True
    return False
