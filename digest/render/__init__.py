"""The `render` stage: digests and topics → HTML pages through the theme.

Every page is rendered in memory first (gather, then write); a template error
names the template and line.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, NamedTuple

import jinja2
from jinja2.filters import make_attrgetter

from digest.compose.model import Digest
from digest.config import Config
from digest.files import OutputFile
from digest.group.model import Grouping
from digest.hashing import bytes_hash
from digest.images import CoverImage, ImageSet
from digest.memo import NO_MEMOS, Memos
from digest.rank import Ranking, rank_stories, top_slugs
from digest.rank.weeks import topic_weeks
from digest.render.cites import sentence_html, sentences_html
from digest.render.editions import EDITIONS, Edition, build_editions, edition_path, story_timeline
from digest.render.feeds import feed_files
from digest.render.listing import Pager, listed_stories, paginate, topic_views
from digest.render.markdown import MarkdownMemo, make_markdown
from digest.render.navigation import NavEdition, TopicView
from digest.render.page import PageReads, PageRenderer, RenderedPage, render_page
from digest.render.pagecache import digest_keys, lists_key, page_key, shared_key
from digest.render.redirects import redirects_file
from digest.render.sitemap import sitemap_files
from digest.render.storylines import storyline_cards, storyline_digests, storyline_entries
from digest.render.structured import item_list, json_ld, news_article
from digest.render.theme import (
    Theme,
    find_theme,
    make_environment,
    templates_key,
    theme_assets,
)
from digest.render.urls import TOPICS, absolute_url, output_file, story_path

__all__ = ["RenderedPage", "RenderedSite", "StoryPages", "render_site", "render_story"]


@dataclass(frozen=True)
class RenderedSite:
    """Every page and asset of the site, in memory, sorted by path."""

    files: tuple[OutputFile, ...]
    theme: Theme
    story_pages: StoryPages | None = None
    """What this build's story pages were rendered from (`render_story`)."""


@dataclass(frozen=True)
class StoryPages:
    """What the story pages of one build were rendered from besides their digests: the
    parts of their page keys, the site's topics, editions and storylines, the covers."""

    theme: Theme
    keys: _PageKeys
    asset_names: Mapping[str, str]
    images: ImageSet
    topics: tuple[TopicView, ...]
    editions: tuple[Edition, ...]
    storylines: Mapping[str, Sequence[Digest]] = dataclasses.field(default_factory=dict)
    """The digests of each story's storyline (`storyline_digests`) of the build."""


def render_story(pages: StoryPages, digest: Digest, config: Config,
                 memos: Memos = NO_MEMOS) -> RenderedPage:
    """The story page of `digest`, a new digest of one of the build's stories with the same
    covers, as that build would render it (through `memos`), and what it read: a page
    that read the site-wide story lists is not what a build of the new digest renders,
    since that build changes them."""
    renderer = _page_renderer(pages.theme, config, memos, pages.images, pages.asset_names,
                              pages.topics, pages.editions)
    page = (story_path(digest.story.slug), "story.html",
            {"digest": digest, "storyline": storyline_entries(digest, pages.storylines)})
    known = {**pages.keys.digests, **digest_keys([digest], pages.images)}
    keys = dataclasses.replace(pages.keys, digests=known)
    return _render_cached(renderer, page, keys, memos)


