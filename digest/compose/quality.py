"""Can a sentence stand alone in a summary box? And safe light rewrites.

`problem` names the first reason a sentence cannot be shown out of context
(dangling pronoun or connective, question, unattributed quote, first-person
aside, boilerplate, too short or long, unbalanced quotes/brackets, heading
or caption), or returns None. `tidy` and `shorten` rewrite only by removing
words (a leading connective, a parenthetical, a trailing attribution, a
leading time phrase), so the result is still said by the source sentence.
"""

from __future__ import annotations

import re

from digest.compose.sentences import TEXT

DANGLING = frozenset("""he she it they them this that these those his her its their him
but however also meanwhile moreover furthermore additionally besides likewise similarly
nevertheless nonetheless otherwise thus therefore hence consequently instead still yet so and
or nor then there's here's such both neither either another others whereas plus again
later afterwards earlier accordingly regardless indeed anyway overall ultimately that's it's
they're he's she's they've it'll that'll they'll he'll she'll he'd she'd they'd there'd first
second third finally lastly next importantly critically notably strikingly interestingly
other""".split())
_DANGLING_PHRASES = ("as a result", "in addition", "for example", "for instance", "on the other",
                     "in contrast", "by contrast", "in turn", "at the same time", "the latter",
                     "the former", "in other words", "that said", "even so", "not only",
                     "on top of that", "to that end", "as such", "as well", "to be clear", "first up",
                     "the result is", "the consequences", "the answer", "the reason", "the same")
_CONNECTIVE = re.compile(r"^(?:(?:But|And|Yet),?|(?:However|Meanwhile|Still|So|Also|Now|Plus),)\s+")
_BOILERPLATE_TEXT = tuple("""sign up|subscribe to our|subscribe now|subscribe for|subscribe today|
newsletter|click here|read more|read next|also:|related:|see also|we may earn|earn a commission|
affiliate link|sponsored|promo code|coupon|discount code|best deals|deal of the day|early deals|
holiday deals|prime day deals|deals on|% off|buy now|shop now|at amazon|all rights reserved|©|
follow us|share this|share on|advertisement|image credit|photo:|photograph:|photo by|getty images|
shutterstock|originally appeared|originally published|contact us|tips@|reporting by|
additional reporting|editing by|written by|don't miss|trust zdnet|zdnet's|preferred google source|
our editors|opinions expressed|this article|terms of service|privacy policy|updated:|posted:|
http://|https://|www.|request for comment|requests for comment|full story|pic.twitter|
tech leaders|save your spot|register now|get the app|get our newsletter|editor's note|
this week's episode|in-depth zdnet""".replace("\n", "").split("|"))
_BOILERPLATE = re.compile(r"\bjoin [\d,]+\+? ", re.IGNORECASE)
_BOILERPLATE_ANY = re.compile("|".join(re.escape(p) for p in _BOILERPLATE_TEXT)
                              + r"|\bjoin [\d,]+\+? ")
_TRIGGER_WORD = re.compile(r"[a-z©@%]+")
_TRIGGERS = frozenset(max(_TRIGGER_WORD.findall(p), key=len) for p in _BOILERPLATE_TEXT) | {"join"}
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|according to|wrote|writes|noted|notes|"
    r"explained|stated|argued|claimed|claims|warned|warns|announced|insisted|asked|"
    r"remarked|observed|commented|acknowledged|admitted|cautioned|recalled|continued|called|calls|"
    r"described|describes|dubbed|reported|reports|read|reads|showed|shows|found|finds|"
    r"promised|promises|pledged|vowed|urged|wrote|posted|tweeted|testified)\b", re.IGNORECASE)
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|I'll|my|me|mine|we|we're|we've|our|ours|us)\b")
_SECOND_PERSON = re.compile(r"^(?:if )?you\b|\byour\b", re.IGNORECASE)
_PAREN = re.compile(r"\s*\((?:[^()]{1,80})\)")
_TRAIL_ATTRIBUTION = re.compile(
    r",\s+(?:the|a|an)\s+(?:\w+\s+)?(?:company|firm|agency|ministry|government|department|"
    r"regulator|startup|club|council|court|police|spokesperson|spokesman|spokeswoman|group|"
    r"bank|maker|utility|operator)\s+(?:said|says|announced|confirmed|added|noted)"
    r"(?:\s+(?:on|in|at|this|last)\b[^,\"“”]{0,40})?\.$")
