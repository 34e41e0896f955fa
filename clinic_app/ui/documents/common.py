"""Read-only tables shared by the documents widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from clinic_app.ui.common import named


def read_only_table(name: str, headers: list[str]) -> QTableWidget:
    """A row-selecting, read-only table with an accessible name."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    named(table, name)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def cell(text: str) -> QTableWidgetItem:
    """A read-only cell; QTableWidgetItem shows its text as plain text."""
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item