def render_site(grouping: Grouping, digests: Sequence[Digest], images: ImageSet,
                config: Config, memos: Memos = NO_MEMOS,
                only: Collection[str] | None = None,
                ranking: Ranking | None = None) -> RenderedSite:
    """Render the front page, topic pages (paginated) and their weekly digests, one page
    per story, the editions and the 404 page.  Lists are ordered by `ranking` (scored
    here when not given).

    A page `memos.pages` holds is reused while what it shows is unchanged
    (`digest.render.pagecache`); markdown texts likewise through `memos.markdown`.
    With `only` (output files, e.g. "index.html"), just
    those pages are rendered, as the whole site would render them, and nothing else.
    """
    if ranking is None:
        ranking = rank_stories(grouping.stories, config)
    theme = find_theme(config)
    asset_names, asset_files = theme_assets(theme, config)
    by_slug = {d.story.slug: d for d in digests}
    lines = storyline_digests(grouping, digests)
    weeks = topic_weeks(digests, ranking, config)
    topics = topic_views(grouping, by_slug, ranking, config.tz, weeks)
    # A top story's card tells what happened: a story with nothing that stands alone to
    # say (no summary) is listed with the others, never among the top stories.
    top = top_slugs([s for s in grouping.stories if by_slug[s.slug].summary], ranking,
                    config.rank.top)
    front = {"top": tuple(by_slug[slug] for slug in top),
             "latest": listed_stories(digests, ranking, config.tz, leave_out=set(top),
                                      by_day=False)}
    pages: list[tuple[str, str, dict]] = [
        ("", "index.html", front),
        (TOPICS, "topics.html", {}),
        ("404.html", "404.html", {}),
    ]
    pagers = [(t, pager, earlier) for t in topics
              for pager, earlier in _storyline_pages(t, config.topics.per_page)]
    pages += [(pager.path, "topic.html", {"topic": t, "pager": pager, "earlier": earlier})
              for t, pager, earlier in pagers]
    pages += [(w.path, "topic-week.html", {"week": w}) for w in weeks]
    pages += [(story_path(d.story.slug), "story.html",
               {"digest": d, "storyline": storyline_entries(d, lines)}) for d in digests]
    editions = build_editions(digests, config.tz, ranking.score)
    pages += [(EDITIONS, "editions.html", {})] + _edition_pages(editions)
    if config.search.enabled:
        pages.append(("search/", "search.html", {}))
    if config.base_url:
        pages += [(e.path + "email.html", "email.html", {"edition": e}) for e in editions]
    if only is not None:
        pages = [page for page in pages if output_file(page[0]) in only]
    renderer = _page_renderer(theme, config, memos, images, asset_names, topics, editions)
    known = digest_keys(digests, images)
    keys = _PageKeys(shared=shared_key(config, asset_names, templates_key(theme, config),
                                       topics, editions),
                     digests=known, lists=lists_key(topics, editions, known))
    files = [_render_cached(renderer, page, keys, memos).file for page in pages]
    if only is not None:
        return RenderedSite(files=tuple(sorted(files, key=lambda f: f.path)), theme=theme)
    listed = [(p.path, max((d.story.last_date for d in p.items), default=None))
              for _, p, _ in pagers if p.number > 1] + [(w.path, w.last_date) for w in weeks]
    files += asset_files + list(images.files) + sitemap_files(digests, editions, config, listed)
    files += feed_files(digests, config, weeks) + redirects_file(digests, config)
    story_pages = StoryPages(theme=theme, keys=keys, asset_names=asset_names, images=images,
                             topics=topics, editions=tuple(editions), storylines=lines)
    return RenderedSite(files=tuple(sorted(files, key=lambda f: f.path)), theme=theme,
                        story_pages=story_pages)


def _page_renderer(theme: Theme, config: Config, memos: Memos, images: ImageSet,
                   asset_names: Mapping[str, str], topics: Sequence[TopicView],
                   editions: Sequence[Edition]) -> PageRenderer:
    """What the pages of a build are rendered with: the theme's templates with the site's
    globals, the topics and editions, the markdown memo."""
    env = make_environment(theme, config, memos.templates)
    env.filters["date"] = format_date
    env.filters["json_ld"] = json_ld
    env.filters["groupby_month"] = _by_month
    env.filters["grouped_by"] = _grouped_by
    env.globals["news_article"] = partial(news_article, config=config)
    env.globals["item_list"] = partial(item_list, config=config)
    env.globals["absolute_url"] = partial(absolute_url, config.base_url)
    env.globals["timeline"] = partial(story_timeline, tz=config.tz)
    env.globals["edition_path"] = edition_path
    env.globals.update(site=config, asset_names=asset_names, covers=images.covers,
                       story_path=story_path)
    env.globals["cover_of"] = partial(cover_of, images)
    env.globals["storyline_cards"] = storyline_cards
    env.globals.update(sentence_html=sentence_html, sentences_html=sentences_html)
    markdown = MarkdownMemo(make_markdown(config.markdown), config.markdown, memos.markdown,
                            keyed=memos.enabled)
    return PageRenderer(env=env, config=config, asset_names=asset_names, topics=tuple(topics),
                        editions=tuple(editions), markdown=markdown)


