"""Does a sentence lean on the one before it?

`leans_back` answers for its opening: a dangling pronoun, demonstrative or
connective ("It …", "But …"), a bare definite description ("The company …",
"According to the report, …"), "one" standing for a noun, time counted from an
unnamed event ("Two days later, …"), a pronoun after an opening phrase with nothing
it could point to ("Despite this, …") or one that describes it ("Powered by Gemini 3,
it …", `modifiers`), a spoken reply ("Well, …"), or a speaker who
is only "he", "she" or "it". A quotation speaks in its speaker's voice: with the
speaker named, its "I" is that person, and in the brief its "We" and "This ruling" too
(`_speaks_of_the_story`). Pure functions over the sentence's text; `quality.problem`
asks it.
"""

from __future__ import annotations

import re
from types import MappingProxyType

from digest.compose.leaning_words import (DANGLING, DANGLING_PHRASES, PLATFORMS, POSTS,
                                           REFERRING_NOUNS)
from digest.compose.quotations import OPENING_MARKS
from digest.compose.marks import CALENDAR, NON_WORD, QUOTED, bare_word
from digest.compose.modifiers import EXPLETIVE_IT, POSSESSOR, describes_the_pronoun
from digest.compose.references import TIME_NOUNS, a_verb_after, points_back_inside
from digest.compose.speakers import (FIRST_SINGULAR, SPEAKER_SELF,
                                     named_speaker, un_named_speaker)
from digest.compose.unnamed import count_unnamed, given_unnamed, one_for_a_noun
from digest.text.wordclass import word_classes

_PHRASES_BY_START = MappingProxyType({start: tuple(p for p in DANGLING_PHRASES if p[:2] == start)
                                       for start in {p[:2] for p in DANGLING_PHRASES}})
"""`DANGLING_PHRASES` by their first two letters: an opening is compared only with the
phrases it could start with (each phrase has two letters or more)."""
_REFERENCE_BACK = re.compile(
    r"^(?:the|this|that|these|those|such)\s+(?:move|moves|decision|change|changes|announcement|"
    r"news|step|shift|development|effort|incident|revelation|outcome|twist|result|results)\b"
    r"(?!\s+(?:of|by|to|from|that|for|on|in|at|with|which|between|behind)\b)", re.IGNORECASE)
""""The move comes after ...": a noun that only names what the previous sentence said."""
_NEWS_BACK = re.compile(r"^(?:the|this|that)\s+(?:latest\s+)?(?:news|announcement)\b(?!\s+that\b)",
                        re.IGNORECASE)
""""The news from Amazon is …", "The announcement of the deal came …": which news, what was
announced, the sentence before said ("The news that Orrin will …" says it)."""
_REFERRING = "|".join(sorted(REFERRING_NOUNS, key=len, reverse=True))
_DEFINITE = re.compile(
    r"^(?:the|this|that|these|those)\s+"
    r"(?:(?!(?:first|second|third|last|only|next|same|other|top|most|best|world|of|and|or|in|"
    r"on|for|to|with|at|by)\b)(?-i:[a-z][a-z-]*|[A-Za-z0-9]+-[a-z][a-z-]*)(?<!est)(?<!most)\s+){0,2}"
    rf"(?:(?:{_REFERRING})['’]s(?![\w-])|(?:{_REFERRING})(?:e?s)?(?![\w'’-])"
    rf"(?!\s+(?:{_REFERRING})\b)"
    r"(?!\s+(?:of|by|from|that(?!['’])|which|who|behind|between|named|known|against|over|"
    r"with|below|above)\b)"
    r"(?!,?\s+(?:called|named|dubbed|known\s+as)\s+(?-i:[A-Z\"“']))"
    r"(?!,?\s+(?-i:[A-Z])))", re.IGNORECASE)
""""The company has said ...", "The tech giant's plugin ...", "The new rules are ...": a bare
definite description, up to two lower-case modifiers before its noun ("AI-powered", a
compound on a name or acronym, counts as one), one or many (not
"The carmaker Harwick Motors ..." or "the Phone 3", which name it, nor "The first company
to ...")."""
_DEFINITE_INTRO = re.compile(
    r"^(?:according to|in|per|under|based on|from|with|after)\s+(?:the|this|that|these|those)\s+"
    r"(?:(?-i:[a-z][a-z-]*)\s+){0,2}"
    rf"(?:{_REFERRING})(?:['’]s)?\s*,", re.IGNORECASE)
