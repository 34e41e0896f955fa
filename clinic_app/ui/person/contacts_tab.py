"""The "Contacts" tab of a person's record: contact person (assign, reassign with a reason,
history), guardian for a minor (record, end, history) and the turning-18 prompt."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clinic_app.errors import ClinicError
from clinic_app.services.contacts import ContactsOverview, GuardianInput
from clinic_app.ui.common import prompter
from clinic_app.ui.context import UiContext
from clinic_app.ui.plans.common import (
    OptionalDate,
    date_text,
    error_text,
    plain_label,
    show_message,
    translate,
)


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setAccessibleName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.setItem(r, c, QTableWidgetItem(text))
    table.resizeColumnsToContents()


class ContactsTab(QWidget):
    """Contact person and guardian of one person; every save goes through the contacts service."""

    def __init__(self, ctx: UiContext, person_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id = person_id
        self.overview: ContactsOverview | None = None
        self.message: QMessageBox | None = None
        self.setAccessibleName(translate("Contacts", "Contacts"))
        self._build()
        self.refresh()

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.alert_label = plain_label("", translate("Contacts", "Alerts"))
        self.alert_label.setStyleSheet("color: #b00020; font-weight: bold;")

        # Contact person.
        contact_box = QGroupBox(translate("Contacts", "Contact person"))
        self.contact_label = plain_label("", translate("Contacts", "Current contact person"))
        self.staff_combo = QComboBox()
        self.staff_combo.setAccessibleName(translate("Contacts", "New contact person"))
        self.reason_edit = QLineEdit()
        self.reason_edit.setAccessibleName(translate("Contacts", "Reason for the change"))
        self.reason_edit.setPlaceholderText(
            translate("Contacts", "Required when the contact person changes")
        )
        self.assign_button = QPushButton(translate("Contacts", "A&ssign contact person"))
        self.assign_button.setAccessibleName(translate("Contacts", "Assign contact person"))
        self.assign_button.clicked.connect(self.assign_contact)
        self.contact_error = self._error_label(translate("Contacts", "Contact person error"))
        form = QFormLayout()
        form.addRow(translate("Contacts", "Current:"), self.contact_label)
        form.addRow(
            self._buddy(translate("Contacts", "&New contact person:"), self.staff_combo),
            self.staff_combo,
        )
        form.addRow(
            self._buddy(translate("Contacts", "&Reason:"), self.reason_edit), self.reason_edit
        )
        contact_layout = QVBoxLayout(contact_box)
        contact_layout.addLayout(form)
        contact_layout.addWidget(self.contact_error)
        contact_layout.addWidget(self.assign_button)
        self.contact_history = _table(
            translate("Contacts", "Contact person history"),
            [
                translate("Contacts", "Contact person"),
                translate("Contacts", "From"),
                translate("Contacts", "To"),
                translate("Contacts", "Reason"),
            ],
        )
        contact_layout.addWidget(self.contact_history)

        # Turning 18.
        self.transition_box = QGroupBox(translate("Contacts", "Turning 18"))
        self.transition_box.setAccessibleName(translate("Contacts", "Turning 18"))
        self.transition_label = plain_label("", translate("Contacts", "Turning 18 prompt"))
        self.transition_reason = QLineEdit(translate("Contacts", "Turned 18"))
        self.transition_reason.setAccessibleName(translate("Contacts", "Reason for ending at 18"))
        self.end_at_18_button = QPushButton(
            translate("Contacts", "End guardianship at &18 and review the plan")
        )
        self.end_at_18_button.setAccessibleName(translate("Contacts", "End guardianship at 18"))
        self.end_at_18_button.clicked.connect(self.end_at_18)
        transition_layout = QVBoxLayout(self.transition_box)
        transition_layout.addWidget(self.transition_label)
        row = QHBoxLayout()
        row.addWidget(self.transition_reason, 1)
        row.addWidget(self.end_at_18_button)
        transition_layout.addLayout(row)

        # Guardian.
        self.guardian_box = QGroupBox(translate("Contacts", "Guardian (personal representative)"))
        self.guardian_label = plain_label("", translate("Contacts", "Current guardian"))
        self.g_name = QLineEdit()
        self.g_org = QLineEdit()
        self.g_phone = QLineEdit()
        self.g_email = QLineEdit()
        today = self.ctx.services.clock()
        self.g_date = OptionalDate(translate("Contacts", "Appointed on"), today, today)
        self.g_date.check.hide()
        self.g_reason = QLineEdit()
        for widget, name in (
            (self.g_name, translate("Contacts", "Guardian name")),
            (self.g_org, translate("Contacts", "Guardian organisation")),
            (self.g_phone, translate("Contacts", "Guardian phone")),
            (self.g_email, translate("Contacts", "Guardian e-mail")),
            (self.g_date, translate("Contacts", "Appointed on")),
            (self.g_reason, translate("Contacts", "Reason for replacing or ending")),
        ):
            widget.setAccessibleName(name)
        self.record_button = QPushButton(translate("Contacts", "Record &guardian"))
        self.record_button.setAccessibleName(translate("Contacts", "Record guardian"))
        self.record_button.clicked.connect(self.record_guardian)
        self.end_button = QPushButton(translate("Contacts", "End guardians&hip"))
        self.end_button.setAccessibleName(translate("Contacts", "End guardianship"))
        self.end_button.clicked.connect(self.end_guardian)
        self.guardian_error = self._error_label(translate("Contacts", "Guardian error"))
        gform = QFormLayout()
        gform.addRow(translate("Contacts", "Current:"), self.guardian_label)
        gform.addRow(self._buddy(translate("Contacts", "Na&me:"), self.g_name), self.g_name)
        gform.addRow(self._buddy(translate("Contacts", "&Organisation:"), self.g_org), self.g_org)
        gform.addRow(self._buddy(translate("Contacts", "&Phone:"), self.g_phone), self.g_phone)
        gform.addRow(self._buddy(translate("Contacts", "E-ma&il:"), self.g_email), self.g_email)
        gform.addRow(translate("Contacts", "Appointed on:"), self.g_date)
        gform.addRow(
            self._buddy(translate("Contacts", "Reason (replace or end):"), self.g_reason),
            self.g_reason,
        )
        guardian_layout = QVBoxLayout(self.guardian_box)
        guardian_layout.addLayout(gform)
        guardian_layout.addWidget(self.guardian_error)
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.end_button)
        buttons.addStretch(1)
        guardian_layout.addLayout(buttons)
        self.guardian_history = _table(
            translate("Contacts", "Guardian history"),
            [
                translate("Contacts", "Guardian"),
                translate("Contacts", "Organisation"),
                translate("Contacts", "Appointed"),
                translate("Contacts", "Ended"),
                translate("Contacts", "Reason"),
            ],
        )
        guardian_layout.addWidget(self.guardian_history)

        layout = QVBoxLayout(self)
        layout.addWidget(self.alert_label)
        layout.addWidget(contact_box)
        layout.addWidget(self.transition_box)
        layout.addWidget(self.guardian_box)
        layout.addStretch(1)

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(widget)
        return label

    def _error_label(self, name: str) -> QLabel:
        label = plain_label("", name)
        label.setStyleSheet("color: #b00020;")
        label.hide()
        return label

    # --- loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        try:
            view = self.ctx.services.contacts.overview(self.ctx.actor, self.person_id)
        except ClinicError as exc:
            self.message = show_message(self, translate("Contacts", "Contacts"), error_text(exc))
            return
        self._show(view)

    def clear_personal_data(self) -> None:
        self.overview = None
        for label in (self.contact_label, self.guardian_label, self.transition_label):
            label.clear()
        for edit in (self.g_name, self.g_org, self.g_phone, self.g_email, self.g_reason):
            edit.clear()
        self.reason_edit.clear()
        self.contact_history.setRowCount(0)
        self.guardian_history.setRowCount(0)
        self.staff_combo.clear()

    def has_unsaved_changes(self) -> bool:
        return bool(self.reason_edit.text().strip() or self.g_name.text().strip())

    def _show(self, v: ContactsOverview) -> None:
        self.overview = v
        alerts = []
        if v.contact_missing:
            alerts.append(translate("Contacts", "No contact person is appointed."))
        if v.guardian_missing:
            alerts.append(translate("Contacts", "This minor has no guardian: appoint one."))
        self.alert_label.setText(" ".join(alerts))
        self.alert_label.setVisible(bool(alerts))

        if v.contact is not None:
            self.contact_label.setText(
                translate("Contacts", "%1 since %2")
                .replace("%1", v.contact.user_name)
                .replace("%2", date_text(v.contact.from_date))
            )
        else:
            self.contact_label.setText(translate("Contacts", "None"))
        self._fill_staff(v)
        self.assign_button.setEnabled(v.may_assign_contact)
        self.staff_combo.setEnabled(v.may_assign_contact)
        self.reason_edit.setEnabled(v.may_assign_contact and v.contact is not None)
        _fill(
            self.contact_history,
            [
                [c.user_name, date_text(c.from_date), date_text(c.to_date), c.reason]
                for c in v.contact_history
            ],
        )

        show_guardian = v.is_minor or v.guardian is not None or bool(v.guardian_history)
        self.guardian_box.setVisible(show_guardian)
        if v.guardian is not None:
            g = v.guardian
            details = ", ".join(x for x in (g.organisation, g.phone, g.email) if x)
            self.guardian_label.setText(
                translate("Contacts", "%1 since %2")
                .replace("%1", g.name)
                .replace("%2", date_text(g.appointed_date))
                + (f" ({details})" if details else "")
            )
        else:
            self.guardian_label.setText(translate("Contacts", "None"))
        self.record_button.setEnabled(v.may_edit_guardian and (v.is_minor or v.age is None))
        self.end_button.setEnabled(v.may_edit_guardian and v.guardian is not None)
        _fill(
            self.guardian_history,
            [
                [
                    g.name,
                    g.organisation,
                    date_text(g.appointed_date),
                    date_text(g.ended_date),
                    g.end_reason,
                ]
                for g in v.guardian_history
            ],
        )

        self.transition_box.setVisible(v.transition_due)
        if v.turns_18_on is not None:
            estimated = " " + translate("Contacts", "(estimated)") if v.turns_18_uncertain else ""
            if v.may_end_at_18:
                text = translate(
                    "Contacts",
                    "Turned 18 on %1%2. End the guardianship and review the action plan: "
                    "the guardian's access to documents ends with it.",
                )
            else:
                text = translate(
                    "Contacts",
                    "Turns 18 on %1%2. Plan the transition with the guardian; the guardianship "
                    "can be ended from that day.",
                )
            self.transition_label.setText(
                text.replace("%1", date_text(v.turns_18_on)).replace("%2", estimated)
            )
        self.end_at_18_button.setEnabled(v.may_end_at_18 and v.may_edit_guardian)

    def _fill_staff(self, v: ContactsOverview) -> None:
        self.staff_combo.clear()
        if not v.may_assign_contact:
            return
        try:
            options = self.ctx.services.contacts.staff_options(self.ctx.actor)
        except ClinicError:
            return
        current = v.contact.user_id if v.contact else None
        for o in options:
            if o.user_id != current:
                self.staff_combo.addItem(f"{o.display_name} ({o.username})", o.user_id)

    # --- actions ----------------------------------------------------------------------------

    def _run(self, error: QLabel, call: Callable[[], ContactsOverview]) -> bool:
        try:
            view = call()
        except ClinicError as exc:
            error.setText(error_text(exc))
            error.show()
            return False
        error.hide()
        self._show(view)
        self.ctx.data_changed.emit("persons")
        return True

    def assign_contact(self) -> None:
        user_id = self.staff_combo.currentData()
        if user_id is None:
            self.contact_error.setText(translate("Contacts", "Choose a staff member."))
            self.contact_error.show()
            return
        svc, actor = self.ctx.services.contacts, self.ctx.actor
        reason = self.reason_edit.text()
        if self._run(
            self.contact_error,
            lambda: svc.assign(actor, self.person_id, int(user_id), reason=reason),
        ):
            self.reason_edit.clear()
            self.ctx.notify(translate("Contacts", "Contact person assigned."))

    def record_guardian(self) -> None:
        svc, actor = self.ctx.services.contacts, self.ctx.actor
        data = GuardianInput(
            self.g_name.text(),
            self.g_org.text(),
            self.g_phone.text(),
            self.g_email.text(),
            self.g_date.value(),
        )
        reason = self.g_reason.text()
        if self._run(
            self.guardian_error,
            lambda: svc.record_guardian(actor, self.person_id, data, reason=reason),
        ):
            for edit in (self.g_name, self.g_org, self.g_phone, self.g_email, self.g_reason):
                edit.clear()
            self.ctx.notify(translate("Contacts", "Guardian recorded."))

    def end_guardian(self) -> None:
        if not prompter.confirm(
            self,
            translate("Contacts", "End guardianship"),
            translate(
                "Contacts",
                "End the guardianship now? A minor without a guardian has no one to act for "
                "her until a new guardian is recorded.",
            ),
        ):
            return
        svc, actor = self.ctx.services.contacts, self.ctx.actor
        reason = self.g_reason.text()
        if self._run(self.guardian_error, lambda: svc.end_guardian(actor, self.person_id, reason)):
            self.g_reason.clear()
            self.ctx.notify(translate("Contacts", "Guardianship ended."))

    def end_at_18(self) -> None:
        if not prompter.confirm(
            self,
            translate("Contacts", "End guardianship"),
            translate(
                "Contacts",
                "End the guardianship because she has turned 18, and mark the action plan for "
                "review today?",
            ),
        ):
            return
        svc, actor = self.ctx.services.contacts, self.ctx.actor
        reason = self.transition_reason.text()
        if self._run(
            self.guardian_error,
            lambda: svc.end_guardianship_at_18(actor, self.person_id, reason),
        ):
            self.ctx.data_changed.emit("plans")
            self.ctx.notify(
                translate(
                    "Contacts", "Guardianship ended; the action plan is marked for review today."
                )
            )
