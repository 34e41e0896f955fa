"""Shared set-up for the storage benchmarks: demo databases, plain and encrypted."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import keyring
from keyring.backend import KeyringBackend
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from clinic_app.models import Site, User
from clinic_app.security.context import Actor
from clinic_app.services.container import Services, build_services, open_database
from clinic_app.services.demo_data import generate_demo_data
from clinic_app.storage.open import create_encrypted_database, encrypted_url
from clinic_app.vocabulary import Role, SiteKind


class _MemoryKeyring(KeyringBackend):
    """The benchmark must not touch the real keychain."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


def use_memory_keyring() -> None:
    keyring.set_keyring(_MemoryKeyring())


def workdir() -> Path:
    return Path(tempfile.mkdtemp(prefix="clinic-bench-"))


def demo_database(folder: Path, persons: int, *, encrypted: bool) -> str:
    """A demo database of ``persons`` persons; returns its URL."""
    path = folder / ("enc.db" if encrypted else "plain.db")
    if encrypted:
        create_encrypted_database(path)
        url = encrypted_url(path)
    else:
        url = f"sqlite:///{path}"
    db = open_database(url)
    generate_demo_data(db, persons=persons, seed=1)
    db.dispose()
    return url


def services_for(url: str) -> Services:
    return build_services(open_database(url))


def actors(svc: Services) -> tuple[Actor, Actor, int]:
    """An administrator, a nurse at a clinic, and that clinic's id (from the demo data)."""
    with svc.db.read() as s:
        admin_id = s.scalar(select(User.id).where(User.role == Role.ADMINISTRATOR))
        clinic = s.scalar(select(Site.id).where(Site.kind == SiteKind.CLINIC))
    assert admin_id is not None and clinic is not None
    admin = Actor(admin_id, "bench-admin", Role.ADMINISTRATOR, None, "bench")
    nurse = Actor(admin_id, "bench-nurse", Role.NURSE, clinic, "bench")
    return admin, nurse, clinic
