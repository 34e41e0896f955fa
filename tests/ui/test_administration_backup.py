"""The Administration area's Backup and Retention tabs: backup settings, backing up now off
the UI thread with progress, the list of backups, errors that never look like success; the
retention policy, its preview, and a confirmed run on exactly the previewed cases."""

from __future__ import annotations

import datetime as dt
import errno
import logging
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from clinic_app.models import Person
from clinic_app.security.context import Actor
from clinic_app.security.permissions import Action, allowed
from clinic_app.services.container import Services
from clinic_app.ui.pages.administration import AdministrationPage
from tests.conftest import TODAY
from tests.ui.conftest import MakeWindow, Prompts, register
from tests.ui.helpers import find


def _page(window: object) -> AdministrationPage:
    page = window.show_area("administration")  # type: ignore[attr-defined]
    assert isinstance(page, AdministrationPage)
    page.tabs.setCurrentIndex(2)
    return page


def _click(qtbot: QtBot, window: object, name: str) -> None:
    qtbot.mouseClick(find(window, name, QPushButton), Qt.MouseButton.LeftButton)


def test_back_up_now_lists_the_verified_backup(
    qtbot: QtBot, services: Services, admin: Actor, make_window: MakeWindow, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    window = make_window(admin)
    page = _page(window)
    assert page.tabs.isTabVisible(2)
    page.ask_folder = lambda current: str(folder)
    _click(qtbot, window, "Choose backup folder")
    assert find(window, "Backup folder", QLineEdit).text() == str(folder)
    find(window, "Keep daily backups", QSpinBox).setValue(5)
    find(window, "Daily automatic backup", QCheckBox).setChecked(True)
    _click(qtbot, window, "Save backup settings")
    saved = services.backup.settings(admin)
    assert (saved.folder, saved.keep_daily, saved.daily_automatic) == (str(folder), 5, True)

    message = find(window, "Backup result", QLabel)
    table = find(window, "Backups table", QTableView)
    assert table.model().rowCount() == 0
    seen: list[tuple[int, int]] = []
    page.backup_progress.connect(lambda done, total: seen.append((done, total)))
    _click(qtbot, window, "Back up now")
    assert find(window, "Backup progress", QProgressBar).isVisible()
    qtbot.waitUntil(lambda: "verified" in message.text(), timeout=20_000)
    assert table.model().rowCount() == 1
    assert int(table.model().index(0, 2).data()) > 0
    assert list(folder.glob("clinic-backup-*.db"))
    assert seen and seen[-1][0] == seen[-1][1]
    assert not find(window, "Backup error", QLabel).isVisible()
    assert find(window, "Back up now", QPushButton).isEnabled()


def test_an_unusable_folder_shows_an_error_not_success(
    qtbot: QtBot,
    admin: Actor,
    make_window: MakeWindow,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    not_a_folder = tmp_path / "a-file.txt"
    not_a_folder.write_text("not a folder")
    window = make_window(admin)
    _page(window)
    find(window, "Backup folder", QLineEdit).setText(str(not_a_folder / "inside"))
    message = find(window, "Backup result", QLabel)
    error = find(window, "Backup error", QLabel)
    _click(qtbot, window, "Back up now")
    with caplog.at_level(logging.WARNING, logger="clinic_app.ui.pages.administration"):
        qtbot.waitUntil(lambda: error.isVisible(), timeout=20_000)
    assert error.text() == "The backup failed: the backup folder is not a folder."
    assert [r.getMessage().splitlines()[0] for r in caplog.records] == [
        f"Backup failed (errno {errno.ENOTDIR}):"
    ]
    assert str(tmp_path) not in caplog.text  # no paths in the log
    assert "verified" not in message.text()
    assert find(window, "Back up now", QPushButton).isEnabled()
    assert find(window, "Backups table", QTableView).model().rowCount() == 0


def test_a_relative_folder_is_refused_beside_the_settings(
    qtbot: QtBot, services: Services, admin: Actor, make_window: MakeWindow
) -> None:
    window = make_window(admin)
    _page(window)
    before = services.backup.settings(admin)
    find(window, "Backup folder", QLineEdit).setText("relative/folder")
    _click(qtbot, window, "Save backup settings")
    error = find(window, "Backup error", QLabel)
    assert error.isVisible() and error.text()
    assert find(window, "Backup folder", QLineEdit).text() == "relative/folder"
    assert services.backup.settings(admin) == before
    assert "saved" not in find(window, "Backup result", QLabel).text()


def _archived(services: Services, admin: Actor, name: str, years_ago: int) -> int:
    person = register(services, admin, name)
    services.persons.archive(admin, person.id, "moved away")
    with services.db.write() as s:
        s.execute(
            update(Person)
            .where(Person.id == person.id)
            .values(archived_at=dt.datetime(TODAY.year - years_ago, 1, 2))
            .execution_options(synchronize_session=False)
        )
    return person.id


def _anonymised(services: Services, person_id: int) -> bool:
    with services.db.read() as s:
        person = s.get(Person, person_id)
        return person is not None and person.anonymised_at is not None


def test_retention_preview_then_run_on_the_previewed_cases(
    qtbot: QtBot, services: Services, admin: Actor, make_window: MakeWindow, prompts: Prompts
) -> None:
    old = _archived(services, admin, "Ana Old", 12)
    recent = _archived(services, admin, "Bea Recent", 3)
    window = make_window(admin)
    page = _page(window)
    page.tabs.setCurrentIndex(3)
    assert page.tabs.isTabVisible(3)
    run = find(window, "Run retention", QPushButton)
    assert not run.isEnabled()
    table = find(window, "Retention preview table", QTableView)
    _click(qtbot, window, "Preview retention")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1 and run.isEnabled(), timeout=20_000)
    assert table.model().index(0, 0).data(Qt.ItemDataRole.UserRole) == old

    prompts.answers.append(False)  # declined: nothing changes
    _click(qtbot, window, "Run retention")
    assert not _anonymised(services, old)

    message = find(window, "Retention result", QLabel)
    _click(qtbot, window, "Run retention")
    qtbot.waitUntil(lambda: "1 cases anonymised" in message.text(), timeout=20_000)
    assert [kind for kind, _title, _text in prompts.calls] == ["confirm", "confirm"]
    assert _anonymised(services, old)
    assert not _anonymised(services, recent)
    assert table.model().rowCount() == 0
    assert not run.isEnabled()


def test_retention_policy_is_saved_and_bad_values_kept_out(
    qtbot: QtBot, services: Services, admin: Actor, make_window: MakeWindow
) -> None:
    window = make_window(admin)
    page = _page(window)
    page.tabs.setCurrentIndex(3)
    find(window, "Retention years", QSpinBox).setValue(7)
    mode = find(window, "Retention action", QComboBox)
    mode.setCurrentIndex(mode.findData("erase"))
    _click(qtbot, window, "Save retention policy")
    policy = services.retention.policy(admin)
    assert (policy.years, policy.mode) == (7, "erase")
    assert "saved" in find(window, "Retention result", QLabel).text()


def test_backup_and_retention_tabs_follow_the_permissions(
    services: Services, admin: Actor, make_window: MakeWindow
) -> None:
    page = _page(make_window(admin))
    assert allowed(admin, Action.BACKUP_RUN) and allowed(admin, Action.RETENTION_RUN)
    assert page.tabs.tabText(2) == "&Backup" and page.tabs.tabText(3) == "Retent&ion"
    assert page.tabs.isTabVisible(2) and page.tabs.isTabVisible(3)
