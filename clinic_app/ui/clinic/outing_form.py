"""The mobile-unit outing form: the outing's details and a fast grid of short contacts.

Each grid row is one contact: a known card code, or a new visitor's nickname, approximate
age, nationality and language; services as the visit form's digits (e.g. "28" = STI testing
and counselling on rights); a short note. Enter moves to the next cell, a new row appears
when the last one is used, and Ctrl+Enter saves the whole outing in one unit of work.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clinic_app.errors import ClinicError, Invalid
from clinic_app.services.reference_data import SiteView
from clinic_app.services.visits import OutingInput, OutingView, QuickContact
from clinic_app.ui.clinic.common import (
    SERVICE_KEYS,
    SERVICES,
    age_band_for,
    error_label,
    error_text,
    label,
    name_internal_parts,
    parse_day,
    plain_label,
    services_from_keys,
)
from clinic_app.ui.common import show_error
from clinic_app.ui.context import UiContext
from clinic_app.vocabulary import SiteKind

COLUMNS = ("visitor_code", "nickname", "age", "nationality", "language", "services", "notes")
FIELD_COLUMN = {
    "visitor_code": 0,
    "nickname": 1,
    "age_band": 2,
    "age": 2,
    "nationality": 3,
    "language": 4,
    "services": 5,
    "clinical_notes": 6,
    "reason": 6,
}


class OutingForm(QDialog):
    """Record an outing and its contacts; emits ``saved(OutingView)`` and closes."""

    saved = Signal(object)

    def __init__(
        self,
        ctx: UiContext,
        site_id: int | None = None,
        day: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result_view: OutingView | None = None
        self.setWindowTitle(self.tr("Mobile-unit outing"))
        self.setAccessibleName(self.tr("Outing form"))
        self.resize(900, 600)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.site = QComboBox()
        self.site.setAccessibleName(self.tr("Mobile unit"))
        sites = ctx.services.reference.sites()
        for site in sites:
            if site.kind is SiteKind.MOBILE_UNIT:
                self.site.addItem(site.name, site.id)
        self.site.setCurrentIndex(max(0, self.site.findData(self._default_unit(sites, site_id))))
        self.date = self._line(self.tr("Outing date"), 10)
        self.date.setText((day or ctx.services.clock()).isoformat())
        self.area = self._line(self.tr("Area"), 200)
        self.staff = self._line(self.tr("Staff"), 300)
        self.contacts_made = QSpinBox()
        self.contacts_made.setAccessibleName(self.tr("Contacts made"))
        self.contacts_made.setRange(0, 10000)
        self.contacts_made.setSpecialValueText(self.tr("as recorded below"))
        self.materials = self._line(self.tr("Materials handed out"), 5000)
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(self.tr("Outing notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(self.notes.minimumSizeHint().height() + 20)
        self.errors = {
            key: error_label(name)
            for key, name in (
                ("site", self.tr("Mobile unit error")),
                ("outing_date", self.tr("Outing date error")),
                ("area", self.tr("Area error")),
                ("staff", self.tr("Staff error")),
                ("contacts_made", self.tr("Contacts made error")),
                ("materials", self.tr("Materials error")),
                ("notes", self.tr("Outing notes error")),
            )
        }
        for text, widget, key in (
            (self.tr("&Mobile unit:"), self.site, "site"),
            (self.tr("&Date:"), self.date, "outing_date"),
            (self.tr("&Area:"), self.area, "area"),
            (self.tr("S&taff:"), self.staff, "staff"),
            (self.tr("&Contacts made:"), self.contacts_made, "contacts_made"),
            (self.tr("Mate&rials:"), self.materials, "materials"),
            (self.tr("N&otes:"), self.notes, "notes"),
        ):
            lab = QLabel(text)
            lab.setBuddy(widget)
            form.addRow(lab, widget)
            form.addRow("", self.errors[key])
        layout.addLayout(form)

        keys = ", ".join(f"{SERVICE_KEYS[s]} {label(SERVICES, s)}" for s in SERVICE_KEYS)
        grid_label = QLabel(self.tr("Contacts (&grid):"))
        layout.addWidget(grid_label)
        layout.addWidget(plain_label(self.tr("Service digits: %1").replace("%1", keys), wrap=True))
        self.grid = QTableWidget(0, len(COLUMNS))
        self.grid.setAccessibleName(self.tr("Contacts grid"))
        grid_label.setBuddy(self.grid)
        self.grid.setHorizontalHeaderLabels(self._headers())
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.grid.horizontalHeader().setStretchLastSection(True)
        self.grid.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.grid.itemChanged.connect(self._grow)
        self.grid.installEventFilter(self)
        layout.addWidget(self.grid, 1)
        self.grid_error = error_label(self.tr("Contacts grid error"))
        layout.addWidget(self.grid_error)

        bottom = QHBoxLayout()
        self.status = plain_label("", self.tr("Outing form status"), wrap=True)
        self.save_button = QPushButton(self.tr("&Save outing (Ctrl+Enter)"))
        self.save_button.setAccessibleName(self.tr("Save outing"))
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel outing"))
        self.cancel_button.clicked.connect(self.reject)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.save_button)
        layout.addLayout(bottom)
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(seq), self).activated.connect(self.save)
        self.add_row()
        name_internal_parts(self)

    def _line(self, name: str, max_len: int) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(name)
        edit.setMaxLength(max_len)
        return edit

    def _headers(self) -> list[str]:
        return [
            self.tr("Card code"),
            self.tr("Nickname"),
            self.tr("Age"),
            self.tr("Nationality"),
            self.tr("Language"),
            self.tr("Services"),
            self.tr("Note"),
        ]

    # -- the grid -----------------------------------------------------------------------------
    def add_row(self) -> None:
        row = self.grid.rowCount()
        self.grid.blockSignals(True)
        self.grid.insertRow(row)
        for col in range(len(COLUMNS)):
            self.grid.setItem(row, col, QTableWidgetItem(""))
        self.grid.blockSignals(False)

    def set_cell(self, row: int, column: str, text: str) -> None:
        """Type into a cell (rows are added as needed), as a user would."""
        while self.grid.rowCount() <= row:
            self.add_row()
        item = self.grid.item(row, COLUMNS.index(column))
        assert item is not None
        item.setText(text)

    def _cell(self, row: int, col: int) -> str:
        item = self.grid.item(row, col)
        return item.text().strip() if item is not None else ""

    def _grow(self, item: QTableWidgetItem) -> None:
        if item.row() == self.grid.rowCount() - 1 and item.text().strip():
            self.add_row()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.grid and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
                event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                self.save()  # also when the window-level shortcut is not reached
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                row, col = self.grid.currentRow(), self.grid.currentColumn()
                col += 1
                if col >= len(COLUMNS):
                    row, col = row + 1, 0
                    if row >= self.grid.rowCount():
                        self.add_row()
                self.grid.setCurrentCell(row, col)
                return True
        return super().eventFilter(watched, event)

    def contacts(self) -> list[QuickContact]:
        """The filled rows as quick contacts (empty rows are skipped)."""
        out: list[QuickContact] = []
        for row in range(self.grid.rowCount()):
            cells = [self._cell(row, c) for c in range(len(COLUMNS))]
            if not any(cells):
                continue
            prefix = f"contacts[{len(out)}]."
            out.append(
                QuickContact(
                    visitor_code=cells[0],
                    nickname=cells[1],
                    age_band=age_band_for(prefix + "age", cells[2]),
                    nationality=cells[3] or None,
                    language=cells[4],
                    services=services_from_keys(prefix + "services", cells[5]),
                    clinical_notes=cells[6],
                )
            )
        return out

    def _filled_rows(self) -> list[int]:
        return [
            r
            for r in range(self.grid.rowCount())
            if any(self._cell(r, c) for c in range(len(COLUMNS)))
        ]

    def _default_unit(self, sites: tuple[SiteView, ...], site_id: int | None) -> int | None:
        """The unit shown (if it is one), else the mobile unit of the region (city) of the
        site shown or of the user's own site: never another region's unit by list order."""
        units = [s for s in sites if s.kind is SiteKind.MOBILE_UNIT]
        if any(u.id == site_id for u in units):
            return site_id
        for near in (site_id, self.ctx.actor.site_id):
            city = next((s.city for s in sites if s.id == near), None)
            same = [u.id for u in units if city and u.city == city]
            if same:
                return same[0]
        return units[0].id if units else None

    # -- saving -------------------------------------------------------------------------------
    def save(self) -> OutingView | None:
        for err in (*self.errors.values(), self.grid_error):
            show_error(err, "")
        self.status.setText("")
        try:
            day = parse_day("outing_date", self.date.text(), self.ctx.services.clock())
            if day is None:
                raise Invalid("outing_date", "required")
            site_id = self.site.currentData()
            if site_id is None:
                raise Invalid("site", "unknown_site")
            contacts = self.contacts()
            made = self.contacts_made.value()
            data = OutingInput(
                site_id=int(site_id),
                outing_date=day,
                area=self.area.text(),
                staff=self.staff.text(),
                contacts_made=made or None,
                materials=self.materials.text(),
                notes=self.notes.toPlainText(),
            )
            view = self.ctx.services.visits.record_outing(self.ctx.actor, data, contacts)
        except Invalid as exc:
            self._show_invalid(exc)
            return None
        except ClinicError as exc:
            self.status.setText(error_text(exc))
            return None
        self.result_view = view
        self.saved.emit(view)
        self.ctx.data_changed.emit("visits")
        self.ctx.notify(
            self.tr("Outing saved: %1 on %2, %n contact(s) recorded.", "", len(contacts))
            .replace("%1", self.site.currentText())
            .replace("%2", day.isoformat())
        )
        self.accept()
        return view

    def _show_invalid(self, exc: Invalid) -> None:
        message = error_text(exc)
        self.status.setText(self.tr("Not saved: please check the outing."))
        if exc.field.startswith("contacts["):
            index = int(exc.field[len("contacts[") : exc.field.index("]")])
            field = exc.field.split(".", 1)[1] if "." in exc.field else ""
            rows = self._filled_rows()
            row = rows[index] if index < len(rows) else 0
            self.grid.setCurrentCell(row, FIELD_COLUMN.get(field, 0))
            show_error(
                self.grid_error,
                self.tr("Row %1: %2").replace("%1", str(row + 1)).replace("%2", message),
            )
            self.grid.setFocus()
            return
        target = self.errors.get(exc.field)
        if target is not None:
            show_error(target, message)
        else:
            self.status.setText(message)
