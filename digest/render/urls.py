"""Site paths and the links between pages.

A site path is POSIX, relative to the output root, and ends with "/" for a
page ("stories/x/") or names a file ("assets/style.css"). Links inside pages
are relative so the site works at any base path; the 404 page, served at any
depth, uses root-absolute links instead.
"""

from __future__ import annotations

import posixpath
from urllib.parse import quote, urlsplit

HOME = ""
TOPICS = "topics/"


def story_path(slug: str) -> str:
    return f"stories/{slug}/"


def topic_path(slug: str) -> str:
    return f"topics/{slug}/"


def output_file(site_path: str) -> str:
    """The file a site path is written to: pages become `.../index.html`."""
    if site_path == "" or site_path.endswith("/"):
        return site_path + "index.html"
    return site_path


def relative_url(from_page: str, to: str, directory_urls: bool = True) -> str:
    """A link from the page at `from_page` to the site path `to` (which may carry #frag)."""
    target, _, fragment = to.partition("#")
    if not directory_urls and (target == "" or target.endswith("/")):
        target += "index.html"
    base = posixpath.dirname(output_file(from_page))
    if target == "" or target.endswith("/"):
        rel = relative_path(target or ".", base or ".") + "/"
        rel = "./" if rel == "./" or rel == "./." else rel
        rel = rel.replace("/./", "/")
    else:
        rel = relative_path(target, base or ".")
    if rel in ("./", "."):
        rel = "./"
    return rel + (f"#{fragment}" if fragment else "")


def relative_path(path: str, start: str) -> str:
    """`posixpath.relpath(path, start)`, without its trips to the file system's current
    folder for the usual case: two relative paths with no ".." in them."""
    if not path or path.startswith("/") or start.startswith("/") or ".." in path + start:
        return posixpath.relpath(path, start)
    path_parts = [part for part in path.split("/") if part and part != "."]
    start_parts = [part for part in start.split("/") if part and part != "."]
    common = 0
    for mine, theirs in zip(path_parts, start_parts):
        if mine != theirs:
            break
        common += 1
    parts = [".."] * (len(start_parts) - common) + path_parts[common:]
    return "/".join(parts) or "."


def root_url(base_url: str, to: str) -> str:
    """A root-absolute link ("/prefix/stories/x/") under the path of `base_url`."""
    prefix = urlsplit(base_url).path if base_url else "/"
    prefix = prefix if prefix.endswith("/") else prefix + "/"
    return prefix + _escaped(to)


def absolute_url(base_url: str, to: str) -> str:
    """A full URL for feeds, canonical links and sitemaps ("" when no base_url is set)."""
    if not base_url:
        return ""
    return base_url.rstrip("/") + "/" + _escaped(to)


def _escaped(to: str) -> str:
    """A site path as a URL may carry it: non-ASCII slugs ("stories/интернет/") percent-
    encoded, as sitemaps and feeds require."""
    return quote(to, safe="/#%~!$&'()*+,;=:@")