"""The same as an opening phrase ("According to the report, …", "Under the deal, …", "In
the video, …"): which report, deal or video, the sentence does not say."""
_PART_OF_BACK = re.compile(
    r"^(?:(?:almost|nearly|virtually|not)\s+)?"
    r"(?:some|all|many|most|few|none|each|one|both|several|any|much|part|half|neither|either)"
    r"(?:\s+or\s+(?:all|most|none|both))?\s+of\s+(?:these|those|them|this|that|it|its|their)\b",
    re.IGNORECASE)
""""Some or all of those changes …", "Many of them …": a share of something said before."""
_SHARE_OF_UNNAMED = re.compile(
    r"^(?:one|some|many|most|several|two|three|another|a\s+few)\s+of\s+the\s+"
    r"(?:(?:very\s+)?(?:[a-z]+est|best|worst|latter|former|few|most\s+[a-z]+|least\s+[a-z]+)|"
    r"[a-z]+(?:\s+[a-z]+)?\s+here)\s+(?:is|was|are|were|has|have|had|will|would|comes|came|"
    r"includes|included|can|could|may|might)\b", re.IGNORECASE)
""""One of the best is …", "One of the key elements here is …": of what? The sentence before."""
_ITSELF = re.compile(r"^the\s+(?:[a-z-]+\s+){1,2}(?:itself|themselves)\b", re.IGNORECASE)
""""The lake itself has tripled …": set against something the sentence before said."""
_LATTER = re.compile(r"^the\s+(?:latter|former)\b", re.IGNORECASE)
_ONE_OF_MANY = re.compile(
    r"^[Tt]he\s+(?:[A-Z][\w&.'’-]*\s+){1,3}(?:VP|SVP|EVP|vice\s+president|execs?|executives?|"
    r"employees?|engineers?|researchers?|spokesperson|spokes(?:wo)?man|representatives?|"
    r"officials?|staffers?|insiders?|analysts?|lawyers?|attorneys?|senators?|lawmakers?|"
    r"Democrats?|Republicans?|investors?|board\s+members?)(?:['’]s?)?(?![\w'’-])"
    r"(?!\s+(?:at|of|for|from|who|whom|whose|that|which|with|behind|in\s+charge)\b)"
    r"(?!,?\s+(?:[A-Z][\w.'’-]*\s+)*[A-Z][\w'’-]+,)")
""""The Google VP claims …", "The Vermont senator said …": a company or a state has many
of them, so "the" presupposes one the sentence before named; "The Google VP, Ada Holm,
said …" names her, "The Ledger researchers who ran the test …" says which."""
_SIMILAR = re.compile(r"^similar(?:ly)?\s+(?!to\b)", re.IGNORECASE)
""""Similar needs have existed …": similar to what? ("Similar to Orrin's ferry, …" says.)"""
_OPENING = re.compile(r"^([^,]{1,70}),\s+([\w'’]+)(?:\s+([\w'’-]+))?")
_INSERTED_CONNECTIVE = re.compile(
    r"^[^,;:\"“”]{1,80},\s+(?:however|though|meanwhile|therefore|thus|instead|moreover|"
    r"furthermore|nevertheless|nonetheless|likewise|similarly|consequently|accordingly|too|"
    r"in turn|in fact|in the meantime|as a result|in addition|by contrast|in contrast|"
    r"on the other hand|for example|for instance|by then|at the time|in response),", re.IGNORECASE)
"""A connective set into the first clause ("Harwick, however, said …", "With the vote, in
turn, …"): it sets the sentence against or after one the reader has not seen."""
_BARE_THOUGH = re.compile(r"(?i:^(?:[\w'’-]+\s+){1,3}(?<!even )(?<!as )though\s+"
                          r"(?!(?:it|they|he|she|we|i|you|this|that|there)\b))[a-z]")
""""Many Koreans though viewed …": that connective without commas (not "even though", "as
though" or "Rich though it may be", which open clauses)."""
_DEMONSTRATIVES = frozenset("this that these those".split())
_OPENERS = frozenset("""after before when while since as if in on at for with despite following
today yesterday now then still meanwhile instead earlier later previously currently recently also
so again ultimately overall separately by under over from until unlike like amid during once
because though although of prior ahead beyond besides given through throughout against without
within across around between into about toward towards upon alongside to assuming unless
barring""".split())
_BACK_WORDS = frozenset("this that these those such it them they he she him".split())
_OWNERS = frozenset({"its", "their"})  # whose? "Today, its method works …"
_BACK_IS = frozenset(w.replace("'", mark) for mark in "'’" for w in
                     "it's that's they're he's she's there's it'll they'll he'll she'll".split())
