"""Least privilege at the server, TLS settings, the server password (multi-workstation.md)."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import func, select

from clinic_app.cli import main
from clinic_app.errors import StorageError
from clinic_app.models import AuditEvent
from clinic_app.services.audit import verify_log
from clinic_app.services.container import build_services, open_database
from clinic_app.services.database import Database
from clinic_app.services.persons import NameInput, PersonInput
from clinic_app.storage.engine import make_engine
from clinic_app.storage.sharing import remember_password
from tests.conftest import FAST_HASHER, PASSWORD, TODAY
from tests.integration.conftest import _connect_admin

pytestmark = pytest.mark.postgres


@dataclass(frozen=True)
class Server:
    owner_url: str
    app_url: str
    app_dsn: str
    app_role: str


@pytest.fixture
def roles(pg_server: str) -> Iterator[Server]:
    """An owner role, an application role and a database owned by the owner (random names,
    dropped afterwards), set up with the statements of docs/multi-workstation.md."""
    tag = secrets.token_hex(4)
    owner, app, name = f"clinic_owner_{tag}", f"clinic_app_{tag}", f"clinic_roles_{tag}"
    with _connect_admin() as conn:
        conn.execute(f"CREATE ROLE {owner} LOGIN CREATEDB")
        conn.execute(f"CREATE ROLE {app} LOGIN")
        conn.execute(f"CREATE DATABASE {name} OWNER {owner}")
        dsn = conn.info.dsn
    with psycopg.connect(dsn, dbname=name, autocommit=True) as conn:
        conn.execute(f"REVOKE ALL ON DATABASE {name} FROM PUBLIC")
        conn.execute(f"GRANT CONNECT ON DATABASE {name} TO {app}")
        conn.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
        conn.execute(f"ALTER SCHEMA public OWNER TO {owner}")
    base = "postgresql+psycopg://{}@127.0.0.1:5432/" + name
    app_dsn = psycopg.conninfo.make_conninfo(dsn, dbname=name, user=app)
    try:
        yield Server(base.format(owner), base.format(app), app_dsn, app)
    finally:
        with _connect_admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f"DROP ROLE IF EXISTS {app}")
            conn.execute(f"DROP ROLE IF EXISTS {owner}")


def test_app_role_works_and_cannot_change_audit_rows_or_schema(
    roles: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    # The owner runs the migrations, then grants the application role its rights.
    assert main(["--db", roles.owner_url, "db", "upgrade"]) == 0
    assert main(["--db", roles.owner_url, "db", "grant-app-role", roles.app_role]) == 0
    assert "REVOKE UPDATE, DELETE, TRUNCATE ON audit_event" in capsys.readouterr().out

    # The app works with the application role: first workstation, log-in, a person.
    svc = build_services(open_database(roles.app_url), hasher=FAST_HASHER, clock=lambda: TODAY)
    svc.users.create_first_admin("admin", "Administrator", PASSWORD)
    admin = svc.users.authenticate("admin", PASSWORD, "ws")
    svc.persons.register(admin, PersonInput(names=(NameInput("Ana Popescu"),)))
    assert verify_log(svc.db, svc.audit).ok
    with svc.db.read() as s:
        rows = s.scalar(select(func.count(AuditEvent.id)))
    svc.close()

    # At the database level the audit table is append-only for the application role.
    refused = [
        "UPDATE audit_event SET outcome = 'ok'",
        "DELETE FROM audit_event",
        "TRUNCATE audit_event",
        "ALTER TABLE audit_event ADD COLUMN x int",
        "DROP TABLE audit_event",
        "CREATE TABLE sneaky (x int)",
        "UPDATE alembic_version SET version_num = 'x'",
    ]
    with psycopg.connect(roles.app_dsn, autocommit=True) as conn:
        for sql in refused:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(sql)
        assert conn.execute("SELECT count(*) FROM audit_event").fetchone() == (rows,)

    # And the service layer says so plainly when the role lacks a right.
    db = Database(make_engine(roles.app_url))
    with pytest.raises(StorageError) as err, db.write() as s:
        s.connection().exec_driver_sql("DELETE FROM audit_event")
    assert err.value.code == "permission_denied"
    db.dispose()


def test_tls_settings_reach_the_driver(pg_server: str, tmp_path: Path) -> None:
    url = "postgresql+psycopg://clinic@127.0.0.1:5432/test?sslmode=verify-full&sslrootcert={}"
    with pytest.raises(StorageError) as err:
        open_database(url.format(tmp_path / "missing-ca.pem"))
    assert err.value.code == "tls_file_missing"
    ca = tmp_path / "ca.pem"
    ca.write_text("-----BEGIN CERTIFICATE-----\nnot a certificate\n-----END CERTIFICATE-----\n")
    # This test server has no TLS: verify-full must refuse rather than fall back to plain text.
    with pytest.raises(StorageError) as err:
        open_database(url.format(ca))
    assert err.value.code in ("tls", "connection_lost")
    assert "Traceback" not in err.value.message


def test_server_password_comes_from_the_keychain_and_is_never_shown(pg_url: str) -> None:
    remember_password(pg_url, "s3cret-server-pw")
    engine = make_engine(pg_url)
    try:
        assert engine.url.password == "s3cret-server-pw"  # given to libpq
        db = Database(engine)
        assert "s3cret" not in db.url_for_display
        assert "s3cret" not in repr(engine) and "s3cret" not in str(engine.url)
    finally:
        engine.dispose()
