"""Documents: registered with their files, found by reference or name, given a status."""

from __future__ import annotations

import pytest

from thbdesk.core.errors import (
    DocumentFormatMissingError,
    DocumentNotFoundError,
    FilterDateError,
    StatusReasonMissingError,
)
from thbdesk.core.register.store import DocumentFilter, Register, StatsRecord

from .conftest import answers, record

NAMES = ("فاطمة الزهراء المرابط", "Fatima-Zahra Mrabet")


def test_a_document_is_listed_with_its_facts_and_its_files(register: Register) -> None:
    doc = register.add_document(record(names=NAMES, exported_to=("/out/TNG2-26-R07.pdf",)))
    [row] = register.documents()
    assert (row.id, row.reference, row.status, row.formats) == (doc, "TNG2-26-R07", "draft", ("docx", "pdf"))
    assert row.exported_to == ("/out/TNG2-26-R07.pdf",)
    assert register.document_file(doc, "pdf") == b"%PDF-1.7 body"
    with pytest.raises(DocumentFormatMissingError):
        register.document_file(doc, "odt")
    with pytest.raises(DocumentNotFoundError):
        register.document_file(doc + 1, "pdf")
    actions = [(r.action, r.target, r.detail) for r in register.audit_rows()]
    assert actions[1:] == [
        ("generate", f"document:{doc}", "form=referral formats=docx,pdf"),
        ("export", f"document:{doc}", "files=1 formats=pdf"),
        ("open", f"document:{doc}", "format=pdf"),
    ]


@pytest.mark.parametrize(
    "query",
    [
        "زهراء",
        "الزهراء",
        "فاطمه",
        "فَاطِمَة",
        "المرابط",
        "fatima",
        "FATIMA-ZAHRA",
        "mrab",
        "tng2-26-r0",
        "TNG2-26-R07",
    ],
)
def test_search_forgives_spelling_and_case(register: Register, query: str) -> None:
    doc = register.add_document(record(names=NAMES))
    register.add_document(record("CMN1-26-R01", names=("Youssef Amrani",)))
    assert [r.id for r in register.documents(DocumentFilter(text=query))] == [doc]


def test_filters_by_form_status_and_dates(register: Register) -> None:
    first = register.add_document(record())
    second = register.add_document(record("CMN1-26-I02", form="incident-report"))
    register.set_status(first, "final", "signed by the prosecutor")
    assert [r.id for r in register.documents(DocumentFilter(form="incident-report"))] == [second]
    [final] = register.documents(DocumentFilter(status="final"))
    assert (final.id, final.status_reason) == (first, "signed by the prosecutor")
    today = final.created_at[:10]
    assert len(register.documents(DocumentFilter(date_from=today, date_to=today))) == 2
    assert register.documents(DocumentFilter(date_to="2000-12-31")) == []
    assert [r.id for r in register.documents(DocumentFilter(limit=1))] == [second]
    with pytest.raises(FilterDateError):
        register.documents(DocumentFilter(date_from="30/11/2026"))


def test_cancelling_needs_a_reason(register: Register) -> None:
    doc = register.add_document(record())
    with pytest.raises(StatusReasonMissingError):
        register.set_status(doc, "cancelled", "  ")
    assert register.documents()[0].status == "draft"
    register.set_status(doc, "cancelled", "wrong person")
    assert register.documents()[0].status == "cancelled"
    assert register.audit_rows()[-1].detail == "status=cancelled"  # the reason may name someone


def test_record_export_adds_paths_once(register: Register) -> None:
    doc = register.add_document(record())
    register.record_export(doc, ["/usb/a.pdf", "/usb/a.docx"])
    register.record_export(doc, ["/usb/a.pdf"])
    register.record_export(doc, ["/usb/أمينة تازي.وثيقة", "/usb/Amina Tazi"])  # odd names stay out of the log
    assert register.audit_rows()[-1].detail == "files=2 formats="
    assert register.documents()[0].exported_to[:2] == ("/usb/a.pdf", "/usb/a.docx")
    assert len(register.documents()[0].exported_to) == 4
    assert register.audit_rows()[-3].detail == "files=2 formats=docx,pdf"


def test_statistics_hold_codes_only_from_the_draft_answers(register: Register) -> None:
    register.drafts().save("referral-1", answers())
    register.add_document(record(draft_id="referral-1", names=NAMES))
    register.add_document(record(draft_id="referral-1", names=NAMES))  # regenerated: one case
    cancelled = register.add_document(record("X-1", answers=answers(person_dob="1950-01-01")))
    register.set_status(cancelled, "cancelled", "duplicate")
    register.add_document(record("X-2", answers=answers(person_dob="1950-01-01", person_sex="<b>")))
    assert sorted(register.stats_records(), key=lambda r: r.age_group) == [
        StatsRecord(
            "2026-11", "referral", "TNG2", "NG", "female", "12-17", ("forced_labour", "sexual_exploitation")
        ),
        StatsRecord(
            "2026-11", "referral", "TNG2", "NG", "unknown", "60+", ("forced_labour", "sexual_exploitation")
        ),
    ]


def test_a_document_without_answers_still_counts_with_unknown_codes(register: Register) -> None:
    register.add_document(record())
    [stat] = register.stats_records()
    assert (stat.form, stat.sex, stat.age_group, stat.exploitation) == ("referral", "unknown", "unknown", ())
    assert len(stat.month) == 7


def test_a_worker_thread_and_the_autosave_share_the_register(register: Register) -> None:
    import threading

    errors: list[BaseException] = []

    def generate() -> None:
        try:
            for i in range(30):
                register.add_document(record(f"W-{i}"))
        except BaseException as exc:  # reported below
            errors.append(exc)

    worker = threading.Thread(target=generate)
    worker.start()
    for i in range(30):
        register.drafts().save(f"referral-{i}", answers())
    worker.join()
    assert errors == []
    assert len(register.documents()) == 30 and len(register.drafts().list()) == 30
    assert register.verify_audit() == []
