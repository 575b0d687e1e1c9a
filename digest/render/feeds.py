"""Atom and JSON Feed 1.1 for the whole site and per topic: one entry per story,
whose content is the digest (summary, takeaways, links to the sources)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from html import escape

from digest.compose.model import Digest, DigestSentence
from digest.config import Config
from digest.files import OutputFile
from digest.render.urls import absolute_url, story_path, topic_path

FEED_ENTRIES = 50


def feed_files(digests: Sequence[Digest], config: Config) -> list[OutputFile]:
    """atom.xml and feed.json at the root and in every topic folder (feeds need
    absolute URLs, so nothing is written without base_url)."""
    if not config.base_url:
        return []
    files = _feeds("", config.title, digests, config)
    topics = sorted({d.story.topic for d in digests}, key=lambda t: t.slug)
    for topic in topics:
        in_topic = [d for d in digests if d.story.topic == topic]
        files += _feeds(topic_path(topic.slug), f"{topic.name} · {config.title}", in_topic, config)
    return files


def _feeds(folder: str, title: str, digests: Sequence[Digest], config: Config) -> list[OutputFile]:
    newest = sorted(digests, key=lambda d: (-d.story.last_date.timestamp(), d.slug))
    newest = newest[:FEED_ENTRIES]
    return [OutputFile(folder + "atom.xml", _atom(folder, title, newest, config).encode()),
            OutputFile(folder + "feed.json", _json_feed(folder, title, newest, config).encode())]


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


def _atom(folder: str, title: str, digests: Sequence[Digest], config: Config) -> str:
    self_url = absolute_url(config.base_url, folder + "atom.xml")
    home = absolute_url(config.base_url, folder)
    updated = max((d.story.last_date for d in digests), default=None)
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
    for digest in digests:
        url = absolute_url(config.base_url, story_path(digest.slug))
        authors = sorted({a.outlet for a in digest.story.articles})
        lines += ["  <entry>",
                  f"    <title>{escape(digest.title)}</title>",
                  f'    <link rel="alternate" type="text/html" href="{escape(url)}"/>',
                  f"    <id>{escape(url)}</id>",
                  f"    <published>{digest.story.first_date.isoformat()}</published>",
                  f"    <updated>{digest.story.last_date.isoformat()}</updated>",
                  f"    <author><name>{escape(', '.join(authors))}</name></author>",
                  f'    <category term="{escape(digest.story.topic.name)}"/>',
                  f'    <content type="html">{escape(entry_html(digest, config))}</content>',
                  "  </entry>"]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def _json_feed(folder: str, title: str, digests: Sequence[Digest], config: Config) -> str:
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": title,
        "home_page_url": absolute_url(config.base_url, folder),
        "feed_url": absolute_url(config.base_url, folder + "feed.json"),
        "language": config.language,
        "items": [{
            "id": absolute_url(config.base_url, story_path(d.slug)),
            "url": absolute_url(config.base_url, story_path(d.slug)),
            "title": d.title,
            "content_html": entry_html(d, config),
            "summary": " ".join(s.text for s in d.summary),
            "date_published": d.story.first_date.isoformat(),
            "date_modified": d.story.last_date.isoformat(),
            "tags": [d.story.topic.name],
            "authors": [{"name": name} for name in sorted({a.outlet for a in d.story.articles})],
            "external_url": d.sources[0].article.source or None,
        } for d in digests],
    }
    for item in feed["items"]:
        if item["external_url"] is None:
            del item["external_url"]
    if config.description:
        feed["description"] = config.description
    return json.dumps(feed, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
