"""The bundled fonts, shared by the Qt window and the document renderers.

Noto Sans covers Latin script and punctuation, Noto Naskh Arabic the Arabic script: the window
asks for both families in that order. Amiri covers Arabic, Latin, digits and punctuation in one
font, which the PDF writer needs because reportlab does no per-glyph fallback.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from thbdesk.core.errors import FontError
from thbdesk.core.paths import fonts_dir

UI_FAMILIES = ("Noto Sans", "Noto Naskh Arabic")
DOCUMENT_FAMILY = "Amiri"


@dataclass(frozen=True)
class BundledFont:
    family: str
    style: str  # "Regular" or "Bold"
    filename: str

    @property
    def path(self) -> Path:
        return fonts_dir() / self.filename


BUNDLED_FONTS = (
    BundledFont("Noto Sans", "Regular", "NotoSans-Regular.ttf"),
    BundledFont("Noto Sans", "Bold", "NotoSans-Bold.ttf"),
    BundledFont("Noto Naskh Arabic", "Regular", "NotoNaskhArabic-Regular.ttf"),
    BundledFont("Noto Naskh Arabic", "Bold", "NotoNaskhArabic-Bold.ttf"),
    BundledFont("Amiri", "Regular", "Amiri-Regular.ttf"),
    BundledFont("Amiri", "Bold", "Amiri-Bold.ttf"),
)


def font_bytes(font: BundledFont) -> bytes:
    try:
        data = font.path.read_bytes()
    except OSError as exc:
        raise FontError(details=str(font.path), name=font.filename) from exc
    if data[:4] not in (b"\x00\x01\x00\x00", b"OTTO", b"true"):
        raise FontError(details="not a TrueType/OpenType file", name=font.filename)
    return data


def licence_text() -> str:
    return (fonts_dir() / "OFL.txt").read_text(encoding="utf-8")
