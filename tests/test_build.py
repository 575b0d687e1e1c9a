"""End to end: build real sites to disk and read the HTML back."""

import hashlib
import shutil
from pathlib import Path

import pytest

from conftest import REPO, article, parse_html
from digest.build import build, compute_site
from digest.config import load_config
from digest.errors import BuildError


def tree_digest(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory) -> Path:
    """The repo's sample site, built once into a temporary folder."""
    out = tmp_path_factory.mktemp("sample") / "public"
    build(load_config(REPO, {"output_dir": str(out)}))
    return out


def test_sample_site_has_every_kind_of_page(sample_site):
    assert (sample_site / "index.html").is_file()
    assert (sample_site / "404.html").is_file()
    assert (sample_site / "topics" / "index.html").is_file()
    stories = sorted((sample_site / "stories").iterdir())
    topics = [p for p in (sample_site / "topics").iterdir() if p.is_dir()]
    assert len(stories) >= 10 and len(topics) >= 5


def test_sample_site_shows_a_brief_with_headings(sample_site):
    """Some story of the sample site has a brief whose sections after the lead carry an
    <h3> each, copied from the section it heads."""
    headed = 0
    for page in sorted((sample_site / "stories").glob("*/index.html")):
        brief = parse_html(page).css_first("section.digest-brief")
        if brief is None or not brief.css("h3"):
            continue
        headed += 1
        tags = [node.tag for node in brief.iter() if node.tag in ("h3", "p")]
        assert tags[0] == "p", "no heading over the lead paragraph"
        for k, tag in enumerate(tags[:-1]):
            assert tag == "p" or tags[k + 1] == "p", "a heading heads a paragraph"
        paragraphs = brief.css("p")
        for heading in brief.css("h3"):
            following = next(p for p in paragraphs if p.html and
                             brief.html.index(p.html) > brief.html.index(heading.html))
            assert heading.text(strip=True).casefold() in following.text().casefold()
    assert headed >= 1


def test_story_pages_follow_the_digest_contract(sample_site):
    for page in sorted((sample_site / "stories").glob("*/index.html")):
        doc = parse_html(page)
        [digest] = doc.css("article.digest")
        assert digest.attributes["data-story"] == page.parent.name
        assert digest.css_first("h1").text(strip=True)
        summary = digest.css_first("section.digest-summary")
        assert summary.attributes["data-origin"] in ("generated", "editor")
        sources = digest.css("ol.digest-sources > li")
        assert sources, page
        ids = [li.attributes["id"] for li in sources]
        assert ids == [f"src-{n}" for n in range(1, len(sources) + 1)]
        for sentence in digest.css(".digest-sentence"):
            cites = sentence.attributes["data-cites"].split()
            assert cites, f"uncited sentence in {page}: {sentence.text()}"
            assert all(f"src-{c}" in ids for c in cites)
        for link in digest.css("sup.cite a"):
            assert link.attributes["href"].lstrip("./").lstrip("#") in ids or \
                link.attributes["href"].startswith("#src-")


def test_internal_links_resolve(sample_site):
    for page in sample_site.rglob("*.html"):
        if page.name == "404.html":
            continue
        for node in parse_html(page).css("a[href], link[href], img[src]"):
            url = node.attributes.get("href") or node.attributes.get("src")
            if url.startswith(("http://", "https://", "mailto:")):
                continue
            target, _, fragment = url.partition("#")
            resolved = (page.parent / target).resolve() if target else page
            if resolved.is_dir():
                resolved = resolved / "index.html"
            assert resolved.is_file(), f"{page}: broken link {url}"
            if fragment:
                assert parse_html(resolved).css_first(f"#{fragment}"), f"{page}: {url}"


def test_build_is_deterministic(tmp_path):
    first, second = tmp_path / "one", tmp_path / "two"
    build(load_config(REPO, {"output_dir": str(first)}))
    build(load_config(REPO, {"output_dir": str(second)}))
    assert tree_digest(first) == tree_digest(second)


def test_compute_site_writes_nothing_and_build_writes_what_it_computes(make_site):
    site = make_site({"content/a.md": article("Fine article", body="A sentence here.")})
    config = load_config(site)
    computed = compute_site(config)
    assert computed.written is None and not config.output_path.exists()
    built = build(config)
    assert built.written is not None and "write" in built.timings
    assert [f.path for f in built.rendered.files] == [f.path for f in computed.rendered.files]
    assert built.digests == computed.digests


def test_failed_build_leaves_previous_site(make_site):
    site = make_site({"content/a.md": article("Fine article", body="A sentence here.")})
    config = load_config(site)
    build(config)
    before = tree_digest(config.output_path)
    (site / "content" / "b.md").write_text("---\ntitle: [broken\n---\n")
    with pytest.raises(BuildError) as info:
        build(config)
    assert "b.md:2" in str(info.value.message)
    assert tree_digest(config.output_path) == before
    assert sorted(p.name for p in site.iterdir()) == ["content", "public"]


def test_skip_invalid_builds_the_rest_and_lists_the_skip(make_site):
    site = make_site({"content/a.md": article("Fine article", body="A sentence here."),
                      "content/b.md": "---\ntitle: no date\n---\n"})
    result = build(load_config(site, {"on_error": "skip"}))
    assert [a.rel_path for a in result.read.articles] == ["a.md"]
    [skipped] = result.skipped
    assert skipped.rel_path == "b.md" and "missing required field 'date'" in skipped.reason


def test_site_template_overrides_theme(make_site):
    site = make_site({
        "content/a.md": article("Fine article", body="A sentence here."),
        "templates/404.html": '{% extends "base.html" %}{% block main %}<p id="mine">Lost'
                              "</p>{% endblock %}",
    })
    config = load_config(site)
    build(config)
    assert parse_html(config.output_path / "404.html").css_first("#mine").text() == "Lost"


def test_raw_html_is_escaped_unless_allowed(make_site):
    body = 'Text <b id="raw">bold</b> and [x](javascript:alert(1)) end.'
    site = make_site({"content/a.md": article("HTML", body=body)})
    config = load_config(site)
    build(config)
    [page] = (config.output_path / "stories").glob("*/index.html")
    doc = parse_html(page)
    assert doc.css_first("#raw") is None
    assert not [a for a in doc.css("a") if "javascript" in a.attributes.get("href", "")]
    build(load_config(site, {"markdown.allow_html": True}))
    assert parse_html(page).css_first(".digest-body #raw") is not None


def test_equal_titles_get_distinct_stable_urls(make_site):
    site = make_site({
        "content/a.md": article("Same title", date="2025-11-01", body="About apples."),
        "content/b.md": article("Same title", date="2025-11-20", body="About pears."),
    })
    result = build(load_config(site))
    assert sorted(d.slug for d in result.digests) == ["same-title", "same-title-2025-11-20"]


def test_output_may_not_be_the_content_folder(make_site):
    from digest.errors import ConfigError

    site = make_site({"content/a.md": article("x")})
    with pytest.raises(ConfigError):
        build(load_config(site, {"output_dir": "content"}))
    assert (site / "content" / "a.md").exists()


def test_empty_content_folder_builds(make_site):
    site = make_site({})
    result = build(load_config(site))
    assert result.digests == ()
    assert (site / "public" / "index.html").is_file()
    shutil.rmtree(site / "public")
