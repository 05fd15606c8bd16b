"""The expression language refuses anything but its whitelist at parse time, and never raises when run."""

from __future__ import annotations

import time
from datetime import date

import pytest

from thbdesk.core.forms.expressions import ExpressionError, parse_expression

NAMES = {"dob", "incident_date", "age_estimate", "priority", "indicators", "doc", "unit", "seq", "n"}

HOSTILE = [
    ("__import__('os').system('true')", "attribute access"),
    ("__import__('os')", "unknown function '__import__'"),
    ("().__class__", "attribute access"),
    ("dob.__class__.__bases__", "attribute access"),
    ("(lambda: 1)()", "lambda: not allowed"),
    ("lambda: 1", "lambda: not allowed"),
    ("[x for x in indicators]", "comprehensions: not allowed"),
    ("{x: 1 for x in indicators}", "comprehensions: not allowed"),
    ("sum(x for x in indicators)", "unknown function 'sum'"),
    ("9**9**9", "powers (**): not allowed"),
    ("'a' * 10**9", "powers (**): not allowed"),
    ("f'{dob}'", "f-strings: not allowed"),
    ("(n := 5)", "assignment (:=): not allowed"),
    ("indicators[0]", "subscripts (a[b]): not allowed"),
    ("indicators[0:1]", "subscripts (a[b]): not allowed"),
    ("open('/etc/passwd')", "unknown function 'open'"),
    ("eval('1')", "unknown function 'eval'"),
    ("getattr(dob, 'year')", "unknown function 'getattr'"),
    ("secret_name > 3", "unknown name 'secret_name'"),
    ("__builtins__", "unknown name '__builtins__'"),
    ("1 if dob else 2", "'x if c else y': not allowed"),
    ("{'a': 1}", "Dict: not allowed"),
    ("{1, 2}", "Set: not allowed"),
    ("age(*indicators)", "'*' unpacking: not allowed"),
    ("age(dob=dob)", "named arguments: not allowed"),
    ("age()", "age() takes 1 to 2 argument(s), not 0"),
    ("today(1)", "today() takes 0 argument(s), not 1"),
    ("'" + "x" * 201 + "'", "text longer than 200 characters"),
    ("'" + "x" * 1_000_000 + "'", "too long"),
    ("n" + " + 1" * 40, "nested too deeply"),
    ("age(" * 40 + "n" + ")" * 40, "nested too deeply"),
    ("(" * 300 + "1" + ")" * 300, "not a valid expression"),
    ("not " * 40 + "n", "nested too deeply"),
    ("-" * 100_000 + "1", "too long"),
    ("99999999999999999999 + 1", "number larger than"),
    ("b'bytes'", "bytes literals: not allowed"),
    ("n = 1", "not a valid expression"),
    ("import os", "not a valid expression"),
    ("", "not a valid expression"),
    ("await n", "Await: not allowed"),
    ("...", "ellipsis literals: not allowed"),
]


@pytest.mark.parametrize(("source", "reason"), HOSTILE)
def test_hostile_expressions_are_refused_when_the_form_is_loaded(source: str, reason: str) -> None:
    started = time.perf_counter()
    with pytest.raises(ExpressionError) as caught:
        parse_expression(source, NAMES)
    assert reason in str(caught.value)
    assert time.perf_counter() - started < 2  # a generous guard: refusing must not hang


@pytest.mark.parametrize("source", [True, None, ["a"], {"a": 1}])
def test_an_expression_must_be_written_as_text(source: object) -> None:
    with pytest.raises(ExpressionError, match="expected an expression"):
        parse_expression(source, NAMES)


def _eval(source: str, **env: object) -> object:
    return parse_expression(source, NAMES).evaluate(env)


def test_unanswered_fields_make_every_comparison_false() -> None:
    assert _eval("age(dob, incident_date) < 18") is False
    assert _eval("age(dob, incident_date) >= 18") is False
    assert _eval("priority != 'urgent'") is False
    assert _eval("empty(priority)") is True
    assert _eval("not empty(priority)", priority="urgent") is True


def test_age_counts_whole_years_on_the_day_of_the_incident() -> None:
    dob = date(2010, 3, 12)
    assert _eval("age(dob, incident_date)", dob=dob, incident_date=date(2026, 3, 11)) == 15
    assert _eval("age(dob, incident_date)", dob=dob, incident_date=date(2026, 3, 12)) == 16
    assert _eval("age(dob, incident_date) < 18 or age_estimate < 18", age_estimate=16) is True
    assert _eval("age(dob, incident_date)", dob=dob) is None  # no date of incident: not today's age
    assert _eval("age(dob, incident_date)", dob=dob, incident_date=date(2009, 1, 1)) is None
    assert _eval("age(dob)", dob=dob) == _eval("age(dob, today())", dob=dob)


def test_list_functions_and_membership() -> None:
    seen = ["GEN-07", "BRD-02"]
    assert _eval("has(indicators, 'GEN-07')", indicators=seen) is True
    assert _eval("any_of(indicators, 'CHD-01', 'BRD-02')", indicators=seen) is True
    assert _eval("any_of(indicators, 'CHD-01')", indicators=seen) is False
    assert _eval("count(indicators) >= 2", indicators=seen) is True
    assert _eval("len(indicators)") == 0
    assert _eval("priority in ['urgent', 'high']", priority="urgent") is True
    assert _eval("'GEN-07' not in indicators", indicators=seen) is False


def test_reference_year_and_days() -> None:
    day = date(2026, 11, 30)
    assert (
        _eval("reference(unit, incident_date, seq)", unit="tng", incident_date=day, seq=42) == "TNG-2026-0042"
    )
    assert _eval("reference(unit, incident_date, seq)", unit="tng", incident_date=day) is None
    assert _eval("year(incident_date)", incident_date=day) == 2026
    assert _eval("days(dob, incident_date)", dob=date(2026, 11, 1), incident_date=day) == 29
    assert _eval("part(doc, 'number')", doc={"number": "A123"}) == "A123"
    assert _eval("part(doc, 'number')", doc="not a map") is None


@pytest.mark.parametrize(
    ("source", "env"),
    [
        ("n / 0", {"n": 1}),
        ("n % 0", {"n": 1}),
        ("dob < 3", {"dob": date(2000, 1, 1)}),
        ("n + 'text'", {"n": 1}),
        ("-priority", {"priority": "urgent"}),
        ("n * n * n * n * n", {"n": 10**14}),
        ("age(dob, incident_date)", {"dob": "not a date", "incident_date": 3}),
        ("has(indicators, 'x')", {"indicators": 12}),
        ("reference(unit, incident_date, seq)", {"unit": 3, "incident_date": "x", "seq": True}),
    ],
)
def test_impossible_operations_give_nothing_instead_of_raising(source: str, env: dict[str, object]) -> None:
    result = parse_expression(source, NAMES).evaluate(env)
    assert result in (None, False)


def test_integer_growth_is_bounded() -> None:
    assert _eval("n * n", n=10**8) == 10**16 or _eval("n * n", n=10**8) is None
    assert _eval("n * n * n", n=10**8) is None


def test_the_names_an_expression_uses_are_known_after_parsing() -> None:
    expr = parse_expression("age(dob, incident_date) < 18 or has(indicators, 'CHD-01')", NAMES)
    assert expr.names == {"dob", "incident_date", "indicators"}
