"""The Administration area: users (create, disable, enable, unlock, change role, each with a
reason) and the audit log (filters, paging, verify)."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from clinic_app.models import AuditEvent
from clinic_app.security.context import Actor
from clinic_app.services.container import Services
from clinic_app.services.users import LoginFailed
from clinic_app.ui.areas import visible_areas
from clinic_app.ui.pages.administration import AdministrationPage, NewUser, ReasonDialog
from clinic_app.vocabulary import Role
from tests.conftest import PASSWORD, make_user
from tests.ui.conftest import MakeWindow, Prompts, register
from tests.ui.helpers import find

NEW_PASSWORD = "quiet meadow copper 77"


def _page(window: object) -> AdministrationPage:
    page = window.show_area("administration")  # type: ignore[attr-defined]
    assert isinstance(page, AdministrationPage)
    return page


def _row_of(table: QTableView, username: str) -> int:
    model = table.model()
    for row in range(model.rowCount()):
        if model.index(row, 0).data() == username:
            return row
    raise LookupError(username)


def _cell(table: QTableView, username: str, column: int) -> str:
    return str(table.model().index(_row_of(table, username), column).data())


def _reasons(services: Services, action: str) -> list[str]:
    with services.db.read() as s:
        return [
            json.loads(d)["reason"]
            for d in s.scalars(select(AuditEvent.details).where(AuditEvent.action == action))
        ]


def test_only_administrators_see_the_area(
    services: Services, admin: Actor, staff: Actor, nurse: Actor
) -> None:
    assert "administration" in [a.key for a in visible_areas(admin)]
    assert "administration" not in [a.key for a in visible_areas(staff)]
    assert "administration" not in [a.key for a in visible_areas(nurse)]


def test_create_disable_enable_and_change_role_with_reasons(
    qtbot: QtBot,
    services: Services,
    admin: Actor,
    site_ids: dict[str, int],
    make_window: MakeWindow,
) -> None:
    window = make_window(admin)
    page = _page(window)
    table = find(window, "Users table", QTableView)
    page.ask_new_user = lambda: NewUser(
        "Mette", "Mette M", Role.SHELTER_STAFF, site_ids["shelter"], NEW_PASSWORD, "new colleague"
    )
    qtbot.mouseClick(find(window, "New user", QPushButton), Qt.MouseButton.LeftButton)
    assert _cell(table, "mette", 2) == "Shelter staff"
    assert _cell(table, "mette", 3) == "Shelter North"
    assert _reasons(services, "user.create") == ["new colleague"]

    page.select_user("mette")
    page.ask_reason = lambda title, prompt: "left the organisation"
    disable = find(window, "Disable user", QPushButton)
    assert disable.isEnabled()
    qtbot.mouseClick(disable, Qt.MouseButton.LeftButton)
    assert _cell(table, "mette", 4) == "disabled"
    assert not disable.isEnabled()
    with pytest.raises(LoginFailed):
        services.users.authenticate("mette", NEW_PASSWORD)

    page.ask_reason = lambda title, prompt: "came back"
    qtbot.mouseClick(find(window, "Enable user", QPushButton), Qt.MouseButton.LeftButton)
    assert _cell(table, "mette", 4) == "active"

    page.ask_role = lambda current: (Role.TEAM_LEAD, "promoted")
    qtbot.mouseClick(find(window, "Change role", QPushButton), Qt.MouseButton.LeftButton)
    assert _cell(table, "mette", 2) == "Team lead"
    assert _reasons(services, "user.disable") == ["left the organisation"]
    assert _reasons(services, "user.enable") == ["came back"]
    assert _reasons(services, "user.change_role") == ["promoted"]


def test_unlock_after_five_failed_log_ins(
    qtbot: QtBot, services: Services, admin: Actor, staff: Actor, make_window: MakeWindow
) -> None:
    for _ in range(5):
        with pytest.raises(LoginFailed):
            services.users.authenticate("sofie", "not the password at all")
    window = make_window(admin)
    page = _page(window)
    table = find(window, "Users table", QTableView)
    assert _cell(table, "sofie", 4) == "locked"
    page.select_user("sofie")
    unlock = find(window, "Unlock user", QPushButton)
    assert unlock.isEnabled()

    page.ask_reason = lambda title, prompt: None  # cancelled: nothing happens
    qtbot.mouseClick(unlock, Qt.MouseButton.LeftButton)
    assert _cell(table, "sofie", 4) == "locked"

    page.ask_reason = lambda title, prompt: "identity checked by phone"
    qtbot.mouseClick(unlock, Qt.MouseButton.LeftButton)
    assert _cell(table, "sofie", 4) == "active"
    assert services.users.authenticate("sofie", PASSWORD).username == "sofie"
    assert _reasons(services, "user.unlock") == ["identity checked by phone"]


def test_service_errors_show_beside_the_users_table(
    qtbot: QtBot, services: Services, admin: Actor, make_window: MakeWindow
) -> None:
    window = make_window(admin)
    page = _page(window)
    page.ask_new_user = lambda: NewUser("bob", "Bob", Role.NURSE, None, "password1234", "new")
    qtbot.mouseClick(find(window, "New user", QPushButton), Qt.MouseButton.LeftButton)
    error = find(window, "Users error", QLabel)
    assert error.isVisible() and error.text()
    page.select_user("admin")
    page.ask_reason = lambda title, prompt: "testing"
    qtbot.mouseClick(find(window, "Disable user", QPushButton), Qt.MouseButton.LeftButton)
    assert error.isVisible()
    assert _cell(find(window, "Users table", QTableView), "admin", 4) == "active"


def test_reason_dialog_needs_a_reason(qtbot: QtBot) -> None:
    dialog = ReasonDialog("Unlock user", "Why?")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    text = find(dialog, "Reason", QPlainTextEdit)
    qtbot.keyClicks(text, "   ")
    assert not ok.isEnabled()
    qtbot.keyClicks(text, "checked")
    assert ok.isEnabled()
    role_dialog = ReasonDialog("Change role", "Why?", role=Role.NURSE)
    qtbot.addWidget(role_dialog)
    assert role_dialog.chosen_role() is Role.NURSE


def test_audit_viewer_filters_and_verify(
    qtbot: QtBot, services: Services, admin: Actor, make_window: MakeWindow
) -> None:
    person = register(services, admin, "Ana Popescu")
    services.persons.get(admin, person.id)
    window = make_window(admin)
    page = _page(window)
    page.tabs.setCurrentIndex(1)
    table = find(window, "Audit table", QTableView)
    qtbot.waitUntil(lambda: not page.busy and table.model().rowCount() > 0)

    find(window, "Audit person filter", QLineEdit).setText(person.case_ref)
    qtbot.mouseClick(find(window, "Apply audit filters", QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.busy and table.model().rowCount() == 2)
    actions = {table.model().index(r, 3).data() for r in range(2)}
    assert actions == {"person.create", "person.view"}
    assert "of 2" in find(window, "Audit count", QLabel).text()
    # The viewer shows ids, user names and codes: never the person's name.
    cells = [
        str(table.model().index(r, c).data())
        for r in range(table.model().rowCount())
        for c in range(table.model().columnCount())
    ]
    assert not any("Popescu" in c for c in cells)

    since = find(window, "Audit since filter", QLineEdit)
    since.setText("yesterday")
    qtbot.mouseClick(find(window, "Apply audit filters", QPushButton), Qt.MouseButton.LeftButton)
    assert find(window, "Audit error", QLabel).isVisible()
    since.clear()

    qtbot.mouseClick(find(window, "Verify audit log", QPushButton), Qt.MouseButton.LeftButton)
    result = find(window, "Audit verify result", QLabel)
    qtbot.waitUntil(lambda: not page.busy and "intact" in result.text())

    with services.db.write() as s:
        s.execute(update(AuditEvent).where(AuditEvent.id == 3).values(username="someone"))
    qtbot.mouseClick(find(window, "Verify audit log", QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.busy and "tampered" in result.text())
    assert "row 3" in result.text()


def test_lock_clears_the_tables(
    qtbot: QtBot, services: Services, admin: Actor, make_window: MakeWindow
) -> None:
    window = make_window(admin)
    page = _page(window)
    qtbot.waitUntil(lambda: not page.busy)
    assert find(window, "Users table", QTableView).model().rowCount() > 0
    page.clear_personal_data()
    assert find(window, "Users table", QTableView).model().rowCount() == 0
    assert find(window, "Audit table", QTableView).model().rowCount() == 0


def test_team_lead_has_no_administration(
    services: Services, admin: Actor, site_ids: dict[str, int]
) -> None:
    lead = make_user(services, admin, "tina", Role.TEAM_LEAD, site_ids["shelter"])
    assert "administration" not in [a.key for a in visible_areas(lead)]


def test_new_user_dialog_keeps_the_input_on_a_policy_error(
    qtbot: QtBot, services: Services, admin: Actor, make_window: MakeWindow
) -> None:
    from PySide6.QtCore import QTimer

    window = make_window(admin)
    page = _page(window)
    steps: list[str] = []

    def fill_and_fix() -> None:
        dialog = page.new_user_dialog
        qtbot.keyClicks(find(dialog, "User name", QLineEdit), "bob")
        qtbot.keyClicks(find(dialog, "Full name", QLineEdit), "Bob Berg")
        for name in ("Password", "Repeat password"):
            qtbot.keyClicks(find(dialog, name, QLineEdit), "password1234")
        qtbot.keyClicks(find(dialog, "Reason", QLineEdit), "new nurse")
        create = find(dialog, "Create user", QPushButton)
        qtbot.mouseClick(create, Qt.MouseButton.LeftButton)
        # The policy refuses the password: the dialog stays, with everything typed.
        assert dialog.isVisible()
        assert "common" in find(dialog, "New user error", QLabel).text()
        assert find(dialog, "User name", QLineEdit).text() == "bob"
        assert find(dialog, "Full name", QLineEdit).text() == "Bob Berg"
        assert find(dialog, "Reason", QLineEdit).text() == "new nurse"
        assert dialog.focusWidget() is find(dialog, "Password", QLineEdit)
        steps.append("refused")
        for name in ("Password", "Repeat password"):
            find(dialog, name, QLineEdit).clear()
            qtbot.keyClicks(find(dialog, name, QLineEdit), PASSWORD)
        qtbot.mouseClick(create, Qt.MouseButton.LeftButton)
        steps.append("created")

    QTimer.singleShot(0, fill_and_fix)
    qtbot.mouseClick(find(window, "New user", QPushButton), Qt.MouseButton.LeftButton)
    assert steps == ["refused", "created"]
    assert services.users.authenticate("bob", PASSWORD).username == "bob"
    assert _cell(find(window, "Users table", QTableView), "bob", 4) == "active"


def test_audit_viewer_widths_action_choice_and_row_details(
    qtbot: QtBot, services: Services, admin: Actor, make_window: MakeWindow, prompts: Prompts
) -> None:
    from PySide6.QtWidgets import QComboBox

    person = register(services, admin, "Ana Popescu")
    services.persons.get(admin, person.id)
    window = make_window(admin)
    page = _page(window)
    page.tabs.setCurrentIndex(1)
    table = find(window, "Audit table", QTableView)
    qtbot.waitUntil(lambda: not page.busy and table.model().rowCount() > 0)
    assert table.columnWidth(1) >= table.sizeHintForColumn(1)  # the time is not cut off
    action = find(window, "Audit action filter", QComboBox)
    offered = [action.itemText(i) for i in range(action.count())]
    assert "person.view" in offered and "person.create" in offered
    action.setCurrentIndex(offered.index("person.view"))
    qtbot.mouseClick(find(window, "Apply audit filters", QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.busy and table.model().rowCount() == 1)
    page.show_audit_details(table.model().index(0, 0))
    (kind, title, text) = prompts.calls[-1]
    assert kind == "inform" and title.startswith("Audit event")
    assert "Action: person.view" in text and f"Case: {person.case_ref}" in text
    assert "Details:" in text and "Ana" not in text
