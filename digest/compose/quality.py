"""Can a sentence stand alone in a summary box? And safe light rewrites.

`problem` names the first reason a sentence cannot be shown out of context
(dangling pronoun, connective or "The move"-style reference back, a pronoun
after an opening phrase with nothing it could refer to, a speaker who is only
"he" or "she", question, exclamation, truncated text, unattributed quote,
first-person aside, a pointer at the source page's layout ("the image above"),
boilerplate, too short or long, unbalanced quotes/brackets, heading or
caption), or returns None. The light rewrites that make a sentence showable
by removing words are `digest.compose.trim`'s.
"""

from __future__ import annotations

import re

from digest.compose.sentences import TEXT
from digest.text.stopwords import FUNCTION_WORDS
from digest.text.wordclass import base_verb, only_a_verb, word_classes

DANGLING = frozenset("""he she it they them this that these those his her its their him which
but however also meanwhile moreover furthermore additionally besides likewise similarly
nevertheless nonetheless otherwise thus therefore hence consequently instead still yet so and
or nor then there's here's such both neither either another others whereas plus again
later afterwards earlier accordingly regardless indeed anyway overall ultimately that's it's
they're he's she's they've it'll that'll they'll he'll she'll he'd she'd they'd there'd first
second third finally lastly next importantly critically notably strikingly interestingly
other here oh yes sure okay ok basically essentially actually luckily thankfully naturally
obviously clearly sadly unfortunately fortunately ironically admittedly""".split())
_DANGLING_PHRASES = ("as a result", "in addition", "for example", "for instance", "on the other",
                     "in contrast", "by contrast", "in turn", "at the same time", "the latter",
                     "the former", "in other words", "that said", "even so", "not only",
                     "on top of that", "to that end", "as such", "as well", "to be clear", "first up",
                     "the result is", "the consequences", "the answer", "the reason", "the same",
                     "speaking of", "talking of", "as for", "on the subject of", "as mentioned",
                     "as noted", "as we", "in the same vein", "along those lines",
                     "in fact", "in short", "in sum", "after all", "of course", "simply put",
                     "put simply", "with that", "all of this", "all of that", "all this",
                     "all that", "which is why", "despite this", "despite that", "because of this",
                     "because of that", "beyond that", "beyond this", "on that note", "to do so",
                     "to do this", "the other", "the rest", "not to mention", "what's more",
                     "even then", "better yet", "the catch", "the problem", "the good news",
                     "the bad news", "the upshot", "the key point", "the big question",
                     "the difference", "either way", "in this case", "in that case",
                     "at this point", "at that point", "since then", "from there", "like this",
                     "like that", "one of them", "some of them", "many of them", "all of them",
                     "none of them", "read on")
_REFERENCE_BACK = re.compile(
    r"^(?:the|this|that|these|those|such)\s+(?:move|moves|decision|change|changes|announcement|"
    r"news|step|shift|development|effort|incident|revelation|outcome|twist|result|results)\b"
    r"(?!\s+(?:of|by|to|from|that|for|on|in|at|with|which|between|behind)\b)", re.IGNORECASE)
""""The move comes after ...": a noun that only names what the previous sentence said."""
REFERRING_NOUNS = ("""company companies firm startup group agency app tool model feature platform service
product device deal report lawsuit suit plan update study survey research post letter document
filing executive spokesperson spokesman spokeswoman official officials government administration
maker giant list announcement statement version program programme project system phone laptop
game console watch headset robot chip car vehicle bill law rule ruling policy proposal team
brand chatbot assistant bot campaign investigation probe attack breach outage company's firm's
startup's app's platform's device's agency's group's utility carmaker automaker chipmaker lender
bank retailer insurer airline manufacturer developer publisher provider operator utility's
carmaker's bank's experiment experiments initiative trial integration round idea event trailer
settlement complaint sequel sale launch acquisition partnership merger agreement contract case
rollout test studio organization investment funding offer decision move change changes effort
collaboration purchase verdict incident issue problem flaw vulnerability bug video clip footage
leak leaker interview podcast episode paper memo email""".split())
"""Nouns that, after "The" and with nothing naming them, stand for something said before."""
_REFERRING = "|".join(sorted(REFERRING_NOUNS, key=len, reverse=True))
_DEFINITE = re.compile(
    r"^(?:the|this|that|these|those)\s+"
    r"(?:(?!(?:first|second|third|last|only|next|same|other|top|most|best|world)\b)"
    r"(?-i:[a-z][a-z-]*)(?<!est)\s+){0,2}"
    rf"(?:(?:{_REFERRING})['’]s(?![\w-])|(?:{_REFERRING})(?![\w'’-])(?!\s+(?:{_REFERRING})\b)"
    r"(?!\s+(?:of|by|from|that|which|who|behind|between|called|named|known)\b)"
    r"(?!,?\s+(?-i:[A-Z])))", re.IGNORECASE)
