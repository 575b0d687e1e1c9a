"""`digest import`: fixture feeds and pages served from 127.0.0.1 (no other network),
imported into scratch sites, built, and the HTML parsed back."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.cli import main
from digest.config import load_config
from digest.errors import ConfigError
from digest.importer import FeedSource, ImportOptions, import_feeds
from digest.importer.articles import canonical_url, edited_by_hand, slug_from_url
from digest.importer.feeds import FeedError, FeedItem, feed_name, parse_feed
from feed_server import feed_server
from conftest import SITES, parse_html

FIXTURES = SITES / "import_feeds"


@pytest.fixture
def server():
    with feed_server(FIXTURES) as state:
        yield state


def _site(tmp_path: Path, toml: str = "") -> Path:
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "digest.toml").write_text(f'title = "Coast digest"\n{toml}', encoding="utf-8")
    return site


def _import(site: Path, *feeds: FeedSource, **options):
    return import_feeds(load_config(site), feeds, ImportOptions(**options))


def _files(site: Path) -> dict[str, bytes]:
    content = site / "content"
    return {p.relative_to(content).as_posix(): p.read_bytes()
            for p in sorted(content.rglob("*.md"))}


def _by_action(result) -> dict[str, list]:
    actions: dict[str, list] = {}
    for item in result.items:
        actions.setdefault(item.action, []).append(item)
    return actions


def test_two_feeds_imported_twice_then_built_as_one_story_citing_both(tmp_path, server):
    site = _site(tmp_path, f"""[import]
fetch_pages = true
feeds = [{{url = "{server.base}/courier/rss.xml", topic = "Coast", outlet = "The Harbour Courier"}},
         {{url = "{server.base}/coastline/atom.xml", topic = "Coast"}}]
""")
    runner = CliRunner()
    first = runner.invoke(main, ["import", "--site", str(site)], env={"COLUMNS": "100"})
    assert first.exit_code == 0, first.output
    print(first.output)
    assert "5 new, 0 updated, 0 unchanged, 0 kept, 0 skipped" in first.output
    written = _files(site)
    assert sorted(written) == [
        "coast/dunmere-late-train.md", "coast/harlow-library-hours.md",
        "coast/ostrel-bakers-cooperative.md", "coast/valmora-barrier-storm.md",
        "coast/valmora-tidal-barrier.md"]
    requests_after_first = len(server.requests)
    second = runner.invoke(main, ["import", "--site", str(site)], env={"COLUMNS": "100"})
    print(second.output)
    assert second.exit_code == 0, second.output
    assert "0 new, 0 updated, 5 unchanged, 0 kept, 0 skipped" in second.output
    assert _files(site) == written
    # An unchanged item is known from its recorded hash: its page is not fetched again.
    # (Feeds are read in parallel: the order of the two requests is not fixed.)
    assert sorted(p for p, _ in server.requests[requests_after_first:]) == [
        "/coastline/atom.xml", "/courier/rss.xml"]
    assert all(agent.startswith("digest/") for _, agent in server.requests)
    assert "/robots.txt" in [p for p, _ in server.requests]

    built = runner.invoke(main, ["build", "--site", str(site)])
    assert built.exit_code == 0, built.output
    stories = site / "public" / "stories"
    valmora = [p for p in stories.glob("*/index.html") if "Valmora" in p.read_text("utf-8")]
    assert len(valmora) == 1
    page = parse_html(valmora[0])
    outlets = {li.attributes["data-outlet"] for li in page.css("li[id^=src-]")}
    assert outlets == {"The Harbour Courier", "Coastline Weekly"}
    sources = {li.attributes["data-source-url"] for li in page.css("li[id^=src-]")}
    assert f"{server.base}/courier/2025/11/valmora-tidal-barrier" in sources
    assert f"{server.base}/coastline/valmora-barrier-storm.html" in sources
    assert "Piet Osei" in page.css_first("li[id^=src-][data-outlet='Coastline Weekly']").text()


def test_article_fields_and_a_fetched_page(tmp_path, server):
    site = _site(tmp_path)
    result = _import(site, FeedSource(f"{server.base}/courier/rss.xml", outlet="The Courier"),
                     FeedSource(f"{server.base}/coastline/atom.xml"), fetch_pages=True)
    assert result.count("new") == 5
    rss = (site / "content/the-courier/valmora-tidal-barrier.md").read_text("utf-8")
    assert "title: Valmora’s tidal barrier closes its gates for the first time" in rss
    assert f"source: {server.base}/courier/2025/11/valmora-tidal-barrier\n" in rss  # no utm_*
    assert "author: Ines Marlow" in rss and "- Flooding" in rss
    assert f"cover: {server.base}/courier/images/valmora-gates.jpg" in rss
    assert "date: '2025-11-03T08:00:00+00:00'" in rss
    assert "slug: valmora-tidal-barrier" in rss
    atom = (site / "content/coastline-weekly/valmora-barrier-storm.md").read_text("utf-8")
    assert "outlet: Coastline Weekly" in atom  # the feed's title
    assert "author: Piet Osei" in atom  # the page's byline
    assert "title: Storm surge puts Valmora’s new barrier to the test" in atom  # &amp;#8217;
    assert "excerpt: The gates held during Sunday's surge" in atom
    assert "rubber seals" in atom  # the page's text, not the feed's excerpt
    for junk in ("Most read", "Subscribe", "Privacy", "trackVisit", "Ferry fares"):
        assert junk not in atom


def test_scripts_iframes_and_tracking_pixels_never_reach_the_article(tmp_path, server):
    site = _site(tmp_path)
    _import(site, FeedSource(f"{server.base}/courier/rss.xml", topic="Coast"))
    text = (site / "content/coast/ostrel-bakers-cooperative.md").read_text("utf-8")
    for bad in ("<script", "document.write", "tracker.example", "iframe", "ads.example",
                "javascript:", "onclick", "steal", "cover:"):
        assert bad not in text
    assert "Click here to read about the brewery's history." in text
    valmora = (site / "content/coast/valmora-tidal-barrier.md").read_text("utf-8")
    assert "pixel.gif" not in valmora


def test_canonical_url_drops_tracking_and_slug_comes_from_the_path():
    url = "HTTPS://News.Example:443/a/b/story-name.html?id=7&utm_source=x&fbclid=1&q=a%2Fb#top"
    assert canonical_url(url) == "https://news.example/a/b/story-name.html?id=7&q=a%2Fb"
    assert slug_from_url(canonical_url(url)) == "story-name"
    assert slug_from_url("https://news.example/politics/2025/11/12345") == "11-12345"
    assert slug_from_url("https://news.example/") == "news-example"


def test_malformed_feed_imports_what_parsed_and_names_the_problem(tmp_path):
    feed = tmp_path / "broken.xml"
    feed.write_text("""<?xml version="1.0"?><rss version="2.0"><channel><title>Broken Bugle</title>