_LEAD_INS = frozenset("now today then again later soon maybe perhaps probably should had were"
                      .split())
"""Words that, followed by a pronoun ("Now it …", "Should it …"), carry on a thought."""
_INTERJECTIONS = frozenset("why well yeah yep nope hey wow alas sure oh".split())
"""Spoken openers before a comma ("Why, yes, …", "Well, …"): a reply to something said."""
_LATER = re.compile(
    r"^(?:(?:not long|shortly|soon|right|just|immediately)\s+after(?:wards?)?,|"
    r"(?:(?:less than|more than|about|nearly|almost|just|only|some)\s+)?"
    r"(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|\d+)\s+)?"
    r"(?:moments?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\s+later\b)", re.IGNORECASE)
"""Time counted from an event the sentence does not name ("Not long after, …", "Two days
later, …"); "Shortly after 9 a.m." names its time and stands alone."""
_NOT_ANTECEDENT = frozenset(CALENDAR)


def leans_back(text: str, words: list[str], in_account: bool = False) -> bool:
    """Does the sentence (`words`: its words) lean on the one before it: a dangling first
    word or phrase, "The move ...", or a pronoun in or right after an opening phrase with
    no name it could point to ("Despite this, ...", "Today, it was ...")?"""
    first = bare_word(words[0])  # "That’s" is "that's"
    quoted = text[0] in OPENING_MARKS and len(words) > 1
    if quoted and (first in FIRST_SINGULAR or in_account and _speaks_of_the_story(first, words)) \
            and named_speaker(text):
        return False  # the speaker's own words, and the speaker is named
    if first in DANGLING or _dangling_phrase(words, quoted) \
            or _REFERENCE_BACK.match(text) or _NEWS_BACK.match(text) \
            or _PART_OF_BACK.match(text) or _ITSELF.match(text) or _SHARE_OF_UNNAMED.match(text) \
            or _bare_definite(text.lstrip(OPENING_MARKS)) or _LATTER.match(text) \
            or _ONE_OF_MANY.match(text) or not in_account and given_unnamed(text) \
            or _DEFINITE_INTRO.match(text) or _SIMILAR.match(text) or points_back_inside(text) \
            or count_unnamed(words) or _pronoun_after_subordinator(first, words, text) \
            or describes_the_pronoun(text):
        return True
    if quoted and first in SPEAKER_SELF or first == "to" and not _BACK_WORDS.isdisjoint(
            w.lower().strip(",") for w in words[1:4]):
        return True  # '"We …"' or '"I …"': who? "To say they …", "To help them …": who?
    if _GERUND_PRONOUN.match(text) and not _named_after_comma(text):
        return True  # "Throwing them in the freezer …": throwing what?
    if first in _LEAD_INS and len(words) > 1 and (
            words[1].lower().strip(",") in _BACK_WORDS | _BACK_IS
            or _bare_definite(text.split(None, 1)[1].lstrip(", "))) \
            and not (first in ("should", "had", "were") and _named_after_comma(text)):
        return True  # "Now it …", "Now the company has …"; "Had he lost, Holm would …" names
    if words[0].endswith(",") and first in _INTERJECTIONS or _LATER.match(text) \
            or one_for_a_noun(words):
        return True
    if un_named_speaker(text) or _INSERTED_CONNECTIVE.match(text) or _BARE_THOUGH.match(text):
        return True
    opening = _OPENING.match(text)
    if opening and _ATTRIBUTION_INTRO.fullmatch(opening.group(1)) and \
            opening.group(2).lower().replace("’", "'") in _SAID_BACK:
        return True  # "According to Meta, this should …": Meta said it, "this" is not Meta
    if opening and (_pronoun_set_apart(opening, first) or _demonstrative_after(opening)):
        return True  # "In Ohio, that's …", "Assuming the bill passes, that bridge …"
    if not opening or first not in _OPENERS:
        return False
    intro = opening.group(1).split()
    if first == "assuming" and intro[1:2] == ["that"]:
        del intro[1]  # "Assuming that …": "that" opens what is assumed, it stands for nothing
    if any(w.lower().strip("'’") in _BACK_WORDS for w in intro[1:] + [intro[0]]):
        return True
    if not _names_in(intro) and (_bare_definite(text[opening.start(2):])
                                 or _LATTER.match(text[opening.start(2):])
                                 or _ONE_OF_MANY.match(text[opening.start(2):])):
        return True  # "In a blog post, the company said …": which company?
    return not _names_in(intro) and opening.group(2).lower() in _BACK_WORDS | _BACK_IS | _OWNERS


