"""Joining rules on a shared database: codes are one-time and expire, only administrators
join, a revoked workstation writes nothing, every row names its workstation."""

from __future__ import annotations

import datetime as dt

import keyring
import pytest
from sqlalchemy import func, select, update

from clinic_app.errors import Forbidden, Invalid, StorageError
from clinic_app.models import AuditEvent, WorkstationEnrolment
from clinic_app.services.container import Services, build_services, join, open_database
from clinic_app.services.persons import NameInput, PersonInput
from clinic_app.vocabulary import Role
from tests.conftest import FAST_HASHER, PASSWORD, TODAY
from tests.fakes import MemoryKeyring

pytestmark = pytest.mark.postgres


def _first(pg_url: str) -> tuple[Services, MemoryKeyring]:
    svc = build_services(open_database(pg_url), hasher=FAST_HASHER, clock=lambda: TODAY)
    svc.users.create_first_admin("admin", "Administrator", PASSWORD)
    return svc, keyring.get_keyring()  # type: ignore[return-value]


def _new_computer() -> MemoryKeyring:
    fresh = MemoryKeyring()
    keyring.set_keyring(fresh)
    return fresh


def test_codes_are_one_time_expire_and_need_an_administrator(pg_url: str) -> None:
    a, _ka = _first(pg_url)
    admin = a.users.authenticate("admin", PASSWORD, "ws-a")
    a.users.create_user(admin, "nina", "Nina", PASSWORD, Role.NURSE)
    code = a.workstations.enrol(admin).code
    _new_computer()
    db = open_database(pg_url, joining=True)
    with pytest.raises(Forbidden):
        join(db, username="nina", password=PASSWORD, name="b", code=code, hasher=FAST_HASHER)
    with pytest.raises(Invalid) as err:
        join(db, username="admin", password=PASSWORD, name="b", code="AAAA" + code[4:])
    assert err.value.code == "wrong"
    # A refused attempt did not use the code up; the administrator's join does.
    joined = join(db, username="admin", password=PASSWORD, name="b", code=code, hasher=FAST_HASHER)
    with pytest.raises(Invalid) as err:
        join(db, username="admin", password=PASSWORD, name="c", code=code, hasher=FAST_HASHER)
    assert err.value.code == "used"
    late = a.workstations.enrol(admin).code
    with a.db.write() as s:
        s.execute(update(WorkstationEnrolment).values(expires_at=dt.datetime(2020, 1, 1)))
    with pytest.raises(Invalid) as err:
        join(db, username="admin", password=PASSWORD, name="c", code=late, hasher=FAST_HASHER)
    assert err.value.code == "expired"
    db.dispose()
    b = build_services(open_database(pg_url), hasher=FAST_HASHER)
    assert b.workstations.membership is not None
    assert b.workstations.membership.workstation_id == joined.workstation_id
    b.close()
    a.close()


def test_revoked_workstation_writes_nothing_and_cannot_revoke_itself(pg_url: str) -> None:
    a, ka = _first(pg_url)
    admin = a.users.authenticate("admin", PASSWORD, "ws-a")
    code = a.workstations.enrol(admin).code
    _new_computer()
    db = open_database(pg_url, joining=True)
    joined = join(db, username="admin", password=PASSWORD, name="b", code=code, hasher=FAST_HASHER)
    db.dispose()
    b = build_services(open_database(pg_url), hasher=FAST_HASHER, clock=lambda: TODAY)
    admin_b = b.users.authenticate("admin", PASSWORD, "ws-b")
    with pytest.raises(Invalid):
        b.workstations.revoke(admin_b, joined.workstation_id, "oops")
    a.workstations.revoke(admin, joined.workstation_id[:8], "retired")
    with a.db.read() as s:
        before = s.scalar(select(func.count(AuditEvent.id)))
    # B is still running: its next action is refused and leaves no trace.
    with pytest.raises(StorageError) as err:
        b.persons.register(admin_b, PersonInput(names=(NameInput("Ana Popescu"),)))
    assert err.value.code == "revoked"
    with pytest.raises(StorageError):
        b.users.authenticate("admin", PASSWORD, "ws-b")
    with a.db.read() as s:
        assert s.scalar(select(func.count(AuditEvent.id))) == before
        names = set(s.scalars(select(AuditEvent.workstation).distinct()))
    assert all("#" in n for n in names) and len(names) == 2
    b.close()
    with pytest.raises(StorageError) as err:
        open_database(pg_url)  # nor can it open the database again
    assert err.value.code == "revoked"
    keyring.set_keyring(ka)
    a.close()
