"""`digest new`: a correctly formed article file with every canonical field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from digest.config import Config
from digest.content.outlets import outlet_from_url
from digest.content.slugs import distinct_slug, slugify
from digest.errors import ContentError


def write_new_article(config: Config, *, title: str, topic: str, source: str, outlet: str,
                      author: str, story: str, now: dt.datetime) -> Path:
    """Create `content/<slug>.md` and return its path; never overwrite a file."""
    if not title.strip():
        raise ContentError("the title is empty", hint='digest new "Title of the article"')
    if source and not source.startswith(("http://", "https://")):
        raise ContentError(f"--source must be an http(s) URL, not {source!r}")
    slug = slugify(title)
    if slug == "untitled":  # a title of symbols or emoji only: named by its own text
        slug = distinct_slug(slug, title.strip())
    path = config.content_path / f"{now:%Y-%m-%d}-{slug}.md"
    if path.exists():
        raise ContentError("an article with this title and date already exists", path=path,
                           hint="edit it, or choose another title")
    fields = {
        "title": title.strip(),
        "date": now.isoformat(),
        "source": source,
        "outlet": outlet or outlet_from_url(source) or "",
        "author": author,
        "topic": topic,
        "story": story,
        "tags": [],
        "cover": "",
        "cover_alt": "",
        "excerpt": "",
        "draft": False,
    }
    front = yaml.safe_dump(fields, sort_keys=False, allow_unicode=True, width=1000)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front}---\n\nWrite the article here.\n", encoding="utf-8")
    return path
