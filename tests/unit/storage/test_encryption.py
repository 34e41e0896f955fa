"""Encryption at rest: no readable header or names, keys in the keychain, recovery key."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring
from sqlalchemy import text

from clinic_app.errors import StorageError
from clinic_app.services.container import audit_key_for, open_database
from clinic_app.storage import cipher
from clinic_app.storage.open import (
    SQLITE_HEADER,
    create_encrypted_database,
    encrypted_url,
    engine_for_key,
    keychain_name,
    keyfile_path,
    read_keyfile,
    store_key_in_keychain,
    take_new_recovery_key,
)
from tests.fakes import MemoryKeyring
from tests.unit.storage.helpers import (
    SENTINELS,
    admin_of,
    file_bytes,
    new_encrypted,
    open_services,
    register,
)


def _digest(path: Path) -> str:
    return hashlib.sha256(file_bytes(path)).hexdigest()


def test_file_has_no_header_and_no_readable_names(tmp_path: Path) -> None:
    url, _ = new_encrypted(tmp_path)
    svc = open_services(url)
    admin = admin_of(svc)
    # An open connection keeps the WAL file from being folded in and removed.
    keeper = svc.db.engine.raw_connection()
    try:
        for name in SENTINELS:
            register(svc, admin, name, notes=f"notes about {name}")
        wal_seen = (tmp_path / "clinic.db-wal").stat().st_size > 0
        raw_before_checkpoint = file_bytes(tmp_path / "clinic.db")
    finally:
        keeper.close()
    svc.close()
    raw = file_bytes(tmp_path / "clinic.db")
    assert wal_seen
    assert not raw.startswith(SQLITE_HEADER)
    for blob in (raw, raw_before_checkpoint):
        for name in SENTINELS:
            for part in (name, name.lower(), name.split()[0]):
                assert part.encode() not in blob
    key_file = keyfile_path(tmp_path / "clinic.db").read_bytes()
    for name in SENTINELS:
        assert name.encode() not in key_file


def test_the_key_is_only_in_the_keychain(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    _url, keys = new_encrypted(tmp_path)
    stored = memory_keyring.store[("clinic-app", keychain_name(keys.key_id))]
    key = base64.b64decode(stored)
    for path in tmp_path.iterdir():
        data = path.read_bytes()
        assert key not in data and key.hex().encode() not in data
        assert keys.recovery_key.encode() not in data


def test_wrong_key_fails_clearly_and_changes_nothing(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    url, keys = new_encrypted(tmp_path)
    svc = open_services(url)
    register(svc, admin_of(svc), SENTINELS[0])
    svc.close()
    before = _digest(tmp_path / "clinic.db")
    listing = sorted(p.name for p in tmp_path.iterdir())
    memory_keyring.set_password(
        "clinic-app",
        keychain_name(keys.key_id),
        base64.b64encode(cipher.new_database_key()).decode(),
    )
    with pytest.raises(StorageError) as err:
        open_database(url)
    assert err.value.code == "wrong_key"  # a wrong key in the keychain is not used
    with pytest.raises(StorageError) as err:
        engine_for_key(tmp_path / "clinic.db", cipher.new_database_key())
    assert err.value.code == "wrong_key"
    assert _digest(tmp_path / "clinic.db") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == listing


def test_empty_keychain_then_recovery_key_then_key_stored_again(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    url, keys = new_encrypted(tmp_path)
    svc = open_services(url)
    person_id = register(svc, admin_of(svc), SENTINELS[1])
    svc.close()
    memory_keyring.store.clear()
    with pytest.raises(StorageError) as err:
        open_database(url)
    assert err.value.code == "key_needed" and "recovery key" in err.value.message
    typed = keys.recovery_key.lower().replace("-", " ")  # as someone might type it
    svc = open_services(url, recovery_key=typed)
    assert svc.persons.get(admin_of(svc), person_id).display_name == SENTINELS[1]
    svc.close()
    assert ("clinic-app", keychain_name(keys.key_id)) in memory_keyring.store
    open_services(url).close()  # the keychain alone suffices again


def test_recovery_key_mistakes_are_told_apart(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    url, keys = new_encrypted(tmp_path)
    memory_keyring.store.clear()
    with pytest.raises(StorageError) as err:
        open_database(url, recovery_key=cipher.new_recovery_key())
    assert err.value.code == "wrong_key"
    typo = keys.recovery_key[:-1] + ("A" if keys.recovery_key[-1] != "A" else "B")
    with pytest.raises(StorageError) as err:
        open_database(url, recovery_key=typo)
    assert err.value.code == "bad_recovery_key"
    assert memory_keyring.store == {}


def test_cli_key_recover_stores_the_key(
    tmp_path: Path, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    url, keys = new_encrypted(tmp_path)
    memory_keyring.store.clear()
    from clinic_app.cli import main

    assert main(["--db", url, "key", "recover", "--recovery-key", keys.recovery_key]) == 0
    assert ("clinic-app", keychain_name(keys.key_id)) in memory_keyring.store
    open_services(url).close()


def test_no_keychain_needs_the_recovery_key(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    url, keys = new_encrypted(tmp_path)
    keyring.set_keyring(FailKeyring())
    with pytest.raises(StorageError) as err:
        open_database(url)
    assert err.value.code == "no_keyring" and "keychain" in err.value.message.lower()
    open_services(url, recovery_key=keys.recovery_key).close()
    with pytest.raises(StorageError) as err:
        create_encrypted_database(tmp_path / "other.db")
    assert err.value.code == "no_keyring"
    assert not (tmp_path / "other.db").exists()


def test_plaintext_keyring_backends_are_refused(tmp_path: Path) -> None:
    class PlaintextKeyring(MemoryKeyring):
        pass

    keyring.set_keyring(PlaintextKeyring())
    with pytest.raises(StorageError) as err:
        create_encrypted_database(tmp_path / "c.db")
    assert err.value.code == "insecure_keyring"


def test_a_missing_file_is_never_replaced_by_an_empty_database(tmp_path: Path) -> None:
    url, _ = new_encrypted(tmp_path)
    (tmp_path / "clinic.db").unlink()
    with pytest.raises(StorageError) as err:
        open_database(url)
    assert err.value.code == "no_database"
    assert not (tmp_path / "clinic.db").exists()
    with pytest.raises(StorageError) as err:
        create_encrypted_database(tmp_path / "clinic.db")  # its key file is still there
    assert err.value.code == "exists"


def test_first_open_of_a_new_location_creates_it_and_keeps_the_recovery_key(
    tmp_path: Path,
) -> None:
    url = encrypted_url(tmp_path / "first.db")
    db = open_database(url)
    recovery_key = take_new_recovery_key(db.engine)
    assert recovery_key is not None and take_new_recovery_key(db.engine) is None
    db.dispose()
    assert not (tmp_path / "first.db").read_bytes().startswith(SQLITE_HEADER)
    assert store_key_in_keychain(url, recovery_key)


def test_missing_key_file_and_plain_file_are_named(tmp_path: Path) -> None:
    url, _ = new_encrypted(tmp_path)
    keyfile_path(tmp_path / "clinic.db").unlink()
    with pytest.raises(StorageError) as err:
        open_database(url)
    assert err.value.code == "key_file_missing"
    plain = tmp_path / "plain.db"
    open_database(f"sqlite:///{plain}").dispose()
    with pytest.raises(StorageError) as err:
        open_database(encrypted_url(plain))
    assert err.value.code == "not_encrypted"


def test_not_a_database(tmp_path: Path) -> None:
    url, _ = new_encrypted(tmp_path)
    path = tmp_path / "clinic.db"
    path.write_bytes(b"\x13" * path.stat().st_size)
    with pytest.raises(StorageError) as err:
        open_database(url)
    assert err.value.code == "not_a_database"


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    url, _ = new_encrypted(tmp_path)
    svc = open_services(url)
    with svc.db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'fffffffffff'"))
    svc.close()
    with pytest.raises(StorageError) as err:
        open_database(url)
    assert err.value.code == "newer_schema"


def test_pragmas_hold_on_encrypted_connections(tmp_path: Path) -> None:
    url, _ = new_encrypted(tmp_path)
    svc = open_services(url)
    with svc.db.engine.connect() as conn:
        got = {
            p: conn.exec_driver_sql(f"PRAGMA {p}").scalar()
            for p in ("journal_mode", "synchronous", "foreign_keys", "secure_delete", "temp_store")
        }
    svc.close()
    assert got == {
        "journal_mode": "wal",
        "synchronous": 2,
        "foreign_keys": 1,
        "secure_delete": 1,
        "temp_store": 2,
    }


def test_audit_key_is_derived_from_the_database_key(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    url, _ = new_encrypted(tmp_path)
    first = open_services(url)
    key = audit_key_for(first.db)
    first.close()
    again = open_services(url)
    assert audit_key_for(again.db) == key
    again.close()
    assert not any(name.startswith("audit-key:") for _svc, name in memory_keyring.store)
    other_url, _ = new_encrypted(tmp_path, "other.db")
    other = open_services(other_url)
    assert audit_key_for(other.db) != key
    other.close()


def test_key_file_round_trip_and_new_recovery_key(tmp_path: Path) -> None:
    url, keys = new_encrypted(tmp_path)
    svc = open_services(url)
    admin = admin_of(svc)
    new_key = svc.backup.new_recovery_key(admin)
    svc.close()
    assert new_key != keys.recovery_key
    with pytest.raises(StorageError):
        store_key_in_keychain(url, keys.recovery_key)
    assert store_key_in_keychain(url, new_key) == keys.key_id
    kf = read_keyfile(keyfile_path(tmp_path / "clinic.db"))
    assert kf is not None and kf.key_id == keys.key_id


def test_init_shows_a_working_recovery_key(
    tmp_path: Path,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import re

    from clinic_app.cli import main
    from tests.conftest import PASSWORD

    monkeypatch.setenv("CLINIC_APP_PASSWORD", PASSWORD)
    url = encrypted_url(tmp_path / "c.db")
    open_database(url).dispose()  # created by an earlier start; its key was never shown
    assert main(["--db", url, "init"]) == 0
    found = re.search(r"[A-Z2-7]{4}(?:-[A-Z2-7]{4}){8}", capsys.readouterr().out)
    assert found is not None
    memory_keyring.store.clear()
    open_database(url, recovery_key=found.group(0)).dispose()
