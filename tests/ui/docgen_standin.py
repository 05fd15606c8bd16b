"""STAND-IN for core/docgen/service.py until it lands: same contract, trivial documents.

Writes a two-page PDF (reportlab) and a placeholder DOCX per request, refuses existing files
unless asked to replace them, and reports progress per file.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfgen import canvas

from thbdesk.core.errors import OutputExistsError
from thbdesk.ui.documents import service_access


@dataclass(frozen=True)
class GenerateRequest:
    formats: tuple[str, ...] = ("pdf", "docx")
    layout: str = "parallel"
    langs: tuple[str, ...] = ("ar", "fr", "en")
    overwrite: bool = False


def output_paths(spec, answers, out_dir, request):
    stem = f"{spec.id}-{request.layout}-{'-'.join(request.langs)}"
    return [Path(out_dir) / f"{stem}.{fmt}" for fmt in request.formats]


def _pdf() -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for page in (1, 2):
        pdf.drawString(72, 760, f"page {page}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def generate(spec, answers, out_dir, request, progress=None):
    """As the real service: everything rendered first, then written; a raise in progress writes nothing."""
    paths = output_paths(spec, answers, out_dir, request)
    for path in paths:
        if path.exists() and not request.overwrite:
            raise OutputExistsError(path=str(path))
    total = 1 + len(paths)
    if progress:
        progress(0, total)
    contents = []
    for done, path in enumerate(paths, start=1):
        contents.append(_pdf() if path.suffix == ".pdf" else b"PK docx stand-in")
        if progress:
            progress(done, total)
    for path, data in zip(paths, contents, strict=True):
        path.write_bytes(data)
    if progress:
        progress(total, total)
    return paths


def install_standin(monkeypatch):
    monkeypatch.setattr(
        service_access, "make_request", lambda f, lay, langs, o: GenerateRequest(f, lay, langs, o)
    )
    monkeypatch.setattr(service_access, "generate", generate)
    monkeypatch.setattr(service_access, "output_paths", output_paths)
