"""Official publications imported by the user, kept in the user data dir with their originals.

Reading, splitting and aligning happen here; storing is ``catalogue.py``'s (SQLite, crash- and
concurrency-safe). A failed or cancelled import leaves the library as it was. Whatever the store
had to repair or cannot open is collected in ``Library.notices`` for the CLI and the GUI to show.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from thbdesk.core.errors import (
    AmbiguousTextIdError,
    FileUnreadableError,
    ImportCancelledError,
    ImportFailedError,
    NoArticlesError,
    NotARegularFileError,
    PathIsFolderError,
    PathNotFoundError,
    TextIdTooShortError,
    ThbError,
    UnknownInstrumentError,
)
from thbdesk.core.i18n import _, ngettext
from thbdesk.core.legal.catalogue import Catalogue
from thbdesk.core.legal.imported import ImportedArticle, ImportedText
from thbdesk.core.legal.model import Corpus
from thbdesk.core.paths import user_dir_path

if TYPE_CHECKING:
    from thbdesk.core.legal.splitter import SplitPart

__all__ = ["STEPS", "ImportReport", "ImportedArticle", "ImportedText", "Library"]

STEPS = 100  # progress is reported in percent of one file
READ_SHARE = 80  # reading (page by page for a PDF) up to 80 %, then splitting and storing
MIN_ID_PREFIX = 4
_INSTRUMENT_ID = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.-]{0,40}$")
# Official numbers as they appear in a publication's title, per bundled instrument.
_MENTIONS = {"27-14": r"27[.\-]14", "02-03": r"0?2[.\-]03", "2-17-740": r"2[.\-]17[.\-]740"}


class ImportProgress(Protocol):
    """What the core needs from whoever shows progress (a dialog, a bar on stderr)."""

    def step(self, done: int, total: int, message: str) -> None: ...

    def cancelled(self) -> bool: ...


@dataclass(frozen=True)
class ImportReport:
    text: ImportedText
    duplicate: bool = False
    unaligned: tuple[str, ...] = field(default_factory=tuple)
    warnings: tuple[str, ...] = ()  # translated; see import_checks.py

    def summary(self) -> str:
        """One line for the user, in the UI language."""
        text = self.text
        if self.duplicate:
            return _("{name}: already in the library ({id}).").format(name=text.filename, id=text.id)
        message = ngettext(
            "{name}: {count} article imported as {instrument} ({lang}), {aligned} matched to summaries.",
            "{name}: {count} articles imported as {instrument} ({lang}), {aligned} matched to summaries.",
            text.article_count,
        )
        return message.format(
            name=text.filename,
            count=text.article_count,
            instrument=text.instrument,
            lang=text.lang,
            aligned=len(text.aligned),
        )


def normalise_instrument(value: str) -> str:
    """``27.14`` and ``27-14`` are the same law.

    >>> normalise_instrument(" 27.14 ")
    '27-14'
    """
    cleaned = value.strip().replace(".", "-")
    if not _INSTRUMENT_ID.match(cleaned):
        raise UnknownInstrumentError(instrument=value)
    return cleaned


def guess_instrument(text: str, numbers: Iterable[str], corpus: Corpus) -> str | None:
    """Penal Code numbers 448-x mean Law 27-14; otherwise an official number named in the text."""
    numbers = list(numbers)
    if numbers and sum(n.startswith("448-") for n in numbers) * 2 >= len(numbers):
        return "27-14"
    head = text[:3000]
    for instrument, pattern in _MENTIONS.items():
        if corpus.instrument(instrument) and re.search(rf"(?<![\d.\-]){pattern}(?![\d.\-])", head):
            return instrument
    return None


def sha256_of(path: Path) -> str:
    import hashlib  # only imports need it; start-up does not

    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError as exc:
        raise _read_error(exc, path) from exc
    return digest.hexdigest()


def check_source(path: Path) -> None:
    """Refuse what is not an ordinary readable file before reading it (``/dev/zero`` never ends)."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        raise _read_error(exc, path) from exc
    if stat.S_ISDIR(mode):
        raise PathIsFolderError(name=str(path))
    if not stat.S_ISREG(mode):
        raise NotARegularFileError(name=str(path))


def _read_error(exc: OSError, path: Path) -> ImportFailedError:
    if isinstance(exc, FileNotFoundError):
        return PathNotFoundError(details=str(exc), name=str(path))
    if isinstance(exc, PermissionError):
        return FileUnreadableError(details=str(exc), name=str(path))
    if isinstance(exc, IsADirectoryError):
        return PathIsFolderError(details=str(exc), name=str(path))
    return ImportFailedError(details=str(exc), name=str(path))


