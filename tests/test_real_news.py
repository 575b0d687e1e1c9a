"""Real scraped news from ../shared/data: a few hundred articles build, and every
article is either in the site or listed as skipped with its reason."""

import tarfile
from pathlib import Path

import pytest

from conftest import SHARED, parse_html
from digest.build import build, compute_site
from digest.config import load_config

# Python 3.11.4+ checks archive members ("data" filter); older 3.11 has no filter.
SAFE_EXTRACT = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}

ARCHIVE = SHARED / "data" / "real-news-2025.tar.xz"
SAMPLE_SIZE = 300

pytestmark = pytest.mark.skipif(not ARCHIVE.exists(), reason="../shared/data is not present")


@pytest.fixture(scope="module")
def real_site(tmp_path_factory) -> Path:
    """A site of SAMPLE_SIZE real articles: every 20th file of the archive, by name."""
    root = tmp_path_factory.mktemp("real")
    with tarfile.open(ARCHIVE) as archive:
        members = sorted((m for m in archive.getmembers() if m.name.endswith(".md")),
                         key=lambda m: m.name)
        chosen = members[:: max(1, len(members) // SAMPLE_SIZE)][:SAMPLE_SIZE]
        for member in chosen:
            member.name = "content/" + Path(member.name).name
            archive.extract(member, root, **SAFE_EXTRACT)
    return root


def test_real_articles_build_and_none_vanishes(real_site):
    config = load_config(real_site, {"on_error": "skip"})
    result = build(config)
    files = {p.name for p in (real_site / "content").glob("*.md")}
    published = {a.rel_path for a in result.read.articles}
    skipped = {s.rel_path for s in result.skipped}
    assert published | skipped == files
    assert len(published) > 0.9 * len(files)
    in_pages = set()
    for page in (config.output_path / "stories").glob("*/index.html"):
        doc = parse_html(page)
        assert doc.css_first("article.digest") is not None
        in_pages.update(li.attributes.get("data-source-url", "") for li in
                        doc.css("ol.digest-sources > li"))
        in_pages.update(a.attributes.get("href", "") for a in
                        doc.css("ul.digest-source-also a"))
    # Filler and pages that are no articles are set aside, and listed as such.
    grouping = result.grouping
    set_aside = {a.rel_path for a in grouping.filler_articles + grouping.non_articles}
    with_source = {a.source for a in result.read.articles
                   if a.source and a.rel_path not in set_aside}
    assert with_source <= in_pages
    in_stories = {a.rel_path for story in grouping.stories for a in story.articles}
    assert in_stories | set_aside == published and not in_stories & set_aside


def test_real_titles_are_plain_text(real_site):
    config = load_config(real_site, {"on_error": "skip"})
    result = compute_site(config)
    for article in result.read.articles:
        assert "&#" not in article.title and "&amp;" not in article.title
        assert "<script" not in article.body.lower()
