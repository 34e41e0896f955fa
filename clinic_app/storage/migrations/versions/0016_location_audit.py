"""audit integrity: the database's origin sealed in the anchor; persons shown in lists

The ``demo_database`` setting no longer chooses the audit key (a stored value must never
switch a log to a published key). A database it marked as a demo had its log sealed with
the published demo key, so its anchor is resealed as a demo origin with that same key; the
setting is then removed. Every other anchor keeps its seal (an empty origin is a
production database's).

Revision ID: 0016_location_audit
Revises: 0001
"""

import hashlib
import hmac
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016_location_audit"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The published demo key and the anchor seal's format, as in services/audit_trail.py (a
# migration must not depend on code that may change after it).
_DEMO_KEY = hashlib.sha256(
    b"clinic-app audit v1|clinic-app demo database: fictional data only"
).digest()
_DOMAIN_V1 = b"clinic-app/audit-anchor-row/v1\x00"
_DOMAIN_V2 = b"clinic-app/audit-anchor-row/v2\x00"
_GENESIS = "0" * 64


def _demo_seal(row: Sequence[object], *, with_origin: bool) -> str:
    """The anchor's seal under the demo key, in the new (origin) or the first format."""
    last_id, last_hash, purged, purged_hash = row
    first, genesis = (purged, purged_hash) if purged else (1, _GENESIS)
    parts = [str(first), str(genesis), str(last_id), str(last_hash)]
    if with_origin:
        parts.append("demo")
    domain = _DOMAIN_V2 if with_origin else _DOMAIN_V1
    message = domain + b"".join(len(p.encode()).to_bytes(8, "big") + p.encode() for p in parts)
    return hmac.new(_DEMO_KEY, message, hashlib.sha256).hexdigest()


def _anchor(conn: sa.Connection) -> Sequence[object] | None:
    return conn.execute(
        sa.text(
            "SELECT last_event_id, last_hash, purged_before_id, purged_anchor_hash"
            " FROM audit_anchor WHERE id = 1"
        )
    ).first()


def upgrade() -> None:
    with op.batch_alter_table("audit_anchor", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("origin", sa.String(length=16), nullable=False, server_default="")
        )
    op.create_table(
        "audit_list_person",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("event_id", "person_id", name=op.f("pk_audit_list_person")),
    )
    op.create_index(
        "ix_audit_list_person_person", "audit_list_person", ["person_id", "event_id"], unique=False
    )
    conn = op.get_bind()
    demo = conn.execute(
        sa.text("SELECT value FROM app_setting WHERE key = 'demo_database'")
    ).scalar()
    row = _anchor(conn) if demo == "1" else None
    if row is not None:
        conn.execute(
            sa.text("UPDATE audit_anchor SET origin = 'demo', mac = :mac WHERE id = 1"),
            {"mac": _demo_seal(row, with_origin=True)},
        )
    conn.execute(sa.text("DELETE FROM app_setting WHERE key = 'demo_database'"))


def downgrade() -> None:
    conn = op.get_bind()
    demo = conn.execute(sa.text("SELECT origin FROM audit_anchor WHERE id = 1")).scalar()
    row = _anchor(conn) if demo == "demo" else None
    if row is not None:
        conn.execute(
            sa.text("INSERT INTO app_setting (key, value) VALUES ('demo_database', '1')")
        )
        conn.execute(
            sa.text("UPDATE audit_anchor SET mac = :mac WHERE id = 1"),
            {"mac": _demo_seal(row, with_origin=False)},
        )
    op.drop_index("ix_audit_list_person_person", table_name="audit_list_person")
    op.drop_table("audit_list_person")
    with op.batch_alter_table("audit_anchor", schema=None) as batch_op:
        batch_op.drop_column("origin")