""""The company has said ...", "The tech giant's plugin ...", "The social media app lets you
...": a bare definite description, up to two lower-case modifiers before its noun (not
"The carmaker Harwick Motors ...", which names it, nor "The first company to ...")."""
_DEFINITE_INTRO = re.compile(
    r"^(?:according to|in|per|under|based on|from|with|after)\s+(?:the|this|that|these|those)\s+"
    r"(?:(?-i:[a-z][a-z-]*)\s+){0,2}"
    rf"(?:{_REFERRING})(?:['’]s)?\s*,", re.IGNORECASE)
"""The same as an opening phrase ("According to the report, …", "Under the deal, …", "In
the video, …"): which report, deal or video, the sentence does not say."""
_PART_OF_BACK = re.compile(
    r"^(?:some|all|many|most|few|none|each|one|both|several|any|much|part|half|neither|either)"
    r"(?:\s+or\s+(?:all|most|none|both))?\s+of\s+(?:these|those|them|this|that|it|its|their)\b",
    re.IGNORECASE)
""""Some or all of those changes …", "Many of them …": a share of something said before."""
_ITSELF = re.compile(r"^the\s+(?:[a-z-]+\s+){1,2}(?:itself|themselves)\b", re.IGNORECASE)
""""The lake itself has tripled …": set against something the sentence before said."""
_LATTER = re.compile(r"^the\s+(?:latter|former)\b", re.IGNORECASE)
_OPENING = re.compile(r"^([^,]{1,70}),\s+([\w'’]+)")
_OPENERS = frozenset("""after before when while since as if in on at for with despite following
today yesterday now then still meanwhile instead earlier later previously currently recently
also so again ultimately overall separately by under over from until unlike like amid during
once because though although of prior""".split())
_BACK_WORDS = frozenset("this that these those such it them they he she him".split())
_BACK_IS = frozenset("it's that's they're he's she's there's it’s that’s they’re he’s she’s there’s"
                     .split())
_NOW = frozenset("now today then again later soon".split())
_LEAD_INS = _NOW | frozenset("maybe perhaps probably".split())
"""Words that, followed by a pronoun ("Now it …", "Maybe it can …"), carry on a thought."""
_INTERJECTIONS = frozenset("why well yeah yep nope hey wow alas sure oh".split())
"""Spoken openers before a comma ("Why, yes, …", "Well, …"): a reply to something said."""
_LATER = re.compile(
    r"^(?:(?:not long|shortly|soon|right|just|immediately)\s+after(?:wards?)?,|"
    r"(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|\d+)\s+)?"
    r"(?:moments?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\s+later\b)",
    re.IGNORECASE)
"""Time counted from an event the sentence does not name ("Not long after, …", "Two days
later, …"); "Shortly after 9 a.m." names its time and stands alone."""
_ORDINALS = frozenset("first second third fourth fifth last other rest".split())
_ONE_FOR_A_NOUN = frozenset("""is are was were has have had will would can could might may
should must does do did""".split())
_NOT_ANTECEDENT = frozenset("""Monday Tuesday Wednesday Thursday Friday Saturday Sunday January
February March April May June July August September October November December""".split())
_BOILERPLATE_TEXT = tuple("""sign up|subscribe to our|subscribe now|subscribe for|subscribe today|
newsletter|click here|read more|read next|also:|related:|see also|we may earn|earn a commission|
affiliate link|sponsored|promo code|coupon|discount code|best deals|deal of the day|early deals|
holiday deals|prime day deals|deals on|% off|buy now|shop now|at amazon|all rights reserved|©|
follow us|share this|share on|advertisement|image credit|photo:|photograph:|photo by|getty images|
shutterstock|originally appeared|originally published|contact us|tips@|reporting by|
additional reporting|editing by|written by|don't miss|trust zdnet|zdnet's|rigorous testing and|
preferred google source|
our editors|opinions expressed|this article|terms of service|privacy policy|updated:|posted:|
http://|https://|www.|request for comment|requests for comment|full story|pic.twitter|
tech leaders|save your spot|register now|get the app|get our newsletter|editor's note|
this week's episode|in-depth zdnet|disclosure:|head over to|read the full|full report|
check out|in the comments|let us know|waitlist|early bird|techcrunch disrupt|all stage pass|
heavy hitters|contributing writer|senior editor|staff writer|if you buy|when you buy|
independently selected|percent off|story continues|image:|credit:|read on|appeared first on|
opt in for|opt in here|opt-in here|reached out to|for comment and will|
did not immediately respond|didn't immediately respond""".replace("\n", "")
                          .split("|"))


