"""Is a sentence the page's furniture rather than the story: promotion, sign-up and
deal lines, credits, author bios, an update note, a column's greeting, an outlet telling of
its own coverage? `quality.problem` calls these "boilerplate"; what is furniture is listed
here, apart from the other reasons a sentence cannot be shown.
"""

from __future__ import annotations

import re

from digest.content.outlets import KNOWN_OUTLETS
from digest.text.figures import has_digit
from digest.text.screen import may_contain
from digest.text.wordclass import word_classes

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
did not immediately respond|didn't immediately respond|will be reporting live|
will be live-blogging|will be liveblogging|follow along live|illustration:|file photo|
with english subtitles|anyone with information|this story was|this story has been|
left a message seeking|left messages seeking|could not be reached for comment|hide caption|
buy photo|x embed x share""".replace("\n", "")
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
                         (re.compile(r"\bdisrupt 20\d\d\b"), "disrupt 20"),
                         (re.compile(r"^(?:read|see|watch|listen to|view|hear)\b[^.!?]*\bhere\W*$"),
                          "here"),
                         (re.compile(r"^photos: "), "photos: "))
"""Boilerplate that is not a fixed phrase, each with a substring it cannot match without
("Read the senator's letter here.": the text of a link; "Photos: …", a gallery's title)."""
_TRIGGER_WORD = re.compile(r"[a-z©@%]+")
_TRIGGERS = frozenset(max(_TRIGGER_WORD.findall(p), key=len) for p in _BOILERPLATE_TEXT) \
    | {"join", "disrupt", "here", "photos"}
_GREETING = re.compile(r"(?:Welcome|Welcome back|Hello|Hi),?\s+(?:to|and welcome to|everyone|"
                       r"readers|folks)\b")
"""A column's greeting to its readers ("Welcome to Video Games Weekly"): site furniture."""
_OUTLETS = "|".join(sorted({re.escape(name) for name in KNOWN_OUTLETS.values()},
                           key=lambda name: (-len(name), name)))
_OWN_COVERAGE = re.compile(
    rf"\b(?:{_OUTLETS})"
    r"(?:['’]s\s+(?:team|staff|editors|reporters))?\s+(?:is|are|will\s+be|['’]ll\s+be|has\s+been|"
    r"have\s+been)\s+(?:reporting\s+on|covering|live-?blogging|tracking\s+all|rounding\s+up)\b")
"""An outlet telling of its own coverage ("Engadget will be covering the event in person",
"ZDNET is reporting on all the news …"): the page's furniture, not the news."""
_COVERING = ("reporting", "covering", "blogging", "tracking", "rounding")
"""One of these is in every `_OWN_COVERAGE` match."""
_NOTICE = re.compile(r"(?:update|updated|correction|clarification)\b[^:]{0,40}:", re.IGNORECASE)
"""An update note at the start ("Update, June 25: ..."); used with `match`."""
_DEAL_PRICE = re.compile(r"\(\$[\d,.]+ off\)", re.IGNORECASE)
"""A deal price ("for $280 ($120 off)"), only looked for after a "($"."""
_DEAL_ITEM = re.compile(r"[^.:;]{2,80}\bfor \$[\d,.]+(?:\s*\([^)]*\))?: ")
"""An item of a deals list ("AirPods Max for $430: Apple's only over-ear …"); `match`."""
_BIO = re.compile(r"^(?!.*\b(?:said|says|told|according to)\b)"
                  r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3} (?:is|was|has been) (?:an? |the )?"
                  r"[^.]{0,60}\b(?:reporter|writer|editor|correspondent|journalist|contributor|"
                  r"columnist|producer)s?\b(?: (?:at|for|with|on)\b| of .{1,40}\.$|\.$)")
"""An author bio: "Jane Doe is a senior reporter at The Outlet covering AI.", "Jane Doe is
The Outlet's environment reporter.", "Jane Doe is executive editor of The Outlet."."""
_BEAT_BIO = re.compile(r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,5} (?:covers|writes about|reports on) "
                       r"[^.]{0,80} (?:for|at) (?:The )?[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)?\.$")
"""An author bio by beat: "Jane Doe covers courts and the law for The Outlet."."""
_BIO_WORDS = ("reporter", "writer", "editor", "correspondent", "journalist", "contributor",
              "columnist", "producer", "covers ", "writes about", "reports on")
"""One of these is in every `_BIO` match: the regex runs only when one is."""

_CREDITS = re.compile(r"(?:Starring|(?:Written and )?[Dd]irected by|Produced by|"
                      r"Rated (?:G|PG|PG-13|R|NC-17)\b|Running time|Run time|Runtime)\b")
"""A review's credits line ("Starring Dana Holt and Ines Vale.", "Rated PG-13 for …");
used with `match`."""


_FIGURE_LABEL = re.compile(
    r"(?:Figure|Fig\.|Table|Extended Data Fig(?:ure|\.)?)\s*\d+[a-z]?\s*[:.|]")
"""A figure's or table's label ("Figure 6: Thermal model of …"); used with `match`."""
_REFERENCE_MARK = re.compile(r"(?<![\w./@-])([a-z]{4,})\d{1,3}(?:\s?,\s?\d{1,3}|[–-]\d{1,3})*"
                             r"(?=[\s,;:)]|\.(?:\s|$)|$)")
"""A word with a paper's reference number run on to it, the superscript flattened
("the mantle wedge11,12", "gravity anomalies15.")."""


def is_apparatus(text: str) -> bool:
    """A research paper's apparatus rather than prose a reader can take in: a figure or
    table label, or reference numbers run on to words ("… in central Oregon13")?"""
    if text[:1] in "FTE" and _FIGURE_LABEL.match(text):
        return True
    # A reference number has a digit: most sentences have none and skip the slow search.
    return has_digit(text) and \
        any(word_classes(m.group(1)) for m in _REFERENCE_MARK.finditer(text))


def is_boilerplate(text: str) -> bool:
    """Promotional or site furniture text ("Sign up", "We may earn", "©", "Update, June 2:",
    "Starring …", a paper's figure labels and reference numbers)?"""
    if is_apparatus(text):
        return True
    if _NOTICE.match(text) or _CREDITS.match(text) or "($" in text and _DEAL_PRICE.search(text) or \
            ": " in text and _DEAL_ITEM.match(text) or \
            any(map(text.__contains__, _BIO_WORDS)) and (_BIO.match(text) or
                                                         _BEAT_BIO.match(text)):
        return True
    if _GREETING.match(text) or may_contain(text, text.lower(), _COVERING) and \
            _OWN_COVERAGE.search(text):
        return True
    low = text.lower().replace("’", "'")
    if _TRIGGERS.isdisjoint(_TRIGGER_WORD.findall(low)):
        return False
    return _BOILERPLATE_ANY.search(low) is not None or \
        any(needle in low and pattern.search(low) for pattern, needle in _BOILERPLATE_PATTERNS)
