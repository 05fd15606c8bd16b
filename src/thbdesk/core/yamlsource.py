"""YAML that remembers where each mapping came from, so authoring errors can name file and line."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import yaml
    from yaml.nodes import MappingNode


class LineDict(dict[str, Any]):
    """A mapping that knows its own line and the line of each of its keys (1-based)."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


def _construct_line_dict(loader: yaml.SafeLoader, node: MappingNode) -> LineDict:
    result = LineDict({str(k): v for k, v in loader.construct_mapping(node, deep=True).items()})
    result.line = node.start_mark.line + 1
    result.key_lines = {str(k.value): k.start_mark.line + 1 for k, _ in node.value}
    return result


@cache
def _line_loader() -> type[yaml.SafeLoader]:
    """Built on first use: start-up reads the cached corpus and never needs PyYAML."""
    import yaml

    base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: ~10x faster
    loader: type[yaml.SafeLoader] = type("LineLoader", (base,), {})
    loader.add_constructor("tag:yaml.org,2002:map", _construct_line_dict)
    return loader


class YamlSyntaxError(Exception):
    def __init__(self, line: int, problem: str) -> None:
        super().__init__(problem)
        self.line = line
        self.problem = problem


def load_yaml(path: Path) -> Any:
    """Parse ``path``; a syntax error becomes ``YamlSyntaxError`` carrying its line."""
    import yaml

    text = path.read_text(encoding="utf-8")
    try:
        return yaml.load(text, Loader=_line_loader())  # a SafeLoader subclass
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
