"""Translators for the GUI (QtCore only): install every ``*_<lang>.qm`` and switch at run time.

Each area owner keeps ``resources/translations/<prefix>_da.ts`` (the top-level source
folder); ``scripts/build_resources.py`` compiles them into the package's ``translations/``
folder, and all of them are loaded together, so pages only ever call ``tr()``. English is the
source language: switching to English removes the Danish translators and installs the
``*_en.qm`` files, which hold only the English plural forms ("1 visit", "3 visits").
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from clinic_app.config import resources_dir

LANGUAGES = ("en", "da")


def translations_dir() -> Path:
    return resources_dir() / "translations"


class Translations:
    """The translators installed on the application; ``switch(lang)`` changes language live.

    Installing or removing translators makes Qt send ``QEvent.LanguageChange`` to every
    widget, which is how open windows retranslate.
    """

    def __init__(self, app: QCoreApplication, folder: Path | None = None) -> None:
        self._app = app
        self._folder = folder or translations_dir()
        self._installed: list[QTranslator] = []
        self.language = "en"

    def files_for(self, lang: str) -> list[Path]:
        """The project's compiled translation files for ``lang``, sorted by name."""
        return sorted(self._folder.glob(f"*_{lang}.qm"))

    def remove(self) -> None:
        """Uninstall this object's translators (the source texts show, unpluralised)."""
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()

    def switch(self, lang: str) -> list[str]:
        """Install translators for ``lang`` ("en" or "da"); returns the files that loaded."""
        if lang not in LANGUAGES:
            raise ValueError(f"unsupported language: {lang}")
        self.remove()
        loaded: list[str] = []
        # Qt's own strings (standard buttons, context menus) when the installation has them.
        qt_base = QTranslator(self._app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if lang != "en" and qt_base.load(f"qtbase_{lang}", qt_dir):
            self._app.installTranslator(qt_base)
            self._installed.append(qt_base)
        for path in self.files_for(lang):
            translator = QTranslator(self._app)
            if translator.load(str(path)):
                self._app.installTranslator(translator)
                self._installed.append(translator)
                loaded.append(path.name)
        QLocale.setDefault(
            QLocale(
                QLocale.Language.Danish if lang == "da" else QLocale.Language.English,
                QLocale.Country.Denmark,
            )
        )
        self.language = lang
        return loaded