<item><title>Ferry to Lisk resumes after repairs</title><link>https://bugle.example/ferry-lisk</link>
<pubDate>Tue, 04 Nov 2025 07:00:00 GMT</pubDate><description>The ferry sails again.</description></item>
<item><title>Second item & an unescaped ampersand</title><link>https://bugle.example/second</link>
<pubDate>Tue, 04 Nov 2025 08:00:00 GMT</pubDate></item>
<item><title>Cut off""", encoding="utf-8")
    site = _site(tmp_path)
    result = _import(site, FeedSource(str(feed)))
    (report,) = result.feeds
    assert not report.failed
    assert report.problem.startswith("malformed feed (") and "items that parsed" in report.problem
    assert "broken-bugle/ferry-lisk.md" in [i.path for i in result.items if i.action == "new"]


def test_items_without_link_or_date_are_skipped_and_listed(tmp_path):
    feed = tmp_path / "gaps.xml"
    feed.write_text("""<?xml version="1.0"?><rss version="2.0"><channel><title>Gaps</title>
<item><title>No link here</title><pubDate>Tue, 04 Nov 2025 07:00:00 GMT</pubDate></item>
<item><title>No date here</title><link>https://gaps.example/no-date</link></item>
<item><title>Fine</title><link>https://gaps.example/fine</link>
<pubDate>Tue, 04 Nov 2025 07:00:00 GMT</pubDate></item>
</channel></rss>""", encoding="utf-8")
    site = _site(tmp_path)
    result = _import(site, FeedSource(str(feed)))
    skipped = {i.url: i.reason for i in result.items if i.action == "skipped"}
    assert skipped["No link here"].startswith("no link")
    assert skipped["https://gaps.example/no-date"].startswith("no date")
    assert result.count("new") == 1
    out = CliRunner().invoke(main, ["import", "--site", str(site), str(feed)])
    assert "skipped No link here: no link" in out.output
    assert "1 unchanged" in out.output


def test_duplicate_items_across_feeds_make_one_article(tmp_path, server):
    copy = (FIXTURES / "courier/rss.xml").read_bytes().replace(
        b"<title>The Harbour Courier", b"<title>Syndicated Copy").replace(
        b"utm_source=rss", b"utm_source=partner")
    server.extra["/copy.xml"] = copy
    site = _site(tmp_path)
    result = _import(site, FeedSource(f"{server.base}/courier/rss.xml", topic="Coast"),
                     FeedSource(f"{server.base}/copy.xml", topic="Coast"))
    assert result.count("new") == 3
    duplicates = [i for i in result.items if i.action == "skipped"]
    assert len(duplicates) == 3
    assert all(i.reason == f"duplicate: the same URL is an item of {server.base}/courier/rss.xml"
               for i in duplicates)
    assert len(_files(site)) == 3


@pytest.mark.parametrize("path", ["/huge.xml", "/huge-stream.xml"])
def test_a_50_mb_feed_stops_at_the_size_limit_and_the_others_go_on(tmp_path, server, path):
    site = _site(tmp_path)
    result = _import(site, FeedSource(server.base + path),
                     FeedSource(f"{server.base}/coastline/atom.xml"))
    bad, good = result.feeds
    assert bad.failed and bad.problem.startswith("too large")
    assert not good.failed and result.count("new") == 2


def test_a_feed_that_redirects_forever_fails_after_the_hop_limit(tmp_path, server):
    site = _site(tmp_path, "[import]\nmax_redirects = 3\n")
    result = _import(site, FeedSource(f"{server.base}/loop"), FeedSource(f"{server.base}/to-ftp"))
    loop, ftp = result.feeds
    assert loop.failed and loop.problem == "more than 3 redirects"
    assert len([p for p, _ in server.requests if p.startswith("/loop")]) == 4
    assert ftp.failed and "only http(s) URLs are fetched" in ftp.problem


def test_an_html_page_given_as_a_feed_is_named_as_such(tmp_path, server):
    site = _site(tmp_path)
    result = _import(site, FeedSource(f"{server.base}/coastline/harlow-library-hours.html"))
    (report,) = result.feeds
    assert report.failed and report.problem.startswith("not a feed: this is an HTML page")
    assert _files(site) == {}


def test_a_feed_that_times_out_fails_alone(tmp_path, server):
    # Generous margins: the machine running the tests may be busy.
    server.sleep = 6.0
    site = _site(tmp_path, "[import]\ntimeout = 2.0\n")
    result = _import(site, FeedSource(f"{server.base}/slow.xml"),
                     FeedSource(f"{server.base}/coastline/atom.xml"))
    slow, good = result.feeds
    assert slow.failed and slow.problem == "timed out"
    assert not good.failed and result.count("new") == 2


def test_a_feed_that_drips_slowly_is_cut_off_by_the_whole_request_limit(tmp_path, server):
    site = _site(tmp_path, "[import]\ntimeout = 1.0\n")
    (report,) = _import(site, FeedSource(f"{server.base}/drip.xml")).feeds
    assert report.failed and report.problem == "timed out"


def test_a_gzip_feed_is_read(tmp_path, server):
    site = _site(tmp_path)
    result = _import(site, FeedSource(f"{server.base}/gzip.xml"))
    assert result.count("new") == 3


def test_one_failing_page_does_not_stop_the_others(tmp_path, server):
    atom = (FIXTURES / "coastline/atom.xml").read_bytes().replace(
        b"harlow-library-hours.html", b"missing-page.html")
    server.extra["/coastline/partly.xml"] = atom
    site = _site(tmp_path)
    result = _import(site, FeedSource(f"{server.base}/coastline/partly.xml"), fetch_pages=True)
    notes = {i.path: i.reason for i in result.items}
    assert notes["coastline-weekly/valmora-barrier-storm.md"] == ""
    assert notes["coastline-weekly/missing-page.md"] == (
        "page not fetched (HTTP 404 Not Found); the feed's excerpt is used")
    text = (site / "content/coastline-weekly/missing-page.md").read_text("utf-8")
    assert "Students asked for longer hours" in text
    # The page is tried again next run, and the article stays as it is while it fails.
    again = _import(site, FeedSource(f"{server.base}/coastline/partly.xml"), fetch_pages=True)
    assert {i.path: i.action for i in again.items} == {
        "coastline-weekly/valmora-barrier-storm.md": "unchanged",
        "coastline-weekly/missing-page.md": "unchanged"}
    assert [p for p, _ in server.requests].count("/coastline/missing-page.html") == 2


def test_hand_edited_file_is_kept_and_a_changed_item_updated(tmp_path, server):
    site = _site(tmp_path)
    feed = FeedSource(f"{server.base}/feed.xml", topic="Coast")
    original = (FIXTURES / "courier/rss.xml").read_bytes()
    server.extra["/feed.xml"] = original
    _import(site, feed)
    edited = site / "content/coast/dunmere-late-train.md"
    edited.write_text(edited.read_text("utf-8").replace("00:40", "00:45"), encoding="utf-8")
    assert edited_by_hand(edited.read_text("utf-8"))
    before = edited.read_bytes()
    server.extra["/feed.xml"] = original.replace(b"an hour later", b"sixty minutes later") \
        .replace(b"Seven independent bakers", b"Eight independent bakers")
    result = _import(site, feed)
    actions = {i.path: i.action for i in result.items}
    assert actions == {"coast/dunmere-late-train.md": "kept",
                       "coast/ostrel-bakers-cooperative.md": "updated",
                       "coast/valmora-tidal-barrier.md": "unchanged"}
    assert edited.read_bytes() == before
    assert "Eight independent bakers" in (
        site / "content/coast/ostrel-bakers-cooperative.md").read_text("utf-8")
    assert not edited_by_hand((site / "content/coast/ostrel-bakers-cooperative.md")
                              .read_text("utf-8"))
    # A checkout that turned line ends into CRLF has not edited anything.
    crlf = (site / "content/coast/valmora-tidal-barrier.md").read_text("utf-8")
    assert not edited_by_hand(crlf.replace("\n", "\r\n"))


def test_a_hand_written_article_with_the_same_source_is_kept(tmp_path, server):
    site = _site(tmp_path)
    mine = site / "content/mine.md"
    # Found through the `url` alias, with a tracking parameter the feed's link lacks.
    mine.write_text(f"---\ntitle: Mine\ndate: 2025-11-01\nurl: {server.base}/courier/2025/11/"
                    "dunmere-late-train?utm_source=mail\n---\nMy own text.\n", encoding="utf-8")
    result = _import(site, FeedSource(f"{server.base}/courier/rss.xml"))
    kept = [i for i in result.items if i.action == "kept"]
    assert [(i.path, i.reason.split(" (")[0]) for i in kept] == [("mine.md", "written by hand")]
    assert "My own text." in mine.read_text("utf-8")


def test_dry_run_prints_what_would_change_and_writes_nothing(tmp_path, server):
    site = _site(tmp_path)
    out = CliRunner().invoke(main, ["import", "--dry-run", "--site", str(site),
                                    f"{server.base}/courier/rss.xml"], env={"COLUMNS": "120"})
    assert out.exit_code == 0, out.output
    assert "3 would be new" in out.output
    assert "would write the-harbour-courier/valmora-tidal-barrier.md (new)" in out.output
    assert _files(site) == {}


def test_robots_txt_is_respected_for_pages(tmp_path, server):
    server.extra["/private/feed.xml"] = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Private Press</title><entry><title>Closed door</title>
<link href="/private/closed-door.html"/><updated>2025-11-02T10:00:00Z</updated>
<summary>Only an excerpt.</summary></entry></feed>"""
    server.extra["/private/closed-door.html"] = b"<html><body><p>never fetched</p></body></html>"
    site = _site(tmp_path)
    result = _import(site, FeedSource(f"{server.base}/private/feed.xml"), fetch_pages=True)
    (item,) = result.items
    assert item.action == "new" and "robots.txt disallows" in item.reason
    assert "/private/closed-door.html" not in [p for p, _ in server.requests]
    assert "Only an excerpt." in (site / "content" / item.path).read_text("utf-8")


