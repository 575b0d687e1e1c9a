"""Can a sentence stand alone in a summary box? And safe light rewrites.

`problem` names the first reason a sentence cannot be shown out of context
(an opening that leans on the sentence before, `leaning.leans_back`; question,
exclamation, truncated text, unattributed quote, first-person aside, a fragment
(`fragments.fragment_problem`: no subject, an attribution with nothing said, broken
text), the reader told what to do or addressed, a pointer at
the source page's layout ("the image above"), an instruction to the reader,
boilerplate, too short or long, unbalanced quotes/brackets, heading or
caption), or returns None. The light rewrites that make a sentence showable
by removing words are `digest.compose.trim`'s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from digest.compose.blocks import TEXT
from digest.compose.captions import is_caption
from digest.compose.fragments import fragment_problem
from digest.compose.furniture import is_boilerplate
from digest.compose.leaning import leans_back
from digest.compose.marks import NON_WORD, QUOTED
from digest.compose.speakers import ATTRIBUTION
from digest.text.case import small_first_name
from digest.text.screen import may_contain
from digest.text.stopwords import FUNCTION_WORDS
from digest.text.wordclass import base_verb, only_a_verb

_FIRST_PERSON = re.compile(
    r"[IMmWwOoLlu](?<![\w\-‑/].)(?<!War .)(?<!Title .)(?<!Phase .)(?<!Type .)(?<!Class .)"
    r"(?<!Part .)(?<!Stage .)(?<!Chapter .)"
    r"(?:(?<=I)(?:(?![-‑])|'m|'ve|'d|'ll)|(?<=[Mm])y(?:self)?|(?<=m)(?:e|ine)|"
    r"(?<=[Ww])e(?:'re|'ve|'ll|'d)?|(?<=[Oo])ur(?:selves)?|(?<=o)urs|(?<=u)s|(?<=[Ll])et['’]s)\b")
"""The writer's own voice: "I", "I'm", "my", "myself", "me", "mine", "we", "we're", "our",
"ourselves", "ours", "us", "let's" as whole words. A capital I joined by a hyphen
("ARSO-I", "I-95") or after "War", "Title", "Phase" ... ("World War I") is a name or a
numeral, not the pronoun. (The first letter comes first, the look back at what precedes it
after: a pattern that starts with a character class is searched several times faster.)"""
_SECOND_PERSON = re.compile(r"^(?:if )?you\b|\byour\b", re.IGNORECASE)
_READER_OK = re.compile(r"\b(?:you can|you could|you'll be able|you will be able|lets you|let you|"
                        r"allows you|allow you|enables you|gives you)\b|\byour\b", re.IGNORECASE)
_YOU = re.compile(r"\byou(?:['’](?:re|ll|ve|d))?\b", re.IGNORECASE)
_CONDITIONAL_YOU = re.compile(r"(?:if|when|whether|once|before|after|as)\s+(?:you|your)\b",
                              re.IGNORECASE)
_LIST_NUMBER = re.compile(r"\d{1,2}[.)]$")
_TERMINAL = re.compile(r"[.!…]['\"”’)\]]*$")


def problem(text: str, kind: str = TEXT, *, min_words: int = 8, max_words: int = 45,
            reader: bool = False, in_account: bool = False) -> str | None:
    """Why `text` cannot stand alone, or None if it can; `reader=True` allows
    sentences telling the reader what they can do ("You can now ..."); `in_account=True`
    (the brief, read as one account of the story) lets a quotation attributed to a named
    speaker open on "We" or on a thing it names ('"This ruling changes nothing," Mayor Holt
    said'): the account around it says who and which (`leaning`); "It was …" still leans."""
    return length_problem(text, kind, min_words, max_words) or \
        verdict(text).reason(reader=reader, in_account=in_account)


def length_problem(text: str, kind: str, min_words: int, max_words: int) -> str | None:
    """The part of `problem` that depends on the length bounds: not running text, too
    short or too long (checked before everything `verdict` looks at)."""
    if kind != TEXT:
        return "heading, list item or caption"
    words = len(text.split())
    if not min_words <= words <= max_words:
        return "too short" if words < min_words else "too long"
    return None


@dataclass(frozen=True)
class Verdict:
    """What `problem` finds in a running-text sentence of the right length, for every
    `reader` and `in_account` flag at once: the selections check one text with
    different bounds and flags, and a caller keeping verdicts per text (`select`)
    works each out once. The fields are the reasons in `problem`'s order."""

    first: str | None = None
    """No sentence ending, question, exclamation, truncation, boilerplate, unbalanced."""
    leans: bool = False
    """`leaning.leans_back` (its `in_account=False` answer)."""
    leans_in_account: bool = False
    """`leaning.leans_back` with `in_account=True` (never true when `leans` is not)."""
    then: str | None = None
    """Mid-sentence or list-number start, unattributed quote, first person, a fragment."""
    you: bool = False
    """Speaks to the reader: opens on "you" or "If you", says "your", or tells "you" what
    they must, should or will do anywhere ("… is that you must subscribe")."""
    you_even_for_reader: bool = False
    """... and not only to say what the reader can do (what `reader=True` allows)."""
    last: str | None = None
    """Points at the page, elliptical ending, instruction."""

    def reason(self, *, reader: bool = False, in_account: bool = False) -> str | None:
        """The reason `problem` gives with these flags (length aside), or None."""
        if self.first:
            return self.first
        if self.leans_in_account if in_account else self.leans:
            return "dangling start"
        if self.then:
            return self.then
        if self.you_even_for_reader if reader else self.you:
            return "addresses the reader"
        return self.last


# Memos of pure functions of the text, not state: the same sentence always gets the
# same verdict, and one story's three selections, and sentences repeated across stories
# (a wire copy, an outlet's stock lines), ask about the same texts.
@lru_cache(maxsize=1 << 16)
def verdict(text: str) -> Verdict:
    """Everything `problem` asks of a running-text sentence except its length (a `Verdict`
    is frozen: one may be handed to every caller asking about that text)."""
    first = _ending_problem(text)
    if first is None and not _balanced(text):
        first = "unbalanced quotes or brackets"
    if first:
        return Verdict(first=first)
    words = text.split()
    leans, leans_in_account = leaning(text)
    outside = QUOTED.sub(" ", text)
    # Beyond what a reader can do ("lets you …", "you can …"), a "you" anywhere tells the
    # reader what they must, should or will ("… is that you must subscribe through Apple"):
    # a service piece's voice, never news.
    told = "you" in outside.lower() and (
        _CONDITIONAL_YOU.match(outside) is not None
        or _YOU.search(_READER_OK.sub(" ", outside)) is not None)
    return Verdict(
        leans=leans, leans_in_account=leans_in_account,
        then=_voice_problem(text, words, outside) or fragment_problem(text),
        you=told or (may_contain(outside, outside.lower(), ("you",))
                     and _SECOND_PERSON.search(outside) is not None),
        you_even_for_reader=told,
        last=_page_problem(text, words, outside))


@lru_cache(maxsize=1 << 16)
def leaning(text: str) -> tuple[bool, bool]:
    """(`leaning.leans_back`, the same with `in_account=True`) of a sentence, whatever its
    ending: a `verdict`'s `leans` and `leans_in_account` when its `first` is None. Alone,
    it rules out far more cheaply than a verdict that a sentence's one problem is leaning
    back."""
    words = text.split()
    leans = leans_back(text, words)
    return leans, leans and leans_back(text, words, in_account=True)


def _ending_problem(text: str) -> str | None:
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
    if is_caption(text):
        return "photo caption"
    return None


def stands_alone(text: str, *, reader: bool = False) -> bool:
    """Can a reader take in `text` with nothing before it: no opener leaning on an earlier
    sentence (pronoun, "This", "The company", a connective, a quotation opening on
    "We"), no unattributed quote, no aside, boilerplate or truncation (`problem`, any
    length)? The test every generated sentence passes; public for other sections."""
    return problem(text, min_words=1, max_words=10_000, reader=reader) is None


def _quotes_from_mid_sentence(first: str) -> bool:
    """Does the first word open a quotation on a small letter ('“you’ll now see results …,”
    according to Google')? A quotation that starts a sentence starts with a capital; one
    that does not was taken up in the middle of the speaker's sentence, and read alone it
    starts there too. Names spelt small ('“iOS 19 …”') are not meant."""
    if first[:1] not in "\"“":
        return False
    word = first.lstrip("\"“‘'")
    return word[:1].islower() and not small_first_name(word)


def _voice_problem(text: str, words: list[str], outside: str) -> str | None:
    """`outside` is the text with its quotations blanked."""
    if not words[0][0].isupper() and not words[0][0].isdigit() and words[0][0] not in "\"“$" \
            and not small_first_name(words[0]) or _quotes_from_mid_sentence(words[0]):
        return "starts mid-sentence"
    if words[0][0].isdigit() and _LIST_NUMBER.match(words[0]):
        return "list number"
    quoted = len(words) - len(outside.split())
    if quoted and (quoted >= 0.4 * len(words) or text[0] in "\"“") \
            and not ATTRIBUTION.search(outside):
        return "quote without attribution"
    if _FIRST_PERSON.search(outside):
        return "first person"
    return None


def _page_problem(text: str, words: list[str], outside: str) -> str | None:
    low = outside.lower()
    if any(map(low.__contains__, _PAGE_WORDS)) and _PAGE_LAYOUT.search(outside):
        return "points at the source page"
    if len(words) <= _ELLIPSIS_WORDS and _ELLIPTICAL_END.search(text) or \
            text.endswith(_TO_ENDINGS) and _ELLIPTICAL_TO.search(text):
        return "elliptical ending"
    if _instruction(words) or (">" in text or "›" in text) and _MENU_PATH.search(text):
        return "instructs the reader"
    if may_contain(outside, low, _NO_COMMENT_WORDS) and _NO_COMMENT.match(outside):
        return "no comment"
    return None


_MENU_PATH = re.compile(r"\b[A-Z][\w&]*(?: [\w&]+){0,3} ?[>›] ?[A-Z]")
"""A menu path ("Settings > General > Software Update"): the steps of a how-to."""
_NO_COMMENT = re.compile(
    r"[^,;]{0,80}\b(?:declined\s+to\s+comment|declined\s+to\s+be\s+interviewed|"
    r"(?:did\s+not|didn['’]t)\s+(?:immediately\s+)?(?:respond|reply|return)"
    r"(?:\s+to)?(?:\s+(?:a|an|our|the|multiple|repeated|several|e-?mailed|emailed))*\s+"
    r"(?:requests?|e-?mails?|calls?|questions|inquir(?:y|ies)|messages?)\b|"
    r"could\s+not\s+be\s+reached|had\s+no\s+(?:immediate\s+)?(?:comment|answers))"
    r"[^,;]{0,80}[.]['\"”’)]*$")
"""A sentence that only says someone would not speak ("Nvidia declined to comment.",
"CNN did not immediately return a call for comment."): nothing about the event itself."""
_NO_COMMENT_WORDS = ("declined", "not", "n't", "n’t", "had no")
"""One of these is in every `_NO_COMMENT` match."""


_ELLIPTICAL_END = re.compile(
    r"(?:\b(?:is|are|was|were|do|does|did|has|have|had|will|would|can|could|should|it['’]s|"
    r"that['’]s)\s+not|n['’]t)[.!]['\"”’)]*$", re.IGNORECASE)
_ELLIPSIS_WORDS = 8
"""A short sentence ending on a negated auxiliary ("In the case of PikaOS, it's not.",
"Google hasn't."): the verb it stands for is in the sentence before. A longer one
usually has that verb itself ("… everything you want to do at work, but can't.")."""


_ELLIPTICAL_TO = re.compile(
    r"\b(?:reason|need|needs|needed|want|wants|wanted|plan|plans|planned|going|ought|able|"
    r"likely|expected|supposed|try|trying|tried|hope|hopes|hoped|chance|intend|intends|"
    r"intended|promised|refused|declined|like|love|afford)\s+to[.!]['\"”’)]*$")
"""A to-infinitive without its verb ("… there may be reason to.", "… but it plans to."):
the verb it stands for is in the sentence before."""
_TO_ENDINGS = tuple(f"to{end}" for end in (".", "!", '."', ".”", ".’", ".'", ".)"))


def _instruction(words: list[str]) -> bool:
    """Does the sentence tell the reader what to do ("Open the Settings app …", "Fire up
    ChatGPT …", "Don't expect …"): a verb's base form, then what it acts on, or a
    negative command? Service steps and advice, not news."""
    if words[0] in ("Don't", "Don’t") or words[0] == "Do" and len(words) > 1 \
            and words[1] == "not":
        return True  # "Don't expect to see …"
    if (words[0].endswith(":") or words[0] in _BEFORE_A_COMMAND) and len(words) > 2 \
            and words[0][:1].isupper() and words[1][:1].islower():  # "Simply ask …", not
        # "Just Walk Out eliminated …" (a name); "Readers: claim …"
        return _instruction([words[1][:1].upper() + words[1][1:], *words[2:]])
    if len(words) > 2 and words[0][-1:] == "," and words[1] in _CONTRASTED_COMMAND \
            and base_verb(words[0][:-1]) and words[0][:-1].lower() not in _NOT_INSTRUCTIONS:
        return True  # "Embed, don't bolt on, …": one command set against another
    if _TO_THE_READER.match(" ".join(words[:12])):
        return True  # "Think of it as …", "Take Instacart, which …", "Remember, …"
    if len(words) < 2 or not words[0][:1].isupper() or not words[0][-1:].isalpha():
        return False  # "Dot, an AI companion app, …": a name and its apposition
    first, after = NON_WORD.sub("", words[0]), NON_WORD.sub("", words[1]).lower()
    if first.lower() in _NOT_INSTRUCTIONS or not base_verb(first):
        return False
    if after in _ACTED_ON or first.lower() in _STATE_COMMANDS and words[1][:1].islower():
        return True  # "Claim this deal"; "Stay kind, stay smart", "Get ready for …"
    # "Expect both of them …", "Listen to the full episode", "Discover how …": a verb English
    # never uses as a noun leaves no room for a name ("Access to apps is …" may be one).
    return after in _ASKED_ABOUT and words[1][:1].islower() and only_a_verb(first)


_TO_THE_READER = re.compile(
    r"(?:Think|Consider|Imagine|Remember)\b(?![-‑'’.])|Look at\b|"
    r"Take (?:note|a look|one|[A-Z][^,]{0,60},\s+(?:which|who|whose|one|a|an|the|for)\b)")
"""The writer turning to the reader's mind ("Think of it as …", "Consider the …", "Look at
…", "Take note …", "Take Instacart, which …": an example set before the reader): the
writer's aside, not the news."""
_CONTRASTED_COMMAND = ("don't", "don’t")
"""What follows "Build," in a command set against another ("Build, don't buy."); not
"not", as "Work, not play, fills …" opens on a noun."""
_STATE_COMMANDS = frozenset("be stay keep remain get".split())
"""Verbs that command a state ("Stay kind", "Be sure to …", "Get ready for …"): before a
small-letter word never a name's first word."""
_ACTED_ON = frozenset("the a an your this these those it them up out off any all some "
                      "every more".split())
"""Words that follow an instruction's verb ("Claim this deal", "Check out …")."""
_BEFORE_A_COMMAND = frozenset("Simply Just First Next Then Finally".split())
"""Adverbs an instruction may open on ("Simply ask Copilot to …")."""
_ASKED_ABOUT = frozenset("""both anyone everyone anything everything something someone how
what when where why whether if that to about""".split())
"""Words after an instruction's verb that are a question or a clause ("See if …", "Note
that …") or a pronoun or preposition ("Ask anyone …", "Listen to …")."""
_NOT_INSTRUCTIONS = (FUNCTION_WORDS - {"get", "be"}) | {"like", "unlike"}
"""Words that open a sentence as a preposition or conjunction ("While the …", "Like the
original bill, …"), though English also uses them as verbs."""


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
_PAGE_WORDS = ("above", "below", "you can", " read", " here", "prev", "already", "earl",
               "d before")
"""Every `_PAGE_LAYOUT` match has one of these in its lower case: the regex runs only
then. (Free of "i" and "s", whose case-insensitive matches include other letters.)"""


def _balanced(text: str) -> bool:
    straight = text.count('"') % 2 == 0
    curly = text.count("“") == text.count("”")
    return straight and curly and text.count("(") == text.count(")") and \
        text.count("[") == text.count("]") and not _single_quote_cut(text)


def _single_quote_cut(text: str) -> bool:
    """Is this a piece of a quotation in single quotes, which the splitter cannot keep
    whole (an apostrophe is the same mark): it opens one after a colon or comma and never
    closes it ("… who said: 'We sail in May."), or it ends on one it never opened
    ("Cabins stay cheap.'")?"""
    if "'" not in text and "‘" not in text and "’" not in text:
        return False
    opened = _SINGLE_OPENS.search(text)
    if opened:
        return _SINGLE_CLOSES.search(text, opened.end()) is None
    ends = _SINGLE_ENDS.search(text)
    return ends is not None and _SINGLE_ANY_OPEN.search(text) is None and \
        _ABBREVIATION.fullmatch(ends.group(1)) is None


_SINGLE_OPENS = re.compile(r"[:,]\s+['‘](?=[A-Z])")
_SINGLE_CLOSES = re.compile(r"(?<=[\w.!?,])['’](?=[\s.,;:!?)\"”]|$)")
_SINGLE_ENDS = re.compile(r"(\w+)[.!?]['’]$")
_ABBREVIATION = re.compile(r"[A-Z][a-z]{0,3}")
"""A short capitalised word before the last full stop ("Warner Bros.'", "Acme Inc.'") may be
an abbreviation before a possessive: that sentence may have been cut in the wrong place, not
inside a quotation."""
_SINGLE_ANY_OPEN = re.compile(r"(?:^|(?<=[\s(:—–-]))['‘](?=[A-Za-z])")
