"""`digest import`: feeds in, one markdown article per item in `content/`.

Beside the build pipeline (like `serve`): it reads config and writes content, and
no build stage imports it, so a build never touches the network. One run reads
every feed first, a few at a time (a feed that fails is listed with its reason and
the rest go on); then decides every item in feed order (the first feed to carry a
URL owns it, later copies are skipped as duplicates); fetches the pages wanted, a
few at a time; and last writes the articles, in order.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from digest.config import Config
from digest.content.outlets import domain_of
from digest.content.slugs import slugify
from digest.importer.articles import (
    FeedSource, PageText, article_text, canonical_url, edited_by_hand, item_hash, recorded_hash,
    slug_from_url, url_hash,
)
from digest.importer.feeds import FeedError, FeedItem, ParsedFeed, parse_feed
from digest.importer.fetch import FetchError, Limits, Robots, fetch, read_file
from digest.importer.pages import fetch_page
from digest.importer.store import (
    ContentIndex, UnsafePath, index_content, read_text, safe_target, write_text_atomic,
)

FEED_ACCEPT = ("application/rss+xml, application/atom+xml, application/feed+json, "
               "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5")
ACTIONS = ("new", "updated", "unchanged", "kept", "skipped")
_ITEM_KEY = re.compile(r"^  item: '?([0-9a-f]+)'?\r?$", re.MULTILINE)
WORKERS = 4
"""Feeds, and article pages, fetched at once (browsers open six connections to a site)."""
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class ImportOptions:
    """What the command line asked for."""

    since: dt.datetime | None = None
    """Items dated before this are skipped."""
    limit: int | None = None
    """At most this many items per feed, newest first."""
    fetch_pages: bool = False
    dry_run: bool = False


@dataclass(frozen=True)
class FeedReport:
    """How one feed went."""

    url: str
    title: str = ""
    items: int = 0
    """Items the feed held."""
    problem: str = ""
    """A partial parse ("malformed feed ...") or, with `failed`, why nothing was read."""
    failed: bool = False


@dataclass(frozen=True)
class ItemOutcome:
    """What happened to one item."""

    action: str
    """One of ACTIONS."""
    url: str
    """The item's source URL (its link as given when it has no usable one)."""
    feed: str
    path: str = ""
    """The article file, relative to the content folder ("" when skipped)."""
    reason: str = ""
    """Why it was skipped or kept, or what went wrong with its page."""


@dataclass(frozen=True)
class ImportResult:
    """Everything one `digest import` run did (or, with dry_run, would do)."""

    feeds: tuple[FeedReport, ...]
    items: tuple[ItemOutcome, ...]
    dry_run: bool = False

    def count(self, action: str) -> int:
        """How many items ended with `action`."""
        return sum(1 for item in self.items if item.action == action)


def configured_feeds(config: Config) -> list[FeedSource]:
    """The `[import] feeds` of digest.toml, file paths taken relative to the site folder."""
    feeds = []
    for entry in config.import_.feeds:
        url = entry["url"]
        if "://" not in url and not Path(url).is_absolute():
            url = str(config.site_dir / url)
        feeds.append(FeedSource(url=url, topic=entry.get("topic", ""),
                                outlet=entry.get("outlet", "")))
    return feeds


