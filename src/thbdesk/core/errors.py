"""Typed errors that carry a user-facing message, translated when shown.

The message is an English msgid with ``{named}`` fields; it is translated at display time so a
language switch between raising and showing still gives the user's language.
"""

from __future__ import annotations

import errno
from typing import Any, ClassVar

from thbdesk.core.i18n import N_, current_language, translate
from thbdesk.core.printable import printable


class ThbError(Exception):
    """Base of every error a user may see. Subclasses set ``message``; details are for experts."""

    message: ClassVar[str] = N_("Something went wrong.")
    help_topic: ClassVar[str | None] = None

    def __init__(self, details: str = "", **fields: Any) -> None:
        self.details = details
        self.fields = fields
        super().__init__(self.message.format(**fields) if fields else self.message)

    def user_message(self, lang: str | None = None) -> str:
        text = translate(self.message, lang or current_language())
        return text.format(**self.fields) if self.fields else text

    def terminal_message(self, lang: str | None = None) -> str:
        """The message with names from outside escaped, so a file name cannot drive the terminal."""
        text = translate(self.message, lang or current_language())
        fields = {k: printable(v) if isinstance(v, str) else v for k, v in self.fields.items()}
        return text.format(**fields) if fields else text

    def __str__(self) -> str:
        return self.user_message()


class BadInputError(ThbError):
    """Input a user can fix: the CLI exits with code 2."""

    message = N_("The input is not valid.")


class SettingsCorruptError(ThbError):
    """The settings file could not be read; it was moved aside and defaults are in use."""

    message = N_(
        "Your settings file could not be read. It was kept as {backup} and default settings are in use."
    )


class SettingsUnreadableError(ThbError):
    """The settings file is damaged and could not even be moved aside (a read-only folder)."""

    message = N_("Your settings file {path} could not be read. Default settings are in use.")


class SettingsWriteError(ThbError):
    message = N_("Your settings could not be saved to {path}.")


class UnsupportedLanguageError(BadInputError):
    message = N_("Unknown language {lang}. Use ar, fr or en.")


class FontError(ThbError):
    message = N_("A bundled font is missing or damaged: {name}. Reinstall thbdesk.")


class LegalTextError(BadInputError):
    """A bundled or edited legal-text YAML file is malformed; ``details`` lists every problem."""

    message = N_("The legal text file {name} has {count} problem(s). The first: {first}")


class ImportFailedError(BadInputError):
    """Base of the reasons an official publication cannot be imported; nothing is written."""

    message = N_("{name} could not be imported.")


class EmptyFileError(ImportFailedError):
    message = N_("{name} is empty.")


class FileTooLargeError(ImportFailedError):
    message = N_("{name} is too large ({size_mb} MB). The limit is {limit_mb} MB.")


class UnsupportedFormatError(ImportFailedError):
    message = N_("{name} is not a PDF, DOCX, HTML or text file.")


class CorruptDocumentError(ImportFailedError):
    message = N_("{name} is damaged or is not really a {kind} file.")


class EncryptedPdfError(ImportFailedError):
    message = N_("{name} is a password-protected PDF. Save an unprotected copy and import that.")


class NeedsOcrError(ImportFailedError):
    message = N_("{name} has no text layer (it is a scan). It needs OCR before it can be imported.")


class UnreadableTextError(ImportFailedError):
    message = N_("{name} does not contain readable text in a known encoding.")


class NoArticlesError(ImportFailedError):
    message = N_("No article headings were found in {name}.")


class UnknownInstrumentError(BadInputError):
    message = N_("Unknown text {instrument}. Run 'thbdesk texts' to list the texts.")


class ImportCancelledError(ThbError):
    message = N_("The import was cancelled. Nothing was added to the library.")


class PathNotFoundError(ImportFailedError):
    message = N_("{name} was not found. Check the path.")


class PathIsFolderError(ImportFailedError):
    message = N_("{name} is a folder. Give the path of a file.")


class NotARegularFileError(ImportFailedError):
    """Devices and pipes would be read for ever: refused before opening."""

    message = N_("{name} is not an ordinary file (a device or a pipe) and cannot be imported.")


class FileUnreadableError(ImportFailedError):
    message = N_("{name} cannot be read: permission denied.")


class StorageError(BadInputError):
    """Writing to the user's folders failed for a reason the user can fix; nothing was changed."""

    message = N_("Could not write to {path}.")


class DiskFullError(StorageError):
    message = N_("The disk is full: nothing could be written to {path}. Free some space and try again.")


class ReadOnlyStorageError(StorageError):
    message = N_("{path} is read-only or not writable by you. Nothing was changed.")


