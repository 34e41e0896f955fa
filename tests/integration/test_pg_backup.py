"""Backups of a shared database: pg_dump, checked by a scratch restore, and restore."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from clinic_app.cli import main
from clinic_app.errors import StorageError
from clinic_app.models import Person
from clinic_app.security.context import Actor
from clinic_app.services.audit import verify_log
from clinic_app.services.container import Services, build_services, open_database
from clinic_app.services.persons import NameInput, PersonInput
from clinic_app.storage.backup import read_manifest
from tests.conftest import FAST_HASHER, PASSWORD, TODAY
from tests.integration.conftest import _connect_admin

pytestmark = pytest.mark.postgres


@pytest.fixture
def svc(pg_url: str) -> Iterator[Services]:
    services = build_services(open_database(pg_url), hasher=FAST_HASHER, clock=lambda: TODAY)
    yield services
    services.close()


@pytest.fixture
def admin(svc: Services) -> Actor:
    svc.users.create_first_admin("admin", "Administrator", PASSWORD)
    return svc.users.authenticate("admin", PASSWORD, "ws")


def _persons(svc: Services) -> int:
    with svc.db.read() as s:
        return s.scalar(select(func.count(Person.id))) or 0


def _scratch_databases() -> set[str]:
    with _connect_admin() as conn:
        rows = conn.execute("SELECT datname FROM pg_database WHERE datname LIKE 'clinic_verify_%'")
        return {r[0] for r in rows}


def test_backup_is_a_checked_dump_and_restores_over_live(
    svc: Services, admin: Actor, tmp_path: Path
) -> None:
    svc.persons.register(admin, PersonInput(names=(NameInput("Ana Popescu"),)))
    scratch_before = _scratch_databases()
    result = svc.backup.run(admin, str(tmp_path))
    assert result.path.endswith(".dump") and result.verified
    manifest = read_manifest(Path(result.path))
    assert manifest.counts["person"] == 1 and manifest.counts["audit_event"] > 0
    assert _scratch_databases() == scratch_before  # the check's scratch copy is gone
    assert [Path(e.path).name for e in svc.backup.list_backups(admin, str(tmp_path))] == [
        Path(result.path).name
    ]
    svc.backup.verify(admin, result.path)

    svc.persons.register(admin, PersonInput(names=(NameInput("Elena Dumitru"),)))
    assert _persons(svc) == 2
    restored = svc.backup.restore_over_live(admin, result.path)
    assert restored.safety_copy and Path(restored.safety_copy).exists()
    assert _persons(svc) == 1
    assert verify_log(svc.db, svc.audit).ok  # the log goes on from the restored chain
    svc.users.authenticate("admin", PASSWORD, "ws")  # and the app carries on


def test_a_damaged_dump_fails_its_check(svc: Services, admin: Actor, tmp_path: Path) -> None:
    result = svc.backup.run(admin, str(tmp_path))
    with open(result.path, "ab") as fh:
        fh.write(b"x")
    with pytest.raises(StorageError) as err:
        svc.backup.verify(admin, result.path)
    assert err.value.code == "verify_failed"


def test_missing_pg_dump_names_the_package(
    svc: Services, admin: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(StorageError) as err:
        svc.backup.run(admin, str(tmp_path / "b"))
    assert err.value.code == "pg_tools_missing" and "postgresql-client" in err.value.message
    assert not (tmp_path / "b").exists() or not list((tmp_path / "b").iterdir())


def test_cli_backup_on_postgresql(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CLINIC_APP_DB", pg_url)
    monkeypatch.setenv("CLINIC_APP_USER", "admin")
    monkeypatch.setenv("CLINIC_APP_PASSWORD", PASSWORD)
    assert main(["init"]) == 0
    assert main(["backup", "--to", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Backup written and verified" in out and ".dump" in out
    dump = next(tmp_path.glob("*.dump"))
    # Restore into a new, empty database: this workstation's keychain opens the copy.
    copy = f"clinic_restored_{secrets.token_hex(5)}"
    with _connect_admin() as conn:
        conn.execute(f'CREATE DATABASE "{copy}"')
    copy_url = pg_url.rsplit("/", 1)[0] + "/" + copy
    try:
        assert main(["restore", str(dump), "--to", copy_url]) == 0
        assert main(["--db", copy_url, "audit", "verify"]) == 0
        assert "verified" in capsys.readouterr().out
        assert main(["restore", str(dump), "--to", copy_url]) == 5  # never over data
    finally:
        with _connect_admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{copy}" WITH (FORCE)')