def test_json_feed_rss1_and_rss091_files(tmp_path):
    json_feed = tmp_path / "feed.json"
    json_feed.write_text("""{"version": "https://jsonfeed.org/version/1.1", "title": "Json Times",
 "items": [{"id": "1", "url": "https://json.example/tram?utm_medium=x", "title": "Tram &amp; bus",
   "content_text": "First paragraph.\\n\\nSecond <b>one</b>.", "date_published": "2025-11-04T09:00:00+02:00",
   "authors": [{"name": "Lea Moss"}], "tags": ["Transport"], "image": "/img/tram.jpg"}]}""")
    rss1 = tmp_path / "rss1.rdf"
    rss1.write_text("""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="https://rdf.example/"><title>Rdf Post</title></channel>
<item rdf:about="https://rdf.example/mill"><title>Mill reopens</title><link>https://rdf.example/mill</link>
<dc:date>2025-11-04T10:00:00Z</dc:date><description>The mill reopens.</description></item></rdf:RDF>""")
    rss091 = tmp_path / "rss091.xml"
    rss091.write_text("""<?xml version="1.0"?><rss version="0.91"><channel><title>Old Wire</title>
<item><title>Pier lights fixed</title><link>https://old.example/pier</link>
<description>All lamps work again.</description><pubDate>Tue, 04 Nov 2025 06:00:00 GMT</pubDate></item>
</channel></rss>""")
    site = _site(tmp_path, 'timezone = "Europe/Berlin"\n')
    result = _import(site, FeedSource(str(json_feed)), FeedSource(str(rss1)),
                     FeedSource(str(rss091)))
    assert [f.title for f in result.feeds] == ["Json Times", "Rdf Post", "Old Wire"]
    assert result.count("new") == 3
    tram = (site / "content/json-times/tram.md").read_text("utf-8")
    assert "title: Tram & bus" in tram and "source: https://json.example/tram\n" in tram
    assert "date: '2025-11-04T08:00:00+01:00'" in tram  # in the site's timezone
    assert "cover: https://json.example/img/tram.jpg" in tram
    assert "First paragraph.\n\nSecond <b>one</b>." in tram  # plain text kept as text
    assert (site / "content/rdf-post/mill.md").is_file()
    assert (site / "content/old-wire/pier.md").is_file()


