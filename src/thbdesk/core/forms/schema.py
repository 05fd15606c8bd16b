"""The JSON Schema of a form file, and its errors turned into ``file:line: field: message``.

The schema lives in ``forms/form.schema.json`` so a legal officer's editor can use it too; the
loader adds the checks a schema cannot express (expressions, ids, provisions, indicators).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from thbdesk.core.paths import bundled_dir
from thbdesk.core.yamlsource import LineDict

SCHEMA_FILE = "form.schema.json"


@cache
def form_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads((bundled_dir("forms") / SCHEMA_FILE).read_text(encoding="utf-8"))
    return schema


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(form_schema())


def where(path: Sequence[str | int]) -> str:
    """``steps[0].fields[2].label`` from a JSON path.

    >>> where(["steps", 0, "fields", 2, "label"])
    'steps[0].fields[2].label'
    """
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else str(part)
    return text or "form"


def line_at(root: object, path: Sequence[str | int]) -> int:
    """The line of the deepest mapping key or list item on ``path`` that the YAML remembers."""
    node, line = root, getattr(root, "line", 1)
    for part in path:
        if isinstance(node, LineDict) and isinstance(part, str) and part in node:
            line, node = node.line_of(part), node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
            line = node.line if isinstance(node, LineDict) else line
        else:
            break
    return line


def _message(error: ValidationError) -> tuple[list[str | int], str]:
    path: list[str | int] = list(error.absolute_path)
    wanted: Any = error.validator_value
    instance: Any = error.instance
    if error.validator == "required":
        missing = next((p for p in wanted if p not in instance), "?")
        return [*path, missing], "missing"
    if error.validator == "additionalProperties":
        schema: Any = error.schema
        extra = sorted(set(instance) - set(schema.get("properties", {})))
        return [*path, extra[0]] if len(extra) == 1 else path, f"unknown key(s): {', '.join(map(str, extra))}"
    if error.validator == "enum":
        return path, f"{instance!r} is not one of {', '.join(map(str, wanted))}"
    if error.validator == "type":
        return path, f"expected {' or '.join(_words(error.validator_value))}, found {error.instance!r}"
    if error.validator == "pattern" and path and path[-1] == "id":
        return path, f"{error.instance!r}: use lower-case letters, digits and _ (start with a letter)"
    if error.validator in ("minLength", "pattern") and isinstance(error.instance, str):
        return path, "empty or badly written" if not error.instance.strip() else error.message
    return path, error.message


def _words(kinds: object) -> list[str]:
    names = {"string": "text", "object": "a map", "array": "a list", "integer": "a whole number"}
    items = kinds if isinstance(kinds, list) else [kinds]
    return [names.get(str(k), str(k)) for k in items]


def schema_problems(root: object) -> Iterator[tuple[int, str, str]]:
    """Every schema violation as (line, field path, message), in file order."""
    found = []
    for error in _validator().iter_errors(root):
        path, message = _message(error)
        found.append((line_at(root, path), where(path), message))
    yield from sorted(set(found))