def _dangling_phrase(words: list[str], quoted: bool) -> bool:
    """Does the sentence, or the quotation opening it, open on a `DANGLING_PHRASES` phrase
    ("As a result, …", '"For example, …')? In a quotation the speaker's "we" is the
    speaker ('"As we roll out more tools, …," Holt said'), not the writer's earlier report."""
    start = " ".join(words[:4]).lower().lstrip(OPENING_MARKS)
    if not start.startswith(_PHRASES_BY_START.get(start[:2], ())):
        return False
    second = start.split(" ", 2)[1:2]
    return not (quoted and second and second[0].strip(",") in SPEAKER_SELF)


def _speaks_of_the_story(first: str, words: list[str]) -> bool:
    """May a named speaker's quotation open on `first` in the brief? On "We" or "I" the
    speaker speaks of themselves, on "This ruling" or "These cuts" of a thing the quotation
    names, and the account around it tells which; "It was the hardest call," "That was the
    moment," "He loved that beard" point at something said just before the quotation,
    which the brief does not show (as a follow-on of that sentence it may)."""
    if first in SPEAKER_SELF or first == "there's":
        return True
    return first in _DEMONSTRATIVES and len(words) > 1 and not a_verb_after(
        NON_WORD.sub("", words[1]).lower())


_COMPARING = re.compile(
    r"(?:(?:just|much|very)\s+)?(?:unlike|like|as\s+with|compared\s+(?:to|with)|similar\s+to|"
    r"in\s+contrast\s+to)\s", re.IGNORECASE)
_ROLE = re.compile(r"as\s+(?:a|an|the|one\s+of|part\s+of)\s", re.IGNORECASE)
_SUBJECT_PRONOUNS = frozenset("it they he she it's they're he's she's".split())
_PERSONS = frozenset("he she they he's she's they're he'd she'd they'd".split())
_PREPOSITIONS = frozenset("""in on at for with by under over from across among during into
through within without per beyond besides amid despite of""".split())
"""Words that open a phrase with no verb: it sets a place, time or respect, never a thing a
"that" after it could stand for (an opening clause could: "If Orrin votes no, that …")."""


def _pronoun_set_apart(opening: re.Match[str], first: str) -> bool:
    """Does the main clause open on a pronoun that the opening phrase cannot name: a
    demonstrative or a person after a prepositional phrase ("In Orrin, that's …", "In
    an interview with the Gazette, she …": the names in it are its objects), a
    comparison ("Unlike the Ledger's phone, it folds …": not the Ledger's phone), a role
    ("As the studio's first game, it …": the phrase says what it is, not which), or an
    adverb naming nothing ("Unbelievably, it was free", "Thanks to a new sensor, it …")?"""
    pronoun = opening.group(2).lower().replace("’", "'")
    after = (opening.group(3) or "").lower()
    demonstrative = pronoun == "that's" or pronoun in _DEMONSTRATIVES and a_verb_after(after)
    if not (pronoun in _SUBJECT_PRONOUNS or demonstrative):
        return False
    clause = opening.string[opening.start(2):]
    if EXPLETIVE_IT.match(clause):
        return False  # "Last month, it was reported that …": "it" stands for nothing
    phrase = opening.group(1)
    if _COMPARING.match(phrase) or _ROLE.match(phrase):
        return True
    if first in _PREPOSITIONS and (demonstrative or pronoun in _PERSONS
                                   and not POSSESSOR.search(phrase)):
        return True  # "In Ohio, that's …", "In an AMA on Reddit, he …": not Ohio, not Reddit
    adverb = first not in _OPENERS and "ADV" in word_classes(first) or first == "thanks"
    return adverb and not _names_in(phrase.split()) and not _CLAUSE_SUBJECT.search(phrase)


_CLAUSE_SUBJECT = re.compile(
    r"\b(?:when|whenever|if|while|because|though|although|once|after|before|since|until)\s+"
    r"(?:a|an|the|every|each|any)\s", re.IGNORECASE)
"""A clause in the opening phrase with a subject of its own ("Sometimes when a device
fails, it fails …"): the pronoun after it may stand for that subject."""


