"""`digest.hashing`: one canonical key encoding for every cached result."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from digest.config import Config
from digest.hashing import bytes_hash, key_of


@dataclass(frozen=True)
class Point:
    x: int
    y: int
    note: str = field(default="", compare=False)


def test_equal_values_give_equal_keys_and_different_ones_differ():
    assert key_of("a", 1, (2, 3)) == key_of("a", 1, (2, 3))
    assert key_of("ab", "c") != key_of("a", "bc")  # parts cannot run into each other
    assert len({key_of(1), key_of("1"), key_of(1.0), key_of(True), key_of(None),
                key_of(b"1"), key_of([1])}) == 7
    assert key_of(Path("a/b")) != key_of("a/b")


def test_mappings_and_sets_do_not_depend_on_their_order():
    assert key_of({"a": 1, "b": 2}) == key_of({"b": 2, "a": 1})
    assert key_of({"x", "y", "z"}) == key_of({"z", "y", "x"})
    assert key_of({"a": 1}) != key_of({"a": 2})


def test_dataclasses_are_keyed_by_class_and_compared_fields():
    assert key_of(Point(1, 2)) == key_of(Point(1, 2, note="ignored"))
    assert key_of(Point(1, 2)) != key_of(Point(2, 1))
    assert key_of(Config()) == key_of(Config())
    assert key_of(Config()) != key_of(Config(title="Another"))


def test_a_time_in_another_zone_is_another_key():
    """The same instant renders as another local date, so it must not share a key."""
    utc = dt.datetime(2025, 11, 3, 23, 30, tzinfo=dt.timezone.utc)
    oslo = utc.astimezone(ZoneInfo("Europe/Oslo"))
    assert utc == oslo and key_of(utc) != key_of(oslo)
    assert key_of(dt.date(2025, 11, 3)) != key_of(dt.datetime(2025, 11, 3))


def test_a_value_without_a_canonical_encoding_is_an_error():
    """Never `repr`: an object's repr may hold its memory address."""
    with pytest.raises(TypeError, match="no canonical key"):
        key_of(object())
    with pytest.raises(TypeError):
        key_of([1, {"a": lambda: None}])


def test_objects_may_give_their_own_key_parts():
    class Bag:
        def __init__(self, words: tuple[str, ...]) -> None:
            self.words = words

        def key_parts(self) -> tuple:
            return self.words

    assert key_of(Bag(("a", "b"))) == key_of(Bag(("a", "b")))
    assert key_of(Bag(("a", "b"))) != key_of(Bag(("a b",)))


def test_keys_are_the_same_in_another_process():
    """Sets of strings iterate in another order under another hash seed."""
    code = ("from digest.hashing import key_of; import datetime as dt; "
            "print(key_of({'kessing', 'glacier', 'retreat'}, {'b': 1, 'a': [1.5, None]}, "
            "dt.date(2025, 11, 3)))")
    keys = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed,
               "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              env=env, check=True)
        keys.add(done.stdout.strip())
    assert keys == {key_of({"kessing", "glacier", "retreat"}, {"b": 1, "a": [1.5, None]},
                           dt.date(2025, 11, 3))}


def test_bytes_hash_is_the_manifest_hash():
    """Output files are compared by this hash in the manifest: it must not change."""
    assert bytes_hash(b"digest") == "5555bf542ec8581b3ed4443271b62cc4"