def _storyline_pages(topic: TopicView, per_page: int) -> list[tuple[Pager, tuple[int, ...]]]:
    """The pages of a topic's list with each storyline shown once across all pages (its
    latest story), each page with the "+N earlier" count of every story it lists."""
    cards = storyline_cards(topic.digests)
    earlier = {c.digest.story.slug: c.earlier for c in cards}
    return [(pager, tuple(earlier[d.story.slug] for d in pager.items))
            for pager in paginate(topic.slug, [c.digest for c in cards], per_page)]


class _CachedPage(NamedTuple):
    """A rendered page as the page cache keeps it."""

    data: bytes
    data_hash: str
    lists: str | None
    """`_PageKeys.lists` when the page read the story lists, else None."""
    markdown: tuple[str, ...]
    """The `MarkdownMemo` keys of the texts it converted."""


@dataclass(frozen=True)
class _PageKeys:
    """What the page keys of one build are made of (`digest.render.pagecache`)."""

    shared: str
    digests: dict[str, Any]
    lists: str | None
    """Key of the topics' and editions' story lists, for the pages that read them."""


def _render_cached(renderer: PageRenderer, page: tuple[str, str, dict], keys: _PageKeys,
                   memos: Memos) -> RenderedPage:
    """The page from the cache when its key and (if it read them) the story lists are
    unchanged; else rendered, and stored with the lists' key if it read them. No key is
    computed when the memos keep nothing."""
    key = page_key(keys.shared, *page, keys.digests) if memos.enabled else None
    cached = memos.pages.get(key)
    if cached is not None and (cached.lists is None or cached.lists == keys.lists):
        for text in cached.markdown:
            memos.markdown.keep(text)  # the next build may render the page again
        file = OutputFile(path=output_file(page[0]), data=cached.data,
                          data_hash=cached.data_hash)
        return RenderedPage(file, PageReads(lists=cached.lists is not None,
                                            texts=cached.markdown))
    rendered = render_page(renderer, *page)
    reads, data = rendered.reads, rendered.file.data
    file = dataclasses.replace(rendered.file, data_hash=bytes_hash(data))
    # a page that read story lists no key describes is rendered every time
    if not (reads.lists and keys.lists is None):
        memos.pages.put(key, _CachedPage(data=data, data_hash=file.data_hash,
                                         lists=keys.lists if reads.lists else None,
                                         markdown=reads.texts))
    return RenderedPage(file, reads)


def cover_of(images: ImageSet, digest: Digest) -> CoverImage | None:
    """The cover of a digest: that of its first source that has one."""
    for source in digest.sources:
        cover = images.covers.get(source.article.rel_path)
        if cover is not None:
            return cover
    return None


def format_date(value) -> str:
    """"21 December 2025": unambiguous in every locale, no leading zero."""
    return f"{value.day} {value:%B %Y}"


def _edition_pages(editions: Sequence[Edition]) -> list[tuple[str, str, dict]]:
    pages = []
    for i, edition in enumerate(editions):
        context = {"edition": edition,
                   "previous": editions[i - 1] if i > 0 else None,
                   "following": editions[i + 1] if i + 1 < len(editions) else None}
        pages.append((edition.path, "edition.html", context))
    return pages


def _by_month(editions: Sequence[NavEdition]) -> list[tuple]:
    """Editions grouped by (first day of) month, keeping their order."""
    groups: dict = {}
    for edition in editions:
        groups.setdefault(edition.day.replace(day=1), []).append(edition)
    return list(groups.items())


@jinja2.pass_environment
def _grouped_by(env: jinja2.Environment, items: Iterable[Any], attribute: str) -> dict[Any, list]:
    """Items by the value of `attribute` (dotted, as `selectattr` reads it), keeping their
    order: one pass instead of a `selectattr` over all items for every value."""
    key = make_attrgetter(env, attribute)
    groups: dict[Any, list] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return groups
