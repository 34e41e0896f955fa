"""The composition root end to end: log-in window first, database opened meanwhile."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from clinic_app.app import database_label, run_gui
from clinic_app.security.context import Actor
from clinic_app.services.container import Services, open_database
from clinic_app.services.demo_data import ADMIN_PASSWORD, generate_demo_data
from clinic_app.ui.login import FirstRunDialog, LoginDialog
from clinic_app.ui.main_window import MainWindow
from tests.conftest import PASSWORD, TODAY
from tests.ui.conftest import Prompts
from tests.ui.helpers import find


def _when(condition: object, then: object) -> None:
    """Poll from the event loop (run_gui's dialogs block in exec)."""

    def poll() -> None:
        if condition():  # type: ignore[operator]
            then()  # type: ignore[operator]
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def _login_dialog() -> LoginDialog | None:
    widget = QApplication.activeModalWidget()
    return widget if isinstance(widget, LoginDialog) else None


def _main_window() -> MainWindow | None:
    found = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]
    return found[0] if found else None


def test_log_in_and_quit(qtbot: QtBot, tmp_path: Path, prompts: Prompts) -> None:
    db_url = f"sqlite:///{tmp_path / 'demo.db'}"
    db = open_database(db_url)
    generate_demo_data(db, persons=3, today=TODAY)
    db.dispose()
    seen: dict[str, object] = {}

    def log_in() -> None:
        dialog = _login_dialog()
        assert dialog is not None
        seen["demo_table"] = dialog.demo_table is not None
        find(dialog, "User name", QLineEdit).setText("admin")
        find(dialog, "Password", QLineEdit).setText(ADMIN_PASSWORD)
        find(dialog, "Log in", QPushButton).click()

    def quit_app() -> None:
        window = _main_window()
        assert window is not None
        seen["user"] = window.ctx.actor.username
        window.close()

    _when(lambda: _login_dialog() is not None and _login_dialog().services is not None, log_in)  # type: ignore[union-attr]
    _when(lambda: _main_window() is not None, quit_app)
    code = run_gui(db_url, demo=True, settings_path=str(tmp_path / "s.ini"))
    assert code == 0
    assert seen == {"demo_table": True, "user": "admin"}


def test_first_run_creates_the_administrator(
    qtbot: QtBot, tmp_path: Path, prompts: Prompts
) -> None:
    url = f"sqlite:///{tmp_path / 'new.db'}"

    def create() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, FirstRunDialog)
        find(dialog, "Administrator full name", QLineEdit).setText("Ada Admin")
        find(dialog, "New password", QLineEdit).setText(PASSWORD)
        find(dialog, "Repeat password", QLineEdit).setText(PASSWORD)
        find(dialog, "Create administrator", QPushButton).click()

    _when(lambda: isinstance(QApplication.activeModalWidget(), FirstRunDialog), create)
    _when(lambda: _main_window() is not None, lambda: _main_window().close())  # type: ignore[union-attr]
    assert run_gui(url, settings_path=str(tmp_path / "s.ini")) == 0


def test_a_plain_database_is_refused_as_demo(
    qtbot: QtBot, services: Services, admin: Actor, db_url: str, tmp_path: Path, prompts: Prompts
) -> None:
    def check_and_quit() -> None:
        dialog = _login_dialog()
        assert dialog is not None
        assert "not a demo database" in find(dialog, "Start-up status").text()  # type: ignore[attr-defined]
        assert not find(dialog, "Log in", QPushButton).isEnabled()
        dialog.reject()

    _when(
        lambda: (
            _login_dialog() is not None
            and "demo" in find(_login_dialog(), "Start-up status").text()
        ),  # type: ignore[arg-type, attr-defined]
        check_and_quit,
    )
    assert run_gui(db_url, demo=True, settings_path=str(tmp_path / "s.ini")) == 5


def test_database_label_hides_secrets() -> None:
    assert database_label("sqlite:////data/clinic.db") == "/data/clinic.db"
    assert database_label("postgresql+psycopg://app:s3cret@db/clinic") == (
        "postgresql+psycopg://app:***@db/clinic"
    )


