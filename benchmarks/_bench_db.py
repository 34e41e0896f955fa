"""Shared set-up for the storage benchmarks: demo databases, plain and encrypted."""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

import keyring
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from clinic_app.models import Site, User
from clinic_app.security.context import Actor
from clinic_app.services.container import Services, build_services, open_database
from clinic_app.services.database import Database
from clinic_app.services.demo_data import generate_demo_data
from clinic_app.storage.open import create_encrypted_database, encrypted_url
from clinic_app.vocabulary import Role, SiteKind
from tests.fakes import MemoryKeyring


def use_memory_keyring() -> None:
    keyring.set_keyring(MemoryKeyring())


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
    return build_services(open_database(url), demo=True)


def actors(svc: Services) -> tuple[Actor, Actor, int]:
    """An administrator, a nurse at a clinic, and that clinic's id (from the demo data)."""
    # Real accounts: services act with the role and site the database holds for the user.
    with svc.db.read() as s:
        admin_id = s.scalar(select(User.id).where(User.role == Role.ADMINISTRATOR))
        nurse_row = s.execute(
            select(User.id, User.site_id)
            .join(Site, Site.id == User.site_id)
            .where(User.role == Role.NURSE, Site.kind == SiteKind.CLINIC)
            .limit(1)
        ).one()
    assert admin_id is not None and nurse_row.site_id is not None
    admin = Actor(admin_id, "bench-admin", Role.ADMINISTRATOR, None, "bench")
    nurse = Actor(nurse_row.id, "bench-nurse", Role.NURSE, nurse_row.site_id, "bench")
    return admin, nurse, nurse_row.site_id


def open_or_generate(db_file: Path | None, tmp: str, persons: int, today: dt.date) -> Database:
    """Open ``db_file`` (a demo database to reuse), or generate ``persons`` into a fresh
    plain SQLite file under ``tmp``, printing how long generation took."""
    db = open_database(f"sqlite:///{db_file or Path(tmp) / 'bench.db'}")
    if db_file is None:
        print(f"0) generate_demo_data(persons={persons:,}) into a fresh SQLite file")
        t0 = time.perf_counter()
        generate_demo_data(db, persons=persons, seed=1, today=today)
        print(f"   {time.perf_counter() - t0:.1f} s")
    return db
