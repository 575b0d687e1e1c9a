"""One file → an `Article` or a `StoryOverride`, or the problems that stop it.

The front matter is split and parsed (PyYAML's C loader when available), fields
are resolved through their aliases and validated, the body converted from HTML
when scraped as HTML and cleaned of boilerplate. Every problem names the file
and, where known, the line.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import frontmatter
import yaml

from digest.config import Config
from digest.content.bylines import byline_authors, is_publisher_name
from digest.content.clean import clean_body
from digest.content.dates import parse_date
from digest.content.fields import (
    FIELD_ALIASES, REQUIRED_FIELDS, as_bool, as_list, as_text, resolve_aliases,
)
from digest.content.frontyaml import MAX_YAML_NODES, YamlTooLarge, load_yaml
from digest.content.headlines import clean_headline
from digest.content.model import Article, Cover, StoryOverride
from digest.content.outlets import outlet_from_url
from digest.content.scraped import clean_inline_text, html_to_markdown, looks_like_html
from digest.content.slugs import slugify
from digest.errors import Problem

MAX_ARTICLE_BYTES = 5_000_000


class InvalidFile(Exception):
    """The file has problems; they are in `problems`."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems


def read_file(path: Path, config: Config, data: bytes | None = None, *,
              content_path: Path | None = None) -> Article | StoryOverride:
    """Read one file (or its `data`) as an article or a story override; raise InvalidFile
    with its problems. `content_path` is `config.content_path` when the caller has it
    already (resolving it costs more than parsing a short article's front matter)."""
    content = content_path or config.content_path
    if os.path.islink(path) and not _inside(path.resolve(), config, content):
        raise InvalidFile([Problem(path, "is a link to a file outside the site folder", None,
                                   "copy the file into the content folder")])
    meta, body, body_line = load_front_matter(path, data)
    rel_path = path.relative_to(content).as_posix()
    if as_text(meta.get("kind")).lower() == "story":
        return _story_override(path, rel_path, meta, body)
    return _article(path, rel_path, meta, body, body_line, config, content)


def _inside(target: Path, config: Config, content: Path) -> bool:
    return target.is_relative_to(config.site_dir.resolve()) or target.is_relative_to(content)


def file_bytes(path: Path) -> bytes:
    """The file's bytes; InvalidFile when it is too large or cannot be read."""
    try:
        size = path.stat().st_size
        data = path.read_bytes() if size <= MAX_ARTICLE_BYTES else b""
    except OSError as exc:
        raise InvalidFile([Problem(path, f"cannot read the file: {exc.strerror or exc}", None,
                                   "check that it exists and is readable")]) from None
    if size > MAX_ARTICLE_BYTES:
        raise InvalidFile([Problem(path, f"file is {size / 1e6:.1f} MB; articles are limited to "
                                f"{MAX_ARTICLE_BYTES / 1e6:.0f} MB", None,
                                "split it or remove embedded data")])
    return data


def load_front_matter(path: Path, data: bytes | None = None) -> tuple[dict[str, Any], str, int]:
    """(front matter mapping, body text, 1-based line where the body starts) of the file
    at `path`, whose bytes are `data` when the caller has read them already."""
    def fail(message: str, line: int | None = None, hint: str = "") -> InvalidFile:
        return InvalidFile([Problem(path, message, line, hint)])

    if data is None:
        data = file_bytes(path)
    if not data.strip():
        raise fail("file is empty", hint="add front matter with at least title and date")
    if b"\x00" in data[:8192]:
        raise fail("file is binary, not a markdown text file", hint="remove it or rename it")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise fail(f"not valid UTF-8 (byte 0x{data[exc.start]:02x})", line,
                   "re-save the file as UTF-8") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    handler = frontmatter.YAMLHandler()
    if not handler.detect(text):
        raise fail("no front matter: the file must start with a '---' line",
                   1, "add '---', the fields (title, date, ...), then '---'")
    try:
        raw_meta, body = handler.split(text)
    except ValueError:
        raise fail("front matter is not closed by a '---' line", 1) from None
    try:
        meta = load_yaml(raw_meta)
    except YamlTooLarge as exc:
        raise fail(f"front matter {exc.what}: it would expand to more than "
                   f"{MAX_YAML_NODES:,} values", exc.line,
                   "YAML anchors and aliases (&name, *name) may not nest like this; write "
                   "the values out") from None
    except yaml.YAMLError as exc:
        raise fail(f"invalid YAML in front matter: {_yaml_problem(exc)}",
                   _yaml_line(exc, raw_meta),
                   "quote values that contain ': ' or start with a special character") from None
    if not isinstance(meta, dict):
        raise fail(f"front matter must be a mapping of fields, not a {type(meta).__name__}", 2,
                   "write one 'field: value' per line")
    body_line = raw_meta.count("\n") + 2
    body = body[1:] if body.startswith("\n") else body
    return {str(k): v for k, v in meta.items()}, body, body_line