def test_first_run_on_a_new_encrypted_database_shows_its_recovery_key(
    qtbot: QtBot, tmp_path: Path, prompts: Prompts
) -> None:
    from clinic_app.config import encrypted_sqlite_url

    url = encrypted_sqlite_url(tmp_path / "clinic.db")
    seen: list[str] = []

    def create() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, FirstRunDialog)
        seen.append(find(dialog, "Recovery key").text())  # type: ignore[attr-defined]
        dialog.reject()

    _when(lambda: isinstance(QApplication.activeModalWidget(), FirstRunDialog), create)
    assert run_gui(url, settings_path=str(tmp_path / "s.ini")) == 0
    assert len(seen) == 1 and len(seen[0]) >= 20


def test_first_run_after_a_quit_set_up_shows_a_fresh_recovery_key_and_needs_it_confirmed(
    qtbot: QtBot, tmp_path: Path, prompts: Prompts
) -> None:
    """A database created earlier (a quit first start, or any CLI command) without its key
    ever being seen: the administrator is only created once a recovery key was shown and
    confirmed, and that key (not the unseen one) opens the database."""
    from clinic_app.config import encrypted_sqlite_url
    from clinic_app.services.container import open_database
    from clinic_app.storage.open import create_encrypted_database, open_engine

    path = tmp_path / "clinic.db"
    unseen = create_encrypted_database(path).recovery_key
    open_database(encrypted_sqlite_url(path)).dispose()  # e.g. a CLI command ran first
    url = encrypted_sqlite_url(path)
    seen: dict[str, object] = {}

    def create() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, FirstRunDialog)
        key = find(dialog, "Recovery key").text()  # type: ignore[attr-defined]
        seen["key"] = key
        find(dialog, "Administrator full name", QLineEdit).setText("Ada Admin")
        find(dialog, "New password", QLineEdit).setText(PASSWORD)
        find(dialog, "Repeat password", QLineEdit).setText(PASSWORD)
        button = find(dialog, "Create administrator", QPushButton)
        seen["enabled_before"] = button.isEnabled()
        confirm = find(dialog, "Recovery key confirmation", QLineEdit)
        confirm.setText("ZZZZ")
        seen["enabled_wrong"] = button.isEnabled()
        confirm.setText(key.rsplit("-", 1)[-1].lower())
        seen["enabled_after"] = button.isEnabled()
        button.click()

    _when(lambda: isinstance(QApplication.activeModalWidget(), FirstRunDialog), create)
    _when(lambda: _main_window() is not None, lambda: _main_window().close())  # type: ignore[union-attr]
    assert run_gui(url, settings_path=str(tmp_path / "s.ini")) == 0
    assert seen["enabled_before"] is False and seen["enabled_wrong"] is False
    assert seen["enabled_after"] is True
    assert isinstance(seen["key"], str) and seen["key"] != unseen
    import keyring

    from tests.fakes import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())  # a new computer: only the recovery key helps
    open_engine(url, recovery_key=str(seen["key"])).dispose()


def test_a_demo_database_is_opened_only_as_a_demo(
    qtbot: QtBot, tmp_path: Path, prompts: Prompts
) -> None:
    """Its log is kept with the published demo key: only ``clinic-app demo`` chooses that."""
    db_url = f"sqlite:///{tmp_path / 'demo.db'}"
    db = open_database(db_url)
    generate_demo_data(db, persons=3, today=TODAY)
    db.dispose()

    def check_and_quit() -> None:
        dialog = _login_dialog()
        assert dialog is not None
        assert "clinic-app demo" in find(dialog, "Start-up status").text()  # type: ignore[attr-defined]
        assert not find(dialog, "Log in", QPushButton).isEnabled()
        dialog.reject()

    _when(
        lambda: (
            _login_dialog() is not None
            and "demo" in find(_login_dialog(), "Start-up status").text()
        ),  # type: ignore[arg-type, attr-defined]
        check_and_quit,
    )
    assert run_gui(db_url, settings_path=str(tmp_path / "s.ini")) == 5
