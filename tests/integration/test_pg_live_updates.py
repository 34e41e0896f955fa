"""Others' changes appear: LISTEN/NOTIFY from one workstation's commit to another's open list."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from clinic_app.services.changes import Change, ChangeFeed
from clinic_app.services.container import Services, build_services, open_database
from clinic_app.services.persons import NameInput, PersonInput
from clinic_app.ui.context import UiContext, wait_for_background_work
from clinic_app.ui.main_window import MainWindow, ShellOptions
from clinic_app.ui.settings import AppSettings
from tests.conftest import FAST_HASHER, PASSWORD, TODAY
from tests.integration.conftest import _connect_admin

pytestmark = pytest.mark.postgres


@pytest.fixture
def two(pg_url: str) -> Iterator[tuple[Services, Services]]:
    a = build_services(open_database(pg_url), hasher=FAST_HASHER, clock=lambda: TODAY)
    b = build_services(open_database(pg_url), hasher=FAST_HASHER, clock=lambda: TODAY)
    a.users.create_first_admin("admin", "Administrator", PASSWORD)
    yield a, b
    a.close()
    b.close()


def _wait(feed: ChangeFeed, seconds: float = 5.0) -> list[Change]:
    deadline = time.monotonic() + seconds
    found: list[Change] = []
    while time.monotonic() < deadline and not found:
        found = feed.poll()
        time.sleep(0.05)
    return found


def test_a_commit_is_announced_to_others_with_ids_only(two: tuple[Services, Services]) -> None:
    a, b = two
    feed = ChangeFeed(a.db)
    feed.open()
    try:
        admin_b = b.users.authenticate("admin", PASSWORD, "ws-b")
        assert _wait(feed, 1.0) == []  # a log-in is bookkeeping, not news
        person = b.persons.register(admin_b, PersonInput(names=(NameInput("Ana Popescu"),)))
        news = _wait(feed)
        assert news and news[0].touches("person") and person.id in news[0].person_ids
        b.persons.get(admin_b, person.id)  # a view is audited, and announces nothing
        assert _wait(feed, 1.0) == []
        admin_a = a.users.authenticate("admin", PASSWORD, "ws-a")
        a.persons.register(admin_a, PersonInput(names=(NameInput("Elena Dumitru"),)))
        assert _wait(feed, 1.0) == []  # its own changes it knows already
    finally:
        feed.close()


def test_open_persons_list_refreshes_when_another_workstation_registers(
    two: tuple[Services, Services], qtbot: QtBot, tmp_path: Path
) -> None:
    a, b = two
    admin_a = a.users.authenticate("admin", PASSWORD, "ws-a")
    admin_b = b.users.authenticate("admin", PASSWORD, "ws-b")
    b.persons.register(admin_b, PersonInput(names=(NameInput("Ana Popescu"),)))
    ctx = UiContext(a, admin_a, AppSettings(str(tmp_path / "s.ini")), database_label="pg")
    window = MainWindow(ctx, ShellOptions("pg", "ws-a"))
    qtbot.addWidget(window)
    window.show()
    try:
        assert window.live is not None and window.live.listening
        page = window.show_area("persons")
        assert page is not None
        model = page.model  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=5000)
        started = time.monotonic()
        b.persons.register(admin_b, PersonInput(names=(NameInput("Elena Dumitru"),)))
        qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=5000)
        assert time.monotonic() - started < 5
        # A server restart cuts the listening connection too: it comes back by itself.
        with _connect_admin() as conn:
            conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                (a.db.engine.url.database,),
            )
        qtbot.waitUntil(lambda: not window.live.listening, timeout=5000)  # type: ignore[union-attr]
        qtbot.waitUntil(lambda: window.live.listening, timeout=15000)  # type: ignore[union-attr]
        b.persons.register(admin_b, PersonInput(names=(NameInput("Olena Kovalenko"),)))
        qtbot.waitUntil(lambda: model.rowCount() == 3, timeout=5000)
    finally:
        window.close()
        wait_for_background_work(5000)
