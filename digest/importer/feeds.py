"""Feed documents -> typed items: RSS 0.9x/1.0/2.0 and Atom through feedparser,
JSON Feed 1.0/1.1 read here (feedparser 6.0 does not read JSON Feed).

A feed that parses only in part ("bozo") still gives the items that parsed, with
the problem named; a document that is no feed at all (an HTML page, say) is an
error. Nothing here touches the network or the content folder.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

import feedparser
import nh3

from digest.content.scraped import DROPPED_WITH_CONTENT, clean_inline_text

JSON_FEED_VERSION = "https://jsonfeed.org/version/"
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""\b(src|width|height)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""",
                   re.IGNORECASE)
_GENERIC_TAIL = re.compile(
    r"(?:\s*[-–—|:»]\s*(?:home(?: ?page)?|front page|latest(?: news| stories| articles| posts)?"
    r"|top stories|all(?: posts| stories| articles| news| content)?|news|articles|posts|blog"
    r"|(?:rss|atom)(?: feed)?|feed)|\s+(?:rss|atom)(?: feed)?|\s+feed)\s*$", re.IGNORECASE)
_IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif")


class FeedError(Exception):
    """The document is not a feed digest can read; `reason` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed, with the fields an article needs, still raw HTML where HTML."""

    link: str
    """The item's URL as the feed gives it, made absolute ("" when it has none)."""
    title: str
    """The title, HTML entities not yet decoded."""
    date: dt.datetime | None
    """Published, else updated, timezone-aware (None when the item has neither)."""
    authors: tuple[str, ...]
    tags: tuple[str, ...]
    summary_html: str
    """The description/summary (an excerpt in most feeds)."""
    content_html: str
    """content:encoded, Atom content or JSON content_html ("" when the feed has only a summary)."""
    cover: str
    """media:content, media:thumbnail, an image enclosure or JSON image ("" when none)."""


@dataclass(frozen=True)
class ParsedFeed:
    """What a feed document held."""

    title: str
    kind: str
    """feedparser's version name ("rss20", "atom10" ...) or "json1"."""
    items: tuple[FeedItem, ...]
    problem: str = ""
    """Why the document parsed only in part ("" when it parsed cleanly)."""


def parse_feed(data: bytes, url: str, content_type: str = "") -> ParsedFeed:
    """Parse a feed document fetched from `url` (served as `content_type`); raise
    FeedError when it is not a feed."""
    if data.lstrip()[:1] == b"{":
        return _parse_json_feed(data, url)
    headers = {"content-location": url, "content-type": content_type or "application/xml"}
    # feedparser's own sanitiser turns markup written inside <script> into real tags;
    # digest's (nh3) drops scripts with their content, so the raw HTML goes to it.
    parsed = feedparser.parse(data, response_headers=headers, sanitize_html=False,
                              resolve_relative_uris=True)
    problem = _bozo_reason(parsed)
    version, entries = parsed.get("version", ""), parsed.get("entries", [])
    if not version and not entries:
        raise FeedError(_not_a_feed(data, problem))
    items = tuple(_item(entry, url) for entry in entries)
    if problem:
        problem = f"malformed feed ({problem}); imported the {len(items)} items that parsed"
    return ParsedFeed(title=feed_name(parsed.get("feed", {}).get("title", "")),
                      kind=version or "unknown",
                      items=items, problem=problem)


def feed_name(title: str) -> str:
    """A feed's title as an outlet name: entities decoded, and a generic tail such as
    " - Home", " | Latest news" or " RSS feed" removed ("BBC News - Home" -> "BBC News")."""
    name = clean_inline_text(title)
    while True:
        shorter = _GENERIC_TAIL.sub("", name).strip()
        if shorter == name or not shorter:
            return name
        name = shorter


def _bozo_reason(parsed: Any) -> str:
    if not parsed.get("bozo"):
        return ""
    exc = parsed.get("bozo_exception")
    # A feed declared in one encoding and served in another, or served as text/html,
    # parses fine: not worth a warning.
    if isinstance(exc, (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)):
        return ""
    return str(exc) or type(exc).__name__


def _not_a_feed(data: bytes, problem: str) -> str:
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "not a feed: this is an HTML page (look for its RSS or Atom link)"
    return f"not a feed: no RSS, Atom or JSON Feed found ({problem or 'empty document'})"


def _item(entry: Any, base: str) -> FeedItem:
    content = _content_html(entry)
    summary = entry.get("summary", "")
    return FeedItem(
        link=urljoin(base, entry.get("link", "")) if entry.get("link") else "",
        title=entry.get("title", ""),
        date=_struct_date(entry.get("published_parsed") or entry.get("updated_parsed")),
        authors=tuple(a["name"] for a in entry.get("authors", []) if a.get("name")),
        tags=tuple(t["term"] for t in entry.get("tags", []) if t.get("term")),
        summary_html=summary if summary != content else "",
        content_html=content,
        cover=_feed_cover(entry, base),
    )


