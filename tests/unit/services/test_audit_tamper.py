"""Attacks on the audit log by someone with write access to the database file, and what
``audit verify`` and the app say afterwards.

The attacker can edit any table but does not hold the audit key (it is in the keychain or
derived from the database key, never in the database). They know the published demo key.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import delete, insert, select

from clinic_app.cli import context as cli_context
from clinic_app.cli import main
from clinic_app.models import AppSetting, AuditAnchor, AuditEvent
from clinic_app.security.audit_chain import chain_hash
from clinic_app.security.context import Actor
from clinic_app.services.audit import verify_log
from clinic_app.services.audit_trail import (
    ANCHOR_ID,
    DEMO_AUDIT_KEY,
    GENESIS,
    ORIGIN_DEMO,
    anchor_mac,
    audit_row_fields,
    bounds_of,
)
from clinic_app.services.container import Services, build_services, is_demo, open_database
from clinic_app.services.persons import NameInput, PersonInput
from tests.conftest import FAST_HASHER, PASSWORD, TODAY
from tests.unit.services.audit_helpers import append_rows


@pytest.fixture
def cli(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Callable[..., int]:
    monkeypatch.setenv("CLINIC_APP_DB", db_url)
    monkeypatch.setenv("CLINIC_APP_USER", "admin")
    monkeypatch.setenv("CLINIC_APP_PASSWORD", PASSWORD)
    monkeypatch.setattr(
        cli_context, "build_services", functools.partial(build_services, hasher=FAST_HASHER)
    )
    return lambda *argv: main([str(a) for a in argv])


@pytest.fixture
def history(services: Services, admin: Actor) -> int:
    """A database with users, a person and a few hundred audit rows."""
    pid = services.persons.register(admin, PersonInput(names=(NameInput("Oana Test"),))).id
    services.persons.get(admin, pid)
    append_rows(services, 200, person_ids=(pid, None))
    assert verify_log(services.db, services.audit).ok
    return pid


def _rechain(services: Services, key: bytes, *, origin: str | None = None) -> None:
    """What an attacker does after editing rows: recompute every hash and the anchor's seal
    with ``key`` (a key they know), so the log looks whole under that key."""
    table = AuditEvent.__table__
    with services.db.write() as s:
        kept = [dict(r._mapping) for r in s.execute(select(table).order_by(table.c.id))]
        s.execute(delete(AuditEvent))
        prev, seq = GENESIS, 0
        for row in kept:
            seq += 1
            row["id"] = seq
            digest = chain_hash(key, prev, audit_row_fields(SimpleNamespace(**row)))
            row["prev_hash"], row["row_hash"] = prev, digest
            prev = digest
        if kept:
            s.execute(insert(AuditEvent), kept)
        anchor = s.get(AuditAnchor, ANCHOR_ID)
        assert anchor is not None
        anchor.last_event_id, anchor.last_hash = seq, prev
        anchor.purged_before_id, anchor.purged_anchor_hash = 0, ""
        if origin is not None:
            anchor.origin = origin
        anchor.mac = anchor_mac(key, bounds_of(anchor), anchor.origin)


def _rows(services: Services) -> int:
    with services.db.read() as s:
        return len(s.scalars(select(AuditEvent.id)).all())


# --- wiping (issue 23, item 1) ---------------------------------------------------------------


@pytest.mark.parametrize("wiped", ["events", "anchor", "both"])
def test_wiping_the_log_or_its_anchor_fails_verification_and_is_never_resealed(
    services: Services, history: int, cli: Callable[..., int], wiped: str
) -> None:
    with services.db.write() as s:
        if wiped in ("events", "both"):
            s.execute(delete(AuditEvent))
        if wiped in ("anchor", "both"):
            s.execute(delete(AuditAnchor))
    check = verify_log(services.db, services.audit)
    assert not check.ok
    # The next log-ins (the command logs in first, then verifies) do not found a fresh log.
    assert cli("audit", "verify") == 1
    assert cli("audit", "verify") == 1
    check = verify_log(services.db, services.audit)
    assert not check.ok and check.reason in ("missing_anchor", "bad_anchor", "bad_sequence")
    with services.db.read() as s:
        anchor = s.get(AuditAnchor, ANCHOR_ID)
        assert anchor is not None and (wiped == "events" or anchor.mac == "")


def test_only_a_database_with_nothing_in_it_founds_a_new_log(
    services: Services, cli: Callable[..., int]
) -> None:
    assert verify_log(services.db, services.audit).ok  # empty: nothing to protect yet
    services.users.create_first_admin("admin", "Administrator", PASSWORD)
    assert cli("audit", "verify") == 0
    with services.db.read() as s:
        anchor = s.get(AuditAnchor, ANCHOR_ID)
        assert anchor is not None and anchor.origin == "production"


# --- demo-flag forgery and delete-and-rechain (item 2) ---------------------------------------


def test_forging_a_demo_log_with_the_published_key_is_detected(
    services: Services, history: int, cli: Callable[..., int]
) -> None:
    # The old attack: mark the database as a demo, whose key is published, and re-chain.
    with services.db.write() as s:
        s.merge(AppSetting(key="demo_database", value="1"))
        s.execute(delete(AuditEvent).where(AuditEvent.id.between(10, 20)))
    _rechain(services, DEMO_AUDIT_KEY, origin=ORIGIN_DEMO)
    check = verify_log(services.db, services.audit)
    assert (check.ok, check.reason) == (False, "demo_key")
    # The app will not run it as a real database; only ``clinic-app demo`` opens it.
    assert is_demo(services.db)
    assert cli("persons", "search", "Oana") == 3
    assert cli("audit", "verify") == 1
    assert cli("audit", "verify") == 1  # its own log-in did not make it whole


def test_deleting_rows_and_rechaining_without_the_key_is_detected(
    services: Services, history: int, cli: Callable[..., int]
) -> None:
    before = _rows(services)
    with services.db.write() as s:
        s.execute(delete(AuditEvent).where(AuditEvent.person_id == history))
    assert _rows(services) < before
    for guess in (DEMO_AUDIT_KEY, hashlib.sha256(b"clinic-app audit v1|").digest(), b"k" * 32):
        _rechain(services, guess)
        check = verify_log(services.db, services.audit)
        assert not check.ok and check.reason in ("bad_hash", "bad_anchor", "demo_key")
        assert cli("audit", "verify") == 1


def test_demo_data_refuses_a_real_database_before_writing_anything(
    services: Services, history: int, db_url: str, tmp_path: Path, cli: Callable[..., int]
) -> None:
    path = Path(db_url.removeprefix("sqlite:///"))
    services.close()
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in path.parent.glob("*.db*")}
    assert cli("demo-data", "--persons", "5") == 3
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in path.parent.glob("*.db*")}
    assert after == before
    assert cli("audit", "verify") == 0  # its log is intact, not half a demo's


# --- rollback and fork (item 5) ----------------------------------------------------------------


def _copy_file(services: Services, db_url: str, to: Path) -> None:
    """Copy the closed database file, as someone with file access would."""
    services.db.dispose()  # the last connection checkpoints the WAL into the file
    to.write_bytes(Path(db_url.removeprefix("sqlite:///")).read_bytes())


def _reopen(db_url: str, older: Path | None = None) -> Services:
    if older is not None:
        Path(db_url.removeprefix("sqlite:///")).write_bytes(older.read_bytes())
    return build_services(open_database(db_url), hasher=FAST_HASHER, clock=lambda: TODAY)


def test_copying_an_older_backup_over_the_database_is_detected(
    services: Services, admin: Actor, db_url: str, tmp_path: Path, cli: Callable[..., int]
) -> None:
    pid = services.persons.register(admin, PersonInput(names=(NameInput("Rada Test"),))).id
    older = tmp_path / "older.db"
    _copy_file(services, db_url, older)
    later = _reopen(db_url)
    me = later.users.authenticate("admin", PASSWORD, "pc")
    for _ in range(3):
        later.persons.get(me, pid)  # accesses the rollback would hide
    assert later.audit_log.verify(me).ok  # and this computer remembers the head
    later.close()

    rolled = _reopen(db_url, older)
    assert verify_log(rolled.db, rolled.audit).ok  # on its own the old log is whole
    assert rolled.audit_log.head_warning() is not None
    result = rolled.audit_log.verify(rolled.users.authenticate("admin", PASSWORD, "pc"))
    assert (result.ok, result.reason) == (False, "chain_behind")
    rolled.close()
    assert cli("audit", "verify") == 1


def test_a_swapped_copy_that_went_on_separately_is_a_fork(
    services: Services, admin: Actor, db_url: str, tmp_path: Path
) -> None:
    older = tmp_path / "older.db"
    _copy_file(services, db_url, older)
    first = _reopen(db_url)
    me = first.users.authenticate("admin", PASSWORD, "pc")
    first.persons.register(me, PersonInput(names=(NameInput("Real One"),)))
    assert first.audit_log.verify(me).ok
    first.close()
    other = _reopen(db_url, older)
    for i in range(8):  # the copy's own history, past the head this computer saw
        other.users.logout(Actor(1, "admin", admin.role, None, f"pc{i}"))
    assert other.audit_log.head_warning() is not None
    result = other.audit_log.verify(other.users.authenticate("admin", PASSWORD, "pc"))
    assert (result.ok, result.reason) == (False, "chain_forked")
    other.close()


def test_a_restore_made_through_the_app_moves_the_head_legitimately(
    services: Services, admin: Actor, tmp_path: Path
) -> None:
    backup = services.backup.run(admin, str(tmp_path / "bk"))
    services.persons.register(admin, PersonInput(names=(NameInput("After Backup"),)))
    assert services.audit_log.verify(admin).ok
    services.backup.restore_over_live(admin, backup.path)
    assert services.audit_log.head_warning() is None
    assert services.audit_log.verify(admin).ok
