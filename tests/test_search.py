"""Search: Pagefind indexes the story pages; the search page finds a story in a
real headless Chromium, served statically from public/."""

import shutil

import pytest

from browser import CHROMIUM, chromium, static_server
from conftest import REPO, parse_html
from digest.build import build
from digest.config import load_config


@pytest.fixture(scope="module")
def searchable_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("search") / "public"
    build(load_config(REPO, {"output_dir": str(out), "search.enabled": True}))
    return out


def test_index_is_written_and_story_pages_are_marked(searchable_site):
    assert (searchable_site / "pagefind" / "pagefind-ui.js").is_file()
    assert (searchable_site / "pagefind" / "pagefind-entry.json").is_file()
    page = next((searchable_site / "stories").glob("*/index.html"))
    assert "data-pagefind-body" in parse_html(page).css_first("article.digest").attributes


def test_search_disabled_writes_no_index(make_site):
    from conftest import article

    site = make_site({"content/a.md": article("Plain", body="Nothing to find here.")})
    config = load_config(site, {"search.enabled": False})
    build(config)
    assert not (config.output_path / "pagefind").exists()
    assert not (config.output_path / "search").exists()


@pytest.mark.browser
@pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian chromium is not installed")
def test_typing_a_word_finds_the_story(searchable_site):
    with static_server(searchable_site) as base, chromium() as browser:
        page = browser.new_page()
        errors = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(base + "search/")
        page.fill(".pagefind-ui__search-input", "Skerry")
        result = page.locator(".pagefind-ui__result-link").first
        result.wait_for(timeout=15_000)
        links = page.locator(".pagefind-ui__result-link").evaluate_all(
            "els => els.map(e => e.getAttribute('href'))")
        assert any("halvorsen" in link for link in links), links
        assert errors == []
