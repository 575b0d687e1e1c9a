"""One feed item -> the text of one markdown article, and the hash that tells a
file digest wrote from one an editor changed since.

The file's front matter holds the canonical fields and
`imported: {feed, item, hash}`: `item` is a hash of the feed item as read (so an
unchanged item is known without fetching its page again) and `hash` a hash of
the whole file as written, with that value blanked. A file whose text no longer
matches its `hash` was edited by hand and is never overwritten.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from posixpath import splitext
from urllib.parse import unquote_plus, urlsplit, urlunsplit

import yaml

from digest.content.outlets import domain_of, outlet_from_url
from digest.content.scraped import clean_inline_text, html_to_markdown, looks_like_html
from digest.content.slugs import slugify
from digest.importer.feeds import FeedItem, first_body_image
from digest.text.inline import LINK

FORMAT = 1
"""Bumped when the article text changes for the same item, so re-imports update."""
TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid",
    "mc_cid", "mc_eid", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id",
    "rb_clickid", "s_cid", "__s", "ocid", "cmpid", "ito",
})
"""Query parameters that track the reader rather than name the page (plus every `utm_*`)."""
HASH_LENGTH = 16
# The "sha256-" prefix keeps YAML from reading an all-digit hash as a number.
_HASH_LINE = re.compile(r"^(  hash: )(sha256-[0-9a-f]{%d})$" % HASH_LENGTH, re.MULTILINE)
_BLANK_HASH = "sha256-" + "0" * HASH_LENGTH
EXCERPT_CHARS = 400
MAX_TRAILER_WORDS = 12
_POST_APPEARED = re.compile(r"The post .+ appeared first on .+?\.?", re.DOTALL)
_POST_APPEARED_TAIL = re.compile(r"\s*The post .{1,300} appeared first on [^.]{1,120}\.?\s*$")
_READ_ON_WORDS = (r"(?:Continue [Rr]eading|Read [Mm]ore|Keep [Rr]eading"
                  r"|Read the full (?:story|article))")
_READ_ON = re.compile(_READ_ON_WORDS + r"\b.*", re.DOTALL)
_READ_ON_TAIL = re.compile(r"(?:^|(?<=[.!?…\]]))\s*(?:" + _READ_ON_WORDS + r"\b[^.!?]{0,80}|\["
                           + _READ_ON_WORDS + r"[^\]]{0,80}\]\([^)]*\))\s*(?:[.!?»→…]|\.\.\.)?\s*$")
_ELLIPSIS_TAIL = re.compile(r"(?<=\w)\s*\[(?:…|\.\.\.|&hellip;|&#8230;)\]\s*$")
_BARE_ELLIPSIS_TAIL = re.compile(r"\s*\[(?:…|\.\.\.|&hellip;|&#8230;)\]\s*$")
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's is ~10x faster


@dataclass(frozen=True)
class FeedSource:
    """A feed as the user named it, with the settings its articles take."""

    url: str
    """The URL or file path given."""
    topic: str = ""
    outlet: str = ""


@dataclass(frozen=True)
class PageText:
    """The main text of an article's web page, as the extractor found it."""

    html: str
    authors: tuple[str, ...] = ()


def canonical_url(url: str) -> str:
    """`url` without tracking parameters (`utm_*`, `fbclid` ...), fragment and default
    port, with a lowercase scheme and host; the item's identity and its `source`."""
    parts = urlsplit(url.strip())
    # Other parameters are kept exactly as written: servers differ in how they read them.
    query = "&".join(pair for pair in parts.query.split("&")
                     if pair and not _is_tracking(unquote_plus(pair.split("=", 1)[0])))
    host = (parts.hostname or "").lower()
    default_port = {"http": 80, "https": 443}.get(parts.scheme.lower())
    netloc = host + (f":{parts.port}" if parts.port and parts.port != default_port else "")
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", query, ""))


def _is_tracking(key: str) -> bool:
    key = key.strip().lower()
    return key.startswith("utm_") or key in TRACKING_PARAMS


def slug_from_url(url: str) -> str:
    """A readable slug from the URL's path: its last meaningful segment (with the one
    before when that is a bare number or "index"), else the domain."""
    segments = [s for s in urlsplit(url).path.split("/") if s]
    if segments:
        segments[-1] = splitext(segments[-1])[0] if segments[-1].lower().endswith(
            (".html", ".htm", ".php", ".aspx", ".asp", ".shtml")) else segments[-1]
    words = [s for s in segments if s.lower() not in ("index", "")]
    if not words:
        return slugify(domain_of(url) or "item")
    last = words[-1]
    if (last.isdigit() or len(slugify(last)) < 4) and len(words) > 1:
        last = f"{words[-2]}-{last}"
    return slugify(last, max_length=70)


