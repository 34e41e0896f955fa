"""The persons registry: search as you type, filters, sortable and choosable columns."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clinic_app.security.permissions import Action
from clinic_app.services.common import Page
from clinic_app.services.persons import PersonFilter, PersonSummary
from clinic_app.ui.areas import can_ever
from clinic_app.ui.common import error_message, plain_label
from clinic_app.ui.context import UiContext
from clinic_app.ui.itemmodels.persons import COLUMNS, PAGE_SIZE, PersonTableModel
from clinic_app.ui.labels import STATUSES, label

DEBOUNCE_MS = 120
HIDDEN_COLUMNS_KEY = "persons/hidden_columns"


class PersonsPage(QWidget):
    """Search and browse persons; Enter or double-click opens the record."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setAccessibleName(self.tr("Persons page"))
        self._generation = 0
        self._sort = "name"
        self._descending = False
        self.searching = False
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        search_label = QLabel(self.tr("&Search:"))
        self.search = QLineEdit()
        self.search.setAccessibleName(self.tr("Search persons"))
        self.search.setPlaceholderText(self.tr("Name, alias, case reference or birth year"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(200)
        search_label.setBuddy(self.search)
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        self.new_button = QPushButton(self.tr("&New person…"))
        self.new_button.setAccessibleName(self.tr("New person"))
        self.new_button.setToolTip(self.tr("Register a new person (Ctrl+N)"))
        self.new_button.setVisible(can_ever(ctx.actor, Action.PERSON_CREATE))
        self.new_button.clicked.connect(self.new_person)
        top.addWidget(self.new_button)
        layout.addLayout(top)

        filters = QHBoxLayout()
        self.site_filter = self._combo(self.tr("Site filter"))
        self.status_filter = self._combo(self.tr("Status filter"))
        self.minor_filter = self._combo(self.tr("Minor filter"))
        self.contact_filter = self._combo(self.tr("Contact person filter"))
        self.archived_filter = self._combo(self.tr("Archived filter"))
        for text, combo in (
            (self.tr("S&ite:"), self.site_filter),
            (self.tr("Sta&tus:"), self.status_filter),
            (self.tr("&Age:"), self.minor_filter),
            (self.tr("&Contact person:"), self.contact_filter),
            (self.tr("A&rchive:"), self.archived_filter),
        ):
            lab = QLabel(text)
            lab.setBuddy(combo)
            filters.addWidget(lab)
            filters.addWidget(combo)
        filters.addStretch(1)
        layout.addLayout(filters)
        self._fill_filters()

        self.model = PersonTableModel(self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Persons table"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSortIndicator(1, Qt.SortOrder.AscendingOrder)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((90, 240, 70, 95, 230, 60, 160, 170)):
            header.resizeSection(column, width)
        self.model.sort_requested.connect(self._sort_by)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        self.table.activated.connect(self._open_index)
        self.table.doubleClicked.connect(self._open_index)
        self.table.installEventFilter(self)
        self.search.installEventFilter(self)
        layout.addWidget(self.table, 1)

        self.count = plain_label("", self.tr("Result count"))
        layout.addWidget(self.count)

        columns_action = QAction(self.tr("Choose columns…"), self)
        columns_action.triggered.connect(lambda: self._column_menu(None))
        self.table.addAction(columns_action)

        self._apply_hidden_columns()
        self._debounce.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        for combo in self._filters():
            combo.currentIndexChanged.connect(lambda _i: self.run_search())
        ctx.data_changed.connect(self._on_data_changed)
        self.run_search()

    # -- building --------------------------------------------------------------------------
    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    def _filters(self) -> tuple[QComboBox, ...]:
        return (
            self.site_filter,
            self.status_filter,
            self.minor_filter,
            self.contact_filter,
            self.archived_filter,
        )

    def _fill_filters(self) -> None:
        any_text = self.tr("Any")
        self.site_filter.addItem(any_text, None)
        # Who is at a site is where they are: only one's own site can be chosen (the service
        # refuses any other).
        for site in self.ctx.services.reference.sites():
            if site.id == self.ctx.actor.site_id:
                self.site_filter.addItem(site.name, site.id)
        self.status_filter.addItem(any_text, None)
        for code in STATUSES:
            self.status_filter.addItem(label(STATUSES, code), code)
        self.minor_filter.addItem(any_text, None)
        self.minor_filter.addItem(self.tr("Minors"), True)
        self.minor_filter.addItem(self.tr("Adults"), False)
        self.contact_filter.addItem(any_text, None)
        self.contact_filter.addItem(self.tr("My caseload"), self.ctx.actor.user_id)
        for user in self.ctx.services.users.staff():
            if user.id != self.ctx.actor.user_id:
                self.contact_filter.addItem(user.display_name, user.id)
        self.archived_filter.addItem(self.tr("Active"), False)
        self.archived_filter.addItem(self.tr("Archived"), True)
        self.archived_filter.addItem(self.tr("Active and archived"), None)

    def current_filter(self) -> PersonFilter:
        return PersonFilter(
            site_id=self.site_filter.currentData(),
            status=self.status_filter.currentData(),
            minor=self.minor_filter.currentData(),
            contact_user_id=self.contact_filter.currentData(),
            archived=self.archived_filter.currentData(),
        )

    # -- searching -------------------------------------------------------------------------
    def run_search(self) -> None:
        """Query the first page off the UI thread; stale answers (older keystrokes) are dropped."""
        self._debounce.stop()
        self._generation += 1
        generation = self._generation
        text = self.search.text()
        flt = self.current_filter()
        sort, descending = self._sort, self._descending
        actor = self.ctx.actor
        persons = self.ctx.services.persons

        def fetch(offset: int, limit: int) -> Page[PersonSummary]:
            return persons.search(
                actor, text, flt, offset=offset, limit=limit, sort=sort, descending=descending
            )

        def done(page: Page[PersonSummary]) -> None:
            if generation != self._generation:
                return
            self.searching = False
            self.model.reset_with(page, fetch)
            self._show_count()
            if page.items and not self.table.currentIndex().isValid():
                self.table.setCurrentIndex(self.model.index(0, 0))

        def failed(exc: BaseException) -> None:
            if generation != self._generation:
                return
            self.searching = False
            self.model.clear()
            self.count.setText(error_message(exc))

        self.searching = True
        self.ctx.run_in_background(lambda: fetch(0, PAGE_SIZE), done, failed, owner=self)

    def _show_count(self) -> None:
        total = self.model.total
        self.count.setText(self.tr("%n person(s) found", "", total))

    def _sort_by(self, key: str, descending: bool) -> None:
        if (key, descending) != (self._sort, self._descending):
            self._sort, self._descending = key, descending
            self.run_search()

    def _on_data_changed(self, area: str) -> None:
        if area in ("persons", "cases"):
            self.run_search()

    # -- opening ---------------------------------------------------------------------------
    def _open_index(self, index: QModelIndex) -> None:
        person = self.model.person(index.row())
        if person is not None:
            self.ctx.open_person(person.id)

    def open_current(self) -> None:
        self._open_index(self.table.currentIndex())

    def new_person(self) -> None:
        from clinic_app.ui.person.edit import PersonDialog

        dialog = PersonDialog(self.ctx, None, self.window())
        dialog.open()

    # -- keyboard --------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.search and key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown):
                self.table.setFocus()
                if not self.table.currentIndex().isValid() and self.model.rowCount():
                    self.table.setCurrentIndex(self.model.index(0, 0))
                return True
            if watched is self.search and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.model.rowCount():
                    index = self.table.currentIndex()
                    self._open_index(index if index.isValid() else self.model.index(0, 0))
                return True
            if watched is self.table:
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self.open_current()
                    return True
                text = event.text()
                if (
                    text
                    and text.isprintable()
                    and not event.modifiers()
                    & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
                ):
                    # Type to search: keystrokes in the table go to the search field.
                    self.search.setFocus()
                    self.search.insert(text)
                    return True
                if key == Qt.Key.Key_Backspace:
                    self.search.setFocus()
                    self.search.backspace()
                    return True
        return super().eventFilter(watched, event)

    # -- columns ---------------------------------------------------------------------------
    def _apply_hidden_columns(self) -> None:
        hidden = set(self.ctx.settings.list_str(HIDDEN_COLUMNS_KEY))
        for i, col in enumerate(COLUMNS):
            self.table.setColumnHidden(i, col.key in hidden and col.key != "name")

    def set_column_visible(self, key: str, visible: bool) -> None:
        """Show or hide a column and remember the choice (the name column always shows)."""
        hidden = set(self.ctx.settings.list_str(HIDDEN_COLUMNS_KEY))
        if visible:
            hidden.discard(key)
        elif key != "name":
            hidden.add(key)
        self.ctx.settings.set_value(HIDDEN_COLUMNS_KEY, sorted(hidden))
        self._apply_hidden_columns()

    def _column_menu(self, pos: QPoint | None) -> None:
        menu = QMenu(self)
        menu.setAccessibleName(self.tr("Columns"))
        for i, col in enumerate(COLUMNS):
            action = menu.addAction(str(self.model.headerData(i, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(i))
            action.setEnabled(col.key != "name")
            action.toggled.connect(lambda on, key=col.key: self.set_column_visible(key, on))
        header = self.table.horizontalHeader()
        point = header.mapToGlobal(pos) if pos is not None else header.mapToGlobal(header.pos())
        menu.popup(point)

    # -- shell protocol --------------------------------------------------------------------
    def refresh(self) -> None:
        self.run_search()

    def clear_personal_data(self) -> None:
        self._generation += 1  # drop answers still on their way
        self._debounce.stop()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.model.clear()
        self.count.setText("")

    def has_unsaved_changes(self) -> bool:
        return False
