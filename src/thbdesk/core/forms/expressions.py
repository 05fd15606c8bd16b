"""The forms' small expression language: Python syntax, a whitelist of nodes, no ``eval``.

A form file is data a legal officer edits, so its conditions must not be able to run code. Each
expression is parsed once at load time with ``ast.parse(mode="eval")``; any node outside the
whitelist, an unknown name or function, a long string or deep nesting is refused then, with the
file's line. Evaluation walks the checked tree and never raises: a missing answer is ``None``,
a comparison with ``None`` is ``False``, and any impossible operation gives ``None``.

>>> expr = parse_expression("age(dob, on) < 18", names={"dob", "on"})
>>> from datetime import date
>>> expr.evaluate({"dob": date(2010, 3, 12), "on": date(2026, 11, 30)})
True
>>> expr.evaluate({})
False
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

MAX_SOURCE = 1000
MAX_STRING = 200
MAX_DEPTH = 30
MAX_NUMBER = 10**15  # an answer never needs more; bounds every integer an expression makes


class ExpressionError(ValueError):
    """Why an expression is refused; the loader adds the file and line."""


def _as_date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


def _age(dob: object, *on: object) -> int | None:
    """Whole years from ``dob`` to ``on`` (today when not given); an unknown or earlier ``on`` is None."""
    birth = _as_date(dob)
    day = _as_date(on[0]) if on else date.today()
    if birth is None or day is None or day < birth:
        return None
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def _items(value: object) -> list[object]:
    if value is None:
        return []
    if isinstance(value, list | tuple | set | frozenset):
        return list(value)
    return [value]


def _size(value: object) -> int:
    if isinstance(value, str | list | tuple | dict):
        return len(value)
    return 0 if value is None else 1


def _empty(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, list | tuple | dict) and not value


def _any_of(values: object, *codes: object) -> bool:
    present = _items(values)
    return any(code in present for code in codes)


def _has(values: object, code: object) -> bool:
    return code in _items(values)


def _year(value: object) -> int | None:
    day = _as_date(value)
    return day.year if day else None


def _days(start: object, end: object) -> int | None:
    first, last = _as_date(start), _as_date(end)
    return (last - first).days if first and last else None


def _reference(unit: object, day: object, sequence: object) -> str | None:
    """``UNIT-YYYY-NNNN``: the unit's code, the year of the incident, a number within the year.

    >>> _reference("tng-med", date(2026, 11, 30), 7)
    'TNG-MED-2026-0007'
    """
    when = _as_date(day)
    if not isinstance(unit, str) or not unit.strip() or when is None:
        return None
    if isinstance(sequence, bool) or not isinstance(sequence, int | float) or not 0 < sequence < 10**6:
        return None
    return f"{unit.strip().upper()}-{when.year:04d}-{int(sequence):04d}"


def _part(value: object, key: object) -> object:
    """One part of a structured answer (travel document, consent): ``part(doc, "expiry")``."""
    return value.get(key) if isinstance(value, dict) and isinstance(key, str) else None


def _today() -> date:
    return date.today()


# name -> (function, fewest arguments, most arguments; -1 means any number)
FUNCTIONS: dict[str, tuple[Callable[..., object], int, int]] = {
    "age": (_age, 1, 2),
    "today": (_today, 0, 0),
    "len": (_size, 1, 1),
    "count": (_size, 1, 1),
    "any_of": (_any_of, 2, -1),
    "has": (_has, 2, 2),
    "empty": (_empty, 1, 1),
    "year": (_year, 1, 1),
    "reference": (_reference, 3, 3),
    "days": (_days, 2, 2),
    "part": (_part, 2, 2),
}

_COMPARE: dict[type[ast.cmpop], Callable[[Any, Any], Any]] = {
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.In: lambda a, b: a in _items(b),
    ast.NotIn: lambda a, b: a not in _items(b),
}
_ARITHMETIC: dict[type[ast.operator], Callable[[Any, Any], Any]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.Mod: operator.mod,
}
_ALLOWED = (
    ast.Expression,
    ast.BoolOp,
    ast.And,
    ast.Or,
    ast.UnaryOp,
    ast.Not,
    ast.USub,
    ast.UAdd,
    ast.BinOp,
    ast.Compare,
    ast.Call,
    ast.Name,
    ast.Load,
    ast.Constant,
    ast.List,
    ast.Tuple,
    *_COMPARE,
    *_ARITHMETIC,
)
_NODE_WORDS = {
    ast.Attribute: "attribute access (a.b)",
    ast.Subscript: "subscripts (a[b])",
    ast.Lambda: "lambda",
    ast.ListComp: "comprehensions",
    ast.SetComp: "comprehensions",
    ast.DictComp: "comprehensions",
    ast.GeneratorExp: "comprehensions",
    ast.JoinedStr: "f-strings",
    ast.NamedExpr: "assignment (:=)",
    ast.Pow: "powers (**)",
    ast.IfExp: "'x if c else y'",
    ast.Starred: "'*' unpacking",
}


@dataclass(frozen=True)
class Expression:
    """A checked expression: its source for messages, its tree for evaluation, the names it uses."""

    source: str
    tree: ast.Expression = field(compare=False, repr=False)
    names: frozenset[str] = frozenset()

    def evaluate(self, env: Mapping[str, object]) -> object:
        """The value, or ``None`` when it cannot be computed; never raises."""
        try:
            return _Evaluator(env).visit(self.tree.body)
        except Exception:  # a form's condition must never stop an interview
            return None

    def test(self, env: Mapping[str, object]) -> bool:
        return bool(self.evaluate(env))


def parse_expression(source: object, names: Collection[str]) -> Expression:
    """Check ``source`` against the whitelist; ``names`` are the field and computed ids in scope."""
    if isinstance(source, bool) or not isinstance(source, str | int | float):
        raise ExpressionError("expected an expression written as text")
    text = str(source)
    if len(text) > MAX_SOURCE:
        raise ExpressionError(f"too long ({len(text)} characters; at most {MAX_SOURCE})")
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError as exc:
        raise ExpressionError(f"not a valid expression: {exc.msg}") from None
    except (RecursionError, MemoryError, ValueError):
        raise ExpressionError(f"nested too deeply (at most {MAX_DEPTH} levels)") from None
    used: set[str] = set()
    _check(tree, names, used, 0)
    return Expression(text, tree, frozenset(used))


def _refusal(node: ast.AST) -> str:
    for kind, words in _NODE_WORDS.items():
        if isinstance(node, kind):
            return f"{words}: not allowed"
    return f"{type(node).__name__}: not allowed"


def _check(node: ast.AST, names: Collection[str], used: set[str], depth: int) -> None:
    if depth > MAX_DEPTH:
        raise ExpressionError(f"nested too deeply (at most {MAX_DEPTH} levels)")
    if not isinstance(node, _ALLOWED):
        raise ExpressionError(_refusal(node))
    if isinstance(node, ast.Constant):
        _check_constant(node.value)
    elif isinstance(node, ast.Name):
        if node.id not in names:
            raise ExpressionError(f"unknown name {node.id!r} (not a field or computed value of this form)")
        used.add(node.id)
    elif isinstance(node, ast.Call):
        _check_call(node)
        for arg in node.args:
            _check(arg, names, used, depth + 1)
        return
    for child in ast.iter_child_nodes(node):
        _check(child, names, used, depth + 1)


def _check_constant(value: object) -> None:
    if isinstance(value, str) and len(value) > MAX_STRING:
        raise ExpressionError(f"text longer than {MAX_STRING} characters")
    if isinstance(value, int | float) and not isinstance(value, bool) and abs(value) > MAX_NUMBER:
        raise ExpressionError(f"number larger than {MAX_NUMBER}")
    if not isinstance(value, str | int | float | bool | type(None)):
        raise ExpressionError(f"{type(value).__name__} literals: not allowed")


def _check_call(node: ast.Call) -> None:
    if not isinstance(node.func, ast.Name):
        raise ExpressionError(_refusal(node.func))
    if node.func.id not in FUNCTIONS:
        raise ExpressionError(f"unknown function {node.func.id!r}; use one of {', '.join(sorted(FUNCTIONS))}")
    if node.keywords:
        raise ExpressionError("named arguments: not allowed")
    _, fewest, most = FUNCTIONS[node.func.id]
    if len(node.args) < fewest or (most >= 0 and len(node.args) > most):
        wanted = str(fewest) if fewest == most else f"{fewest} or more" if most < 0 else f"{fewest} to {most}"
        raise ExpressionError(f"{node.func.id}() takes {wanted} argument(s), not {len(node.args)}")


def _bounded(value: object) -> object:
    if isinstance(value, int | float) and not isinstance(value, bool) and abs(value) > MAX_NUMBER:
        return None
    return value


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


class _Evaluator:
    """Walks a tree that ``_check`` accepted; anything unexpected becomes ``None``."""

    def __init__(self, env: Mapping[str, object]) -> None:
        self.env = env

    def visit(self, node: ast.AST) -> object:
        method: Callable[[Any], object] = getattr(self, f"visit_{type(node).__name__}", self.refuse)
        return method(node)

    def refuse(self, node: ast.AST) -> object:
        return None

    def visit_Constant(self, node: ast.Constant) -> object:
        return node.value

    def visit_Name(self, node: ast.Name) -> object:
        return self.env.get(node.id)

    def visit_List(self, node: ast.List) -> object:
        return [self.visit(item) for item in node.elts]

    visit_Tuple = visit_List

    def visit_BoolOp(self, node: ast.BoolOp) -> object:
        result: object = None
        for value in node.values:
            result = self.visit(value)
            if isinstance(node.op, ast.And) != bool(result):
                return result
        return result

    def visit_UnaryOp(self, node: ast.UnaryOp) -> object:
        value = self.visit(node.operand)
        if isinstance(node.op, ast.Not):
            return not value
        if not _is_number(value):
            return None
        return -value if isinstance(node.op, ast.USub) else value  # type: ignore[operator]

    def visit_BinOp(self, node: ast.BinOp) -> object:
        left, right = self.visit(node.left), self.visit(node.right)
        if not (_is_number(left) and _is_number(right)):
            return None
        try:
            return _bounded(_ARITHMETIC[type(node.op)](left, right))
        except (ArithmeticError, KeyError):
            return None

    def visit_Compare(self, node: ast.Compare) -> object:
        left = self.visit(node.left)
        for op, right_node in zip(node.ops, node.comparators, strict=True):
            right = self.visit(right_node)
            if not _compare(type(op), left, right):
                return False
            left = right
        return True

    def visit_Call(self, node: ast.Call) -> object:
        assert isinstance(node.func, ast.Name)
        function = FUNCTIONS[node.func.id][0]
        return _bounded(function(*(self.visit(arg) for arg in node.args)))


def _compare(op: type[ast.cmpop], left: object, right: object) -> bool:
    """Any comparison with an unanswered side is false, so a condition never fires on missing data."""
    if left is None or right is None:
        return False
    try:
        return bool(_COMPARE[op](left, right))
    except TypeError:  # a date against a number: not comparable, so not true
        return False
