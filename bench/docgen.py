"""Time and peak memory to write each form's documents, in the parallel layout, from its example.

    python bench/docgen.py [--repeat 5] [--langs ar,fr,en]

For each form: the median time to render and check the PDF and the DOCX (what ``thbdesk generate``
does before writing), against the issue's targets (trilingual referral PDF <= 0.5 s, DOCX <= 0.3 s)
and against a baseline measured in the same run: reportlab and python-docx writing a one-page
document with the same fonts, the fixed cost any generator pays. When LibreOffice is installed,
also the time ``soffice --headless --convert-to pdf`` takes on the same DOCX, and its ratio to ours.
Peak memory is the process's high-water mark (VmHWM) after each form, in a fresh child process.
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

TARGETS = {"pdf": 0.5, "docx": 0.3}


def median_time(action: Callable[[], object], repeat: int) -> float:
    action()  # warm-up: fonts registered, modules imported, caches filled
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def baseline(repeat: int) -> dict[str, float]:
    import docx
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from thbdesk.core.docgen.fonts import register

    family, _bold = register()

    def one_page_pdf() -> bytes:
        out = io.BytesIO()
        style = ParagraphStyle("b", fontName=family, fontSize=11)
        SimpleDocTemplate(out, pagesize=A4).build([Paragraph("Rapport — report", style)])
        return out.getvalue()

    def one_page_docx() -> bytes:
        out = io.BytesIO()
        document = docx.Document()
        document.add_paragraph("Rapport — report")
        document.save(out)
        return out.getvalue()

    return {"pdf": median_time(one_page_pdf, repeat), "docx": median_time(one_page_docx, repeat)}


def measure_form(form: str, langs: tuple[str, ...], repeat: int) -> dict[str, object]:
    from thbdesk.core.docgen.build import build_document
    from thbdesk.core.docgen.docx_check import check_docx
    from thbdesk.core.docgen.docx_writer import render_docx
    from thbdesk.core.docgen.fonts import check_coverage
    from thbdesk.core.docgen.pdf_check import check_pdf
    from thbdesk.core.docgen.pdf_writer import render_pdf
    from thbdesk.core.forms.answers import read_answers
    from thbdesk.core.forms.loader import bundled_forms
    from thbdesk.core.paths import bundled_dir

    spec = bundled_forms()[form]
    answers = read_answers(bundled_dir("forms") / "examples" / f"{form}.json")

    def pdf() -> bytes:
        document = build_document(spec, answers, langs)
        check_coverage(document)
        data = render_pdf(document, "parallel")
        check_pdf(document, data, "bench.pdf")
        return data

    def docx() -> bytes:
        document = build_document(spec, answers, langs)
        data = render_docx(document, "parallel")
        check_docx(document, data, "bench.docx")
        return data

    figures: dict[str, object] = {"pdf": median_time(pdf, repeat), "docx": median_time(docx, repeat)}
    figures["pages_docx"] = docx()
    figures["peak_mb"] = peak_mb()
    return figures


def peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def soffice_seconds(docx_bytes: bytes) -> float | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "bench.docx"
        source.write_bytes(docx_bytes)
        command = [soffice, "--headless", "--convert-to", "pdf", "--outdir", tmp, str(source)]
        subprocess.run(command, check=True, capture_output=True, timeout=300)  # warm-up (profile creation)
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, timeout=300)
        return time.perf_counter() - start


def child(form: str, langs: str, repeat: int) -> None:
    """Runs in a fresh process so each form's peak memory is its own."""
    figures = measure_form(form, tuple(langs.split(",")), repeat)
    docx_bytes = figures.pop("pages_docx")
    assert isinstance(docx_bytes, bytes)
    figures["soffice"] = soffice_seconds(docx_bytes)
    print(json.dumps(figures))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--langs", default="ar,fr,en")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.langs, args.repeat)
        return
    from thbdesk.core.forms.loader import bundled_forms

    base = baseline(args.repeat)
    print(
        f"baseline (one-page document, same fonts): PDF {base['pdf'] * 1000:.0f} ms, "
        f"DOCX {base['docx'] * 1000:.0f} ms"
    )
    print(f"layout parallel, languages {args.langs}, median of {args.repeat}; render + check after writing")
    for form in bundled_forms():
        command = [
            sys.executable,
            __file__,
            "--child",
            form,
            "--langs",
            args.langs,
            "--repeat",
            str(args.repeat),
        ]
        result = subprocess.run(command, check=True, capture_output=True, text=True)
        figures = json.loads(result.stdout.splitlines()[-1])
        parts = [f"{form:18}"]
        for fmt in ("pdf", "docx"):
            seconds = figures[fmt]
            verdict = "ok" if seconds <= TARGETS[fmt] else "MISSED"
            parts.append(
                f"{fmt.upper()} {seconds * 1000:5.0f} ms ({seconds / base[fmt]:4.1f}x baseline, "
                f"target {TARGETS[fmt] * 1000:.0f} ms: {verdict})"
            )
        parts.append(f"peak {figures['peak_mb']:.0f} MB")
        if figures["soffice"] is not None:
            ratio = figures["soffice"] / figures["pdf"]
            parts.append(f"soffice DOCX->PDF {figures['soffice']:.2f} s ({ratio:.1f}x ours)")
        line = "  ".join(parts)
        print(line)
    if shutil.which("soffice") is None:
        print("LibreOffice (soffice) is not installed: no conversion figure.")


if __name__ == "__main__":
    main()
