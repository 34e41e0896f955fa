"""Administration › Workstations (shared database): enrolment codes, the list, revoking."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from clinic_app.services.workstations import Enrolment, WorkstationView
from clinic_app.ui.common import error_message, make_table, named, plain_label, prompter
from clinic_app.ui.context import UiContext, run_task


class WorkstationsTab(QWidget):
    """Joined workstations of the shared database; every action is audited by the service."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._rows: list[WorkstationView] = []
        named(self, self.tr("Workstations"))
        explanation = plain_label(
            self.tr(
                "Computers joined to the shared database. To join one more, make a one-time "
                "code here and type it on the new computer within two hours."
            ),
            self.tr("Workstations explanation"),
            wrap=True,
        )
        self.model = QStandardItemModel(0, 5, self)
        self.model.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Id"), self.tr("Joined"), self.tr("How"), self.tr("State")]
        )
        self.table = make_table(self.model, self.tr("Workstations table"))
        self.enrol_button = QPushButton(self.tr("Make an enrolment code"))
        named(self.enrol_button, self.tr("Make an enrolment code"))
        self.enrol_button.clicked.connect(self.enrol)
        self.revoke_button = QPushButton(self.tr("Revoke…"))
        named(self.revoke_button, self.tr("Revoke the selected workstation"))
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.code_label = plain_label("", self.tr("Enrolment code"), wrap=True)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error = plain_label("", self.tr("Workstations error"), wrap=True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.enrol_button)
        buttons.addWidget(self.revoke_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(buttons)
        layout.addWidget(self.code_label)
        layout.addWidget(self.error)
        layout.addWidget(self.table)

    def refresh(self) -> None:
        self.error.clear()
        try:
            rows = self.ctx.services.workstations.list(self.ctx.actor)
        except Exception as exc:  # shown beside the list; nothing else depends on it
            self.error.setText(error_message(exc))
            return
        self._rows = list(rows)
        self.model.removeRows(0, self.model.rowCount())
        for w in rows:
            state = (
                self.tr("revoked %1 by %2")
                .replace("%1", f"{w.revoked_at:%Y-%m-%d}")
                .replace("%2", w.revoked_by)
                if w.revoked_at
                else (self.tr("active (this one)") if w.this_one else self.tr("active"))
            )
            how = {"first": self.tr("created the database"), "code": self.tr("enrolment code")}
            cells = [
                w.name,
                w.id[:8],
                f"{w.joined_at:%Y-%m-%d %H:%M}",
                how.get(w.joined_with, self.tr("recovery key"))
                + (f" ({w.joined_by})" if w.joined_by else ""),
                state,
            ]
            self.model.appendRow([QStandardItem(c) for c in cells])

    def enrol(self) -> None:
        self.enrol_button.setEnabled(False)
        self.error.clear()

        def done(result: object) -> None:
            self.enrol_button.setEnabled(True)
            assert isinstance(result, Enrolment)
            self.code_label.setText(
                self.tr("Enrolment code (shown only now): %1 — valid until %2 UTC.")
                .replace("%1", result.code)
                .replace("%2", f"{result.expires_at:%Y-%m-%d %H:%M}")
            )
            self.refresh()

        def failed(exc: BaseException) -> None:
            self.enrol_button.setEnabled(True)
            self.error.setText(error_message(exc))

        actor = self.ctx.actor
        run_task(lambda: self.ctx.services.workstations.enrol(actor), done, failed)

    def revoke_selected(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= len(self._rows):
            self.error.setText(self.tr("Select a workstation first."))
            return
        w = self._rows[index.row()]
        reason = prompter.ask_text(
            self, self.tr("Revoke workstation"), self.tr("Why is %1 revoked?").replace("%1", w.name)
        )
        if not reason:
            return
        if not prompter.confirm(
            self,
            self.tr("Revoke workstation"),
            self.tr("%1 will no longer be able to open or change the database.").replace(
                "%1", w.name
            ),
        ):
            return
        try:
            self.ctx.services.workstations.revoke(self.ctx.actor, w.id, reason)
        except Exception as exc:  # a clear message beside the list
            self.error.setText(error_message(exc))
            return
        self.refresh()

    def clear_personal_data(self) -> None:
        self.code_label.clear()
