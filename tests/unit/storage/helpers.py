"""Shared set-up for the storage tests: encrypted databases and persons with sentinel data."""

from __future__ import annotations

from pathlib import Path

from clinic_app.security.context import Actor
from clinic_app.services.container import Services, build_services, open_database
from clinic_app.services.persons import NameInput, PersonInput
from clinic_app.storage.open import NewDatabaseKeys, create_encrypted_database, encrypted_url
from tests.conftest import FAST_HASHER, PASSWORD, TODAY

# Distinctive names that must never be readable in an encrypted or erased file.
SENTINELS = ("Zyxwvutsrq Qwertyuiop", "Mnbvcxzlkj Asdfghjklo", "Plokijuhyg Tfrdeswaqz")


def new_encrypted(tmp_path: Path, name: str = "clinic.db") -> tuple[str, NewDatabaseKeys]:
    keys = create_encrypted_database(tmp_path / name)
    return encrypted_url(tmp_path / name), keys


def open_services(url: str, recovery_key: str | None = None) -> Services:
    db = open_database(url, recovery_key=recovery_key)
    return build_services(db, hasher=FAST_HASHER, clock=lambda: TODAY)


def admin_of(services: Services) -> Actor:
    if not services.users.has_users():
        services.users.create_first_admin("admin", "Administrator", PASSWORD)
    return services.users.authenticate("admin", PASSWORD, "test-pc")


def register(services: Services, actor: Actor, name: str, notes: str = "") -> int:
    person = services.persons.register(
        actor, PersonInput(names=(NameInput(name),), nationality="RO", notes=notes)
    )
    return person.id


def file_bytes(path: Path) -> bytes:
    data = path.read_bytes() if path.exists() else b""
    wal = path.with_name(path.name + "-wal")
    return data + (wal.read_bytes() if wal.exists() else b"")
