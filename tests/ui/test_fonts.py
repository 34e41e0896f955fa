"""The desktop UI registers the bundled fonts, so every script shows without system fonts
(the glyph check per script is in the document tests: the same files)."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

from clinic_app.documents.fonts import all_font_files
from clinic_app.ui.fonts import register_app_fonts

WS = QFontDatabase.WritingSystem


def test_bundled_fonts_register_and_have_the_glyphs(qapp) -> None:
    families = register_app_fonts(all_font_files())
    for family, system in (
        ("Noto Sans Thai", WS.Thai),
        ("Noto Sans Ethiopic", WS.Any),
        ("NanumGothic", WS.Korean),
        ("Droid Sans Fallback", WS.SimplifiedChinese),
        ("Droid Sans Fallback", WS.TraditionalChinese),
        ("Noto Sans Arabic", WS.Arabic),
        ("Noto Sans Devanagari", WS.Devanagari),
        ("Noto Sans Bengali", WS.Bengali),
    ):
        assert family in families
        if system is not WS.Any:
            assert system in QFontDatabase.writingSystems(family), family
