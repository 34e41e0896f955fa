"""The person record's "Documents" tab: Print…, the person's consents (record, withdraw) and
the documents printed about them."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clinic_app.errors import ClinicError, Invalid
from clinic_app.security.permissions import Action, allowed
from clinic_app.services.consents import ConsentInput, ConsentView, Purpose
from clinic_app.services.documents import DocumentLogFilter
from clinic_app.ui.common import (
    error_label,
    error_message,
    fmt_date,
    named,
    plain_label,
    prompter,
    show_error,
)
from clinic_app.ui.context import UiContext
from clinic_app.ui.documents.common import cell, read_only_table
from clinic_app.ui.documents.labels import (
    action_label,
    category_label,
    doc_type_label,
    partner_kind_label,
    purpose_label,
)
from clinic_app.ui.documents.print_dialog import open_print_dialog
from clinic_app.ui.icons import ACTION, icon
from clinic_app.vocabulary import DataCategory, PartnerKind


def _day(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class ConsentDialog(QDialog):
    """Record a consent: recipient (a partner or any partner of a kind), purpose, data,
    validity and the words the person agreed to."""

    def __init__(self, ctx: UiContext, person_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._person_id = person_id
        self.saved: ConsentView | None = None
        self.setWindowTitle(self.tr("Record consent"))
        named(self, self.tr("Record consent"))
        self.recipient = QComboBox()
        named(self.recipient, self.tr("Consent recipient"))
        for p in ctx.services.reference.partners():
            self.recipient.addItem(f"{p.name} ({partner_kind_label(p.kind)})", f"partner:{p.id}")
        for kind in PartnerKind:
            self.recipient.addItem(
                self.tr("Any partner of the kind: %1").replace("%1", partner_kind_label(kind)),
                f"kind:{kind.value}",
            )
        self.purpose = QComboBox()
        named(self.purpose, self.tr("Consent purpose"))
        for purpose in Purpose:
            self.purpose.addItem(purpose_label(purpose), purpose.value)
        self.categories: dict[DataCategory, QCheckBox] = {}
        cats = QVBoxLayout()
        for c in DataCategory:
            box = QCheckBox(category_label(c))
            named(box, self.tr("Data: %1").replace("%1", category_label(c)))
            self.categories[c] = box
            cats.addWidget(box)
        cats_box = QGroupBox(self.tr("Data that may be shared"))
        cats_box.setLayout(cats)
        today = ctx.services.clock()
        self.valid_from = QDateEdit(QDate(today.year, today.month, today.day))
        self.valid_from.setCalendarPopup(True)
        self.valid_from.setDisplayFormat("yyyy-MM-dd")
        named(self.valid_from, self.tr("Valid from"))
        self.has_end = QCheckBox(self.tr("&Ends on"))
        named(self.has_end, self.tr("Consent has an end date"))
        end = today + dt.timedelta(days=365)
        self.valid_to = QDateEdit(QDate(end.year, end.month, end.day))
        self.valid_to.setCalendarPopup(True)
        self.valid_to.setDisplayFormat("yyyy-MM-dd")
        named(self.valid_to, self.tr("Valid until"))
        self.has_end.setChecked(True)
        self.has_end.toggled.connect(self.valid_to.setEnabled)
        self.note = QLineEdit()
        named(self.note, self.tr("What the person agreed to"))
        self.error = error_label(self.tr("Consent error"))
        save = QPushButton(self.tr("&Save consent"))
        named(save, self.tr("Save consent"))
        cancel = QPushButton(self.tr("Cancel"))
        named(cancel, self.tr("Cancel"))
        save.clicked.connect(self._save)
        cancel.clicked.connect(self.reject)

        form = QFormLayout()
        for text, widget in (
            (self.tr("&Recipient:"), self.recipient),
            (self.tr("&Purpose:"), self.purpose),
            (self.tr("Valid &from:"), self.valid_from),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        end_row = QHBoxLayout()
        end_row.addWidget(self.has_end)
        end_row.addWidget(self.valid_to)
        form.addRow("", end_row)
        note_label = QLabel(self.tr("&Agreed words:"))
        note_label.setBuddy(self.note)
        form.addRow(note_label, self.note)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(save)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(cats_box)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def _save(self) -> None:
        kind, _sep, value = str(self.recipient.currentData()).partition(":")
        start = _day(self.valid_from.date())
        end = _day(self.valid_to.date()) if self.has_end.isChecked() else None
        data = ConsentInput(
            purpose=Purpose(self.purpose.currentData()),
            data_categories=tuple(c for c, box in self.categories.items() if box.isChecked()),
            valid_from=start,
            valid_to=end,
            partner_id=int(value) if kind == "partner" else None,
            partner_kind=PartnerKind(value) if kind == "kind" else None,
            purpose_note=self.note.text(),
        )
        try:
            self.saved = self._ctx.services.consents.record(self._ctx.actor, self._person_id, data)
        except Invalid as exc:
            show_error(self.error, self._invalid_text(exc))
            return
        except ClinicError as exc:
            show_error(self.error, error_message(exc))
            return
        self._ctx.data_changed.emit("consents")
        self.accept()

    def _invalid_text(self, exc: Invalid) -> str:
        if exc.field == "data_categories":
            return self.tr("Tick at least one kind of data.")
        if exc.field == "valid_to":
            return self.tr("The end date is before the start date.")
        return error_message(exc)


class DocumentsTab(QWidget):
    """Print…, consents and the document log of one person."""

    def __init__(self, ctx: UiContext, person_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._person_id = person_id
        self._consents: tuple[ConsentView, ...] = ()
        self.print_button = QPushButton(icon(ACTION, "print"), self.tr("&Print…"))
        named(self.print_button, self.tr("Print document"))
        self.print_button.clicked.connect(self.open_print)
        self.record_button = QPushButton(self.tr("&Record consent…"))
        named(self.record_button, self.tr("Record consent"))
        self.record_button.clicked.connect(self.record_consent)
        self.withdraw_button = QPushButton(self.tr("&Withdraw consent"))
        named(self.withdraw_button, self.tr("Withdraw consent"))
        self.withdraw_button.clicked.connect(self.withdraw_consent)
        self.consents = read_only_table(
            self.tr("Consents"),
            [
                self.tr("Recipient"),
                self.tr("Purpose"),
                self.tr("Data"),
                self.tr("From"),
                self.tr("Until"),
                self.tr("State"),
            ],
        )
        self.log = read_only_table(
            self.tr("Documents printed"),
            [
                self.tr("When"),
                self.tr("Document"),
                self.tr("Recipient"),
                self.tr("Action"),
                self.tr("By"),
                self.tr("Reason without consent"),
            ],
        )
        self.error = error_label(self.tr("Documents error"))
        top = QHBoxLayout()
        top.addWidget(self.print_button)
        top.addStretch(1)
        consent_buttons = QHBoxLayout()
        consent_buttons.addWidget(self.record_button)
        consent_buttons.addWidget(self.withdraw_button)
        consent_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(plain_label(self.tr("Consents to share information"), ""))
        layout.addWidget(self.consents, 1)
        layout.addLayout(consent_buttons)
        layout.addWidget(plain_label(self.tr("Documents printed or saved"), ""))
        layout.addWidget(self.log, 1)
        ctx.data_changed.connect(self._data_changed)
        self.refresh()

    def _data_changed(self, area: str) -> None:
        if area in ("documents", "consents"):
            self.refresh()

    def refresh(self) -> None:
        actor = self._ctx.actor
        self.print_button.setEnabled(
            allowed(actor, Action.DOCUMENT_PRINT, same_site=True, own_caseload=True)
        )
        may_edit = allowed(actor, Action.CONSENT_EDIT, same_site=True, own_caseload=True)
        self.record_button.setVisible(may_edit)
        self.withdraw_button.setVisible(may_edit)
        try:
            self._consents = self._ctx.services.consents.list_for_person(actor, self._person_id)
            entries = self._ctx.services.documents.log(
                actor, DocumentLogFilter(person_id=self._person_id)
            ).items
        except ClinicError as exc:
            show_error(self.error, error_message(exc))
            return
        show_error(self.error, "")
        self.consents.setRowCount(len(self._consents))
        for row, c in enumerate(self._consents):
            recipient = c.partner_name or self.tr("Any partner of the kind: %1").replace(
                "%1", partner_kind_label(c.partner_kind or "")
            )
            state = (
                self.tr("withdrawn")
                if c.withdrawn_at
                else self.tr("in force")
                if c.active
                else self.tr("not in force")
            )
            cells = [
                recipient,
                purpose_label(c.purpose) if c.purpose else c.purpose_text,
                ", ".join(category_label(x) for x in c.data_categories),
                fmt_date(c.valid_from),
                fmt_date(c.valid_to) if c.valid_to else self.tr("until withdrawn"),
                state,
            ]
            for col, text in enumerate(cells):
                self.consents.setItem(row, col, cell(text))
        self.log.setRowCount(len(entries))
        for row, e in enumerate(entries):
            cells = [
                e.at.strftime("%Y-%m-%d %H:%M"),
                doc_type_label(e.doc_type),
                e.partner_name or "",
                action_label(e.action),
                e.user_name,
                e.override_reason,
            ]
            for col, text in enumerate(cells):
                self.log.setItem(row, col, cell(text))
        self.consents.resizeColumnsToContents()
        self.log.resizeColumnsToContents()

    def open_print(self) -> None:
        open_print_dialog(self._ctx, self._person_id, parent=self)

    def record_consent(self) -> None:
        dialog = ConsentDialog(self._ctx, self._person_id, self)
        dialog.open()

    def withdraw_consent(self) -> None:
        row = self.consents.currentRow()
        if row < 0 or row >= len(self._consents):
            show_error(self.error, self.tr("Select the consent to withdraw."))
            return
        consent = self._consents[row]
        if not prompter.confirm(
            self,
            self.tr("Withdraw consent"),
            self.tr("The person withdraws this consent. Documents can no longer be shared on it."),
        ):
            return
        try:
            self._ctx.services.consents.withdraw(self._ctx.actor, consent.id)
        except ClinicError as exc:
            show_error(self.error, error_message(exc))
            return
        self._ctx.data_changed.emit("consents")

    def clear_personal_data(self) -> None:
        self.consents.setRowCount(0)
        self.log.setRowCount(0)
