"""Alembic: upgrade head on an empty database yields exactly the models' schema; downgrade works."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from clinic_app.errors import StorageError
from clinic_app.models import Base
from clinic_app.storage.engine import make_engine
from clinic_app.storage.migrate import downgrade, head_revision, needs_upgrade, upgrade


def assert_matches_models(url: str) -> None:
    engine = make_engine(url)
    try:
        upgrade(engine)
        assert not needs_upgrade(engine)
        with engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"compare_type": True})
            diff = compare_metadata(ctx, Base.metadata)
        assert diff == []
        downgrade(engine, "base")
        tables = set(inspect(engine).get_table_names()) - {"alembic_version"}
        assert tables == set()
        upgrade(engine)  # and back up again
        assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def test_sqlite_upgrade_matches_models(db_url: str) -> None:
    assert_matches_models(db_url)


@pytest.mark.postgres
def test_postgresql_upgrade_matches_models(pg_url: str) -> None:
    assert_matches_models(pg_url)


def test_database_from_a_newer_version_is_refused(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade(engine)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'ffffffff9999'")
    with pytest.raises(StorageError) as err:
        needs_upgrade(engine)
    assert err.value.code == "newer_schema"
    assert head_revision() != "ffffffff9999"
    engine.dispose()


def test_old_extensions_become_granted_decisions_and_back(db_url: str) -> None:
    """0015: an old ``reflection_extension`` ("granted") is a granted decision with the same
    end date; downgrading turns it back, and keeps what the old schema cannot say as notes."""
    engine = make_engine(db_url)
    upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO person (id, case_ref, display_name, sex, birth_certainty, "
            "interpreter_needed, interpreter_language, own_insurance, registered_in_denmark, "
            "notes, status, search_text, archived_reason, version, created_at, updated_at) "
            "VALUES (1, 'P-1', 'x', 'female', 'unknown', false, '', false, false, '', "
            "'presumed', '', '', 1, '2026-01-01', '2026-01-01')"
        )
        conn.exec_driver_sql(
            "INSERT INTO case_event (id, person_id, kind, event_date, end_date, notes, "
            "voided_reason, created_at, updated_at) VALUES (1, 1, 'reflection_extension', "
            "'2026-01-20', '2026-04-01', '', '', '2026-01-20', '2026-01-20')"
        )
    upgrade(engine)
    with engine.begin() as conn:
        row = conn.exec_driver_sql(
            "SELECT kind, outcome, end_date, ground FROM case_event WHERE id = 1"
        ).one()
        assert tuple(row) == ("reflection_extension_decided", "granted", "2026-04-01", None)
        conn.exec_driver_sql(
            "INSERT INTO case_event (id, person_id, kind, event_date, ground, notes, "
            "voided_reason, created_at, updated_at) VALUES (2, 1, "
            "'reflection_extension_requested', '2026-01-10', 'return_cooperation', '', '', "
            "'2026-01-10', '2026-01-10')"
        )
    downgrade(engine, "0001")
    with engine.begin() as conn:
        rows = conn.exec_driver_sql("SELECT id, kind, outcome FROM case_event ORDER BY id").all()
    assert [tuple(r) for r in rows] == [(1, "reflection_extension", None), (2, "note", None)]
    engine.dispose()
