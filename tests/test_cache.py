"""The build cache never changes the output: warm builds after edits equal cold builds."""

import hashlib
import shutil
from pathlib import Path

import pytest
from conftest import REPO, article

import digest.build
import digest.render
from digest.build import build
from digest.cache import BuildCache
from digest.session import BuildSession
from digest.config import load_config
from digest.write import MARKER


def tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def sample(tmp_path) -> Path:
    """A copy of the repo's sample site, with the default theme's story template as an
    override the tests can edit."""
    site = tmp_path / "site"
    shutil.copytree(REPO / "content", site / "content")
    shutil.copy(REPO / "digest.toml", site / "digest.toml")
    (site / "templates").mkdir()
    shutil.copy(REPO / "themes" / "default" / "templates" / "story.html", site / "templates")
    return site


def warm(site: Path, out: Path):
    config = load_config(site, {"output_dir": str(out)})
    session = BuildSession.open(config)
    result = session.build(config)
    session.save()
    return result, session.cache


def cold(site: Path, out: Path) -> dict[str, str]:
    build(load_config(site, {"output_dir": str(out)}))
    return tree(out)


def first_article(site: Path, folder: str) -> Path:
    return sorted((site / "content" / folder).glob("*.md"))[0]


def test_warm_builds_after_edits_equal_a_cold_build(sample, tmp_path):
    out = tmp_path / "public"
    warm(sample, out)
    # an edited body, a renamed article, a deleted article, a new source joining a story
    edited = first_article(sample, "ai")
    edited.write_text(edited.read_text() + "\nRegulators said they would publish the "
                      "full findings on Friday.\n")
    renamed = first_article(sample, "climate")
    renamed.rename(renamed.with_name("renamed-" + renamed.name))
    first_article(sample, "health").unlink()
    warm(sample, out)
    # a template change and a story file change
    story = sample / "templates" / "story.html"
    story.write_text(story.read_text().replace("<h1", "<h1 data-edited=\"yes\"", 1))
    story_file = sample / "content" / "stories" / "marrow-bay-barrier.md"
    story_file.write_text(story_file.read_text().replace("title: \"", "title: \"Edited: ", 1))
    result, cache = warm(sample, out)
    assert cache.hits > 0
    assert tree(out) == cold(sample, tmp_path / "cold")
    assert result.written.removed == 0


def test_nothing_changed_means_nothing_recomputed_or_rewritten(sample, tmp_path):
    out = tmp_path / "public"
    warm(sample, out)
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*.html")}
    result, cache = warm(sample, out)
    assert cache.misses == 0 and cache.hits > 0
    assert result.written.changed == 0
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.html")} == stamps


def test_only_changed_pages_are_rewritten_and_stale_ones_removed(sample, tmp_path):
    out = tmp_path / "public"
    first, _ = warm(sample, out)
    (out / "404.html").unlink()  # someone deleted a file from the output: it comes back
    single = next(d for d in first.digests if len(d.sources) == 1)
    path = sample / "content" / single.sources[0].article.rel_path
    path.unlink()
    result, _ = warm(sample, out)
    assert (out / "404.html").is_file()
    assert not (out / "stories" / single.story.slug).exists()
    assert 0 < result.written.changed < result.written.files
    assert result.written.removed >= 1
    assert tree(out) == cold(sample, tmp_path / "cold")