def _yaml_problem(exc: yaml.YAMLError) -> str:
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    context = getattr(exc, "context", None)
    return f"{problem} ({context})" if context else problem


def _yaml_line(exc: yaml.YAMLError, raw_meta: str) -> int | None:
    """The file line of a YAML error: where the broken construct starts, if YAML says,
    else where it noticed. The split text starts with the opening '---' line's newline."""
    mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
    if mark is None:
        return None
    return max(2, min(mark.line + 1, raw_meta.count("\n")))


def _article(path: Path, rel_path: str, meta: dict[str, Any], body: str, body_line: int,
             config: Config, content: Path) -> Article:
    fields, extra, aliases = resolve_aliases(meta)
    problems: list[Problem] = []

    def problem(message: str, name: str, hint: str = "") -> None:
        problems.append(Problem(path, message, _field_line(path, name, meta), hint, name))

    for name in REQUIRED_FIELDS:
        if not as_text(fields.get(name)):
            problem(f"missing required field '{name}'", name,
                    f"add '{name}: ...' to the front matter")
    raw_title = fields.get("title")
    if raw_title is not None and not isinstance(raw_title, str):
        kind = "a list" if isinstance(raw_title, (list, dict)) else f"the {_kind(raw_title)}"
        problem(f"field 'title' must be text, not {kind} {as_text(raw_title)!r}", "title",
                'put the headline in quotes, e.g. title: "2025: the year in review"')
    title = clean_inline_text(as_text(raw_title))
    date = None
    if fields.get("date") is not None:
        try:
            date = parse_date(fields["date"], config.tz)
        except ValueError as exc:
            problem(str(exc), "date", "write one date, e.g. date: 2025-11-10T09:00:00Z")
    draft = as_bool(fields.get("draft", False))
    if draft is None:
        problem(f"field 'draft' must be true or false, not {fields['draft']!r}", "draft")
    source = _source_url(fields.get("source"), problem)
    cover = _cover(fields, title, path, config, content, problem)
    if problems:
        raise InvalidFile(problems)
    excerpt = clean_inline_text(as_text(fields.get("excerpt"))) or None
    # With allow_html the editor asked for raw HTML to reach the page as written.
    convert = looks_like_html(body) and not config.markdown.allow_html
    markdown = html_to_markdown(body) if convert else body
    cleaned = clean_body(markdown, title, excerpt)
    topics = tuple(clean_inline_text(t) for t in as_list(fields.get("topic")))
    outlet = (clean_inline_text(as_text(fields.get("outlet"))) or outlet_from_url(source)
              or "Unknown")
    return Article(
        path=path, rel_path=rel_path, title=title, date=date, source=source,
        slug=slugify(as_text(fields.get("slug")) or clean_headline(title, outlet)),
        slug_is_explicit=bool(as_text(fields.get("slug"))),
        outlet=outlet,
        authors=_authors(fields, cleaned.removed),
        topics=tuple(t for t in topics if t), story_key=as_text(fields.get("story")) or None,
        tags=as_list(fields.get("tags")), cover=cover, excerpt=excerpt, draft=bool(draft),
        body=cleaned.text, body_line=body_line, removed=cleaned.removed,
        aliases=tuple(aliases), extra=extra,
    )


def _authors(fields: dict[str, Any], removed: tuple) -> tuple[str, ...]:
    """The byline: the front matter's authors, unless they name a site (a republishing
    blog) rather than people; then, or when there are none, the body's "By ..." line."""
    given = tuple(a for a in (clean_inline_text(a) for a in as_list(fields.get("author"))) if a)
    people = tuple(a for a in given if not is_publisher_name(a))
    return people or byline_authors(removed)


def _source_url(value: Any, problem) -> str | None:
    url = as_text(value)
    if not url:
        return None
    if not url.startswith(("http://", "https://")) or not urlsplit(url).netloc:
        problem(f"field 'source' must be an http(s) URL, not {url!r}", "source")
        return None
    # Quotes, angle brackets and spaces are not allowed in a URL: encode them.
    return quote(url, safe=_URL_SAFE)


_URL_SAFE = ":/?#[]@!$&'()*+,;=%~"