def import_feeds(config: Config, feeds: Sequence[FeedSource], options: ImportOptions,
                 progress: Progress | None = None) -> ImportResult:
    """Read `feeds` and write one article per new or changed item into the content
    folder (nothing with `options.dry_run`); never raises for a bad feed, item or page."""
    progress = progress or (lambda stage, done, total: None)
    limits = _limits(config)
    reports, parsed = [], []
    with ThreadPoolExecutor(WORKERS) as pool:
        read = pool.map(lambda feed: _read_feed(feed, limits), feeds)
        for number, (feed, (report, result)) in enumerate(zip(feeds, read), start=1):
            reports.append(report)
            if result is not None:
                parsed.append((feed, result))
            progress("Reading feeds", number, len(feeds))
    run = _Run(config, options, index_content(config.content_path))
    # Decide every item first (in feed order: the first feed to carry a URL owns it),
    # then fetch the pages wanted, several at a time, then write in order.
    planned = [run.plan(feed, result, item) for feed, result in parsed
               for item in _selected(result.items, options.limit)]
    pending = [p for p in planned if isinstance(p, _Pending)]
    pages = run.fetch_pages_of(pending, progress)
    outcomes = []
    for number, plan in enumerate(planned, start=1):
        outcomes.append(run.finish(plan, pages.get(plan.rel)) if isinstance(plan, _Pending)
                        else plan)
        progress("Writing articles", number, len(planned))
    return ImportResult(tuple(reports), tuple(outcomes), options.dry_run)


def _limits(config: Config) -> Limits:
    settings = config.import_
    return Limits(settings.timeout, settings.max_feed_bytes, settings.max_redirects)


def _page_limits(config: Config) -> Limits:
    settings = config.import_
    return Limits(settings.timeout, settings.max_page_bytes, settings.max_redirects)


def _read_feed(feed: FeedSource, limits: Limits) -> tuple[FeedReport, ParsedFeed | None]:
    try:
        if feed.url.startswith(("http://", "https://")):
            fetched = fetch(feed.url, limits, accept=FEED_ACCEPT)
        elif "://" in feed.url:
            raise FetchError(f"only http(s) URLs and files are read, not {feed.url!r}")
        else:
            fetched = read_file(Path(feed.url), limits.max_bytes)
        result = parse_feed(fetched.data, fetched.url, fetched.content_type)
    except (FetchError, FeedError) as exc:
        return FeedReport(feed.url, problem=exc.reason, failed=True), None
    return FeedReport(feed.url, result.title, len(result.items), result.problem), result


def _selected(items: Sequence[FeedItem], limit: int | None) -> list[FeedItem]:
    if limit is None:
        return list(items)
    oldest = dt.datetime.min.replace(tzinfo=dt.timezone.utc)
    newest_first = sorted(items, key=lambda i: i.date or oldest, reverse=True)
    return newest_first[:limit]


@dataclass(frozen=True)
class _Pending:
    """An item to write once its page (if wanted) is fetched."""

    feed: FeedSource
    parsed: ParsedFeed
    item: FeedItem
    source: str
    key: str
    rel: str
    slug: str
    old: str | None
    """The file's current text (None for a new article)."""
    wants_page: bool


