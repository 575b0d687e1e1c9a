"""Site configuration: loading `digest.toml` against one dataclass schema
(`digest.config_schema`), from which defaults, validation and `digest config`
help all come.

A site is a folder holding `digest.toml` (optional) and `content/`. Every
option is declared once in the schema, with its type, default and a help line;
the loader checks types and choices, rejects unknown keys with a "did you mean"
suggestion, and applies command-line overrides last.
"""

from __future__ import annotations

import dataclasses
import difflib
import tomllib
import types
import typing
from pathlib import Path
from typing import Any

from digest.config_rules import check_cross_fields
from digest.config_schema import (  # noqa: F401 (the schema is part of this module's API)
    CONFIG_FILE,
    ComposeConfig,
    Config,
    GroupConfig,
    ImagesConfig,
    ImportConfig,
    MarkdownConfig,
    RankConfig,
    SearchConfig,
    ServeConfig,
    TopicsConfig,
    option,
)
from digest.errors import ConfigError


def load_config(site_dir: Path, overrides: dict[str, Any] | None = None) -> Config:
    """Read `site_dir/digest.toml` (if present), apply `overrides` (dotted keys
    such as "markdown.allow_html" from the command line) and validate.

    Raises ConfigError naming the key, the bad value and the allowed values.
    """
    site_dir = site_dir.resolve()
    if not site_dir.is_dir():
        raise ConfigError(f"site folder {site_dir} does not exist", hint="pass --site DIR")
    path = site_dir / CONFIG_FILE
    raw: dict[str, Any] = {}
    if path.is_file():
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8-sig"))  # a BOM is harmless
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"invalid TOML: {exc}", path=path) from None
    for dotted, value in (overrides or {}).items():
        if value is not None:
            _set_dotted(raw, dotted, value)
    config = _build(Config, raw, path, prefix="")
    config = dataclasses.replace(config, site_dir=site_dir)
    check_cross_fields(config, path)
    return config


def _set_dotted(raw: dict[str, Any], dotted: str, value: Any) -> None:
    *parents, leaf = dotted.split(".")
    for name in parents:
        raw = raw.setdefault(name, {})
    raw[leaf] = value


def _build(schema: type, raw: dict[str, Any], path: Path, prefix: str) -> Any:
    """Instantiate the dataclass `schema` from `raw`, checking every key."""
    if not isinstance(raw, dict):
        raise ConfigError(f"[{prefix.rstrip('.')}] must be a table", path=path)
    fields = {_key(f): f for f in dataclasses.fields(schema) if not f.metadata.get("internal")}
    hints = typing.get_type_hints(schema)
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in fields:
            raise ConfigError(_unknown_key_message(prefix + key, fields), path=path,
                              field=prefix + key)
        name = fields[key].name
        kind = hints[name]
        if dataclasses.is_dataclass(kind):
            values[name] = _build(kind, value, path, prefix=f"{prefix}{key}.")
        else:
            values[name] = _check_value(prefix + key, value, kind, fields[key], path)
    return schema(**values)


def _key(spec: dataclasses.Field) -> str:
    """The option's name in digest.toml (`import`, a Python keyword, is the field `import_`)."""
    return spec.metadata.get("key") or spec.name


def _unknown_key_message(key: str, fields: dict[str, Any]) -> str:
    leaf = key.rsplit(".", 1)[-1]
    close = difflib.get_close_matches(leaf, list(fields), n=1)
    message = f"unknown option '{key}'"
    if close:
        message += f"; did you mean '{key[: len(key) - len(leaf)]}{close[0]}'?"
    else:
        message += f"; known options here: {', '.join(sorted(fields))}"
    return message


def _check_value(key: str, value: Any, kind: Any, spec: dataclasses.Field, path: Path) -> Any:
    base = typing.get_origin(kind) or kind
    if isinstance(base, types.UnionType):
        base = object
    ok = {
        bool: isinstance(value, bool),
        int: isinstance(value, int) and not isinstance(value, bool),
        float: isinstance(value, (int, float)) and not isinstance(value, bool),
        str: isinstance(value, str),
        list: isinstance(value, list),
        dict: isinstance(value, dict),
    }.get(base, True)
    if not ok:
        raise ConfigError(
            f"option '{key}' must be a {base.__name__}, not {type(value).__name__} {value!r}",
            path=path, field=key, hint=spec.metadata.get("help", ""))
    choices = spec.metadata.get("choices") or ()
    if choices and value not in choices:
        allowed = ", ".join(repr(c) for c in choices)
        raise ConfigError(f"option '{key}' is {value!r}; allowed values: {allowed}",
                          path=path, field=key)
    minimum = spec.metadata.get("minimum")
    if minimum is not None and value < minimum:
        raise ConfigError(f"option '{key}' is {value!r}; it must be at least {minimum}",
                          path=path, field=key, hint=spec.metadata.get("help", ""))
    return float(value) if base is float else value


def describe_options() -> list[tuple[str, str, str]]:
    """(dotted key, default, help) for every option, for docs and `--help`."""
    rows: list[tuple[str, str, str]] = []

    def walk(schema: type, prefix: str) -> None:
        hints = typing.get_type_hints(schema)
        for spec in dataclasses.fields(schema):
            if spec.metadata.get("internal"):
                continue
            if dataclasses.is_dataclass(hints[spec.name]):
                walk(hints[spec.name], f"{prefix}{_key(spec)}.")
                continue
            default = spec.default if spec.default is not dataclasses.MISSING \
                else spec.default_factory()  # type: ignore[misc]
            rows.append((prefix + _key(spec), repr(default), spec.metadata.get("help", "")))

    walk(Config, "")
    return rows
