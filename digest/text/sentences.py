"""Plain text → sentences: a news-aware splitter.

It keeps "U.S. President", "Dr. Ortiz", "Jan. 5", "J. K. Rowling", "3.5%",
"e.g. this" and `"Are you sure?" she asked` in one sentence, and splits after
"in the U.S. The company", `... he said." Next` and scraped text glued without a
space ("strategies.Everyone"). A heading scraped onto the sentence after it is cut
off as a piece of its own (it has no full stop, so nothing quotes it): "AI and
musiciansAccording to ...", "Voice ModeBut ...", "embraces AI In the test ...",
"Why it matters AI ...", and a list number glued to the sentence before
("others.1. You").

Pure functions; same input, same output. Which pieces count as an account's
sentences (headings whole, numbering) is compose's policy (`compose.sentences`).
"""

from __future__ import annotations

import itertools
import re

# Abbreviations that never end a sentence: a name or a number always follows.
_NEVER = frozenset("""mr mrs ms messrs dr prof sen sens rep reps gov gen lt col maj sgt capt cmdr
adm supt det insp rev fr hon pres st mt ft no nos vs v fig figs approx e.g i.e cf al ca
vol pp ed eds dept univ assn sec""".split())
# Abbreviations that may end a sentence: split only when a function word follows.
_MAYBE = frozenset("""inc corp co ltd llc plc bros jr sr esq etc u.s u.k u.n e.u u.s.a a.m p.m
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
d.c l.a n.y ph.d""".split())
_STARTERS = frozenset("""a an the this that these those it its he she they we i you his her their
our in on at for but and or so yet if when while after before as by with from to of
however meanwhile still also there here what who which some many most all other others
shares investors analysts officials critics according despite although though since""".split())

_GLUED = re.compile(r"(?<=[a-z0-9%]{2})([.!?])([\"”’]?)(?=[A-Z][a-z']|I |A [a-z]|(?<=[a-z]{4}[.!?])"
                    r"[A-Z]{2,}[\w-]*\s)")
"""A sentence end glued to the next sentence: "affected.More than", "Wednesday.A few
weeks ago", and after a long word an acronym opening the next one
("superintelligence.GPT-5 represents")."""
_MAYBE_GLUED = re.compile(r"[.!?][\"”’]?[A-Z]")
_ACRONYM_AFTER = re.compile(r"[A-Z]{2,}\b")
_CAPITALISED_BEFORE = re.compile(r"(?:^|[\s(\"“])[A-Z][a-z]+$")
"""A capitalised word glued by a full stop to an acronym is one name ("Character.AI")."""
_STARTER_WORDS = ("According|After|Although|As|Before|But|Despite|Earlier|For|However|If|In|"
                  "Instead|Many|Meanwhile|Most|Since|Some|That|The|There|These|They|This|"
                  "Those|Today|Unlike|We|What|When|While|With|Yet")
"""Sentence openers that rarely start a word of a title ("The Last of Us" and
"Power On" keep "Last" and "On" out)."""
_FUNCTION = frozenset("a an the of and or to in on for with by from at as".split())
_TRANSITION = re.compile(r"[A-Z](?<=[a-z)][A-Z])")
"""A capital right after a lower-case letter or ")" (capital first: searched fast)."""
_TOKEN_START = re.compile(r"[^\s@#/.'’-]*$")
_GLUE_OPENERS = frozenset("""According After Although But However Meanwhile Since The There These
This Those We What When While Yet""".split())
_ACRONYM_GLUE = re.compile(rf"(?<=[A-Z]{{2}})(?:{'|'.join(sorted(_GLUE_OPENERS))})(?= )")
"""A sentence opener glued to a heading or credit ending on an acronym ("iyO sues
OpenAIThe initiator …", "Photo: Khanna/ZDNETWhen I …"): no word ends that way."""
_ACRONYM_END_GLUE = re.compile(
    rf"(?<![\w.])([A-Z]{{2,5}}[.!?])(?=(?:{'|'.join(sorted(_GLUE_OPENERS))}) )")
"""A sentence ending on an acronym glued to the next one ("… don't see ROI with AI.Those
that do …"): a dotted name ("Character.AI") has the acronym after the stop."""
_OPENERS = frozenset(_STARTER_WORDS.split("|"))
_ADVERBS = frozenset("""Ironically Interestingly Notably Importantly Unfortunately Fortunately
Surprisingly Meanwhile However Instead Overall Finally Basically Essentially Separately Similarly
Specifically Additionally Currently Previously Recently""".split())
"""A heading glued to the next sentence by a space: a capitalised sentence opener
("In the", "The company", "Ironically,") right after a word, no punctuation."""
_SPACED_OPENER = re.compile(rf"\s(?<=[A-Za-z0-9)’']\s)(?=(?:{'|'.join(sorted(_OPENERS))})\s|"
                            rf"(?:{'|'.join(sorted(_ADVERBS))}),)")
