"""YAML that remembers where each mapping came from, so authoring errors can name file and line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode


class LineDict(dict[str, Any]):
    """A mapping that knows its own line and the line of each of its keys (1-based)."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml is ~10x faster


class _LineLoader(_Base):  # type: ignore[valid-type,misc]
    pass


def _construct_line_dict(loader: yaml.SafeLoader, node: MappingNode) -> LineDict:
    result = LineDict({str(k): v for k, v in loader.construct_mapping(node, deep=True).items()})
    result.line = node.start_mark.line + 1
    result.key_lines = {str(k.value): k.start_mark.line + 1 for k, _ in node.value}
    return result


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_line_dict)


class YamlSyntaxError(Exception):
    def __init__(self, line: int, problem: str) -> None:
        super().__init__(problem)
        self.line = line
        self.problem = problem


def load_yaml(path: Path) -> Any:
    """Parse ``path``; a syntax error becomes ``YamlSyntaxError`` carrying its line."""
    text = path.read_text(encoding="utf-8")
    try:
        return yaml.load(text, Loader=_LineLoader)  # a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 0
        raise YamlSyntaxError(line, f"{exc.problem or exc.context}") from exc
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(0, str(exc)) from exc


class Problems:
    """Collects every authoring problem as ``file:line: field: what is wrong``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.items: list[str] = []

    def add(self, line: int, field: str, message: str) -> None:
        self.items.append(f"{self.path.name}:{line}: {field}: {message}")

    def __bool__(self) -> bool:
        return bool(self.items)
