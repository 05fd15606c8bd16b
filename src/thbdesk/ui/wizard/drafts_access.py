"""The wizard's use of the core's drafts, answers and catalogues, kept in one small module."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from thbdesk.core.errors import ThbError
from thbdesk.core.forms.model import FormSpec
from thbdesk.core.i18n import format_date


@dataclass(frozen=True)
class DraftInfo:
    draft_id: str
    form_id: str
    saved_at: datetime


def new_id(form_id: str) -> str:
    return f"{form_id}-{uuid.uuid4().hex[:12]}"


def new_interview(spec: FormSpec) -> Any:
    from thbdesk.core.forms.engine import Interview

    return Interview(spec)


def unfinished(store: Any) -> list[DraftInfo]:
    """Drafts kept in the store, the most recently saved first."""
    raise NotImplementedError


def load(store: Any, draft_id: str, forms: Mapping[str, FormSpec]) -> tuple[FormSpec, Any]:
    raise NotImplementedError


def save(store: Any, draft_id: str, interview: Any) -> datetime:
    raise NotImplementedError


def delete(store: Any, draft_id: str) -> None:
    raise NotImplementedError


def when(moment: datetime) -> str:
    """``30 نونبر 2026 22:50`` in the UI language, local time."""
    from thbdesk.core.i18n import current_language

    local = moment.astimezone()
    return f"{format_date(local, current_language(), 'medium')} {local:%H:%M}"


def countries(lang: str) -> list[tuple[str, str]]:
    """(ISO code, name in ``lang``), in the order a reader of ``lang`` looks for a name."""
    from thbdesk.core.forms import catalogs

    return [(e.code, e.name(lang)) for e in catalogs.sorted_entries(catalogs.countries(), lang)]


def languages(lang: str) -> list[tuple[str, str]]:
    from thbdesk.core.forms import catalogs

    return [(e.code, e.name(lang)) for e in catalogs.sorted_entries(catalogs.languages(), lang)]


def bundled_forms() -> tuple[dict[str, FormSpec], ThbError | None]:
    from thbdesk.core.forms.loader import bundled_forms as load

    try:
        return load(), None
    except ThbError as error:
        return {}, error


def default_store() -> Any:
    from thbdesk.core.forms.drafts import FileDraftStore

    return FileDraftStore()
