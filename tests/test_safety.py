"""Issue 14: nothing the user owns is ever deleted, and an unsafe setting is refused.

`digest clean` and `digest build` with every dangerous `cache_dir`; clean removing only
what digest wrote.
"""

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import article
from digest.cli import main
from digest.config import load_config
from digest.errors import ConfigError


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def snapshot(root: Path) -> dict[str, str]:
    """Every file and folder under `root` (the site's parent: `..` must survive too)."""
    found = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        found[rel] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
    return found


def site_with_everything(make_site, cache_dir: str) -> Path:
    site = make_site({"content/a.md": article("Fine", body="A sentence here."),
                      "templates/README": "mine", "static/extra.css": "p {}",
                      "notes/todo.txt": "my notes", "vendor/.git/HEAD": "ref",
                      "digest.toml": f"cache_dir = {cache_dir!r}\n"})
    (site / ".git").mkdir()
    (site / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (site.parent / "elsewhere").mkdir(exist_ok=True)
    (site.parent / "elsewhere" / "keep.txt").write_text("keep")
    return site


DANGEROUS = ["content", ".", "..", "templates", "static", "public", "public/cache", ".git",
             "content/sub", "vendor", "../elsewhere", "notes"]
"""Folders inside the test's own temporary folder: were a refusal to regress, the
damage would stay there. `/` and the home folder are checked without running clean."""


@pytest.mark.parametrize("cache_dir", ["/", str(Path.home()), "~"])
def test_the_root_and_home_folders_are_refused_as_cache_dir(make_site, cache_dir):
    site = make_site({"content/a.md": article("Fine", body="A sentence here."),
                      "digest.toml": f"cache_dir = {cache_dir!r}\n"})
    if cache_dir == "~":  # a folder named "~" inside the site is a folder like any other
        assert load_config(site).cache_path == site / "~"
        return
    with pytest.raises(ConfigError, match="cache_dir"):
        load_config(site)


@pytest.mark.parametrize("cache_dir", DANGEROUS)
def test_clean_with_a_dangerous_cache_dir_is_refused_and_deletes_nothing(make_site, cache_dir):
    """Item 1: `cache_dir = "content"` (or the site, a git repository, a folder of the
    user's) made `digest clean` delete it."""
    site = site_with_everything(make_site, cache_dir)
    before = snapshot(site.parent)
    result = run("clean", "--site", site)
    assert result.exit_code != 0
    assert "cache" in result.output and "Traceback" not in result.output
    assert snapshot(site.parent) == before


@pytest.mark.parametrize("cache_dir", DANGEROUS)
def test_build_with_a_dangerous_cache_dir_is_refused(make_site, cache_dir):
    site = site_with_everything(make_site, cache_dir)
    before = snapshot(site.parent)
    result = run("build", "--site", site, "-q")
    assert result.exit_code != 0
    assert "cache" in result.output
    assert snapshot(site.parent) == before


def test_clean_removes_only_what_digest_wrote(make_site):
    site = make_site({"content/a.md": article("Fine", body="A sentence here.")})
    assert run("build", "--site", site, "-q").exit_code == 0
    (site / "public" / "CNAME").write_text("news.example.org\n")
    result = run("clean", "--site", site)
    assert result.exit_code == 0, result.output
    assert "CNAME" in result.output
    assert sorted(p.name for p in (site / "public").iterdir()) == ["CNAME"]
    assert not (site / ".digest-cache").exists()


def test_clean_refuses_a_cache_folder_digest_did_not_make(make_site):
    site = make_site({"content/a.md": article("Fine", body="A sentence here."),
                      ".digest-cache/precious.txt": "mine"})
    result = run("clean", "--site", site)
    assert result.exit_code != 0 and "not made by digest" in result.output
    assert (site / ".digest-cache" / "precious.txt").read_text() == "mine"


def test_a_cache_folder_of_an_older_digest_is_adopted(make_site):
    site = make_site({"content/a.md": article("Fine", body="A sentence here."),
                      ".digest-cache/build/grouping/0.cache": "old"})
    assert run("build", "--site", site, "-q").exit_code == 0
    assert (site / ".digest-cache" / "CACHEDIR.TAG").is_file()
    assert run("clean", "--site", site).exit_code == 0
    assert not (site / ".digest-cache").exists()
