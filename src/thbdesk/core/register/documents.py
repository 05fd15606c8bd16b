"""Generated documents in the register: their facts, their files (as BLOBs, so an un-exported
document stays encrypted) and the search terms of their reference and people's names."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import PurePath
from typing import Any, Literal, cast, get_args

from sqlcipher3 import dbapi2 as sqlite

from thbdesk.core.errors import (
    DocumentFormatMissingError,
    DocumentNotFoundError,
    FilterDateError,
    StatusReasonMissingError,
    UnknownStatusError,
)
from thbdesk.core.forms.answers import Answers
from thbdesk.core.forms.drafts import DraftInfo
from thbdesk.core.register import audit, stats
from thbdesk.core.register.terms import index_terms, match_query

DocStatus = Literal["draft", "final", "cancelled"]
STATUSES: tuple[str, ...] = get_args(DocStatus)
_FORMAT = re.compile(r"^[a-z0-9]{1,10}$")


@dataclass(frozen=True)
class DocumentRecord:
    """What generate() produced, to be registered."""

    reference: str
    form: str
    form_version: int
    langs: tuple[str, ...]
    layout: str
    fingerprint: str
    author: str
    files: dict[str, bytes]  # fmt -> bytes ("pdf", "docx")
    exported_to: tuple[str, ...] = ()  # paths written outside the register (an export)
    person_names: tuple[str, ...] = ()  # for the name search only
    draft_id: str | None = None
    # The answers it was generated from, read once for the statistics codes (never stored here);
    # without them the draft's stored answers are used.
    answers: Answers | None = field(default=None, compare=False)


@dataclass(frozen=True)
class DocumentRow:
    """What lists show (no file bytes)."""

    id: int
    reference: str
    form: str
    form_version: int
    langs: tuple[str, ...]
    layout: str
    fingerprint: str
    author: str
    created_at: str
    status: DocStatus
    status_reason: str
    formats: tuple[str, ...]
    exported_to: tuple[str, ...]
    draft_id: str | None


@dataclass(frozen=True)
class DocumentFilter:
    text: str = ""  # a reference or a person's name, Arabic-forgiving, case-insensitive
    form: str | None = None
    status: DocStatus | None = None
    date_from: str | None = None  # ISO dates, inclusive
    date_to: str | None = None
    limit: int = 200


def local_now() -> str:
    """Local time with its offset: a date filter then matches the officer's day."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


def add(conn: sqlite.Connection, record: DocumentRecord) -> int:
    created = local_now()
    codes = stats.codes_from_answers(_answers_for(conn, record), created)
    cursor = conn.execute(
        "INSERT INTO documents (reference, form, form_version, langs, layout, fingerprint, author,"
        " created_at, status, exported_to, draft_id, codes)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?)",
        (
            record.reference,
            record.form,
            record.form_version,
            json.dumps(list(record.langs)),
            record.layout,
            record.fingerprint,
            record.author,
            created,
            json.dumps(list(record.exported_to), ensure_ascii=False),
            record.draft_id,
            json.dumps(codes),
        ),
    )
    doc_id = int(cursor.lastrowid or 0)
    for fmt, data in sorted(record.files.items()):
        conn.execute("INSERT INTO document_files (doc_id, fmt, data) VALUES (?, ?, ?)", (doc_id, fmt, data))
    terms = index_terms([record.reference, *record.person_names])
    conn.execute("INSERT INTO document_terms (rowid, terms) VALUES (?, ?)", (doc_id, terms))
    formats = ",".join(sorted(record.files))
    audit.append(conn, "generate", f"document:{doc_id}", f"form={record.form} formats={formats}")
    if record.exported_to:
        audit.append(conn, "export", f"document:{doc_id}", _export_detail(record.exported_to))
    return doc_id


def _answers_for(conn: sqlite.Connection, record: DocumentRecord) -> Mapping[str, Any]:
    if record.answers is not None:
        return record.answers.answers
    if record.draft_id:
        row = conn.execute("SELECT body FROM drafts WHERE id = ?", (record.draft_id,)).fetchone()
        if row is not None:
            return Answers.from_json(str(row[0]), record.draft_id).answers
    return {}


def _export_detail(paths: tuple[str, ...] | list[str]) -> str:
    """How many files and of which formats: a path may name a person, so it stays out of the log."""
    suffixes = {PurePath(p).suffix.lower().lstrip(".") for p in paths}
    formats = sorted(s for s in suffixes if _FORMAT.match(s))
    return f"files={len(paths)} formats={','.join(formats)}"


_COLUMNS = (
    "d.id, d.reference, d.form, d.form_version, d.langs, d.layout, d.fingerprint, d.author, d.created_at,"
    " d.status, d.status_reason,"
    " (SELECT group_concat(fmt) FROM (SELECT fmt FROM document_files WHERE doc_id = d.id ORDER BY fmt)),"
    " d.exported_to, d.draft_id"
)


def _row(values: tuple[Any, ...]) -> DocumentRow:
    return DocumentRow(
        id=int(values[0]),
        reference=str(values[1]),
        form=str(values[2]),
        form_version=int(values[3]),
        langs=tuple(json.loads(values[4])),
        layout=str(values[5]),
        fingerprint=str(values[6]),
        author=str(values[7]),
        created_at=str(values[8]),
        status=cast(DocStatus, values[9]),
        status_reason=str(values[10]),
        formats=tuple(str(values[11]).split(",")) if values[11] else (),
        exported_to=tuple(json.loads(values[12])),
        draft_id=values[13],
    )


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise FilterDateError(value=value[:40]) from None


