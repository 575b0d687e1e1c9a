"""Pages that are not articles: widget text, crawl and cookie notices, sign-in forms.

A scraper that follows a link sometimes stores what the server showed instead
of the article: "Tweet with a location …", "JavaScript is disabled", a web
archive's crawl notice, a newsletter form.  Such a page tells nothing about any
event, and as the same few pages recur under many links they would tie
unrelated stories together.  They are told apart by general properties of the
text, never by a list of known pages:

- it is short;
- its words are the vocabulary of a web page's furniture (sign in, browser,
  cookies, location, crawl, archive, click, newsletter …) far more than any
  article is, even one about the web: news prose names people, places and
  actions, and uses that vocabulary in passing;
- a text that is fairly furniture-like and found word for word under several
  links is one too: an article is written once, a widget is served everywhere;
- so is one that is fairly furniture-like and holds a block found word for word in
  another such page: a server's notice ("Starting in 1996, Alexa Internet has been
  donating their crawl data …") set into an error page or a login wall is served
  under many links with different text around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digest.group.features import STOP_WORDS, plain
from digest.hashing import bytes_hash

_WORD = re.compile(r"[a-z]+")

# The vocabulary of the parts of a web page around an article (account, sharing,
# archive and player widgets, consent and error notices).
FURNITURE = frozenset("""
javascript cookie cookies browser browsers enable enabled disabled tweet tweets retweet
location locations login logged signin sign signup subscribe subscription subscriber newsletter
newsletters email inbox password username account accounts click tap download downloads
crawl crawls crawled crawler crawling archive archived archives wayback warc embargo
collection collections captures capture seed domain domains url urls website websites
webpage webpages homepage privacy policy terms cookies settings rented rating loaded
loading unavailable sorry error redirect redirected publicly accessible mailing
register registration submit submitting checkout cart member membership credits
plugin widget widgets adblock adblocker ads advertisement javascript's
facebook twitter instagram youtube soundcloud follow share shares sharing comment
comments notifications notification app apps feature history contact form details join
host hosts links outbound embeds files petition signature confirm learn please try again
web online internet
""".split())

_MAX_WORDS = 250
"""Longer texts are articles whatever their words: a page's furniture is short."""
_FURNITURE_SHARE = 0.35
"""Least share of a short text's words that are web-page furniture for it to be a page..."""
_RECURRING_SHARE = 0.2
"""...or for it to be one when the same text, or a block of it, is found under other links
too."""
_BLOCK_WORDS = 8
"""Fewest words of a block that counts as served again: a notice is a sentence or more, and
one-word lines ("Advertisement") recur in articles too."""


@dataclass(frozen=True)
class PageText:
    """What decides whether a text is an article."""

    words: int
    furniture: float
    """Share of the words that are web-page furniture (stop words left out)."""



def page_text(text: str) -> PageText:
    """The measures of `text` (plain text: tags and markup already removed)."""
    words = _WORD.findall(text.lower())
    content = [w for w in words if w not in STOP_WORDS]
    furniture = sum(w in FURNITURE for w in content) / len(content) if content else 0.0
    return PageText(words=len(words), furniture=furniture)


def served_blocks(markdown: str, furniture: float) -> tuple[str, ...]:
    """Hashes of the blocks (paragraphs of `_BLOCK_WORDS` words or more, plain text, lower
    case) of a fairly furniture-like text (`furniture` at least `_RECURRING_SHARE`), each
    once and sorted; none for any other text (an article's paragraphs are its own)."""
    if furniture < _RECURRING_SHARE:
        return ()
    blocks = {" ".join(plain(block).lower().split()) for block in _BLOCKS.split(markdown)}
    return tuple(sorted(bytes_hash(b.encode()) for b in blocks
                        if len(b.split()) >= _BLOCK_WORDS))


_BLOCKS = re.compile(r"\n\s*\n")


def is_short(text: str) -> bool:
    """Whether a text is short enough to be a page's furniture at all: at most 250 words
    (counted on whitespace, without reading further than that)."""
    return 0 < len(text.split(maxsplit=_MAX_WORDS)) <= _MAX_WORDS


def is_non_article(furniture: float, recurring: bool) -> bool:
    """True when a short text whose words are this `furniture` share is a page, not an
    article: mostly furniture, or fairly so and the very same text, or a block of it
    (`served_blocks`), is found under other links too (`recurring`: an article is written
    once; a widget is served everywhere)."""
    return furniture >= _FURNITURE_SHARE or (recurring and furniture >= _RECURRING_SHARE)