def url_hash(url: str) -> str:
    """Six hex digits naming `url`, to tell apart two items whose slugs are equal."""
    return hashlib.sha256(url.encode()).hexdigest()[:6]


def item_hash(item: FeedItem, feed: FeedSource, fetch_pages: bool) -> str:
    """A hash of everything read from the feed that shapes the article."""
    data = [FORMAT, item.link, item.title, item.date.isoformat() if item.date else "",
            item.authors, item.tags, item.summary_html, item.content_html, item.cover,
            feed.topic, feed.outlet, fetch_pages]
    return hashlib.sha256(json.dumps(data).encode()).hexdigest()[:HASH_LENGTH]


def article_text(item: FeedItem, *, source: str, slug: str, feed: FeedSource, feed_title: str,
                 tz: dt.tzinfo, item_key: str, page: PageText | None = None) -> str:
    """The article file for `item`: canonical front matter, then the body as markdown
    (page text when fetched, else content, else summary, through the safe converter)."""
    body_html = page.html if page else (item.content_html or item.summary_html)
    summary = strip_feed_trailer(clean_inline_text(item.summary_html))
    excerpt = summary if summary and len(summary) <= EXCERPT_CHARS and (
        item.content_html or page) else ""
    authors = item.authors or (page.authors if page else ())
    fields = {
        "title": clean_inline_text(item.title) or slug.replace("-", " "),
        "date": item.date.astimezone(tz).isoformat() if item.date else "",
        "source": source,
        "outlet": feed.outlet or clean_inline_text(feed_title) or outlet_from_url(source) or "",
        "author": [clean_inline_text(a) for a in authors] if len(authors) > 1
        else clean_inline_text(authors[0]) if authors else "",
        "topic": feed.topic,
        "tags": list(dict.fromkeys(t for t in map(clean_inline_text, item.tags) if t)),
        "cover": item.cover or first_body_image(item.content_html or item.summary_html, source),
        "excerpt": excerpt,
        "slug": slug,
        "imported": {"feed": feed.url, "item": item_key, "hash": _BLANK_HASH},
    }
    fields = {k: v for k, v in fields.items() if v not in ("", [])}
    text = _compose(fields, _body_markdown(body_html))
    return _HASH_LINE.sub(lambda m: m.group(1) + text_hash(text), text, count=1)


def _compose(fields: dict, body: str) -> str:
    front = yaml.dump(fields, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=10_000)
    return f"---\n{front}---\n\n{body}\n"


def _body_markdown(body_html: str) -> str:
    if not body_html.strip():
        return ""
    markdown = html_to_markdown(body_html if looks_like_html(body_html) else f"<p>{body_html}</p>")
    paragraphs = markdown.split("\n\n")
    while paragraphs and _is_feed_trailer(paragraphs[-1]):
        paragraphs.pop()
    if paragraphs:
        paragraphs[-1] = strip_feed_trailer(paragraphs[-1])
    return "\n\n".join(p for p in paragraphs if p)


def _is_feed_trailer(paragraph: str) -> bool:
    plain = LINK.sub(r"\1", paragraph).strip()
    return bool(_POST_APPEARED.fullmatch(plain) or (
        _READ_ON.fullmatch(plain) and len(plain.split()) <= MAX_TRAILER_WORDS))


def strip_feed_trailer(text: str) -> str:
    """`text` without what feed software appends to an item: WordPress's "The post X
    appeared first on Y.", a closing "[…]", "Continue reading …" or "Read more"."""
    text = _POST_APPEARED_TAIL.sub("", text).rstrip()
    text = _READ_ON_TAIL.sub("", text).rstrip()
    # "the piles [...]" reads "the piles…"; after a full stop the mark just goes.
    return _BARE_ELLIPSIS_TAIL.sub("", _ELLIPSIS_TAIL.sub("…", text)).rstrip()


def text_hash(text: str) -> str:
    """The hash recorded in a file: of its text with the recorded hash blanked and
    line ends as "\n" (a checkout with CRLF line ends is not an edit)."""
    blank = _HASH_LINE.sub(lambda m: m.group(1) + _BLANK_HASH, _lf(text), count=1)
    return "sha256-" + hashlib.sha256(blank.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def recorded_hash(text: str) -> str | None:
    """The `imported.hash` a file records (None when it has none)."""
    match = _HASH_LINE.search(_lf(text))
    return match.group(2) if match else None


def _lf(text: str) -> str:
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


def edited_by_hand(text: str) -> bool:
    """True when the file no longer matches the hash recorded when it was imported."""
    recorded = recorded_hash(text)
    return recorded is None or recorded != text_hash(text)