"""The spaces `_spaced_glue` may cut at: after a word, before an opener and a space
or an adverb and a comma (a quick screen; `_spaced_glue` decides)."""
_SPACED_WORDS = _OPENERS | frozenset(f"{adverb}," for adverb in _ADVERBS)
"""The words `_SPACED_OPENER` can cut before: an opener, or an adverb and its comma (one
set, so a sentence's words are looked up in one pass)."""
_LABEL = re.compile(r"^(?:Why (?:it|this) matters|The big picture|(?:The )?[Bb]ottom line|"
                    r"What's next|What it means|Zoom (?:in|out)|Between the lines|Driving the news|"
                    r"By the numbers|The backstory|Go deeper|What to know|How it works|"
                    r"The takeaway|Key takeaways?)\s+(?=[A-Z\"“])")
HEADING_REACH = 160
QUOTE_REACH = 12
"""Most further sentences one quotation joins (within one paragraph): a quote open for
longer is a stray mark. A long quotation joined whole is too long to show, which is
right: its middle sentences are someone's words, never the news in the page's voice."""
_MAYBE_NUMBERED = re.compile(r"[.!?][\"”]?\d")
_NUMBERED = re.compile(r"(?<=[a-z)\"”][.!?])(?=\d{1,2}\.(?:\s|$))")
_CANDIDATE = re.compile(r"(\.[.!?]*|![.!?]*|\?[.!?]*|…)([\"'”’)\]]*)\s+(?=\S)")
"""A possible sentence end: "...", "…" or a run of [.!?], closers, space (each
branch starts with a literal, so the regex engine skips ahead to the next one)."""
_WINDOW = 40
"""Characters looked back for the word before a full stop (longer tokens are cut)."""
_DECIMAL = re.compile(r"\d[\d,]*\.\d+")
"""A figure such as "240.36": a full stop after it ends the sentence."""
# A name written in camel case ("iOS 26", "iPhone", "eBay", "macOS") may open a sentence.
_CAMEL_NAME = re.compile(r"[a-z]{1,4}[A-Z][A-Za-z]*\b")
_NEXT_WORD = re.compile(r"[\"“‘(]*([A-Za-z']+)")

def split_sentences(text: str) -> list[str]:
    """Sentences of one plain-text passage, in order, whitespace folded; a heading
    glued to a sentence comes out as a piece of its own."""
    text = " ".join((text or "").split())
    if _MAYBE_GLUED.search(text):
        text = _ACRONYM_END_GLUE.sub(r"\1 ", _GLUED.sub(lambda m: _unglue(text, m), text))
    parts = _unnumbered(text) if _MAYBE_NUMBERED.search(text) else [text]
    return [label for part in parts for sentence in _quotations_whole(_split(part))
            for piece in _unglued_heading(sentence) for label in _unlabelled(piece)]


def cuts_only_between_words(text: str) -> bool:
    """Does `split_sentences(text)` cut the passage only where words already end (at
    spaces and punctuation), so that its sentences hold exactly the passage's words?
    False when a heading may be cut off inside a run of letters ("musiciansAccording")."""
    return _TRANSITION.search(text) is None


def _quotations_whole(pieces: list[str]) -> list[str]:
    """`pieces` with a quotation of several sentences joined back into one: from the
    piece that opens it to the piece that closes it, at most `QUOTE_REACH` pieces on
    ('"We never saw them. They were gone fast," Holt said.' is one sentence: either
    half alone is a fragment)."""
    out: list[str] = []
    k = 0
    while k < len(pieces):
        end = _closing(pieces, k) if _open_quote(pieces[k]) else k
        out.append(" ".join(pieces[k:end + 1]))
        k = end + 1
    return out


def _closing(pieces: list[str], start: int) -> int:
    """Index of the piece whose join with those from `start` closes every quotation,
    else `start`."""
    for end in range(start + 1, min(len(pieces), start + 1 + QUOTE_REACH)):
        if not _open_quote(" ".join(pieces[start:end + 1])):
            return end
    return start


def _open_quote(text: str) -> bool:
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def _unlabelled(sentence: str) -> list[str]:
    """A sentence with a section label glued to its start ("Why it matters AI ...")
    as two pieces."""
    label = _LABEL.match(sentence)
    return [sentence[:label.end()].strip(), sentence[label.end():]] if label else [sentence]


def _unnumbered(text: str) -> list[str]:
    """`text` cut before each list number glued to a sentence end ("others.1. You")."""
    return _cut(text, {m.start() for m in _NUMBERED.finditer(text)})


