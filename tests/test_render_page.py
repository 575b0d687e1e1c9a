"""`digest.render.page`: a page comes back with what it read besides its context (the story
lists of `topics`/`editions`, the markdown texts it converted), each page on its own."""

import datetime as dt

import jinja2
import pytest

from digest.config import load_config
from digest.errors import ThemeError
from digest.hashing import key_of
from digest.memo import NO_MEMO
from digest.render.editions import Edition
from digest.render.markdown import MarkdownMemo, make_markdown
from digest.render.navigation import TopicView
from digest.render.page import PageReads, PageRenderer, render_page

TEMPLATES = {
    "links.html": "{% for t in topics %}<a href='{{ url(t.path) }}'>{{ t.name }}</a>{% endfor %}"
                  "{% for e in editions %}{{ e.day }}{% endfor %}",
    "topic-list.html": "{% for t in topics %}{{ t.digests|length }}{% endfor %}",
    "edition-list.html": "{{ editions[0].stories|length }}",
    "bodies.html": "{{ markdown(first)|safe }}{{ markdown(second)|safe }}",
    "broken.html": "{{ nothing_here }}",
}


@pytest.fixture
def renderer(tmp_path) -> PageRenderer:
    config = load_config(tmp_path)
    env = jinja2.Environment(loader=jinja2.DictLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    topic = TopicView(name="AI", slug="ai", path="topics/ai/", digests=())
    edition = Edition(day=dt.date(2025, 11, 3), stories=())
    markdown = MarkdownMemo(make_markdown(config.markdown), config.markdown, NO_MEMO)
    return PageRenderer(env=env, config=config, asset_names={}, topics=(topic,),
                        editions=(edition,), markdown=markdown)


def test_a_page_showing_only_names_and_links_reads_no_story_list(renderer):
    page = render_page(renderer, "stories/x/", "links.html", {})
    assert page.file.path == "stories/x/index.html"
    assert page.file.data == b"<a href='../../topics/ai/'>AI</a>2025-11-03"
    assert page.reads == PageReads(lists=False, texts=())


@pytest.mark.parametrize("template", ["topic-list.html", "edition-list.html"])
def test_a_page_listing_stories_says_it_read_the_lists(renderer, template):
    assert render_page(renderer, "", template, {}).reads == PageReads(lists=True, texts=())


def test_each_page_reports_only_its_own_reads(renderer):
    listing = render_page(renderer, "", "topic-list.html", {})
    links = render_page(renderer, "topics/", "links.html", {})
    assert listing.reads.lists and not links.reads.lists


def test_a_page_names_the_markdown_texts_it_converted_in_order(renderer):
    page = render_page(renderer, "stories/x/", "bodies.html",
                       {"first": "*One*", "second": "Two"})
    assert page.file.data == b"<p><em>One</em></p>\n<p>Two</p>\n"
    settings = key_of(renderer.config.markdown)
    assert page.reads == PageReads(lists=False, texts=(key_of(settings, "*One*"),
                                                       key_of(settings, "Two")))


def test_a_build_that_keeps_nothing_converts_markdown_without_keys(renderer):
    config = renderer.config.markdown
    markdown = MarkdownMemo(make_markdown(config), config, NO_MEMO, keyed=False)
    unkeyed = PageRenderer(**{**vars(renderer), "markdown": markdown})
    page = render_page(unkeyed, "stories/x/", "bodies.html", {"first": "*One*", "second": "Two"})
    assert page.file.data == b"<p><em>One</em></p>\n<p>Two</p>\n"
    assert page.reads == PageReads(lists=False, texts=())


def test_a_template_error_names_the_template(renderer):
    with pytest.raises(ThemeError, match="broken.html"):
        render_page(renderer, "", "broken.html", {})
