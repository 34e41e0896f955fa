"""The "Action plans" area: plans due for review across my caseload (or the whole team for
team leads and administrators), and minors with a guardian who turn 18 soon.

Each row opens the person's record at the plans or contacts tab.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clinic_app.errors import ClinicError
from clinic_app.security.permissions import Action, Scope, scope_for
from clinic_app.services.action_plans import PlanSummary
from clinic_app.services.contacts import TransitionDue
from clinic_app.ui.context import UiContext
from clinic_app.ui.plans.common import date_text, error_text, plain_label, state_label, translate

PLANS_TAB = "plans"
CONTACTS_TAB = "contacts"


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setAccessibleName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setSortingEnabled(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    return table


class ActionPlansPage(QWidget):
    """Plans due for review and turning-18 transitions, soonest first."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.plans: tuple[PlanSummary, ...] = ()
        self.transitions: tuple[TransitionDue, ...] = ()
        self.setAccessibleName(translate("Plans", "Action plans"))

        self.days = QSpinBox()
        self.days.setRange(0, 365)
        self.days.setValue(30)
        self.days.setSuffix(" " + translate("Plans", "days"))
        self.days.setAccessibleName(translate("Plans", "Days ahead"))
        self.days.valueChanged.connect(lambda _v: self.refresh())
        days_label = QLabel(translate("Plans", "Review due within:"))
        days_label.setBuddy(self.days)
        self.whole_team = QCheckBox(translate("Plans", "&Whole team (not only my caseload)"))
        self.whole_team.setAccessibleName(translate("Plans", "Whole team"))
        self.whole_team.setVisible(scope_for(ctx.actor.role, Action.PLAN_VIEW) is not Scope.NONE)
        self.whole_team.toggled.connect(lambda _c: self.refresh())
        self.open_button = QPushButton(translate("Plans", "&Open plan"))
        self.open_button.setAccessibleName(translate("Plans", "Open plan"))
        self.open_button.clicked.connect(self.open_selected_plan)
        top = QHBoxLayout()
        top.addWidget(days_label)
        top.addWidget(self.days)
        top.addWidget(self.whole_team)
        top.addStretch(1)
        top.addWidget(self.open_button)

        self.status = plain_label("", translate("Plans", "Action plans status"))
        self.table = _table(
            translate("Plans", "Plans due for review"),
            [
                translate("Plans", "Review"),
                translate("Plans", "Case"),
                translate("Plans", "Person"),
                translate("Plans", "Version"),
                translate("Plans", "Open tasks"),
                translate("Plans", "Plan"),
            ],
        )
        self.table.itemActivated.connect(lambda _i: self.open_selected_plan())

        transitions_box = QGroupBox(translate("Plans", "Turning 18 within 60 days"))
        self.transition_table = _table(
            translate("Plans", "Turning 18"),
            [
                translate("Plans", "Turns 18"),
                translate("Plans", "Case"),
                translate("Plans", "Person"),
                translate("Plans", "Guardian"),
            ],
        )
        self.transition_table.itemActivated.connect(lambda _i: self.open_selected_transition())
        self.open_transition_button = QPushButton(translate("Plans", "Open &contacts"))
        self.open_transition_button.setAccessibleName(translate("Plans", "Open contacts"))
        self.open_transition_button.clicked.connect(self.open_selected_transition)
        box_layout = QVBoxLayout(transitions_box)
        box_layout.addWidget(self.transition_table)
        box_layout.addWidget(self.open_transition_button, 0, Qt.AlignmentFlag.AlignRight)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 2)
        layout.addWidget(transitions_box, 1)
        ctx.data_changed.connect(self._data_changed)
        self.refresh()

    def _data_changed(self, area: str) -> None:
        if area in ("plans", "persons"):
            self.refresh()

    def refresh(self) -> None:
        svc, actor = self.ctx.services, self.ctx.actor
        try:
            self.plans = svc.plans.due_for_review(
                actor, self.days.value(), caseload_only=not self.whole_team.isChecked()
            )
            self.transitions = svc.contacts.transitions_due(actor)
        except ClinicError as exc:
            self.plans, self.transitions = (), ()
            self.status.setText(error_text(exc))
        else:
            self.status.setText(
                translate("Plans", "%1 plan(s) due for review, %2 person(s) turning 18.")
                .replace("%1", str(len(self.plans)))
                .replace("%2", str(len(self.transitions)))
            )
        today = svc.clock()
        self.table.setRowCount(len(self.plans))
        for row, p in enumerate(self.plans):
            overdue = p.review_date is not None and p.review_date < today
            cells = [
                date_text(p.review_date)
                + (" " + translate("Plans", "(overdue)") if overdue else ""),
                p.case_ref,
                p.display_name,
                f"{p.latest_number} · {state_label(p.latest_state)}",
                str(p.open_tasks),
                p.title,
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.transition_table.setRowCount(len(self.transitions))
        for row, t in enumerate(self.transitions):
            when = date_text(t.turns_18_on) + (
                " " + translate("Plans", "(estimated)") if t.uncertain else ""
            )
            if t.days_left < 0:
                when += " " + translate("Plans", "(passed: end the guardianship)")
            cells = [when, t.case_ref, t.display_name, t.guardian_name]
            for column, text in enumerate(cells):
                self.transition_table.setItem(row, column, QTableWidgetItem(text))
        self.transition_table.resizeColumnsToContents()

    def clear_personal_data(self) -> None:
        self.plans, self.transitions = (), ()
        self.table.setRowCount(0)
        self.transition_table.setRowCount(0)
        self.status.clear()

    def open_selected_plan(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.plans):
            self.ctx.open_person(self.plans[row].person_id, PLANS_TAB)

    def open_selected_transition(self) -> None:
        row = self.transition_table.currentRow()
        if 0 <= row < len(self.transitions):
            self.ctx.open_person(self.transitions[row].person_id, CONTACTS_TAB)
