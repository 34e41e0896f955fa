"""A visitor's history: find her by card code or nickname, see her visits, link her to a
registered person when she enters a shelter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clinic_app.errors import ClinicError, NotFound
from clinic_app.security.permissions import Action, allowed
from clinic_app.services.clinic_common import VisitView
from clinic_app.services.visitors import VisitorView
from clinic_app.ui.clinic.common import (
    AGE_BANDS,
    RowsModel,
    error_text,
    label,
    plain_label,
    services_text,
)
from clinic_app.ui.common import prompter
from clinic_app.ui.context import UiContext
from clinic_app.ui.documents.print_dialog import open_print_dialog
from clinic_app.vocabulary import DocumentType


class VisitorHistoryView(QWidget):
    """Search visitors; Enter shows the chosen visitor's details and visits."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.visitor: VisitorView | None = None
        self.visits: tuple[VisitView, ...] = ()
        self.setAccessibleName(self.tr("Visitor history"))
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        find_label = QLabel(self.tr("Find visitor:"))
        self.find_edit = QLineEdit()
        self.find_edit.setAccessibleName(self.tr("Find visitor by code or nickname"))
        self.find_edit.setPlaceholderText(self.tr("Card code or nickname, then Enter"))
        self.find_edit.setMaxLength(100)
        find_label.setBuddy(self.find_edit)
        top.addWidget(find_label)
        top.addWidget(self.find_edit, 1)
        layout.addLayout(top)
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Visitors found"))
        self.results.setMaximumHeight(110)
        layout.addWidget(self.results)
        self.details = plain_label("", self.tr("Visitor details"), wrap=True)
        layout.addWidget(self.details)

        self.model = RowsModel(self._headers(), self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Visitor's visits"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)

        link_row = QHBoxLayout()
        link_label = QLabel(self.tr("Link to case reference:"))
        self.case_ref = QLineEdit()
        self.case_ref.setAccessibleName(self.tr("Case reference to link to"))
        self.case_ref.setMaxLength(20)
        link_label.setBuddy(self.case_ref)
        self.link_button = QPushButton(self.tr("Link visitor"))
        self.link_button.setAccessibleName(self.tr("Link visitor to person"))
        self.link_button.setToolTip(
            self.tr("She now has a case: her visits and referrals move to her record")
        )
        link_row.addWidget(link_label)
        link_row.addWidget(self.case_ref)
        link_row.addWidget(self.link_button)
        self.unlink_button = QPushButton(self.tr("Unlink"))
        self.unlink_button.setAccessibleName(self.tr("Unlink visitor from person"))
        self.unlink_button.setToolTip(
            self.tr("Linked in error: her visits and referrals go back to the visitor")
        )
        link_row.addWidget(self.unlink_button)
        link_row.addStretch(1)
        self.print_button = QPushButton(self.tr("Print for the visitor…"))
        self.print_button.setAccessibleName(self.tr("Print for the visitor"))
        self.print_button.setToolTip(
            self.tr("A visit summary or referral letter for the selected visit, by card code")
        )
        link_row.addWidget(self.print_button)
        layout.addLayout(link_row)
        self.status = plain_label("", self.tr("Visitor history status"), wrap=True)
        layout.addWidget(self.status)

        self.find_edit.returnPressed.connect(self.search)
        self.results.itemActivated.connect(self._open_item)
        self.link_button.clicked.connect(self.link)
        self.unlink_button.clicked.connect(self.unlink)
        self.case_ref.returnPressed.connect(self.link)
        self.print_button.clicked.connect(self.print_for_visitor)
        self._set_visitor(None)

    def _headers(self) -> list[str]:
        return [
            self.tr("Date"),
            self.tr("Site"),
            self.tr("Services"),
            self.tr("Reason"),
            self.tr("Follow-up"),
            self.tr("Clinical notes"),
        ]

    def search(self) -> None:
        """Find visitors; a single hit opens at once."""
        self.results.clear()
        self.status.setText("")
        text = self.find_edit.text().strip()
        if not text:
            return
        try:
            found = self.ctx.services.visitors.search(self.ctx.actor, text)
        except ClinicError as exc:
            self.status.setText(error_text(exc))
            return
        for v in found:
            item = QListWidgetItem(f"{v.code}  {v.nickname}".strip())
            item.setData(Qt.ItemDataRole.UserRole, v.id)
            self.results.addItem(item)
        if len(found) == 1:
            self.show_visitor(found[0].id)
        elif not found:
            self.status.setText(self.tr("No visitor found."))
        else:
            self.results.setCurrentRow(0)
            self.results.setFocus()

    def _open_item(self, item: QListWidgetItem) -> None:
        visitor_id = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(visitor_id, int):
            self.show_visitor(visitor_id)

    def show_visitor(self, visitor_id: int) -> None:
        try:
            visitor = self.ctx.services.visitors.get(self.ctx.actor, visitor_id)
            visits = self.ctx.services.visitors.history(self.ctx.actor, visitor_id)
        except ClinicError as exc:
            self.status.setText(error_text(exc))
            return
        self._set_visitor(visitor, visits)
        self.table.setFocus()

    def _set_visitor(self, visitor: VisitorView | None, visits: tuple[VisitView, ...] = ()) -> None:
        self.visitor = visitor
        self.visits = visits
        can_link = visitor is not None and visitor.linked_person_id is None
        # Linking changes her record: it needs the right to record visits (and to edit her).
        may = allowed(self.ctx.actor, Action.VISIT_CREATE)
        self.case_ref.setEnabled(can_link and may)
        self.link_button.setEnabled(self.case_ref.isEnabled())
        self.unlink_button.setEnabled(
            may and visitor is not None and visitor.linked_person_id is not None
        )
        self.print_button.setEnabled(
            visitor is not None
            and bool(visits)
            and allowed(self.ctx.actor, Action.VISIT_VIEW_CLINICAL_NOTES)
        )
        if visitor is None:
            self.details.setText("")
            self.model.clear()
            return
        parts = [
            visitor.code,
            visitor.nickname or self.tr("(no nickname)"),
            label(AGE_BANDS, visitor.age_band),
            visitor.nationality or self.tr("nationality unknown"),
            visitor.language or self.tr("language unknown"),
            self.tr("%n visit(s)", "", visitor.visit_count),
        ]
        if visitor.linked_case_ref:
            parts.append(self.tr("registered as %1").replace("%1", visitor.linked_case_ref))
        self.details.setText(" · ".join(parts))
        self.model.set_rows(
            [
                [
                    v.visited_at.strftime("%Y-%m-%d %H:%M"),
                    v.site_name,
                    services_text(v.services),
                    v.reason or "",
                    v.follow_up_date.isoformat() if v.follow_up_date else "",
                    v.clinical_notes or "",
                ]
                for v in visits
            ],
            list(visits),
        )
        # Notes are only ever filled in for nurses; hide the empty column for everyone else.
        self.table.setColumnHidden(5, not allowed(self.ctx.actor, Action.VISIT_VIEW_CLINICAL_NOTES))

    def print_for_visitor(self) -> None:
        """The print dialog for the shown visitor and the selected (or newest) visit."""
        if self.visitor is None or not self.visits:
            return
        rows = self.table.selectionModel().selectedRows()
        visit = self.visits[rows[0].row()] if rows else self.visits[0]
        open_print_dialog(
            self.ctx,
            None,
            doc_type=DocumentType.VISIT_SUMMARY,
            visit_id=visit.id,
            visitor_code=self.visitor.code,
            parent=self,
        )

    def link(self) -> None:
        """Link the shown visitor to the person with the typed case reference."""
        if self.visitor is None or not self.case_ref.text().strip():
            return
        svc, actor, visitor = self.ctx.services, self.ctx.actor, self.visitor
        try:
            person = svc.persons.get_by_case_ref(actor, self.case_ref.text())
        except NotFound:
            self.status.setText(self.tr("No person has this case reference."))
            return
        except ClinicError as exc:
            self.status.setText(error_text(exc))
            return
        # Linking moves every visit of the card onto her record: the question says whose,
        # and a typed reason is needed (cancelled or empty: nothing is linked).
        question = (
            self.tr(
                "Link visitor %1 to %2 %3? Her %n visit(s) will show on that record.",
                "",
                visitor.visit_count,
            )
            .replace("%1", visitor.code)
            .replace("%2", person.case_ref)
            .replace("%3", person.display_name)
        )
        reason = prompter.ask_text(
            self,
            self.tr("Link visitor"),
            question + "\n" + self.tr("Why is this visitor this person?"),
        )
        if reason is None or not reason.strip():
            return
        try:
            svc.visitors.link_to_person(actor, visitor.id, person.id, reason)
        except ClinicError as exc:
            self.status.setText(error_text(exc))
            return
        self.case_ref.clear()
        self.show_visitor(self.visitor.id)
        self.status.setText(self.tr("Linked: her visits now show on her record."))
        self.ctx.data_changed.emit("visits")

    def unlink(self) -> None:
        """Undo a link made in error (asks for the reason; audited)."""
        if self.visitor is None or self.visitor.linked_person_id is None:
            return
        reason = prompter.ask_text(
            self, self.tr("Unlink visitor"), self.tr("Why was the link wrong?")
        )
        if reason is None:
            return
        try:
            self.ctx.services.visitors.unlink(self.ctx.actor, self.visitor.id, reason)
        except ClinicError as exc:
            self.status.setText(error_text(exc))
            return
        self.show_visitor(self.visitor.id)
        self.status.setText(self.tr("Unlinked: her visits are the visitor's again."))
        self.ctx.data_changed.emit("visits")

    def clear_personal_data(self) -> None:
        self.find_edit.clear()
        self.results.clear()
        self.case_ref.clear()
        self.status.setText("")
        self._set_visitor(None)

    def retranslate_ui(self) -> None:
        self.model.set_headers(self._headers())
