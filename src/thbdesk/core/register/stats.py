"""The codes a document contributes to the statistics: no name, reference or free text.

They are taken from the answers when the document is registered and stored with it, so deleting the
draft later does not change the figures.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

UNKNOWN = "unknown"
AGE_GROUPS = ("0-11", "12-17", "18-25", "26-59", "60+")
_DATE_KEYS = ("incident_date", "notice_date", "referral_datetime", "report_datetime", "signed_at")
_CODE = re.compile(r"^[A-Za-z0-9_.-]{1,40}$")


@dataclass(frozen=True)
class StatsRecord:
    month: str  # "2026-11"
    form: str
    border_post: str
    nationality: str
    sex: str
    age_group: str  # one of AGE_GROUPS or "unknown"
    exploitation: tuple[str, ...]  # purpose codes, e.g. ("forced_labour",)


def codes_from_answers(answers: Mapping[str, Any], created_at: str) -> dict[str, Any]:
    """What ``StatsRecord`` needs, as JSON-able codes; anything not a plain code becomes "unknown"."""
    when = _first_date(answers) or created_at[:10]
    return {
        "month": when[:7],
        "border_post": _code(_text(answers.get("unit_code"))),
        "nationality": _code(answers.get("person_nationality")),
        "sex": _code(answers.get("person_sex")),
        "age_group": age_group(answers, when),
        "exploitation": sorted({c for c in _list(answers.get("qual_purposes")) if _CODE.match(c)}),
    }


def record(form: str, created_at: str, codes: Mapping[str, Any]) -> StatsRecord:
    exploitation = codes.get("exploitation")
    return StatsRecord(
        month=str(codes.get("month") or created_at[:7]),
        form=form,
        border_post=str(codes.get("border_post", UNKNOWN)),
        nationality=str(codes.get("nationality", UNKNOWN)),
        sex=str(codes.get("sex", UNKNOWN)),
        age_group=str(codes.get("age_group", UNKNOWN)),
        exploitation=tuple(str(c) for c in exploitation) if isinstance(exploitation, list) else (),
    )


def age_group(answers: Mapping[str, Any], on: str) -> str:
    years = _age(answers, on)
    if years is None or years < 0:
        return UNKNOWN
    for bound, group in ((11, "0-11"), (17, "12-17"), (25, "18-25"), (59, "26-59")):
        if years <= bound:
            return group
    return "60+"


def _age(answers: Mapping[str, Any], on: str) -> int | None:
    try:
        when = date.fromisoformat(on[:10])
    except ValueError:
        return None
    dob = answers.get("person_dob")
    if isinstance(dob, str):
        try:
            born = date.fromisoformat(dob[:10])
        except ValueError:
            born = None
        if born is not None:
            return when.year - born.year - ((when.month, when.day) < (born.month, born.day))
    estimate = answers.get("person_age_estimate")
    if isinstance(estimate, int) and not isinstance(estimate, bool):
        return estimate
    return None


def _first_date(answers: Mapping[str, Any]) -> str | None:
    for key in _DATE_KEYS:
        value = answers.get(key)
        if isinstance(value, str) and re.match(r"^\d{4}-\d{2}-\d{2}", value):
            return value[:10]
    return None


def _text(value: object) -> object:
    return value.get("text") if isinstance(value, Mapping) else value


def _code(value: object) -> str:
    return value if isinstance(value, str) and _CODE.match(value) else UNKNOWN


def _list(value: object) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
