"""What the library keeps of an imported official publication: its catalogue entry and articles."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class ImportedArticle:
    number: str | None
    heading: str
    text: str
    lang: str
    context: tuple[str, ...] = ()

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ImportedArticle:
        return cls(**{**data, "context": tuple(data.get("context", ()))})


@dataclass(frozen=True)
class ImportedText:
    id: str
    sha256: str
    filename: str
    instrument: str
    lang: str
    format: str
    imported_at: str
    article_count: int
    aligned: tuple[str, ...] = ()
    repaired_lines: int = 0

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["aligned"] = list(self.aligned)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ImportedText:
        return cls(**{**data, "aligned": tuple(data.get("aligned", ()))})
