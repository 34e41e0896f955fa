"""Log-in and first-run windows, driven through widgets found by accessible name."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTableWidget
from pytestqt.qtbot import QtBot

from clinic_app.security.context import Actor
from clinic_app.services.container import Services, open_database
from clinic_app.services.demo_data import generate_demo_data
from clinic_app.ui.login import DemoAccount, FirstRunDialog, LoginDialog, demo_accounts_for
from clinic_app.vocabulary import Role
from tests.conftest import PASSWORD
from tests.ui.helpers import find, find_all


def test_wrong_password_shows_a_clear_error_and_keeps_the_user_name(
    qtbot: QtBot, services: Services, admin: Actor
) -> None:
    dialog = LoginDialog(services, database_label="test.db")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(find(dialog, "User name", QLineEdit), "admin")
    qtbot.keyClicks(find(dialog, "Password", QLineEdit), "not the password")
    qtbot.mouseClick(find(dialog, "Log in", QPushButton), Qt.MouseButton.LeftButton)
    error = find(dialog, "Log-in error", QLabel)
    qtbot.waitUntil(lambda: error.isVisible() and bool(error.text()))
    assert "not correct" in error.text()
    assert dialog.actor is None
    assert find(dialog, "User name", QLineEdit).text() == "admin"
    assert find(dialog, "Password", QLineEdit).text() == ""


def test_right_password_logs_in(qtbot: QtBot, services: Services, admin: Actor) -> None:
    dialog = LoginDialog(services, database_label="test.db")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(find(dialog, "User name", QLineEdit), "admin")
    qtbot.keyClicks(find(dialog, "Password", QLineEdit), PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.keyClick(find(dialog, "Password", QLineEdit), Qt.Key.Key_Return)
    assert dialog.actor is not None
    assert dialog.actor.role is Role.ADMINISTRATOR


def test_demo_accounts_are_listed_only_for_a_demo_database(
    qtbot: QtBot, services: Services, admin: Actor, tmp_path: Path
) -> None:
    assert demo_accounts_for(services.db) == ()
    plain = LoginDialog(services, database_label="test.db", demo_accounts=())
    qtbot.addWidget(plain)
    assert find_all(plain, "Demo accounts") == []

    demo_db = open_database(f"sqlite:///{tmp_path / 'demo.db'}")
    generate_demo_data(demo_db, persons=3)
    accounts = demo_accounts_for(demo_db)
    demo_db.dispose()
    assert accounts and all(isinstance(a, DemoAccount) for a in accounts)
    demo = LoginDialog(services, database_label="demo.db", demo_accounts=accounts)
    qtbot.addWidget(demo)
    demo.show()
    table = find(demo, "Demo accounts", QTableWidget)
    assert table.rowCount() == len(accounts)
    table.selectRow(0)
    assert find(demo, "User name", QLineEdit).text() == accounts[0].username
    assert find(demo, "Password", QLineEdit).text() == accounts[0].password


def test_first_run_checks_the_password_policy_as_you_type(qtbot: QtBot, services: Services) -> None:
    assert not services.users.has_users()
    dialog = FirstRunDialog(services, database_label="new.db")
    qtbot.addWidget(dialog)
    dialog.show()
    create = find(dialog, "Create administrator", QPushButton)
    qtbot.keyClicks(find(dialog, "New password", QLineEdit), "short")
    error = find(dialog, "Password error", QLabel)
    assert error.isVisible() and "12" in error.text()
    assert not create.isEnabled()
    password = find(dialog, "New password", QLineEdit)
    password.clear()
    qtbot.keyClicks(password, PASSWORD)
    qtbot.keyClicks(find(dialog, "Repeat password", QLineEdit), PASSWORD + "x")
    assert "differ" in find(dialog, "Repeat password error", QLabel).text()
    repeat = find(dialog, "Repeat password", QLineEdit)
    qtbot.keyClick(repeat, Qt.Key.Key_Backspace)
    assert create.isEnabled()
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(create, Qt.MouseButton.LeftButton)
    assert dialog.actor is not None and dialog.actor.is_admin
    assert services.users.has_users()


def test_first_run_shows_a_new_recovery_key(qtbot: QtBot, services: Services) -> None:
    dialog = FirstRunDialog(services, database_label="new.db", recovery_key="ABCD-EFGH-IJKL")
    qtbot.addWidget(dialog)
    key = find(dialog, "Recovery key", QLabel)
    assert key.text() == "ABCD-EFGH-IJKL"
    plain = FirstRunDialog(services, database_label="new.db")
    qtbot.addWidget(plain)
    assert find_all(plain, "Recovery key") == []