@pytest.mark.parametrize("damage", ["truncate", "flip", "version", "garbage"])
def test_a_damaged_cache_is_rebuilt_not_trusted(sample, tmp_path, damage):
    out = tmp_path / "public"
    _, cache = warm(sample, out)
    files = sorted(cache.folder.glob("*/*.cache"))
    assert {f.parent.name for f in files} >= {"articles", "grouping", "digests", "pages"}
    for file in files:
        data = file.read_bytes()
        if damage == "truncate":
            data = data[: len(data) // 2]
        elif damage == "flip":
            data = data[:-10] + bytes(b ^ 0xFF for b in data[-10:])
        elif damage == "version":
            data = data.replace(cache.version.encode(), b"0" * len(cache.version), 1)
        else:
            data = b"not a cache at all"
        file.write_bytes(data)
    _, rebuilt = warm(sample, out)
    assert rebuilt.hits == 0 and rebuilt.misses > 0
    assert tree(out) == cold(sample, tmp_path / "cold")
    _, again = warm(sample, out)  # the rewritten cache is whole again
    assert again.misses == 0


def test_new_code_does_not_trust_an_old_cache(sample, tmp_path):
    config = load_config(sample, {"output_dir": str(tmp_path / "public")})
    old = BuildCache(config.cache_path / "build", version="old-code")
    BuildSession(old).build(config)
    old.save()
    new = BuildCache(config.cache_path / "build", version="new-code")
    BuildSession(new).build(config)
    assert new.hits == 0


def test_cover_found_by_looking_is_looked_up_again(make_site, tmp_path):
    from PIL import Image

    site = make_site({"content/news/a.md": article("Cover test", cover="pic.png",
                                                   topic="Tech")})
    Image.new("RGB", (40, 30), "red").save(site / "content" / "pic.png")
    out = tmp_path / "public"
    first, _ = warm(site, out)
    assert first.read.articles[0].cover.path == (site / "content" / "pic.png").resolve()
    # a file nearer the article now matches the cover path: it wins, cache or not
    Image.new("RGB", (40, 30), "blue").save(site / "content" / "news" / "pic.png")
    second, _ = warm(site, out)
    assert second.read.articles[0].cover.path == (site / "content" / "news" / "pic.png").resolve()


def test_no_cache_flag_leaves_no_cache(sample, tmp_path):
    from click.testing import CliRunner

    from digest.cli import main

    out = tmp_path / "public"
    done = CliRunner().invoke(main, ["build", "--site", str(sample), "--output", str(out),
                                     "--no-cache", "-q"])
    assert done.exit_code == 0, done.output
    assert not (sample / ".digest-cache" / "build").exists()
    assert (out / MARKER).is_file()


def test_a_long_running_cache_gives_the_same_site_as_a_cold_build(sample, tmp_path):
    """digest serve's way: one in-memory cache across builds, files trusted by stamp
    unless the watcher names them."""
    out = tmp_path / "public"
    config = load_config(sample, {"output_dir": str(out)})
    session = BuildSession.open(config, long_running=True)
    session.build(config)
    edited = first_article(sample, "space")
    edited.write_text(edited.read_text().replace("the", "a", 3))
    session.forget([edited])
    session.build(config)
    moved = first_article(sample, "markets")
    moved.write_text(moved.read_text().replace("---\n", "---\nstory: marrow-bay-barrier\n", 1))
    session.forget([moved])
    first_article(sample, "security").unlink()
    result = session.build(config)
    assert session.cache.hits > 0 and result.written.changed < result.written.files
    assert tree(out) == cold(sample, tmp_path / "cold")


def test_edits_grouping_does_not_read_reuse_the_grouping(sample, tmp_path, monkeypatch):
    out = tmp_path / "public"
    warm(sample, out)
    calls = []
    real = digest.build.group_stories
    monkeypatch.setattr(digest.build, "group_stories", lambda *a, **k: calls.append(1) or real(*a, **k))
    edited = first_article(sample, "ai")
    edited.write_text(edited.read_text().replace("tags: [", "tags: [forecasts, ", 1))
    result, _ = warm(sample, out)
    tags = {a.rel_path: a.tags for a in result.read.articles}
    assert "forecasts" in tags[edited.relative_to(sample / "content").as_posix()]
    assert calls == []  # nothing grouping reads changed: the grouping came from the cache
    assert tree(out) == cold(sample, tmp_path / "cold")
    calls.clear()
    edited.write_text(edited.read_text().replace("Halvorsen Labs, the", "Halvorsen Labs, a", 1))
    warm(sample, out)
    assert calls == [1]  # the lead changed: grouped again, from the other articles' profiles
    assert tree(out) == cold(sample, tmp_path / "cold2")


def test_a_new_story_re_renders_the_pages_that_show_it_not_the_site(sample, tmp_path,
                                                                    monkeypatch):
    out = tmp_path / "public"
    first, _ = warm(sample, out)
    rendered = []
    real = digest.render.render_page
    monkeypatch.setattr(digest.render, "render_page",
                        lambda renderer, path, *a: rendered.append(path) or real(renderer, path, *a))
    (sample / "content" / "ai" / "zz-new.md").write_text(article(
        "Quarry Robotics opens a Lisbon lab", topic="AI", date="2025-11-12",
        source="https://new.example/quarry", body="Quarry Robotics opened a lab in Lisbon."))
    result, _ = warm(sample, out)
    assert len(result.digests) == len(first.digests) + 1
    new = next(d for d in result.digests if d.title.startswith("Quarry"))
    assert f"stories/{new.story.slug}/" in rendered and "topics/ai/" in rendered
    assert "" in rendered  # the front page lists it
    story_pages = [p for p in rendered if p.startswith("stories/")]
    assert story_pages == [f"stories/{new.story.slug}/"]  # no other story page
    monkeypatch.undo()
    assert tree(out) == cold(sample, tmp_path / "cold")


def test_a_template_edit_reuses_the_html_of_every_body(sample, tmp_path, monkeypatch):
    out = tmp_path / "public"
    warm(sample, out)
    warm(sample, out)  # a build that renders no page must still keep the bodies' HTML
    texts = []
    real = digest.render.make_markdown

    def counting(config):
        render = real(config)
        return lambda text: texts.append(text) or render(text)
    monkeypatch.setattr(digest.render, "make_markdown", counting)
    story = sample / "templates" / "story.html"
    story.write_text(story.read_text().replace("<h1", "<h1 data-edited=\"yes\"", 1))
    result, _ = warm(sample, out)
    assert result.written.changed >= len(result.digests)  # every story page is new
    assert texts == []  # and not one body was converted again
    monkeypatch.undo()
    assert tree(out) == cold(sample, tmp_path / "cold")
