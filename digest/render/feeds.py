"""Atom and JSON Feed 1.1 for the whole site and per topic: one entry per story,
whose content is the digest (summary, takeaways, links to the sources); a topic's
feeds also hold one entry per weekly digest of the topic."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from digest.compose.model import Digest, DigestSentence
from digest.config import Config
from digest.files import OutputFile
from digest.rank.weeks import TopicWeek
from digest.render.urls import absolute_url, story_path, topic_path

FEED_ENTRIES = 50


@dataclass(frozen=True)
class _Entry:
    """One feed entry: a story's digest or a topic's weekly digest."""

    url: str
    title: str
    published: dt.datetime
    updated: dt.datetime
    authors: tuple[str, ...]
    category: str
    content_html: str
    summary: str
    external_url: str | None = None


def feed_files(digests: Sequence[Digest], config: Config,
               weeks: Sequence[TopicWeek] = ()) -> list[OutputFile]:
    """atom.xml and feed.json at the root and in every topic folder (feeds need
    absolute URLs, so nothing is written without base_url); a topic's feeds also hold
    its weekly digests."""
    if not config.base_url:
        return []
    files = _feeds("", config.title, [_story_entry(d, config) for d in digests], config)
    topics = sorted({d.story.topic for d in digests}, key=lambda t: t.slug)
    for topic in topics:
        entries = [_story_entry(d, config) for d in digests if d.story.topic == topic]
        entries += [_week_entry(w, config) for w in weeks if w.topic == topic]
        files += _feeds(topic_path(topic.slug), f"{topic.name} · {config.title}", entries,
                        config)
    return files


def _feeds(folder: str, title: str, entries: Sequence[_Entry],
           config: Config) -> list[OutputFile]:
    newest = sorted(entries, key=lambda e: (-e.updated.timestamp(), e.url))
    newest = newest[:FEED_ENTRIES]
    return [OutputFile(folder + "atom.xml", _atom(folder, title, newest, config).encode()),
            OutputFile(folder + "feed.json", _json_feed(folder, title, newest, config).encode())]


def _story_entry(digest: Digest, config: Config) -> _Entry:
    return _Entry(url=absolute_url(config.base_url, story_path(digest.slug)),
                  title=digest.title, published=digest.story.first_date,
                  updated=digest.story.last_date,
                  authors=tuple(sorted({a.outlet for a in digest.story.articles})),
                  category=digest.story.topic.name, content_html=entry_html(digest, config),
                  summary=" ".join(s.text for s in digest.summary),
                  external_url=digest.sources[0].article.source or None)


def _week_entry(week: TopicWeek, config: Config) -> _Entry:
    """A weekly digest as a feed entry, dated by its newest article."""
    page = absolute_url(config.base_url, week.path)

    def line(item) -> str:
        story = absolute_url(config.base_url, story_path(item.digest.slug))
        cites = "".join(f'<sup><a href="{page}#src-{n}">{n}</a></sup>' for n in item.cites)
        return f'<a href="{escape(story)}">{escape(item.text)}</a>{cites}'

    parts = ["<p>" + " ".join(line(item) for item in week.summary) + "</p>"]
    if week.takeaways:
        parts.append("<ul>" + "".join(f"<li>{line(t)}</li>" for t in week.takeaways) + "</ul>")
    return _Entry(url=page, title=f"{week.topic.name}: {week.label}",
                  published=week.last_date, updated=week.last_date,
                  authors=tuple(sorted({s.article.outlet for s in week.sources})),
                  category=week.topic.name, content_html="".join(parts),
                  summary=" ".join(item.text for item in week.summary))


def entry_html(digest: Digest, config: Config) -> str:
    """The digest as a self-contained HTML fragment with absolute links."""
    page = absolute_url(config.base_url, story_path(digest.slug))

    def sentence(s: DigestSentence) -> str:
        cites = "".join(f'<sup><a href="{page}#src-{n}">{n}</a></sup>' for n in s.cites)
        return escape(s.text) + cites

    parts = ["<p>" + " ".join(sentence(s) for s in digest.summary) + "</p>"]
    if digest.takeaways:
        parts.append("<ul>" + "".join(f"<li>{sentence(s)}</li>" for s in digest.takeaways)
                     + "</ul>")
    sources = []
    for source in digest.sources:
        a = source.article
        label = f"{escape(a.title)} ({escape(a.outlet)})"
        sources.append(f'<li><a href="{escape(a.source)}">{label}</a></li>' if a.source
                       else f"<li>{label}</li>")
    parts.append("<p>Sources:</p><ol>" + "".join(sources) + "</ol>")
    return "".join(parts)


def _atom(folder: str, title: str, entries: Sequence[_Entry], config: Config) -> str:
    self_url = absolute_url(config.base_url, folder + "atom.xml")
    home = absolute_url(config.base_url, folder)
    updated = max((e.updated for e in entries), default=None)
    lines = ['<?xml version="1.0" encoding="utf-8"?>',
             f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{escape(config.language)}">',
             f"  <title>{escape(title)}</title>",
             f'  <link rel="alternate" type="text/html" href="{escape(home)}"/>',
             f'  <link rel="self" type="application/atom+xml" href="{escape(self_url)}"/>',
             f"  <id>{escape(self_url)}</id>",
             f"  <updated>{(updated.isoformat() if updated else '1970-01-01T00:00:00+00:00')}"
             "</updated>"]
    if config.description:
        lines.append(f"  <subtitle>{escape(config.description)}</subtitle>")
    for entry in entries:
        lines += ["  <entry>",
                  f"    <title>{escape(entry.title)}</title>",
                  f'    <link rel="alternate" type="text/html" href="{escape(entry.url)}"/>',
                  f"    <id>{escape(entry.url)}</id>",
                  f"    <published>{entry.published.isoformat()}</published>",
                  f"    <updated>{entry.updated.isoformat()}</updated>",
                  f"    <author><name>{escape(', '.join(entry.authors))}</name></author>",
                  f'    <category term="{escape(entry.category)}"/>',
                  f'    <content type="html">{escape(entry.content_html)}</content>',
                  "  </entry>"]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def _json_feed(folder: str, title: str, entries: Sequence[_Entry], config: Config) -> str:
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": title,
        "home_page_url": absolute_url(config.base_url, folder),
        "feed_url": absolute_url(config.base_url, folder + "feed.json"),
        "language": config.language,
        "items": [{
            "id": e.url,
            "url": e.url,
            "title": e.title,
            "content_html": e.content_html,
            "summary": e.summary,
            "date_published": e.published.isoformat(),
            "date_modified": e.updated.isoformat(),
            "tags": [e.category],
            "authors": [{"name": name} for name in e.authors],
            "external_url": e.external_url,
        } for e in entries],
    }
    for item in feed["items"]:
        if item["external_url"] is None:
            del item["external_url"]
    if config.description:
        feed["description"] = config.description
    return json.dumps(feed, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
