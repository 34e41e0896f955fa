"""Every window, page and dialog in English and Danish: no ambiguous shortcut, no access key
shared by two controls of one window, nothing squeezed below its minimum size at 1366×768."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QCheckBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from clinic_app.i18n import Translations
from clinic_app.security.context import Actor
from clinic_app.services.action_plans import GoalInput, PlanInput
from clinic_app.services.contacts import GuardianInput
from clinic_app.services.container import Services
from clinic_app.services.persons import NameInput, PersonInput
from clinic_app.ui.clinic.outing_form import OutingForm
from clinic_app.ui.context import UiContext, wait_for_background_work
from clinic_app.ui.documents.person_tab import ConsentDialog
from clinic_app.ui.documents.print_dialog import PrintDialog
from clinic_app.ui.login import FirstRunDialog, LoginDialog
from clinic_app.ui.main_window import MainWindow, ShellOptions
from clinic_app.ui.pages.administration import NewUserDialog, ReasonDialog
from clinic_app.ui.person.edit import PersonDialog
from clinic_app.ui.person.entitlements import OverrideDialog
from clinic_app.ui.person.timeline import EventDialog
from clinic_app.ui.plans.editor import PlanEditor
from clinic_app.ui.settings import AppSettings
from clinic_app.vocabulary import BirthCertainty, PlanArea
from tests.ui.conftest import Prompts, register
from tests.ui.helpers import find
from tests.ui.keyboard import window_problems


@pytest.fixture(params=["en", "da"])
def language(request: pytest.FixtureRequest, qtbot: QtBot) -> Iterator[str]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translations = Translations(app)
    translations.switch(request.param)
    yield request.param
    translations.switch("en")


def _minor(services: Services, admin: Actor, site_id: int) -> int:
    today = services.clock()
    person = services.persons.register(
        admin,
        PersonInput(
            names=(NameInput("Amina Bello"),),
            birth_certainty=BirthCertainty.EXACT,
            birth_date=dt.date(today.year - 15, 1, 1),
            site_id=site_id,
        ),
    )
    services.contacts.record_guardian(
        admin,
        person.id,
        GuardianInput("Karin Holm", "Børn og Unge", "+45 1234 5678", "karin@example.dk", today),
        reason="appointed",
    )
    return person.id


def _check(qtbot: QtBot, window: QWidget, problems: list[str]) -> None:
    qtbot.addWidget(window)
    window.show()
    QApplication.processEvents()
    problems.extend(window_problems(window))


def test_every_window_page_and_dialog_passes_the_keyboard_and_layout_checks(
    qtbot: QtBot,
    language: str,
    services: Services,
    admin: Actor,
    nurse: Actor,
    site_ids: dict[str, int],
    settings: AppSettings,
    prompts: Prompts,
) -> None:
    adult = register(services, admin, "Ana Popescu", site_id=site_ids["shelter"]).id
    minor = _minor(services, admin, site_ids["shelter"])
    problems: list[str] = []
    windows: list[MainWindow] = []
    for actor in (admin, nurse):
        ctx = UiContext(services, actor, settings, database_label="test.db")
        window = MainWindow(ctx, ShellOptions("test.db", "test-pc"))
        windows.append(window)
        qtbot.addWidget(window)
        window.show()
        for row in range(window.sidebar.count()):
            window.sidebar.setCurrentRow(row)
            wait_for_background_work()
            QApplication.processEvents()
            problems.extend(window_problems(window))
        if actor is nurse:
            page = window.show_area("clinic")
            assert page is not None
            # The parts of the visit form that appear on demand take keys too.
            QPushButton.click(find(page, "New visitor" if language == "en" else "Ny besøgende"))
            boxes = [b for b in page.findChildren(QCheckBox) if b.text().startswith("&")]
            for box in boxes:
                box.setChecked(True)
            problems.extend(window_problems(window))
            _check(qtbot, OutingForm(ctx, site_ids["clinic"], services.clock(), window), problems)
            continue
        for person_id in (adult, minor):
            window.open_person(person_id)
            record = window.person_windows[person_id]
            problems.extend(window_problems(record))
        _check(qtbot, PersonDialog(ctx, None, window), problems)
        _check(qtbot, PersonDialog(ctx, services.persons.get(admin, adult), window), problems)
        _check(qtbot, EventDialog(ctx, adult, window), problems)
        _check(qtbot, OverrideDialog(ctx, adult, window), problems)
        _check(qtbot, ConsentDialog(ctx, adult, window), problems)
        _check(qtbot, PrintDialog(ctx, adult, parent=window), problems)
        _check(qtbot, NewUserDialog([(site_ids["shelter"], "Shelter North")], window), problems)
        _check(qtbot, ReasonDialog("Reason", "&Why?", window), problems)
    plan = services.plans.create(admin, adult, PlanInput("Plan", services.clock()))
    plan = services.plans.add_goal(
        admin, plan.id, GoalInput(PlanArea.LEGAL, "Permit"), expected=plan.stamp
    )
    _check(qtbot, PlanEditor(windows[0].ctx, plan.id), problems)
    _check(qtbot, LoginDialog(services, database_label="test.db"), problems)
    _check(qtbot, LoginDialog(services, database_label="test.db", switching=True), problems)
    _check(qtbot, FirstRunDialog(services, database_label="test.db", recovery_key="AB"), problems)
    wait_for_background_work()
    for window in windows:
        for record in list(window.person_windows.values()):
            record.closed.disconnect()
            record.hide()
        window.close()
    assert problems == [], "\n".join(problems)