def _any_of(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """A regex found in a text exactly when one of `phrases` is in it: the phrases as
    a trie (a shared prefix written once), which the regex engine scans several times
    faster than one alternative or one substring test per phrase."""
    trie: dict[str, dict] = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, dict]) -> str:
        if "" in node:  # a phrase ends here: it is found whatever follows
            return ""
        options = [re.escape(char) + pattern(child) for char, child in sorted(node.items())]
        return options[0] if len(options) == 1 else f"(?:{'|'.join(options)})"

    return re.compile(pattern(trie))


_BOILERPLATE_ANY = _any_of(_BOILERPLATE_TEXT)
_BOILERPLATE_PATTERNS = ((re.compile(r"\bjoin [\d,]+\+? "), "join "),
                         (re.compile(r"\bdisrupt 20\d\d\b"), "disrupt 20"))
"""Boilerplate that is not a fixed phrase, each with a substring it cannot match without."""
_TRIGGER_WORD = re.compile(r"[a-z©@%]+")
_TRIGGERS = frozenset(max(_TRIGGER_WORD.findall(p), key=len) for p in _BOILERPLATE_TEXT) \
    | {"join", "disrupt"}
_GREETING = re.compile(r"(?:Welcome|Welcome back|Hello|Hi),?\s+(?:to|and welcome to|everyone|"
                       r"readers|folks)\b")
"""A column's greeting to its readers ("Welcome to Video Games Weekly"): site furniture."""
_NOTICE = re.compile(r"(?:update|updated|correction|clarification)\b[^:]{0,40}:", re.IGNORECASE)
"""An update note at the start ("Update, June 25: ..."); used with `match`."""
_DEAL_PRICE = re.compile(r"\(\$[\d,.]+ off\)", re.IGNORECASE)
"""A deal price ("for $280 ($120 off)"), only looked for after a "($"."""
_BIO = re.compile(r"^(?!.*\b(?:said|says|told|according to)\b)"
                  r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3} (?:is|was|has been) (?:an? |the )?"
                  r"[^.]{0,60}\b(?:reporter|writer|editor|correspondent|journalist|contributor|"
                  r"columnist|producer)s?\b(?: (?:at|for|with|on)\b|\.$)")
"""An author bio: "Jane Doe is a senior reporter at The Outlet covering AI.", "Jane Doe is
The Outlet's environment reporter."."""
_BIO_WORDS = ("reporter", "writer", "editor", "correspondent", "journalist", "contributor",
              "columnist", "producer")
"""One of these is in every `_BIO` match: the regex runs only when one is."""
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|according to|wrote|writes|noted|notes|"
    r"explained|stated|argued|claimed|claims|warned|warns|announced|insisted|asked|"
    r"remarked|observed|commented|acknowledged|admitted|cautioned|recalled|continued|called|calls|"
    r"described|describes|dubbed|reported|reports|read|reads|showed|shows|found|finds|"
    r"promised|promises|pledged|vowed|urged|wrote|posted|tweeted|testified)\b", re.IGNORECASE)
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")
_FIRST_PERSON = re.compile(r"(?<![-‑/])(?<!War )(?<!Title )(?<!Phase )(?<!Type )(?<!Class )"
                           r"(?<!Part )(?<!Stage )(?<!Chapter )"
                           r"\b(?:I(?![-‑])|I'm|I've|I'd|I'll|[Mm]y|me|mine|[Ww]e|"
                           r"[Ww]e're|[Ww]e've|[Ww]e'll|[Ww]e'd|[Oo]ur|ours|us|[Ll]et['’]s)\b")