def _unglued_heading(sentence: str) -> list[str]:
    """A sentence cut where a heading was glued to it. A heading has no full stop, so
    it always opens what the splitter takes for one sentence: only the first
    `HEADING_REACH` characters are searched."""
    head = sentence[:HEADING_REACH]
    cuts = {m.start() for m in _TRANSITION.finditer(head) if _camel_glue(head, m.start())} \
        if _TRANSITION.search(head) else set()
    cuts.update(m.start() for m in _ACRONYM_GLUE.finditer(head))
    later = head.split()[1:]  # an opener glued by a space is a word of its own, never the first
    if not _SPACED_WORDS.isdisjoint(later):
        cuts.update(m.start() for m in _SPACED_OPENER.finditer(head)
                    if _spaced_glue(head, m.start()))
    return _cut(sentence, cuts)


def _spaced_glue(text: str, at: int) -> bool:
    """Does a sentence opener start at `at` + 1, glued by a space to a heading before
    it ("... embraces AI In the test", "... in AirPods Ironically, the")?"""
    word, _, after = text[at + 1:].partition(" ")
    opener = word in _OPENERS and after[:1].islower() or \
        word.endswith(",") and word[:-1] in _ADVERBS
    return opener and text[:at].rsplit(" ", 1)[-1] not in _FUNCTION


def _cut(text: str, cuts: set[int]) -> list[str]:
    if not cuts:
        return [text]
    bounds = [0, *sorted(c for c in cuts if 0 < c < len(text)), len(text)]
    return [text[a:b].strip() for a, b in itertools.pairwise(bounds) if text[a:b].strip()]


def _camel_glue(text: str, at: int) -> bool:
    """Is the capital at `at` a heading glued to the next sentence without a space:
    "musiciansAccording", "pictureEd", "ModeBut", "(and why)But" (not "iPhone",
    "macOS", "LinkedIn", "YouTube")?"""
    nxt = text[at + 1:at + 2]
    if text[at - 1] == ")":
        return nxt.islower()
    token = _TOKEN_START.search(text, 0, at)
    if token is None:
        return False
    before = text[token.start() - 1:token.start()]
    if len(token.group()) >= 3 and token.group().isalpha() and token.group().islower() \
            and before not in ("@", "#", "/", ".", "-") and (nxt.islower() or nxt == " "):
        return True
    word = text[at:].split(" ", 1)
    return len(word) > 1 and word[0] in _GLUE_OPENERS and text[at - 2:at].isalpha() \
        and text[at - 2:at].islower()


def _split(text: str) -> list[str]:
    out, start = [], 0
    for match in _CANDIDATE.finditer(text):
        if _is_boundary(text, match):
            piece = text[start:match.end()].strip()
            if piece:
                out.append(piece)
            start = match.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


def _unglue(text: str, match: re.Match[str]) -> str:
    """Space after a glued terminator; a straight quote that opens (even count
    before it) belongs to the next sentence."""
    mark, quote = match.group(1), match.group(2)
    if mark == "." and not quote and _ACRONYM_AFTER.match(text, match.end()) and \
            _CAPITALISED_BEFORE.search(text[max(0, match.start() - 40):match.start()]):
        return mark  # a name with a dotted suffix ("Character.AI", "Rabbit.TV"), not two sentences
    if quote == '"' and straight_quote_opens(text, match.start(2)):
        return f'{mark} "'
    return f"{mark}{quote} "


def straight_quote_opens(text: str, at: int) -> bool:
    """Does the straight double quote at `at` open a quotation (an even number of them
    before it in `text`) rather than close one?"""
    return text.count('"', 0, at) % 2 == 0


def _is_boundary(text: str, match: re.Match[str]) -> bool:
    terminator, closer = match.groups()
    end = match.end()
    nxt = text[end]
    if nxt.islower() and not _CAMEL_NAME.match(text, end) or nxt in "—–":
        return False  # "… is adding — you guessed it! — AI.": no sentence opens on a dash
    if terminator in ("...", "…"):
        return nxt.isupper() or nxt in "\"“"
    if "?" in terminator or "!" in terminator or closer:
        return True
    word = _word_before(text, match.start()).lower().lstrip("'(").rstrip(".")
    if word in _NEVER:
        return False
    if _DECIMAL.fullmatch(word):
        return True
    if word in _MAYBE or len(word) == 1 and word.isalpha() or "." in word:
        return _next_word(text, match.end()) in _STARTERS
    return True


def _word_before(text: str, end: int) -> str:
    """The run of word characters, ".", "&", "'" and "-" ending at `end`, at most
    `_WINDOW` long (matched from the start of the window reversed: a regex anchored
    at the end would retry every start)."""
    first = max(0, end - _WINDOW)
    return text[end - _WORD_RUN.match(text[first:end][::-1]).end():end]


_WORD_RUN = re.compile(r"[\w.&'-]*")
"""What `_word_before` takes (a word character is exactly `str.isalnum()` or "_")."""


def _next_word(text: str, at: int) -> str:
    match = _NEXT_WORD.match(text, at)
    return match.group(1).lower() if match else ""
