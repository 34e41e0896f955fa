"""Disk full and read-only: a clear "not saved" error, and the earlier data intact."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from clinic_app.errors import StorageError
from clinic_app.models import Person
from clinic_app.services.container import audit_key_for, build_services
from clinic_app.services.database import Database
from clinic_app.storage.engine import make_engine
from tests.conftest import FAST_HASHER, TODAY
from tests.unit.storage.helpers import admin_of, new_encrypted, open_services, register


def test_disk_full_is_not_saved_and_earlier_data_stays(tmp_path: Path) -> None:
    url, _ = new_encrypted(tmp_path)
    svc = open_services(url)
    admin = admin_of(svc)
    kept = [register(svc, admin, f"Before Full {i}") for i in range(3)]
    with svc.db.engine.connect() as conn:
        pages = int(conn.exec_driver_sql("PRAGMA page_count").scalar() or 0)

    @event.listens_for(svc.db.engine, "connect")
    def _cap(dbapi_conn: Any, _record: Any) -> None:
        # A disk with room for a few more pages only.
        dbapi_conn.execute(f"PRAGMA max_page_count = {pages + 3}")

    svc.db.engine.dispose()  # pooled connections were opened before the cap

    with pytest.raises(StorageError) as err:
        for i in range(200):
            register(svc, admin, f"Overflow {i}", notes="x" * 20_000)
    assert err.value.code == "disk_full"
    assert "nothing was saved" in err.value.message
    svc.close()
    again = open_services(url)
    admin = admin_of(again)
    for pid in kept:
        assert again.persons.get(admin, pid).display_name.startswith("Before Full")
    with again.db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    again.close()


def test_read_only_database_is_not_saved_and_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "plain.db"
    svc = open_services(f"sqlite:///{path}")
    admin = admin_of(svc)
    pid = register(svc, admin, "Before Read Only")
    audit_key = audit_key_for(svc.db)
    svc.close()
    before = path.read_bytes()
    ro = Database(make_engine(f"sqlite:///file:{path}?mode=ro&uri=true"))
    ro_svc = build_services(ro, audit_key=audit_key, hasher=FAST_HASHER, clock=lambda: TODAY)
    with pytest.raises(StorageError) as err:
        register(ro_svc, admin, "Never Saved")
    assert err.value.code == "read_only"
    assert "nothing was saved" in err.value.message
    ro_svc.close()
    assert path.read_bytes() == before
    again = open_services(f"sqlite:///{path}")
    assert again.persons.get(admin_of(again), pid).display_name == "Before Read Only"
    again.close()


def test_locked_by_another_program_is_not_saved(tmp_path: Path) -> None:
    url, _ = new_encrypted(tmp_path)
    svc = open_services(url)
    admin = admin_of(svc)
    pid = register(svc, admin, "Before Lock")

    @event.listens_for(svc.db.engine, "connect")
    def _impatient(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute("PRAGMA busy_timeout = 200")  # not the usual 10 s, in a test

    svc.db.engine.dispose()
    other = svc.db.engine.raw_connection()  # another program holding the write lock
    other.driver_connection.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StorageError) as err:
            register(svc, admin, "Never Saved")
        assert err.value.code == "locked"
        # Plain reads still work while another program writes (WAL).
        with svc.db.read() as s:
            person = s.get(Person, pid)
            assert person is not None and person.display_name == "Before Lock"
    finally:
        other.driver_connection.execute("ROLLBACK")
        other.close()
    assert svc.persons.search(admin, "never saved").total == 0
    svc.close()
