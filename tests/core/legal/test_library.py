"""Importing into the user's library: every format aligns to the bundled provisions, and a failed or
cancelled import leaves the library exactly as it was."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from thbdesk.core.errors import EncryptedPdfError, ImportCancelledError, NeedsOcrError, NoArticlesError
from thbdesk.core.legal.library import Library
from thbdesk.core.legal.loader import bundled_corpus

from .samples import AR_LAW, FR_LAW, make_docx, make_html, make_pdf
from .test_importers import _encrypted_pdf, _rectangle_pdf

AR_ALIGNED = ("1", "2", "448-1", "448-2")  # numbers in the sample; only those 27-14 has align
FR_ALIGNED = ("1", "448-1", "448-2")


def library() -> Library:
    return Library(bundled_corpus())


def expected_alignment(numbers: tuple[str, ...]) -> tuple[str, ...]:
    law = bundled_corpus().instrument("27-14")
    return tuple(n for n in numbers if law.provision(n) is not None)


def files(folder: Path) -> dict[str, tuple[Path, str, tuple[str, ...]]]:
    def put(name: str, data: bytes) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    return {
        "pdf-ar-visual": (
            put("ar-visual.pdf", make_pdf(AR_LAW.splitlines(), stored="visual")),
            "ar",
            AR_ALIGNED,
        ),
        "pdf-ar-logical": (
            put("ar-logical.pdf", make_pdf(AR_LAW.splitlines(), stored="logical")),
            "ar",
            AR_ALIGNED,
        ),
        "pdf-fr": (put("fr.pdf", make_pdf(FR_LAW.splitlines(), stored="visual")), "fr", FR_ALIGNED),
        "docx-ar": (put("ar.docx", make_docx(AR_LAW)), "ar", AR_ALIGNED),
        "docx-fr": (put("fr.docx", make_docx(FR_LAW)), "fr", FR_ALIGNED),
        "html-ar": (put("ar.html", make_html(AR_LAW).encode()), "ar", AR_ALIGNED),
        "txt-ar-cp1256": (put("ar.txt", AR_LAW.encode("cp1256")), "ar", AR_ALIGNED),
        "txt-fr-latin1": (put("fr.txt", FR_LAW.encode("latin-1")), "fr", FR_ALIGNED),
    }


@pytest.mark.parametrize(
    "kind",
    [
        "pdf-ar-visual",
        "pdf-ar-logical",
        "pdf-fr",
        "docx-ar",
        "docx-fr",
        "html-ar",
        "txt-ar-cp1256",
        "txt-fr-latin1",
    ],
)
def test_each_format_imports_into_aligned_articles(tmp_path: Path, kind: str) -> None:
    path, lang, numbers = files(tmp_path)[kind]
    report = library().import_file(path, instrument="27-14")
    assert report.text.lang == lang
    assert report.text.instrument == "27-14"
    assert report.text.aligned == expected_alignment(numbers)
    stored = library().official_articles("27-14", "448-2")
    assert len(stored) == 1 and stored[0][1].lang == lang
    assert (library().root / report.text.id / f"original{path.suffix}").read_bytes() == path.read_bytes()


def test_instrument_is_recognised_from_penal_code_numbers(tmp_path: Path) -> None:
    path, _lang, _numbers = files(tmp_path)["docx-fr"]
    assert library().import_file(path).text.instrument == "27-14"


def test_an_unknown_publication_is_kept_as_its_own_text(tmp_path: Path) -> None:
    path = tmp_path / "circulaire.txt"
    path.write_text("Article premier\nUn texte sans rapport.\nArticle 2\nUn autre.\n", encoding="utf-8")
    report = library().import_file(path)
    assert report.text.instrument.startswith("doc-") and report.text.aligned == ()
    assert report.unaligned == ("1", "2")


def test_reimport_is_a_no_op_and_removal_deletes_everything(tmp_path: Path) -> None:
    path, _lang, _numbers = files(tmp_path)["txt-fr-latin1"]
    first = library().import_file(path, instrument="27.14")
    again = library().import_file(path)
    assert again.duplicate and again.text == first.text
    assert len(library().texts()) == 1
    library().remove(first.text.id)
    assert library().texts() == [] and not (library().root / first.text.id).exists()


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.mark.parametrize(
    ("name", "data", "error"),
    [
        ("protege.pdf", _encrypted_pdf("secret"), EncryptedPdfError),
        ("scan.pdf", _rectangle_pdf(), NeedsOcrError),
        ("sans-articles.txt", "Une note sans aucun intitulé d'article.\n".encode(), NoArticlesError),
    ],
)
def test_a_failed_import_writes_nothing(tmp_path: Path, name: str, data: bytes, error: type) -> None:
    path, _lang, _numbers = files(tmp_path)["txt-fr-latin1"]
    library().import_file(path)
    before = snapshot(library().root)
    bad = tmp_path / name
    bad.write_bytes(data)
    with pytest.raises(error):
        library().import_file(bad)
    assert snapshot(library().root) == before


class CancelAfter:
    def __init__(self, steps: int) -> None:
        self.steps, self.seen = steps, []

    def step(self, done: int, total: int, message: str) -> None:
        self.seen.append((done, total))

    def cancelled(self) -> bool:
        return len(self.seen) >= self.steps


def test_cancel_leaves_the_library_untouched_and_progress_is_reported(tmp_path: Path) -> None:
    path, _lang, _numbers = files(tmp_path)["docx-ar"]
    progress = CancelAfter(steps=2)
    with pytest.raises(ImportCancelledError):
        library().import_file(path, progress=progress)
    assert library().texts() == []
    assert [n for n in os.listdir(library().root) if not n.startswith("catalogue.sqlite3")] == []
    full = CancelAfter(steps=99)
    library().import_file(path, progress=full)
    assert full.seen[0] == (0, 100) and full.seen[-1] == (100, 100)
    assert [done for done, _total in full.seen] == sorted(done for done, _total in full.seen)


def test_a_pdf_reports_progress_page_by_page_and_can_be_cancelled_midway(tmp_path: Path) -> None:
    path = tmp_path / "long.pdf"
    path.write_bytes(make_pdf(FR_LAW.splitlines() * 12, stored="visual", lines_per_page=6))
    progress = CancelAfter(steps=99)
    library().import_file(path, progress=progress)
    reading = [done for done, _total in progress.seen if 0 < done < 80]
    assert len(reading) >= 10, "one step per page while reading"
    library().remove(library().texts()[0].id)
    with pytest.raises(ImportCancelledError):
        library().import_file(path, progress=CancelAfter(steps=5))
    assert library().texts() == []
