"""Least privilege on a PostgreSQL server: what the application role may do.

The *owner* role owns the database and its schema and runs the migrations. The
*application* role, which the workstations use, reads and writes the data but cannot
change the schema, and cannot UPDATE, DELETE or TRUNCATE audit rows: the audit table is
append-only at the database level. ``docs/multi-workstation.md`` shows the same statements
for the IT person; ``clinic-app db grant-app-role ROLE`` runs them as the owner.
"""

from __future__ import annotations

import re

from sqlalchemy import Engine

from clinic_app.errors import Invalid

_ROLE = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def app_role_grants(role: str) -> list[str]:
    """The statements that give ``role`` the application's rights (run as the owner, after
    every schema upgrade: new tables need their grants)."""
    if not _ROLE.match(role):
        raise Invalid("role", "bad_name", "A role name is lower-case letters, digits and _.")
    return [
        f"GRANT USAGE ON SCHEMA public TO {role}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}",
        # Append-only audit log; the schema version is the owner's alone.
        f"REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM {role}",
        f"REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON alembic_version FROM {role}",
    ]


def grant_app_role(owner_engine: Engine, role: str) -> list[str]:
    """Run :func:`app_role_grants` on the owner's connection; returns what was run."""
    statements = app_role_grants(role)
    with owner_engine.begin() as conn:
        for sql in statements:
            conn.exec_driver_sql(sql)
    return statements
