"""Finding widgets the way a screen reader does: by accessible name."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeVar

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

W = TypeVar("W", bound=QWidget)


def _tree(root: QWidget) -> Iterator[QWidget]:
    yield root
    yield from root.findChildren(QWidget)


def find_all(root: QWidget | None, name: str, kind: type[W] = QWidget) -> list[W]:  # type: ignore[assignment]
    """Every widget under ``root`` (or in any window when None) with this accessible name."""
    roots = [root] if root is not None else QApplication.topLevelWidgets()
    found: list[W] = []
    for r in roots:
        for w in _tree(r):
            if w.accessibleName() == name and isinstance(w, kind) and w not in found:
                found.append(w)
    return found


def find(root: QWidget | None, name: str, kind: type[W] = QWidget) -> W:  # type: ignore[assignment]
    """The one widget called ``name`` (visible ones win when several share it)."""
    found = find_all(root, name, kind)
    visible = [w for w in found if w.isVisible()]
    pick = visible or found
    if not pick:
        raise LookupError(f"no widget with accessible name {name!r}")
    if len(pick) > 1:
        raise LookupError(f"{len(pick)} widgets with accessible name {name!r}")
    return pick[0]


def visible_texts() -> list[str]:
    """Every text a user could read on screen right now: titles, labels, fields, cells."""
    texts: list[str] = []
    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        texts.append(top.windowTitle())
        for w in _tree(top):
            if not w.isVisible():
                continue
            if isinstance(w, (QLabel, QLineEdit)):
                texts.append(w.text())
            elif isinstance(w, QPlainTextEdit):
                texts.append(w.toPlainText())
            elif isinstance(w, QComboBox):
                texts.append(w.currentText())
            elif isinstance(w, QAbstractItemView) and w.model() is not None:
                model = w.model()
                try:
                    columns = model.columnCount(QModelIndex())
                except TypeError:  # list models hide columnCount: one column
                    columns = 1
                for row in range(model.rowCount(QModelIndex())):
                    for col in range(columns):
                        texts.append(str(model.data(model.index(row, col, QModelIndex())) or ""))
    return texts