_RELATIVE = re.compile(r",\s+(?:which|who)\s+[^,;\"“”()\d]{3,80},\s+")
_LEAD_TIME = re.compile(
    r"^(?:(?:On|Last|This|Earlier|Late|Early)\s+(?:this\s+)?(?:Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday|week|month|year|quarter|weekend|(?:Jan|Febr)uary|March|"
    r"April|May|June|July|August|(?:Septem|Octo|Novem|Decem)ber)(?:\s+\d{1,2})?"
    r"(?:\s+(?:morning|afternoon|evening|night))?|In a (?:statement|blog post|press release|"
    r"filing|post)(?:\s+on\s+\w+)?),\s+(?=\w)")
_TERMINAL = re.compile(r"[.!…]['\"”’)\]]*$")


def problem(text: str, kind: str = TEXT, *, min_words: int = 8, max_words: int = 45,
            reader: bool = False) -> str | None:
    """Why `text` cannot stand alone, or None if it can; `reader=True` allows
    sentences addressed to the reader ("You can now ...")."""
    if kind != TEXT:
        return "heading, list item or caption"
    words = text.split()
    if not min_words <= len(words) <= max_words:
        return "too short" if len(words) < min_words else "too long"
    if not _TERMINAL.search(text[-4:]):
        return "no sentence ending (heading or caption)"
    if text.rstrip("\"”’') ").endswith("?"):
        return "question"
    if is_boilerplate(text):
        return "boilerplate"
    return _context_problem(text, words, reader)


def is_boilerplate(text: str) -> bool:
    """Promotional or site furniture text ("Sign up", "We may earn", "©")?"""
    low = text.lower()
    if _TRIGGERS.isdisjoint(_TRIGGER_WORD.findall(low)):
        return False
    return bool(_BOILERPLATE_ANY.search(low))


def _context_problem(text: str, words: list[str], reader: bool) -> str | None:
    if not _balanced(text):
        return "unbalanced quotes or brackets"
    first = re.sub(r"[^\w']", "", words[0]).lower()
    start = " ".join(words[:4]).lower()
    if (first in DANGLING and not start.startswith("so far")) \
            or any(start.startswith(p) for p in _DANGLING_PHRASES):
        return "dangling start"
    if not words[0][0].isupper() and not words[0][0].isdigit() and words[0][0] not in "\"“$":
        return "starts mid-sentence"
    outside = _QUOTED.sub(" ", text)
    quoted = len(words) - len(outside.split())
    if quoted and (quoted >= 0.4 * len(words) or text[0] in "\"“") \
            and not _ATTRIBUTION.search(outside):
        return "quote without attribution"
    if _FIRST_PERSON.search(outside):
        return "first person"
    if not reader and _SECOND_PERSON.search(outside):
        return "addresses the reader"
    return None


def _balanced(text: str) -> bool:
    straight = text.count('"') % 2 == 0
    curly = text.count("“") == text.count("”")
    return straight and curly and text.count("(") == text.count(")") and \
        text.count("[") == text.count("]")


def tidy(text: str) -> str:
    """Drop a leading connective ("But", "However,") and short parentheticals."""
    out = _CONNECTIVE.sub("", text, count=1)
    out = _PAREN.sub("", out)
    out = re.sub(r"\s+([,.;:])", r"\1", out).strip()
    if not out:
        return text
    return out[0].upper() + out[1:]


def shorten(text: str) -> str:
    """A takeaway-sized version: `tidy`, then drop a leading time phrase and a
    trailing attribution of an unquoted statement ("..., the company said.")."""
    out = tidy(text)
    out = _LEAD_TIME.sub("", out, count=1)
    if not _QUOTED.search(out) and "“" not in out and '"' not in out:
        out = _TRAIL_ATTRIBUTION.sub(".", out)
        shorter = _RELATIVE.sub(" ", out, count=1)
        if len(shorter.split()) >= 8:
            out = shorter
    out = out.strip()
    return out[0].upper() + out[1:] if out else text
