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
import functools
import hashlib
import struct
from collections.abc import Callable, Mapping
from pathlib import PosixPath, PurePath
from typing import Any
from zoneinfo import ZoneInfo

__all__ = ["key_of", "bytes_hash", "encode"]

KEY_BYTES = 16


def key_of(*parts: Any) -> str:
    """A stable hex key of `parts`: equal values (across processes and machines) give
    equal keys, different values different ones. Raises TypeError for a value with
    no canonical encoding."""
    return hashlib.blake2b(encode(parts), digest_size=KEY_BYTES).hexdigest()


def bytes_hash(data: bytes) -> str:
    """The hex hash of raw bytes (what output files and texts are compared by)."""
    return hashlib.blake2b(data, digest_size=KEY_BYTES).hexdigest()


def encode(value: Any) -> bytes:
    """The canonical bytes of `value` (what `key_of` hashes)."""
    chunks: list[bytes] = []
    _encode(value, chunks.append)
    return b"".join(chunks)


# Each value is a tag byte and a payload that cannot run into the next value: a fixed
# width, a decimal length ended by ":", or (ints) digits ended by ";".
def _encode(value: Any, out: Callable[[bytes], object]) -> None:
    kind = type(value)
    if kind is str:
        data = value.encode("utf-8", "surrogatepass")
        out(b"s%d:%b" % (len(data), data))
    elif kind is tuple or kind is list:
        out(b"L%d:" % len(value))
        for item in value:
            if type(item) is str:  # the commonest items, without a call
                data = item.encode("utf-8", "surrogatepass")
                out(b"s%d:%b" % (len(data), data))
            elif item is None:
                out(b"N")
            else:
                _encode(item, out)
    elif value is None:
        out(b"N")
    elif kind is bool:
        out(b"T" if value else b"F")
    elif kind is int:
        out(b"i%d;" % value)
    elif kind is float:
        out(b"f" + _DOUBLE.pack(value))
    elif kind is bytes:
        out(b"b%d:%b" % (len(value), value))
    elif kind is PosixPath:
        data = value.as_posix().encode("utf-8", "surrogatepass")
        out(b"p%d:%b" % (len(data), data))
    elif kind is dt.datetime or kind is dt.date:
        text = (value.isoformat() + _zone(value)).encode()
        out(b"d%d:%b" % (len(text), text))
    else:
        _encode_other(value, out)


def _encode_other(value: Any, out: Callable[[bytes], object]) -> None:  # noqa: C901
    if isinstance(value, enum.Enum):
        _encode(f"{type(value).__qualname__}.{value.name}", out)
    elif isinstance(value, bool):
        _encode(bool(value), out)
    elif isinstance(value, int):
        _encode(int(value), out)
    elif isinstance(value, float):
        _encode(float(value), out)
    elif isinstance(value, str):
        _encode(str(value), out)
    elif isinstance(value, (bytes, bytearray, memoryview)):
        _encode(bytes(value), out)
    elif isinstance(value, (list, tuple)):
        _encode(list(value), out)
    elif isinstance(value, PurePath):
        data = value.as_posix().encode("utf-8", "surrogatepass")
        out(b"p%d:%b" % (len(data), data))
    elif isinstance(value, (dt.datetime, dt.date, dt.time)):
        text = (value.isoformat() + _zone(value)).encode()
        out(b"d%d:%b" % (len(text), text))
    elif isinstance(value, dt.timedelta):
        out(b"t%d;%d;%d;" % (value.days, value.seconds, value.microseconds))
    elif isinstance(value, ZoneInfo):
        out(b"z")
        _encode(str(value.key), out)
    elif isinstance(value, Mapping):
        items = sorted(encode(key) + encode(item) for key, item in value.items())
        out(b"M%d:" % len(items))
        out(b"".join(items))
    elif isinstance(value, (set, frozenset)):
        items = sorted(encode(item) for item in value)
        out(b"S%d:" % len(items))
        out(b"".join(items))
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        out(b"D")
        _encode(type(value).__qualname__, out)
        _encode([getattr(value, name) for name in _compared_fields(type(value))], out)
    elif hasattr(value, "key_parts"):
        out(b"K")
        _encode(type(value).__qualname__, out)
        _encode(list(value.key_parts()), out)
    else:
        raise TypeError(f"no canonical key for a {type(value).__qualname__}: give it "
                        "key_parts() or pass its identifying fields")


@functools.cache
def _compared_fields(cls: type) -> tuple[str, ...]:
    """The names of a dataclass's fields that take part in equality (a pure function of
    the class, remembered)."""
    return tuple(f.name for f in dataclasses.fields(cls) if f.compare)


_DOUBLE = struct.Struct("<d")


def _zone(value: dt.date | dt.time) -> str:
    """The zone's name besides its offset: the same instant in another zone renders
    differently (a page shows local dates)."""
    tzinfo = getattr(value, "tzinfo", None)
    return "@" + str(getattr(tzinfo, "key", tzinfo)) if tzinfo is not None else ""
