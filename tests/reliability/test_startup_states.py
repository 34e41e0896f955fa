"""Every failing start-up state, in the command line and in the desktop app.

Each state gives its own message (the cause and the way forward) and exit code 5, leaves the
database folder's files byte-identical (SQLite's ``-shm`` index and an empty ``-wal`` aside)
and never makes a new empty database appear.
"""

from __future__ import annotations

import base64
import hashlib
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from clinic_app.app import run_gui
from clinic_app.cli import main
from clinic_app.storage import cipher
from clinic_app.storage import engine as engine_module
from clinic_app.storage.migrate import downgrade
from clinic_app.storage.open import keychain_name, keyfile_path
from clinic_app.ui.login import LoginDialog
from clinic_app.ui.startup import StartupErrorDialog
from tests.conftest import PASSWORD
from tests.fakes import MemoryKeyring
from tests.ui.helpers import find
from tests.unit.storage.helpers import admin_of, new_encrypted, open_services, register


@dataclass
class State:
    url: str
    folder: Path
    cli_text: str  # in the command line's message
    gui_text: str  # in the start-up window's cause
    recovery_key: str = ""
    cleanup: Callable[[], None] = lambda: None


def _encrypted(tmp_path: Path) -> tuple[str, Path, str, str]:
    folder = tmp_path / "db"
    folder.mkdir()
    url, keys = new_encrypted(folder)
    svc = open_services(url)
    register(svc, admin_of(svc), "Start Up")
    svc.close()
    return url, folder / "clinic.db", keys.key_id, keys.recovery_key


def _plain(tmp_path: Path) -> tuple[str, Path]:
    folder = tmp_path / "db"
    folder.mkdir()
    path = folder / "clinic.db"
    svc = open_services(f"sqlite:///{path}")
    register(svc, admin_of(svc), "Start Up")
    svc.close()
    return f"sqlite:///{path}", path


def no_keychain(tmp_path: Path, kr: MemoryKeyring, mp: pytest.MonkeyPatch) -> State:
    url, path, _kid, rk = _encrypted(tmp_path)
    keyring.set_keyring(FailKeyring())
    return State(url, path.parent, "No system keychain", "no usable system keychain", rk)


def key_not_in_keychain(tmp_path: Path, kr: MemoryKeyring, mp: pytest.MonkeyPatch) -> State:
    url, path, _kid, rk = _encrypted(tmp_path)
    kr.store.clear()
    return State(url, path.parent, "keychain has no key", "not in this computer's keychain", rk)


def wrong_key(tmp_path: Path, kr: MemoryKeyring, mp: pytest.MonkeyPatch) -> State:
    url, path, kid, rk = _encrypted(tmp_path)
    other = base64.b64encode(cipher.new_database_key()).decode()
    kr.set_password("clinic-app", keychain_name(kid), other)
    return State(url, path.parent, "does not fit", "does not open this database", rk)


def key_file_missing(tmp_path: Path, kr: MemoryKeyring, mp: pytest.MonkeyPatch) -> State:
    url, path, _kid, _rk = _encrypted(tmp_path)
    keyfile_path(path).unlink()
    return State(url, path.parent, "key file clinic.db.keywrap is missing", "is missing")


def key_file_damaged(tmp_path: Path, kr: MemoryKeyring, mp: pytest.MonkeyPatch) -> State:
    url, path, _kid, _rk = _encrypted(tmp_path)
    keyfile_path(path).write_text('{"format": "clinic-app-keywrap-1", "key_id": ')
    return State(url, path.parent, "is damaged", "is damaged")


