"""Administration › Workstations on a shared database: make a code, see the list, revoke."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from pytestqt.qtbot import QtBot

from clinic_app.services.container import build_services, join, open_database
from clinic_app.ui import common
from clinic_app.ui.context import UiContext
from clinic_app.ui.pages.administration import AdministrationPage
from clinic_app.ui.settings import AppSettings
from tests.conftest import FAST_HASHER, PASSWORD, TODAY
from tests.fakes import MemoryKeyring

pytestmark = pytest.mark.postgres


def test_workstations_tab_enrols_lists_and_revokes(
    pg_url: str, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    svc = build_services(open_database(pg_url), hasher=FAST_HASHER, clock=lambda: TODAY)
    svc.users.create_first_admin("admin", "Administrator", PASSWORD)
    admin = svc.users.authenticate("admin", PASSWORD, "ws-a")
    page = AdministrationPage(UiContext(svc, admin, AppSettings(str(tmp_path / "s.ini"))))
    qtbot.addWidget(page)
    tab = page.workstations
    assert tab is not None and tab.model.rowCount() == 1
    tab.enrol_button.click()
    qtbot.waitUntil(lambda: "shown only now" in tab.code_label.text(), timeout=20_000)
    code = tab.code_label.text().split(": ", 1)[1].split(" ", 1)[0]

    mine = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())  # the other computer
    db = open_database(pg_url, joining=True)
    join(db, username="admin", password=PASSWORD, name="mobile-1", code=code, hasher=FAST_HASHER)
    db.dispose()
    keyring.set_keyring(mine)

    tab.refresh()
    assert tab.model.rowCount() == 2
    row = next(r for r in range(2) if tab.model.item(r, 0).text() == "mobile-1")
    tab.table.setCurrentIndex(tab.model.index(row, 0))
    monkeypatch.setattr(common.prompter, "ask_text", lambda *_a: "lost on the bus")
    monkeypatch.setattr(common.prompter, "confirm", lambda *_a: True)
    tab.revoke_selected()
    assert tab.model.item(row, 4).text().startswith("revoked")
    assert tab.error.text() == ""
    svc.close()
