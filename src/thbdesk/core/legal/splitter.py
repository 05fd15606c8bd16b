"""Cut an official text into its preamble, grouping headings and articles.

A heading counts only at the start of a line, followed by the end of the line, a dash, colon or
period, or text that is not the rest of a reference ("l'article 5 de la loi" wrapped onto a new
line, "الفصل 2-448 من"). Latin keywords must be capitalised for the same reason. Parts are exact
slices of the input, so joining them gives the input back, whatever the input.

A law that inserts articles into a code quotes them, as the Bulletin officiel prints them: each
paragraph of the inserted text opens with a quotation mark (`« Article 448-1. – …`,
`«الفصل 1-448`). Such a heading counts too, and its part is marked ``quoted``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from thbdesk.core.legal.language import detect_language


@dataclass(frozen=True)
class SplitPart:
    kind: str  # "preamble" | "heading" | "article"
    text: str  # the exact slice of the input
    number: str | None = None  # normalised Latin-digit number, e.g. "448-1", "52", "1"
    heading: str = ""  # the heading line as written
    lang: str = ""
    context: tuple[str, ...] = ()  # enclosing book/part/chapter/section titles at that point
    quoted: bool = False  # inside quotation marks: a provision the text inserts into another


@dataclass(frozen=True)
class _Heading:
    kind: str  # "article", "heading" or "section" (decided once the whole text is known)
    level: int
    number: str | None
    bare: bool  # nothing but the label on the line: its title is on the next line
    quoted: bool = False


_NUMBER = r"\d{1,6}(?:[-.\u2010\u2011\u2013]\d{1,6}){0,3}"
_SEPARATOR = re.compile("[-.\u2010\u2011\u2013]")
_FIRST = re.compile("(?i:premier|première|1er|1ère|1re|unique)")
_END = r"(?![\w'’])"  # a whole token: "Chapitre D" is not the start of "Deuxième"
_LATIN_SUFFIX = r"(?:\s+(?P<suffix>(?i:bis|ter|quater|quinquies|sexies)))?"
_LATIN_ARTICLE = re.compile(
    rf"(?:A(?i:rticle)\s+|A(?i:rt)\.\s*)(?P<num>{_FIRST.pattern}|{_NUMBER}){_END}"
    rf"{_LATIN_SUFFIX}(?P<rest>.*)"
)
_ARABIC_ARTICLE = re.compile(
    rf"(?:الفصل|الماده)\s+(?P<num>{_NUMBER}|ال\w+(?:\s+عشره?)?){_END}"
    r"(?:\s+(?P<suffix>مكرره?))?(?P<rest>.*)"
)
_SINGLE_ARTICLE = re.compile(r"(?:ال)?ماده\s+(?:ال)?فريده(?P<rest>.*)")
_LATIN_LEVELS = {
    "livre": 1, "book": 1, "partie": 2, "part": 2, "titre": 3, "title": 3,
    "chapitre": 4, "chapter": 4, "section": 5, "sous-section": 6, "subsection": 6,
}  # fmt: skip
_ARABIC_LEVELS = {"الكتاب": 1, "القسم": 2, "الجزء": 3, "الباب": 4, "الفرع": 5}
_ORDINAL_WORDS = (
    "premier|première|unique|préliminaire|deuxième|second|seconde|troisième|quatrième|"
    "cinquième|sixième|septième|huitième|neuvième|dixième|preliminary|first|third|fourth|"
    "fifth|sixth|seventh|eighth|ninth|tenth|one|two|three|four|five|six|seven|eight|nine|ten"
)
_LATIN_GROUP = re.compile(
    r"(?P<kw>(?:L(?i:ivre)|B(?i:ook)|P(?i:artie)|P(?i:art)|T(?i:itre)|T(?i:itle)|C(?i:hapitre)"
    r"|C(?i:hapter)|S(?i:ous-section)|S(?i:ubsection)|S(?i:ection)))\s+"
    rf"(?P<num>\d{{1,6}}(?:er|ère|re)|{_NUMBER}|[IVXLCDM]+(?:er|ère|re)?|(?i:{_ORDINAL_WORDS}))"
    rf"{_END}(?P<rest>.*)"
)
_ARABIC_GROUP = re.compile(
    rf"(?P<kw>{'|'.join(_ARABIC_LEVELS)})\s+(?P<num>{_NUMBER}|ال\w+(?:\s+عشره?)?){_END}(?P<rest>.*)"
)
_UNITS = ("اول", "ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع")
_ARABIC_ORDINALS: dict[str, int] = {
    **{f"ال{unit}{ending}": n for n, unit in enumerate(_UNITS, 1) for ending in ("", "ه", "ي")},
    **{f"ال{unit}{end} عشر{tail}": 10 + n for n, unit in enumerate(_UNITS, 1)
       for end in ("", "ه") for tail in ("", "ه")},
    **{f"الحادي{end} عشر{tail}": 11 for end in ("", "ه") for tail in ("", "ه")},
    "العاشر": 10, "العاشره": 10, "العشرون": 20, "العشرين": 20, "التمهيدي": 0,
}  # fmt: skip
# First words after a number that make a line the continuation of a reference, not a heading.
_REFERENCE_TEXT = (
    "de du des et ou à au aux ci-dessus ci-dessous précité précitée précités précitées susvisé "
    "susvisée susvisés susvisées susmentionné alinéa al. paragraphe est sont a ont of and or to "
    "in above below hereof is are shall applies apply من في اعلاه ادناه المشار المنصوص السابق "
    "السالف المذكور المذكوره الي علي و او وما بعده"
)
_REFERENCE_WORDS = frozenset(_REFERENCE_TEXT.split())
_HEADING_PUNCTUATION = "-\u2013\u2014:.)"
_IGNORABLE = re.compile("[\u064b-\u0652\u0670\u0640\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_ARABIC_SPELLING = str.maketrans("أإآٱىة", "اااايه")
_ARTICLE_LEVEL = 99
_OPENING_QUOTES = '«"“„‹»”'
_LEADING_QUOTE = re.compile(f"^[\\s\u00a0]*[{_OPENING_QUOTES}][\\s\u00a0]*")
_CONTENTS_TITLE = 120  # a contents entry may carry the article's title on one short line


def split_articles(text: str) -> list[SplitPart]:
    """The text as a list of parts whose texts, joined, give ``text`` back exactly."""
    found = [(start, _recognise(line)) for start, line in _lines(text)]
    headings = [(start, heading) for start, heading in found if heading is not None]
    headings = _resolve_sections(headings)
    return list(_parts(text, headings, detect_language(text)))


def split_publication(text: str) -> list[SplitPart]:
    r"""``split_articles``, with a contents list placed before the text turned into preamble.

    A contents entry is an article heading with no body (at most a short title line) whose
    number comes again later. Parts still join back to ``text``.

    >>> parts = split_publication("Sommaire\nArticle 1\nArticle 2\nArticle 1\nTexte un.\nArticle 2\nDeux.")
    >>> [(p.kind, p.number) for p in parts]
    [('preamble', None), ('preamble', None), ('preamble', None), ('article', '1'), ('article', '2')]
    """
    parts = split_articles(text)
    last: dict[tuple[str | None, bool], int] = {}
    for index, part in enumerate(parts):
        if part.kind == "article":
            last[(part.number, part.quoted)] = index
    return [
        _as_preamble(part)
        if _is_contents_entry(part, last.get((part.number, part.quoted), -1) > index)
        else part
        for index, part in enumerate(parts)
    ]


def _is_contents_entry(part: SplitPart, comes_again: bool) -> bool:
    return part.kind == "article" and comes_again and _is_heading_only(part)


def _is_heading_only(part: SplitPart) -> bool:
    """No body, or one short title line: a title has no closing punctuation, a sentence has."""
    body = [line.strip() for line in part.text.splitlines()[1:] if line.strip()]
    if not body:
        return True
    title = body[0]
    return len(body) == 1 and len(title) <= _CONTENTS_TITLE and title[-1] not in '.;:!?؟؛»"'


def _as_preamble(part: SplitPart) -> SplitPart:
    return SplitPart("preamble", part.text, lang=part.lang, context=part.context, quoted=part.quoted)


def normalise_number(raw: str, *, arabic: bool = False) -> str:
    """An article number in Latin digits with "-" between its parts.

    Arabic writes the Penal Code's sub-number first (`الفصل 1-448` is article 448-1): in an
    Arabic heading a two-part number whose first part is the smaller is turned around.

    >>> normalise_number("448.1")
    '448-1'
    >>> normalise_number("1-448", arabic=True)
    '448-1'
    >>> normalise_number("١-٤٤٨", arabic=True), normalise_number("448-1", arabic=True)
    ('448-1', '448-1')
    >>> normalise_number("052"), normalise_number("1-448")
    ('52', '1-448')
    """
    parts = [_latin_digits(part) for part in _SEPARATOR.split(raw.strip())]
    if arabic and len(parts) == 2 and _magnitude(parts[0]) < _magnitude(parts[1]):
        parts.reverse()
    return "-".join(parts)


def _latin_digits(digits: str) -> str:
    latin = "".join(str(unicodedata.decimal(char, 0)) for char in digits)
    return latin.lstrip("0") or "0"


def _magnitude(digits: str) -> tuple[int, str]:
    return len(digits), digits


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """Each line's start offset and content, with the splitting rules of str.splitlines."""
    start = 0
    for line in text.splitlines(keepends=True):
        yield start, line.splitlines()[0]
        start += len(line)


