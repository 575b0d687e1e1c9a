"""sitemap.xml and robots.txt, so search engines find every page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from xml.sax.saxutils import escape

from digest.compose.model import Digest
from digest.config import Config
from digest.files import OutputFile
from digest.render.editions import EDITIONS, Edition
from digest.render.urls import TOPICS, absolute_url, story_path, topic_path


def sitemap_entries(digests: Sequence[Digest],
                    editions: Sequence[Edition]) -> list[tuple[str, dt.datetime | None]]:
    """(site path, last modified) for every indexable page; lastmod is the newest
    article date shown on the page."""
    newest = max((d.story.last_date for d in digests), default=None)
    entries: list[tuple[str, dt.datetime | None]] = [("", newest), (TOPICS, newest)]
    by_topic: dict[str, dt.datetime] = {}
    for digest in digests:
        slug = digest.story.topic.slug
        by_topic[slug] = max(by_topic.get(slug, digest.story.last_date), digest.story.last_date)
        entries.append((story_path(digest.slug), digest.story.last_date))
    entries += [(topic_path(slug), date) for slug, date in by_topic.items()]
    entries += [(EDITIONS, newest)] + [(e.path, max(s.digest.story.last_date for s in e.stories))
                                       for e in editions]
    return sorted(entries, key=lambda e: e[0])


def sitemap_files(digests: Sequence[Digest], editions: Sequence[Edition], config: Config,
                  listed: Sequence[tuple[str, dt.datetime | None]] = ()) -> list[OutputFile]:
    """sitemap.xml (when base_url is set: sitemaps need absolute URLs) and robots.txt;
    `listed` adds (site path, last modified) of more pages: later pages of the topic
    lists and the weekly topic digests."""
    robots = "User-agent: *\nAllow: /\n"
    if not config.base_url:
        return [OutputFile("robots.txt", robots.encode())]
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    entries = sitemap_entries(digests, editions) + list(listed)
    if config.search.enabled:
        entries.append(("search/", None))
    entries.sort(key=lambda e: e[0])
    for path, lastmod in entries:
        lines.append(f"  <url><loc>{escape(absolute_url(config.base_url, path))}</loc>"
                     + (f"<lastmod>{lastmod.date().isoformat()}</lastmod>" if lastmod else "")
                     + "</url>")
    lines.append("</urlset>")
    robots += f"Sitemap: {absolute_url(config.base_url, 'sitemap.xml')}\n"
    return [OutputFile("sitemap.xml", ("\n".join(lines) + "\n").encode()),
            OutputFile("robots.txt", robots.encode())]
