"""The generation service: every example in every layout gives checked files, written atomically,
never over an existing file unless asked, and nothing half-delivered when a step fails."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from thbdesk.core.docgen import service
from thbdesk.core.docgen.service import GenerateRequest, file_stem, generate, output_paths
from thbdesk.core.errors import (
    DiskFullError,
    LayoutError,
    OutputExistsError,
    OutputFolderError,
    ReadOnlyStorageError,
    UnknownFormatError,
)
from thbdesk.core.forms.answers import Answers, read_answers
from thbdesk.core.forms.loader import bundled_forms
from thbdesk.core.paths import bundled_dir

EXAMPLES = bundled_dir("forms") / "examples"


def _example(form: str) -> Answers:
    return read_answers(EXAMPLES / f"{form}.json")


@pytest.fixture(scope="module")
def referral() -> tuple:
    return bundled_forms()["referral"], _example("referral")


def test_the_referral_gives_a_pdf_and_a_docx_named_after_its_reference(
    tmp_path: Path, referral: tuple
) -> None:
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    spec, answers = referral
    seen: list[tuple[int, int]] = []
    paths = generate(spec, answers, out, GenerateRequest(), progress=lambda d, t: seen.append((d, t)))
    assert [p.name for p in paths] == [
        "TNG2-2026-0017-referral-parallel-ar-fr-en.pdf",
        "TNG2-2026-0017-referral-parallel-ar-fr-en.docx",
    ]
    assert paths[0].read_bytes()[:5] == b"%PDF-" and paths[1].read_bytes()[:2] == b"PK"
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in paths)
    done = [d for d, _ in seen]
    assert done == sorted(done) and seen[-1][0] == seen[-1][1] and seen[0][0] == 0


def test_an_existing_file_is_never_replaced_silently(tmp_path: Path, referral: tuple) -> None:
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    spec, answers = referral
    pdf, docx = output_paths(spec, answers, out, GenerateRequest())
    docx.write_bytes(b"the signed copy")
    with pytest.raises(OutputExistsError) as caught:
        generate(spec, answers, out, GenerateRequest())
    assert str(docx) in caught.value.user_message("en")
    assert docx.read_bytes() == b"the signed copy" and not pdf.exists()
    generate(spec, answers, out, GenerateRequest(overwrite=True))
    assert docx.read_bytes()[:2] == b"PK" and pdf.exists()


def test_a_cancel_during_the_work_writes_nothing(tmp_path: Path, referral: tuple) -> None:
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    spec, answers = referral

    class Cancelled(Exception):
        pass

    def cancel_at_three(done: int, total: int) -> None:
        if done == 3:
            raise Cancelled

    with pytest.raises(Cancelled):
        generate(spec, answers, out, GenerateRequest(), progress=cancel_at_three)
    assert list(out.iterdir()) == []


@pytest.mark.parametrize(
    ("code", "error"), [(errno.ENOSPC, DiskFullError), (errno.EACCES, ReadOnlyStorageError)]
)
def test_when_the_second_file_cannot_be_written_the_first_is_taken_back(
    tmp_path: Path, referral: tuple, monkeypatch: pytest.MonkeyPatch, code: int, error: type
) -> None:
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    spec, answers = referral
    real = service.write_new_atomic

    def fail_on_docx(path: Path, data: bytes) -> None:
        if path.suffix == ".docx":
            raise OSError(code, "injected")
        real(path, data)

    monkeypatch.setattr(service, "write_new_atomic", fail_on_docx)
    with pytest.raises(error):
        generate(spec, answers, out, GenerateRequest())
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("below", ["", "sub/dir"])
def test_an_output_folder_that_is_a_file_gives_a_clear_error(
    tmp_path: Path, referral: tuple, below: str
) -> None:
    spec, answers = referral
    blocker = tmp_path / "out"
    blocker.write_text("not a folder")
    with pytest.raises(OutputFolderError) as caught:
        generate(spec, answers, blocker / below if below else blocker, GenerateRequest(formats=("docx",)))
    assert caught.value.fields["path"] == str(blocker)
    assert blocker.read_text() == "not a folder"


@pytest.mark.parametrize(
    ("request_", "error"),
    [
        (GenerateRequest(formats=("odt",)), UnknownFormatError),
        (GenerateRequest(formats=()), UnknownFormatError),
        (GenerateRequest(layout="single", langs=("ar", "fr")), LayoutError),
        (GenerateRequest(layout="parallel", langs=("fr",)), LayoutError),
        (GenerateRequest(langs=("de",)), LayoutError),
        (GenerateRequest(layout="diagonal"), LayoutError),  # type: ignore[arg-type]
    ],
)
def test_impossible_requests_are_refused_before_any_work(
    tmp_path: Path, referral: tuple, request_: GenerateRequest, error: type
) -> None:
    out = tmp_path / "out"
    out.mkdir(exist_ok=True)
    spec, answers = referral
    with pytest.raises(error):
        generate(spec, answers, out, request_)
    assert list(out.iterdir()) == []


def test_a_hostile_unit_code_cannot_steer_the_file_name(referral: tuple) -> None:
    spec, answers = referral
    values = dict(answers.answers, unit_code={"text": "../../etc/x y", "lang": "fr"})
    hostile = Answers(answers.form, answers.form_version, values)
    stem = file_stem(spec, hostile, GenerateRequest())
    assert "/" not in stem and ".." not in stem and " " not in stem
    assert stem.endswith("-referral-parallel-ar-fr-en")
