"""Two workstations at the same moment on one PostgreSQL database: no lost update, no crash."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator

import pytest

from clinic_app.errors import Conflict, StorageError
from clinic_app.security.context import Actor
from clinic_app.services.audit import verify_log
from clinic_app.services.container import Services, build_services, open_database
from clinic_app.services.persons import NameInput, PersonInput
from clinic_app.vocabulary import Role
from tests.conftest import FAST_HASHER, PASSWORD, TODAY
from tests.integration.conftest import _connect_admin

pytestmark = pytest.mark.postgres


@pytest.fixture
def two(pg_url: str) -> Iterator[tuple[Services, Services]]:
    """Two service containers with their own engines (connection pools) on one database."""
    first = build_services(open_database(pg_url), hasher=FAST_HASHER, clock=lambda: TODAY)
    second = build_services(open_database(pg_url), hasher=FAST_HASHER, clock=lambda: TODAY)
    yield first, second
    first.close()
    second.close()


def _race(calls: list[Callable[[], object]]) -> list[object]:
    """Run the calls in threads released together; each result or the exception raised."""
    barrier = threading.Barrier(len(calls))
    results: list[object] = [None] * len(calls)

    def run(i: int) -> None:
        barrier.wait()
        try:
            results[i] = calls[i]()
        except BaseException as exc:
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results


def test_concurrent_logins_of_one_account_all_succeed(two: tuple[Services, Services]) -> None:
    a, b = two
    a.users.create_first_admin("admin", "Administrator", PASSWORD)
    for _round in range(8):
        results = _race(
            [
                lambda: a.users.authenticate("admin", PASSWORD, "ws-a"),
                lambda: b.users.authenticate("admin", PASSWORD, "ws-b"),
            ]
        )
        assert all(isinstance(r, Actor) for r in results), results
    assert verify_log(a.db, a.audit).ok


def test_login_does_not_disturb_an_edit_of_the_same_account(
    two: tuple[Services, Services],
) -> None:
    a, b = two
    a.users.create_first_admin("admin", "Administrator", PASSWORD)
    admin = a.users.authenticate("admin", PASSWORD, "ws-a")
    a.users.create_user(admin, "nina", "Nina", PASSWORD, Role.NURSE)
    before = a.users.find(admin, "nina").version
    b.users.authenticate("nina", PASSWORD, "ws-b")
    assert a.users.find(admin, "nina").version == before


def test_concurrent_edits_of_one_person_end_in_conflict(two: tuple[Services, Services]) -> None:
    a, b = two
    a.users.create_first_admin("admin", "Administrator", PASSWORD)
    admin_a = a.users.authenticate("admin", PASSWORD, "ws-a")
    admin_b = b.users.authenticate("admin", PASSWORD, "ws-b")
    person = a.persons.register(admin_a, PersonInput(names=(NameInput("Ana Popescu"),)))
    version = person.version
    for n in range(6):
        edits = [
            PersonInput(names=(NameInput("Ana Popescu"),), notes=f"a{n}"),
            PersonInput(names=(NameInput("Ana Popescu"),), notes=f"b{n}"),
        ]
        results = _race(
            [
                lambda e=edits[0], v=version: a.persons.update(admin_a, person.id, e, v),
                lambda e=edits[1], v=version: b.persons.update(admin_b, person.id, e, v),
            ]
        )
        saved = [r for r in results if not isinstance(r, BaseException)]
        refused = [r for r in results if isinstance(r, BaseException)]
        assert len(saved) == 1, results
        assert len(refused) == 1 and isinstance(refused[0], Conflict), results
        assert refused[0].what == "person" and refused[0].message == "changed by someone else"
        version = saved[0].version  # type: ignore[attr-defined]
    assert verify_log(a.db, a.audit).ok


def test_server_side_disconnect_gives_a_clear_message_then_reconnects(
    two: tuple[Services, Services],
) -> None:
    a, _b = two
    a.users.create_first_admin("admin", "Administrator", PASSWORD)
    admin = a.users.authenticate("admin", PASSWORD, "ws-a")
    database = a.db.engine.url.database
    with pytest.raises(StorageError) as err, a.db.write() as s:
        s.connection().exec_driver_sql("SELECT 1")
        # Cut every connection of this database mid-transaction, as a server restart does.
        with _connect_admin() as conn:
            conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                (database,),
            )
        s.connection().exec_driver_sql("SELECT 1")
    assert err.value.code == "connection_lost"
    assert "password" not in err.value.message.lower()
    # The next action works without a restart: the pool drops dead connections first.
    person = a.persons.register(admin, PersonInput(names=(NameInput("Ana Popescu"),)))
    assert person.id > 0
    assert verify_log(a.db, a.audit).ok


def test_connection_refused_is_a_storage_error() -> None:
    from clinic_app.services.database import Database
    from clinic_app.storage.engine import make_engine

    db = Database(make_engine("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2"))
    with pytest.raises(StorageError) as err, db.read() as s:
        s.connection()
    assert err.value.code == "connection_lost"
    db.dispose()


def _one_saved_one_conflict(results: list[object], what: str) -> object:
    saved = [r for r in results if not isinstance(r, BaseException)]
    refused = [r for r in results if isinstance(r, BaseException)]
    assert len(saved) == 1 and len(refused) == 1, results
    assert isinstance(refused[0], Conflict) and refused[0].what == what, results
    return saved[0]


def test_concurrent_edits_of_a_plan_a_visit_a_consent_and_a_user(
    two: tuple[Services, Services],
) -> None:
    import datetime as dt

    from clinic_app.services.action_plans import PlanInput
    from clinic_app.services.consents import ConsentInput, Purpose
    from clinic_app.services.visitors import VisitorInput
    from clinic_app.services.visits import VisitInput
    from clinic_app.vocabulary import DataCategory, PartnerKind, SiteKind

    a, b = two
    a.users.create_first_admin("admin", "Administrator", PASSWORD)
    admin_a = a.users.authenticate("admin", PASSWORD, "ws-a")
    admin_b = b.users.authenticate("admin", PASSWORD, "ws-b")
    clinic = a.reference.create_site(admin_a, "CL1", "Clinic", SiteKind.CLINIC, "Copenhagen")
    person = a.persons.register(
        admin_a, PersonInput(names=(NameInput("Ana Popescu"),), site_id=clinic.id)
    )

    plan = a.plans.create(admin_a, person.id, PlanInput("Plan", TODAY))
    results = _race(
        [
            lambda: a.plans.update_plan(
                admin_a, plan.id, PlanInput("A", TODAY), expected=plan.stamp
            ),
            lambda: b.plans.update_plan(
                admin_b, plan.id, PlanInput("B", TODAY), expected=plan.stamp
            ),
        ]
    )
    _one_saved_one_conflict(results, "plan")

    a.users.create_user(admin_a, "vera", "Vera", PASSWORD, Role.NURSE, clinic.id)
    nurse_a = a.users.authenticate("vera", PASSWORD, "ws-a")
    nurse_b = b.users.authenticate("vera", PASSWORD, "ws-b")
    visitor = a.visitors.create(nurse_a, VisitorInput("Mira"))
    visit = a.visits.record_visit(nurse_a, VisitInput(clinic.id, visitor_id=visitor.id))
    edits = [VisitInput(clinic.id, visitor_id=visitor.id, reason=r) for r in ("a", "b")]
    results = _race(
        [
            lambda: a.visits.update_visit(nurse_a, visit.id, edits[0], visit.version),
            lambda: b.visits.update_visit(nurse_b, visit.id, edits[1], visit.version),
        ]
    )
    _one_saved_one_conflict(results, "visit")

    lawyer = a.reference.save_partner(admin_a, None, name="Advokat", kind=PartnerKind.LEGAL)
    consent = a.consents.record(
        admin_a,
        person.id,
        ConsentInput(
            purpose=Purpose.LEGAL_STATUS,
            data_categories=(DataCategory.LEGAL_STATUS,),
            valid_from=TODAY,
            valid_to=TODAY + dt.timedelta(days=30),
            partner_id=lawyer.id,
        ),
    )
    results = _race(
        [
            lambda: a.consents.withdraw(admin_a, consent.id),
            lambda: b.consents.withdraw(admin_b, consent.id),
        ]
    )
    _one_saved_one_conflict(results, "consent")

    nina = a.users.create_user(admin_a, "nina", "Nina", PASSWORD, Role.NURSE)
    for _round in range(4):
        results = _race(
            [
                lambda: a.users.change_role(admin_a, nina.id, Role.NURSE, "rota"),
                lambda: b.users.change_role(admin_b, nina.id, Role.SHELTER_STAFF, "rota"),
            ]
        )
        # Each is saved, or told that the account changed under it: never anything else.
        assert all(not isinstance(r, BaseException) or isinstance(r, Conflict) for r in results)
        assert any(not isinstance(r, BaseException) for r in results), results
    assert verify_log(a.db, a.audit).ok