_SAID_BACK = _DEMONSTRATIVES | {"that's", "they", "they're"}
"""After "According to Meta," these never stand for Meta ("it" may: "According to Valve,
it banned …")."""
_ATTRIBUTION_INTRO = re.compile(
    r"according to\s.+|as\s.+?\s(?:notes?|noted|reports?|reported|says|said|explains?|"
    r"explained|points? out|pointed out|writes|wrote|puts it|first reported)", re.IGNORECASE)
"""An opening phrase that only says who said it ("According to Meta", "As Electrek
notes"): the name in it is the source, not what a pronoun after it stands for."""


def _bare_definite(text: str) -> bool:
    """Does `text` open on a bare definite description (`_DEFINITE`)? A capitalised noun
    with a figure after it is a name ("the Phone 3 comes with …"), not one."""
    found = _DEFINITE.match(text)
    if found is None:
        return False
    noun, after = text[:found.end()].split()[-1], text[found.end():].lstrip()
    return not (noun[:1].isupper() and after[:1].isdigit())


_SUBORDINATORS = frozenset("""if when while because although though since unless once whether
as after before until""".split())
_PERSONAL = frozenset("he she they he's she's they're he'd she'd they'd his her their".split())


def _pronoun_after_subordinator(first: str, words: list[str], text: str) -> bool:
    """Does a subordinate clause open on "that", "these", "he", "his" or "the company"
    ("If that sounds …", "While that number halves, …", "When he started …, he found …"),
    which the sentence before named? "he", "she" or "they" may point ahead to a name in the
    main clause ("Though they are not a league team, the Oakland Ballers …"); "this week"
    is the writer's now."""
    if first not in _SUBORDINATORS or len(words) < 3:
        return False
    if _bare_definite(text.split(None, 1)[1]):
        return True  # "When the company re-ran the model, …": which company?
    second = bare_word(words[1])
    if second in _DEMONSTRATIVES:
        return not (second in ("this", "these") and
                    NON_WORD.sub("", words[2]).lower().rstrip("s") in TIME_NOUNS)
    return second in _PERSONAL and not _named_after_comma(text)


_GERUND_PRONOUN = re.compile(r"[A-Z][a-z]+ing\s+(?:it|them|him|her|this|these|those)\b")
"""An opening "-ing" phrase whose object is a pronoun ("Watching it play out …")."""


def _named_after_comma(text: str) -> bool:
    """Does the clause after the first comma, quotations aside, name someone the pronoun
    in the opening phrase may stand for ("Following her son's death, Becca Dallas …")?"""
    main = QUOTED.sub(" ", text).partition(",")[2].partition(";")[0].split()  # its clause
    return any(w[:1].isupper() and NON_WORD.sub("", w) not in _NOT_ANTECEDENT for w in main)


def _names_in(intro: list[str]) -> bool:
    """Does an opening phrase (its words) name someone or something a pronoun or "the
    company" after it could stand for: a capitalised word after its first, not where words
    were posted ("In a series of posts on X, it said …", "In a YouTube video, the company
    …"), or a figure?"""
    return any(w[0].isupper() and w.strip(".,") not in _NOT_ANTECEDENT and not (
        k == len(intro) - 1 and intro[k - 1].lower() == "on") and not _posted_on(intro, k)
        or w[0].isdigit() for k, w in enumerate(intro[1:], start=1))


def _posted_on(intro: list[str], k: int) -> bool:
    """Is word `k` of an opening phrase a platform named for where words were posted ("a
    YouTube video", "an X post"; not "Reddit power users")?"""
    return intro[k].strip(".,") in PLATFORMS and k + 1 < len(intro) \
        and intro[k + 1].strip(".,") in POSTS


def _demonstrative_after(opening: re.Match[str]) -> bool:
    """Does "this", "that", "these" or "those" open the clause after an opening phrase
    ("Like the Ledger's suit, this lawsuit …")? A name in the phrase does not tell which
    thing it points at, unless the phrase holds the noun itself ("After the vote, this
    vote …") or the noun is a time ("In May, this year's …")."""
    after = (opening.group(3) or "").lower().replace("’", "'")
    if opening.group(2).lower() not in _DEMONSTRATIVES or a_verb_after(after):
        return False  # "…, that hasn't stopped …": a pronoun, whose clause may be the phrase
    noun = after.removesuffix("'s")
    return noun not in TIME_NOUNS and noun not in opening.group(1).lower().split()
