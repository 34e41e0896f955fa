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
