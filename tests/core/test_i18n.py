import re
from datetime import date
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from thbdesk.core import i18n

SRC = Path(i18n.__file__).resolve().parents[1]
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "Nn_": (1, 2)}
FIELD = re.compile(r"\{[a-z_]+\}")


def source_msgids() -> set[str]:
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(SRC), method_map=[("**.py", "python")], keywords=KEYWORDS
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_every_message_in_the_code_has_a_translation(lang: str) -> None:
    with i18n.catalog_path(lang).open("rb") as handle:
        catalog = read_po(handle)
    missing = sorted(
        msgid
        for msgid in source_msgids()
        if (msg := catalog.get(msgid)) is None
        or not msg.string
        or msg.fuzzy
        or (isinstance(msg.string, tuple) and not all(msg.string))
    )
    assert missing == [], f"{lang}: untranslated: {missing}"


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_translations_keep_every_placeholder(lang: str) -> None:
    with i18n.catalog_path(lang).open("rb") as handle:
        catalog = read_po(handle)
    for message in catalog:
        if message.id and isinstance(message.id, str) and message.string:
            assert sorted(FIELD.findall(message.string)) == sorted(FIELD.findall(message.id)), message.id


def test_ui_language_switch_changes_translations() -> None:
    i18n.set_language("fr")
    french = i18n._("Settings")
    i18n.set_language("ar")
    arabic = i18n._("Settings")
    i18n.set_language("en")
    assert (french, arabic, i18n._("Settings")) == ("Paramètres", "الإعدادات", "Settings")


def test_document_language_is_independent_of_ui_language() -> None:
    i18n.set_language("fr")
    assert i18n.translate("Settings", "ar") == "الإعدادات"


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        i18n.set_language("de")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("ar", "25 غشت 2016"), ("fr", "25 août 2016"), ("en", "August 25, 2016")],
)
def test_long_dates_use_moroccan_month_names(lang: str, expected: str) -> None:
    assert i18n.format_date(date(2016, 8, 25), lang) == expected


def test_arabic_months_are_the_moroccan_forms() -> None:
    months = [i18n.format_date(date(2018, m, 1), "ar").split()[1] for m in (5, 7, 9, 11, 12)]
    assert months == ["ماي", "يوليوز", "شتنبر", "نونبر", "دجنبر"]


def test_numbers_follow_each_locale() -> None:
    assert i18n.format_number(500000, "ar") == "500.000"
    assert i18n.format_number(500000, "fr") == "500\u202f000"
    assert i18n.format_number(500000, "en") == "500,000"


def test_isolate_marks_an_ltr_island() -> None:
    assert i18n.isolate_ltr("448-7") == "\u2066448-7\u2069"
    assert i18n.is_rtl("ar") and not i18n.is_rtl("en")


def test_no_message_hides_inside_an_f_string() -> None:
    """Babel cannot extract ``f"{_('x')}"``: such a message would silently stay untranslated."""
    hidden = re.compile(r"""\{[^{}]*\b(?:_|N_|ngettext)\(\s*["']""")
    offenders = [
        f"{path.name}:{number}"
        for path in SRC.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if re.search(r"""\bf["']""", line) and hidden.search(line)
    ]
    assert offenders == []
