"""Light rewrites that only remove words, so the result is still said by the source sentence.

`tidy` drops what is not part of the statement: a wire dateline, a heading label, a
leading connective or one set into the first clause or closing it, short parentheticals, an
early "also".
`shorten` makes a takeaway:
`tidy`, then a leading time phrase, a trailing attribution of an unquoted statement and,
for a long sentence, a trailing clause. Whether a sentence can be shown at all is
`digest.compose.quality`'s question.
"""

from __future__ import annotations

import re
from functools import lru_cache

from digest.compose.leaning import leans_back
from digest.text.datelines import strip_dateline
from digest.text.case import capitalize_first
from digest.text.figures import has_digit
from digest.text.saying import CONFIRMING, SAYING, STANCE, saying_verb
from digest.text.wordclass import can_be_a_verb, verb_or_auxiliary

_CONNECTIVE = re.compile(r"^(?:(?:But|And|Yet),?|(?:However|Meanwhile|Still|So|Also|Now|Plus|"
                         r"Additionally|Moreover|Furthermore|In addition|Instead|Then|That said|"
                         r"Even so|As a result|Separately|Elsewhere|Indeed|Notably|Either way|"
                         r"Regardless|In any case|In any event|Anyway|Nonetheless|Nevertheless|"
                         r"Of course|In fact|Ultimately|Overall|Besides|Likewise|Similarly|"
                         r"Interestingly|Importantly|Crucially|Finally|Lastly|On the other hand|"
                         r"Tellingly|Curiously|Oddly(?: enough)?|Strangely(?: enough)?|"
                         r"Predictably|Amusingly|"
                         r"By contrast|In contrast|Conversely|To recap|To sum up|To summarize|"
                         r"In summary|In short|In sum|Put simply|Simply put|Specifically|"
                         r"In comparison|Most notably|Most importantly|More importantly|"
                         r"For (?:its|their|his|her) part|Remember|To note|For reference|"
                         r"To address (?:this|that)|To that end|With that in mind|Further),)\s+")
_THE_THING_BEFORE = re.compile(r"[Tt]he\s+(?![a-z]+[A-Z])[a-z]")
"""After a connective that leans back, "the" and a common noun ("However, the internal specs
remained the same."): the connective tied the sentence to the one before, and the thing is
the one that sentence spoke of; without the connective it would read as if named. It stays,
and the sentence leans back ("the Senate", "the iPhone 17": names, which point nowhere)."""
_READER_NOTE = re.compile(r"^(?:(?:Note|Remember) that|It(?:['’]s| is) (?:worth (?:noting|"
                          r"mentioning|pointing out)|important to (?:note|remember))(?: that)?,?|"
                          r"It should be noted(?: that)?,?)\s+(?!(?:though|however|too)\b)(?=\S)")
"""The writer turning to the reader ("Note that …", "It's worth noting that …"): not part of
the statement that follows, which must stand without it."""
_NEWS_ASIDE = re.compile(
    r"^In (?:a|an|the|what)\s+(?:[\w'’-]+\s+){0,3}?(?:shocking|surprise|surprising|"
    r"unsurprising|bizarre|strange|weird|stunning|unexpected)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:twist|turn of events|news|development)(?: of the (?:week|day|year))?,\s+(?=[A-Z0-9])")
"""The writer's word on the news before the news ("In a shocking twist, …", "In the
week's least surprising news, …"): the statement holds without it."""
_INSERTED = re.compile(
    r"^(?P<head>[^,;:\"“”()]{1,80}),\s+(?:however|meanwhile|though|too|in fact|for example|"
    r"for instance|in turn|moreover|furthermore|likewise|similarly|nevertheless|nonetheless|"
    r"on the other hand|by contrast|in contrast|in the meantime),\s+(?=\S)")
"""A connective set into the first clause ("Siri, meanwhile, is …"): the same word as a
leading one, in the middle."""
_TRAILING = re.compile(r",\s+(?:however|though|meanwhile|instead|for instance|for example|"
                       r"of course)(?=[.!?]$)")