def test_feed_software_trailers_are_dropped(tmp_path):
    feed = tmp_path / "blog.xml"
    feed.write_text("""<?xml version="1.0"?><rss version="2.0"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Brae Bulletin</title>
<item><title>Brae quay closes for repairs</title><link>https://brae.example/quay-closes</link>
<pubDate>Tue, 04 Nov 2025 07:00:00 GMT</pubDate>
<description>Divers will spend a month checking the old wooden piles [&#8230;]</description>
<content:encoded><![CDATA[<p>Brae's quay closes on Monday for a month of repairs.</p>
<p>Divers will check every one of the old wooden piles. <a href="https://brae.example/quay-closes">
Continue reading <span>Brae quay closes for repairs</span></a></p>
<p>The post <a href="https://brae.example/quay-closes">Brae quay closes for repairs</a> appeared
first on <a href="https://brae.example">Brae Bulletin</a>.</p>]]></content:encoded></item>
</channel></rss>""", encoding="utf-8")
    site = _site(tmp_path)
    (item,) = _import(site, FeedSource(str(feed))).items
    text = (site / "content" / item.path).read_text("utf-8")
    assert "excerpt: Divers will spend a month checking the old wooden piles…\n" in text
    assert text.endswith("Divers will check every one of the old wooden piles.\n")
    assert "appeared" not in text and "Continue reading" not in text