def _matchable(line: str) -> str:
    """A copy of the line for matching only: one spelling of each letter, no marks."""
    text = _IGNORABLE.sub("", unicodedata.normalize("NFKC", line))
    return text.translate(_ARABIC_SPELLING).strip()


def is_quoted(line: str) -> bool:
    """Whether a line opens with a quotation mark, as inserted provisions do.

    >>> is_quoted("« Article 448-1. – Texte"), is_quoted('"الفصل 1-448'), is_quoted("Article 2")
    (True, True, False)
    """
    return bool(_LEADING_QUOTE.match(line))


def is_heading_line(line: str) -> bool:
    """Whether the line is an article or grouping heading (quoted or not).

    >>> is_heading_line("Article 448-1"), is_heading_line("Bulletin officiel n° 6501")
    (True, False)
    """
    return _recognise(line) is not None


def is_title_line(line: str) -> bool:
    """A line that stands alone: a grouping heading, or an article heading with no text after it.

    >>> is_title_line("Chapitre II : Des peines"), is_title_line("Article 5. – Le texte")
    (True, False)
    """
    heading = _recognise(line)
    return heading is not None and (heading.kind != "article" or heading.bare)


def _recognise(line: str) -> _Heading | None:
    quoted = is_quoted(line)
    text = _matchable(_LEADING_QUOTE.sub("", line, count=1) if quoted else line)
    if not text:
        return None
    heading = _article(text) or _group(text)
    if heading is None or not quoted:
        return heading
    return _Heading(heading.kind, heading.level, heading.number, heading.bare, quoted=True)


