"""The "Action plans" tab of a person's record: the person's plans, a new plan from a
template, and the plan editor for the plan chosen."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clinic_app.errors import ClinicError
from clinic_app.security.permissions import Action
from clinic_app.services.action_plans import PlanInput, PlanSummary
from clinic_app.ui.areas import can_ever
from clinic_app.ui.context import UiContext
from clinic_app.ui.plans.common import (
    FormDialog,
    OptionalDate,
    date_text,
    error_text,
    plain_label,
    show_message,
    state_label,
    translate,
)
from clinic_app.ui.plans.editor import PlanEditor

DEFAULT_REVIEW_DAYS = 30


class PlansTab(QWidget):
    """A person's plans on the left, the chosen plan's editor on the right."""

    def __init__(self, ctx: UiContext, person_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id = person_id
        self.plans: tuple[PlanSummary, ...] = ()
        self.editor: PlanEditor | None = None
        self.dialog: FormDialog | None = None
        self.message: QMessageBox | None = None
        self.setAccessibleName(translate("Plans", "Action plans"))

        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(translate("Plans", "Plans"))
        self.table.setHorizontalHeaderLabels(
            [
                translate("Plans", "Plan"),
                translate("Plans", "From"),
                translate("Plans", "Version"),
                translate("Plans", "Review"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.itemSelectionChanged.connect(self._open_selected)

        self.new_button = QPushButton(translate("Plans", "&New plan"))
        self.new_button.setAccessibleName(translate("Plans", "New plan"))
        self.new_button.clicked.connect(self.new_plan)
        self.empty_label = plain_label(
            translate("Plans", "No action plan yet."), translate("Plans", "No plans")
        )

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table)
        left_layout.addWidget(self.empty_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        left_layout.addLayout(buttons)

        self.editor_host = QWidget()
        self.editor_layout = QVBoxLayout(self.editor_host)
        self.editor_layout.setContentsMargins(0, 0, 0, 0)
        self.placeholder = plain_label(
            translate("Plans", "Choose a plan to open it."), translate("Plans", "Plan editor")
        )
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.editor_layout.addWidget(self.placeholder)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.editor_host)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.refresh()

    # --- loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        try:
            self.plans = self.ctx.services.plans.list_for_person(self.ctx.actor, self.person_id)
        except ClinicError as exc:
            self.message = show_message(self, translate("Plans", "Action plans"), error_text(exc))
            self.plans = ()
        may_edit = self._may_create()
        self.new_button.setEnabled(may_edit)
        current = self.editor.plan_id if self.editor is not None else None
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.plans))
        for row, p in enumerate(self.plans):
            review = date_text(p.review_date) + (
                " " + translate("Plans", "(due)") if p.review_due else ""
            )
            cells = [
                p.title,
                date_text(p.period_from),
                f"{p.latest_number} · {state_label(p.latest_state)}",
                review,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, p.id)
                self.table.setItem(row, column, item)
            if p.id == current:
                self.table.selectRow(row)
        self.table.blockSignals(False)
        self.table.resizeColumnsToContents()
        self.empty_label.setVisible(not self.plans)
        if self.editor is None and len(self.plans) >= 1:
            self.table.selectRow(0)

    def _may_create(self) -> bool:
        # The service decides; the button is only disabled for roles that never edit plans.
        return can_ever(self.ctx.actor, Action.PLAN_EDIT)

    def clear_personal_data(self) -> None:
        self.plans = ()
        self.table.setRowCount(0)
        if self.editor is not None:
            self.editor.clear_personal_data()
        if self.dialog is not None:
            self.dialog.reject()

    def _open_selected(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.plans):
            return
        self.open_plan(self.plans[row].id)

    def open_plan(self, plan_id: int) -> PlanEditor:
        """Show the editor for ``plan_id`` in the tab."""
        if self.editor is not None and self.editor.plan_id == plan_id:
            return self.editor
        if self.editor is not None:
            self.editor.setParent(None)
            self.editor.deleteLater()
        self.placeholder.hide()
        self.editor = PlanEditor(self.ctx, plan_id)
        self.editor.changed.connect(self.refresh)
        self.editor_layout.addWidget(self.editor)
        return self.editor

    # --- a new plan -------------------------------------------------------------------------

    def new_plan(self) -> FormDialog | None:
        try:
            templates = self.ctx.services.plans.templates(self.ctx.actor)
        except ClinicError as exc:
            self.message = show_message(self, translate("Plans", "Action plans"), error_text(exc))
            return None
        today = self.ctx.services.clock()
        template = QComboBox()
        template.addItem(translate("Plans", "No template"), "")
        for t in templates:
            template.addItem(t.name, t.key)
        title = QLineEdit()
        start = OptionalDate(translate("Plans", "Period from"), today, today)
        start.check.hide()
        end = OptionalDate(translate("Plans", "Period to"), None, today)
        review = OptionalDate(
            translate("Plans", "Review date"), today + dt.timedelta(days=DEFAULT_REVIEW_DAYS), today
        )

        def template_chosen() -> None:
            names = {t.key: t.name for t in templates}
            if not title.isModified():
                title.setText(names.get(template.currentData(), ""))

        template.currentIndexChanged.connect(template_chosen)
        created: list[int] = []

        def submit() -> None:
            data = PlanInput(title.text(), start.value() or today, end.value(), review.value())
            detail = self.ctx.services.plans.create(
                self.ctx.actor, self.person_id, data, template.currentData() or None
            )
            created.append(detail.id)

        dialog = FormDialog(self, translate("Plans", "New action plan"), submit)
        dialog.add_row(translate("Plans", "T&emplate"), template, "template")
        dialog.add_row(translate("Plans", "&Title"), title, "title")
        dialog.add_row(translate("Plans", "Period &from"), start, "period_from")
        dialog.add_row(translate("Plans", "Period &to"), end, "period_to")
        dialog.add_row(translate("Plans", "&Review date"), review, "review_date")
        for widget, name in (
            (start, translate("Plans", "Period from")),
            (end, translate("Plans", "Period to")),
            (review, translate("Plans", "Review date")),
        ):
            widget.setAccessibleName(name)

        def accepted() -> None:
            self.ctx.data_changed.emit("plans")
            if created:
                self.open_plan(created[0])
            self.refresh()

        dialog.accepted.connect(accepted)
        self.dialog = dialog
        dialog.open()
        return dialog