def _where(filt: DocumentFilter, time_col: str) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if filt.form is not None:
        clauses.append("d.form = ?")
        params.append(filt.form)
    if filt.date_from:
        clauses.append(f"{time_col} >= ?")
        params.append(_day(filt.date_from).isoformat())
    if filt.date_to:
        clauses.append(f"{time_col} < ?")
        params.append((_day(filt.date_to) + timedelta(days=1)).isoformat())
    return clauses, params


def _select(
    columns: str, table: str, terms: str, filt: DocumentFilter, clauses: list[str]
) -> tuple[str, bool]:
    """Newest first. With a text, the FTS index drives the query in descending rowid order, so a
    name shared by thousands of documents stops after ``limit`` matches instead of sorting them all."""
    query = match_query(filt.text)
    where = " AND ".join(clauses)
    if query is None:
        sql = f"SELECT {columns} FROM {table} d{' WHERE ' + where if where else ''}"
        return sql + " ORDER BY d.rowid DESC LIMIT ?", False
    sql = (
        f"SELECT {columns} FROM {terms} t JOIN {table} d ON d.rowid = t.rowid WHERE {terms} MATCH ?"
        f"{' AND ' + where if where else ''} ORDER BY t.rowid DESC LIMIT ?"
    )
    return sql, True


def find(conn: sqlite.Connection, filt: DocumentFilter) -> list[DocumentRow]:
    clauses, params = _where(filt, "d.created_at")
    if filt.status is not None:
        check_status(filt.status)
        clauses.append("d.status = ?")
        params.append(filt.status)
    sql, with_text = _select(_COLUMNS, "documents", "document_terms", filt, clauses)
    head = [match_query(filt.text)] if with_text else []
    return [_row(r) for r in conn.execute(sql, (*head, *params, max(filt.limit, 0)))]


def find_drafts(conn: sqlite.Connection, filt: DocumentFilter) -> list[DraftInfo]:
    """Drafts are ordered by their last save, newest first."""
    if filt.status not in (None, "draft"):
        return []
    clauses, params = _where(filt, "d.saved_at")
    sql, with_text = _select(
        "d.id, d.form, d.form_version, d.saved_at", "drafts", "draft_terms", filt, clauses
    )
    head = [match_query(filt.text)] if with_text else []
    cursor = conn.execute(sql, (*head, *params, 10**9))
    found = [DraftInfo(str(r[0]), str(r[1]), int(r[2]), str(r[3])) for r in cursor]
    found.sort(key=lambda d: (d.saved_at, d.id), reverse=True)
    return found[: max(filt.limit, 0)]


def file_bytes(conn: sqlite.Connection, doc_id: int, fmt: str) -> bytes:
    _require(conn, doc_id)
    row = conn.execute(
        "SELECT data FROM document_files WHERE doc_id = ? AND fmt = ?", (doc_id, fmt)
    ).fetchone()
    if row is None:
        have = [str(r[0]) for r in conn.execute("SELECT fmt FROM document_files WHERE doc_id = ?", (doc_id,))]
        raise DocumentFormatMissingError(id=doc_id, format=fmt[:20], formats=", ".join(sorted(have)))
    audit.append(conn, "open", f"document:{doc_id}", f"format={fmt}")
    return bytes(row[0])


def _require(conn: sqlite.Connection, doc_id: int) -> None:
    if conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is None:
        raise DocumentNotFoundError(id=doc_id)


def check_status(status: str) -> None:
    if status not in STATUSES:
        raise UnknownStatusError(status=str(status)[:20])


def set_status(conn: sqlite.Connection, doc_id: int, status: str, reason: str) -> None:
    check_status(status)
    if status == "cancelled" and not reason.strip():
        raise StatusReasonMissingError()
    _require(conn, doc_id)
    conn.execute(
        "UPDATE documents SET status = ?, status_reason = ? WHERE id = ?", (status, reason.strip(), doc_id)
    )
    audit.append(conn, "update", f"document:{doc_id}", f"status={status}")


def record_export(conn: sqlite.Connection, doc_id: int, paths: list[str]) -> None:
    _require(conn, doc_id)
    old = json.loads(conn.execute("SELECT exported_to FROM documents WHERE id = ?", (doc_id,)).fetchone()[0])
    merged = [*old, *(p for p in paths if p not in old)]
    conn.execute(
        "UPDATE documents SET exported_to = ? WHERE id = ?", (json.dumps(merged, ensure_ascii=False), doc_id)
    )
    audit.append(conn, "export", f"document:{doc_id}", _export_detail(paths))


def stats_records(conn: sqlite.Connection) -> Iterator[stats.StatsRecord]:
    """One record per case and form: a regenerated document replaces the earlier one, and cancelled
    documents do not count."""
    latest: dict[tuple[str, str], tuple[str, str, str]] = {}
    cursor = conn.execute(
        "SELECT id, form, created_at, codes, draft_id FROM documents WHERE status != 'cancelled' ORDER BY id"
    )
    for doc_id, form, created, codes, draft_id in cursor:
        key = (str(draft_id) if draft_id else f"#{doc_id}", str(form))
        latest[key] = (str(form), str(created), str(codes))
    for form, created, codes in latest.values():
        yield stats.record(form, created, json.loads(codes))
