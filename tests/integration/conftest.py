"""PostgreSQL fixtures: a private database per test session on the local server."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator

import psycopg
import pytest

PG_ADMIN_DSN = os.environ.get(
    "CLINIC_APP_TEST_PG", "host=127.0.0.1 port=5432 dbname=test user=postgres"
)


def _connect_admin() -> psycopg.Connection:
    try:
        return psycopg.connect(PG_ADMIN_DSN, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError:
        # The trial machines trust the current OS user too.
        return psycopg.connect(
            "host=127.0.0.1 port=5432 dbname=test", autocommit=True, connect_timeout=5
        )


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """A server DSN prefix; in CI a missing server fails the run instead of skipping."""
    try:
        conn = _connect_admin()
    except psycopg.OperationalError as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL on 127.0.0.1:5432 is required in CI: {exc}")
        pytest.skip("no PostgreSQL server on 127.0.0.1:5432")
    user = conn.info.user
    conn.close()
    yield user


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    name = f"clinic_test_{secrets.token_hex(6)}"
    with _connect_admin() as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield f"postgresql+psycopg://{pg_server}@127.0.0.1:5432/{name}"
    with _connect_admin() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
