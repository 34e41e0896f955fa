"""Bundled fonts for the desktop UI, so a clinic PC without them still shows every name."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtGui import QFontDatabase


def register_app_fonts(paths: Iterable[Path]) -> tuple[str, ...]:
    """Add the font files to the application (Qt falls back to them per script); return the
    families registered. A file Qt cannot read is skipped, not fatal."""
    families: list[str] = []
    for path in paths:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return tuple(dict.fromkeys(families))