"""The writer's own voice. A capital I joined by a hyphen ("ARSO-I", "I-95") or after
"War", "Title", "Phase" ... ("World War I") is a name or a numeral, not the pronoun."""
_SECOND_PERSON = re.compile(r"^(?:if )?you\b|\byour\b", re.IGNORECASE)
_READER_OK = re.compile(r"\b(?:you can|you could|you'll be able|you will be able|lets you|let you|"
                        r"allows you|allow you|enables you|gives you)\b|\byour\b", re.IGNORECASE)
_YOU = re.compile(r"\byou(?:['’](?:re|ll|ve|d))?\b", re.IGNORECASE)
_CONDITIONAL_YOU = re.compile(r"(?:if|when|whether|once|before|after|as)\s+(?:you|your)\b",
                              re.IGNORECASE)
_NOT_WORD = re.compile(r"[^\w']")
_LIST_NUMBER = re.compile(r"\d{1,2}[.)]$")
_TERMINAL = re.compile(r"[.!…]['\"”’)\]]*$")


def problem(text: str, kind: str = TEXT, *, min_words: int = 8, max_words: int = 45,
            reader: bool = False, in_account: bool = False) -> str | None:
    """Why `text` cannot stand alone, or None if it can; `reader=True` allows
    sentences telling the reader what they can do ("You can now ..."); `in_account=True`
    (the brief, read as one account of the story) lets a quotation attributed to a named
    speaker open on a pronoun ('"It was a hard call," Mayor Holt said'): the account
    around it says what the speaker means."""
    if kind != TEXT:
        return "heading, list item or caption"
    words = text.split()
    if not min_words <= len(words) <= max_words:
        return "too short" if len(words) < min_words else "too long"
    if not _TERMINAL.search(text[-4:]):
        return "no sentence ending (heading or caption)"
    end = text.rstrip("\"”’') ]")
    if end.endswith("?"):
        return "question"
    if text.rstrip().endswith("!"):
        return "exclamation"
    if end.endswith(("...", "…")):
        return "truncated"
    if is_boilerplate(text):
        return "boilerplate"
    return _context_problem(text, words, reader, in_account)


def stands_alone(text: str, *, reader: bool = False) -> bool:
    """Can a reader take in `text` with nothing before it: no opener leaning on an earlier
    sentence (pronoun, "This", "The company", a connective, a quotation opening on
    "We"), no unattributed quote, no aside, boilerplate or truncation (`problem`, any
    length)? The test every generated sentence passes; public for other sections."""
    return problem(text, min_words=1, max_words=10_000, reader=reader) is None


def is_boilerplate(text: str) -> bool:
    """Promotional or site furniture text ("Sign up", "We may earn", "©", "Update, June 2:")?"""
    if _NOTICE.match(text) or "($" in text and _DEAL_PRICE.search(text) or \
            any(map(text.__contains__, _BIO_WORDS)) and _BIO.match(text):
        return True
    if _GREETING.match(text):
        return True
    low = text.lower().replace("’", "'")
    if _TRIGGERS.isdisjoint(_TRIGGER_WORD.findall(low)):
        return False
    return _BOILERPLATE_ANY.search(low) is not None or \
        any(needle in low and pattern.search(low) for pattern, needle in _BOILERPLATE_PATTERNS)


def _context_problem(text: str, words: list[str], reader: bool,
                     in_account: bool) -> str | None:
    if not _balanced(text):
        return "unbalanced quotes or brackets"
    if _dangling(text, words, in_account):
        return "dangling start"
    if not words[0][0].isupper() and not words[0][0].isdigit() and words[0][0] not in "\"“$":
        return "starts mid-sentence"
    if words[0][0].isdigit() and _LIST_NUMBER.match(words[0]):
        return "list number"
    outside = _QUOTED.sub(" ", text)
    quoted = len(words) - len(outside.split())
    if quoted and (quoted >= 0.4 * len(words) or text[0] in "\"“") \
            and not _ATTRIBUTION.search(outside):
        return "quote without attribution"
    if _FIRST_PERSON.search(outside):
        return "first person"
    if _SECOND_PERSON.search(outside) and (not reader or _CONDITIONAL_YOU.match(outside)
                                            or _YOU.search(_READER_OK.sub(" ", outside))):
        return "addresses the reader"
    if _PAGE_LAYOUT.search(outside):
        return "points at the source page"
    if len(words) <= _ELLIPSIS_WORDS and _ELLIPTICAL_END.search(text):
        return "elliptical ending"
    if _instruction(words):
        return "instructs the reader"
    return None


