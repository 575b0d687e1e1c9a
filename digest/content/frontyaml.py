"""Front matter YAML, loaded with a bound: aliases of aliases ("billion laughs") or
deep nesting are refused before they are expanded."""

from __future__ import annotations

from typing import Any

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_YAML_NODES = 10_000
"""Most values front matter may expand to (a real article has a few dozen): aliases of
aliases ("billion laughs") would otherwise take gigabytes to walk."""
MAX_YAML_DEPTH = 64


class YamlTooLarge(Exception):
    """The document is too large once expanded; `what` says how, `line` where."""

    def __init__(self, what: str, line: int) -> None:
        self.what, self.line = what, line


def load_yaml(raw_meta: str) -> Any:
    """The front matter's YAML as Python values, refusing (with `YamlTooLarge`) a document
    whose aliases expand past MAX_YAML_NODES values or nest past MAX_YAML_DEPTH."""
    loader = _Loader(raw_meta)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _expanded_size(node, {}, set(), 0)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def _expanded_size(node: yaml.Node, sizes: dict[int, int], open_: set[int], depth: int) -> int:
    """How many values `node` stands for once every alias is expanded (memoised by node,
    as aliases share their anchor's node)."""
    key = id(node)
    if key in sizes:
        return sizes[key]
    line = node.start_mark.line + 1
    if key in open_:
        raise YamlTooLarge("has an alias inside its own anchor", line)
    if depth > MAX_YAML_DEPTH:
        raise YamlTooLarge(f"nests deeper than {MAX_YAML_DEPTH} levels", line)
    open_.add(key)
    total = 1
    if isinstance(node, yaml.SequenceNode):
        children = node.value
    elif isinstance(node, yaml.MappingNode):
        children = [part for pair in node.value for part in pair]
    else:
        children = []
    for child in children:
        total += _expanded_size(child, sizes, open_, depth + 1)
        if total > MAX_YAML_NODES:
            raise YamlTooLarge("is too large", line)
    open_.discard(key)
    sizes[key] = total
    return total
