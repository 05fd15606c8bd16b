"""The document tree: what a form's ``output`` section makes of the answers, before any layout.

Every node carries the language of the part it belongs to; every run carries the language its text
is written in (an Arabic name inside the French part keeps ``lang="ar"``). A ``Block`` holds the same
content once per language, with the same shape, so the parallel layout can set them side by side and
the sequential and single layouts can take one language at a time.

Text in the tree never holds a bidi control character: ``Run`` removes them, so an answer cannot
reorder the words around it in an official document. A run is one line: the builder splits lines.

>>> Run("\\u202eabc\\u202c", "fr").text
'abc'
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal

from thbdesk.core.errors import LayoutError

LANGS: tuple[str, ...] = ("ar", "fr", "en")
Layout = Literal["parallel", "sequential", "single"]
LAYOUTS: tuple[Layout, ...] = ("parallel", "sequential", "single")
FORMATS: tuple[str, ...] = ("pdf", "docx")
PLACEHOLDER = "—"  # what an unanswered placeholder prints, in every language

# Embeddings, overrides, isolates, LRM/RLM and the Arabic letter mark: each can move text it does not own.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_STRIP = {ord(char): None for char in BIDI_CONTROLS}


def neutralise_bidi(text: str) -> str:
    """``text`` without bidi controls (answers, and the isolates ``display_value`` adds for the UI)."""
    return text.translate(_STRIP)


def clean_text(text: str) -> str:
    r"""One printable line: no bidi controls, line breaks and tabs as spaces, no other control
    characters, surrogates or non-characters (python-docx refuses them, PDF cannot show them).

    >>> clean_text("a\tb\x00c\u202ed\ud800\uffff")
    'a bcd'
    """
    text = neutralise_bidi(text)
    if text.isprintable():
        return text
    return "".join(_printable_char(char) for char in text)


def _printable_char(char: str) -> str:
    if char in "\t\n\r\v\f\x85\u2028\u2029":
        return " "
    category = unicodedata.category(char)
    if category in ("Cc", "Cs") or (category == "Cn" and (ord(char) & 0xFFFE) == 0xFFFE):
        return ""
    return char


@dataclass(frozen=True)
class Run:
    """A piece of text in one language. ``answer`` marks text that came from the answers: the check
    after writing looks for every such run in the file."""

    text: str
    lang: str
    answer: bool = False
    bold: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", clean_text(self.text))


Inline = tuple[Run, ...]


def plain(runs: Inline) -> str:
    return "".join(run.text for run in runs)


@dataclass(frozen=True)
class Heading:
    lang: str
    runs: Inline
    level: int = 1  # 1 = section title, 2 = sub-heading (a group entry, a sub-part)


@dataclass(frozen=True)
class Paragraph:
    lang: str
    runs: Inline


@dataclass(frozen=True)
class KeyValue:
    """One row of a key–value table; ``value`` holds one inline per printed line (never empty:
    an unanswered value is ``(Run(PLACEHOLDER, lang),)``)."""

    label: Inline
    value: tuple[Inline, ...]


@dataclass(frozen=True)
class KeyValueTable:
    lang: str
    rows: tuple[KeyValue, ...]


@dataclass(frozen=True)
class CheckItem:
    checked: bool
    runs: Inline


@dataclass(frozen=True)
class Checklist:
    lang: str
    items: tuple[CheckItem, ...]


@dataclass(frozen=True)
class Signature:
    """A place to sign: the role ("The officer"), the signer's name when known; the writers add the
    blank lines for the signature and the date."""

    role: Inline
    name: Inline = ()


@dataclass(frozen=True)
class SignatureBlock:
    lang: str
    signatures: tuple[Signature, ...]


Node = Heading | Paragraph | KeyValueTable | Checklist | SignatureBlock


def shape(node: Node) -> tuple[str, int]:
    """What must match across languages for the parallel layout: the kind and the number of rows."""
    if isinstance(node, KeyValueTable):
        return "table", len(node.rows)
    if isinstance(node, Checklist):
        return "checklist", len(node.items)
    if isinstance(node, SignatureBlock):
        return "signatures", len(node.signatures)
    return type(node).__name__.lower(), 1


@dataclass(frozen=True)
class Block:
    """The same content in each language of the document (``nodes[lang]``)."""

    nodes: Mapping[str, Node]


@dataclass(frozen=True)
class Section:
    """A part of the document: one heading and one PDF bookmark per language."""

    id: str
    title: Mapping[str, str]
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class PageHeader:
    """Printed at the top of the first page of each language part (and of the parallel document):
    the kingdom, then the authority, the unit and the reference, one inline per line."""

    lang: str
    lines: tuple[Inline, ...]


@dataclass(frozen=True)
class Footer:
    """What identifies the document on every page; the writers localise it (``labels.footer_text``)."""

    fingerprint: str  # short SHA-256 of the canonical answers
    form_id: str
    form_version: int
    reference: str = ""


@dataclass(frozen=True)
class Metadata:
    title: str
    author: str
    subject: str
    language: str  # BCP 47 of the first language, e.g. "ar-MA"


@dataclass(frozen=True)
class Document:
    form_id: str
    form_version: int
    langs: tuple[str, ...]  # the order the user chose; every Block has a node for each
    title: Mapping[str, str]
    headers: Mapping[str, PageHeader]
    footer: Footer
    sections: tuple[Section, ...]
    metadata: Metadata
    extra: Mapping[str, str] = field(default_factory=dict)

    def nodes(self, lang: str) -> Iterator[Node]:
        for section in self.sections:
            for block in section.blocks:
                yield block.nodes[lang]

    def answer_runs(self, lang: str) -> Iterator[Run]:
        """Every run that came from the answers in the ``lang`` part: what the check looks for."""
        for node in self.nodes(lang):
            for inline in _inlines(node):
                yield from (run for run in inline if run.answer)

    def check_aligned(self) -> None:
        """Each block has every language, with the same shape: the parallel layout depends on it."""
        for section in self.sections:
            for block in section.blocks:
                if set(block.nodes) != set(self.langs):
                    raise ValueError(f"section {section.id}: block languages {sorted(block.nodes)}")
                if len({shape(node) for node in block.nodes.values()}) != 1:
                    raise ValueError(f"section {section.id}: blocks differ in shape across languages")


def _inlines(node: Node) -> Iterator[Inline]:
    if isinstance(node, Heading | Paragraph):
        yield node.runs
    elif isinstance(node, KeyValueTable):
        for row in node.rows:
            yield row.label
            yield from row.value
    elif isinstance(node, Checklist):
        yield from (item.runs for item in node.items)
    elif isinstance(node, SignatureBlock):
        for signature in node.signatures:
            yield signature.role
            yield signature.name


def inlines(node: Node) -> Iterator[Inline]:
    """Every inline of ``node`` in reading order (the writers' checks and tests use it)."""
    return _inlines(node)


def visual_columns(langs: tuple[str, ...]) -> tuple[str, ...]:
    """The parallel columns from left to right: Arabic at the right edge, as on Moroccan bilingual
    forms, the other languages left to right in the order chosen.

    >>> visual_columns(("ar", "fr", "en")), visual_columns(("en", "ar"))
    (('fr', 'en', 'ar'), ('en', 'ar'))
    """
    return tuple(lang for lang in langs if lang != "ar") + (("ar",) if "ar" in langs else ())


def check_layout(layout: str, langs: tuple[str, ...]) -> None:
    """Refuse a layout the languages cannot fill, with a message the user can act on."""
    if layout not in LAYOUTS:
        raise LayoutError(layout=layout, choices=", ".join(LAYOUTS))
    unknown = [lang for lang in langs if lang not in LANGS]
    if unknown or not langs or len(set(langs)) != len(langs):
        raise LayoutError(layout=layout, choices=", ".join(LANGS))
    if layout == "single" and len(langs) != 1:
        raise LayoutError(layout=layout, choices="ar | fr | en")
    if layout == "parallel" and len(langs) < 2:
        raise LayoutError(layout=layout, choices="ar,fr | ar,en | fr,en | ar,fr,en")
