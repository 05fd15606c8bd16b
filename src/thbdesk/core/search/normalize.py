"""Pure text normalisation for legal search: Arabic spelling, Latin accents, elisions, clitics and
article numbers.

Indexing and querying must agree on every rule here, so the Whoosh filters in
:mod:`thbdesk.core.search.analysis` are thin wrappers around these functions, and each function is
total: any ``str`` in, a ``str`` out, never an exception.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Collection

# Harakat (U+064B–U+065F), superscript alef (U+0670), Quranic annotation marks (U+06D6–U+06ED) and the
# tatweel (U+0640) change how a word looks, never which word it is.
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")

_ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
_EASTERN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
_DIGITS = str.maketrans(_ARABIC_INDIC_DIGITS + _EASTERN_DIGITS, "0123456789" * 2)

# People type hamza seats, alef maqsura and taa marbuta inconsistently (and legal texts do too), and
# Persian keyboards give their own yeh and kaf: fold each family onto one letter.
_ARABIC_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        "ی": "ي",
        "ک": "ك",
    }
)

_LATIN_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss"})

# French elided words, longest first so that ``qu'`` wins over a shorter match.
_ELISIONS = ("lorsqu", "puisqu", "jusqu", "quoiqu", "qu", "l", "d", "j", "n", "s", "c", "m", "t")
_APOSTROPHES = "'’ʼ‘"

# The article and its fused forms, longest first; ``لل`` is ل + ال with the alef dropped in writing.
_ARTICLES = ("وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال")
_PROCLITICS = frozenset("وفبكل")

# The singular, dual and plural of both words: "الفصلين 1-448 و2-448" lists two articles.
_ARTICLE_KEYWORDS_AR = frozenset({"فصل", "فصلين", "فصلان", "فصول", "ماده", "مادتين", "مادتان", "مواد"})
_ARTICLE_KEYWORDS_LATIN = frozenset({"art", "article"})
# Hyphen, dot and the dashes a word processor substitutes; the tokenizer joins on the same set.
_NUMBER_SEPARATOR = re.compile("[-.\u2010-\u2013\u2212]")
_ARTICLE_REFERENCE = re.compile(
    r"(?:(?P<keyword>[^\W\d_]+)\.?\s*)?"
    r"(?:(?:n[°o]|رقم)\.?\s*)?"
    r"(?P<number>\d+(?:[-.\u2010-\u2013\u2212]\d+)*)"
    r"[.,;:]?"
)


def normalize_arabic(text: str) -> str:
    """Fold the spelling variants of Arabic onto one form, and every digit onto 0-9.

    NFKC comes first so that presentation forms (``ﻻ``) become plain letters before the letter
    rules see them, and again last because deleting marks can leave neighbours that compose.

    >>> normalize_arabic("الأَطْفَال")
    'الاطفال'
    >>> normalize_arabic("الاتـــجار")
    'الاتجار'
    >>> [normalize_arabic(w) for w in ["إلى", "آخر", "ٱلله", "مسؤول", "جرائم", "ضحية"]]
    ['الي', 'اخر', 'الله', 'مسوول', 'جرايم', 'ضحيه']
    >>> normalize_arabic("الفصل ٧-٤٤٨ و۱۲")
    'الفصل 7-448 و12'
    >>> normalize_arabic("کتابی")
    'كتابي'
    """
    text = unicodedata.normalize("NFKC", text)
    text = _ARABIC_MARKS.sub("", text)
    text = text.translate(_ARABIC_LETTERS).translate(_DIGITS)
    return unicodedata.normalize("NFKC", text)


def fold_latin(text: str) -> str:
    """Lower-case and strip accents, so ``Dénonciation`` and ``denonciation`` meet.

    NFKD rather than plain NFD, so that ligatures such as ``ﬁ`` and full-width letters fold too.

    >>> fold_latin("Non-Dénonciation")
    'non-denonciation'
    >>> [fold_latin(w) for w in ["Œuvre", "Cæsar", "Straße", "ÉTÉ", "ﬁlière"]]
    ['oeuvre', 'caesar', 'strasse', 'ete', 'filiere']
    """
    text = _drop_combining(unicodedata.normalize("NFKD", text)).casefold()
    text = _drop_combining(unicodedata.normalize("NFKD", text))
    return text.translate(_LATIN_LIGATURES)


def _drop_combining(text: str) -> str:
    return "".join(char for char in text if not unicodedata.combining(char))


def strip_elision(token: str) -> str:
    """Drop a French elided article or pronoun: ``l'exploitation`` is indexed as ``exploitation``.

    Only one elision is removed and never the whole token, so a lone ``l'`` survives untouched.

    >>> [strip_elision(w) for w in ["l'exploitation", "d’organes", "Qu'il", "jusqu'à", "l'", "aujourd'hui"]]
    ['exploitation', 'organes', 'il', 'à', "l'", "aujourd'hui"]
    """
    head, apostrophe, rest = _split_at_apostrophe(token)
    if apostrophe and rest and head.casefold() in _ELISIONS:
        return rest
    return token


def _split_at_apostrophe(token: str) -> tuple[str, str, str]:
    for index, char in enumerate(token):
        if char in _APOSTROPHES:
            return token[:index], char, token[index + 1 :]
    return token, "", ""


def _protected_words() -> frozenset[str]:
    """Words of this domain that begin like a clitic but are not one (``وثيقة`` is not و + ثيقة)."""
    words = """
        وثيقة وثائق وزارة وزير وطني وطنية وسيلة وسائل وضعية وقائع وكيل وكالة ولاية والي وصول وجود
        واقع وقاية وسيط وسطاء بلد بلدان بيان بيانات بطاقة بشر بشرية بحري بلاغ بالغ بالغين بالغون
        فصل فصول فئة فئات فرار فقدان فتاة فتيات فرقة فاعل فاعلين كرامة كفالة كتابة كامل كافة لجنة
        لجان لاجئ لاجئين لاجئون لجوء لغة لباس لائحة لوائح التزام التزامات التماس
    """
    return frozenset(normalize_arabic(word) for word in words.split())


PROTECTED_WORDS = _protected_words()


def strip_arabic_clitics(token: str, keep: Collection[str] = PROTECTED_WORDS) -> str:
    """Remove one proclitic layer from a normalised Arabic word: the article with its fused
    prepositions (``ال لل وال بال كال فال``), or else one of ``و ف ب ك ل``.

    Conservative on purpose. The article needs two letters left; a single proclitic needs three, because
    many words merely begin with those letters (``بلد``, ``فصل``, ``ولد``). Only one layer is removed:
    peeling ``و`` then ``ب`` from ``وبلدان`` would leave ``لدان``. Over-stripping is symmetric (the query
    is stripped like the index, so ``وثيقه`` would still find itself), but it conflates unrelated words
    and breaks ``X`` = ``و`` + ``X``; ``keep`` lists the domain's words that begin with a proclitic
    letter so they are left whole.

    >>> [strip_arabic_clitics(w) for w in ["الاطفال", "للضحايا", "والضحايا", "بالبشر", "بعدم"]]
    ['اطفال', 'ضحايا', 'ضحايا', 'بشر', 'عدم']
    >>> [strip_arabic_clitics(w) for w in ["بلد", "فصل", "ولد", "الم", "وثيقه", "بلاغ", "الوثيقه"]]
    ['بلد', 'فصل', 'ولد', 'الم', 'وثيقه', 'بلاغ', 'وثيقه']
    """
    if token in keep:
        return token
    for article in _ARTICLES:
        if token.startswith(article) and len(token) - len(article) >= 2:
            return token[len(article) :]
    if token[:1] in _PROCLITICS and len(token) >= 4:
        return token[1:]
    return token


def canonical_article_number(number: str, *, arabic_order: bool = False) -> str | None:
    """``448.7`` → ``448-7``; with ``arabic_order``, the sub-number written first is moved last.

    Arabic writes Penal Code sub-numbers first (``الفصل 7-448``). The parts are reversed only when the
    first is smaller than the last, so an Arabic text that already uses the Latin order is kept.
    Returns ``None`` when ``number`` is not digits joined by ``-`` or ``.``.

    >>> canonical_article_number("448.7"), canonical_article_number("٧-٤٤٨", arabic_order=True)
    ('448-7', '448-7')
    >>> canonical_article_number("1-5-82", arabic_order=True), canonical_article_number("7-448")
    ('82-5-1', '7-448')
    >>> canonical_article_number("448-a") is None
    True
    """
    if not number[:1].isdigit():
        return None
    parts = _NUMBER_SEPARATOR.split(number.translate(_DIGITS))
    if not all(part.isascii() and part.isdigit() for part in parts):
        return None
    if arabic_order and len(parts) > 1 and _value(parts[0]) < _value(parts[-1]):
        parts.reverse()
    return "-".join(parts)


def _value(digits: str) -> tuple[int, str]:
    """Orders digit strings by value without ``int()``, which refuses a pasted run of 5,000 digits."""
    significant = digits.lstrip("0")
    return len(significant), significant


def normalize_article_number(query_fragment: str) -> str | None:
    """The canonical Latin number of an article reference, or ``None`` if the fragment is not one.

    A keyword (``art.``, ``article``, ``الفصل``, ``المادة``) or a separator is needed: a bare ``52``
    could as well be a year or an amount. Arabic references (Arabic keyword or Arabic-Indic digits)
    put the sub-number first, so their parts are reversed when the first is the smaller; Latin-script
    references keep the order as typed.

    >>> [normalize_article_number(q) for q in ["448-7", "448.7", "art. 448-7", "Article 448-7", "Art 448.7"]]
    ['448-7', '448-7', '448-7', '448-7', '448-7']
    >>> [normalize_article_number(q) for q in ["الفصل 7-448", "الفصل 448-7", "الفصل ٧-٤٤٨", "٧-٤٤٨"]]
    ['448-7', '448-7', '448-7', '448-7']
    >>> [normalize_article_number(q) for q in ["المادة 52", "article 52", "art. 82-5-1", "للفصل 1-448"]]
    ['52', '52', '82-5-1', '448-1']
    >>> [normalize_article_number(q) for q in ["52", "traite 448-7", "chapitre 4", ""]]
    [None, None, None, None]
    """
    has_arabic_digits = any(char in _ARABIC_INDIC_DIGITS + _EASTERN_DIGITS for char in query_fragment)
    match = _ARTICLE_REFERENCE.fullmatch(normalize_arabic(query_fragment).strip())
    if match is None:
        return None
    keyword, number = match.group("keyword"), match.group("number")
    if keyword is None and not _NUMBER_SEPARATOR.search(number):
        return None
    arabic_keyword = keyword is not None and is_arabic_article_keyword(keyword)
    if keyword is not None and not arabic_keyword and keyword.casefold() not in _ARTICLE_KEYWORDS_LATIN:
        return None
    return canonical_article_number(number, arabic_order=arabic_keyword or has_arabic_digits)


@functools.lru_cache(maxsize=4096)
def is_arabic_article_keyword(word: str) -> bool:
    """Whether ``word`` names an article in Arabic (``الفصل``, ``للمادة`` …), after normalisation.

    >>> [is_arabic_article_keyword(w) for w in ["الفصل", "بالمادة", "الفصلين", "القانون"]]
    [True, True, True, False]
    """
    return strip_arabic_clitics(normalize_arabic(word)) in _ARTICLE_KEYWORDS_AR