class _Silent:
    def step(self, done: int, total: int, message: str) -> None:
        return None

    def cancelled(self) -> bool:
        return False


class Library:
    def __init__(self, corpus: Corpus, root: Path | None = None) -> None:
        self.corpus = corpus
        self.root = root or user_dir_path("data") / "library"
        self.notices: list[ThbError] = []  # what the store repaired or cannot open, for the user
        self._catalogue = Catalogue(self.root, self.notices, private_parent=root is None)

    def texts(self) -> list[ImportedText]:
        return self._catalogue.texts()

    def articles(self, text_id: str) -> list[ImportedArticle]:
        return self._catalogue.articles(text_id)

    def official_articles(self, instrument: str, number: str) -> list[tuple[ImportedText, ImportedArticle]]:
        """The imported official wording of one provision, in every imported language."""
        return self._catalogue.official(instrument, number)

    def import_file(
        self,
        path: Path,
        *,
        instrument: str | None = None,
        lang: str | None = None,
        progress: ImportProgress | None = None,
    ) -> ImportReport:
        # Extraction and splitting load pypdf, python-docx and large regexes: only when importing.
        from thbdesk.core.legal.align import align, unaligned_numbers
        from thbdesk.core.legal.import_checks import import_warnings
        from thbdesk.core.legal.importers import extract_text
        from thbdesk.core.legal.language import detect_language
        from thbdesk.core.legal.splitter import split_publication

        check_source(path)
        self._catalogue.require()  # before minutes of reading, not after
        progress = progress or _Silent()
        progress.step(0, STEPS, path.name)
        digest = sha256_of(path)
        existing = self._catalogue.text_with_sha(digest)
        if existing is not None:
            progress.step(STEPS, STEPS, path.name)
            return ImportReport(existing, duplicate=True)
        wanted = normalise_instrument(instrument) if instrument else None

        def on_page(done: int, total: int) -> None:  # reading pages is most of the work
            self._check_cancel(progress, READ_SHARE * done // max(total, 1), path)

        extracted = extract_text(path, on_page=on_page)
        self._check_cancel(progress, READ_SHARE, path)
        articles = self._articles(split_publication(extracted.text), path)
        self._check_cancel(progress, READ_SHARE + 10, path)
        numbers = [a.number for a in articles if a.number]
        chosen = wanted or guess_instrument(extracted.text, numbers, self.corpus) or f"doc-{digest[:8]}"
        known = self.corpus.instrument(chosen)
        aligned = align(articles, chosen, self.corpus)
        text = ImportedText(
            id=digest[:16],
            sha256=digest,
            filename=path.name,
            instrument=chosen,
            lang=lang or detect_language(extracted.text),
            format=extracted.format,
            imported_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            article_count=len(articles),
            aligned=aligned,
            repaired_lines=extracted.repaired_lines,
        )
        stored = self._catalogue.add(text, articles, path)
        progress.step(STEPS, STEPS, path.name)
        if stored != text:  # the same file was imported by another window meanwhile
            return ImportReport(stored, duplicate=True)
        warnings = import_warnings(articles, aligned, chosen, known is not None)
        return ImportReport(text, unaligned=unaligned_numbers(numbers, aligned), warnings=warnings)

    def resolve(self, text_id: str) -> ImportedText:
        """The text named by its exact id or an unambiguous prefix of at least 4 characters."""
        if len(text_id) < MIN_ID_PREFIX:
            raise TextIdTooShortError(min=MIN_ID_PREFIX)
        wanted = text_id.lower()
        matches = [t for t in self.texts() if t.id == text_id or t.sha256.startswith(wanted)]
        if not matches:
            raise UnknownInstrumentError(instrument=text_id)
        if len(matches) > 1:
            raise AmbiguousTextIdError(id=text_id, matches=", ".join(t.id for t in matches))
        return matches[0]

    def remove(self, text_id: str) -> ImportedText:
        match = self.resolve(text_id)
        removed = self._catalogue.remove(match.id)
        if removed is None:  # removed by another window meanwhile
            raise UnknownInstrumentError(instrument=text_id)
        return removed

    @staticmethod
    def _articles(parts: list[SplitPart], path: Path) -> list[ImportedArticle]:
        articles = [
            ImportedArticle(p.number, p.heading.strip(), p.text.strip(), p.lang, tuple(p.context))
            for p in parts
            if p.kind == "article"
        ]
        if not articles:
            raise NoArticlesError(name=path.name)
        return articles

    @staticmethod
    def _check_cancel(progress: ImportProgress, done: int, path: Path) -> None:
        if progress.cancelled():
            raise ImportCancelledError()
        progress.step(done, STEPS, path.name)