def _article(text: str) -> _Heading | None:
    single = _SINGLE_ARTICLE.fullmatch(text)
    if single and _ends_heading(single["rest"]):
        return _Heading("article", _ARTICLE_LEVEL, "1", _is_bare(single["rest"]))
    for pattern, arabic in ((_LATIN_ARTICLE, False), (_ARABIC_ARTICLE, True)):
        match = pattern.fullmatch(text)
        number = _article_number(match, arabic) if match else None
        if match and number and _ends_heading(match["rest"]):
            return _Heading("article", _ARTICLE_LEVEL, number, _is_bare(match["rest"]))
    return None


def _article_number(match: re.Match[str], arabic: bool) -> str | None:
    raw = match["num"]
    if _FIRST.fullmatch(raw):
        number: str | None = "1"
    elif raw[0].isdecimal():
        number = normalise_number(raw, arabic=arabic)
    else:
        ordinal = _ARABIC_ORDINALS.get(raw)
        number = str(ordinal) if ordinal else None
    if number and match["suffix"]:
        number += "-bis" if arabic else f"-{match['suffix'].lower()}"
    return number


def _group(text: str) -> _Heading | None:
    match = _LATIN_GROUP.fullmatch(text) or _ARABIC_GROUP.fullmatch(text)
    if not match or not _ends_heading(match["rest"]):
        return None
    keyword, raw = match["kw"], match["num"]
    if keyword in _ARABIC_LEVELS:
        if not (raw[0].isdecimal() or raw in _ARABIC_ORDINALS):
            return None
        return _Heading("heading", _ARABIC_LEVELS[keyword], None, _is_bare(match["rest"]))
    level = _LATIN_LEVELS[keyword.lower()]
    kind = "section" if level == 5 and re.fullmatch(_NUMBER, raw) else "heading"
    number = normalise_number(raw) if kind == "section" else None
    return _Heading(kind, level, number, _is_bare(match["rest"]))


