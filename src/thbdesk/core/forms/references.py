"""What a form refers to outside itself: indicator ids of the corpus, and the codes its
expressions compare answers with (a typo such as ``priority == "urgnet"`` is caught at load time)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import cache

from thbdesk.core.forms import catalogs
from thbdesk.core.forms.expressions import Expression
from thbdesk.core.forms.model import Field, FormSpec


@cache
def indicator_ids() -> tuple[str, ...]:
    """The ids of ``legal_texts/indicators.yaml`` (``GEN-07``), in the order of the file."""
    from thbdesk.core.legal.loader import bundled_corpus

    instrument = bundled_corpus().instrument("indicators")
    return tuple(p.number for p in instrument.provisions) if instrument else ()


def offered_indicators(field: Field) -> tuple[str, ...]:
    """The indicator ids an indicators field offers: its subset (ids or whole groups), else all."""
    if not field.subset:
        return indicator_ids()
    wanted = set(field.subset)
    return tuple(i for i in indicator_ids() if i in wanted or i.rsplit("-", 1)[0] in wanted)


def _valid_codes(spec: FormSpec, field_id: str) -> frozenset[str] | None:
    field = spec.field(field_id)
    if field is None:
        return None
    if field.type in ("choice", "multichoice"):
        return frozenset(c.code for c in field.choices)
    if field.type == "indicators":
        return frozenset(offered_indicators(field))
    if field.type == "country":
        return frozenset(catalogs.countries())
    if field.type == "language":
        return frozenset(catalogs.languages())
    return None


def _pairs(node: ast.AST) -> Iterator[tuple[str, object]]:
    """(field name, literal) pairs that an expression compares or looks up."""
    if isinstance(node, ast.Compare):
        sides = [node.left, *node.comparators]
        names = [s.id for s in sides if isinstance(s, ast.Name)]
        literals = [v for s in sides for v in _literals(s)]
        yield from ((n, v) for n in names for v in literals)
    elif _is_lookup(node) and isinstance(node, ast.Call) and isinstance(node.args[0], ast.Name):
        yield from ((node.args[0].id, v) for a in node.args[1:] for v in _literals(a))


def _is_lookup(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in ("has", "any_of")
        and bool(node.args)
    )


def _literals(node: ast.AST) -> list[object]:
    if isinstance(node, ast.Constant):
        return [node.value]
    if isinstance(node, ast.List | ast.Tuple):
        return [e.value for e in node.elts if isinstance(e, ast.Constant)]
    return []


def check_literal_codes(spec: FormSpec, expr: Expression) -> Iterator[str]:
    """Codes an expression compares with a field that the field can never hold."""
    for node in ast.walk(expr.tree):
        for name, literal in _pairs(node):
            field = spec.field(name)
            if field is not None and field.type == "yesno" and not isinstance(literal, bool | None):
                yield f"{name} is a yes/no answer: compare it with True or False, not {literal!r}"
                continue
            codes = _valid_codes(spec, name)
            if codes is not None and isinstance(literal, str) and literal not in codes:
                yield f"{literal!r} is not a code of {name}"
