"""Covers shared by more than `images.max_shared_cover` stories are nobody's cover
(`digest.images.shared`), on the `shared_covers` fixture site: a local placeholder on
four stories, a remote stock photo on four more, and one cover of its own."""

from __future__ import annotations

import shutil

import pytest

from conftest import SITES, parse_html
from digest.build import build
from digest.config import load_config


@pytest.fixture
def shared(tmp_path):
    site = tmp_path / "shared_covers"
    shutil.copytree(SITES / "shared_covers", site)
    return site


def cover_src(config, slug):
    page = parse_html(config.output_path / "stories" / slug / "index.html")
    img = page.css_first(".digest-cover img")
    return img.attributes["src"] if img else None


def test_shared_covers_are_not_shown_and_one_warning_names_them(shared):
    config = load_config(shared)
    result = build(config)
    for slug in ("local-1", "local-2", "local-3", "remote-1", "remote-4"):
        assert cover_src(config, slug) is None, slug
    assert "kiln" in cover_src(config, "kiln")
    # the story whose first source had the placeholder shows its next source's cover
    assert cover_src(config, "local-4") == "https://img.example/allotments.jpg"
    warnings = [w for w in result.warnings if "shared by more than 3 stories" in w]
    assert len(warnings) == 1
    assert "placeholder.jpg (4 stories)" in warnings[0]
    assert "https://img.example/stock-market.jpg (4 stories)" in warnings[0]
    assert not list((config.output_path / "images").glob("placeholder-*"))
    assert list((config.output_path / "images").glob("kiln-*"))


def test_a_higher_limit_keeps_them(shared):
    config = load_config(shared, {"images.max_shared_cover": 4})
    result = build(config)
    assert "placeholder" in cover_src(config, "local-1")
    assert cover_src(config, "remote-2") == "https://img.example/stock-market.jpg"
    assert not any("shared by more than" in w for w in result.warnings)


def test_zero_means_no_limit(shared):
    config = load_config(shared, {"images.max_shared_cover": 0})
    build(config)
    assert "placeholder" in cover_src(config, "local-2")
