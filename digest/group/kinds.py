"""What kind of article a headline announces: news, or a service piece about the news.

A story is coverage of one datable event.  Deals posts, buying guides,
comparisons, how-tos, explainers, reviews and event previews borrow the
vocabulary of the news they sit next to (the same product, the same keynote)
but are not coverage of it, so they never join a news story: grouping them
by words alone merges a "best earbuds" guide into the launch of the earbuds.
Keynote live blogs and "everything announced" roundups only join each other,
so one roundup cannot chain the keynote's separate announcements together.

The cues are generic headline phrasings ("best …", "% off", "how to",
"review:", "vs.", "what to expect", "live updates"), never names.
Hands-on and first-person "I tried" pieces stay news: launch-day impressions
are coverage of the launch.
"""

from __future__ import annotations

import re

NEWS = "news"
DEALS = "deals"
GUIDE = "guide"
REVIEW = "review"
PREVIEW = "preview"
ROUNDUP = "roundup"

_NUMBER_WORD = r"(?:\d+\+?|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)"

# Checked in this order: a "best Prime Day deals" post is deals, not a guide.
_CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (DEALS, (
        r"\bdeal: (?:get|save|grab|take|score|snag|buy|last chance)\b", r"\bdeals\b", r"\bon sale\b", r"\bsale (?:price|is live|live)\b",
        r"\b\d+ ?(?:%|percent) off\b", r"\$[\d,.]+ off\b", r"\brecord[- ]low\b",
        r"\blowest price\b", r"\bsave (?:up to|big|on|over|\$|\d)", r"\bdiscounts?\b",
        r"\bcoupons?\b", r"\bpromo codes?\b",
    )),
    (PREVIEW, (
        r"\bwhat to expect\b", r"\bhow to (?:watch|follow|stream|livestream)\b",
        r"\beverything (?:else )?we know\b", r"\bwhat we know so far\b",
        r"\bwhat we(?:'|’)re expecting\b", r"\bevent invite\b",
    )),
    (ROUNDUP, (
        r"\blive (?:updates|blog|coverage)\b", r"\bevent (?:20\d\d )?updates\b", r"\ball the news\b",
        r"\beverything (?:\w+ )?(?:announced|revealed|unveiled|launched)\b",
        r"\bbiggest (?:announcements|reveals)\b", r"\b(?:event|keynote|review) recap\b",
        r"\bthe week in\b", r"\bweek in review\b", r"\bevery (?:product|device) .*\blaunched\b",
        r"\bthis week(?:'|’)s (?:news|biggest)\b",
    )),
    (REVIEW, (
        r"\breview(?: 20\d\d)?:", r"\bi(?:'|’)ve (?:tested|used|reviewed)\b",
        (r"\bi (?:tested|used|wore|tried) .* for (?:a|an|one|two|three|several|\d+) "
         r"(?:days?|weeks?|months?|years?)\b"),
        r"\blong[- ]term\b.*\b(?:test|review)\b", r"\bverdict\b",
    )),
    (GUIDE, (
        r"^(?:the )?best\b", r"\bbest .*\b(?:of|in|for) 20\d\d\b", r"\bbuying guide\b",
        r"\bgift(?:s| guide| ideas)\b", r"^how to\b", r"\bhow to (?:buy|order|preorder|pre-order)\b",
        r"\beverything (?:else )?you (?:need|want) to know\b", r"\bvs\.? ", r"\bversus\b",
        r"\bcompared\b", r"\bi compared\b", r"\bwhich (?:one )?(?:is right|should you)\b",
        r"\bshould you (?:buy|upgrade|get)\b", r"\bworth (?:buying|the upgrade)\b",
        r"\bcompatible (?:iphones|phones|devices)\b", r"\b(?:tips|tricks)\b",
        (rf"^{_NUMBER_WORD} (?:\w+ ){{0,3}}(?:features|ways|reasons|things|apps|settings|"
         r"gadgets|products|tools)\b"),
    )),
)
_PATTERNS = tuple((kind, re.compile("|".join(cues), re.IGNORECASE)) for kind, cues in _CUES)
# Most headlines are news: one search over every cue settles them before the ordered checks.
_ANY_CUE = re.compile("|".join(cue for _, cues in _CUES for cue in cues), re.IGNORECASE)


def article_kind(title: str) -> str:
    """The kind a headline announces: "news" unless a service cue matches."""
    text = " ".join(title.replace("’", "'").split())
    if not _ANY_CUE.search(text):
        return NEWS
    for kind, pattern in _PATTERNS:
        if pattern.search(text):
            return kind
    return NEWS


def kinds_compatible(first: str, second: str) -> bool:
    """True when articles of these kinds may be one story: news with news, roundup with roundup."""
    return first == second and first in (NEWS, ROUNDUP)
