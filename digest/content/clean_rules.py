"""The boilerplate rules of `digest.content.clean`: one ordered table, `RULES`, of what
scraped boilerplate looks like and where it may be.

Safety before coverage: a rule removes a whole line, or a piece cut from a glued line
at `digest.content.scraped.GLUE_BREAKS`; its pattern must match that whole piece, and
most rules only look at short lines. A sentence of reporting that merely *contains*
"share this article" or "read more" is never touched.

Where a rule looks (`Rule.zone`):
- `ANYWHERE`: any line.
- `LEAD`: only before the first kept line of prose (crumbs, repeated title, dek).
- `LAST`: only the closing lines, read bottom-up until one is kept (author bio).
A rule with `drops_rest` removes its line and every line after it (page trailers).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from digest.content import scraped
from digest.text.calendar import MONTHS, WEEKDAYS

ANYWHERE, LEAD, LAST = "anywhere", "lead", "last"
BLOCK_REACH = 40  # how many segments a block rule (`Rule.block_end`) may span


@dataclass(frozen=True)
class Context:
    """What a rule may look at besides the line itself."""

    lines: tuple[str, ...]
    """Plain text (see `plain_text`) of every segment of the body, in order."""
    title_key: str
    excerpt_key: str
    """`match_key` of the title and of the excerpt (its trailing "..." cut off)."""


@dataclass(frozen=True)
class Rule:
    """One kind of boilerplate line."""

    name: str
    """Reported in `RemovedLine.rule`; stable, snake_case."""
    description: str
    pattern: re.Pattern[str] | None = None
    """Must match the whole plain-text line (`fullmatch`)."""
    predicate: Callable[[str, Context, int], bool] | None = None
    """Called with the plain-text line and its index in `Context.lines` if `pattern` is None."""
    zone: str = ANYWHERE
    max_length: int = 300
    """Longer lines are never tested by this rule."""
    drops_rest: bool = False
    block_end: re.Pattern[str] | None = None
    """When set, removal runs on to the first line (within `BLOCK_REACH`) this finds."""

    def matches(self, line: str, context: Context, index: int) -> bool:
        """True when this rule removes `line` (already known to be in the rule's zone)."""
        if not line or len(line) > self.max_length:
            return False
        if self.pattern is not None:
            return self.pattern.fullmatch(line) is not None
        return self.predicate is not None and self.predicate(line, context, index)


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _repeats_title(line: str, context: Context, index: int) -> bool:
    key, title = scraped.match_key(line), context.title_key
    return bool(title) and key.startswith(title) and len(key) - len(title) < 30


def _repeats_excerpt(line: str, context: Context, index: int) -> bool:
    """The line sits wholly inside the excerpt, or the truncated excerpt ends with the
    line's first words (a dek the scraper cut short when it built the excerpt). Scraped
    excerpts are often a lead paragraph's opening, so a line over ten words only counts
    as a dek when a byline follows it."""
    key, excerpt = scraped.match_key(line), context.excerpt_key
    if not key or not excerpt:
        return False
    start = f" {excerpt} ".find(f" {key[:25]}") if len(key) >= 25 else -1
    repeated = f" {key} " in f" {excerpt} " or (start >= 0 and key.startswith(excerpt[start:]))
    following = _nearest(context, index, 1) or ""
    return repeated and (len(line.split()) <= 10 or _is_byline(following)
                         or DATELINE_END.search(following) is not None)


_BYLINE_START = re.compile(r"(?:written|reviewed|edited|reported) by\b|by [A-Z]", re.IGNORECASE)
_WHEN_NAMES = frozenset(MONTHS + WEEKDAYS)
_BYLINE_WORDS = 12
"""A byline line is short ("By Jane Doe, Senior Reporter"); a longer one is prose."""


def _is_byline(line: str) -> bool:
    """Is the line a byline ("By Jane Doe", "Written by")? Not a sentence that opens on
    "By" and a date ("By April, just weeks after launch, …")."""
    words = line.split()
    return _BYLINE_START.match(line) is not None and len(words) <= _BYLINE_WORDS and not (
        len(words) > 1 and words[1].strip(",.") in _WHEN_NAMES)
_WORDS = r"[\w&'’-]+(?: [\w&'’-]+){0,2}"
_CRUMBS = re.compile(rf"{_WORDS}(?: ?[>»›/|] ?{_WORDS})+")
_SHORT_LABEL = re.compile(r"[\w&'’.-]+(?: [\w&'’.-]+){0,2}(?<!\.)")
"""A line of one to three words, not ending a sentence: a crumb, label or name."""


def _in_label_run(line: str, context: Context, index: int) -> bool:
    """A 1-3 word line next to another one (blank lines between them ignored)."""
    neighbours = (_nearest(context, index, -1), _nearest(context, index, 1))
    return bool(_SHORT_LABEL.fullmatch(line)) and any(
        n is not None and _SHORT_LABEL.fullmatch(n) for n in neighbours)


def _nearest(context: Context, index: int, step: int) -> str | None:
    """The closest non-blank line before (`step` -1) or after (`step` 1) `index`."""
    span = range(index + step, -1 if step < 0 else len(context.lines), step)
    return next((context.lines[i] for i in span if context.lines[i]), None)


def _topics_trailer(line: str, context: Context, index: int) -> bool:
    following = _nearest(context, index, 1) or ""
    return line.lower() in {"topics", "tags"} and "," in following and len(following) < 300


CREDIT_ENDINGS = ("getty images", "getty images plus", "via getty", "/getty", "/ getty",
                  "shutterstock", "istock",
                  "istockphoto", "unsplash", "/zdnet", "/ zdnet", "for engadget", "ap photo",
                  "nurphoto")
"""How an agency photo credit ends (lowercased); a line ending so is a caption or credit."""
DATELINE_END = re.compile(rf"{scraped.DATE} at {scraped.TIME}$", re.IGNORECASE)


def _sentences(line: str) -> int:
    """How many sentences `line` holds, by the pipeline's one splitter
    (`digest.text.sentences`): a caption or a byline is one or two, reporting more."""
    # Imported on first use: a warm build cleans no body, and compiling the splitter's
    # patterns costs more than all the rest of its start-up (a build imports compose lazily
    # for the same reason).
    from digest.text.sentences import split_sentences
    return len(split_sentences(line))


_COMMISSION = re.compile(r"\b(?:we|[A-Z]\w+) (?:may|might|could|can) (?:earn|receive|get) "
                         r"(?:a |an )?(?:small |affiliate |sales )*commissions?\b", re.IGNORECASE)
_JOB = r"(?:reporter|writer|editor|correspondent|journalist|contributor|columnist|producer)"

RULES: tuple[Rule, ...] = (
    Rule("zdnet_trust_block", "ZDNET's 'Why you can trust ZDNET' disclosure, up to its 'Close'",
         _rx(r"why you can trust zdnet.*|:? ?zdnet independently tests.*"), max_length=3000,
         block_end=re.compile(r"via this form\. Close$")),
    Rule("follow_us", "'Follow us on X', 'Follow ZDNET: Add us as a preferred source...'",
         _rx(r"follow (?:us|@?[a-z][\w.]*)(?: on| at|:) .{1,100}"), max_length=140),
    Rule("key_takeaways_label", "the 'ZDNET's key takeaways' label (the takeaways stay)",
         _rx(r"(?:\w+'s )?key takeaways:?")),
    Rule("also_headline", "'Also: <another article's headline>' links",
         re.compile(r"(?:ALSO|Also): +[\"'‘“A-Z0-9].*[^.]"), max_length=200),
    Rule("read_more", "'Read more', 'Read more: ...', 'Read the full story at ...', 'See more'",
         _rx(r"(?:read|see|watch|view) (?:more|also|next|the (?:full|original) "
             r"(?:story|article|review|post))\b.{0,160}|related(?: \w+)?: .{1,160}|related"),
         max_length=200),
    Rule("more_coverage", "'Check out our coverage of ...', 'Check out the rest of our ...'",
         _rx(r"check out (?:our|the rest of our|more of our) .{1,150}"), max_length=200),
    Rule("share_prompt", "'Share this article', 'Share on Facebook' and share-button rows",
         _rx(r"share (?:this|the) (?:article|story|post|page)\b.{0,40}|share(?: on)? "
             r"(?:facebook|twitter|x|linkedin|reddit|email|whatsapp)\b.{0,60}|share"),
         max_length=100),
    Rule("newsletter_prompt", "'Subscribe to our newsletter', 'Sign up for ... newsletter', "
         "'Add as an interest to stay up to date …'",
         _rx(r"(?:subscribe|sign up|register)(?: now| today| here| for free)?[.!]?|"
             r"(?:subscribe|sign up)(?: now| today| here)? (?:to|for) .{0,80}(?:newsletter|"
             r"updates|news|coverage|inbox|podcast)\b.{0,40}|newsletters?|.{0,40} daily news|"
             r"every weekday and sunday, you can get the best of .{1,60}|"
             r"(?:add|follow) .{0,30}as an interest to (?:stay up to date|keep up) .{1,100}"),
         max_length=160),
    Rule("rss_footer", "a feed's closing line: 'The post <title> appeared first on <site>.'",
         _rx(r"the post .{1,300} appeared first on .{1,120}"), max_length=500),
    Rule("opt_in_prompt", "newsletter opt-in prompts: 'Opt in for The Stepback here.'",
         _rx(r"(?:opt[- ]in|sign up|subscribe) (?:for|to) .{1,80} here[.!]?|opt[- ]in here[.!]?"),
         max_length=140),
    Rule("player_controls", "a video player's controls: 'CLOSE', 'Skip in Skip x Embed x Share'",
         _rx(r"close(?: skip in skip x embed x share)?|skip in skip x embed x share(?: close)?")),
    Rule("gallery_widget", "a photo gallery's controls and captions in one line: '1 of 26 Full "
         "Screen Autoplay Close Skip Ad × …'", _rx(r"\d+ of \d+ (?:(?:full screen|autoplay|close|"
                                                 r"skip ad|×)\s*){2,}.*"), max_length=1000),
    Rule("related_link", "another article's headline under a label: 'RELATED Judge in case …'",
         re.compile(r"(?:RELATED|MORE|SEE ALSO|READ MORE|WATCH):? [A-Z][^.!?]{5,150}")),
    Rule("advertisement", "'Advertisement' and 'story continues below' markers",
         _rx(r"advertisement|sponsored(?: content)?|(?:story|article) continues (?:below|after "
             r"(?:the )?advertisement)|continue reading below|scroll to continue.{0,20}")),
    Rule("photo_credit", "credits: '(Photo: ...)', 'Image Credits: ...', 'Photo by X on Unsplash'",
         _rx(r"\(?(?:image|photo|photograph|picture|illustration|video)?s? ?credits?:.*|"
             r"\(?(?:photo|image|illustration|photograph|graphic)(?: by)?:.*|"
             r"photo by .{1,80} on (?:unsplash|pexels)|getty images ?/.{1,60}")),
    Rule("labelled_caption", "a caption under its labels: 'Image copyright AFP Image caption …'",
         _rx(r"(?:image copyright .{1,80}? )?image caption\b.*"), max_length=600),
    Rule("caption_with_credit",
         "a caption closed by its credit ('Kim Wall. Photo: Tom Wall via AP')",
         _rx(r".{1,200}[.!?\"”]\s+(?:photo|photograph|image|picture|illustration)(?: by)?:"
             r"\s*[^.!?]{1,60}"), max_length=280),
    Rule("credit_caption", "a caption or credit ending in an agency credit ('... / Getty Images')",
         predicate=lambda line, _context, _index: line.lower().rstrip(").").endswith(CREDIT_ENDINGS)
         and not line.endswith(".") and _sentences(line) < 3, max_length=150),
    Rule("file_photo_caption", "a wire photo caption ('FILE - In this May 24, 2016, file photo, "
         "...')", _rx(r"(?:file\s*[-–—]+\s*)?in (?:this|these) (?:[^,]{1,40},\s+)?(?:\d{4},?\s+)?"
                     r"(?:file |undated |handout )?(?:photos?|images?|pictures?|frame grab)\b.*"),
         max_length=600),
    Rule("byline", "'Written by', 'Reviewed by' labels and 'By Jane Doe' lines",
         re.compile(r"(?:(?:Written|Reviewed|Edited|Reported|Posted|Fact[- ]checked) by:?|"
                    r"By [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}(?:,? (?:and|&) .{1,40})?)"),
         max_length=80),
    Rule("byline_dateline", "a byline ending in a date and time ('Jane Doe, Editor  Aug. 26, "
         "2025 at 2:48 p.m. PT')", predicate=lambda line, _context, _index: " at " in line
         and DATELINE_END.search(line) is not None and _sentences(line) == 1,
         max_length=200),
    Rule("posted_header", "TechCrunch 'Posted:' / 'Updated:' header lines",
         _rx(r"(?:posted|published|updated|last updated)(?: on)?:(?: .{0,60}\d.{0,30})?")),
    Rule("dateline_only", "a line that is only a date or time ('10:47 PM PDT · Sept. 22, 2025')",
         _rx(rf"(?:{scraped.TIME}(?: ?[·|,-] ?)?)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,? )?"
             rf"{scraped.DATE}(?:,? (?:at )?{scraped.TIME})?"), max_length=80),
    Rule("copyright", "'© 2025 Outlet. All rights reserved.'",
         _rx(r"(?:©|\(c\)|copyright)(?: ©)? ?(?:\d{4}|[a-z]).{0,120}|all rights reserved\.?"),
         max_length=160),
    Rule("affiliate_disclosure", "affiliate disclosures: '... we may earn a commission'",
         predicate=lambda line, _context, _index: "commission" in line
         and _COMMISSION.search(line) is not None, max_length=500),
    Rule("originally_appeared", "'This article originally appeared on ...' syndication notes",
         _rx(r"this (?:article|story|post) (?:was )?(?:originally |first )?(?:appeared|published|"
             r"ran) (?:on|in|at) .{1,250}"), max_length=300),
    Rule("tip_prompt", "'Have a tip? Reach her by email ...' contact prompts",
         _rx(r"(?:have|got) (?:a )?(?:news )?tip\b.{0,300}"), max_length=320),
    Rule("help_box", "a help box for readers in distress: 'If you or someone you know ...', "
         "'Crisis Line: Text HOME to ...', '... Click here to find them.'",
         _rx(r"if you or someone you know\b.{0,250}|[\w&'’ .-]{2,60}: (?:call|text|dial|chat|"
             r"visit|contact)\b.{0,250}|.{0,200}\bclick here\b.{0,80}"), max_length=320),
    Rule("event_promo", "TechCrunch event and ticket promotions",
         _rx(r"techcrunch (?:event|sessions.*|disrupt.*)|register now.{0,80}|book your table|"
             r"join (?:the )?disrupt.{0,80}|join \d+[,k]?\d*\+ .{0,120}|save up to \$.{0,80}|"
             r"founders: your next big connection.{0,60}|investors: meet startups.{0,80}|"
             r"innovators & visionaries: see the future.{0,60}|get the ticket type for you:?|"
             r"flash sale alert:.{0,120}|save \$[\d,]+\+? on your .{0,60} pass|"
             r"build smarter\. scale faster\..{0,260}|(?:get|grab|buy|secure) your (?:pass|ticket)"
             r"s?\b.{0,200}|.{0,100}\b(?:passe?s?|tickets?)\b.{0,60}\bsave (?:up to )?\$.{0,120}"),
         max_length=320),
    Rule("stay_tuned", "sign-offs like 'Stay tuned to Outlet for more updates ...'",
         _rx(r"stay tuned (?:to|with) [\w .]{1,30} for more\b.{0,160}")),
    Rule("topics_trailer", "a 'Topics' list closing the page, and everything after it",
         predicate=_topics_trailer, drops_rest=True, max_length=10),
    Rule("section_label", "a lone section label at the top ('In Brief', 'Exclusive')",
         _rx(r"in brief|exclusive|breaking(?: news)?|opinion|analysis|deals?|review|sponsored"),
         zone=LEAD),
    Rule("nav_crumbs", "navigation crumbs: 'Home > Tech > Security' or runs of 1-3 word lines",
         predicate=lambda line, context, index: bool(_CRUMBS.fullmatch(line))
         or _in_label_run(line, context, index), zone=LEAD, max_length=120),
    Rule("repeated_title", "the headline repeated at the top of the body",
         predicate=_repeats_title, zone=LEAD),
    Rule("repeated_excerpt", "the excerpt or dek repeated at the top of the body",
         predicate=_repeats_excerpt, zone=LEAD, max_length=400),
    Rule("author_bio", "an author bio closing the article ('Jane Doe is a senior reporter at ...')",
         re.compile(rf"(?!.*\b(?:said|says|told|according to|alleged|accused)\b)[A-Z][\w.'’-]+"
                    rf"(?: [A-Z][\w.'’-]+){{1,3}} (?:is|was|has been) (?:an? |the )?[^.]{{0,60}}"
                    rf"\b{_JOB}s?\b (?:at|for|with|on) .*"), zone=LAST,
         max_length=600),
)
"""The boilerplate rules, tried in this order; the first match names the removal."""