_FULL_ERRNOS = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG})
_DENIED_ERRNOS = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})


def storage_error(exc: OSError, path: object) -> StorageError | None:
    """The user-fixable error behind a failed write (full disk, read-only folder), if it is one."""
    if exc.errno in _FULL_ERRNOS:
        return DiskFullError(details=str(exc), path=str(path))
    if exc.errno in _DENIED_ERRNOS:
        return ReadOnlyStorageError(details=str(exc), path=str(path))
    return None


class LibraryBusyError(ThbError):
    message = N_("The library is busy in another thbdesk window. Try again in a moment.")


class LibraryUnavailableError(ThbError):
    """Shown as a notice: the bundled texts stay usable without the user's imported ones."""

    message = N_("Your imported texts cannot be opened ({reason}). The bundled texts are still available.")


class LibraryNewerError(ThbError):
    message = N_(
        "Your imported texts were stored by a newer version of thbdesk. Update thbdesk to use them;"
        " the bundled texts are still available."
    )


class LibraryDamagedNotice(ThbError):
    message = N_(
        "The catalogue of your imported texts was damaged. It was kept as {backup} and rebuilt:"
        " {count} text(s) recovered."
    )


class LibraryRepairedNotice(ThbError):
    message = N_("An interrupted import or removal was cleaned up. Import the file again if it is missing.")


class LibraryMigratedNotice(ThbError):
    message = N_("Your imported texts were moved to the new library format: {count} text(s).")


class TextFilesMissingNotice(ThbError):
    message = N_("The files of {count} imported text(s) were missing; they were taken out of the library.")


class TextIdTooShortError(BadInputError):
    message = N_("Give at least {min} characters of the text's id. Run 'thbdesk texts' to list the ids.")


class AmbiguousTextIdError(BadInputError):
    message = N_("{id} matches several texts ({matches}). Give more characters of the id.")


class LimitOutOfRangeError(BadInputError):
    message = N_("The number of results must be between 1 and {max}.")


class ArchiveTooLargeError(ImportFailedError):
    """A DOCX is a ZIP archive: what it unpacks to is limited, not only its size on disk."""

    message = N_(
        "{name} unpacks to too much content ({size_mb} MB in {parts} parts; the limits are "
        "{limit_mb} MB and {limit_parts} parts). It was refused as unsafe."
    )


class QueryTooLongError(BadInputError):
    """A search longer than any question: refused at once rather than analysed for seconds."""

    message = N_("The search is too long ({length} characters). Search with at most {limit} characters.")


class SearchIndexBusyError(ThbError):
    """Another thbdesk process held the search index longer than the wait allows."""

    message = N_("The search index is being updated by another thbdesk window. Try again in a moment.")


class FormError(BadInputError):
    """A bundled or edited form file is malformed; ``details`` lists every problem as file:line."""

    message = N_("The form file {name} has {count} problem(s). The first: {first}")


class UnknownFormError(BadInputError):
    message = N_("Unknown form {form}. The forms are: {known}.")


class AnswersError(BadInputError):
    """An answers file (JSON) that cannot be read or does not fit its form."""

    message = N_("The answers file {name} cannot be used.")


class AnswersNotFoundError(AnswersError):
    message = N_("The answers file {name} was not found. Check the path.")


class AnswersUnreadableError(AnswersError):
    message = N_("The answers file {name} cannot be read (not a readable file, or not UTF-8 text).")


class AnswersSyntaxError(AnswersError):
    message = N_("The answers file {name} is not valid JSON: the problem is at line {line}, column {column}.")


class AnswersFormatError(AnswersError):
    message = N_(
        "{name} is not a thbdesk answers file: it needs format 1, form, form_version and answers ({where})."
    )


class AnswersWrongFormError(AnswersError):
    message = N_("{name} holds answers for the form {found}, not for {expected}.")


class AnswersNewerError(AnswersError):
    message = N_(
        "{name} was saved with version {found} of the form {form}, newer than this thbdesk's version"
        " {known}. Update thbdesk to open it."
    )


class DraftDamagedNotice(ThbError):
    """A draft file that could not be read was renamed aside; the other drafts are listed."""

    message = N_("A damaged draft could not be read. It was kept as {backup}.")


class QualificationRulesError(BadInputError):
    """The qualification rules file is malformed; ``details`` lists every problem as file:line."""

    message = N_("The qualification rules file {name} has {count} problem(s). The first: {first}")


class QualifyFormError(BadInputError):
    message = N_("The form {form} has no qualification questions. Use one of: {forms}.")


class DraftNotFoundError(BadInputError):
    message = N_("The draft {draft} does not exist (it may have been deleted).")


