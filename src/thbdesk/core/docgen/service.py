"""Generate a form's documents: the one service the window and ``thbdesk generate`` both call.

Everything is built, rendered and read back in memory first; files are written only when every
format has passed its check, each atomically and never over an existing file unless asked. If
writing one file fails, the files this call already wrote are removed, so nothing is half-delivered.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from thbdesk.core.atomic import write_bytes_atomic, write_new_atomic
from thbdesk.core.docgen.model import FORMATS, Document, Layout, check_layout
from thbdesk.core.errors import (
    OutputExistsError,
    OutputFolderError,
    OutputWriteError,
    UnknownFormatError,
    storage_error,
)
from thbdesk.core.forms.answers import Answers, migrate
from thbdesk.core.forms.engine import Interview
from thbdesk.core.forms.model import FormSpec

Progress = Callable[[int, int], None]
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


@dataclass(frozen=True)
class GenerateRequest:
    formats: tuple[str, ...] = ("pdf", "docx")
    layout: Layout = "parallel"
    langs: tuple[str, ...] = ("ar", "fr", "en")
    overwrite: bool = False

    def check(self) -> None:
        unknown = [fmt for fmt in self.formats if fmt not in FORMATS]
        if unknown or not self.formats or len(set(self.formats)) != len(self.formats):
            raise UnknownFormatError(format=",".join(self.formats), formats=", ".join(FORMATS))
        check_layout(self.layout, self.langs)


def file_stem(spec: FormSpec, answers: Answers, request: GenerateRequest) -> str:
    """``TNG1-2026-0042-referral-parallel-ar-fr-en``: the reference when the answers give one, so the
    files of one case sort together; only safe characters, whatever the answers hold."""
    reference = Interview(spec, answers).computed().get("reference")
    head = _UNSAFE.sub("_", str(reference)).strip("_")[:60] if reference else ""
    parts = (
        [head, spec.id, request.layout, *request.langs] if head else [spec.id, request.layout, *request.langs]
    )
    return "-".join(parts)


def output_paths(spec: FormSpec, answers: Answers, out_dir: Path, request: GenerateRequest) -> list[Path]:
    stem = file_stem(spec, answers, request)
    return [out_dir / f"{stem}.{fmt}" for fmt in request.formats]


def generate(
    spec: FormSpec,
    answers: Answers,
    out_dir: Path,
    request: GenerateRequest,
    progress: Progress | None = None,
) -> list[Path]:
    """Write the documents and return their paths. An exception raised by ``progress`` (a cancel)
    stops the work before anything is written."""
    request.check()
    answers = migrate(answers, spec)
    _check_folder(out_dir)
    paths = output_paths(spec, answers, out_dir, request)
    if not request.overwrite:
        _refuse_existing(paths)
    total = 2 + 2 * len(request.formats)
    step = _Stepper(total, progress)
    document = _build(spec, answers, request)
    step()
    contents = [
        _render(document, request.layout, fmt, path.name, step)
        for fmt, path in zip(request.formats, paths, strict=True)
    ]
    _write_all(paths, contents, request.overwrite)
    step()
    return paths


class _Stepper:
    def __init__(self, total: int, progress: Progress | None) -> None:
        self.done, self.total, self.progress = 0, total, progress
        if progress:
            progress(0, total)

    def __call__(self) -> None:
        self.done += 1
        if self.progress:
            self.progress(self.done, self.total)


def _build(spec: FormSpec, answers: Answers, request: GenerateRequest) -> Document:
    from thbdesk.core.docgen.build import build_document

    document = build_document(spec, answers, request.langs)
    if "pdf" in request.formats:
        from thbdesk.core.docgen.fonts import check_coverage

        check_coverage(document)
    return document


def _render(document: Document, layout: Layout, fmt: str, name: str, step: Callable[[], None]) -> bytes:
    if fmt == "pdf":
        from thbdesk.core.docgen.pdf_check import check_pdf
        from thbdesk.core.docgen.pdf_writer import render_pdf

        data = render_pdf(document, layout)
        step()
        check_pdf(document, data, name)
    else:
        from thbdesk.core.docgen.docx_check import check_docx
        from thbdesk.core.docgen.docx_writer import render_docx

        data = render_docx(document, layout)
        step()
        check_docx(document, data, name)
    step()
    return data


def _refuse_existing(paths: list[Path]) -> None:
    for path in paths:
        if path.exists() or path.is_symlink():
            raise OutputExistsError(path=str(path))


def _write_all(paths: list[Path], contents: list[bytes], overwrite: bool) -> None:
    written: list[Path] = []
    try:
        for path, data in zip(paths, contents, strict=True):
            _write_one(path, data, overwrite)
            written.append(path)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise


def _check_folder(folder: Path) -> None:
    """Refuse a file (or a dead link) where the output folder, or one above it, should be."""
    for parent in (folder, *folder.parents):
        if parent.is_dir():
            return
        if parent.exists() or parent.is_symlink():
            raise OutputFolderError(path=str(parent))


def _write_one(path: Path, data: bytes, overwrite: bool) -> None:
    try:
        if overwrite:
            write_bytes_atomic(path, data)
        else:
            write_new_atomic(path, data)
    except FileExistsError as exc:
        raise OutputExistsError(path=str(path)) from exc
    except (NotADirectoryError, FileNotFoundError) as exc:  # the folder changed under us
        raise OutputFolderError(details=str(exc), path=str(path.parent)) from exc
    except OSError as exc:
        raise storage_error(exc, path.parent) or OutputWriteError(details=str(exc), path=str(path)) from exc
