"""Import of a generated 200-page PDF against bare text extraction of the same file, in one run.

    python bench/import.py [--pages 200]

The PDF holds law-like filler written for this bench (French and Arabic, one article heading every
few paragraphs). Prints both medians and their ratio; the difference is splitting, language
detection, line repair and storage.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import arabic_reshaper
from bidi.algorithm import get_display
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from thbdesk.core.fonts import BUNDLED_FONTS
from thbdesk.core.legal.library import Library
from thbdesk.core.legal.loader import bundled_corpus

FRENCH = "Le présent texte de démonstration décrit une règle fictive utilisée pour mesurer la vitesse."
ARABIC = "يصف هذا النص التجريبي قاعدة متخيلة تستعمل لقياس سرعة الاستيراد فقط."


def make_pdf(path: Path, pages: int) -> None:
    amiri = next(f for f in BUNDLED_FONTS if f.family == "Amiri" and f.style == "Regular")
    pdfmetrics.registerFont(TTFont("Amiri", str(amiri.path)))
    pdf = canvas.Canvas(str(path), pagesize=A4)
    article = 0
    for page in range(pages):
        y = 800
        for line in range(38):
            if line % 6 == 0:
                article += 1
                text = (
                    f"Article {article}"
                    if page % 2 == 0
                    else get_display(arabic_reshaper.reshape(f"المادة {article}"))
                )
            else:
                text = FRENCH if page % 2 == 0 else get_display(arabic_reshaper.reshape(ARABIC))
            pdf.setFont("Amiri", 11)
            if page % 2 == 0:
                pdf.drawString(50, y, text)
            else:
                pdf.drawRightString(545, y, text)
            y -= 20
        pdf.showPage()
    pdf.save()


def bare_extract(path: Path) -> int:
    return sum(len(page.extract_text() or "") for page in PdfReader(str(path)).pages)


def thbdesk_import(path: Path) -> int:
    library = Library(bundled_corpus(), root=Path(tempfile.mkdtemp(prefix="thb-bench-lib-")))
    return library.import_file(path, instrument="bench-1").text.article_count


def timed(func, path: Path, runs: int) -> tuple[float, int]:
    times, result = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        result = func(path)
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("THBDESK_HOME", tempfile.mkdtemp(prefix="thb-bench-"))
    path = Path(tempfile.mkdtemp()) / "bench-law.pdf"
    make_pdf(path, args.pages)
    size_mb = path.stat().st_size / 1e6
    bare, chars = timed(bare_extract, path, args.runs)
    full, articles = timed(thbdesk_import, path, args.runs)
    print(f"generated PDF       : {args.pages} pages, {size_mb:.1f} MB, {chars} characters")
    print(f"bare pypdf extract  : median {bare * 1000:8.0f} ms over {args.runs} runs")
    print(f"thbdesk import      : median {full * 1000:8.0f} ms over {args.runs} runs ({articles} articles)")
    print(f"ratio import/extract: {full / bare:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
