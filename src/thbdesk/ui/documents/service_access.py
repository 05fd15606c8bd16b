"""The GUI's only door to the document service (tests stand in for it here).

The service is imported when first used: building a document pulls in reportlab and python-docx,
which the window does not need to open.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from thbdesk.core.forms.answers import Answers
from thbdesk.core.forms.model import FormSpec

Progress = Callable[[int, int], None]


def make_request(formats: tuple[str, ...], layout: str, langs: tuple[str, ...], overwrite: bool) -> Any:
    from thbdesk.core.docgen.service import GenerateRequest

    return GenerateRequest(formats=formats, layout=layout, langs=langs, overwrite=overwrite)


def generate(
    spec: FormSpec, answers: Answers, out_dir: Path, request: Any, progress: Progress | None = None
) -> list[Path]:
    from thbdesk.core.docgen import service

    return service.generate(spec, answers, out_dir, request, progress)


def output_paths(spec: FormSpec, answers: Answers, out_dir: Path, request: Any) -> list[Path]:
    from thbdesk.core.docgen import service

    return service.output_paths(spec, answers, out_dir, request)
