"""The search package's modules import each other without cycles (engine and searcher share types)."""

from __future__ import annotations

import ast
from pathlib import Path

import thbdesk.core.search as package

PACKAGE = "thbdesk.core.search"


def imports_of(path: Path) -> set[str]:
    """Every module of the package that ``path`` imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == PACKAGE:
                found |= {f"{PACKAGE}.{alias.name}" for alias in node.names}
            elif node.module.startswith(PACKAGE + "."):
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith(PACKAGE + ".")}
    return found


def graph() -> dict[str, set[str]]:
    folder = Path(package.__file__).parent
    modules = {f"{PACKAGE}.{path.stem}": path for path in folder.glob("*.py") if path.stem != "__init__"}
    return {name: imports_of(path) & set(modules) for name, path in modules.items()}


def test_no_module_of_the_search_package_imports_itself_back() -> None:
    edges = graph()
    assert f"{PACKAGE}.engine" in edges[f"{PACKAGE}.searcher"], "the searcher runs the engine"
    state: dict[str, str] = {}

    def visit(module: str, path: list[str]) -> None:
        state[module] = "open"
        for target in sorted(edges[module]):
            assert state.get(target) != "open", " -> ".join([*path, module, target])
            if target not in state:
                visit(target, [*path, module])
        state[module] = "done"

    for module in sorted(edges):
        if module not in state:
            visit(module, [])
