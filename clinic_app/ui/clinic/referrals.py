"""Open referrals: most urgent and oldest first, marked done or cancelled from the list."""

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
from clinic_app.security.permissions import Action
from clinic_app.services.referrals import ReferralView
from clinic_app.ui.areas import can_ever
from clinic_app.ui.clinic.common import (
    SPECIALTIES,
    URGENCIES,
    RowsModel,
    error_text,
    label,
    plain_label,
)
from clinic_app.ui.common import prompter
from clinic_app.ui.context import UiContext


class OpenReferralsView(QWidget):
    """The open referrals of one site (or of all sites)."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.site_id: int | None = None
        self.referrals: tuple[ReferralView, ...] = ()
        self.setAccessibleName(self.tr("Open referrals"))
        layout = QVBoxLayout(self)
        self.model = RowsModel(self._headers(), self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Open referrals table"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.done_button = QPushButton(self.tr("Mark done"))
        self.done_button.setAccessibleName(self.tr("Mark referral done"))
        self.cancel_button = QPushButton(self.tr("Cancel referral"))
        self.cancel_button.setAccessibleName(self.tr("Cancel referral"))
        may_close = can_ever(ctx.actor, Action.REFERRAL_CLOSE)
        self.done_button.setVisible(may_close)
        self.cancel_button.setVisible(may_close)
        self.status = plain_label("", self.tr("Referrals status"), wrap=True)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.done_button)
        layout.addLayout(buttons)
        self.done_button.clicked.connect(lambda: self._close(done=True))
        self.cancel_button.clicked.connect(lambda: self._close(done=False))

    def _headers(self) -> list[str]:
        return [
            self.tr("Made on"),
            self.tr("Urgency"),
            self.tr("Referred to"),
            self.tr("Partner"),
            self.tr("Who"),
            self.tr("Site"),
            self.tr("Reason"),
        ]

    def set_site(self, site_id: int | None) -> None:
        self.site_id = site_id
        self.refresh()

    def refresh(self) -> None:
        try:
            self.referrals = self.ctx.services.referrals.open_referrals(
                self.ctx.actor, self.site_id
            )
        except ClinicError as exc:
            self.referrals = ()
            self.model.clear()
            self.status.setText(error_text(exc))
            return
        self.model.set_rows(
            [
                [
                    r.created_at.strftime("%Y-%m-%d"),
                    label(URGENCIES, r.urgency),
                    label(SPECIALTIES, r.specialty),
                    r.partner_name or "",
                    r.case_ref or r.visitor_code or "",
                    r.site_name or "",
                    r.reason or "",
                ]
                for r in self.referrals
            ],
            list(self.referrals),
        )
        if self.referrals:
            self.table.selectRow(0)
        self.status.setText(self.tr("%n open referral(s)", "", len(self.referrals)))

    def select(self, row: int) -> None:
        self.table.selectRow(row)

    def _current(self) -> ReferralView | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        payload = self.model.payload(rows[0].row())
        return payload if isinstance(payload, ReferralView) else None

    def _close(self, *, done: bool) -> None:
        referral = self._current()
        if referral is None:
            self.status.setText(self.tr("Choose a referral first."))
            return
        who = referral.case_ref or referral.visitor_code or ""
        what = label(SPECIALTIES, referral.specialty)
        question = (
            self.tr("Mark the referral of %1 to %2 as done? It leaves the open list.")
            if done
            else self.tr(
                "Cancel the referral of %1 to %2? It leaves the open list and cannot be "
                "reopened; a new referral would be needed."
            )
        )
        if not prompter.confirm(
            self,
            self.tr("Mark referral done") if done else self.tr("Cancel referral"),
            question.replace("%1", who).replace("%2", what),
        ):
            return
        svc, actor = self.ctx.services.referrals, self.ctx.actor
        try:
            if done:
                svc.mark_done(actor, referral.id)
            else:
                svc.cancel(actor, referral.id)
        except ClinicError as exc:
            self.status.setText(error_text(exc))
            return
        self.refresh()
        self.ctx.data_changed.emit("visits")

    def clear_personal_data(self) -> None:
        self.referrals = ()
        self.model.clear()
        self.status.setText("")

    def retranslate_ui(self) -> None:
        self.model.set_headers(self._headers())
