"""The render stage: links, feeds, sitemap, metadata."""

import json
import posixpath

import feedparser
import pytest
from conftest import REPO, article, parse_html

from digest.build import build
from digest.cache import BuildCache
from digest.config import load_config
from digest.memo import memos_for
from digest.render import render_story
from digest.render.markdown import is_safe_link
from digest.render.urls import relative_path, relative_url, root_url

LINKS = [
    ("", "stories/x/", "stories/x/"),
    ("stories/x/", "stories/x/#src-1", "./#src-1"),
    ("stories/x/", "topics/ai/", "../../topics/ai/"),
    ("stories/x/", "", "../../"),
    ("topics/ai/", "assets/s.css", "../../assets/s.css"),
    ("", "", "./"),
]


@pytest.mark.parametrize(("page", "target", "expected"), LINKS)
def test_relative_links(page, target, expected):
    assert relative_url(page, target) == expected


def test_links_without_directory_urls_end_in_index_html():
    assert relative_url("stories/x/", "topics/ai/", directory_urls=False) == \
        "../../topics/ai/index.html"


def test_root_urls_follow_the_base_path():
    assert root_url("https://example.org/blog/", "topics/") == "/blog/topics/"
    assert root_url("", "topics/") == "/topics/"


@pytest.mark.parametrize("path", ["stories/x/", "topics/ai", "assets/s.css", ".", "./a//b/",
                                  "stories", "../up", "/abs/x", "a/./b/../c"])
@pytest.mark.parametrize("start", [".", "stories/x", "topics", "stories/x/y", "a/./b",
                                   "stories/x/..", "/abs"])
def test_relative_path_is_posixpath_relpath(path, start):
    assert relative_path(path, start) == posixpath.relpath(path, start)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript :x", "data:text/html,x",
                                 "vbscript:x", "file:///etc/passwd"])
def test_unsafe_links_are_refused(url):
    assert not is_safe_link(url)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("render") / "public"
    result = build(load_config(REPO, {"output_dir": str(out)}))
    return out, result


def test_a_story_page_comes_back_with_what_it_read_cached_or_not(built):
    out, result = built
    config = load_config(REPO, {"output_dir": str(out)})
    cache = BuildCache(None, version="v")
    memos = memos_for(cache, None)
    digest = next(d for d in result.digests if len(d.body) > 1)
    rendered = render_story(result.rendered.story_pages, digest, config, memos)
    assert rendered.file.data == (out / rendered.file.path).read_bytes()
    assert not rendered.reads.lists  # the story template shows the topics' names only
    assert len(rendered.reads.texts) == len(digest.body) + bool(digest.note)
    hits = cache.hits
    again = render_story(result.rendered.story_pages, digest, config, memos)
    assert cache.hits == hits + 1  # the page, from the memo
    assert again.reads == rendered.reads and again.file.data == rendered.file.data


def test_atom_feeds_parse(built):
    out, result = built
    for path in [out / "atom.xml", *sorted(out.glob("topics/*/atom.xml"))]:
        feed = feedparser.parse(path.read_bytes())
        assert not feed.bozo, (path, feed.get("bozo_exception"))
        assert feed.feed.title and feed.entries
        for entry in feed.entries:
            assert entry.link.startswith("https://") and entry.id and entry.updated
    site = feedparser.parse((out / "atom.xml").read_bytes())
    assert len(site.entries) == min(50, len(result.digests))


def test_json_feeds_follow_version_1_1(built):
    out, _ = built
    for path in [out / "feed.json", *sorted(out.glob("topics/*/feed.json"))]:
        feed = json.loads(path.read_text())
        assert feed["version"] == "https://jsonfeed.org/version/1.1"
        assert feed["title"] and feed["home_page_url"] and feed["feed_url"]
        ids = [item["id"] for item in feed["items"]]
        assert len(ids) == len(set(ids)) and ids
        assert all(item["url"] and item["content_html"] for item in feed["items"])


def test_feeds_are_advertised(built):
    out, _ = built
    links = parse_html(out / "index.html").css('link[rel="alternate"]')
    assert {link.attributes["type"] for link in links} == {"application/atom+xml",
                                                           "application/feed+json"}


def test_sitemap_lists_every_page(built):
    out, _ = built
    from xml.etree import ElementTree

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = {e.text for e in ElementTree.parse(out / "sitemap.xml").findall(".//s:loc", ns)}
    pages = {p.relative_to(out).parent.as_posix() for p in out.rglob("index.html")}
    expected = {"https://digest-sample.netlify.app/" + ("" if p == "." else p + "/")
                for p in pages}
    assert locs == expected
    assert "Sitemap: https://digest-sample.netlify.app/sitemap.xml" in \
        (out / "robots.txt").read_text()


def test_story_page_has_structured_data(built):
    out, result = built
    digest = result.digests[0]
    doc = parse_html(out / "stories" / digest.slug / "index.html")
    data = json.loads(doc.css_first('script[type="application/ld+json"]').text())
    assert data["@type"] == "NewsArticle"
    assert data["isBasedOn"] == [s.article.source or s.article.title for s in digest.sources]
    assert doc.css_first('link[rel="canonical"]').attributes["href"].endswith(
        f"/stories/{digest.slug}/")


def test_aliases_become_netlify_redirects(make_site):
    from conftest import article

    site = make_site({"content/a.md": article("Moved story", body="Text here.",
                                              aliases="['/old/path/', 'https://x.example/p/2']")
                      .replace("aliases: \"['/old/path/', 'https://x.example/p/2']\"",
                               "aliases: ['/old/path/', 'https://x.example/p/2']")})
    config = load_config(site)
    result = build(config)
    slug = result.digests[0].slug
    lines = (config.output_path / "_redirects").read_text().splitlines()
    assert lines == [f"/old/path/  /stories/{slug}/  301", f"/p/2  /stories/{slug}/  301"]


def test_netlify_config_builds_and_publishes_the_site():
    import tomllib

    netlify = tomllib.loads((REPO / "netlify.toml").read_text())
    assert netlify["build"]["publish"] == "public"
    assert "digest build" in netlify["build"]["command"]
    assert netlify["build"]["environment"]["PYTHON_VERSION"]
    headers = {h["for"]: h["values"] for h in netlify["headers"]}
    assert "immutable" in headers["/assets/*"]["Cache-Control"]
    csp = headers["/*"]["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1]


def test_topic_pages_carry_an_item_list(built):
    out, result = built
    topic = result.grouping.topics[0]
    doc = parse_html(out / "topics" / topic.slug / "index.html")
    data = json.loads(doc.css_first('script[type="application/ld+json"]').text())
    in_topic = {d.title for d in result.digests if d.story.topic == topic}
    # the cards the page lists (a storyline shows once, as its latest story)
    listed = [a.text().strip() for a in doc.css(".story-card-title a")]
    assert listed and set(listed) <= in_topic
    assert data["@type"] == "ItemList" and data["numberOfItems"] == len(listed)
    assert [i["name"] for i in data["itemListElement"]] == listed


def test_every_page_names_the_themes_favicon(make_site):
    """Issue 14: every page logged a favicon 404 in the browser console."""
    site = make_site({"content/a.md": article("Fine", body="A sentence here.")})
    config = load_config(site)
    build(config)
    out = config.output_path
    for page in [out / "index.html", out / "404.html", *out.glob("stories/*/index.html")]:
        icon = parse_html(page).css_first('link[rel="icon"]')
        assert icon is not None, page
        href = icon.attributes["href"]
        assert (page.parent / href).resolve().is_file() or (out / href.lstrip("/")).is_file()