"""A connective at the end ("…, however."): it sets the sentence against one unseen."""
_OF_COURSE = re.compile(r",\s+of course,\s+")
"""The writer's aside set off by commas ("The iPad, of course, isn't the only tablet"): the
statement holds without it."""
_EXCLAIMED_ASIDE = re.compile(r"\s+[—–]\s+[^—–.!?]{1,40}[!?]\s+[—–]\s+")
"""The writer's exclamation or question set between dashes ("Libby is adding — you guessed
it! — AI."): an aside to the reader; the statement holds without it."""
_LABEL = re.compile(r"^(?:Why (?:it|this) matters|The big picture|(?:The )?[Bb]ottom line|"
                    r"What's next|Zoom (?:in|out)|Between the lines|Driving the news|"
                    r"By the numbers|"
                    r"The backstory|Context|Background|Go deeper|State of play|Reality check|"
                    r"Details|Key takeaways?|TL;DR|In brief|Q|A)\s*[:—–]\s+(?=\S)")
_ALSO = re.compile(r"^((?:[^\s\"“]+\s+){1,5}?)also\s+(?=[a-z])")
_PAREN = re.compile(r"\s*\((?:[^()]{1,80})\)")
# Its policy on top of the verbs of saying: not those of stance. "…, the company claimed."
# holds the words at a distance, and dropping it would state the claim as a fact.
_TRAIL_VERB = saying_verb([*(verb for verb in SAYING if verb not in STANCE), *CONFIRMING])
_TRAIL_ATTRIBUTION = re.compile(
    r",\s+(?:(?:the|a|an)\s+(?:\w+\s+)?(?:company|firm|agency|ministry|government|department|"
    r"regulator|startup|club|council|court|police|spokesperson|spokesman|spokeswoman|group|"
    r"bank|maker|utility|operator)|it)\s+" + _TRAIL_VERB +
    r"(?:\s+(?:on|in|at|this|last)\b[^,\"“”]{0,40})?\.$")
_RELATIVE = re.compile(r",\s+(?:which|who)\s+[^,;\"“”()\d]{3,80},\s+")
_TRAIL_CLAUSE = re.compile(r"(?:,|\s+[—–-]{1,2})\s+(?:which|who|including|such as|giving|making|"
                           r"allowing|letting|bringing|adding|meaning|as well as|while|whereas|"
                           r"following|after|amid|before|with|in a bet|in a move|"
                           r"(?:hours|days|weeks) (?:before|after))\s[^\"“”,]{4,}\.$")
_LEAD_TIME = re.compile(
    r"^(?:(?:On|Last|This|Earlier|Late|Early)\s+(?:this\s+)?(?:Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday|week|month|year|quarter|weekend|(?:Jan|Febr)uary|March|"
    r"April|May|June|July|August|(?:Septem|Octo|Novem|Decem)ber)(?:\s+\d{1,2})?"
    r"(?:\s+(?:morning|afternoon|evening|night))?|In a (?:statement|blog post|press release|"
    r"filing|post)(?:\s+on\s+\w+)?),\s+(?=\w)")
_SPACE_BEFORE_MARK = re.compile(r"\s+([,.;:])")
BOX_WORDS = 45
"""`fit` trims a sentence longer than this (the summary box's longest)."""
_MARK_AFTER_SPACE = re.compile(r"[,.;:](?<=\s.)")
"""A mark right after a space: in every `_SPACE_BEFORE_MARK` match, and found far faster (a
pattern opening on a character class skips ahead to the next mark; one opening on a space
is tried at every space)."""
TAKEAWAY_WORDS = 20
"""`shorten` drops a trailing clause from a sentence longer than this."""


# Memos of pure functions of the text, not state: `shorten` starts from `tidy`, both are
# asked about every candidate sentence of a story, and sentences recur across stories.
@lru_cache(maxsize=1 << 16)
def tidy(text: str) -> str:
    """Drop a wire dateline ("DENVER (AP) —"), a heading label ("Why it matters:"), a
    leading connective ("But", "However,"; kept when it leans back and "the" and a common
    noun follow, `_THE_THING_BEFORE`), note to the reader ("Note that", "It's worth noting
    that") or word on the news ("In a shocking twist,"), one set into the first clause
    ("Siri, meanwhile, is …") or closing the sentence ("…, however."), the asides ", of
    course," and "— you guessed it! —", short parentheticals and an early "also"."""
    out = strip_dateline(text)
    out = _LABEL.sub("", out, count=1)
    without = _CONNECTIVE.sub("", out, count=1)
    if without == out or not _THE_THING_BEFORE.match(without) or \
            not leans_back(out, out.split()):
        out = without
    out = _READER_NOTE.sub("", out, count=1)
    if out.startswith("In "):
        out = _NEWS_ASIDE.sub("", out, count=1)
    out = _INSERTED.sub(_without_connective, out, count=1)
    out = _TRAILING.sub("", out, count=1)
    if "of course" in out:
        out = _OF_COURSE.sub(" ", out, count=1)
    if "!" in out or "?" in out:
        out = _EXCLAIMED_ASIDE.sub(" ", out)
    # Each of the next two patterns needs its literal ("(", "also"), which most
    # sentences lack: a substring test is far cheaper than the search.
    if "(" in out:
        out = _PAREN.sub("", out)
    if "also" in out:
        out = _ALSO.sub(r"\1", out, count=1)
    if _MARK_AFTER_SPACE.search(out):
        out = _SPACE_BEFORE_MARK.sub(r"\1", out)
    out = out.strip()
    if not out:
        return text
    return capitalize_first(out)