def _content_html(entry: Any) -> str:
    parts = entry.get("content") or []
    html_parts = [p for p in parts if "html" in (p.get("type") or "")] or parts
    return html_parts[0].get("value", "") if html_parts else ""


def _struct_date(value: Any) -> dt.datetime | None:
    # feedparser gives UTC struct_times (a date without a zone is read as UTC).
    if not value:
        return None
    return dt.datetime(*value[:6], tzinfo=dt.timezone.utc)


def _feed_cover(entry: Any, base: str) -> str:
    for media in list(entry.get("media_content", [])) + list(entry.get("media_thumbnail", [])):
        url = media.get("url", "")
        if url and (media.get("medium") == "image" or "image" in media.get("type", "")
                    or _looks_like_image(url)):
            return urljoin(base, url)
    for link in entry.get("links", []):
        if link.get("rel") == "enclosure" and link.get("type", "").startswith("image/"):
            return urljoin(base, link.get("href", ""))
    return ""


def _looks_like_image(url: str) -> bool:
    return url.lower().split("?", 1)[0].endswith(_IMAGE_EXTENSIONS)


def first_body_image(html_text: str, base: str) -> str:
    """The first `<img>` of a body that is a picture rather than a tracking pixel
    (width or height of 1 or less), as an absolute http(s) URL; "" when none. Images
    inside scripts, iframes and other dropped elements do not count."""
    if "<img" not in html_text.lower():
        return ""
    images_only = nh3.clean(html_text, tags={"img"},
                            attributes={"img": {"src", "width", "height"}},
                            clean_content_tags=set(DROPPED_WITH_CONTENT), url_schemes={"http",
                                                                                       "https"})
    for tag in _IMG.findall(images_only):
        attrs = {m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None)
                 for m in _ATTR.finditer(tag)}
        if any(attrs.get(side, "").strip().rstrip("px").strip() in ("0", "1")
               for side in ("width", "height")):
            continue
        url = urljoin(base, attrs.get("src", "").strip())
        if url.startswith(("http://", "https://")):
            return url
    return ""


def _parse_json_feed(data: bytes, url: str) -> ParsedFeed:
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FeedError(f"not a feed: invalid JSON ({exc})") from None
    if not isinstance(document, dict) or not str(document.get("version", "")).startswith(
            JSON_FEED_VERSION):
        raise FeedError("not a feed: JSON without a JSON Feed 'version'")
    raw_items = document.get("items")
    if not isinstance(raw_items, list):
        raise FeedError("not a feed: JSON Feed without an 'items' list")
    items, bad = [], 0
    for raw in raw_items:
        if isinstance(raw, dict):
            items.append(_json_item(raw, url))
        else:
            bad += 1
    problem = f"malformed feed ({bad} items are not objects); imported the {len(items)} " \
              "items that parsed" if bad else ""
    return ParsedFeed(title=feed_name(_text(document.get("title"))), kind="json1",
                      items=tuple(items),
                      problem=problem)


def _json_item(raw: dict[str, Any], base: str) -> FeedItem:
    authors = raw.get("authors") or ([raw["author"]] if isinstance(raw.get("author"), dict)
                                     else [])
    link = _text(raw.get("url")) or _text(raw.get("external_url"))
    content = _text(raw.get("content_html")) or _text_paragraphs(_text(raw.get("content_text")))
    link = urljoin(base, link) if link else ""
    image = _text(raw.get("image")) or _text(raw.get("banner_image"))
    return FeedItem(
        link=link,
        title=_text(raw.get("title")),
        date=_iso_date(raw.get("date_published")) or _iso_date(raw.get("date_modified")),
        authors=tuple(_text(a.get("name")) for a in authors
                      if isinstance(a, dict) and _text(a.get("name"))),
        tags=tuple(_text(t) for t in raw.get("tags") or [] if _text(t)),
        summary_html=_escape_text(_text(raw.get("summary"))),
        content_html=content,
        cover=urljoin(link or base, image) if image else "",
    )


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _escape_text(text: str) -> str:
    """JSON Feed text fields are plain text: escape them so they read as HTML text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _text_paragraphs(text: str) -> str:
    """Plain text as HTML paragraphs (blank lines part them)."""
    return "".join(f"<p>{_escape_text(part)}</p>" for part in re.split(r"\n\s*\n", text)
                   if part.strip())


def _iso_date(value: Any) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.timezone.utc)
