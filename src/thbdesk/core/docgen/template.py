"""Document templates: text with ``{field_id}`` placeholders, parsed once when the form is loaded.

Placeholders are plain names, looked up in the answers; the text is never passed to ``str.format``,
so braces typed in an answer stay as typed. ``{{`` and ``}}`` print a brace.

>>> t = parse_template("Réf. {reference} ({{copie}})", {"reference"})
>>> t.names, t.render(lambda name: "TNG-2026-0042")
(('reference',), 'Réf. TNG-2026-0042 ({copie})')
>>> try:
...     parse_template("{a.b}", {"a"})
... except TemplateError as exc:
...     print(exc)
placeholder {a.b}: write a field or computed id, such as {person_name}
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass

_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


class TemplateError(ValueError):
    """A template a legal officer wrote wrongly; the loader adds the file and line."""


@dataclass(frozen=True)
class Template:
    """Literal text and names, alternating: ``parts[0]`` literal, ``parts[1]`` a name, and so on."""

    parts: tuple[str, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return self.parts[1::2]

    def pieces(self) -> list[tuple[bool, str]]:
        """``(is_name, text)`` in order, empty literals left out."""
        return [(index % 2 == 1, part) for index, part in enumerate(self.parts) if part or index % 2]

    def render(self, value: Callable[[str], str]) -> str:
        return "".join(value(text) if is_name else text for is_name, text in self.pieces())


def parse_template(source: str, names: Collection[str]) -> Template:
    """Split ``source`` into literals and placeholders; refuse what is malformed or unknown."""
    parts: list[str] = []
    literal: list[str] = []
    at = 0
    for match in _TOKEN.finditer(source):
        literal.append(source[at : match.start()])
        at = match.end()
        token = match.group(0)
        if token in ("{{", "}}"):
            literal.append(token[0])
        elif token == "{":
            raise TemplateError("a '{' is not closed (write '{{' for a brace)")
        elif token == "}":
            raise TemplateError("a '}' has no '{' (write '}}' for a brace)")
        else:
            parts.extend(["".join(literal), _name(match.group(1), names)])
            literal = []
    literal.append(source[at:])
    parts.append("".join(literal))
    return Template(tuple(parts))


def _name(name: str, names: Collection[str]) -> str:
    if not _NAME.match(name):
        raise TemplateError(f"placeholder {{{name}}}: write a field or computed id, such as {{person_name}}")
    if name not in names:
        raise TemplateError(f"unknown name {name!r} (not a field or computed value of this form)")
    return name
