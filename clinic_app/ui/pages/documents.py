"""The Documents area: the document log (who printed what for whom) with filters, the partner
directory (administrators and team leads edit it) and the letterhead (administrators)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clinic_app.documents.data import Letterhead
from clinic_app.errors import ClinicError, Invalid
from clinic_app.security.permissions import Action, allowed
from clinic_app.services.document_routing import document_types_for
from clinic_app.services.documents import DocumentLogFilter
from clinic_app.services.reference_data import PartnerView
from clinic_app.ui.common import error_label, error_message, named, plain_label, show_error
from clinic_app.ui.context import UiContext
from clinic_app.ui.documents.common import cell, read_only_table
from clinic_app.ui.documents.labels import action_label, doc_type_label, partner_kind_label
from clinic_app.vocabulary import DocumentType, PartnerKind


class DocumentLogPanel(QWidget):
    """Every printed, saved or exported document, newest first (team leads, administrators)."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.type_filter = QComboBox()
        named(self.type_filter, self.tr("Filter by document type"))
        self.type_filter.addItem(self.tr("All documents"), None)
        for t in DocumentType:
            self.type_filter.addItem(doc_type_label(t), t.value)
        self.partner_filter = QComboBox()
        named(self.partner_filter, self.tr("Filter by recipient"))
        self.overrides = QCheckBox(self.tr("&Only shared without consent"))
        named(self.overrides, self.tr("Only shared without consent"))
        self.table = read_only_table(
            self.tr("Document log"),
            [
                self.tr("When"),
                self.tr("Case"),
                self.tr("Document"),
                self.tr("Recipient"),
                self.tr("Action"),
                self.tr("By"),
                self.tr("Language"),
                self.tr("Pages"),
                self.tr("Reason without consent"),
            ],
        )
        self.count = plain_label("", self.tr("Log entries"))
        self.message = plain_label("", self.tr("Document log message"), wrap=True)
        filters = QHBoxLayout()
        for text, widget in (
            (self.tr("&Document:"), self.type_filter),
            (self.tr("&Recipient:"), self.partner_filter),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
        filters.addWidget(self.overrides)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self.type_filter.currentIndexChanged.connect(self.refresh)
        self.partner_filter.currentIndexChanged.connect(self.refresh)
        self.overrides.toggled.connect(self.refresh)
        self._fill_partners()

    def _fill_partners(self) -> None:
        self.partner_filter.blockSignals(True)
        current = self.partner_filter.currentData()
        self.partner_filter.clear()
        self.partner_filter.addItem(self.tr("All recipients"), None)
        for p in self._ctx.services.reference.partners():
            self.partner_filter.addItem(p.name, p.id)
        index = self.partner_filter.findData(current)
        self.partner_filter.setCurrentIndex(max(index, 0))
        self.partner_filter.blockSignals(False)

    def refresh(self) -> None:
        if not allowed(self._ctx.actor, Action.ACCESS_REPORT_VIEW):
            self.table.setRowCount(0)
            self.message.setText(
                self.tr(
                    "Only team leads and administrators see the whole log. Each person's "
                    "record shows the documents printed about them."
                )
            )
            return
        doc_type = self.type_filter.currentData()
        flt = DocumentLogFilter(
            partner_id=self.partner_filter.currentData(),
            doc_type=DocumentType(doc_type) if doc_type else None,
            overrides_only=self.overrides.isChecked(),
        )
        try:
            page = self._ctx.services.documents.log(self._ctx.actor, flt, limit=1000)
        except ClinicError as exc:
            self.message.setText(error_message(exc))
            return
        self.message.setText("")
        self.table.setRowCount(len(page.items))
        for row, e in enumerate(page.items):
            cells = [
                e.at.strftime("%Y-%m-%d %H:%M"),
                e.case_ref or "",
                doc_type_label(e.doc_type),
                e.partner_name or "",
                action_label(e.action),
                e.user_name,
                e.language,
                str(e.pages),
                e.override_reason,
            ]
            for col, text in enumerate(cells):
                self.table.setItem(row, col, cell(text))
        self.table.resizeColumnsToContents()
        self.count.setText(self.tr("%n document(s)", "", page.total))

    def clear_personal_data(self) -> None:
        self.table.setRowCount(0)


class PartnerPanel(QWidget):
    """The partner directory; administrators and team leads add and edit partners."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._partners: tuple[PartnerView, ...] = ()
        self._editing: PartnerView | None = None
        self.table = read_only_table(
            self.tr("Partners"),
            [
                self.tr("Name"),
                self.tr("Kind"),
                self.tr("Phone"),
                self.tr("Email"),
                self.tr("May receive"),
            ],
        )
        self.name = QLineEdit()
        named(self.name, self.tr("Partner name"))
        self.kind = QComboBox()
        named(self.kind, self.tr("Partner kind"))
        for k in PartnerKind:
            self.kind.addItem(partner_kind_label(k), k.value)
        self.phone = QLineEdit()
        named(self.phone, self.tr("Partner phone"))
        self.email = QLineEdit()
        named(self.email, self.tr("Partner email"))
        self.address = QLineEdit()
        named(self.address, self.tr("Partner address"))
        self.notes = QPlainTextEdit()
        named(self.notes, self.tr("Partner notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(60)
        self.contact_name = QLineEdit()
        named(self.contact_name, self.tr("Contact name"))
        self.contact_role = QLineEdit()
        named(self.contact_role, self.tr("Contact role"))
        self.error = error_label(self.tr("Partner error"))
        self.new_button = QPushButton(self.tr("Ne&w partner"))
        named(self.new_button, self.tr("New partner"))
        self.save_button = QPushButton(self.tr("&Save partner"))
        named(self.save_button, self.tr("Save partner"))
        self.contact_button = QPushButton(self.tr("Add &contact"))
        named(self.contact_button, self.tr("Add contact"))
        form = QFormLayout()
        for text, widget in (
            (self.tr("&Name:"), self.name),
            (self.tr("&Kind:"), self.kind),
            (self.tr("Ph&one:"), self.phone),
            (self.tr("E&mail:"), self.email),
            (self.tr("A&ddress:"), self.address),
            (self.tr("Not&es:"), self.notes),
            (self.tr("Contact n&ame:"), self.contact_name),
            (self.tr("Contact &role:"), self.contact_role),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.save_button, self.contact_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.editor = QWidget()
        editor_layout = QVBoxLayout(self.editor)
        editor_layout.addLayout(form)
        editor_layout.addWidget(self.error)
        editor_layout.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.editor, 2)
        self.table.itemSelectionChanged.connect(self._selected)
        self.new_button.clicked.connect(self._new)
        self.save_button.clicked.connect(self.save)
        self.contact_button.clicked.connect(self.add_contact)

    def refresh(self) -> None:
        self.editor.setVisible(allowed(self._ctx.actor, Action.PARTNER_EDIT))
        self._partners = self._ctx.services.reference.partners()
        self.table.setRowCount(len(self._partners))
        for row, p in enumerate(self._partners):
            cells = [
                p.name,
                partner_kind_label(p.kind),
                p.phone,
                p.email,
                ", ".join(doc_type_label(t) for t in document_types_for(p.kind)),
            ]
            for col, text in enumerate(cells):
                self.table.setItem(row, col, cell(text))
        self.table.resizeColumnsToContents()
        self.contact_button.setEnabled(self._editing is not None)

    def _selected(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self._partners):
            return
        p = self._partners[row]
        self._editing = p
        self.name.setText(p.name)
        self.kind.setCurrentIndex(self.kind.findData(p.kind.value))
        self.phone.setText(p.phone)
        self.email.setText(p.email)
        self.address.setText(p.address)
        self.notes.setPlainText(p.notes)
        self.contact_button.setEnabled(True)
        show_error(self.error, "")

    def _new(self) -> None:
        self._editing = None
        self.table.clearSelection()
        for w in (self.name, self.phone, self.email, self.address):
            w.clear()
        self.notes.clear()
        self.contact_button.setEnabled(False)
        self.name.setFocus()

    def save(self) -> None:
        editing = self._editing
        try:
            saved = self._ctx.services.reference.save_partner(
                self._ctx.actor,
                editing.id if editing else None,
                name=self.name.text(),
                kind=PartnerKind(self.kind.currentData()),
                phone=self.phone.text(),
                email=self.email.text(),
                address=self.address.text(),
                website=editing.website if editing else "",
                notes=self.notes.toPlainText(),
                expected_version=editing.version if editing else None,
            )
        except Invalid as exc:
            show_error(self.error, self._invalid_text(exc))
            return
        except ClinicError as exc:
            show_error(self.error, error_message(exc))
            return
        show_error(self.error, "")
        self._editing = saved
        self._ctx.notify(self.tr("Partner saved."))
        self.refresh()

    def _invalid_text(self, exc: Invalid) -> str:
        if exc.field == "name" and exc.code == "taken":
            return self.tr("A partner with this name exists.")
        if exc.field == "email":
            return self.tr("Not an e-mail address.")
        return error_message(exc)

    def add_contact(self) -> None:
        if self._editing is None:
            return
        try:
            self._editing = self._ctx.services.reference.add_contact(
                self._ctx.actor,
                self._editing.id,
                self.contact_name.text(),
                self.contact_role.text(),
            )
        except ClinicError as exc:
            show_error(self.error, error_message(exc))
            return
        self.contact_name.clear()
        self.contact_role.clear()
        show_error(self.error, "")
        self._ctx.notify(self.tr("Contact added."))
        self.refresh()


class LetterheadPanel(QWidget):
    """The organisation printed on every document (administrators)."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.organisation = QLineEdit()
        named(self.organisation, self.tr("Organisation name"))
        self.address = QLineEdit()
        named(self.address, self.tr("Organisation address"))
        self.phone = QLineEdit()
        named(self.phone, self.tr("Organisation phone"))
        self.email = QLineEdit()
        named(self.email, self.tr("Organisation email"))
        self.error = error_label(self.tr("Letterhead error"))
        self.save_button = QPushButton(self.tr("&Save letterhead"))
        named(self.save_button, self.tr("Save letterhead"))
        self.save_button.clicked.connect(self.save)
        form = QFormLayout()
        for text, widget in (
            (self.tr("&Organisation:"), self.organisation),
            (self.tr("&Address:"), self.address),
            (self.tr("Pho&ne:"), self.phone),
            (self.tr("&Email:"), self.email),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.save_button)
        layout.addStretch(1)

    def refresh(self) -> None:
        head = self._ctx.services.documents.letterhead()
        self.organisation.setText(head.organisation)
        self.address.setText(head.address)
        self.phone.setText(head.phone)
        self.email.setText(head.email)

    def save(self) -> None:
        head = Letterhead(
            self.organisation.text(), self.address.text(), self.phone.text(), self.email.text()
        )
        try:
            self._ctx.services.documents.save_letterhead(self._ctx.actor, head)
        except ClinicError as exc:
            show_error(self.error, error_message(exc))
            return
        show_error(self.error, "")
        self._ctx.notify(self.tr("Letterhead saved."))


class DocumentsPage(QWidget):
    """The Documents area."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.tabs = QTabWidget()
        named(self.tabs, self.tr("Documents sections"))
        self.log_panel = DocumentLogPanel(ctx)
        self.partner_panel = PartnerPanel(ctx)
        self.letterhead_panel = LetterheadPanel(ctx)
        self.tabs.addTab(self.log_panel, self.tr("Document &log"))
        self.tabs.addTab(self.partner_panel, self.tr("&Partners"))
        self._letterhead_index = self.tabs.addTab(self.letterhead_panel, self.tr("Le&tterhead"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        ctx.data_changed.connect(self._data_changed)
        ctx.actor_changed.connect(lambda _a: self.refresh())
        self.refresh()

    def _data_changed(self, area: str) -> None:
        if area == "documents":
            self.log_panel.refresh()

    def refresh(self) -> None:
        self.tabs.setTabVisible(
            self._letterhead_index, allowed(self._ctx.actor, Action.SETTINGS_EDIT)
        )
        self.log_panel.refresh()
        self.partner_panel.refresh()
        if allowed(self._ctx.actor, Action.SETTINGS_EDIT):
            self.letterhead_panel.refresh()

    def clear_personal_data(self) -> None:
        self.log_panel.clear_personal_data()
