"""Countries are ISO 3166 codes only, languages include the field languages, names in ar/fr/en."""

from __future__ import annotations

import pytest

from thbdesk.core.forms import catalogs


def test_countries_are_two_letter_codes_without_regions_or_groupings() -> None:
    codes = set(catalogs.countries())
    assert {"MA", "NG", "SN", "ES", "FR", "CI", "CD", "XK"} <= codes
    assert not codes & {"ZZ", "EU", "EZ", "UN", "QO", "001", "150", "419", "XA", "EA", "IC"}
    assert all(len(c) == 2 and c.isalpha() and c.isupper() for c in codes)
    assert 240 <= len(codes) <= 260


@pytest.mark.parametrize(
    ("code", "lang", "name"),
    [("MA", "ar", "المغرب"), ("MA", "fr", "Maroc"), ("NG", "en", "Nigeria"), ("CI", "fr", "Côte d’Ivoire")],
)
def test_country_names_in_each_language(code: str, lang: str, name: str) -> None:
    assert catalogs.country_name(code, lang) == name


@pytest.mark.parametrize(
    ("code", "names"),
    [
        ("ff", ("الفولانية", "peul", "Fula")),
        ("tzm", ("الأمازيغية وسط الأطلس", "amazighe de l’Atlas central", "Central Atlas Tamazight")),
        (
            "zgh",
            ("التمازيغية المغربية القياسية", "amazighe standard marocain", "Standard Moroccan Tamazight"),
        ),
        ("ber", ("الأمازيغية", "berbère (amazighe)", "Berber (Amazigh)")),
        ("rif", ("تاريفيت (الريفية)", "rifain", "Riffian")),
        ("yo", ("اليوروبا", "yoruba", "Yoruba")),
    ],
)
def test_field_languages_have_names_in_three_languages(code: str, names: tuple[str, str, str]) -> None:
    assert tuple(catalogs.language_name(code, lang) for lang in ("ar", "fr", "en")) == names


def test_languages_leave_out_regional_variants_and_unknown_codes_have_no_name() -> None:
    assert "en_GB" not in catalogs.languages() and "en" in catalogs.languages()
    assert catalogs.language_name("xx-not", "en") is None
    assert catalogs.country_name("ZZ", "fr") is None
    assert catalogs.country_name(None, "fr") is None


def test_pickers_sort_by_the_name_in_the_reader_s_language() -> None:
    french = [e.code for e in catalogs.sorted_entries(catalogs.countries(), "fr")]
    assert french.index("EG") < french.index("ER") < french.index("ES")  # Égypte, Érythrée, Espagne
    arabic = [e.name("ar") for e in catalogs.sorted_entries(catalogs.countries(), "ar")]
    assert arabic.index("المغرب") > arabic.index("بلجيكا")  # read under م, not under ا
