"""Official publications imported by the user, kept in the user data dir next to their originals.

Layout: ``library.json`` (the manifest) and one folder per text named by the start of its SHA-256,
holding ``original.<ext>`` and ``articles.json``. A text's folder is written under a temporary name
and renamed when complete, and the manifest is replaced atomically, so a failed or cancelled import
leaves the library as it was.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from thbdesk.core.atomic import write_text_atomic
from thbdesk.core.errors import ImportCancelledError, NoArticlesError, UnknownInstrumentError
from thbdesk.core.i18n import _, ngettext
from thbdesk.core.legal.model import Corpus
from thbdesk.core.paths import data_dir

if TYPE_CHECKING:
    from thbdesk.core.legal.splitter import SplitPart

MANIFEST = "library.json"
STEPS = 100  # progress is reported in percent of one file
READ_SHARE = 80  # reading (page by page for a PDF) up to 80 %, then splitting and storing
MANIFEST_VERSION = 1
_INSTRUMENT_ID = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.-]{0,40}$")
# Official numbers as they appear in a publication's title, per bundled instrument.
_MENTIONS = {"27-14": r"27[.\-]14", "02-03": r"0?2[.\-]03", "2-17-740": r"2[.\-]17[.\-]740"}


class ImportProgress(Protocol):
    """What the core needs from whoever shows progress (a dialog, a bar on stderr)."""

    def step(self, done: int, total: int, message: str) -> None: ...

    def cancelled(self) -> bool: ...


@dataclass(frozen=True)
class ImportedArticle:
    number: str | None
    heading: str
    text: str
    lang: str
    context: tuple[str, ...] = ()


@dataclass(frozen=True)
class ImportedText:
    id: str
    sha256: str
    filename: str
    instrument: str
    lang: str
    format: str
    imported_at: str
    article_count: int
    aligned: tuple[str, ...] = ()
    repaired_lines: int = 0

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["aligned"] = list(self.aligned)
        return data


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
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class _Silent:
    def step(self, done: int, total: int, message: str) -> None:
        return None

    def cancelled(self) -> bool:
        return False


class Library:
    def __init__(self, corpus: Corpus, root: Path | None = None) -> None:
        self.corpus = corpus
        self.root = root or data_dir() / "library"
        self.root.mkdir(parents=True, exist_ok=True)

    def texts(self) -> list[ImportedText]:
        path = self.root / MANIFEST
        if not path.exists():
            return []
        data = json.loads(path.read_text(encoding="utf-8"))
        return [ImportedText(**{**t, "aligned": tuple(t["aligned"])}) for t in data.get("texts", [])]

    def articles(self, text_id: str) -> list[ImportedArticle]:
        raw = json.loads((self.root / text_id / "articles.json").read_text(encoding="utf-8"))
        return [ImportedArticle(**{**a, "context": tuple(a["context"])}) for a in raw]

    def official_articles(self, instrument: str, number: str) -> list[tuple[ImportedText, ImportedArticle]]:
        """The imported official wording of one provision, in every imported language."""
        from thbdesk.core.legal.align import mentions, provision_key

        found = []
        key = f"{instrument}:{number}"
        for text in self.texts():
            if mentions(text, instrument, number):
                found += [(text, a) for a in self.articles(text.id) if provision_key(text, a) == key]
        return found

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
        from thbdesk.core.legal.importers import ensure_regular_file, extract_text
        from thbdesk.core.legal.language import detect_language
        from thbdesk.core.legal.splitter import split_publication

        progress = progress or _Silent()
        progress.step(0, STEPS, path.name)
        ensure_regular_file(path)  # before hashing: a FIFO or /dev/zero would block for ever
        digest = sha256_of(path)
        existing = next((t for t in self.texts() if t.sha256 == digest), None)
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
        self._store(path, text, articles)
        progress.step(STEPS, STEPS, path.name)
        warnings = import_warnings(articles, aligned, chosen, known is not None)
        return ImportReport(text, unaligned=unaligned_numbers(numbers, aligned), warnings=warnings)

    def remove(self, text_id: str) -> ImportedText:
        texts = self.texts()
        match = next((t for t in texts if t.id == text_id or t.sha256.startswith(text_id)), None)
        if match is None:
            raise UnknownInstrumentError(instrument=text_id)
        self._write_manifest([t for t in texts if t.id != match.id])
        shutil.rmtree(self.root / match.id, ignore_errors=True)
        return match

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

    def _store(self, source: Path, text: ImportedText, articles: list[ImportedArticle]) -> None:
        staging = Path(tempfile.mkdtemp(prefix=f".{text.id}.", dir=self.root))
        try:
            shutil.copyfile(source, staging / f"original{source.suffix.lower()}")
            payload = [asdict(a) for a in articles]
            write_text_atomic(staging / "articles.json", json.dumps(payload, ensure_ascii=False, indent=1))
            staging.rename(self.root / text.id)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        self._write_manifest([*self.texts(), text])

    def _write_manifest(self, texts: list[ImportedText]) -> None:
        data = {"version": MANIFEST_VERSION, "texts": [t.to_json() for t in texts]}
        write_text_atomic(self.root / MANIFEST, json.dumps(data, ensure_ascii=False, indent=1))