def newer_schema(tmp_path: Path, kr: MemoryKeyring, mp: pytest.MonkeyPatch) -> State:
    url, path = _plain(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_a_newer_app'")
    conn.commit()
    conn.close()
    return State(url, path.parent, "newer version", "newer version")


def locked(tmp_path: Path, kr: MemoryKeyring, mp: pytest.MonkeyPatch) -> State:
    url, path = _plain(tmp_path)
    mp.setattr(
        engine_module,
        "SQLITE_PRAGMAS",
        tuple(
            "PRAGMA busy_timeout = 200" if p.startswith("PRAGMA busy_timeout") else p
            for p in engine_module.SQLITE_PRAGMAS
        ),
    )
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    return State(
        url,
        path.parent,
        "locked by another program",
        "locked by another program",
        cleanup=holder.close,
    )


def read_only(tmp_path: Path, kr: MemoryKeyring, mp: pytest.MonkeyPatch) -> State:
    _url, path = _plain(tmp_path)
    url = f"sqlite:///file:{path}?mode=ro&uri=true"
    return State(url, path.parent, "read-only", "read-only")


def disk_full(tmp_path: Path, kr: MemoryKeyring, mp: pytest.MonkeyPatch) -> State:
    """Start-up must migrate the schema, and the disk has no room for a single new page."""
    url, path = _plain(tmp_path)
    eng = engine_module.make_engine(url)
    downgrade(eng, "-1")
    eng.dispose()
    conn = sqlite3.connect(path)
    conn.execute("VACUUM")  # no free pages left for the migration to reuse
    conn.close()
    mp.setattr(
        engine_module,
        "SQLITE_PRAGMAS",
        (*engine_module.SQLITE_PRAGMAS, "PRAGMA max_page_count = 1"),
    )
    return State(url, path.parent, "disk is full", "disk is full")


def missing_database(tmp_path: Path, kr: MemoryKeyring, mp: pytest.MonkeyPatch) -> State:
    url, path, _kid, _rk = _encrypted(tmp_path)
    path.unlink()
    return State(url, path.parent, "is missing", "database file is missing")


def zero_byte_file(tmp_path: Path, kr: MemoryKeyring, mp: pytest.MonkeyPatch) -> State:
    folder = tmp_path / "db"
    folder.mkdir()
    (folder / "clinic.db").write_bytes(b"")
    return State(f"sqlite:///{folder / 'clinic.db'}", folder, "is an empty file", "empty")


STATES = {
    f.__name__: f
    for f in (
        no_keychain,
        key_not_in_keychain,
        wrong_key,
        key_file_missing,
        key_file_damaged,
        newer_schema,
        locked,
        read_only,
        disk_full,
        missing_database,
        zero_byte_file,
    )
}


def snapshot(folder: Path) -> dict[str, str]:
    """Every file's hash; SQLite's shared-memory index and an empty WAL are not data."""
    out = {}
    for p in sorted(folder.iterdir()):
        if p.name.endswith("-shm") or (p.name.endswith("-wal") and p.stat().st_size == 0):
            continue
        out[p.name] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


@pytest.fixture(params=sorted(STATES))
def state(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[State]:
    monkeypatch.setenv("CLINIC_APP_USER", "admin")
    monkeypatch.setenv("CLINIC_APP_PASSWORD", PASSWORD)
    st = STATES[request.param](tmp_path, memory_keyring, monkeypatch)
    yield st
    st.cleanup()


def test_cli_names_the_state_exits_5_and_changes_nothing(
    state: State, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(state.folder)
    assert main(["--db", state.url, "persons", "search", "x"]) == 5
    err = capsys.readouterr().err
    assert state.cli_text in err, err
    assert "Traceback" not in err
    assert snapshot(state.folder) == before


def _when(condition: Callable[[], object], then: Callable[[], None]) -> None:
    def poll() -> None:
        if condition():
            then()
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def _startup_dialog() -> StartupErrorDialog | None:
    widget = QApplication.activeModalWidget()
    return widget if isinstance(widget, StartupErrorDialog) else None


def test_gui_names_the_state_exits_5_and_changes_nothing(
    qtbot: QtBot, state: State, tmp_path: Path
) -> None:
    before = snapshot(state.folder)
    seen: list[str] = []

    def read_and_quit() -> None:
        dialog = _startup_dialog()
        assert dialog is not None
        seen.append(dialog.cause.text())
        seen.append(dialog.remedy.text())
        seen.append("recovery" if dialog.recovery is not None else "")
        dialog.reject()

    _when(lambda: _startup_dialog() is not None, read_and_quit)
    assert run_gui(state.url, settings_path=str(tmp_path / "s.ini")) == 5
    assert seen, "no start-up error window"
    assert state.gui_text in seen[0], seen
    assert seen[1]  # a way forward
    # Where the key is missing or wrong, the recovery key can be typed in.
    assert (seen[2] == "recovery") == bool(state.recovery_key), seen
    assert snapshot(state.folder) == before


@pytest.mark.parametrize("name", ["key_not_in_keychain", "wrong_key", "no_keychain"])
def test_gui_opens_with_the_recovery_key_typed_in_the_start_up_window(
    qtbot: QtBot,
    name: str,
    tmp_path: Path,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    st = STATES[name](tmp_path, memory_keyring, monkeypatch)
    steps: list[str] = []

    def type_key() -> None:
        dialog = _startup_dialog()
        assert dialog is not None
        field = find(dialog, "Recovery key", QLineEdit)
        field.setText("AAAA-BBBB")  # not a recovery key: said, and the window stays
        find(dialog, "Open with the recovery key", QPushButton).click()
        steps.append("typed wrong")

        def then_right() -> None:
            error = find(dialog, "Recovery key error").text()  # type: ignore[attr-defined]
            steps.append(error)
            field.setText(st.recovery_key.lower())
            find(dialog, "Open with the recovery key", QPushButton).click()

        _when(lambda: bool(find(dialog, "Recovery key error").text()), then_right)  # type: ignore[attr-defined]

    def log_in() -> None:
        widget = QApplication.activeModalWidget()
        assert isinstance(widget, LoginDialog)
        steps.append("log-in window")
        widget.reject()

    _when(lambda: _startup_dialog() is not None, type_key)
    _when(
        lambda: len(steps) >= 2 and isinstance(QApplication.activeModalWidget(), LoginDialog),
        log_in,
    )
    assert run_gui(st.url, settings_path=str(tmp_path / "s.ini")) == 0
    assert steps[0] == "typed wrong" and "recovery key" in steps[1].lower()
    assert steps[-1] == "log-in window"


def test_gui_without_a_keychain_creates_a_passphrase_database_then_asks_for_it(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """First start on a computer without a keychain: choose a passphrase, then the recovery
    key is shown for set-up; the next start asks for the passphrase and opens with it."""
    from clinic_app.config import encrypted_sqlite_url
    from clinic_app.ui.login import FirstRunDialog

    monkeypatch.setattr(cipher, "ARGON2_MEMORY_KIB", 1024)
    monkeypatch.setattr(cipher, "ARGON2_TIME", 1)
    keyring.set_keyring(FailKeyring())
    url = encrypted_sqlite_url(tmp_path / "db" / "clinic.db")
    passphrase = "copper kettle morning rain"
    seen: list[str] = []

    def choose() -> None:
        dialog = _startup_dialog()
        assert dialog is not None and dialog.repeat is not None
        seen.append(dialog.cause.text())
        find(dialog, "Passphrase", QLineEdit).setText(passphrase)
        find(dialog, "Repeat passphrase", QLineEdit).setText(passphrase)
        find(dialog, "Create with this passphrase", QPushButton).click()

    def first_run() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, FirstRunDialog)
        seen.append(find(dialog, "Recovery key").text())  # type: ignore[attr-defined]
        dialog.reject()

    _when(lambda: _startup_dialog() is not None, choose)
    _when(lambda: isinstance(QApplication.activeModalWidget(), FirstRunDialog), first_run)
    assert run_gui(url, settings_path=str(tmp_path / "s.ini")) == 0
    assert "keychain" in seen[0] and len(seen[1]) >= 20
    assert (tmp_path / "db" / "clinic.db").exists()

    again: list[str] = []

    def type_passphrase() -> None:
        dialog = _startup_dialog()
        assert dialog is not None and dialog.repeat is None
        again.append(dialog.cause.text())
        find(dialog, "Passphrase", QLineEdit).setText(passphrase)
        find(dialog, "Open", QPushButton).click()

    def set_up() -> None:
        # Set-up was quit, so the next start shows a (fresh) recovery key again.
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, FirstRunDialog)
        again.append(find(dialog, "Recovery key").text())  # type: ignore[attr-defined]
        dialog.reject()

    _when(lambda: _startup_dialog() is not None, type_passphrase)
    _when(lambda: isinstance(QApplication.activeModalWidget(), FirstRunDialog), set_up)
    assert run_gui(url, settings_path=str(tmp_path / "s.ini")) == 0
    assert "passphrase" in again[0] and len(again[1]) >= 20
