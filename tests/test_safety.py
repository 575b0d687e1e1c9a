"""Issue 14: nothing the user owns is ever deleted, and an unsafe setting is refused.

`digest clean` and `digest build` with every dangerous `cache_dir`; clean removing only
what digest wrote.
"""

import hashlib
import os
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


def test_a_second_build_of_the_site_waits_for_the_first(make_site):
    """Item 7: two builds at once crashed in cache.save (FileNotFoundError)."""
    import subprocess
    import sys

    from digest.lock import site_lock

    site = make_site({"content/a.md": article("Fine", body="A sentence here.")})
    messages = []
    with site_lock(site / ".digest-cache", messages.append):
        child = subprocess.Popen([sys.executable, "-m", "digest", "build", "--site", str(site)],
                                 stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        first_line = child.stderr.readline()  # blocks until the child says it waits
        assert "waiting for another build of this site" in first_line
        assert f"process {os.getpid()}" in first_line
        assert not (site / "public").exists()  # it really waits
    out, err = child.communicate(timeout=300)
    assert child.returncode == 0, err
    assert "Traceback" not in err and (site / "public" / "index.html").is_file()
    assert messages == []


def test_concurrent_builds_all_succeed(make_site):
    import subprocess
    import sys

    site = make_site({f"content/a{n}.md": article(f"Article number {n}",
                                                  body=f"Sentence number {n} here.")
                      for n in range(6)})
    command = [sys.executable, "-m", "digest", "build", "--site", str(site), "-q"]
    children = [subprocess.Popen(command, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    for child in children:
        _, err = child.communicate(timeout=300)
        assert child.returncode == 0 and "Traceback" not in err, err


def test_workers_exit_when_the_build_is_killed(make_site, tmp_path):
    """Item 8: kill -9 of a build left its worker processes waiting forever."""
    import signal
    import subprocess
    import sys
    import time

    from PIL import Image

    files = {}
    for n in range(12):
        files[f"content/a{n}.md"] = article(f"Cover story {n}", body=f"Sentence {n} here.",
                                            cover=f"images/c{n}.jpg")
    site = make_site(files)
    (site / "content" / "images").mkdir()
    for n in range(12):
        Image.effect_noise((1800, 1200), 60 + n).convert("RGB").save(
            site / "content" / "images" / f"c{n}.jpg", quality=95)
    build = subprocess.Popen([sys.executable, "-m", "digest", "build", "--site", str(site),
                              "-q", "--no-cache"], stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    while build.poll() is None and not workers:
        workers = _children(build.pid)
        time.sleep(0.02)
    if not workers:
        pytest.skip("the build used no worker processes on this machine (one CPU?)")
    os.kill(build.pid, signal.SIGKILL)
    build.wait()
    deadline = time.monotonic() + 60  # a bound for the check, not a speed requirement
    while _alive(workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(workers), f"orphaned workers: {_alive(workers)}"


def _children(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def _alive(pids: set[int]) -> set[int]:
    alive = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.add(pid)
    return alive
