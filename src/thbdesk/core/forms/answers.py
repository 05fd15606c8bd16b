"""Answers as versioned JSON: what a draft, an example and ``thbdesk validate`` read and write.

Values are kept JSON-shaped (codes, ISO dates, free text as ``{"text", "lang", "translations"}``) so
the same mapping serves the engine, the qualification helper and the file on disk.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from thbdesk.core.atomic import write_text_atomic
from thbdesk.core.errors import (
    AnswersFormatError,
    AnswersNewerError,
    AnswersNotFoundError,
    AnswersSyntaxError,
    AnswersUnreadableError,
    AnswersWrongFormError,
)
from thbdesk.core.forms.model import FormSpec

FORMAT_VERSION = 1
MAX_FILE_BYTES = 20 * 1024 * 1024  # far above any interview; refuses a wrong file before reading it
_LANG_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def guess_lang(text: str, ui_lang: str) -> str:
    """The language free text was typed in: Arabic script means Arabic, anything else the UI language.

    >>> guess_lang("محمد أمين", "fr"), guess_lang("Mohamed Amine", "ar"), guess_lang("١٢", "en")
    ('ar', 'fr', 'ar')
    """
    for char in text:
        if char.isalpha() or char.isdigit():
            if "ARABIC" in unicodedata.name(char, ""):
                return "ar"
            if char.isalpha():
                return ui_lang if ui_lang != "ar" else "fr"
    return ui_lang


@dataclass(frozen=True)
class FreeText:
    """Text as typed, the language it is in, and optionally the same text in other languages."""

    text: str
    lang: str
    translations: dict[str, str] = field(default_factory=dict)

    @classmethod
    def typed(cls, text: str, ui_lang: str) -> FreeText:
        return cls(text, guess_lang(text, ui_lang))

    @classmethod
    def from_value(cls, value: object, ui_lang: str = "fr") -> FreeText | None:
        """From the answers file: a ``{"text", "lang"}`` map, or a plain string (language guessed)."""
        if isinstance(value, str):
            return cls.typed(value, ui_lang)
        if not isinstance(value, Mapping) or not isinstance(value.get("text"), str):
            return None
        lang = value.get("lang")
        extra = value.get("translations")
        translations = (
            {str(k): v for k, v in extra.items() if isinstance(v, str)} if isinstance(extra, Mapping) else {}
        )
        if not isinstance(lang, str) or not _LANG_CODE.match(lang):
            lang = guess_lang(value["text"], ui_lang)
        return cls(value["text"], lang, translations)

    def in_lang(self, lang: str) -> str:
        """The text in ``lang`` when it was given, else as typed."""
        return self.translations.get(lang) or self.text

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"text": self.text, "lang": self.lang}
        if self.translations:
            data["translations"] = dict(self.translations)
        return data


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class Answers:
    form: str
    form_version: int
    answers: dict[str, Any] = field(default_factory=dict)
    saved_at: str = ""
    format: int = FORMAT_VERSION

    @classmethod
    def new(cls, spec: FormSpec) -> Answers:
        return cls(spec.id, spec.version, {}, now_iso())

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "form": self.form,
            "form_version": self.form_version,
            "saved_at": self.saved_at,
            "answers": self.answers,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"

    @classmethod
    def from_json(cls, text: str, name: str = "answers.json") -> Answers:
        """Parse an answers file; ``name`` appears in the errors (never the content)."""
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise AnswersSyntaxError(details=exc.msg, name=name, line=exc.lineno, column=exc.colno) from None
        except RecursionError:
            raise AnswersFormatError(name=name, where="nested too deeply") from None
        return cls.from_dict(data, name)

    @classmethod
    def from_dict(cls, data: object, name: str = "answers.json") -> Answers:
        if not isinstance(data, dict):
            raise AnswersFormatError(name=name, where="top level")
        checks = (
            ("format", data.get("format") == FORMAT_VERSION),
            ("form", isinstance(data.get("form"), str)),
            ("form_version", _whole(data.get("form_version"))),
            ("answers", isinstance(data.get("answers"), dict)),
            ("saved_at", isinstance(data.get("saved_at", ""), str)),
        )
        for key, good in checks:
            if not good:
                raise AnswersFormatError(name=name, where=key)
        return cls(data["form"], data["form_version"], data["answers"], data.get("saved_at", ""))

    def saved_now(self) -> Answers:
        return replace(self, saved_at=now_iso())


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def read_answers(path: Path) -> Answers:
    """Read an answers file, refusing what is not one with a clear message."""
    if not path.exists():
        raise AnswersNotFoundError(name=str(path))
    try:
        if not path.is_file() or path.stat().st_size > MAX_FILE_BYTES:
            raise AnswersUnreadableError(name=str(path))
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise AnswersUnreadableError(details=type(exc).__name__, name=str(path)) from None
    return Answers.from_json(text, path.name)


def write_answers(path: Path, answers: Answers) -> None:
    """Atomic and private (0600): answers hold personal data."""
    write_text_atomic(path, answers.to_json())


def migrate(answers: Answers, spec: FormSpec, name: str = "answers.json") -> Answers:
    """Bring answers saved under an older version of ``spec`` up to its version.

    Each migration, oldest first, renames and drops top-level answers; a rename never overwrites an
    answer already under the new id.
    """
    if answers.form != spec.id:
        raise AnswersWrongFormError(name=name, found=answers.form, expected=spec.id)
    if answers.form_version > spec.version:
        raise AnswersNewerError(name=name, found=answers.form_version, form=spec.id, known=spec.version)
    values = dict(answers.answers)
    for step in spec.migrations:
        if step.from_version < answers.form_version:
            continue
        for old, new in step.rename.items():
            if old in values and new not in values:
                values[new] = values.pop(old)
        for gone in step.drop:
            values.pop(gone, None)
    return replace(answers, form_version=spec.version, answers=values)
