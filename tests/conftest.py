"""Fixtures for every suite: offscreen Qt, a fake keyring, a fresh database per test."""

from __future__ import annotations

import os

# Qt aborts without a display unless told to draw offscreen; must precede any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from clinic_app.security.context import Actor
from clinic_app.security.passwords import PasswordHasherConfig
from clinic_app.services.container import Services, build_services, open_database
from clinic_app.vocabulary import Role, SiteKind
from tests.fakes import MemoryKeyring

# Cheap argon2 parameters: the production cost belongs in benchmarks, not in every test.
FAST_HASHER = PasswordHasherConfig(memory_kib=256, time_cost=1, parallelism=1)
TODAY = dt.date(2026, 11, 26)
PASSWORD = "violet harbour lantern 42"


@pytest.fixture(autouse=True)
def memory_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    """Every test gets an empty in-memory keychain and its own data directory."""
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    monkeypatch.setenv("CLINIC_APP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("CLINIC_APP_DB", raising=False)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'test.db'}"


@pytest.fixture
def services(db_url: str) -> Iterator[Services]:
    db = open_database(db_url)
    svc = build_services(db, hasher=FAST_HASHER, clock=lambda: TODAY)
    yield svc
    svc.close()


@pytest.fixture
def admin(services: Services) -> Actor:
    services.users.create_first_admin("admin", "Administrator", PASSWORD)
    return services.users.authenticate("admin", PASSWORD, "test-pc")


@pytest.fixture
def site_ids(services: Services, admin: Actor) -> dict[str, int]:
    shelter = services.reference.create_site(
        admin, "SH1", "Shelter North", SiteKind.SHELTER, "Aarhus"
    )
    clinic = services.reference.create_site(
        admin, "CL1", "Clinic Vesterbro", SiteKind.CLINIC, "Copenhagen"
    )
    return {"shelter": shelter.id, "clinic": clinic.id}


def make_user(
    services: Services, admin: Actor, username: str, role: Role, site_id: int | None
) -> Actor:
    """Create a user with ``role`` and log them in."""
    services.users.create_user(admin, username, username.title(), PASSWORD, role, site_id)
    return services.users.authenticate(username, PASSWORD, "test-pc")


@pytest.fixture
def staff(services: Services, admin: Actor, site_ids: dict[str, int]) -> Actor:
    return make_user(services, admin, "sofie", Role.SHELTER_STAFF, site_ids["shelter"])


@pytest.fixture
def nurse(services: Services, admin: Actor, site_ids: dict[str, int]) -> Actor:
    return make_user(services, admin, "nina", Role.NURSE, site_ids["clinic"])