def _ends_heading(rest: str) -> bool:
    """End of line, punctuation, or text that does not continue a reference."""
    stripped = rest.lstrip()
    if not stripped or stripped[0] in _HEADING_PUNCTUATION:
        return True
    if not rest[0].isspace():
        return False
    first = stripped.split(maxsplit=1)[0].lower()
    return first not in _REFERENCE_WORDS and not first.startswith(("d'", "d\u2019", "l'", "l\u2019"))


def _is_bare(rest: str) -> bool:
    return not rest.strip(" \t\u00a0" + _HEADING_PUNCTUATION)


def _resolve_sections(headings: list[tuple[int, _Heading]]) -> list[tuple[int, _Heading]]:
    """A "Section N" heading is the article unit only of texts without any article heading."""
    has_articles = any(heading.kind == "article" for _, heading in headings)
    resolved = []
    for start, heading in headings:
        if heading.kind == "section":
            kind = "heading" if has_articles else "article"
            level = heading.level if has_articles else _ARTICLE_LEVEL
            number = None if has_articles else heading.number
            heading = _Heading(kind, level, number, heading.bare, heading.quoted)
        resolved.append((start, heading))
    return resolved


def _parts(text: str, headings: list[tuple[int, _Heading]], lang: str) -> Iterator[SplitPart]:
    first = headings[0][0] if headings else len(text)
    if first:
        yield SplitPart("preamble", text[:first], lang=_part_language(text[:first], lang))
    stack: list[tuple[int, str, bool]] = []
    ends = [start for start, _ in headings[1:]] + [len(text)] if headings else []
    for (start, heading), end in zip(headings, ends, strict=True):
        chunk = text[start:end]
        line = _first_line(chunk).strip()
        if not heading.quoted:  # back in the law's own text: the quoted code's titles end
            stack = [entry for entry in stack if not entry[2]]
        if heading.kind == "heading":
            stack = [entry for entry in stack if entry[0] < heading.level]
        context = tuple(title for _, title, _ in stack)
        language = _part_language(chunk, lang)
        yield SplitPart(heading.kind, chunk, heading.number, line, language, context, heading.quoted)
        if heading.kind == "heading":
            stack.append((heading.level, _title(chunk, line, heading.bare), heading.quoted))


def _first_line(chunk: str) -> str:
    return (chunk.splitlines() or [""])[0]


def _title(chunk: str, line: str, bare: bool) -> str:
    """The heading line, with the title line that follows a bare label ("Chapitre II").

    Quotation marks that open inserted paragraphs are not part of the title.
    """
    following = [_unquoted(text) for text in chunk.splitlines()[1:] if text.strip()]
    if bare and following and len(following[0]) <= 200:
        return f"{_unquoted(line)} \u2014 {following[0]}"
    return _unquoted(line)


def _unquoted(line: str) -> str:
    return _LEADING_QUOTE.sub("", line, count=1).strip()


def _part_language(chunk: str, document_lang: str) -> str:
    """Parts too short to tell French from English (a bare heading) take the document's."""
    return detect_language(chunk, default=document_lang)
