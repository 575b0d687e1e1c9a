"""One page through the theme: its HTML, and what it read besides its own context.

Every page sees the site's topics and editions (`topics`, `editions`) and converts
markdown (`markdown`). What a page read of them is what its page-cache entry
depends on, so `render_page` returns it beside the page as a `PageReads`: whether
it read the story lists (`digest.render.navigation`) and which markdown texts it
converted. Each call records into values of its own, made for that page alone.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import jinja2

from digest.config import Config
from digest.errors import ThemeError
from digest.files import OutputFile
from digest.render.editions import Edition
from digest.render.markdown import MarkdownMemo
from digest.render.navigation import TopicView, navigation
from digest.render.urls import absolute_url, output_file, relative_url, root_url


@dataclass(frozen=True)
class PageReads:
    """What rendering one page read besides its own context: what its cache entry
    depends on."""

    lists: bool = False
    """It read the story lists of the `topics` or `editions`."""
    texts: tuple[str, ...] = ()
    """The `MarkdownMemo` keys of the texts it converted, in order."""


@dataclass(frozen=True)
class RenderedPage:
    """A rendered page and what it read."""

    file: OutputFile
    reads: PageReads


@dataclass(frozen=True)
class PageRenderer:
    """What every page of one build is rendered with: the theme's environment (with the
    site-wide globals), the topics and editions, and the markdown converter."""

    env: jinja2.Environment
    config: Config
    asset_names: Mapping[str, str]
    topics: Sequence[TopicView]
    editions: Sequence[Edition]
    markdown: MarkdownMemo


def render_page(renderer: PageRenderer, path: str, template_name: str,
                context: dict) -> RenderedPage:
    """The page at `path` through `template_name` with `context`, and what it read.
    Raises ThemeError naming the template (and line) that failed."""
    list_reads: list[bool] = []
    texts: list[str] = []

    def markdown(text: str) -> str:
        key, html = renderer.markdown.convert(text)
        if key is not None:
            texts.append(key)
        return html

    page = {**navigation(renderer.topics, renderer.editions, partial(list_reads.append, True)),
            "markdown": markdown, **_urls(renderer, path), **context}
    html = _render_template(renderer.env, template_name, page)
    file = OutputFile(path=output_file(path), data=html.encode("utf-8"))
    return RenderedPage(file=file, reads=PageReads(lists=bool(list_reads), texts=tuple(texts)))


def _urls(renderer: PageRenderer, path: str) -> dict[str, object]:
    """The page's own URL helpers: `url`, `asset`, `page_path` and `canonical`."""
    base_url, asset_names = renderer.config.base_url, renderer.asset_names
    url: Callable[[str], str]
    if path == "404.html":
        url = partial(root_url, base_url)
    elif path.endswith("email.html"):
        url = partial(absolute_url, base_url)
    else:
        url = partial(relative_url, path)

    def asset(name: str) -> str:
        if name not in asset_names:
            raise ThemeError(f"template asks for asset {name!r}, which the theme lacks")
        return url(asset_names[name])

    return {"page_path": path, "url": url, "asset": asset,
            "canonical": absolute_url(base_url, path)}


def _render_template(env: jinja2.Environment, template_name: str, context: dict) -> str:
    try:
        return env.get_template(template_name).render(**context)
    except jinja2.TemplateSyntaxError as exc:
        raise ThemeError(f"template syntax error: {exc.message}",
                         path=_template_file(exc.filename), line=exc.lineno) from None
    except jinja2.TemplateNotFound as exc:
        raise ThemeError(f"template {exc.name!r} not found in the theme or templates/") from None
    except jinja2.UndefinedError as exc:
        raise ThemeError(f"template {template_name}: {exc.message}",
                         hint="check the variable names against the default theme") from None


def _template_file(filename: str | None) -> Path | None:
    return Path(filename) if filename else None
