"""`digest.session`: the shortcuts a long-running session takes ahead of a full build
(the story pages of a text edit, the pages open in browsers after a template edit),
each writing what the full build writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO, article

from digest.build import build
from digest.config import load_config
from digest.session import BuildSession

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
    session = BuildSession.open(config, long_running=True)
    return site, config, session, session.build(config)


def files_of(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file() and p.name != ".digest-build"}


def edit(path: Path, old: str, new: str) -> frozenset[Path]:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return frozenset([path])


def test_a_body_edit_writes_its_story_page_as_the_full_build_does(built, tmp_path):
    site, config, session, previous = built
    before = files_of(config.output_path)
    changed = edit(site / "content/ai/model-2.md", "sharpen", "refine")

    quick = session.edited_stories_first(changed)

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
    session.build(config, changed=changed, provisional=True)
    assert files_of(config.output_path) == files_of(cold.written.output)
    assert (config.output_path / page).stat().st_mtime_ns == written_at


@pytest.mark.parametrize("change", ["title", "date", "story", "cover", "invalid", "new",
                                    "deleted", "image"])
def test_anything_but_a_text_edit_is_left_to_the_full_build(built, change):
    site, config, session, previous = built
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
    assert session.edited_stories_first(changed) is None
    assert files_of(config.output_path) == before


def test_a_tag_edit_is_left_to_the_full_build_when_topics_come_from_tags(make_site):
    files = dict(SITE)
    files["digest.toml"] += '[topics]\nfrom = "tags"\nmap = { "forecasting" = "Weather" }\n'
    site = make_site(files)
    config = load_config(site)
    session = BuildSession.open(config, long_running=True)
    session.build(config)
    changed = edit(site / "content/climate/glacier.md", "topic: 'Climate'",
                   "topic: 'Climate'\ntags: [forecasting]")
    assert session.edited_stories_first(changed) is None
    after = session.build(config, changed=changed, provisional=True)
    assert {s.key: s.topic.name for s in after.grouping.stories}["glacier"] == "Weather"


def test_open_pages_after_a_template_edit_are_written_as_the_site_would(make_site, tmp_path):
    """What `digest serve` writes first for the pages open in browsers."""
    site = make_site({"content/a.md": article("Alpha harbour", topic="Ports"),
                      "content/b.md": article("Beta glacier", topic="Ice")})
    config = load_config(site)
    session = BuildSession.open(config, long_running=True)
    session.build(config)
    before = {p.relative_to(config.output_path).as_posix(): p.read_bytes()
              for p in config.output_path.rglob("*.html")}
    (site / "templates").mkdir()
    story = REPO / "themes" / "default" / "templates" / "story.html"
    edited = site / "templates" / "story.html"
    edited.write_text(story.read_text().replace("<h1", "<h1 data-edited", 1))
    alpha = next(p for p in before if p.startswith("stories/") and b"Alpha" in before[p])
    content = site / "content" / "a.md"
    assert session.open_pages_first([content], {alpha}) is None  # not a template edit
    written = session.open_pages_first([edited], {alpha})
    after = {p.relative_to(config.output_path).as_posix(): p.read_bytes()
             for p in config.output_path.rglob("*.html")}
    assert written is not None and written.changed == 1
    assert {p for p in after if after[p] != before[p]} == {alpha}
    cold = build(load_config(site, {"output_dir": str(tmp_path / "cold")}))
    assert after[alpha] == (cold.written.output / alpha).read_bytes()


def test_ending_a_provisional_build_equals_a_cold_build(built, tmp_path):
    """A provisional build keeps the last stories; `end_provisional` groups again, and the
    site is then what a cold build of the same files writes."""
    site, config, session, previous = built
    changed = edit(site / "content/ai/model-2.md", "sharpen", "refine")
    first = session.build(config, changed=changed, provisional=True)
    assert session.provisional
    assert [s.key for s in first.grouping.stories] == [s.key for s in previous.grouping.stories]
    session.end_provisional()
    assert not session.provisional
    cold = build(load_config(site, {"output_dir": str(tmp_path / "cold")}))
    assert files_of(config.output_path) == files_of(cold.written.output)


def test_a_build_is_provisional_only_when_it_kept_the_stories(built):
    """The session may keep the last stories only for an edit of texts: a build with
    nothing changed, or with a new article, groups at once and is not provisional."""
    site, config, session, _ = built
    session.build(config, changed=frozenset(), provisional=True)
    assert not session.provisional  # the files are those the stories memo knows
    new = site / "content/climate/ice-shelf.md"
    new.write_text(article("Ice shelf cracks along a 20-kilometre front", date="2025-11-13",
                           body=GLACIER, outlet="Polar Post", topic="Climate",
                           source="https://polar.example/shelf"), encoding="utf-8")
    result = session.build(config, changed=frozenset([new]), provisional=True)
    assert not session.provisional
    assert "climate/ice-shelf.md" in result.grouping.story_of


def test_a_failed_build_leaves_the_session_as_it_was(built):
    site, config, session, previous = built
    path = site / "content/ai/model-2.md"
    good = path.read_text()
    edit(path, "title: ", "title: [unclosed ")
    with pytest.raises(Exception):
        session.build(config, changed=frozenset([path]))
    assert session.last is previous
    path.write_text(good)
    again = session.build(config, changed=frozenset([path]))
    assert session.cache.misses == 0 and again.written.changed == 0


def test_a_session_without_a_cache_keeps_nothing_and_writes_no_cache(make_site):
    config = load_config(make_site(SITE))
    session = BuildSession.open(config, use_cache=False)
    session.build(config)
    session.save()
    assert not session.uses(config) and not config.cache_path.exists()
    assert session.build(config).written.changed == 0  # the same site, computed again
