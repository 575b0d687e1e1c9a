"""`digest.livecache`: a long-running session's results in memory, build after build."""

from pathlib import Path

from digest.cache import BuildCache
from digest.livecache import LiveCache


def cache_files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.cache"))


def stored_a_build_ago(page: list[str]) -> LiveCache:
    """A live cache at the start of a build, after one that stored `page` as pages/a1."""
    cache = LiveCache()
    cache.start_build()
    cache.put("pages", "a1", page)
    cache.start_build()
    return cache


def test_a_session_starts_from_the_disk_cache_and_saves_to_it_once(tmp_path):
    disk = BuildCache(tmp_path / "cache", version="v")
    disk.put("pages", "a1", ["page a"])
    disk.save()
    cache = LiveCache(BuildCache(tmp_path / "cache", version="v"))
    cache.start_build()
    page = cache.get("pages", "a1")
    assert page == ["page a"] and (cache.hits, cache.misses) == (1, 0)
    cache.put("pages", "b1", ["page b"])
    cache.finish_build()  # the first build of the session: written to disk
    assert cache_files(tmp_path / "cache") == ["pages/a.cache", "pages/b.cache"]
    cache.start_build()
    cache.put("profiles", "c1", lambda: "no pickling needed")  # memory only: never pickled
    cache.save()
    cache.start_build()
    assert cache.get("pages", "a1") is None  # the last build did not use it: let go
    assert callable(cache.get("profiles", "c1"))
    assert cache_files(tmp_path / "cache") == ["pages/a.cache", "pages/b.cache"]
    assert cache.folder == tmp_path / "cache"


def test_what_the_last_build_used_is_found_as_the_same_object():
    page = ["page"]
    cache = stored_a_build_ago(page)
    assert cache.get("pages", "a1") is page
    cache.start_build()
    cache.start_build()  # a build that used nothing: gone
    assert cache.get("pages", "a1") is None and cache.misses == 1


def test_carried_and_kept_entries_survive_a_build_that_did_not_read_them():
    cache = LiveCache()
    profile, page, other = ["profile"], ["page"], ["other"]
    cache.start_build()
    cache.put("profiles", "a1", profile)
    cache.put("pages", "b1", page)
    cache.put("pages", "b2", other)
    cache.start_build()
    cache.carry("profiles")  # a build that skipped grouping
    cache.keep("pages", "b1")  # a page reused without loading its texts
    cache.start_build()
    assert cache.get("profiles", "a1") is profile and cache.get("pages", "b1") is page
    assert cache.get("pages", "b2") is None


def test_an_abandoned_build_leaves_the_cache_as_the_last_finished_build_had_it():
    page = ["page"]
    cache = stored_a_build_ago(page)
    cache.get("pages", "a1")
    cache.start_build()  # a build that fails before rendering anything
    cache.put("articles", "x1", "half-read")
    cache.abandon_build()
    cache.start_build()
    assert cache.get("pages", "a1") is page and cache.get("articles", "x1") is None


def test_a_partial_build_between_two_builds_drops_nothing():
    """`join_build`: what `digest serve` renders ahead of a build finds what the last build
    used, and the next build still finds all of it plus what the partial build stored."""
    cache = LiveCache()
    cache.start_build()
    cache.put("pages", "a", "page a")
    cache.put("pages", "b", "page b")
    cache.start_build()
    assert cache.get("pages", "a") == "page a" and cache.get("pages", "b") == "page b"
    cache.join_build()  # a partial build: it uses a and stores c
    assert cache.get("pages", "a") == "page a"
    cache.put("pages", "c", "page c")
    cache.start_build()
    assert [cache.get("pages", key) for key in "abc"] == ["page a", "page b", "page c"]
