"""Ctrl+L locks from every page, and each role lands where its day starts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QTableView, QTabWidget
from pytestqt.qtbot import QtBot

from clinic_app.security.context import Actor
from clinic_app.ui.common import empty_text
from clinic_app.ui.main_window import MainWindow
from tests.conftest import PASSWORD
from tests.ui.conftest import MakeWindow
from tests.ui.helpers import find


def _unlock(qtbot: QtBot, window: MainWindow) -> None:
    password = find(window, "Unlock password", QLineEdit)
    qtbot.keyClicks(password, PASSWORD)
    qtbot.mouseClick(find(window, "Unlock", QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.locked, timeout=10_000)


def test_ctrl_l_locks_from_every_page(
    qtbot: QtBot, admin: Actor, nurse: Actor, make_window: MakeWindow
) -> None:
    for actor in (nurse, admin):
        window = make_window(actor)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        for row in range(window.sidebar.count()):
            window.sidebar.setCurrentRow(row)
            page = window.page_stack.currentWidget()
            page.setFocus()
            page.focusNextChild()  # the keys go to a control on the page, as a user's would
            target = QApplication.focusWidget() or page
            qtbot.keyClick(target, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
            assert window.locked, f"Ctrl+L did not lock on {window._areas[row].key} ({target})"
            _unlock(qtbot, window)
        window.close()


def test_a_nurse_lands_in_who_on_the_clinic_page_and_staff_on_this_site(
    qtbot: QtBot, admin: Actor, nurse: Actor, staff: Actor, make_window: MakeWindow
) -> None:
    window = make_window(nurse)
    window.activateWindow()
    assert window.current_area_key() == "clinic"
    who = find(window, "Visitor code, nickname or case reference", QLineEdit)
    qtbot.waitUntil(who.hasFocus)
    visits = find(window, "Visits of the day", QTableView)
    assert empty_text(visits) == "No visits recorded at this site on this day."
    window.close()

    for actor in (staff, admin):
        window = make_window(actor)
        assert window.current_area_key() == "dashboard"
        scopes = find(window, "Dashboard scopes", QTabWidget)
        assert scopes.tabText(scopes.currentIndex()) == "This site"
        window.close()
