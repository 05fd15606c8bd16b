"""What the register keeps of one generation: one function, so the window and ``thbdesk generate``
record the same reference, author, names and files."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from thbdesk.core.docgen.build import answered_author
from thbdesk.core.docgen.fingerprint import fingerprint
from thbdesk.core.forms.answers import Answers, migrate
from thbdesk.core.forms.engine import Interview
from thbdesk.core.forms.model import FormSpec
from thbdesk.core.register.documents import DocumentRecord
from thbdesk.core.register.terms import names_in


def generation_record(
    spec: FormSpec,
    answers: Answers,
    langs: tuple[str, ...],
    layout: str,
    paths: Iterable[Path],
    *,
    fallback_author: str,
    draft_id: str | None = None,
) -> DocumentRecord:
    """The files as written (they are also an export), the author the document names (else
    ``fallback_author``, the officer profile) and the names the register search needs."""
    answers = migrate(answers, spec)
    interview = Interview(spec, answers)
    reference = interview.computed().get("reference")
    written = list(paths)
    return DocumentRecord(
        reference=reference if isinstance(reference, str) else "",
        form=spec.id,
        form_version=spec.version,
        langs=tuple(langs),
        layout=layout,
        fingerprint=fingerprint(answers),
        author=answered_author(spec, interview, langs[0]) or fallback_author,
        files={path.suffix.lstrip("."): path.read_bytes() for path in written},
        exported_to=tuple(str(path.resolve()) for path in written),
        person_names=tuple(names_in(answers.answers)),
        draft_id=draft_id,
        answers=answers,
    )
