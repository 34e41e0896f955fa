"""The persons registry table: a paged model over ``PersonService.search``.

Rows arrive a page at a time: the first page from the search, further pages through
``fetchMore`` as the view scrolls, so 50,000 matches cost no more than the rows shown.
Sorting is done by the database (``sort_requested``), since only it sees every row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from clinic_app.services.common import Page
from clinic_app.services.persons import PersonSummary
from clinic_app.ui.labels import STATUSES, label
from clinic_app.ui.tr import QT_TRANSLATE_NOOP

PAGE_SIZE = 100
PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1

Fetcher = Callable[[int, int], Page[PersonSummary]]
Index = QModelIndex | QPersistentModelIndex


def _yes(value: bool) -> str:
    return QCoreApplication.translate("PersonTableModel", "Yes") if value else ""


def _birth(p: PersonSummary) -> str:
    if p.birth_year is None:
        return ""
    return f"~{p.birth_year}" if p.birth_uncertain else str(p.birth_year)


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # marked QT_TRANSLATE_NOOP("PersonTableModel", ...)
    value: Callable[[PersonSummary], str]
    sort_key: str | None = None  # PersonService.search sort name, None: not sortable


COLUMNS: tuple[Column, ...] = (
    Column(
        "case_ref", QT_TRANSLATE_NOOP("PersonTableModel", "Case"), lambda p: p.case_ref, "case_ref"
    ),
    Column("name", QT_TRANSLATE_NOOP("PersonTableModel", "Name"), lambda p: p.display_name, "name"),
    Column("birth_year", QT_TRANSLATE_NOOP("PersonTableModel", "Born"), _birth, "birth_year"),
    Column(
        "nationality",
        QT_TRANSLATE_NOOP("PersonTableModel", "Nationality"),
        lambda p: p.nationality or "",
        "nationality",
    ),
    Column(
        "status",
        QT_TRANSLATE_NOOP("PersonTableModel", "Status"),
        lambda p: label(STATUSES, p.status),
        "status",
    ),
    Column("minor", QT_TRANSLATE_NOOP("PersonTableModel", "Minor"), lambda p: _yes(p.is_minor)),
    Column("site", QT_TRANSLATE_NOOP("PersonTableModel", "Site"), lambda p: p.site_name or ""),
    Column(
        "contact",
        QT_TRANSLATE_NOOP("PersonTableModel", "Contact person"),
        lambda p: p.contact_person_name or "",
    ),
    Column(
        "archived", QT_TRANSLATE_NOOP("PersonTableModel", "Archived"), lambda p: _yes(p.archived)
    ),
)


class PersonTableModel(QAbstractTableModel):
    """Rows of :class:`PersonSummary`; ``sort_requested(key, descending)`` asks for a
    new query sorted by the database."""

    sort_requested = Signal(str, bool)

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._rows: list[PersonSummary] = []
        self._total = 0
        self._fetch: Fetcher | None = None

    # -- loading ---------------------------------------------------------------------------
    def reset_with(self, first: Page[PersonSummary], fetch: Fetcher | None) -> None:
        """Show ``first`` and fetch further pages with ``fetch(offset, limit)``."""
        self.beginResetModel()
        self._rows = list(first.items)
        self._total = first.total
        self._fetch = fetch
        self.endResetModel()

    def clear(self) -> None:
        """Drop every row (screen lock, switch user)."""
        self.beginResetModel()
        self._rows = []
        self._total = 0
        self._fetch = None
        self.endResetModel()

    @property
    def total(self) -> int:
        return self._total

    def person(self, row: int) -> PersonSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        if parent.isValid() or self._fetch is None:
            return False
        return len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        assert self._fetch is not None
        page = self._fetch(len(self._rows), PAGE_SIZE)
        if not page.items:
            # The result shrank since the first page (someone archived a person).
            self._total = len(self._rows)
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(page.items) - 1)
        self._rows.extend(page.items)
        self.endInsertRows()

    # -- Qt model interface ----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(COLUMNS):
            return None
        person = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return COLUMNS[index.column()].value(person)
        if role == PERSON_ID_ROLE:
            return person.id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return QCoreApplication.translate("PersonTableModel", COLUMNS[section].title)
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return section + 1
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS) and COLUMNS[column].sort_key:
            self.sort_requested.emit(
                COLUMNS[column].sort_key, order == Qt.SortOrder.DescendingOrder
            )
