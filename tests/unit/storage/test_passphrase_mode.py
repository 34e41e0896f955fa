"""Passphrase mode: no system keychain, the key sealed under a passphrase (argon2id) in the
key file and asked at each start; the recovery key still shown once and still opening it."""

from __future__ import annotations

import json
from pathlib import Path

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring

from clinic_app.cli import main
from clinic_app.errors import StorageError
from clinic_app.storage import cipher
from clinic_app.storage.open import create_encrypted_database, encrypted_url, keyfile_path
from tests.conftest import PASSWORD
from tests.fakes import MemoryKeyring
from tests.unit.storage.helpers import SENTINELS, file_bytes, open_services, register

PASSPHRASE = "copper kettle morning rain"


@pytest.fixture(autouse=True)
def cheap_argon2(monkeypatch: pytest.MonkeyPatch) -> None:
    # The production cost (64 MiB, 3 passes) belongs in the product, not in every test.
    monkeypatch.setattr(cipher, "ARGON2_MEMORY_KIB", 1024)
    monkeypatch.setattr(cipher, "ARGON2_TIME", 1)


def test_passphrase_database_needs_no_keychain_and_hides_its_data(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    keyring.set_keyring(FailKeyring())  # a desktop without a Secret Service
    path = tmp_path / "clinic.db"
    created = create_encrypted_database(path, PASSPHRASE)
    doc = json.loads(keyfile_path(path).read_text())
    assert doc["passphrase"]["kdf"]["name"] == "argon2id"
    url = encrypted_url(path)
    with pytest.raises(StorageError) as err:
        open_services(url)
    assert err.value.code == "passphrase_needed"
    from clinic_app.services.container import build_services, open_database
    from tests.conftest import FAST_HASHER, TODAY

    with pytest.raises(StorageError) as err:
        open_database(url, passphrase="not the passphrase at all")
    assert err.value.code == "wrong_passphrase"
    svc = build_services(
        open_database(url, passphrase=PASSPHRASE), hasher=FAST_HASHER, clock=lambda: TODAY
    )
    svc.users.create_first_admin("admin", "Administrator", PASSWORD)
    admin = svc.users.authenticate("admin", PASSWORD)
    register(svc, admin, SENTINELS[0])
    svc.close()
    assert SENTINELS[0].encode() not in file_bytes(path)
    # The recovery key opens it as well (a forgotten passphrase), without any keychain.
    open_services(url, recovery_key=created.recovery_key).close()


def test_cli_init_with_a_passphrase_then_commands_with_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    keyring.set_keyring(FailKeyring())
    url = encrypted_url(tmp_path / "clinic.db")
    monkeypatch.setenv("CLINIC_APP_USER", "admin")
    monkeypatch.setenv("CLINIC_APP_PASSWORD", PASSWORD)
    monkeypatch.setenv("CLINIC_APP_PASSPHRASE", PASSPHRASE)
    assert main(["--db", url, "init", "--passphrase"]) == 0
    out = capsys.readouterr().out
    assert "RECOVERY KEY" in out and "Created the administrator" in out
    assert main(["--db", url, "persons", "search", "x"]) == 0
    capsys.readouterr()
    monkeypatch.setenv("CLINIC_APP_PASSPHRASE", "a wrong passphrase here")
    assert main(["--db", url, "persons", "search", "x"]) == 5
    assert "passphrase does not open" in capsys.readouterr().err
    monkeypatch.delenv("CLINIC_APP_PASSPHRASE")
    assert main(["--db", url, "persons", "search", "x"]) == 5
    assert "protected by a passphrase" in capsys.readouterr().err
    # A new recovery key keeps the passphrase seal.
    monkeypatch.setenv("CLINIC_APP_PASSPHRASE", PASSPHRASE)
    assert main(["--db", url, "key", "new-recovery"]) == 0
    assert main(["--db", url, "persons", "search", "x"]) == 0


def test_a_short_passphrase_is_refused_and_nothing_is_created(tmp_path: Path) -> None:
    keyring.set_keyring(FailKeyring())
    with pytest.raises(StorageError) as err:
        create_encrypted_database(tmp_path / "clinic.db", "short")
    assert err.value.code == "weak_passphrase"
    assert list(tmp_path.iterdir()) == []
