"""The import layering of the package: the code is the diagram.

    config → content → group → compose → rank → images → render → write → build → session
    → cli, serve (on top); infrastructure (hashing, cache, memo, files, …) beside, below all

A module may import its own stage, earlier stages and the infrastructure; never a
later stage, nor the CLI or the dev server. The infrastructure imports no stage at
all: the cache knows no model class, the hashing no stage's types. Every import
counts, including those inside functions and under `TYPE_CHECKING`.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "digest"

ORDER = ["config", "content", "group", "compose", "rank", "images", "render", "write",
         "build", "session", "top"]
"""Stages in pipeline order; `rank` scores composed stories, so it sits after compose and
before render; `top` is what drives the pipeline (cli, serve, report, importer)."""

STAGE_OF = {
    "config": "config", "config_rules": "config", "config_schema": "config",
    "content": "content",
    "group": "group",
    "compose": "compose",
    "rank": "rank",
    "images": "images",
    "render": "render",
    "write": "write", "journal": "write", "outputdir": "write", "search": "write",
    "build": "build",
    "session": "session",
    "cli": "top", "serve": "top", "report": "top", "importer": "top", "console": "top",
    "__main__": "top",
}
INFRASTRUCTURE = {"hashing", "cache", "livecache", "memo", "files", "errors", "signing",
                  "cachedir", "text", "workers", "lock", "__init__"}
"""Modules every stage may use; they import no stage (nor each other's users)."""


def top_name(module: str) -> str:
    return module.split(".")[1] if module.startswith("digest.") else ""


def imports_of(path: Path) -> set[str]:
    """Every `digest.*` module the file imports, wherever the import statement is
    (`from digest import write` counts as `digest.write`)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("digest."))
        elif isinstance(node, ast.ImportFrom) and node.module == "digest" and node.level == 0:
            found.update(f"digest.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0 \
                and node.module.startswith("digest."):
            found.add(node.module)
    return found


def test_imports_are_absolute():
    """A relative import (`from ..compose import x`) would slip past the layering checks."""
    relative = [path.relative_to(PACKAGE) for _, path in modules()
                if any(isinstance(node, ast.ImportFrom) and node.level
                       for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))))]
    assert not relative, relative


def test_an_import_of_a_stage_by_its_package_counts(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("from digest import write\ndef f():\n    from digest.render import page\n")
    assert imports_of(module) == {"digest.write", "digest.render"}


def modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE)
        found.append((rel.parts[0].removesuffix(".py"), path))
    return found


def test_every_module_has_a_place():
    unplaced = {name for name, _ in modules()} - set(STAGE_OF) - INFRASTRUCTURE
    assert not unplaced, f"place these modules in STAGE_OF or INFRASTRUCTURE: {unplaced}"


@pytest.mark.parametrize("name,path", modules(), ids=lambda v: str(v))
def test_no_module_imports_a_later_stage(name, path):
    if name in INFRASTRUCTURE:
        bad = {m for m in imports_of(path) if top_name(m) not in INFRASTRUCTURE}
        assert not bad, f"{path.name} is infrastructure but imports stages: {bad}"
        return
    rank = ORDER.index(STAGE_OF[name])
    later = sorted(m for m in imports_of(path)
                   if top_name(m) in STAGE_OF and ORDER.index(STAGE_OF[top_name(m)]) > rank)
    assert not later, f"{path.relative_to(PACKAGE)} imports later stages: {later}"


def test_the_cache_knows_no_model_class():
    """The cache and hashing import nothing of the pipeline; the memo only the cache."""
    for name in ("cache.py", "livecache.py", "hashing.py", "memo.py", "files.py"):
        assert all(top_name(m) in INFRASTRUCTURE for m in imports_of(PACKAGE / name)), name


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


def test_no_two_modules_import_each_other_in_a_circle():
    """Within the package, imports form no circle (type-only imports included): the model
    a module produces lives apart from the functions that need it back."""
    graph = {module_name(path): imports_of(path) for _, path in modules()}
    graph = {name: {m for m in found if m in graph and m != name} for name, found in graph.items()}
    # a package's __init__ re-exporting its modules is how packages work: leave it out
    graph = {name: {m for m in found if not name.startswith(m + ".")}
             for name, found in graph.items()}
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(name: str) -> list[str] | None:
        state[name] = 1
        path.append(name)
        for other in sorted(graph[name]):
            if state.get(other) == 1:
                return path[path.index(other):] + [other]
            if other not in state and (circle := visit(other)):
                return circle
        state[name] = 2
        path.pop()
        return None

    for name in sorted(graph):
        if name not in state:
            circle = visit(name)
            assert circle is None, " → ".join(circle)
