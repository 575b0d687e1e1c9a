"""Shared fixtures: scratch sites written from a dict, and parsed HTML."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from digest.config import Config, load_config
from digest.content.reader import read_articles
from digest.group import group_stories
from digest.group.model import Grouping

REPO = Path(__file__).resolve().parent.parent
SITES = Path(__file__).resolve().parent / "sites"
SHARED = REPO.parent / "shared"


def article(title: str = "A title", date: str = "2025-11-10T09:00:00Z", body: str = "Body text.",
            **fields: object) -> str:
    """An article file's text with the given front matter fields."""
    lines = [f"title: {title!r}" if title is not None else "", f"date: {date}" if date else ""]
    for key, value in fields.items():
        lines.append(f"{key}: {value!r}" if isinstance(value, str) else f"{key}: {value}")
    front = "\n".join(line for line in lines if line)
    return f"---\n{front}\n---\n{textwrap.dedent(body)}\n"


@pytest.fixture
def make_site(tmp_path: Path) -> Callable[..., Path]:
    """Write a site from {relative path: text or bytes} and return its folder."""
    def make(files: dict[str, str | bytes], name: str = "site") -> Path:
        root = tmp_path / name
        (root / "content").mkdir(parents=True, exist_ok=True)
        for rel, data in files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(data, bytes):
                path.write_bytes(data)
            else:
                path.write_text(data, encoding="utf-8")
        return root
    return make


@pytest.fixture
def site_config() -> Callable[..., Config]:
    def load(site: Path, **overrides: object) -> Config:
        return load_config(site, overrides)
    return load


def parse_html(path: Path) -> HTMLParser:
    """The parsed document of a built page."""
    return HTMLParser(path.read_text(encoding="utf-8"))


def grouped(make_site: Callable[..., Path], files: dict[str, str]) -> Grouping:
    """The grouping of a site written from `files` (which must all read without problems)."""
    config = load_config(make_site(files))
    read = read_articles(config)
    assert not read.problems, read.problems
    return group_stories(read.articles, read.overrides, config)