@pytest.mark.parametrize("title, name", [
    ("The Harbour Courier - Home", "The Harbour Courier"),
    ("Coastline Weekly | Latest news", "Coastline Weekly"),
    ("Brae Bulletin &amp; Post RSS Feed", "Brae Bulletin & Post"),
    ("Lisk Ledger - Ferries", "Lisk Ledger - Ferries"),  # a section name is kept
    ("News", "News"),
])
def test_a_feed_title_becomes_an_outlet_name(title, name):
    assert feed_name(title) == name


def test_outlet_falls_back_to_the_domain(tmp_path):
    feed = tmp_path / "untitled.xml"
    feed.write_text("""<?xml version="1.0"?><rss version="2.0"><channel>
<item><title>Quay renamed</title><link>https://www.quayside.example/quay-renamed</link>
<pubDate>Tue, 04 Nov 2025 07:00:00 GMT</pubDate></item></channel></rss>""", encoding="utf-8")
    site = _site(tmp_path)
    (item,) = _import(site, FeedSource(str(feed))).items
    assert item.path == "untitled/quay-renamed.md"
    assert "outlet: quayside.example" in (site / "content" / item.path).read_text("utf-8")


def test_a_configured_feed_named_on_the_command_line_keeps_its_settings(tmp_path, server):
    feed = f"{server.base}/courier/rss.xml"
    site = _site(tmp_path, f'[import]\nfeeds = [{{url = "{feed}", topic = "Coast"}}]\n')
    assert CliRunner().invoke(main, ["import", "--site", str(site)]).exit_code == 0
    again = CliRunner().invoke(main, ["import", "--site", str(site), feed])
    assert "0 new, 0 updated, 3 unchanged" in again.output
    assert sorted(_files(site)) == ["coast/dunmere-late-train.md",
                                    "coast/ostrel-bakers-cooperative.md",
                                    "coast/valmora-tidal-barrier.md"]


