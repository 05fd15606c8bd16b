"""The fixed words of a document, in the document's languages (never the UI's).

The DOCX and PDF writers share them so both files read the same.
"""

from __future__ import annotations

from thbdesk.core.docgen.model import Footer
from thbdesk.core.i18n import N_, format_number, translate

KINGDOM = {"ar": "المملكة المغربية", "fr": "Royaume du Maroc", "en": "Kingdom of Morocco"}

_PAGE = N_("Page {page} of {pages}")
_FOOTER = N_("Form {form} v{version} · fingerprint {fingerprint}")
_WRITTEN_IN = N_("(written in {language})")
_SIGNATURE = N_("Signature")
_DATE = N_("Date")
_NAME = N_("Name")
_CHECKED, _UNCHECKED = "☒", "☐"


def page_label(lang: str, page: int, pages: int) -> str:
    """``Page 2 of 5`` in ``lang``, with the digits ``lang`` uses in print (Latin digits everywhere)."""
    return translate(_PAGE, lang).format(page=format_number(page, lang), pages=format_number(pages, lang))


def footer_text(footer: Footer, lang: str) -> str:
    return translate(_FOOTER, lang).format(
        form=footer.form_id, version=footer.form_version, fingerprint=footer.fingerprint
    )


def written_in(source_lang: str, lang: str) -> str:
    """The mark after free text shown in another language's part: ``(écrit en arabe)``."""
    return translate(_WRITTEN_IN, lang).format(language=language_name(source_lang, lang))


def language_name(code: str, lang: str) -> str:
    from thbdesk.core.forms import catalogs

    return catalogs.language_name(code, lang) or code


def signature_words(lang: str) -> tuple[str, str, str]:
    """Name, signature and date labels of a signature block."""
    return translate(_NAME, lang), translate(_SIGNATURE, lang), translate(_DATE, lang)


def check_mark(checked: bool) -> str:
    """For DOCX (Word falls back to a symbol font); Amiri has no box, so the PDF draws one."""
    return _CHECKED if checked else _UNCHECKED


def page_template(lang: str) -> str:
    """``Page {page} of {pages}`` in ``lang``, for a writer whose page numbers are fields (DOCX)."""
    return translate(_PAGE, lang)
