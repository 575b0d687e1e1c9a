"""Keys for cached results: one canonical encoding of values, shared by every stage.

`key_of(*parts)` hashes values by what they are, never by `repr`: each value is
written as a type tag and its parts, each part prefixed with its length, so two
different values never encode alike ("ab", "c" vs "a", "bc"; 1 vs "1" vs 1.0;
a list vs a tuple of the same items count as equal on purpose, being sequences).
Dataclasses are encoded by class name and their compared fields, mappings by
sorted items, sets by sorted encodings. A value of any other type is a
`TypeError`: a key that silently depends on an object's memory address or an
unstable `repr` would make the cache reuse results it must not.

Objects that know their own canonical bytes (a bag of words, an array) offer
them through `key_parts()`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import hashlib
import struct
from collections.abc import Callable, Mapping
from pathlib import PurePath
from typing import Any
from zoneinfo import ZoneInfo

__all__ = ["key_of", "bytes_hash"]

KEY_BYTES = 16


def key_of(*parts: Any) -> str:
    """A stable hex key of `parts`: equal values (across processes and machines) give
    equal keys, different values different ones. Raises TypeError for a value with
    no canonical encoding."""
    hasher = hashlib.blake2b(digest_size=KEY_BYTES)
    for part in parts:
        _encode(part, hasher.update)
    return hasher.hexdigest()


def bytes_hash(data: bytes) -> str:
    """The hex hash of raw bytes (what output files and texts are compared by)."""
    return hashlib.blake2b(data, digest_size=KEY_BYTES).hexdigest()


def _put(out: Callable[[bytes], object], tag: bytes, data: bytes) -> None:
    out(tag)
    out(len(data).to_bytes(8, "little"))
    out(data)


def _encode(value: Any, out: Callable[[bytes], object]) -> None:  # noqa: C901 - one type each
    if value is None:
        out(b"N")
    elif value is True or value is False:
        out(b"T" if value else b"F")
    elif isinstance(value, enum.Enum):
        _put(out, b"E", f"{type(value).__qualname__}.{value.name}".encode())
    elif isinstance(value, int):
        _put(out, b"i", str(value).encode())
    elif isinstance(value, float):
        _put(out, b"f", struct.pack("<d", value))
    elif isinstance(value, str):
        _put(out, b"s", value.encode("utf-8", "surrogatepass"))
    elif isinstance(value, (bytes, bytearray, memoryview)):
        _put(out, b"b", bytes(value))
    elif isinstance(value, PurePath):
        _put(out, b"p", value.as_posix().encode("utf-8", "surrogatepass"))
    elif isinstance(value, (dt.datetime, dt.date, dt.time)):
        _put(out, b"d", value.isoformat().encode() + _zone(value))
    elif isinstance(value, dt.timedelta):
        _put(out, b"t", f"{value.days},{value.seconds},{value.microseconds}".encode())
    elif isinstance(value, ZoneInfo):
        _put(out, b"z", str(value.key).encode())
    elif isinstance(value, (list, tuple)):
        _sequence(b"L", value, out)
    elif isinstance(value, Mapping):
        items = sorted((key_of(k), key_of(v)) for k, v in value.items())
        _put(out, b"M", b"".join(k.encode() + v.encode() for k, v in items))
    elif isinstance(value, (set, frozenset)):
        _put(out, b"S", b"".join(sorted(key_of(item).encode() for item in value)))
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = [f for f in dataclasses.fields(value) if f.compare]
        _put(out, b"D", type(value).__qualname__.encode())
        _sequence(b"L", [(f.name, getattr(value, f.name)) for f in fields], out)
    elif hasattr(value, "key_parts"):
        _put(out, b"K", type(value).__qualname__.encode())
        _sequence(b"L", list(value.key_parts()), out)
    else:
        raise TypeError(f"no canonical key for a {type(value).__qualname__}: give it "
                        "key_parts() or pass its identifying fields")


def _sequence(tag: bytes, items: Any, out: Callable[[bytes], object]) -> None:
    out(tag)
    out(len(items).to_bytes(8, "little"))
    for item in items:
        _encode(item, out)


def _zone(value: dt.date | dt.time) -> bytes:
    """The zone's name besides its offset: the same instant in another zone renders
    differently (a page shows local dates)."""
    tzinfo = getattr(value, "tzinfo", None)
    return b"@" + str(getattr(tzinfo, "key", tzinfo)).encode() if tzinfo is not None else b""
