"""Translation markers usable in module-level data (QtCore only)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Mark ``source`` for Qt Linguist under ``context``; translate later with :func:`tr`."""
    del context
    return source


def tr(context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Translate ``source`` in ``context`` with the installed translators."""
    return QCoreApplication.translate(context, source, disambiguation, n)
