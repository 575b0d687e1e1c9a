"""Front-matter fields: canonical names, the aliases scraped feeds use, and
how each raw value becomes a typed one.

Precedence is fixed: the canonical name wins over an alias; among aliases the
first listed wins. Every alias used is recorded so `digest check --verbose`
can report it.
"""

from __future__ import annotations

from typing import Any

FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("headline",),
    "date": ("published", "pubDate", "published_at", "publish_date"),
    "source": ("url", "source_url", "link", "canonical"),
    "outlet": ("publisher", "site", "publication"),
    "author": ("authors", "byline"),
    "topic": ("category", "section", "categories", "topics"),
    "story": (),
    "tags": ("keywords",),
    "cover": ("coverImage", "cover_image", "image", "featured_image"),
    "cover_alt": ("coverAlt", "image_alt"),
    "excerpt": ("description", "dek", "summary"),
    "draft": (),
    "slug": (),
    "kind": (),
}

REQUIRED_FIELDS = ("title", "date")

# Fields that story override files (`kind: story`) may set, besides `story`.
STORY_FIELDS = ("title", "summary", "takeaways", "reviewed_by", "topic", "pin", "exclude",
                "weight")


def resolve_aliases(meta: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any],
                                                   list[tuple[str, str]]]:
    """Split raw front matter into (canonical fields, unknown fields, aliases used).

    `aliases used` lists (alias, canonical) for each alias that supplied a value.
    """
    known: dict[str, Any] = {}
    used: list[tuple[str, str]] = []
    consumed: set[str] = set()
    for canonical, aliases in FIELD_ALIASES.items():
        for name in (canonical, *aliases):
            if name in meta:
                consumed.add(name)
                if canonical not in known and meta[name] not in (None, ""):
                    known[canonical] = meta[name]
                    if name != canonical:
                        used.append((name, canonical))
    extra = {k: v for k, v in meta.items() if k not in consumed}
    return known, extra, used


def as_text(value: Any) -> str:
    """A scalar front-matter value as stripped text ("" for None)."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(as_text(v) for v in value)
    return str(value).strip()


def as_list(value: Any) -> tuple[str, ...]:
    """A list, or a comma-separated string, as a tuple of non-empty strings in order."""
    if value is None:
        return ()
    if isinstance(value, str):
        items = value.split(",")
    elif isinstance(value, (list, tuple)):
        items = [as_text(v) for v in value]
    else:
        items = [as_text(value)]
    seen: dict[str, None] = {}
    for item in (i.strip() for i in items):
        if item and item not in seen:
            seen[item] = None
    return tuple(seen)


def as_bool(value: Any) -> bool | None:
    """YAML booleans and the strings true/false/yes/no; None when it is neither."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "yes", "1"):
        return True
    if isinstance(value, str) and value.strip().lower() in ("false", "no", "0", ""):
        return False
    return None