def _kind(value: Any) -> str:
    return {bool: "true/false value", int: "number", float: "number"}.get(type(value),
                                                                         type(value).__name__)


def _cover(fields: dict[str, Any], title: str, path: Path, config: Config, content: Path,
           problem) -> Cover | None:
    value = as_text(fields.get("cover"))
    if not value:
        return None
    alt = clean_inline_text(as_text(fields.get("cover_alt"))) or title
    if value.startswith(("http://", "https://")):
        return Cover(path=None, url=value, alt=alt)
    if ":" in value.split("/", 1)[0] or "\x00" in value:
        problem(f"cover {value!r} is neither a local path nor an http(s) URL", "cover")
        return None
    site = config.site_dir.resolve()
    relative = value.lstrip("/")
    candidates = [] if value.startswith("/") else [path.parent / value]
    if not candidates or path.parent.resolve() != content:  # else one file twice
        candidates.append(content / relative)
    looked_at: list[Path] = []
    for candidate in candidates:
        resolved = candidate.resolve()
        if not resolved.is_relative_to(site):
            problem(f"cover {value!r} points outside the site folder", "cover",
                    "keep images inside the site, e.g. content/images/")
            return None
        looked_at.append(resolved)
        if resolved.is_file():
            return Cover(path=resolved, url=None, alt=alt, looked_at=tuple(looked_at))
    tried = ", ".join(str(c.resolve()) for c in candidates)
    problem(f"cover image {value!r} not found (looked at {tried})", "cover",
            "fix the path, relative to the article or to the content folder")
    return None


def _field_line(path: Path, name: str, meta: dict[str, Any]) -> int | None:
    """Best-effort line of a field in the file (for messages), by scanning the front matter."""
    names = (name, *FIELD_ALIASES.get(name, ()))
    try:
        lines = path.read_text(encoding="utf-8-sig", errors="replace").splitlines()
    except OSError:
        return None
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() == "---":
            break
        key = line.split(":", 1)[0].strip()
        if key in names and key in meta:
            return number
    return None


def _story_override(path: Path, rel_path: str, meta: dict[str, Any], body: str) -> StoryOverride:
    key = as_text(meta.get("story"))
    problems = []
    if not key:
        problems.append(Problem(path, "a story file (kind: story) needs a 'story:' key", 2,
                                "set it to the story: key of its articles or the story's slug"))
    takeaways = meta.get("takeaways") or []
    if not isinstance(takeaways, list):
        problems.append(Problem(path, "field 'takeaways' must be a list of sentences", None,
                                "write one '- sentence' line per takeaway", "takeaways"))
        takeaways = []
    unknown = sorted(set(meta) - {"kind", "story", "title", "summary", "takeaways",
                                  "reviewed_by", "topic", "pin", "include", "exclude",
                                  "weight"})
    if unknown:
        problems.append(Problem(path, f"unknown field(s) in story file: {', '.join(unknown)}",
                                None, "allowed: title, summary, takeaways, reviewed_by, topic, "
                                "pin, include, exclude, weight"))
    weight = meta.get("weight", 1.0)
    if isinstance(weight, bool) or not isinstance(weight, (int, float)) or weight < 0:
        problems.append(Problem(path, f"field 'weight' must be a number of 0 or more, not "
                                f"{weight!r}", _field_line(path, "weight", meta),
                                "1 leaves the score as it is, 2 doubles it, 0 sinks the story",
                                "weight"))
        weight = 1.0
    pin = meta.get("pin")
    if pin is not None and not isinstance(pin, (bool, str, list)):
        problems.append(Problem(path, f"field 'pin' must be true, false or a list of articles, "
                                f"not {pin!r}", _field_line(path, "pin", meta),
                                "write 'pin: true' to keep the story on top, and list articles "
                                "under 'include:'", "pin"))
    if problems:
        raise InvalidFile(problems)
    return StoryOverride(
        path=path, rel_path=rel_path, story_key=key,
        title=clean_inline_text(as_text(meta.get("title"))) or None,
        summary=as_text(meta.get("summary")) or None,
        takeaways=tuple(as_text(t) for t in takeaways if as_text(t)),
        reviewed_by=as_text(meta.get("reviewed_by")) or None,
        topic=as_text(meta.get("topic")) or None,
        include=tuple(dict.fromkeys(as_list(meta.get("include")) +
                                    (() if isinstance(pin, bool) else tuple(as_list(pin))))),
        pinned=pin is True,
        exclude=as_list(meta.get("exclude")), note=body.strip(), weight=float(weight),
    )
