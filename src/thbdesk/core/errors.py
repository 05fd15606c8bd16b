"""Typed errors that carry a user-facing message, translated when shown.

The message is an English msgid with ``{named}`` fields; it is translated at display time so a
language switch between raising and showing still gives the user's language.
"""

from __future__ import annotations

from typing import Any, ClassVar

from thbdesk.core.i18n import N_, current_language, translate


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


class QueryTooLongError(BadInputError):
    """A search longer than any question: refused at once rather than analysed for seconds."""

    message = N_("The search is too long ({length} characters). Search with at most {limit} characters.")


class SearchIndexBusyError(ThbError):
    """Another thbdesk process held the search index longer than the wait allows."""

    message = N_("The search index is being updated by another thbdesk window. Try again in a moment.")
