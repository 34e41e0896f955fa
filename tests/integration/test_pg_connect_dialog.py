"""The GUI's "Connect to a shared database" dialog joins a workstation (first start)."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from PySide6.QtWidgets import QLineEdit, QSpinBox
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from clinic_app.app import join_shared
from clinic_app.services.container import build_services, open_database
from clinic_app.ui.connect_shared import ConnectSharedDialog
from clinic_app.ui.settings import AppSettings
from tests.conftest import FAST_HASHER, PASSWORD, TODAY
from tests.fakes import MemoryKeyring

pytestmark = pytest.mark.postgres


def _field(dialog: ConnectSharedDialog, name: str) -> QLineEdit:
    found = [w for w in dialog.findChildren(QLineEdit) if w.accessibleName() == name]
    assert len(found) == 1, name
    return found[0]


def test_dialog_joins_this_workstation_with_an_enrolment_code(
    pg_url: str, qtbot: QtBot, tmp_path: Path
) -> None:
    first = build_services(open_database(pg_url), hasher=FAST_HASHER, clock=lambda: TODAY)
    first.users.create_first_admin("admin", "Administrator", PASSWORD)
    admin = first.users.authenticate("admin", PASSWORD, "ws-a")
    code = first.workstations.enrol(admin).code
    first.close()

    keyring.set_keyring(MemoryKeyring())  # the new computer's empty keychain
    url = make_url(pg_url)
    dialog = ConnectSharedDialog(join_shared, workstation="aarhus-2")
    qtbot.addWidget(dialog)
    _field(dialog, "Server host").setText(str(url.host))
    port = [w for w in dialog.findChildren(QSpinBox) if w.accessibleName() == "Server port"]
    port[0].setValue(int(url.port or 5432))
    _field(dialog, "Database name").setText(str(url.database))
    _field(dialog, "Database role").setText(str(url.username))
    _field(dialog, "Database role password").setText("server-pw-not-in-settings")
    dialog.verify.setChecked(False)  # the test server has no TLS
    _field(dialog, "Enrolment code or recovery key").setText(code.lower())
    _field(dialog, "Administrator user name").setText("admin")
    _field(dialog, "Administrator password").setText(PASSWORD)
    dialog.join_button.click()
    qtbot.waitUntil(lambda: dialog.url is not None, timeout=30_000)
    assert dialog.joined_as.startswith("aarhus-2 #")
    assert "server-pw" not in (dialog.url or "")

    settings = AppSettings(str(tmp_path / "s.ini"))
    settings.shared_db_url = dialog.url or ""
    settings.sync()
    assert "server-pw" not in (tmp_path / "s.ini").read_text()

    # The joined workstation now opens the database and names itself in the audit log.
    second = build_services(open_database(settings.shared_db_url), hasher=FAST_HASHER)
    admin2 = second.users.authenticate("admin", PASSWORD, "ws-b")
    labels = {w.label for w in second.workstations.list(admin2)}
    assert dialog.joined_as in labels and len(labels) == 2
    second.close()


def test_dialog_shows_a_wrong_code_plainly(pg_url: str, qtbot: QtBot) -> None:
    first = build_services(open_database(pg_url), hasher=FAST_HASHER, clock=lambda: TODAY)
    first.users.create_first_admin("admin", "Administrator", PASSWORD)
    first.close()
    url = make_url(pg_url)
    keyring.set_keyring(MemoryKeyring())
    dialog = ConnectSharedDialog(join_shared)
    qtbot.addWidget(dialog)
    _field(dialog, "Server host").setText(str(url.host))
    _field(dialog, "Database name").setText(str(url.database))
    _field(dialog, "Database role").setText(str(url.username))
    dialog.verify.setChecked(False)
    _field(dialog, "Enrolment code or recovery key").setText("AAAA-BBBB-CCCC-DDDD-EEEE")
    _field(dialog, "Administrator user name").setText("admin")
    _field(dialog, "Administrator password").setText(PASSWORD)
    dialog.join_button.click()
    qtbot.waitUntil(lambda: dialog.join_button.isEnabled(), timeout=30_000)
    assert dialog.url is None
    assert "not correct" in dialog.error.text()
