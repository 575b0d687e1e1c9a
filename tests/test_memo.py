"""`digest.memo`: what a stage asks the cache, with or without one."""

from __future__ import annotations

from digest.cache import BuildCache
from digest.content.model import ArticleReferences
from digest.memo import NO_MEMO, NO_MEMOS, FileStamps, NullStore, memos_for


def test_the_null_memo_computes_every_time_and_keeps_nothing():
    calls = []
    for _ in range(2):
        assert NO_MEMO.get_or_compute("k", lambda: calls.append(1) or "v") == "v"
    assert len(calls) == 2 and NO_MEMO.get("k") is None
    assert not NO_MEMOS.enabled


def test_a_store_that_keeps_nothing_gets_the_memos_that_keep_nothing(tmp_path):
    store = NullStore()
    store.put("digests", "k", "v")
    assert store.get("digests", "k") is None
    assert memos_for(store, tmp_path / "templates") is NO_MEMOS  # no templates compiled


def test_a_stored_memo_computes_once_per_key(tmp_path):
    cache = BuildCache(tmp_path / "cache", version="v")
    memos = memos_for(cache, None)
    calls = []
    compute = lambda: calls.append(1) or ["digest"]  # noqa: E731
    assert memos.digests.get_or_compute("k", compute) == ["digest"]
    assert memos.digests.get_or_compute("k", compute) == ["digest"]
    assert memos.digests.get_or_compute(None, compute) == ["digest"]  # None: never kept
    assert memos.digests.get_or_compute(None, compute) == ["digest"]
    assert len(calls) == 3
    assert memos.pages.get("k") is None  # one namespace per stage


def test_compute_all_runs_once_for_the_missing_keys_in_order(tmp_path):
    memo = memos_for(BuildCache(tmp_path / "cache", version="v"), None).profiles
    memo.put("b", "B")
    asked = []

    def compute_all(indexes: list[int]) -> list[str]:
        asked.append(indexes)
        return [f"new{i}" for i in indexes]

    assert memo.get_or_compute_all(["a", "b", "c"], compute_all) == ["new0", "B", "new2"]
    assert asked == [[0, 2]] and memo.get("c") == "new2"


def test_articles_inside_entries_are_stored_by_reference(tmp_path, make_site):
    """A stored story holds the articles of the build that loads it, not old copies."""
    from conftest import article

    from digest.config import load_config
    from digest.content.reader import read_articles

    site = make_site({"content/a.md": article("Alpha harbour", topic="Ports")})
    read = read_articles(load_config(site))
    (item,) = read.articles
    cache = BuildCache(tmp_path / "cache", version="v")
    cache.refer_to(ArticleReferences([item]))
    cache.put("digests", "k", {"article": item})
    cache.save()
    again = BuildCache(tmp_path / "cache", version="v")
    fresh = read_articles(load_config(site)).articles[0]
    again.refer_to(ArticleReferences([fresh]))
    assert again.get("digests", "k")["article"] is fresh


def test_file_stamps_are_trusted_only_when_enabled(tmp_path):
    path = tmp_path / "a.md"
    off, on = FileStamps(), FileStamps(enabled=True)
    for stamps in (off, on):
        stamps.note(path, (1, 2, 3), "settings", "key")
    assert off.key_for(path, (1, 2, 3), "settings") is None
    assert on.key_for(path, (1, 2, 3), "settings") == "key"
    assert on.key_for(path, (1, 2, 4), "settings") is None  # touched since
    on.forget([path])
    assert on.key_for(path, (1, 2, 3), "settings") is None
