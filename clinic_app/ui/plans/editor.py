"""The action plan editor: goals by area and their tasks as a tree, versions and differences.

Keyboard: Enter edits the selected goal or task, Ctrl+D marks a task done, Ctrl+Up/Ctrl+Down
move it, Delete removes it, Insert adds a task (Ctrl+Insert a goal). Goals and tasks can also
be dragged to a new place. Every change is saved at once through the plans service; when the
newest version is agreed, the first change makes a new draft version and the agreed one stays
readable in the version selector, with its differences to any other version.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QDropEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from clinic_app.errors import ClinicError, Conflict
from clinic_app.services.action_plans import (
    GoalInput,
    GoalScope,
    GoalView,
    PlanDetail,
    PlanInput,
    TaskInput,
    TaskView,
)
from clinic_app.services.plan_diff import DiffEntry
from clinic_app.services.plan_templates import CHILD_AREAS
from clinic_app.ui.context import UiContext
from clinic_app.ui.plans.common import (
    FormDialog,
    OptionalDate,
    area_label,
    date_text,
    error_text,
    plain_label,
    show_message,
    state_label,
    status_label,
    translate,
)
from clinic_app.vocabulary import DocumentType, PlanArea, PlanState, TaskStatus

KIND_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1

STATE_COLOURS = {
    PlanState.DRAFT: "#8a5a00",
    PlanState.AGREED: "#1b5e20",
    PlanState.SUPERSEDED: "#555555",
}
ADDED_BRUSH = QBrush(QColor("#e3f4e1"))
CHANGED_BRUSH = QBrush(QColor("#fff4cc"))


def _field_label(field: str) -> str:
    labels = {
        "title": translate("Plans", "title"),
        "description": translate("Plans", "description"),
        "responsible": translate("Plans", "responsible"),
        "due_date": translate("Plans", "due date"),
        "status": translate("Plans", "status"),
        "note": translate("Plans", "note"),
        "position": translate("Plans", "order"),
    }
    return labels.get(field, field)


# Keys the tree turns into editor actions.
TREE_KEYS: dict[tuple[Qt.Key, Qt.KeyboardModifier], str] = {
    (Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier): "up",
    (Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier): "down",
    (Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier): "done",
    (Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier): "remove",
    (Qt.Key.Key_Insert, Qt.KeyboardModifier.NoModifier): "add_task",
    (Qt.Key.Key_Insert, Qt.KeyboardModifier.ControlModifier): "add_goal",
}


class PlanTree(QTreeWidget):
    """The tree of areas, goals and tasks; a drop asks the editor to move, never moves itself."""

    move_requested = Signal(str, int, str, int, bool)  # kind, id, target kind, target id, below
    key_action = Signal(str)  # "up", "down", "done", "remove", "add_task", "add_goal"

    def __init__(self) -> None:
        super().__init__()
        self.setColumnCount(5)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Handled here, before the view's own Ctrl+arrow navigation takes the keys.
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        action = TREE_KEYS.get((Qt.Key(event.key()), modifiers))
        if action is None:
            super().keyPressEvent(event)
            return
        event.accept()
        self.key_action.emit(action)

    def dropEvent(self, event: QDropEvent) -> None:
        source = self.currentItem()
        target = self.itemAt(event.position().toPoint())
        # The tree is rebuilt from the saved plan after a move: Qt must not move rows itself.
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        if source is None or target is None or source is target:
            return
        below = self.dropIndicatorPosition() in (
            QAbstractItemView.DropIndicatorPosition.BelowItem,
            QAbstractItemView.DropIndicatorPosition.OnItem,
        )
        self.move_requested.emit(
            source.data(0, KIND_ROLE) or "",
            int(source.data(0, ID_ROLE) or 0),
            target.data(0, KIND_ROLE) or "",
            int(target.data(0, ID_ROLE) or 0),
            below,
        )


class PlanEditor(QWidget):
    """One plan: header with state and agreement, version selector, comparison, tree, actions.

    ``changed`` is emitted after every successful save.
    """

    changed = Signal()

    def __init__(self, ctx: UiContext, plan_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.plan_id = plan_id
        self.detail: PlanDetail | None = None
        self._number: int | None = None  # the version shown; None = the newest
        self._compare: int | None = None
        self._diff: tuple[DiffEntry, ...] = ()
        self.dialog: FormDialog | None = None
        self.message: QMessageBox | None = None
        self._build()
        self.reload()

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.setAccessibleName(translate("Plans", "Plan editor"))
        self.title_label = plain_label("", translate("Plans", "Plan title"))
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title_label.setFont(font)
        self.period_label = plain_label("", translate("Plans", "Plan period"))
        self.state_label = plain_label("", translate("Plans", "Plan state"))
        self.agreement_label = plain_label("", translate("Plans", "Agreement"))
        self.notice_label = plain_label("", translate("Plans", "Notice"))
        self.notice_label.setStyleSheet("color: #444; font-style: italic;")

        self.version_combo = QComboBox()
        self.version_combo.setAccessibleName(translate("Plans", "Version"))
        self.version_combo.setToolTip(translate("Plans", "Choose a version to read (Alt+V)"))
        self.version_combo.activated.connect(self._version_chosen)
        self.compare_combo = QComboBox()
        self.compare_combo.setAccessibleName(translate("Plans", "Compare with"))
        self.compare_combo.activated.connect(self._compare_chosen)
        version_row = QHBoxLayout()
        version_label = plain_label(translate("Plans", "&Version:"))
        version_label.setTextFormat(Qt.TextFormat.AutoText)
        version_label.setBuddy(self.version_combo)
        compare_label = plain_label(translate("Plans", "Co&mpare with:"))
        compare_label.setTextFormat(Qt.TextFormat.AutoText)
        compare_label.setBuddy(self.compare_combo)
        version_row.addWidget(version_label)
        version_row.addWidget(self.version_combo, 1)
        version_row.addWidget(compare_label)
        version_row.addWidget(self.compare_combo, 1)

        self.tree = PlanTree()
        self.tree.setAccessibleName(translate("Plans", "Goals and tasks"))
        self.tree.setHeaderLabels(
            [
                translate("Plans", "Goal or task"),
                translate("Plans", "Responsible"),
                translate("Plans", "Due"),
                translate("Plans", "Status"),
                translate("Plans", "Note"),
            ]
        )
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.itemActivated.connect(lambda *_: self.edit_selected())
        self.tree.move_requested.connect(self._drop_move)

        self.diff_box = QGroupBox(translate("Plans", "Differences"))
        self.diff_list = QListWidget()
        self.diff_list.setAccessibleName(translate("Plans", "Differences"))
        box_layout = QVBoxLayout(self.diff_box)
        box_layout.addWidget(self.diff_list)
        self.diff_box.hide()

        self.buttons: dict[str, QPushButton] = {}
        actions: list[tuple[str, str, Callable[[], object]]] = [
            ("add_goal", translate("Plans", "Add &goal"), self.add_goal),
            ("add_task", translate("Plans", "Add &task"), self.add_task),
            ("edit", translate("Plans", "&Edit"), self.edit_selected),
            ("done", translate("Plans", "Mark &done"), self.mark_done),
            ("note", translate("Plans", "Add &note"), self.add_note),
            ("up", translate("Plans", "Move &up"), lambda: self.move_selected(-1)),
            ("down", translate("Plans", "Move do&wn"), lambda: self.move_selected(1)),
            ("remove", translate("Plans", "&Remove"), self.remove_selected),
            ("details", translate("Plans", "Plan detai&ls"), self.edit_details),
            ("agree", translate("Plans", "&Agree plan"), self.agree),
            ("print", translate("Plans", "&Print…"), self.print_plan),
        ]
        button_row = QHBoxLayout()
        for key, text, slot in actions:
            button = QPushButton(text)
            button.setAccessibleName(text.replace("&", ""))
            button.clicked.connect(slot)
            self.buttons[key] = button
            button_row.addWidget(button)
        button_row.addStretch(1)

        self.tree.key_action.connect(self._key_action)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.period_label)
        layout.addWidget(self.state_label)
        layout.addWidget(self.agreement_label)
        layout.addLayout(version_row)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.tree, 3)
        layout.addWidget(self.diff_box, 1)
        layout.addLayout(button_row)

    # --- loading ----------------------------------------------------------------------------

    def reload(self) -> None:
        """Load the plan again (the version shown stays if it still exists)."""
        try:
            detail = self.ctx.services.plans.get(self.ctx.actor, self.plan_id, self._number)
        except ClinicError as exc:
            self._fail(exc, reload=False)
            return
        self._show(detail)

    def refresh(self) -> None:
        self.reload()

    def clear_personal_data(self) -> None:
        self.detail = None
        self.tree.clear()
        self.diff_list.clear()
        for label in (
            self.title_label,
            self.period_label,
            self.state_label,
            self.agreement_label,
            self.notice_label,
        ):
            label.clear()
        self.version_combo.clear()
        self.compare_combo.clear()
        if self.dialog is not None:
            self.dialog.reject()

    def _show(self, detail: PlanDetail) -> None:
        self.detail = detail
        shown = detail.shown
        self.title_label.setText(detail.title)
        period = f"{date_text(detail.period_from)} – {date_text(detail.period_to) or '…'}"
        review = (
            translate("Plans", "review %1").replace("%1", date_text(detail.review_date))
            if detail.review_date
            else translate("Plans", "no review date")
        )
        due = " " + translate("Plans", "(due)") if detail.review_due else ""
        self.period_label.setText(f"{period}; {review}{due}")
        self.state_label.setText(
            translate("Plans", "Version %1 of %2: %3")
            .replace("%1", str(shown.number))
            .replace("%2", str(len(detail.versions)))
            .replace("%3", state_label(shown.state))
        )
        self.state_label.setStyleSheet(f"color: {STATE_COLOURS[shown.state]}; font-weight: bold;")
        self.agreement_label.setText(self._agreement_text(detail))
        self.agreement_label.setVisible(shown.agreed_at is not None)
        self.notice_label.setText(self._notice(detail))
        self._fill_versions(detail)
        self._load_diff()
        self._fill_tree(detail)
        self._update_buttons()

    def _agreement_text(self, detail: PlanDetail) -> str:
        v = detail.shown
        if v.agreed_at is None:
            return ""
        parts = [
            translate("Plans", "Agreed on %1 with the person").replace(
                "%1", v.agreed_at.strftime("%Y-%m-%d")
            )
        ]
        if v.agreed_contact_name:
            parts.append(
                translate("Plans", "contact person %1").replace("%1", v.agreed_contact_name)
            )
        if v.agreed_guardian_name:
            parts.append(translate("Plans", "guardian %1").replace("%1", v.agreed_guardian_name))
        return ", ".join(parts)

    def _notice(self, detail: PlanDetail) -> str:
        notes = []
        newest = detail.shown.number == detail.stamp.number
        if not newest:
            notes.append(translate("Plans", "An earlier version: it cannot be changed."))
        elif detail.shown.state is PlanState.AGREED and detail.may_edit:
            notes.append(
                translate("Plans", "Agreed and frozen: a change makes a new draft version.")
            )
        if not detail.may_edit:
            notes.append(translate("Plans", "Read only."))
        if detail.goal_scope is GoalScope.HEALTH_ONLY:
            notes.append(translate("Plans", "Showing the health goals only."))
        elif detail.goal_scope is GoalScope.WITHOUT_HEALTH:
            notes.append(translate("Plans", "Health goals are not shown."))
        return " ".join(notes)

    def _fill_versions(self, detail: PlanDetail) -> None:
        self.version_combo.clear()
        self.compare_combo.clear()
        self.compare_combo.addItem(translate("Plans", "No comparison"), None)
        for v in reversed(detail.versions):
            when = v.agreed_at or v.created_at
            text = (
                translate("Plans", "Version %1 (%2, %3)")
                .replace("%1", str(v.number))
                .replace("%2", state_label(v.state))
                .replace("%3", when.strftime("%Y-%m-%d"))
            )
            self.version_combo.addItem(text, v.number)
            if v.number != detail.shown.number:
                self.compare_combo.addItem(text, v.number)
        self.version_combo.setCurrentIndex(self.version_combo.findData(detail.shown.number))
        if self._compare is not None and self.compare_combo.findData(self._compare) < 0:
            self._compare = None
        self.compare_combo.setCurrentIndex(max(0, self.compare_combo.findData(self._compare)))

    def _fill_tree(self, detail: PlanDetail) -> None:
        selected = self._selected()
        self.tree.clear()
        changed = {(e.kind, e.id_b): e for e in self._diff if e.id_b is not None}
        by_area: dict[PlanArea, list[GoalView]] = {}
        for goal in detail.shown.goals:
            by_area.setdefault(goal.area, []).append(goal)
        restore: QTreeWidgetItem | None = None
        for area in PlanArea:
            goals = by_area.get(area)
            if not goals:
                continue
            area_item = QTreeWidgetItem([area_label(area)])
            area_item.setData(0, KIND_ROLE, "area")
            area_item.setData(0, ID_ROLE, 0)
            area_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = area_item.font(0)
            font.setBold(True)
            area_item.setFont(0, font)
            self.tree.addTopLevelItem(area_item)
            for goal in goals:
                goal_item = self._goal_item(goal, changed.get(("goal", goal.id)))
                area_item.addChild(goal_item)
                if selected == ("goal", goal.id):
                    restore = goal_item
                for task in goal.tasks:
                    task_item = self._task_item(task, changed.get(("task", task.id)))
                    goal_item.addChild(task_item)
                    if selected == ("task", task.id):
                        restore = task_item
        self.tree.expandAll()
        for column in range(1, 5):
            self.tree.resizeColumnToContents(column)
        if restore is not None:
            self.tree.setCurrentItem(restore)

    def _goal_item(self, goal: GoalView, diff: DiffEntry | None) -> QTreeWidgetItem:
        item = QTreeWidgetItem([goal.title, "", "", "", goal.description])
        item.setData(0, KIND_ROLE, "goal")
        item.setData(0, ID_ROLE, goal.id)
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        self._mark(item, diff)
        return item

    def _task_item(self, task: TaskView, diff: DiffEntry | None) -> QTreeWidgetItem:
        mark = "☑ " if task.status is TaskStatus.DONE else "☐ "
        item = QTreeWidgetItem(
            [
                mark + task.description,
                task.responsible_label,
                date_text(task.due_date),
                status_label(task.status),
                task.note,
            ]
        )
        item.setData(0, KIND_ROLE, "task")
        item.setData(0, ID_ROLE, task.id)
        if task.overdue:
            item.setForeground(2, QBrush(QColor("#b00020")))
            item.setToolTip(2, translate("Plans", "Overdue"))
        self._mark(item, diff)
        return item

    def _mark(self, item: QTreeWidgetItem, diff: DiffEntry | None) -> None:
        if diff is None or self._compare is None:
            return
        brush = ADDED_BRUSH if diff.change == "added" else CHANGED_BRUSH
        for column in range(5):
            item.setBackground(column, brush)
        # Qt shows a tooltip that looks like markup as rich text: user text is escaped and
        # the tooltip is rich text on purpose, so "<b>" in a goal stays "<b>".
        text = "<qt>" + html.escape(self._diff_text(diff)).replace("\n", "<br>") + "</qt>"
        for column in range(5):
            item.setToolTip(column, text)

    # --- versions and differences -----------------------------------------------------------

    def _version_chosen(self, index: int) -> None:
        number = self.version_combo.itemData(index)
        if self.detail is None or number is None:
            return
        self._number = None if number == self.detail.stamp.number else int(number)
        self.reload()

    def show_version(self, number: int | None) -> None:
        """Show version ``number`` (None: the newest)."""
        self._number = number
        self.reload()

    def compare_with(self, number: int | None) -> None:
        """Highlight the differences from version ``number`` to the version shown."""
        self._compare = number
        if self.detail is not None:
            self._show(self.detail)

    def _compare_chosen(self, index: int) -> None:
        number = self.compare_combo.itemData(index)
        self.compare_with(int(number) if number is not None else None)

    def _load_diff(self) -> None:
        self.diff_list.clear()
        self._diff = ()
        if self.detail is None or self._compare is None:
            self.diff_box.hide()
            return
        try:
            diff = self.ctx.services.plans.diff_versions(
                self.ctx.actor, self.plan_id, self._compare, self.detail.shown.number
            )
        except ClinicError as exc:
            self._fail(exc, reload=False)
            return
        self._diff = diff.entries
        self.diff_box.setTitle(
            translate("Plans", "Differences from version %1 to version %2")
            .replace("%1", str(self._compare))
            .replace("%2", str(self.detail.shown.number))
        )
        for entry in diff.entries:
            self.diff_list.addItem(self._diff_text(entry))
        if diff.empty:
            self.diff_list.addItem(translate("Plans", "No differences."))
        self.diff_box.show()

    def _diff_text(self, e: DiffEntry) -> str:
        fields = ", ".join(_field_label(f) for f in e.fields)
        if e.kind == "goal":
            text = {
                "added": translate("Plans", "+ Goal added: %1"),
                "removed": translate("Plans", "− Goal removed: %1"),
                "changed": translate("Plans", "~ Goal changed (%3): %1"),
            }[e.change]
        else:
            text = {
                "added": translate("Plans", "+ Task added: %1 (goal: %2)"),
                "removed": translate("Plans", "− Task removed: %1 (goal: %2)"),
                "changed": translate("Plans", "~ Task changed (%3): %1 (goal: %2)"),
            }[e.change]
        return text.replace("%3", fields).replace("%2", e.goal_title).replace("%1", e.title)

    # --- selection and buttons --------------------------------------------------------------

    def _selected(self) -> tuple[str, int] | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        kind = item.data(0, KIND_ROLE)
        if kind not in ("goal", "task"):
            return None
        return str(kind), int(item.data(0, ID_ROLE))

    def print_plan(self) -> None:
        """Open the print dialog for this plan (consent and recipient are checked there)."""
        if self.detail is None:
            return
        from clinic_app.ui.documents.print_dialog import open_print_dialog

        open_print_dialog(
            self.ctx,
            self.detail.person_id,
            doc_type=DocumentType.ACTION_PLAN,
            plan_id=self.plan_id,
            parent=self,
        )

    def _editable(self) -> bool:
        d = self.detail
        return d is not None and d.may_edit and d.shown.number == d.stamp.number

    def _update_buttons(self) -> None:
        editable = self._editable()
        selected = self._selected()
        is_task = selected is not None and selected[0] == "task"
        d = self.detail
        self.buttons["add_goal"].setEnabled(editable)
        self.buttons["add_task"].setEnabled(editable and selected is not None)
        self.buttons["edit"].setEnabled(editable and selected is not None)
        self.buttons["done"].setEnabled(editable and is_task)
        self.buttons["note"].setEnabled(editable and is_task)
        self.buttons["up"].setEnabled(editable and selected is not None)
        self.buttons["down"].setEnabled(editable and selected is not None)
        self.buttons["remove"].setEnabled(editable and selected is not None)
        self.buttons["details"].setEnabled(d is not None and d.may_edit)
        self.buttons["print"].setEnabled(d is not None)
        self.buttons["agree"].setEnabled(
            d is not None
            and d.may_agree
            and d.shown.number == d.stamp.number
            and d.shown.state is PlanState.DRAFT
        )
        self.tree.setDragEnabled(editable)

    def _goal(self, goal_id: int) -> GoalView | None:
        if self.detail is None:
            return None
        return next((g for g in self.detail.shown.goals if g.id == goal_id), None)

    def _task(self, task_id: int) -> tuple[GoalView, TaskView] | None:
        if self.detail is None:
            return None
        for g in self.detail.shown.goals:
            for t in g.tasks:
                if t.id == task_id:
                    return g, t
        return None

    def select(self, kind: str, item_id: int) -> None:
        """Select the goal or task with this id in the tree (for keyboard users and tests)."""
        for item in all_items(self.tree):
            if item.data(0, KIND_ROLE) == kind and item.data(0, ID_ROLE) == item_id:
                self.tree.setCurrentItem(item)
                return

    # --- saving -----------------------------------------------------------------------------

    def _save(self, call: Callable[[PlanDetail], PlanDetail]) -> bool:
        """Run a service call against the current stamp; show the newest version after it."""
        if self.detail is None:
            return False
        before = self.detail.stamp.number
        try:
            detail = call(self.detail)
        except ClinicError as exc:
            self._fail(exc, reload=isinstance(exc, Conflict))
            return False
        self._number = None
        self._show(detail)
        if detail.stamp.number != before:
            self.ctx.notify(
                translate("Plans", "Version %1 was made as a draft; version %2 stays as agreed.")
                .replace("%1", str(detail.stamp.number))
                .replace("%2", str(before))
            )
        self.ctx.data_changed.emit("plans")
        self.changed.emit()
        return True

    def _save_or_raise(self, call: Callable[[PlanDetail], PlanDetail]) -> None:
        """For dialogs: errors go back to the dialog, which shows them beside the form."""
        assert self.detail is not None
        before = self.detail.stamp.number
        try:
            detail = call(self.detail)
        except Conflict:
            self.reload()
            raise
        self._number = None
        self._show(detail)
        if detail.stamp.number != before:
            self.ctx.notify(
                translate("Plans", "Version %1 was made as a draft; version %2 stays as agreed.")
                .replace("%1", str(detail.stamp.number))
                .replace("%2", str(before))
            )
        self.ctx.data_changed.emit("plans")
        self.changed.emit()

    def _fail(self, exc: ClinicError, *, reload: bool) -> None:
        self.message = show_message(self, translate("Plans", "Action plan"), error_text(exc))
        if reload:
            self.reload()

    def _key_action(self, action: str) -> None:
        slots: dict[str, Callable[[], object]] = {
            "up": lambda: self.move_selected(-1),
            "down": lambda: self.move_selected(1),
            "done": self.mark_done,
            "remove": self.remove_selected,
            "add_task": self.add_task,
            "add_goal": self.add_goal,
        }
        slots[action]()

    def mark_done(self) -> None:
        selected = self._selected()
        if not self._editable() or selected is None or selected[0] != "task":
            return
        found = self._task(selected[1])
        if found is None:
            return
        status = TaskStatus.OPEN if found[1].status is TaskStatus.DONE else TaskStatus.DONE
        plans, actor = self.ctx.services.plans, self.ctx.actor
        self._save(
            lambda d: plans.set_task_status(actor, d.id, selected[1], status, expected=d.stamp)
        )

    def move_selected(self, step: int) -> None:
        selected = self._selected()
        if not self._editable() or selected is None or self.detail is None:
            return
        kind, item_id = selected
        current = self.tree.currentItem()
        text = current.text(0) if current is not None else ""
        plans, actor = self.ctx.services.plans, self.ctx.actor
        if kind == "goal":
            goal = self._goal(item_id)
            if goal is None:
                return
            same = [g.id for g in self.detail.shown.goals if g.area is goal.area]
            index = same.index(item_id) + step
            if not 0 <= index < len(same):
                return
            self._save(lambda d: plans.move_goal(actor, d.id, item_id, index, expected=d.stamp))
        else:
            found = self._task(item_id)
            if found is None:
                return
            ids = [t.id for t in found[0].tasks]
            index = ids.index(item_id) + step
            if not 0 <= index < len(ids):
                return
            self._save(lambda d: plans.move_task(actor, d.id, item_id, index, expected=d.stamp))
        if self._selected() is None:
            # A new version has new ids: keep the moved row selected by its text.
            for item in all_items(self.tree):
                if item.data(0, KIND_ROLE) == kind and item.text(0) == text:
                    self.tree.setCurrentItem(item)
                    break

    def _drop_move(
        self, kind: str, item_id: int, target_kind: str, target_id: int, below: bool
    ) -> None:
        if not self._editable() or self.detail is None:
            return
        plans, actor = self.ctx.services.plans, self.ctx.actor
        if kind == "goal" and target_kind == "goal":
            goal, target = self._goal(item_id), self._goal(target_id)
            if goal is None or target is None or goal.area is not target.area:
                return
            rest = [
                g.id for g in self.detail.shown.goals if g.area is goal.area and g.id != item_id
            ]
            index = rest.index(target_id) + (1 if below else 0)
            self._save(lambda d: plans.move_goal(actor, d.id, item_id, index, expected=d.stamp))
        elif kind == "task" and target_kind == "task":
            found = self._task(target_id)
            if found is None:
                return
            goal = found[0]
            rest = [t.id for t in goal.tasks if t.id != item_id]
            index = rest.index(target_id) + (1 if below else 0)
            self._save(
                lambda d: plans.move_task(
                    actor, d.id, item_id, index, expected=d.stamp, to_goal_id=goal.id
                )
            )
        elif kind == "task" and target_kind == "goal":
            target_goal = self._goal(target_id)
            if target_goal is None:
                return
            index = len([t for t in target_goal.tasks if t.id != item_id])
            self._save(
                lambda d: plans.move_task(
                    actor, d.id, item_id, index, expected=d.stamp, to_goal_id=target_id
                )
            )

    def remove_selected(self) -> None:
        selected = self._selected()
        if not self._editable() or selected is None:
            return
        kind, item_id = selected
        plans, actor = self.ctx.services.plans, self.ctx.actor
        if kind == "goal":
            self._save(lambda d: plans.remove_goal(actor, d.id, item_id, expected=d.stamp))
        else:
            self._save(lambda d: plans.remove_task(actor, d.id, item_id, expected=d.stamp))

    # --- dialogs ----------------------------------------------------------------------------

    def _open(self, dialog: FormDialog) -> FormDialog:
        self.dialog = dialog
        dialog.open()
        return dialog

    def edit_selected(self) -> None:
        selected = self._selected()
        if not self._editable() or selected is None:
            return
        if selected[0] == "goal":
            goal = self._goal(selected[1])
            if goal is not None:
                self._goal_dialog(goal)
        else:
            found = self._task(selected[1])
            if found is not None:
                self._task_dialog(found[0].id, found[1])

    def add_goal(self) -> None:
        if self._editable():
            self._goal_dialog(None)

    def add_task(self) -> None:
        selected = self._selected()
        if not self._editable() or selected is None:
            return
        goal_id = selected[1]
        if selected[0] == "task":
            found = self._task(selected[1])
            if found is None:
                return
            goal_id = found[0].id
        self._task_dialog(goal_id, None)

    def _goal_dialog(self, goal: GoalView | None) -> FormDialog:
        assert self.detail is not None
        minor = self.detail.is_minor
        plans, actor = self.ctx.services.plans, self.ctx.actor
        area = QComboBox()
        for a in PlanArea:
            if a in CHILD_AREAS and not minor and (goal is None or goal.area is not a):
                continue
            area.addItem(area_label(a), a.value)
        title = QLineEdit(goal.title if goal else "")
        description = QPlainTextEdit(goal.description if goal else "")
        description.setTabChangesFocus(True)
        best = QCheckBox(
            translate("Plans", "Family tracing was assessed to be in the child's best interest")
        )

        def data() -> GoalInput:
            return GoalInput(
                PlanArea(area.currentData()),
                title.text(),
                description.toPlainText(),
                best.isChecked(),
            )

        def submit() -> None:
            if goal is None:
                self._save_or_raise(lambda d: plans.add_goal(actor, d.id, data(), expected=d.stamp))
            else:
                gid = goal.id
                self._save_or_raise(
                    lambda d: plans.update_goal(actor, d.id, gid, data(), expected=d.stamp)
                )

        dialog = FormDialog(
            self,
            translate("Plans", "Edit goal") if goal else translate("Plans", "Add goal"),
            submit,
        )
        dialog.add_row(translate("Plans", "&Area"), area, "area")
        dialog.add_row(translate("Plans", "&Title"), title, "title")
        dialog.add_row(translate("Plans", "&Description"), description, "description")
        dialog.add_row(translate("Plans", "Best &interest"), best, "best_interest")

        def area_changed() -> None:
            best.setVisible(area.currentData() == PlanArea.FAMILY_TRACING.value)

        area.currentIndexChanged.connect(area_changed)
        if goal is not None:
            area.setCurrentIndex(max(0, area.findData(goal.area.value)))
        area_changed()
        return self._open(dialog)

    def _task_dialog(self, goal_id: int, task: TaskView | None) -> FormDialog:
        plans, actor = self.ctx.services.plans, self.ctx.actor
        description = QLineEdit(task.description if task else "")
        kind = QComboBox()
        for text, value in (
            (translate("Plans", "Nobody yet"), "none"),
            (translate("Plans", "Staff member"), "user"),
            (translate("Plans", "Partner"), "partner"),
            (translate("Plans", "Other (name)"), "text"),
        ):
            kind.addItem(text, value)
        user = QComboBox()
        for u in self.ctx.services.users.staff():
            user.addItem(u.display_name, u.id)
        partner = QComboBox()
        for p in self.ctx.services.reference.partners():
            partner.addItem(p.name, p.id)
        other = QLineEdit(task.responsible_text if task else "")
        due = OptionalDate(
            translate("Plans", "Due date"),
            task.due_date if task else None,
            self.ctx.services.clock(),
        )
        status = QComboBox()
        for s in TaskStatus:
            status.addItem(status_label(s), s.value)
        note = QPlainTextEdit(task.note if task else "")
        note.setTabChangesFocus(True)
        if task is not None:
            status.setCurrentIndex(status.findData(task.status.value))
            if task.responsible_user_id is not None:
                kind.setCurrentIndex(kind.findData("user"))
                user.setCurrentIndex(max(0, user.findData(task.responsible_user_id)))
            elif task.responsible_partner_id is not None:
                kind.setCurrentIndex(kind.findData("partner"))
                partner.setCurrentIndex(max(0, partner.findData(task.responsible_partner_id)))
            elif task.responsible_text:
                kind.setCurrentIndex(kind.findData("text"))

        def kind_changed() -> None:
            chosen = kind.currentData()
            user.setEnabled(chosen == "user")
            partner.setEnabled(chosen == "partner")
            other.setEnabled(chosen == "text")

        kind.currentIndexChanged.connect(kind_changed)
        kind_changed()

        def data() -> TaskInput:
            chosen = kind.currentData()
            return TaskInput(
                description=description.text(),
                responsible_user_id=user.currentData() if chosen == "user" else None,
                responsible_partner_id=partner.currentData() if chosen == "partner" else None,
                responsible_text=other.text() if chosen == "text" else "",
                due_date=due.value(),
                status=TaskStatus(status.currentData()),
                note=note.toPlainText(),
            )

        def submit() -> None:
            if task is None:
                self._save_or_raise(
                    lambda d: plans.add_task(actor, d.id, goal_id, data(), expected=d.stamp)
                )
            else:
                tid = task.id
                self._save_or_raise(
                    lambda d: plans.update_task(actor, d.id, tid, data(), expected=d.stamp)
                )

        dialog = FormDialog(
            self,
            translate("Plans", "Edit task") if task else translate("Plans", "Add task"),
            submit,
        )
        dialog.add_row(translate("Plans", "&Task"), description, "description")
        dialog.add_row(translate("Plans", "&Responsible"), kind, "responsible")
        dialog.add_row(translate("Plans", "&Staff member"), user)
        dialog.add_row(translate("Plans", "&Partner"), partner)
        dialog.add_row(translate("Plans", "&Other responsible"), other, "responsible_text")
        dialog.add_row(translate("Plans", "D&ue date"), due)
        due.setAccessibleName(translate("Plans", "Due date"))
        dialog.add_row(translate("Plans", "Stat&us"), status, "status")
        dialog.add_row(translate("Plans", "&Note"), note, "note")
        return self._open(dialog)

    def add_note(self) -> FormDialog | None:
        selected = self._selected()
        if not self._editable() or selected is None or selected[0] != "task":
            return None
        found = self._task(selected[1])
        if found is None:
            return None
        plans, actor = self.ctx.services.plans, self.ctx.actor
        task_id = selected[1]
        note = QPlainTextEdit(found[1].note)
        note.setTabChangesFocus(True)

        def submit() -> None:
            self._save_or_raise(
                lambda d: plans.set_task_note(
                    actor, d.id, task_id, note.toPlainText(), expected=d.stamp
                )
            )

        dialog = FormDialog(self, translate("Plans", "Note on the task"), submit)
        dialog.add_row(translate("Plans", "&Note"), note, "note")
        return self._open(dialog)

    def edit_details(self) -> FormDialog | None:
        d0 = self.detail
        if d0 is None or not d0.may_edit:
            return None
        plans, actor = self.ctx.services.plans, self.ctx.actor
        title = QLineEdit(d0.title)
        start = OptionalDate(translate("Plans", "Period from"), d0.period_from, d0.period_from)
        start.check.setChecked(True)
        start.check.hide()
        end = OptionalDate(translate("Plans", "Period to"), d0.period_to, d0.period_from)
        review = OptionalDate(
            translate("Plans", "Review date"), d0.review_date, self.ctx.services.clock()
        )

        def submit() -> None:
            start_day = start.value() or d0.period_from
            data = PlanInput(title.text(), start_day, end.value(), review.value())
            self._save_or_raise(lambda d: plans.update_plan(actor, d.id, data, expected=d.stamp))

        dialog = FormDialog(self, translate("Plans", "Plan details"), submit)
        dialog.add_row(translate("Plans", "&Title"), title, "title")
        dialog.add_row(translate("Plans", "Period &from"), start, "period_from")
        dialog.add_row(translate("Plans", "Period t&o"), end, "period_to")
        dialog.add_row(translate("Plans", "&Review date"), review, "review_date")
        for widget, name in (
            (start, translate("Plans", "Period from")),
            (end, translate("Plans", "Period to")),
            (review, translate("Plans", "Review date")),
        ):
            widget.setAccessibleName(name)
        return self._open(dialog)

    def agree(self) -> FormDialog | None:
        d0 = self.detail
        if d0 is None or not self.buttons["agree"].isEnabled():
            return None
        plans, actor = self.ctx.services.plans, self.ctx.actor
        person = QCheckBox(translate("Plans", "The person agreed to this plan"))
        guardian = QLineEdit(d0.guardian_name or "")
        info = plain_label(
            translate("Plans", "Contact person: %1").replace(
                "%1", d0.contact_person_name or translate("Plans", "you")
            )
        )

        def submit() -> None:
            self._save_or_raise(
                lambda d: plans.agree(
                    actor, d.id, person.isChecked(), guardian.text(), expected=d.stamp
                )
            )

        dialog = FormDialog(self, translate("Plans", "Agree plan"), submit)
        dialog.form.addRow(info)
        dialog.add_row(translate("Plans", "&Person"), person, "agreed_by_person")
        dialog.add_row(translate("Plans", "&Guardian (minors)"), guardian, "guardian_name")
        guardian.setEnabled(d0.is_minor or d0.guardian_name is not None)
        return self._open(dialog)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.detail is not None:
            self._show(self.detail)
        super().changeEvent(event)


def all_items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    """Every item of the tree, depth first."""
    out: list[QTreeWidgetItem] = []

    def walk(item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        out.append(item)
        for i in range(item.childCount()):
            walk(item.child(i))

    for i in range(tree.topLevelItemCount()):
        walk(tree.topLevelItem(i))
    return out