class _Run:
    """The state of one import run: the content index and the URLs already handled."""

    def __init__(self, config: Config, options: ImportOptions, index: ContentIndex) -> None:
        self.config, self.options, self.index = config, options, index
        self.page_limits = _page_limits(config)
        self.fetch_pages = options.fetch_pages or config.import_.fetch_pages
        self.seen: dict[str, str] = {}

    def plan(self, feed: FeedSource, parsed: ParsedFeed,
             item: FeedItem) -> ItemOutcome | _Pending:
        """What `item` needs: an outcome already known, or an article to write."""
        skipped = self._skip_reason(item)
        if skipped:
            return ItemOutcome("skipped", item.link or item.title, feed.url, reason=skipped)
        source = canonical_url(item.link)
        self.seen[source] = feed.url
        key = item_hash(item, feed, self.fetch_pages)
        existing = self.index.by_source.get(source)
        if existing is None:
            rel, slug = self._new_name(feed, parsed, source)
            return self._pending(feed, parsed, item, source, key, rel, slug, None)
        rel = existing.relative_to(self.index.content_dir).as_posix()
        text = read_text(existing)
        if text is None or recorded_hash(text) is None:
            return ItemOutcome("kept", source, feed.url, rel, "written by hand (no imported "
                               "hash): left as it is")
        if edited_by_hand(text):
            return ItemOutcome("kept", source, feed.url, rel, "edited by hand since the last "
                               "import: left as it is")
        recorded = _ITEM_KEY.search(text)
        if recorded and recorded.group(1) == key:
            self.index.claim(rel, existing.stem, source)
            return ItemOutcome("unchanged", source, feed.url, rel)
        return self._pending(feed, parsed, item, source, key, rel, existing.stem, text)

    def _skip_reason(self, item: FeedItem) -> str:
        # The rule: an article needs a link (its identity and the citation) and a date
        # (published, else updated); without either the item is listed, not guessed at.
        if not item.link:
            return "no link: an article needs the URL it cites"
        if not item.link.startswith(("http://", "https://")):
            return f"link {item.link!r} is not an http(s) URL"
        if item.date is None:
            return "no date: the item has neither a published nor an updated date"
        if self.options.since and item.date < self.options.since:
            return "older than --since"
        first = self.seen.get(canonical_url(item.link))
        if first is not None:
            return f"duplicate: the same URL is an item of {first}"
        return ""

    def _new_name(self, feed: FeedSource, parsed: ParsedFeed, source: str) -> tuple[str, str]:
        folder = slugify(feed.topic) if feed.topic else slugify(
            feed.outlet or parsed.title or domain_of(feed.url) or Path(feed.url).stem)
        slug = slug_from_url(source)
        if not self.index.free(f"{folder}/{slug}.md", slug, source):
            slug = f"{slug}-{url_hash(source)}"
        return f"{folder}/{slug}.md", slug

    def _pending(self, feed, parsed, item, source, key, rel, slug,
                 old: str | None) -> ItemOutcome | _Pending:
        self.index.claim(rel, slug, source)
        if self.options.dry_run:
            return ItemOutcome("new" if old is None else "updated", source, feed.url, rel)
        # "A feed that carries only excerpts": an item without content:encoded/content.
        wants_page = self.fetch_pages and not item.content_html.strip()
        return _Pending(feed, parsed, item, source, key, rel, slug, old, wants_page)

    def fetch_pages_of(self, pending: Sequence[_Pending],
                       progress: Progress) -> dict[str, PageText | str]:
        """The page text of each pending item that wants one, or why it could not be
        had, keyed by the article's path; WORKERS requests at a time."""
        wanted = [p for p in pending if p.wants_page]
        if not wanted:
            return {}
        robots = Robots(self.page_limits)
        for plan in wanted:  # robots.txt once per site, before the requests run in parallel
            robots.load(plan.source)
        results: dict[str, PageText | str] = {}
        with ThreadPoolExecutor(WORKERS) as pool:
            fetched = pool.map(lambda plan: self._page(plan.source, robots), wanted)
            for number, (plan, page) in enumerate(zip(wanted, fetched), start=1):
                results[plan.rel] = page
                progress("Fetching pages", number, len(wanted))
        return results

    def _page(self, url: str, robots: Robots) -> PageText | str:
        try:
            return fetch_page(url, self.page_limits, robots)
        except FetchError as exc:
            return f"page not fetched ({exc.reason}); the feed's excerpt is used"

    def finish(self, plan: _Pending, page: PageText | str | None) -> ItemOutcome:
        """Write the article of `plan` (unless its text is unchanged); the outcome."""
        action = "new" if plan.old is None else "updated"
        key, note = plan.key, ""
        if isinstance(page, str):
            # Recorded as read without pages, so the next run tries the page again.
            key, note, page = item_hash(plan.item, plan.feed, False), page, None
        text = article_text(plan.item, source=plan.source, slug=plan.slug, feed=plan.feed,
                            feed_title=plan.parsed.title, tz=self.config.tz, item_key=key,
                            page=page)
        if text == plan.old:
            return ItemOutcome("unchanged", plan.source, plan.feed.url, plan.rel, note)
        try:
            write_text_atomic(safe_target(self.config.content_path, plan.rel), text)
        except (UnsafePath, OSError) as exc:
            return ItemOutcome("skipped", plan.source, plan.feed.url, plan.rel,
                               f"not written: {exc}")
        return ItemOutcome(action, plan.source, plan.feed.url, plan.rel, note)