def test_since_and_limit_choose_items(tmp_path, server):
    site = _site(tmp_path)
    feed = f"{server.base}/courier/rss.xml"
    CliRunner().invoke(main, ["import", "--site", str(site), "--limit", "2", feed])
    assert sorted(_files(site)) == ["the-harbour-courier/ostrel-bakers-cooperative.md",
                                    "the-harbour-courier/valmora-tidal-barrier.md"]
    out = CliRunner().invoke(main, ["import", "--site", str(site), "--since", "2025-11-03",
                                    feed])
    assert "skipped 2 items older than --since" in out.output
    assert "1 unchanged" in out.output


def test_never_writes_through_a_symlink_out_of_content(tmp_path, server):
    site = _site(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    (site / "content" / "coast").symlink_to(outside, target_is_directory=True)
    result = _import(site, FeedSource(f"{server.base}/courier/rss.xml", topic="Coast"))
    assert result.count("new") == 0
    assert all(i.action == "skipped" and "outside" in i.reason for i in result.items)
    assert list(outside.iterdir()) == []


@pytest.mark.parametrize("toml, message", [
    ('[import]\nfeeds = ["https://a.example/feed"]', "must be a table"),
    ('[import]\nfeeds = [{topic = "x"}]', "has no url"),
    ('[import]\nfeeds = [{url = "https://a.example/f", outlett = "A"}]', "did you mean 'outlet'"),
    ('[import]\nfeeds = [{url = "ftp://a.example/f"}]', "only http(s) URLs"),
    ('[import]\nfeeds = [{url = "a.xml"}, {url = "a.xml"}]', "listed twice"),
    ('[import]\nfetch_page = true', "did you mean 'import.fetch_pages'"),
])
def test_import_config_is_validated(tmp_path, toml, message):
    site = _site(tmp_path, toml)
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_config(site)


def test_no_feeds_is_a_clear_error(tmp_path):
    out = CliRunner().invoke(main, ["import", "--site", str(_site(tmp_path))])
    assert out.exit_code == 1 and "no feeds to import" in out.output


def test_progress_is_reported_per_stage(tmp_path, server):
    site = _site(tmp_path)
    calls = []
    import_feeds(load_config(site), [FeedSource(f"{server.base}/coastline/atom.xml")],
                 ImportOptions(fetch_pages=True), progress=lambda *call: calls.append(call))
    assert calls == [("Reading feeds", 1, 1), ("Fetching pages", 1, 2),
                     ("Fetching pages", 2, 2), ("Writing articles", 1, 2),
                     ("Writing articles", 2, 2)]


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400) | st.text(max_size=400).map(str.encode)
       | st.sampled_from([b"<rss", b"<feed xmlns='http://www.w3.org/2005/Atom'><entry>",
                          b'{"version": "https://jsonfeed.org/version/1", "items": [1, {}]}',
                          b"<?xml version='1.0'?><rdf:RDF", b"\xef\xbb\xbf<rss><item>"]))
def test_any_bytes_give_a_feed_or_a_feed_error(data):
    try:
        parsed = parse_feed(data, "https://fuzz.example/feed")
    except FeedError as exc:
        assert exc.reason.startswith("not a feed")
    else:
        assert all(isinstance(item, FeedItem) for item in parsed.items)


@given(st.text(alphabet="abc/?&=#%:._-utmUTM", max_size=40))
def test_canonical_url_is_stable(tail):
    once = canonical_url("https://Host.example/" + tail)
    assert canonical_url(once) == once
    keys = [key.lower() for key, _ in parse_qsl(urlsplit(once).query, keep_blank_values=True)]
    assert not any(key.startswith("utm_") for key in keys) and not urlsplit(once).fragment


def test_the_build_never_loads_the_importer():
    code = ("import sys, digest.cli, digest.build, digest.serve; "
            "print(any(m.startswith('digest.importer') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"
