"""``thbdesk.cli`` uses the commands; no command module may lead back to it (the old cycle)."""

from __future__ import annotations

import ast
from pathlib import Path

import thbdesk

PACKAGE = Path(thbdesk.__file__).parent


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Every thbdesk module imported anywhere in the file, function bodies included."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return {name for name in found if name.startswith("thbdesk")}


def graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {name: imports_of(path) & set(modules) for name, path in modules.items()}


def reachable(edges: dict[str, set[str]], start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        for target in edges.get(todo.pop(), set()) - seen:
            seen.add(target)
            todo.append(target)
    return seen


def test_no_command_module_leads_back_to_the_cli() -> None:
    edges = graph()
    commands = [name for name in edges if name.startswith("thbdesk.commands")]
    assert "thbdesk.commands.registry" in commands and "thbdesk.cli" in edges
    assert "thbdesk.commands" in reachable(edges, "thbdesk.cli")
    for name in commands:
        assert "thbdesk.cli" not in reachable(edges, name), name