class DocumentError(BadInputError):
    """Base of the reasons a document cannot be generated; nothing is left half-written."""

    message = N_("The document could not be generated.")


class LayoutError(DocumentError):
    message = N_("The layout {layout} does not fit the languages chosen. Possible: {choices}.")


class GlyphMissingError(DocumentError):
    """A character no bundled font can draw: printing it would silently drop it from the document."""

    message = N_(
        "The character {char} ({codepoint}) in «{where}» cannot be printed with the document font. "
        "Remove or replace it, then generate again."
    )


class OutputExistsError(DocumentError):
    message = N_("{path} already exists. Choose another folder or allow replacing it.")


class OutputWriteError(DocumentError):
    """A write failure that is neither a full disk nor a read-only folder; ``details`` has the reason."""

    message = N_("The document could not be written to {path}.")


class OutputFolderError(DocumentError):
    message = N_("{path} is not a folder. Choose a folder for the documents.")


class UnknownFormatError(DocumentError):
    message = N_("Unknown document format {format}. Use: {formats}.")


class DocumentCheckError(DocumentError):
    """The file was written but reading it back did not find everything: it is not delivered."""

    message = N_(
        "Reading {name} back did not find {count} answer(s), the first in «{where}». "
        "The file was not kept; please report this."
    )


class RegisterError(BadInputError):
    """Base of the register's errors: the register holds personal data, so nothing is guessed."""

    message = N_("The register could not be used.")


class RegisterExistsError(RegisterError):
    message = N_("A register already exists in {folder}. Unlock it with its passphrase.")


class RegisterMissingError(RegisterError):
    message = N_("There is no register yet in {folder}. Run 'thbdesk register init' to create one.")


class WrongPassphraseError(RegisterError):
    """The delay grows with each wrong passphrase and survives a restart (see register.keys)."""

    message = N_("Wrong passphrase. Wait {wait} second(s) before trying again.")


class UnlockTooSoonError(WrongPassphraseError):
    """A try during the wait after a wrong passphrase: refused without checking the passphrase."""

    message = N_("Too many wrong passphrases. Wait {wait} second(s) before trying again.")


class RegisterCorruptError(RegisterError):
    message = N_(
        "The register is damaged and cannot be read. It was kept as {backup}. Restore the latest backup"
        " or create a new register."
    )


class RegisterNewerError(RegisterError):
    message = N_("The register was written by a newer version of thbdesk. Update thbdesk to open it.")


class RegisterLockedError(RegisterError):
    """Closed (locked after an idle time) or held by another thbdesk process for too long."""

    message = N_("The register is locked. Unlock it, or close the other thbdesk window, and try again.")


class PassphraseTooShortError(RegisterError):
    message = N_("The passphrase is too short: use at least {min} characters.")


class DocumentNotFoundError(RegisterError):
    message = N_("The document {id} is not in the register.")


class DocumentFormatMissingError(RegisterError):
    message = N_("The document {id} has no {format} file. It has: {formats}.")


class StatusReasonMissingError(RegisterError):
    message = N_("Give a reason for cancelling the document.")


class UnknownStatusError(RegisterError):
    message = N_("Unknown status {status}. Use draft, final or cancelled.")


class BackupInvalidError(RegisterError):
    """``reason`` is an English msgid too, translated with the message when shown."""

    message = N_("{name} is not a usable register backup: {reason}. Nothing was changed.")

    def user_message(self, lang: str | None = None) -> str:
        lang = lang or current_language()
        reason = translate(str(self.fields.get("reason", "")), lang)
        return translate(self.message, lang).format(**{**self.fields, "reason": reason})

    def terminal_message(self, lang: str | None = None) -> str:
        lang = lang or current_language()
        reason = translate(str(self.fields.get("reason", "")), lang)
        name = printable(str(self.fields.get("name", "")))
        return translate(self.message, lang).format(name=name, reason=reason)


class FilterDateError(RegisterError):
    message = N_("{value} is not a date. Write it as YYYY-MM-DD, for example 2026-11-30.")


# --- passphrases at the command line (issue 10, CLI) -----------------------------------------------


class PassphraseError(BadInputError):
    message = N_("The passphrase could not be read.")


class PassphraseMismatchError(PassphraseError):
    message = N_("The two passphrases are different. Nothing was created.")


class PassphraseFileError(PassphraseError):
    message = N_("The passphrase file {path} cannot be read, or its first line is empty.")


class PassphraseNeededError(PassphraseError):
    message = N_("The register needs its passphrase: type it at the prompt or give --passphrase-file FILE.")
