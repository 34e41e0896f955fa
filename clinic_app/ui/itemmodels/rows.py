"""A read-only table model over prepared rows of text (deadlines, events, dashboard items).

Pages turn service dataclasses into :class:`Row` values (translated, formatted text) and hand
them over whole; the model never calls services.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex

URGENT = "urgent"
WARNING = "warning"
MUTED = "muted"

_COLOURS = {URGENT: QColor("#b00020"), WARNING: QColor("#8a5a00"), MUTED: QColor("#6b6b6b")}


@dataclass(frozen=True)
class Row:
    """Cells as display text; ``key`` identifies the row for actions (e.g. (person_id, tab))."""

    cells: tuple[str, ...]
    key: object = None
    tone: str = ""  # "", URGENT, WARNING or MUTED
    struck: bool = False  # e.g. a voided event


class RowsModel(QAbstractTableModel):
    """Rows of text under translated headers (``headers`` are source texts in ``context``)."""

    def __init__(self, context: str, headers: Sequence[str], parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._context = context
        self._headers = tuple(headers)
        self._rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows(())

    def row(self, index: int) -> Row | None:
        return self._rows[index] if 0 <= index < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if not 0 <= col < len(self._headers):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.cells[col] if col < len(row.cells) else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            # Plain text only: Qt shows tooltips as rich text when they look like HTML.
            text = row.cells[col] if col < len(row.cells) else ""
            return text if len(text) > 40 and "<" not in text else None
        if role == Qt.ItemDataRole.ForegroundRole and row.tone in _COLOURS:
            return QBrush(_COLOURS[row.tone])
        if role == Qt.ItemDataRole.FontRole and (row.struck or row.tone == URGENT):
            font = QFont()
            font.setStrikeOut(row.struck)
            font.setBold(row.tone == URGENT)
            return font
        if role == KEY_ROLE:
            return row.key
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return QCoreApplication.translate(self._context, self._headers[section])
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return section + 1
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