def _without_connective(found: re.Match[str]) -> str:
    """The head without the connective; it keeps its comma unless a verb joins it to what
    follows ("Siri, meanwhile, is …" → "Siri is …"; "Google will, however, no longer …" →
    "Google will no longer …"; "North of the city, though, various …" keeps it)."""
    head = found.group("head")
    rest = found.string[found.end():].split(None, 1)
    joined = _verb_like(head.split()[-1]) or bool(rest) and _verb_like(rest[0])
    return head + (" " if joined else ", ")


def _verb_like(word: str) -> bool:
    return word.lower() in ("not", "never") or verb_or_auxiliary(word)


def _without_relative_clause(text: str) -> str:
    """`text` without its first non-restrictive ", which/who ...," clause, where the
    clause follows the subject ("The bridge, which opened in 1990, will close" → "The
    bridge will close"). After an introductory phrase ("Like X, which ..., Y will")
    the comma that ends the phrase is needed, so the clause stays."""
    found = _RELATIVE.search(text)
    if found is None:
        return text
    before, after = text[:found.start()], text[found.end():]
    if "," not in before and _INTRODUCTORY.match(before):
        return text
    if not any(_verb_like(w) or can_be_a_verb(w) for w in after.split()):
        # "the ABCs, which stands for antecedents, behaviors and consequences.": the
        # second comma was a list's, the clause runs to the end; cut, it would garble
        return text
    return before + " " + after


_INTRODUCTORY = re.compile(
    r"(?:Like|Unlike|After|Before|As|While|When|Whereas|Since|Because|Although|Though|If|"
    r"Despite|With|Without|Following|Besides|Beyond|Alongside|Compared|Much like)\b")


@lru_cache(maxsize=1 << 16)  # as `tidy`
def shorten(text: str) -> str:
    """A takeaway-sized version: `tidy`, then drop a leading time phrase and a
    trailing attribution of an unquoted statement ("..., the company said.",
    "..., it said."), and when still over `TAKEAWAY_WORDS` words, a trailing clause
    (", which ...", ", including ...", ", following ...") that leaves eight words or
    more and gives no figure ("…, which has 20 pixels per degree" is what "compare that
    with" needs): one fact per takeaway."""
    out = tidy(text)
    out = _LEAD_TIME.sub("", out, count=1)
    if "“" not in out and '"' not in out:  # an unquoted statement
        out = _TRAIL_ATTRIBUTION.sub(".", out)
        shorter = _without_relative_clause(out)
        if len(shorter.split()) >= 8:
            out = shorter
        if len(out.split()) > TAKEAWAY_WORDS:
            out = _without_trailing_clause(out)
    out = out.strip()
    return capitalize_first(out) if out else text


@lru_cache(maxsize=1 << 16)  # as `tidy`
def fit(text: str) -> str:
    """`tidy`, and a sentence over `BOX_WORDS` words without its trailing clause (",
    giving …", "…, following …", "… — including …") when that clause gives no figure and
    eight words or more are left: an editor trims a long sentence to fit a summary rather
    than leave its news out. A quotation is never cut (its words are the speaker's), nor
    a clause set inside the sentence (its closing comma may be a list's)."""
    out = tidy(text)
    if len(out.split()) <= BOX_WORDS or "“" in out or '"' in out:
        return out
    return _without_trailing_clause(out)


def _without_trailing_clause(text: str) -> str:
    """`text` without its trailing clause (`_TRAIL_CLAUSE`) unless the clause gives a
    figure (then it is the fact itself) or fewer than eight words would be left."""
    trailing = _TRAIL_CLAUSE.search(text)
    if trailing is None or has_digit(trailing.group()):
        return text
    shorter = text[:trailing.start()] + "."
    return shorter if len(shorter.split()) >= 8 else text
