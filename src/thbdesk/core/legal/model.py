"""The legal library's typed model: instruments, provisions and their structured facts."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Status = Literal["verified", "unverified", "missing"]
STATUSES: tuple[str, ...] = ("verified", "unverified", "missing")
KINDS: tuple[str, ...] = ("law", "decree", "plan", "procedure", "indicators", "glossary")
PENALTY_KINDS: tuple[str, ...] = ("reclusion", "imprisonment", "life", "fine")
UNITS: tuple[str, ...] = ("years", "months", "dirhams")
REFERENCE_KINDS: tuple[str, ...] = ("dahir", "bo", "decree", "adoption", "entry-into-force", "other")


@dataclass(frozen=True)
class Tri:
    """One text in Arabic, French and English."""

    ar: str
    fr: str
    en: str

    def get(self, lang: str) -> str:
        value: str = getattr(self, lang)
        return value


@dataclass(frozen=True)
class Penalty:
    kind: str
    status: str
    min: int | None = None
    max: int | None = None
    unit: str | None = None
    condition: Tri | None = None


@dataclass(frozen=True)
class Reference:
    kind: str
    verified: bool
    number: str | None = None
    date: str | None = None
    lang: str | None = None
    note: Tri | None = None


@dataclass(frozen=True)
class Definition:
    term: Tri
    meaning: Tri


@dataclass(frozen=True)
class Provision:
    instrument_id: str
    number: str
    status: str
    label: Tri
    line: int
    heading: Tri | None = None
    summary: Tri | None = None
    group: str | None = None
    topics: tuple[str, ...] = ()
    penalties: tuple[Penalty, ...] = ()
    aggravations: tuple[Tri, ...] = ()
    exemptions: tuple[Tri, ...] = ()
    definitions: tuple[Definition, ...] = ()
    refs: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    placed: bool = True  # False for facts whose article number is not confirmed

    @property
    def key(self) -> str:
        """Corpus-wide identifier, the same syntax as a cross-reference: ``27-14:448-7``."""
        return f"{self.instrument_id}:{self.number}"


@dataclass(frozen=True)
class Instrument:
    id: str
    kind: str
    title: Tri
    short_title: Tri
    provision_label: Tri
    path: Path
    official_numbering: bool = True
    code: str | None = None
    references: tuple[Reference, ...] = ()
    sources: tuple[str, ...] = ()
    provisions: tuple[Provision, ...] = ()
    unplaced: tuple[Provision, ...] = ()

    def provision(self, number: str) -> Provision | None:
        """An article by number, or a fact without a confirmed article by its id."""
        return next((p for p in (*self.provisions, *self.unplaced) if p.number == number), None)


@dataclass(frozen=True)
class Corpus:
    instruments: tuple[Instrument, ...] = field(default_factory=tuple)

    def instrument(self, instrument_id: str) -> Instrument | None:
        return next((i for i in self.instruments if i.id == instrument_id), None)

    def resolve(self, ref: str, from_instrument: str) -> Provision | None:
        """``448-2`` within the citing instrument, or ``02-03:52`` across instruments."""
        instrument_id, _, number = ref.rpartition(":")
        instrument = self.instrument(instrument_id or from_instrument)
        return instrument.provision(number) if instrument else None

    def all_provisions(self) -> tuple[Provision, ...]:
        return tuple(p for i in self.instruments for p in (*i.provisions, *i.unplaced))
