"""Alembic environment: run with a connection handed over by clinic_app.storage.migrate."""

from __future__ import annotations

from alembic import context

from clinic_app.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only used programmatically
    raise RuntimeError("clinic_app migrations run through clinic_app.storage.migrate")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
