from pathlib import Path

import pytest

from digest.errors import ConfigError
from digest.files import OutputFile
from digest.write import MARKER, check_output_folder, write_site


def test_write_then_replace(tmp_path):
    out = tmp_path / "public"
    write_site([OutputFile("index.html", b"one"), OutputFile("a/b.txt", b"b")], out)
    assert (out / "index.html").read_bytes() == b"one"
    write_site([OutputFile("index.html", b"two")], out)
    assert (out / "index.html").read_bytes() == b"two"
    assert not (out / "a").exists()
    assert (out / MARKER).exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["public"]


def test_failed_write_keeps_previous_site(tmp_path):
    out = tmp_path / "public"
    write_site([OutputFile("index.html", b"good")], out)
    with pytest.raises(ConfigError, match="two outputs claim"):
        write_site([OutputFile("x.html", b"1"), OutputFile("x.html", b"2")], out)
    assert (out / "index.html").read_bytes() == b"good"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["public"]


def test_path_escaping_the_output_is_refused(tmp_path):
    with pytest.raises(ConfigError, match="leaves the output folder"):
        write_site([OutputFile("../evil.txt", b"x")], tmp_path / "public")
    assert not (tmp_path / "evil.txt").exists()


@pytest.mark.parametrize("path", ["a/../../evil.txt", "/evil.txt", "a/./b.txt", "..", MARKER])
def test_odd_output_paths_are_refused(tmp_path, path):
    with pytest.raises(ConfigError, match="leaves the output folder"):
        write_site([OutputFile(path, b"x")], tmp_path / "public")
    assert not (tmp_path / "evil.txt").exists() and not Path("/evil.txt").exists()


def test_a_link_out_of_the_output_is_not_written_through(tmp_path):
    out, elsewhere = tmp_path / "public", tmp_path / "elsewhere"
    elsewhere.mkdir()
    write_site([OutputFile("index.html", b"one")], out)
    (out / "linked").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(ConfigError, match="symbolic link"):
        write_site([OutputFile("index.html", b"two"), OutputFile("linked/x.html", b"x")], out)
    assert list(elsewhere.iterdir()) == []
    assert (out / "index.html").read_bytes() == b"one"  # nothing written before the check


@pytest.mark.parametrize("name", ["site", "content", "root", "home"])
def test_dangerous_output_folders_are_refused(tmp_path, name):
    site = tmp_path / "site"
    content = site / "content"
    content.mkdir(parents=True)
    target = {"site": site, "content": content, "root": Path("/"), "home": Path.home()}[name]
    with pytest.raises(ConfigError):
        check_output_folder(target, [site, content])


def test_foreign_folder_is_not_replaced(tmp_path):
    out = tmp_path / "stuff"
    out.mkdir()
    (out / "precious.txt").write_text("keep me")
    with pytest.raises(ConfigError, match="not written by digest"):
        check_output_folder(out, [tmp_path / "site"])


# Issue 14, items 2-4: interrupted writes heal, user files survive, debris goes.

def test_an_interrupted_in_place_write_is_healed_by_the_next_build(tmp_path):
    """Item 2: a write stopped halfway (here by a file that cannot be copied) leaves a
    dirty manifest, so the next build compares bytes instead of trusting the manifest."""
    out, broken = tmp_path / "public", tmp_path / "a-folder-not-a-file"
    broken.mkdir()
    write_site([OutputFile("a.html", b"title A"), OutputFile("b.html", b"b")], out)
    with pytest.raises(OSError):
        write_site([OutputFile("a.html", b"title B"), OutputFile("z.css", copy_of=broken)], out)
    assert (out / "a.html").read_bytes() == b"title B"  # written before the failure
    write_site([OutputFile("a.html", b"title A"), OutputFile("b.html", b"b")], out)
    assert (out / "a.html").read_bytes() == b"title A"
    assert sorted(p.name for p in out.iterdir()) == [MARKER, "a.html", "b.html"]


def test_a_damaged_manifest_rewrites_by_content_and_keeps_the_users_files(tmp_path):
    """Item 3: with the manifest lost, digest owns nothing it cannot prove: a hand-added
    CNAME stays (and is reported once), the pages are checked by their bytes."""
    out = tmp_path / "public"
    write_site([OutputFile("index.html", b"one")], out)
    (out / "CNAME").write_text("news.example.org\n")
    (out / MARKER).write_text("{damaged")
    first = write_site([OutputFile("index.html", b"two")], out)
    assert (out / "CNAME").read_text() == "news.example.org\n"
    assert (out / "index.html").read_bytes() == b"two"
    assert first.foreign == ("CNAME",)
    again = write_site([OutputFile("index.html", b"three")], out)
    assert again.foreign == () and (out / "CNAME").exists()


