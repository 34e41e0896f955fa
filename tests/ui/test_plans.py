"""Widgets for contact persons and action plans, driven by accessible names: assign a contact
person from the person record; create a plan from a template, edit a task, agree it, change
it and see version 2 as a draft with version 1 still readable; the action plans area."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTreeWidget,
    QWidget,
)

from clinic_app.i18n import translations_dir
from clinic_app.security.context import Actor
from clinic_app.services.action_plans import GoalInput, PlanInput, TaskInput
from clinic_app.services.container import Services
from clinic_app.services.persons import NameInput, PersonInput
from clinic_app.ui.context import UiContext
from clinic_app.ui.pages.action_plans import ActionPlansPage
from clinic_app.ui.person.contacts_tab import ContactsTab
from clinic_app.ui.person.window import PersonWindow
from clinic_app.ui.plans.common import area_label, state_label
from clinic_app.ui.plans.editor import KIND_ROLE, PlanEditor, all_items
from clinic_app.ui.plans.person_tab import PlansTab
from clinic_app.ui.settings import AppSettings
from clinic_app.vocabulary import BirthCertainty, PlanArea, PlanState, Role
from tests.conftest import TODAY, make_user

W = TypeVar("W", bound=QWidget)


def find(root: QWidget, name: str, kind: type[W]) -> W:
    """The one visible-or-not widget under ``root`` with this accessible name and type."""
    found = [w for w in root.findChildren(kind) if w.accessibleName() == name]
    assert len(found) == 1, f"{len(found)} widgets named {name!r}"
    return found[0]


def click(qtbot: object, root: QWidget, name: str) -> None:
    button = find(root, name, QPushButton)
    assert button.isEnabled(), f"{name!r} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]


def choose(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, f"{data!r} not offered"
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


@pytest.fixture
def carla(services: Services, admin: Actor, site_ids: dict[str, int]) -> Actor:
    return make_user(services, admin, "carla", Role.CONTACT_PERSON, site_ids["shelter"])


@pytest.fixture
def person_id(services: Services, admin: Actor, site_ids: dict[str, int]) -> int:
    return services.persons.register(
        admin,
        PersonInput(
            names=(NameInput("Irina Popescu"),),
            birth_certainty=BirthCertainty.ESTIMATED_YEAR,
            birth_year=1996,
            site_id=site_ids["shelter"],
        ),
    ).id


def context(services: Services, actor: Actor, tmp_path: Path) -> UiContext:
    return UiContext(services, actor, AppSettings(str(tmp_path / f"{actor.username}.ini")))


def test_assign_contact_person_from_the_person_record(
    qtbot: object,
    services: Services,
    admin: Actor,
    site_ids: dict[str, int],
    carla: Actor,
    person_id: int,
    tmp_path: Path,
) -> None:
    dorte = make_user(services, admin, "dorte", Role.CONTACT_PERSON, site_ids["shelter"])
    window = PersonWindow(context(services, admin, tmp_path), person_id)
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    window.show_tab("contacts")
    tab = window.tab_widget("contacts")
    assert isinstance(tab, ContactsTab)

    assert "No contact person" in find(tab, "Alerts", QLabel).text()
    choose(find(tab, "New contact person", QComboBox), carla.user_id)
    click(qtbot, tab, "Assign contact person")
    assert "Carla" in find(tab, "Current contact person", QLabel).text()
    assert find(tab, "Contact person history", QTableWidget).rowCount() == 1

    # Changing the contact person without a reason is refused beside the form, nothing saved.
    choose(find(tab, "New contact person", QComboBox), dorte.user_id)
    click(qtbot, tab, "Assign contact person")
    error = find(tab, "Contact person error", QLabel)
    assert not error.isHidden() and "reason" in error.text()
    assert "Carla" in find(tab, "Current contact person", QLabel).text()
    find(tab, "Reason for the change", QLineEdit).setText("Carla on leave")
    click(qtbot, tab, "Assign contact person")
    assert "Dorte" in find(tab, "Current contact person", QLabel).text()
    assert error.isHidden()
    history = find(tab, "Contact person history", QTableWidget)
    assert history.rowCount() == 2 and history.item(0, 3).text() == "Carla on leave"
    assert services.contacts.caseload(dorte)[0].person_id == person_id


def _task_item_text(editor: PlanEditor) -> list[str]:
    return [i.text(0) for i in all_items(editor.tree) if i.data(0, KIND_ROLE) == "task"]


def test_plan_from_template_edit_agree_then_version_two_draft(
    qtbot: object,
    services: Services,
    admin: Actor,
    carla: Actor,
    person_id: int,
    tmp_path: Path,
) -> None:
    services.contacts.assign(admin, person_id, carla.user_id)
    window = PersonWindow(context(services, carla, tmp_path), person_id)
    qtbot.addWidget(window)  # type: ignore[attr-defined]
    window.show_tab("plans")
    tab = window.tab_widget("plans")
    assert isinstance(tab, PlansTab)

    # A new plan from the adult template.
    click(qtbot, tab, "New plan")
    assert tab.dialog is not None
    choose(find(tab.dialog, "Template", QComboBox), "reflection_adult")
    assert find(tab.dialog, "Title", QLineEdit).text() == "Adult in the reflection period"
    click(qtbot, tab.dialog, "Save")
    editor = tab.editor
    assert editor is not None and editor.detail is not None
    assert find(tab, "Plans", QTableWidget).rowCount() == 1
    state = find(editor, "Plan state", QLabel)
    assert state.text() == "Version 1 of 1: Draft"
    tree = find(editor, "Goals and tasks", QTreeWidget)
    assert tree.topLevelItemCount() == 6  # one row per area of the template
    assert "Health check at the clinic" in " ".join(_task_item_text(editor))

    # Edit a task through its dialog.
    health = next(g for g in editor.detail.shown.goals if g.area.value == "health")
    editor.select("task", health.tasks[0].id)
    click(qtbot, editor, "Edit")
    assert editor.dialog is not None
    find(editor.dialog, "Task", QLineEdit).setText("Health check with an interpreter")
    click(qtbot, editor.dialog, "Save")
    assert any("Health check with an interpreter" in t for t in _task_item_text(editor))
    assert state.text() == "Version 1 of 1: Draft"

    # Agree it: the person's confirmation is required.
    click(qtbot, editor, "Agree plan")
    dialog = editor.dialog
    click(qtbot, dialog, "Save")
    assert not find(dialog, "Error", QLabel).isHidden()
    find(dialog, "Person", QCheckBox).setChecked(True)
    click(qtbot, dialog, "Save")
    assert state.text() == "Version 1 of 1: Agreed"
    assert "Agreed on" in find(editor, "Agreement", QLabel).text()
    assert not find(editor, "Agree plan", QPushButton).isEnabled()

    # Change it: mark a task done, which makes version 2 as a draft.
    editor.select("task", editor.detail.shown.goals[0].tasks[0].id)
    click(qtbot, editor, "Mark done")
    assert state.text() == "Version 2 of 2: Draft"
    assert editor.detail.shown.goals[0].tasks[0].status.value == "done"
    versions = find(editor, "Version", QComboBox)
    assert versions.count() == 2

    # Version 1 stays readable, as agreed, and cannot be changed.
    choose(versions, 1)
    assert state.text() == "Version 1 of 2: Agreed"
    assert editor.detail.shown.goals[0].tasks[0].status.value == "open"
    assert any("Health check with an interpreter" in t for t in _task_item_text(editor))
    assert not find(editor, "Add goal", QPushButton).isEnabled()
    assert "earlier version" in find(editor, "Notice", QLabel).text()

    # The differences to version 2 are listed.
    choose(find(editor, "Compare with", QComboBox), 2)
    diff = find(editor, "Differences", QListWidget)
    lines = [diff.item(i).text() for i in range(diff.count())]
    assert any(line.startswith("~ Task changed (status)") for line in lines)


def test_action_plans_area_lists_reviews_and_turning_18(
    qtbot: object,
    services: Services,
    admin: Actor,
    site_ids: dict[str, int],
    carla: Actor,
    person_id: int,
    tmp_path: Path,
) -> None:
    services.contacts.assign(admin, person_id, carla.user_id)
    services.plans.create(
        carla, person_id, PlanInput("Plan", TODAY, None, TODAY + dt.timedelta(days=5))
    )
    ctx = context(services, carla, tmp_path)
    opened: list[tuple[int, str | None]] = []
    ctx.set_person_opener(lambda pid, tab: opened.append((pid, tab)))
    page = ActionPlansPage(ctx)
    qtbot.addWidget(page)  # type: ignore[attr-defined]
    table = find(page, "Plans due for review", QTableWidget)
    assert table.rowCount() == 1 and table.item(0, 5).text() == "Plan"
    table.selectRow(0)
    click(qtbot, page, "Open plan")
    assert opened == [(person_id, "plans")]
    find(page, "Days ahead", QWidget).setValue(2)  # type: ignore[attr-defined]
    assert table.rowCount() == 0


def test_danish_translations_load(qtbot: object) -> None:
    translator = QTranslator()
    assert translator.load(str(translations_dir() / "plans_da.qm"))
    app = QCoreApplication.instance()
    assert app is not None
    app.installTranslator(translator)
    try:
        assert area_label(PlanArea.HEALTH) == "Sundhed"
        assert state_label(PlanState.SUPERSEDED) == "Erstattet"
        assert QCoreApplication.translate("Contacts", "Turned 18") == "Fyldt 18"
    finally:
        app.removeTranslator(translator)


def test_keyboard_and_drop_reorder_goals_and_tasks(
    qtbot: object, services: Services, admin: Actor, carla: Actor, person_id: int, tmp_path: Path
) -> None:
    services.contacts.assign(admin, person_id, carla.user_id)
    plan = services.plans.create(carla, person_id, PlanInput("Plan", TODAY))
    for title in ("First", "Second"):
        plan = services.plans.add_goal(
            carla, plan.id, GoalInput(PlanArea.LEGAL, title), expected=plan.stamp
        )
    first = plan.shown.goals[0]
    for text in ("a", "b"):
        plan = services.plans.add_task(
            carla, plan.id, first.id, TaskInput(text), expected=plan.stamp
        )
    editor = PlanEditor(context(services, carla, tmp_path), plan.id)
    qtbot.addWidget(editor)  # type: ignore[attr-defined]
    editor.show()
    qtbot.waitExposed(editor)  # type: ignore[attr-defined]
    editor.activateWindow()
    tree = find(editor, "Goals and tasks", QTreeWidget)

    editor.select("goal", plan.shown.goals[1].id)
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)  # type: ignore[attr-defined]
    assert editor.detail is not None
    assert [g.title for g in editor.detail.shown.goals] == ["Second", "First"]

    # Dropping task "b" onto the goal "Second" moves it there, at the end.
    task_b = editor.detail.shown.goals[1].tasks[1]
    tree.move_requested.emit("task", task_b.id, "goal", editor.detail.shown.goals[0].id, True)
    assert [t.description for t in editor.detail.shown.goals[0].tasks] == ["b"]
    assert [t.description for t in editor.detail.shown.goals[1].tasks] == ["a"]


def test_print_from_the_plan_editor_opens_the_print_dialog_for_this_plan(
    qtbot: object, services: Services, admin: Actor, carla: Actor, person_id: int, tmp_path: Path
) -> None:
    from clinic_app.ui.documents.print_dialog import PrintDialog
    from clinic_app.vocabulary import DocumentType

    services.contacts.assign(admin, person_id, carla.user_id)
    plan = services.plans.create(carla, person_id, PlanInput("Plan", TODAY))
    editor = PlanEditor(context(services, carla, tmp_path), plan.id)
    qtbot.addWidget(editor)  # type: ignore[attr-defined]
    click(qtbot, editor, "Print…")
    dialogs = editor.findChildren(PrintDialog)
    assert len(dialogs) == 1
    dialog = dialogs[0]  # a child of the editor, deleted with it
    assert dialog.type_combo.currentData() == DocumentType.ACTION_PLAN
    dialog.close()


def test_compare_tooltips_show_user_markup_as_text(
    qtbot: object, services: Services, admin: Actor, carla: Actor, person_id: int, tmp_path: Path
) -> None:
    services.contacts.assign(admin, person_id, carla.user_id)
    plan = services.plans.create(carla, person_id, PlanInput("Plan", TODAY))
    plan = services.plans.add_goal(
        carla, plan.id, GoalInput(PlanArea.LEGAL, "First"), expected=plan.stamp
    )
    plan = services.plans.agree(carla, plan.id, True, None, expected=plan.stamp)
    markup = "<b>bold</b> <img src=x>"
    plan = services.plans.add_goal(
        carla, plan.id, GoalInput(PlanArea.LEGAL, markup), expected=plan.stamp
    )
    editor = PlanEditor(context(services, carla, tmp_path), plan.id)
    qtbot.addWidget(editor)  # type: ignore[attr-defined]
    choose(find(editor, "Compare with", QComboBox), 1)
    tree = find(editor, "Goals and tasks", QTreeWidget)
    tips = [item.toolTip(0) for item in all_items(tree) if markup in item.text(0)]
    assert tips and all(tip.startswith("<qt>") for tip in tips)
    assert all("<b>" not in tip.removeprefix("<qt>") and "&lt;b&gt;" in tip for tip in tips)
