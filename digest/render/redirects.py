"""Netlify `_redirects` from article `aliases:` (old URLs), so moved stories keep
their links."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

from digest.compose.model import Digest
from digest.config import Config
from digest.content.fields import as_list
from digest.files import OutputFile
from digest.render.urls import root_url, story_path


def redirect_rules(digests: Sequence[Digest], config: Config) -> list[tuple[str, str]]:
    """(old path, new path) for every alias of every article, sorted; the first
    story claiming an old path wins."""
    rules: dict[str, str] = {}
    for digest in digests:
        target = root_url(config.base_url, story_path(digest.slug))
        for article in digest.story.articles:
            for alias in as_list(article.extra.get("aliases")):
                old = _path_of(alias)
                if old and old != target:
                    rules.setdefault(old, target)
    return sorted(rules.items())


def _path_of(alias: str) -> str:
    path = urlsplit(alias.strip()).path if "://" in alias else alias.strip()
    if not path or any(c.isspace() for c in path):
        return ""
    return path if path.startswith("/") else "/" + path


def redirects_file(digests: Sequence[Digest], config: Config) -> list[OutputFile]:
    """`_redirects` in Netlify's format (only when there is at least one alias)."""
    rules = redirect_rules(digests, config)
    if not rules:
        return []
    text = "".join(f"{old}  {new}  301\n" for old, new in rules)
    return [OutputFile("_redirects", text.encode())]
