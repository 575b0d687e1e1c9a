"""JSON-LD structured data for pages (schema.org NewsArticle, ItemList)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from markupsafe import Markup

from digest.compose.model import Digest
from digest.config import Config
from digest.render.urls import absolute_url, story_path


def news_article(digest: Digest, config: Config, image: str | None = None) -> dict[str, Any]:
    """A schema.org NewsArticle for a digest page, `isBasedOn` listing its sources."""
    story = digest.story
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": digest.title[:110],
        "datePublished": story.first_date.isoformat(),
        "dateModified": story.last_date.isoformat(),
        "articleSection": story.topic.name,
        "description": " ".join(s.text for s in digest.summary),
        "isBasedOn": [s.article.source or s.article.title for s in digest.sources],
        "publisher": {"@type": "Organization", "name": config.title},
    }
    url = absolute_url(config.base_url, story_path(story.slug))
    if url:
        data["url"] = url
        data["mainEntityOfPage"] = url
    if image:
        data["image"] = [image]
    if digest.reviewed_by:
        data["editor"] = {"@type": "Person", "name": digest.reviewed_by}
    return data


def json_ld(data: dict[str, Any]) -> Markup:
    """A `<script type="application/ld+json">` block that cannot break out of its tag."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=None)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/ld+json">{text}</script>')


def item_list(name: str, digests: Sequence[Digest], config: Config) -> dict[str, Any]:
    """A schema.org ItemList of story pages, for topic and edition pages."""
    items = []
    for position, digest in enumerate(digests, start=1):
        item: dict[str, Any] = {"@type": "ListItem", "position": position, "name": digest.title}
        url = absolute_url(config.base_url, story_path(digest.slug))
        if url:
            item["url"] = url
        items.append(item)
    return {"@context": "https://schema.org", "@type": "ItemList", "name": name,
            "numberOfItems": len(items), "itemListElement": items}
