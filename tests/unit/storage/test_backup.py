"""Backups: verified, encrypted like the database, rotated, restorable; audited."""

from __future__ import annotations

import datetime as dt
import json
import threading
from pathlib import Path

import pytest
from sqlalchemy import select

from clinic_app.errors import Forbidden, NotFound, StorageError
from clinic_app.models import AuditEvent
from clinic_app.services import backup as backup_service
from clinic_app.services.backup import restore_to_new
from clinic_app.storage import backup as store
from clinic_app.storage.open import SQLITE_HEADER, encrypted_url, keyfile_path
from clinic_app.vocabulary import Role
from tests.conftest import make_user
from tests.fakes import MemoryKeyring
from tests.unit.storage.helpers import (
    SENTINELS,
    admin_of,
    new_encrypted,
    open_services,
    register,
)


def _actions(svc: object) -> list[str]:
    with svc.db.read() as s:  # type: ignore[attr-defined]
        return list(s.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def test_backup_is_encrypted_verified_and_audited(tmp_path: Path) -> None:
    url, _ = new_encrypted(tmp_path)
    svc = open_services(url)
    admin = admin_of(svc)
    for name in SENTINELS:
        register(svc, admin, name)
    seen: list[tuple[int, int]] = []
    result = svc.backup.run(admin, str(tmp_path / "bk"), progress=lambda d, t: seen.append((d, t)))
    assert result.verified and result.encrypted and result.rows > 0
    data = Path(result.path).read_bytes()
    assert not data.startswith(SQLITE_HEADER)
    assert all(n.encode() not in data for n in SENTINELS)
    assert keyfile_path(Path(result.path)).exists()
    manifest = json.loads(Path(result.path + ".json").read_text())
    assert manifest["counts"]["person"] == 3
    assert seen and seen[-1][0] == seen[-1][1]
    assert _actions(svc)[-1] == "backup.run"
    assert [e.path for e in svc.backup.list_backups(admin, str(tmp_path / "bk"))] == [result.path]
    svc.backup.verify(admin, result.path)
    svc.close()


def test_only_administrators_back_up(tmp_path: Path) -> None:
    url, _ = new_encrypted(tmp_path)
    svc = open_services(url)
    admin = admin_of(svc)
    site = svc.reference.create_site(
        admin,
        "SH1",
        "Shelter",
        __import__("clinic_app.vocabulary", fromlist=["SiteKind"]).SiteKind.SHELTER,
        "Aarhus",
    )
    staff = make_user(svc, admin, "sofie", Role.SHELTER_STAFF, site.id)
    with pytest.raises(Forbidden):
        svc.backup.run(staff, str(tmp_path / "bk"))
    with pytest.raises(Forbidden):
        svc.retention.preview(staff)
    svc.close()


def test_a_damaged_backup_fails_verification(tmp_path: Path) -> None:
    url, _ = new_encrypted(tmp_path)
    svc = open_services(url)
    admin = admin_of(svc)
    result = svc.backup.run(admin, str(tmp_path / "bk"))
    raw = bytearray(Path(result.path).read_bytes())
    raw[5000] ^= 0xFF
    Path(result.path).write_bytes(bytes(raw))
    with pytest.raises(StorageError) as err:
        svc.backup.verify(admin, result.path)
    assert err.value.code == "verify_failed"
    with pytest.raises(StorageError):
        restore_to_new(Path(result.path), tmp_path / "restored.db")
    assert not (tmp_path / "restored.db").exists()
    svc.close()


def test_restore_on_a_new_computer_with_the_recovery_key(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    url, keys = new_encrypted(tmp_path)
    svc = open_services(url)
    admin = admin_of(svc)
    pid = register(svc, admin, SENTINELS[0])
    result = svc.backup.run(admin, str(tmp_path / "bk"))
    svc.close()
    memory_keyring.store.clear()  # a new computer: an empty keychain
    target = tmp_path / "elsewhere" / "clinic.db"
    with pytest.raises(StorageError) as err:
        restore_to_new(Path(result.path), target)
    assert err.value.code == "key_needed"
    restored = restore_to_new(Path(result.path), target, recovery_key=keys.recovery_key)
    assert restored.rows == result.rows
    svc = open_services(encrypted_url(target))  # the keychain holds the key again
    assert svc.persons.get(admin_of(svc), pid).display_name == SENTINELS[0]
    svc.close()
    with pytest.raises(StorageError) as err:
        restore_to_new(Path(result.path), target)
    assert err.value.code == "exists"


def test_restore_over_live_makes_a_safety_copy(tmp_path: Path) -> None:
    url, _ = new_encrypted(tmp_path)
    svc = open_services(url)
    admin = admin_of(svc)
    svc.backup.configure(admin, folder=str(tmp_path / "bk"))
    first = register(svc, admin, "Kept Person")
    result = svc.backup.run(admin)
    later = register(svc, admin, "Later Person")
    restored = svc.backup.restore_over_live(admin, result.path)
    assert restored.safety_copy is not None and "before-restore" in restored.safety_copy
    assert _actions(svc)[-1] == "restore.run"
    assert svc.persons.get(admin, first).display_name == "Kept Person"
    with pytest.raises(NotFound):
        svc.persons.get(admin, later)
    # The safety copy holds the state before the restore.
    copy_target = tmp_path / "copy.db"
    restore_to_new(Path(restored.safety_copy), copy_target)
    other = open_services(encrypted_url(copy_target))
    assert other.persons.get(admin_of(other), later).display_name == "Later Person"
    other.close()
    svc.close()


def test_backup_during_continuous_writes_restores_identical_rows(tmp_path: Path) -> None:
    url, _ = new_encrypted(tmp_path)
    svc = open_services(url)
    admin = admin_of(svc)
    for i in range(20):
        register(svc, admin, f"Seed Person {i}")
    stop = threading.Event()
    written: list[int] = []
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            while not stop.is_set():
                written.append(register(svc, admin, f"Busy Writer {len(written)}"))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        while len(written) < 5:
            threading.Event().wait(0.01)
        manifest, snap = store.write_backup(
            svc.db.engine, tmp_path / "bk", at=dt.datetime(2026, 11, 26, 12), deep=True
        )
        during = len(written)
        while len(written) < during + 5:
            threading.Event().wait(0.01)
    finally:
        stop.set()
        thread.join()
    assert not errors
    target = tmp_path / "restored.db"
    restore_to_new(manifest.path, target)
    import sqlcipher3

    from clinic_app.storage.open import engine_key

    key = engine_key(svc.db.engine)
    assert key is not None
    conn = sqlcipher3.connect(str(target))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    restored = store.snapshot(conn, deep=True)
    conn.close()
    assert restored.hashes == snap.hashes and restored.counts == snap.counts
    # Writes went on during the backup and are in the live database, not in the snapshot.
    with svc.db.engine.connect() as c:
        live = int(c.exec_driver_sql("SELECT count(*) FROM person").scalar() or 0)
    assert live > snap.counts["person"]
    svc.close()


def test_rotation_keeps_daily_weekly_monthly() -> None:
    start = dt.datetime(2025, 1, 1, 3)
    times = [start + dt.timedelta(days=d) for d in range(400)]
    keep = store.to_keep(times, daily=7, weekly=4, monthly=12)
    newest = times[-1]
    assert newest in keep
    assert {t for t in times if (newest - t).days < 7} <= keep
    assert len(keep) <= 7 + 4 + 12
    months = {(t.year, t.month) for t in keep}
    assert len(months) == 12


def test_rotate_deletes_only_regular_backups(tmp_path: Path) -> None:
    folder = tmp_path / "bk"
    folder.mkdir()
    for d in range(30):
        at = dt.datetime(2026, 10, 1, 2) + dt.timedelta(days=d)
        (folder / store.backup_name(at)).write_bytes(b"x")
    tagged = folder / store.backup_name(dt.datetime(2026, 9, 1), "pre-migration")
    tagged.write_bytes(b"x")
    removed = store.rotate(folder, daily=3, weekly=2, monthly=1)
    left = store.list_backups(folder)
    assert tagged in left and len(left) == 1 + 4  # 3 days + 1 more week (the month overlaps)
    assert len(removed) == 30 - 4


def test_migration_makes_a_backup_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url, _ = new_encrypted(tmp_path)
    svc = open_services(url)
    # A brand-new database has nothing to back up before its first migration.
    assert store.list_backups(backup_service.default_folder()) == []
    admin = admin_of(svc)
    svc.backup.configure(admin, folder=str(tmp_path / "bk"))
    svc.close()
    from clinic_app.services import container

    monkeypatch.setattr(container, "needs_upgrade", lambda engine: True)
    monkeypatch.setattr(container, "upgrade", lambda engine: None)
    open_services(url).close()
    made = store.list_backups(tmp_path / "bk")
    assert len(made) == 1 and "pre-migration" in made[0].name


def test_cli_backup_and_restore(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from clinic_app.cli import main
    from tests.conftest import PASSWORD

    monkeypatch.setenv("CLINIC_APP_PASSWORD", PASSWORD)
    monkeypatch.setenv("CLINIC_APP_USER", "admin")
    assert main(["init"]) == 0  # the default: an encrypted database in the data directory
    assert main(["backup", "--to", str(tmp_path / "bk")]) == 0
    made = store.list_backups(tmp_path / "bk")
    assert len(made) == 1
    assert main(["restore", str(made[0]), "--over-live"]) == 3  # needs --yes
    assert main(["restore", str(made[0]), "--to", str(tmp_path / "r.db")]) == 0
    assert (tmp_path / "r.db").exists() and keyfile_path(tmp_path / "r.db").exists()
    assert main(["restore", str(made[0]), "--over-live", "--yes"]) == 0


def test_cli_restore_on_a_new_computer(
    tmp_path: Path, memory_keyring: MemoryKeyring, capsys: pytest.CaptureFixture[str]
) -> None:
    from clinic_app.cli import main

    url, keys = new_encrypted(tmp_path)
    svc = open_services(url)
    admin = admin_of(svc)
    pid = register(svc, admin, SENTINELS[2])
    made = svc.backup.run(admin, str(tmp_path / "bk"))
    svc.close()
    memory_keyring.store.clear()
    target = tmp_path / "new-computer" / "clinic.db"
    assert main(["restore", made.path, "--to", str(target)]) == 5
    assert "recovery key" in capsys.readouterr().err
    assert not target.exists()
    args = ["restore", made.path, "--to", str(target), "--recovery-key", keys.recovery_key]
    assert main(args) == 0
    svc = open_services(encrypted_url(target))
    assert svc.persons.get(admin_of(svc), pid).display_name == SENTINELS[2]
    assert "restore.run" in _actions(svc)
    svc.close()
