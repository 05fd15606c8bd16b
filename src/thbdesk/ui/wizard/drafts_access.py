"""The wizard's use of the core's drafts, answers and catalogues, kept in one small module."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from thbdesk.core.errors import ThbError
from thbdesk.core.forms import catalogs
from thbdesk.core.forms.drafts import DraftInfo, DraftStore, FileDraftStore, new_draft_id
from thbdesk.core.forms.engine import Interview
from thbdesk.core.forms.loader import bundled_forms as load_bundled_forms
from thbdesk.core.forms.model import FormSpec
from thbdesk.core.i18n import current_language, format_date


def new_id(form_id: str) -> str:
    return new_draft_id(form_id)


def new_interview(spec: FormSpec) -> Interview:
    return Interview(spec)


def unfinished(store: DraftStore, forms: Mapping[str, FormSpec]) -> list[DraftInfo]:
    """Drafts of forms this version knows, the most recently saved first."""
    return [draft for draft in store.list() if draft.form in forms]


def load(store: DraftStore, draft_id: str, forms: Mapping[str, FormSpec]) -> tuple[FormSpec, Interview]:
    """The draft's answers brought up to its form's current version."""
    answers = store.load(draft_id)
    spec = forms[answers.form]
    return spec, Interview(spec, answers)


def save(store: DraftStore, draft_id: str, interview: Interview) -> str:
    """Write the draft; returns its time of saving."""
    return store.save(draft_id, interview.answers).saved_at


def delete(store: DraftStore, draft_id: str) -> None:
    store.delete(draft_id)


def notices(store: DraftStore) -> list[ThbError]:
    return store.take_notices()


def when(saved_at: str) -> str:
    """``30/11/2026 22:50`` in the UI language, local time; the raw text if it is not a time."""
    try:
        moment = datetime.fromisoformat(saved_at).astimezone()
    except ValueError:
        return saved_at
    return f"{format_date(moment, current_language(), 'short')} {moment:%H:%M}"


def countries(lang: str) -> list[tuple[str, str]]:
    """(ISO code, name in ``lang``), in the order a reader of ``lang`` looks for a name."""
    return [(e.code, e.name(lang)) for e in catalogs.sorted_entries(catalogs.countries(), lang)]


def languages(lang: str) -> list[tuple[str, str]]:
    return [(e.code, e.name(lang)) for e in catalogs.sorted_entries(catalogs.languages(), lang)]


def bundled_forms() -> tuple[dict[str, FormSpec], ThbError | None]:
    try:
        return load_bundled_forms(), None
    except ThbError as error:
        return {}, error


def default_store() -> DraftStore:
    return FileDraftStore()