def test_turning_the_search_index_on_and_off_removes_only_its_files(tmp_path):
    """Item 3: toggling [search] used to rewrite the whole folder, deleting user files."""
    out = tmp_path / "public"
    page = OutputFile("index.html", b"<!doctype html><html lang=en><head><title>One</title>"
                      b"</head><body data-pagefind-body><p>Kessing glacier</p></body></html>")
    write_site([page], out)
    (out / "CNAME").write_text("news.example.org\n")
    result = write_site([page], out, search="en")
    assert (out / "pagefind" / "pagefind.js").is_file() and (out / "CNAME").is_file()
    assert result.foreign == ("CNAME",)  # listed once
    write_site([page], out)
    assert not (out / "pagefind").exists()
    assert (out / "CNAME").read_text() == "news.example.org\n"


def test_a_manifest_of_an_earlier_version_keeps_its_search_index(tmp_path):
    """Earlier versions named the search step "partial" in the manifest: after an
    upgrade the next build knows the index as its own and, with no page changed, leaves
    it alone (no re-index, nothing rewritten)."""
    import json

    from digest.journal import read_manifest
    out = tmp_path / "public"
    page = OutputFile("index.html", b"<!doctype html><html lang=en><head><title>One</title>"
                      b"</head><body data-pagefind-body><p>Kessing glacier</p></body></html>")
    write_site([page], out, search="en")
    manifest = json.loads((out / MARKER).read_text())
    assert manifest["finish"] == "search"
    manifest["finish"] = "partial"
    (out / MARKER).write_text(json.dumps(manifest))
    assert read_manifest(out).finisher == "search"
    index = out / "pagefind" / "pagefind.js"
    before = index.stat().st_mtime_ns
    again = write_site([page], out, search="en")
    assert again.changed == 0 and index.stat().st_mtime_ns == before


def test_files_the_user_added_survive_every_rebuild(tmp_path):
    out = tmp_path / "public"
    write_site([OutputFile("index.html", b"one"), OutputFile("old.html", b"x")], out)
    (out / "CNAME").write_text("news.example.org\n")
    (out / "old.html.bak").write_text("mine")
    result = write_site([OutputFile("index.html", b"two")], out)
    assert result.removed == 1 and not (out / "old.html").exists()
    assert (out / "CNAME").exists() and (out / "old.html.bak").exists()


def test_debris_of_killed_builds_is_removed_and_no_temp_file_lands_inside(tmp_path):
    """Item 4: staging, old and scratch folders of a dead process beside the output, and
    temporary files older versions left inside it, go with the next build."""
    out = tmp_path / "public"
    write_site([OutputFile("index.html", b"one")], out)
    dead = _dead_pid()
    for name in (f".public.staging-{dead}", f".public.old-{dead}", f".public.partial-{dead}"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text("stale")
    (out / f".index.html.{dead}.tmp").write_text("half")
    (out / MARKER).write_text((out / MARKER).read_text().replace('"dirty":false', '"dirty":true'))
    write_site([OutputFile("index.html", b"two")], out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["public"]
    assert sorted(p.name for p in out.iterdir()) == [MARKER, "index.html"]


def test_the_first_build_renames_into_an_empty_folder_in_one_step(tmp_path):
    """Item 4: an existing site is never swapped away (the swap of two renames could leave
    no output folder); an empty folder is replaced by one rename."""
    out = tmp_path / "public"
    out.mkdir()
    write_site([OutputFile("index.html", b"one")], out)
    inode = out.stat().st_ino
    write_site([OutputFile("index.html", b"two")], out)
    assert out.stat().st_ino == inode  # updated in place, never moved aside
    assert sorted(p.name for p in tmp_path.iterdir()) == ["public"]


def _dead_pid() -> int:
    import subprocess
    import sys
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_every_folder_beside_the_output_has_one_shape_that_serve_ignores(tmp_path):
    import os

    from digest.journal import PARTIAL, SEARCH_NEW, SEARCH_OLD, STAGING, beside
    from digest.write import is_staging_path

    out = tmp_path / "public"
    for kind in (STAGING, PARTIAL, SEARCH_NEW, SEARCH_OLD):
        folder = beside(out, kind)
        assert folder.name == f".public.{kind}-{os.getpid()}" and folder.parent == tmp_path
        assert is_staging_path(folder / "index.html", out)
