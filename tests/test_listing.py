"""Paginated topic pages and weekly topic digests (`digest.render.listing`,
`digest.rank.weeks`), on the `topic_pages` fixture site: eight stories, seven of
them under Harbour across ISO weeks 23 and 24 of 2025, two stories a page."""

from __future__ import annotations

import re
import shutil

import feedparser
import pytest

import digest.render
from conftest import SITES, parse_html
from digest.build import build
from digest.session import BuildSession
from digest.config import load_config


@pytest.fixture
def harbour(tmp_path):
    site = tmp_path / "topic_pages"
    shutil.copytree(SITES / "topic_pages", site)
    config = load_config(site)
    build(config)
    return config


def test_topic_pages_are_paginated_with_rel_prev_and_next(harbour):
    topic = harbour.output_path / "topics" / "harbour"
    first, second, third = (parse_html(topic / "index.html"),
                            parse_html(topic / "page" / "2" / "index.html"),
                            parse_html(topic / "page" / "3" / "index.html"))
    assert not (topic / "page" / "4").exists() and not (topic / "page" / "1").exists()
    cards = [[a.attributes["href"].split("/")[-2] for a in page.css(".story-card-title a")]
             for page in (first, second, third)]
    assert [len(c) for c in cards] == [2, 2, 1]
    # by day, newest first: every story once across the pages
    assert cards == [["seals", "pier"], ["ferry", "fish-market"], ["crane"]]

    def rel(page, kind):
        head = page.css_first(f'head link[rel="{kind}"]')
        nav = page.css_first(f'nav.pagination a[rel="{kind}"]')
        return (head.attributes["href"] if head else None, nav.attributes["href"] if nav else None)

    assert rel(first, "prev") == (None, None) and rel(first, "next") == ("page/2/",) * 2
    assert rel(second, "prev") == ("../../",) * 2 and rel(second, "next") == ("../3/",) * 2
    assert rel(third, "prev") == ("../2/",) * 2 and rel(third, "next") == (None, None)
    assert "page 2 of 3" in second.css_first(".lede").text()


def test_later_pages_and_weeks_are_in_the_sitemap(harbour):
    sitemap = (harbour.output_path / "sitemap.xml").read_text()
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    for path in ("topics/harbour/", "topics/harbour/page/2/", "topics/harbour/page/3/",
                 "topics/harbour/2025-w23/", "topics/harbour/2025-w24/",
                 "topics/weather/2025-w24/"):
        assert "https://harbour.example/" + path in locs
    assert not any("/page/1/" in loc for loc in locs)


def test_feeds_are_not_paginated(harbour):
    feed = feedparser.parse((harbour.output_path / "topics" / "harbour" / "atom.xml")
                            .read_bytes())
    links = {e.link for e in feed.entries}
    stories = {f"https://harbour.example/stories/{s}/" for s in
               ("seals", "pier", "ferry", "fish-market", "crane")}
    assert stories <= links


def test_week_digest_sums_up_the_weeks_top_stories_with_citations(harbour):
    page = parse_html(harbour.output_path / "topics" / "harbour" / "2025-w24" / "index.html")
    article = page.css_first("article.digest.digest-topic")
    assert article is not None
    assert "Week 24, 2025" in article.css_first("h1").text()
    summary = article.css(".digest-summary a.digest-sentence")
    # one sentence per story of the week (three, under rank.week_top = 5), best first:
    # the ferry (two outlets) leads
    assert [a.attributes["href"] for a in summary][0] == "../../../stories/ferry/"
    assert {a.attributes["href"].split("/")[-2] for a in summary} == {"ferry", "pier", "seals"}
    sources = {li.attributes["id"]: li for li in article.css(".digest-sources > li")}
    for sentence in summary:
        cites = sentence.attributes["data-cites"].split()
        assert cites, "each summary sentence cites its sources"
        for n in cites:
            assert f"src-{n}" in sources
    # the ferry's sentence cites one of its two sources, each listed once, in order
    assert list(sources) == [f"src-{n}" for n in range(1, len(sources) + 1)]
    assert article.css(".digest-takeaways li")
    ranked = [a.attributes["href"].split("/")[-2] for a in article.css(".digest-ranked a")]
    assert ranked[0] == "ferry" and sorted(ranked) == ["ferry", "pier", "seals"]
    # no story of another week or topic
    assert "fog" not in article.html and "crane" not in ranked


def test_week_digests_are_linked_from_the_topic_page_and_in_its_feed(harbour):
    topic = parse_html(harbour.output_path / "topics" / "harbour" / "index.html")
    weeks = [a.attributes["href"] for a in topic.css("nav.topic-weeks a")]
    assert weeks == ["2025-w24/", "2025-w23/"]
    later = parse_html(harbour.output_path / "topics" / "harbour" / "page" / "2" / "index.html")
    assert later.css_first("nav.topic-weeks") is None
    feed = feedparser.parse((harbour.output_path / "topics" / "harbour" / "atom.xml")
                            .read_bytes())
    entries = {e.link: e for e in feed.entries}
    week = entries["https://harbour.example/topics/harbour/2025-w24/"]
    assert week.title == "Harbour: Week 24, 2025"
    assert "stories/ferry/" in week.content[0].value
    site_feed = feedparser.parse((harbour.output_path / "atom.xml").read_bytes())
    assert not any("2025-w" in e.link for e in site_feed.entries)
    # a week page and a later page advertise their topic's feeds
    for page in ("2025-w24/index.html", "page/2/index.html"):
        doc = parse_html(harbour.output_path / "topics" / "harbour" / page)
        assert doc.css_first('link[type="application/atom+xml"]').attributes["href"] == \
            "https://harbour.example/topics/harbour/atom.xml"


def test_week_digests_are_deterministic_and_follow_edits(harbour, tmp_path, monkeypatch):
    week = harbour.output_path / "topics" / "harbour" / "2025-w24" / "index.html"
    other = harbour.output_path / "topics" / "harbour" / "2025-w23" / "index.html"
    before, other_before = week.read_bytes(), other.read_bytes()
    session = BuildSession.open(harbour)
    session.build(harbour)
    session.save()
    assert week.read_bytes() == before
    seals = harbour.content_path / "seals.md"
    seals.write_text(seals.read_text().replace("nine seal pups", "eleven seal pups"))
    rendered = []
    real = digest.render.render_page
    monkeypatch.setattr(digest.render, "render_page",
                        lambda renderer, path, *a: rendered.append(path) or real(renderer, path, *a))
    BuildSession.open(harbour).build(harbour)
    monkeypatch.undo()
    assert b"eleven seal pups" in week.read_bytes()
    assert other.read_bytes() == other_before
    # incremental: the edited story's week is rendered again, not the other week
    assert "topics/harbour/2025-w24/" in rendered
    assert "topics/harbour/2025-w23/" not in rendered and "topics/weather/2025-w24/" not in rendered
    cold = tmp_path / "cold"
    build(load_config(harbour.site_dir, {"output_dir": str(cold)}))
    assert (cold / "topics" / "harbour" / "2025-w24" / "index.html").read_bytes() == \
        week.read_bytes()