_ELLIPTICAL_END = re.compile(
    r"(?:\b(?:is|are|was|were|do|does|did|has|have|had|will|would|can|could|should|it['’]s|"
    r"that['’]s)\s+not|n['’]t)[.!]['\"”’)]*$", re.IGNORECASE)
_ELLIPSIS_WORDS = 8
"""A short sentence ending on a negated auxiliary ("In the case of PikaOS, it's not.",
"Google hasn't."): the verb it stands for is in the sentence before. A longer one
usually has that verb itself ("… everything you want to do at work, but can't.")."""


def _instruction(words: list[str]) -> bool:
    """Does the sentence tell the reader what to do ("Open the Settings app …", "Fire up
    ChatGPT …", "Don't expect …"): a verb's base form, then what it acts on, or a
    negative command? Service steps and advice, not news."""
    if words[0] in ("Don't", "Don’t") or words[0] == "Do" and len(words) > 1 \
            and words[1] == "not":
        return True  # "Don't expect to see …"
    if len(words) < 2 or not words[0][:1].isupper() or not words[0][-1:].isalpha():
        return False  # "Dot, an AI companion app, …": a name and its apposition
    first, after = _NOT_WORD.sub("", words[0]), _NOT_WORD.sub("", words[1]).lower()
    return after in _ACTED_ON and first.lower() not in _NOT_INSTRUCTIONS and base_verb(first)


_ACTED_ON = frozenset("the a an your this these those it them up out off any all some "
                      "every more".split())
_NOT_INSTRUCTIONS = FUNCTION_WORDS | {"like", "unlike"}
"""Words that open a sentence as a preposition or conjunction ("While the …", "Like the
original bill, …"), though English also uses them as verbs."""
"""Words that follow an instruction's verb ("Claim this deal", "Check out …")."""


_PAGE_LAYOUT = re.compile(
    r"\bas you can see\b|\b(?:image|photo|picture|video|chart|graph|graphic|table|gallery|"
    r"screenshot|clip|tweet|post|embed|list|map)s?\s+(?:above|below)\b|"
    r"\b(?:pictured|shown|seen|embedded|listed|linked)\s+(?:above|below)\b|"
    r"\b(?:see|watch|scroll)\s+(?:above|below)\b|^(?:below|above)\s+(?:is|are)\b|"
    r"\bthe above\b|\b(?:keep|continue) reading\b|\b(?:listed|linked|shown|pictured) here\b|"
    r"\bas (?:previously|already|earlier) (?:stated|mentioned|noted|reported|said|explained)\b|"
    r"\bas (?:stated|mentioned|noted|explained) (?:earlier|above|before|previously)\b",
    re.IGNORECASE)
"""A sentence that points at the layout of the page it was scraped from ("the image
above", "as you can see", "listed below"): the digest page has no such image or list."""


def _dangling(text: str, words: list[str], in_account: bool = False) -> bool:
    """Does the sentence lean on the one before it: a dangling first word or phrase,
    "The move ...", or a pronoun in or right after an opening phrase with no name
    it could point to ("Despite this, ...", "Today, it was ...")?"""
    first = _NOT_WORD.sub("", words[0].replace("’", "'")).lower()  # "That’s" is "that's"
    quoted = text[0] in "\"“‘'" and len(words) > 1
    if quoted and (first in _FIRST_SINGULAR or in_account and first in _QUOTED_REFERENCE) \
            and _named_speaker(text):
        return False  # the speaker's own words, and the speaker is named
    start = " ".join(words[:4]).lower()
    if first in DANGLING or start.startswith(_DANGLING_PHRASES) or _REFERENCE_BACK.match(text) \
            or _PART_OF_BACK.match(text) or _ITSELF.match(text) \
            or _DEFINITE.match(text) or _LATTER.match(text) or _DEFINITE_INTRO.match(text):
        return True
    if quoted and first in _SPEAKER_SELF:  # a quote opening on "We ..." or "I ...": who?
        return True
    if first in _LEAD_INS and len(words) > 1 and (
            words[1].lower().strip(",") in _BACK_WORDS | _BACK_IS
            or _DEFINITE.match(text.split(None, 1)[1].lstrip(", "))):
        return True  # "Now it …", "Now the company has …"
    if words[0].endswith(",") and first in _INTERJECTIONS or _LATER.match(text) \
            or _one_for_a_noun(words):
        return True
    if _unnamed_speaker(text):
        return True
    opening = _OPENING.match(text)
    if not opening or first not in _OPENERS:
        return False
    intro = opening.group(1).split()
    if any(w.lower().strip("'’") in _BACK_WORDS for w in intro[1:] + [intro[0]]):
        return True
    named = any(w[0].isupper() and w.strip(".,") not in _NOT_ANTECEDENT or w[0].isdigit()
                for w in intro[1:])
    return not named and opening.group(2).lower() in _BACK_WORDS | _BACK_IS


