"""`digest.quick`: the story pages of a text edit, written ahead of the full build."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import article

from digest.build import build, open_cache
from digest.config import load_config
from digest.quick import build_edited_stories

MODEL = ("Halvorsen Labs released its Skerry weather model to researchers on Monday. "
         "The 12 billion parameter model is free for non-commercial use, the lab said.")
MODEL_2 = ("Meteorologists welcomed Halvorsen's Skerry model, released on Monday. "
           "They said the free 12 billion parameter model could sharpen local forecasts.")
GLACIER = ("Surveyors found that the Kessing glacier lost 38 metres of ice in one year. "
           "The retreat is the fastest on record, the survey team said on Friday.")

SITE = {
    "digest.toml": 'title = "Quick"\n[group]\nauto_cluster = false\n',
    "content/ai/model-1.md": article("Halvorsen opens its Skerry model", date="2025-11-03",
                                     body=MODEL, outlet="Meridian Ledger", story="model",
                                     topic="AI", source="https://ledger.example/model"),
    "content/ai/model-2.md": article("Forecasters welcome Skerry", date="2025-11-04",
                                     body=MODEL_2, outlet="Weather Wire", story="model",
                                     topic="AI", source="https://wire.example/model"),
    "content/climate/glacier.md": article("Kessing glacier retreats 38 metres",
                                          date="2025-11-12", body=GLACIER,
                                          outlet="Alpine Times", story="glacier",
                                          topic="Climate", source="https://alpine.example/g"),
}


@pytest.fixture
def built(make_site):
    """A site built once with a cache kept in memory, as `digest serve` holds it."""
    site = make_site(SITE)
    config = load_config(site)
    cache = open_cache(config, keep_objects=True)
    return site, config, cache, build(config, cache=cache)


def files_of(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file() and p.name != ".digest-build"}


def edit(path: Path, old: str, new: str) -> frozenset[Path]:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return frozenset([path])


def test_a_body_edit_writes_its_story_page_as_the_full_build_does(built, tmp_path):
    site, config, cache, previous = built
    before = files_of(config.output_path)
    changed = edit(site / "content/ai/model-2.md", "sharpen", "refine")

    quick = build_edited_stories(config, previous, changed, cache)

    assert quick is not None and quick.changed == 1
    assert [s.key for s in quick.stories] == ["model"]
    (page,) = quick.pages
    after = files_of(config.output_path)
    assert "refine" in after[page].decode() and "refine" not in before[page].decode()
    assert {path for path in after if after[path] != before.get(path)} == {page}
    cold = build(load_config(site, {"output_dir": str(tmp_path / "cold")}))
    assert after[page] == files_of(cold.written.output)[page]
    # the full build that follows finds the page (and the manifest) already up to date
    written_at = (config.output_path / page).stat().st_mtime_ns
    build(config, cache=cache, previous=previous, changed=changed)
    assert files_of(config.output_path) == files_of(cold.written.output)
    assert (config.output_path / page).stat().st_mtime_ns == written_at


@pytest.mark.parametrize("change", ["title", "date", "story", "cover", "invalid", "new",
                                    "deleted", "image"])
def test_anything_but_a_text_edit_is_left_to_the_full_build(built, change):
    site, config, cache, previous = built
    path = site / "content/ai/model-2.md"
    if change == "title":
        changed = edit(path, "Forecasters welcome Skerry", "Forecasters cheer Skerry")
    elif change == "date":
        changed = edit(path, "2025-11-04", "2025-11-05")
    elif change == "story":
        changed = edit(path, "story: 'model'", "story: 'glacier'")
    elif change == "cover":
        changed = edit(path, "topic: 'AI'", "topic: 'AI'\ncover: 'skerry.jpg'")
    elif change == "invalid":
        changed = edit(path, "title: ", "title: [unclosed ")
    elif change == "new":
        new = site / "content/ai/model-3.md"
        new.write_text(SITE["content/ai/model-2.md"].replace("Weather Wire", "Data Desk"))
        changed = frozenset([new])
    elif change == "deleted":
        path.unlink()
        changed = frozenset([path])
    else:
        image = site / "content/ai/skerry.jpg"
        image.write_bytes(b"not really")
        changed = frozenset([image])
    before = files_of(config.output_path)
    assert build_edited_stories(config, previous, changed, cache) is None
    assert files_of(config.output_path) == before


def test_a_tag_edit_is_left_to_the_full_build_when_topics_come_from_tags(make_site):
    files = dict(SITE)
    files["digest.toml"] += '[topics]\nfrom = "tags"\nmap = { "forecasting" = "Weather" }\n'
    site = make_site(files)
    config = load_config(site)
    cache = open_cache(config, keep_objects=True)
    previous = build(config, cache=cache)
    changed = edit(site / "content/climate/glacier.md", "topic: 'Climate'",
                   "topic: 'Climate'\ntags: [forecasting]")
    assert build_edited_stories(config, previous, changed, cache) is None
    after = build(config, cache=cache, previous=previous, changed=changed)
    assert {s.key: s.topic.name for s in after.grouping.stories}["glacier"] == "Weather"
