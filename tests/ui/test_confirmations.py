"""Every destructive action asks first (No is the default) or needs a typed reason: answered
No, nothing changes; answered Yes, it is done."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from clinic_app.security.context import Actor
from clinic_app.services.action_plans import GoalInput, PlanInput, TaskInput
from clinic_app.services.container import Services
from clinic_app.services.persons import NameInput, PersonInput
from clinic_app.services.visitors import VisitorInput
from clinic_app.services.visits import VisitInput, VisitReferral
from clinic_app.ui import common
from clinic_app.ui.context import UiContext
from clinic_app.ui.pages.clinic import ClinicPage
from clinic_app.ui.person.contacts_tab import ContactsTab
from clinic_app.ui.plans.editor import PlanEditor
from clinic_app.ui.settings import AppSettings
from clinic_app.vocabulary import PlanArea, Role
from tests.conftest import TODAY, make_user
from tests.ui.conftest import Prompts, register
from tests.ui.helpers import find
from tests.ui.test_clinic import page  # noqa: F401 (the page fixture)
from tests.ui.test_keyboard_layout import _minor


def _ctx(services: Services, actor: Actor, tmp_path: Path) -> UiContext:
    return UiContext(services, actor, AppSettings(str(tmp_path / f"{actor.username}.ini")))


def test_the_real_confirmation_answers_no_to_enter(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[str] = []

    def press_enter() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        default = box.defaultButton()
        seen.append(box.standardButton(default).name)
        qtbot.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(50, press_enter)
    assert common.Prompter._confirm(parent, "Cancel referral", "Cancel it?") is False
    assert seen == ["No"]


def test_cancel_and_complete_referral_ask_first(
    qtbot: QtBot,
    page: ClinicPage,  # noqa: F811
    services: Services,
    nurse: Actor,
    site_ids: dict[str, int],
    prompts: Prompts,
) -> None:
    visitor = services.visitors.create(nurse, VisitorInput("Rosa"))
    for reason in ("urgent pain", "tooth"):
        services.visits.record_visit(
            nurse,
            VisitInput(site_ids["clinic"], visitor_id=visitor.id),
            referral=VisitReferral("doctor", reason),
        )
    page.referrals.refresh()
    for name in ("Cancel referral", "Mark referral done"):
        prompts.answers = [False]
        qtbot.mouseClick(find(page, name, QPushButton), Qt.MouseButton.LeftButton)
    assert len(services.referrals.open_referrals(nurse)) == 2
    assert [t for _k, t, _x in prompts.calls] == ["Cancel referral", "Mark referral done"]
    assert visitor.code in prompts.calls[0][2]
    prompts.answers = [True, True]
    qtbot.mouseClick(find(page, "Cancel referral", QPushButton), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(find(page, "Mark referral done", QPushButton), Qt.MouseButton.LeftButton)
    assert services.referrals.open_referrals(nurse) == ()


def test_removing_a_goal_with_its_tasks_asks_first(
    qtbot: QtBot,
    services: Services,
    admin: Actor,
    site_ids: dict[str, int],
    prompts: Prompts,
    tmp_path: Path,
) -> None:
    carla = make_user(services, admin, "carla", Role.CONTACT_PERSON, site_ids["shelter"])
    person = services.persons.register(
        admin, PersonInput(names=(NameInput("Irina Popescu"),), site_id=site_ids["shelter"])
    )
    services.contacts.assign(admin, person.id, carla.user_id)
    plan = services.plans.create(carla, person.id, PlanInput("Plan", TODAY))
    plan = services.plans.add_goal(
        carla, plan.id, GoalInput(PlanArea.LEGAL, "Residence permit"), expected=plan.stamp
    )
    goal = plan.shown.goals[0]
    for text in ("Book lawyer", "Collect papers"):
        plan = services.plans.add_task(
            carla, plan.id, goal.id, TaskInput(text), expected=plan.stamp
        )
    editor = PlanEditor(_ctx(services, carla, tmp_path), plan.id)
    qtbot.addWidget(editor)
    editor.show()
    editor.select("goal", goal.id)
    prompts.answers = [False]
    editor.remove_selected()
    assert prompts.calls[-1][2] == "Remove the goal “Residence permit” and its 2 tasks?"
    assert editor.detail is not None and len(editor.detail.shown.goals) == 1
    editor.select("task", goal.tasks[0].id if goal.tasks else plan.shown.goals[0].tasks[0].id)
    prompts.answers = [True]
    editor.remove_selected()
    assert editor.detail is not None
    assert [t.description for t in editor.detail.shown.goals[0].tasks] == ["Collect papers"]
    prompts.answers = [True]
    editor.select("goal", goal.id)
    editor.remove_selected()
    assert editor.detail is not None and editor.detail.shown.goals == ()


def test_ending_a_guardianship_asks_first(
    qtbot: QtBot,
    services: Services,
    admin: Actor,
    site_ids: dict[str, int],
    prompts: Prompts,
    tmp_path: Path,
) -> None:
    minor = _minor(services, admin, site_ids["shelter"])
    tab = ContactsTab(_ctx(services, admin, tmp_path), minor)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.keyClicks(find(tab, "Reason for replacing or ending", QLineEdit), "moved to Sweden")
    prompts.answers = [False]
    qtbot.mouseClick(find(tab, "End guardianship", QPushButton), Qt.MouseButton.LeftButton)
    assert services.contacts.current_guardian(admin, minor) is not None
    assert find(tab, "Reason for replacing or ending", QLineEdit).text() == "moved to Sweden"
    prompts.answers = [True]
    qtbot.mouseClick(find(tab, "End guardianship", QPushButton), Qt.MouseButton.LeftButton)
    assert services.contacts.current_guardian(admin, minor) is None
    assert [k for k, _t, _x in prompts.calls] == ["confirm", "confirm"]


def test_linking_a_visitor_to_a_person_asks_first(
    qtbot: QtBot,
    page: ClinicPage,  # noqa: F811
    services: Services,
    admin: Actor,
    nurse: Actor,
    site_ids: dict[str, int],
    prompts: Prompts,
) -> None:
    visitor = services.visitors.create(nurse, VisitorInput("Rosa"))
    person = register(services, admin, "Rosa Test", site_id=site_ids["clinic"])
    history = page.history
    qtbot.keyClicks(find(history, "Find visitor by code or nickname"), visitor.code)
    qtbot.keyClick(find(history, "Find visitor by code or nickname"), Qt.Key.Key_Return)
    qtbot.keyClicks(find(history, "Case reference to link to"), person.case_ref)
    prompts.texts = [None, "  "]
    for _ in range(2):  # cancelled, then no reason given
        qtbot.mouseClick(
            find(history, "Link visitor to person", QPushButton), Qt.MouseButton.LeftButton
        )
    assert services.visitors.get(nurse, visitor.id).linked_person_id is None
    assert person.case_ref in prompts.calls[0][2] and visitor.code in prompts.calls[0][2]
    prompts.texts = ["she showed her card"]
    qtbot.mouseClick(
        find(history, "Link visitor to person", QPushButton), Qt.MouseButton.LeftButton
    )
    assert services.visitors.get(nurse, visitor.id).linked_person_id == person.id
