"""The shell: language switch, idle lock, switch user, geometry, accessible names."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from clinic_app.i18n import Translations
from clinic_app.security.context import Actor
from clinic_app.security.idle import IdlePolicy
from clinic_app.services.container import Services
from clinic_app.ui.context import UiContext
from clinic_app.ui.lock import IdleWatcher
from clinic_app.ui.login import LoginDialog
from clinic_app.ui.main_window import MainWindow, ShellOptions
from clinic_app.ui.person.edit import PersonDialog
from clinic_app.ui.settings import AppSettings
from tests.conftest import PASSWORD
from tests.ui.conftest import MakeWindow, Prompts, register
from tests.ui.helpers import find, visible_texts


def _sidebar_texts(window: MainWindow) -> list[str]:
    sidebar = find(window, "Navigation", QListWidget)
    return [sidebar.item(i).text() for i in range(sidebar.count())]


def test_switch_to_danish_and_back(
    qtbot: QtBot, services: Services, admin: Actor, settings: AppSettings, prompts: Prompts
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translations = Translations(app)
    ctx = UiContext(services, admin, settings, database_label="test.db")
    window = MainWindow(ctx, ShellOptions("test.db"), translations)
    qtbot.addWidget(window)
    window.show()
    assert _sidebar_texts(window)[:2] == ["Dashboard", "Persons"]
    assert window.menuBar().actions()[0].text() == "&File"
    window.show_area("persons")
    assert find(window, "Search persons", QLineEdit).placeholderText().startswith("Name")

    window.language_actions["da"].trigger()
    assert translations.language == "da"
    assert settings.language == "da"
    assert _sidebar_texts(window)[:2] == ["Overblik", "Personer"]
    assert window.menuBar().actions()[0].text() == "&Filer"
    # Accessible names are translated too: a Danish screen reader reads Danish.
    assert find(window, "Søg personer", QLineEdit).placeholderText().startswith("Navn")
    assert "Bruger:" in find(window, "Indlogget bruger", QLabel).text()

    window.language_actions["en"].trigger()
    assert _sidebar_texts(window)[:2] == ["Dashboard", "Persons"]
    window.close()
    translations.switch("en")


def test_idle_lock_hides_personal_data_and_unlock_restores_it(
    qtbot: QtBot, services: Services, admin: Actor, make_window: MakeWindow
) -> None:
    person = register(services, admin, "Zofia Wiśniewska")
    window = make_window(admin)
    window.show_area("persons")
    window.open_person(person.id, "overview")
    qtbot.waitUntil(lambda: any("Zofia Wiśniewska" in t for t in visible_texts()))
    clock = [1000.0]
    window.idle.clock = lambda: clock[0]
    window.idle.touch()
    window.idle.check()
    assert not window.locked
    clock[0] += IdlePolicy(window.ctx.settings.idle_minutes).timeout_seconds
    window.idle.check()
    assert window.locked
    texts = visible_texts()
    assert not any("Zofia" in t or "Wiśniewska" in t for t in texts)
    assert not window.person_windows[person.id].isVisible()

    password = find(window, "Unlock password", QLineEdit)
    qtbot.keyClicks(password, "wrong password")
    qtbot.keyClick(password, Qt.Key.Key_Return)
    error = find(window, "Unlock error", QLabel)
    qtbot.waitUntil(lambda: error.isVisible())
    assert window.locked
    qtbot.keyClicks(password, PASSWORD)
    qtbot.mouseClick(find(window, "Unlock", QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.locked)
    assert window.person_windows[person.id].isVisible()
    qtbot.waitUntil(lambda: any("Zofia Wiśniewska" in t for t in visible_texts()))


def test_lock_now_and_the_idle_policy_watch_real_input(qtbot: QtBot) -> None:
    clock = [0.0]
    watcher = IdleWatcher(IdlePolicy(5), clock=lambda: clock[0])
    fired: list[bool] = []
    watcher.idle.connect(lambda: fired.append(True))
    widget = QLineEdit()
    qtbot.addWidget(widget)
    QApplication.instance().installEventFilter(watcher)  # type: ignore[union-attr]
    try:
        clock[0] = 299.0
        qtbot.keyClick(widget, Qt.Key.Key_A)  # input resets the countdown
        clock[0] = 500.0
        watcher.check()
        assert fired == []
        clock[0] = 600.0
        watcher.check()
        assert fired == [True]
    finally:
        QApplication.instance().removeEventFilter(watcher)  # type: ignore[union-attr]
        watcher.timer.stop()


def test_switch_user_warns_then_discards_open_forms(
    qtbot: QtBot,
    services: Services,
    admin: Actor,
    team_lead: Actor,
    make_window: MakeWindow,
    prompts: Prompts,
) -> None:
    person = register(services, admin, "Ana Popescu")
    window = make_window(admin)
    window.open_person(person.id)
    window.person_windows[person.id].edit()
    form = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, PersonDialog) and w.isVisible()
    )
    qtbot.keyClicks(find(form, "Notes", QPlainTextEdit), "unsaved note")
    window.lock()
    assert not form.isVisible()

    def log_in_as_team_lead() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, LoginDialog)
        find(dialog, "User name", QLineEdit).setText("tina")
        find(dialog, "Password", QLineEdit).setText(PASSWORD)
        find(dialog, "Log in", QPushButton).click()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, log_in_as_team_lead)
    qtbot.mouseClick(find(window, "Switch user", QPushButton), Qt.MouseButton.LeftButton)
    assert prompts.calls and prompts.calls[0][0] == "confirm"
    assert "discarded" in prompts.calls[0][2]
    assert window.ctx.actor.username == "tina"
    assert not window.locked
    assert window.person_windows == {}
    assert "tina" in find(window, "Logged-in user", QLabel).text()
    assert services.persons.get(admin, person.id).notes == ""  # never saved silently


def test_switch_user_can_be_declined(
    qtbot: QtBot, services: Services, admin: Actor, make_window: MakeWindow, prompts: Prompts
) -> None:
    person = register(services, admin, "Ana Popescu")
    window = make_window(admin)
    window.open_person(person.id)
    window.person_windows[person.id].edit()
    form = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, PersonDialog) and w.isVisible()
    )
    qtbot.keyClicks(find(form, "Notes", QPlainTextEdit), "unsaved note")
    prompts.answers.append(False)
    window.switch_user()
    assert window.ctx.actor.username == "admin"
    assert form.isVisible()
    assert find(form, "Notes", QPlainTextEdit).toPlainText() == "unsaved note"
    prompts.answers.append(True)  # discard when the test's window closes


def test_geometry_is_remembered(
    qtbot: QtBot, services: Services, admin: Actor, settings: AppSettings, prompts: Prompts
) -> None:
    ctx = UiContext(services, admin, settings, database_label="test.db")
    first = MainWindow(ctx, ShellOptions("test.db"))
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 520)
    first.close()
    assert settings.bytes_value("main_window/geometry") is not None
    second = MainWindow(UiContext(services, admin, settings), ShellOptions("test.db"))
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 520)


def _controls(root: QWidget) -> list[QWidget]:
    """Controls a user operates, leaving out the parts Qt builds inside composite widgets
    (combo-box pop-up lists, clear buttons in line edits, tab-bar scroll arrows)."""
    kinds = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QPlainTextEdit, QTabWidget)
    internal_parents = ("QComboBoxPrivateContainer", "QTabBar", "QMenuBar", "QTableCornerButton")
    found = []
    for w in [root, *root.findChildren(QWidget)]:
        if not isinstance(w, kinds) or isinstance(w, QHeaderView):
            continue
        parent = w.parentWidget()
        if isinstance(parent, (QAbstractItemView, QComboBox, QLineEdit, QAbstractSpinBox)):
            continue
        if parent is not None and parent.metaObject().className() in internal_parents:
            continue
        found.append(w)
    return found


def _describe(w: QWidget, root: QWidget) -> str:
    chain = []
    p = w.parentWidget()
    while p is not None and p is not root:
        chain.append(f"{p.metaObject().className()}({p.accessibleName()})")
        p = p.parentWidget()
    return f"{type(w).__name__} in {type(root).__name__}: " + " < ".join(chain[:4])


def test_every_control_has_an_accessible_name(
    qtbot: QtBot, services: Services, admin: Actor, make_window: MakeWindow
) -> None:
    person = register(services, admin, "Ana Popescu")
    window = make_window(admin)
    for key in ("dashboard", "persons"):
        window.show_area(key)
    window.open_person(person.id)
    record = window.person_windows[person.id]
    for key in record.tab_keys():
        record.show_tab(key)
    record.edit()
    form = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, PersonDialog) and w.isVisible()
    )
    window.lock()
    unnamed = [
        _describe(w, root)
        for root in (window, record, form)
        for w in _controls(root)
        if not w.accessibleName()
    ]
    assert unnamed == []
    assert isinstance(find(window, "Persons table", QTableView), QTableView)
