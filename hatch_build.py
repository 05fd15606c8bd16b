"""Wheel build hook: ship the editable data folders inside the package and compile the catalogues.

Only the standard wheel gets the copies; an editable install reads the folders in the source tree.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from hatchling.builders.hooks.plugin.interface import BuildHookInterface

DATA_FOLDERS = ("legal_texts", "forms", "translations")


class DataFoldersHook(BuildHookInterface):
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if version != "standard":
            return
        root = Path(self.root)
        for name in DATA_FOLDERS:
            build_data["force_include"][str(root / name)] = f"thbdesk/_data/{name}"
        self._compiled = tempfile.TemporaryDirectory()
        for po_path in sorted((root / "translations").glob("*/LC_MESSAGES/*.po")):
            relative = po_path.relative_to(root).with_suffix(".mo")
            target = Path(self._compiled.name) / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            with po_path.open("rb") as source, target.open("wb") as output:
                write_mo(output, read_po(source))
            build_data["force_include"][str(target)] = f"thbdesk/_data/{relative.as_posix()}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        compiled = getattr(self, "_compiled", None)
        if compiled is not None:
            compiled.cleanup()