_SPEAKER_SELF = frozenset({"we", "we're", "we've", "we'll", "our", "us", "i", "i'm", "i've",
                           "i'd", "i'll", "my"})
"""Words with which a quotation speaks of its speaker ("We will …", "I never …")."""
_FIRST_SINGULAR = frozenset({"i", "i'm", "i've", "i'd", "i'll", "my"})
"""A named speaker's "I" is the speaker; "we" still asks which group."""
_QUOTED_REFERENCE = _SPEAKER_SELF | frozenset(
    "he she it they them this that these those his her its their it's that's they're he's "
    "she's there's".split())
"""Pronouns a named speaker's quotation may open on in the brief, where the account
around it says whom or what they mean (connectives such as "But" still lean on words
the page does not show)."""


def _named_speaker(text: str) -> bool:
    """Is the quotation attributed to someone named outside it ('"…," said Mayor Dana
    Holt'; '"…," Holt told reporters')? Then its "I" or "we" is that speaker: a quote
    speaks in its speaker's voice."""
    outside = _QUOTED.sub(" ", text)
    if outside == text or not _ATTRIBUTION.search(outside) or _PRONOUN_SPEAKER.search(outside):
        return False  # no attribution, or a speaker who is only "he" or "she"
    return any(w[:1].isupper() and w not in _NOT_ANTECEDENT
               for w in (_NOT_WORD.sub("", w) for w in outside.split()))


def _one_for_a_noun(words: list[str]) -> bool:
    """Does "one" or an ordinal stand for a noun said before ("The biggest one might be
    …", "The new ones are …", "The second contains …"): "The", up to two words, "one(s)"
    (or "The" and an ordinal), then a verb? ("The one road into town …" and "The second
    bridge opens …" use them before their noun.)"""
    if words[0] != "The" or len(words) < 3:
        return False
    bare = [_NOT_WORD.sub("", w) for w in words[:5]]  # lower case only: "The 3D One" is a name
    ends = [k for k in range(1, min(4, len(bare) - 1)) if bare[k] in ("one", "ones")]
    if bare[1] in _ORDINALS:
        ends = [1]
    if not ends:
        return False
    after = bare[ends[0] + 1]
    return after in _ONE_FOR_A_NOUN or after.islower() and after.endswith(("s", "ed")) \
        and only_a_verb(after)


def _unnamed_speaker(text: str) -> bool:
    """Is the speaker a bare "he", "she", "they" or "it" ("…," he said; "…, it added")
    with no name before it, outside the quotation, that the pronoun could stand for?"""
    found = _PRONOUN_SPEAKER.search(text)
    if found is None:
        return False
    before = [_NOT_WORD.sub("", w) for w in _QUOTED.sub(" ", text[:found.start()]).split()]
    # A sentence's first word is capitalised anyway: it names someone only when it is
    # no dictionary word ("Holm said", not "Sales doubled").
    return not any(w[:1].isupper() and w not in _NOT_ANTECEDENT
                   and (k > 0 or not (word_classes(w) or w.lower() in FUNCTION_WORDS))
                   for k, w in enumerate(before))


_PRONOUN_SPEAKER = re.compile(
    r"\b(?:he|she|they|it)\s+(?:also\s+)?(?:said|says|say|told|tells|added|adds|explained|explains|"
    r"noted|notes|wrote|writes|argued|argues|insisted|insists|continued|continues|claimed|"
    r"claims)\b",
    re.IGNORECASE)


def _balanced(text: str) -> bool:
    straight = text.count('"') % 2 == 0
    curly = text.count("“") == text.count("”")
    return straight and curly and text.count("(") == text.count(")") and \
        text.count("[") == text.count("]")
