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
