"""Contacts tab: the person's contact person and, for minors, the guardian."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from clinic_app.services.persons import PersonDetail
from clinic_app.ui.common import plain_label
from clinic_app.ui.context import UiContext


class ContactsTab(QWidget):
    """Read-only view of who is responsible for the person (from the record's details)."""

    def __init__(self, ctx: UiContext, person_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id = person_id
        self.setAccessibleName(self.tr("Contacts"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.contact = plain_label("", self.tr("Contact person"))
        self.guardian = plain_label("", self.tr("Guardian"))
        self.note = plain_label("", self.tr("Contacts note"), wrap=True)
        form.addRow(QLabel(self.tr("Contact person:")), self.contact)
        form.addRow(QLabel(self.tr("Guardian:")), self.guardian)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addStretch(1)

    def set_detail(self, d: PersonDetail) -> None:
        self.contact.setText(d.contact_person_name or self.tr("No contact person appointed."))
        if d.is_minor:
            self.guardian.setText(
                d.guardian_name or self.tr("No guardian recorded: a minor needs a guardian.")
            )
            self.guardian.setStyleSheet("" if d.guardian_name else "color: #b00020;")
        else:
            self.guardian.setText(d.guardian_name or self.tr("Not needed (adult)."))
            self.guardian.setStyleSheet("")

    def clear_personal_data(self) -> None:
        self.contact.clear()
        self.guardian.clear()
