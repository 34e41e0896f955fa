"""The person record's clinic-visits tab: visits (also those made as an anonymous visitor
before she was registered) and referrals. Others than clinic staff see only that a visit
happened: the date and the place."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clinic_app.errors import ClinicError
from clinic_app.security.permissions import Action, allowed
from clinic_app.services.clinic_common import VisitView
from clinic_app.services.referrals import ReferralView
from clinic_app.ui.clinic.common import (
    REFERRAL_STATUSES,
    SPECIALTIES,
    URGENCIES,
    RowsModel,
    error_text,
    label,
    plain_label,
    services_text,
)
from clinic_app.ui.context import UiContext
from clinic_app.vocabulary import DocumentType


def _table(name: str, model: RowsModel) -> QTableView:
    table = QTableView()
    table.setAccessibleName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class PersonVisitsTab(QWidget):
    """Loads on construction and on ``refresh()``."""

    def __init__(self, ctx: UiContext, person_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id = person_id
        self.visits: tuple[VisitView, ...] = ()
        self.setAccessibleName(self.tr("Clinic visits"))
        layout = QVBoxLayout(self)
        self.note = plain_label("", self.tr("Clinic visits note"), wrap=True)
        layout.addWidget(self.note)
        self.model = RowsModel(self._headers(), self)
        self.table = _table(self.tr("Clinic visits table"), self.model)
        layout.addWidget(self.table, 2)
        self.referrals_title = plain_label(self.tr("Referrals"), self.tr("Referrals heading"))
        layout.addWidget(self.referrals_title)
        self.referral_model = RowsModel(self._referral_headers(), self)
        self.referral_table = _table(self.tr("Referrals table"), self.referral_model)
        layout.addWidget(self.referral_table, 1)
        buttons = QHBoxLayout()
        self.print_visit_button = QPushButton(self.tr("Print &visit summary…"))
        self.print_visit_button.setAccessibleName(self.tr("Print visit summary"))
        self.print_visit_button.clicked.connect(self.print_visit)
        self.print_referral_button = QPushButton(self.tr("Print &referral letter…"))
        self.print_referral_button.setAccessibleName(self.tr("Print referral letter"))
        self.print_referral_button.clicked.connect(self.print_referral)
        buttons.addWidget(self.print_visit_button)
        buttons.addWidget(self.print_referral_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        ctx.data_changed.connect(lambda area: self.refresh() if area == "visits" else None)
        self.refresh()

    def _headers(self) -> list[str]:
        return [
            self.tr("Date"),
            self.tr("Site"),
            self.tr("Services"),
            self.tr("Reason"),
            self.tr("Follow-up"),
            self.tr("Visitor code"),
            self.tr("Clinical notes"),
        ]

    def _referral_headers(self) -> list[str]:
        return [
            self.tr("Made on"),
            self.tr("Referred to"),
            self.tr("Urgency"),
            self.tr("Status"),
            self.tr("Partner"),
            self.tr("Reason"),
        ]

    def refresh(self) -> None:
        actor, svc = self.ctx.actor, self.ctx.services
        try:
            self.visits = svc.visits.person_visits(actor, self.person_id)
        except ClinicError as exc:
            self.clear_personal_data()
            self.note.setText(error_text(exc))
            return
        details = any(v.details_visible for v in self.visits) or not self.visits
        self.note.setText(
            ""
            if details
            else self.tr("Only the date and place of clinic visits are shown to your role.")
        )
        self.model.set_rows(
            [
                [
                    v.visited_at.strftime("%Y-%m-%d"),
                    v.site_name,
                    services_text(v.services),
                    v.reason or "",
                    v.follow_up_date.isoformat() if v.follow_up_date else "",
                    v.visitor_code or "",
                    v.clinical_notes or "",
                ]
                for v in self.visits
            ],
            list(self.visits),
        )
        for col in (2, 3, 4, 5):
            self.table.setColumnHidden(col, not details)
        self.table.setColumnHidden(6, not allowed(actor, Action.VISIT_VIEW_CLINICAL_NOTES))
        shows_referrals = details and bool(self.visits)
        referrals: tuple[ReferralView, ...] = ()
        if shows_referrals:
            try:
                referrals = svc.referrals.for_person(actor, self.person_id)
            except ClinicError:
                shows_referrals = False
        self.referrals_title.setVisible(shows_referrals)
        self.referral_table.setVisible(shows_referrals)
        self.print_referral_button.setVisible(shows_referrals)
        self.referral_model.set_rows(
            [
                [
                    r.created_at.strftime("%Y-%m-%d"),
                    label(SPECIALTIES, r.specialty),
                    label(URGENCIES, r.urgency),
                    label(REFERRAL_STATUSES, r.status),
                    r.partner_name or "",
                    r.reason or "",
                ]
                for r in referrals
            ],
            list(referrals),
        )

    def _selected(self, table: QTableView, model: RowsModel) -> object | None:
        rows = table.selectionModel().selectedRows()
        return model.payload(rows[0].row()) if rows else None

    def print_visit(self) -> None:
        """Print the selected visit's summary (the dialog checks consent and recipient)."""
        visit = self._selected(self.table, self.model)
        if not isinstance(visit, VisitView):
            self.note.setText(self.tr("Select a visit to print its summary."))
            return
        from clinic_app.ui.documents.print_dialog import open_print_dialog

        open_print_dialog(
            self.ctx,
            self.person_id,
            doc_type=DocumentType.VISIT_SUMMARY,
            visit_id=visit.id,
            parent=self,
        )

    def print_referral(self) -> None:
        """Print the referral letter for the selected referral."""
        referral = self._selected(self.referral_table, self.referral_model)
        if not isinstance(referral, ReferralView):
            self.note.setText(self.tr("Select a referral to print its letter."))
            return
        from clinic_app.ui.documents.print_dialog import open_print_dialog

        open_print_dialog(
            self.ctx,
            self.person_id,
            doc_type=DocumentType.HEALTH_REFERRAL,
            referral_id=referral.id,
            parent=self,
        )

    def clear_personal_data(self) -> None:
        self.visits = ()
        self.model.clear()
        self.referral_model.clear()
        self.note.setText("")

    def retranslate_ui(self) -> None:
        self.model.set_headers(self._headers())
        self.referral_model.set_headers(self._referral_headers())
        self.refresh()
