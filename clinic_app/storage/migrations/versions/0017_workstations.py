"""workstations joined to a shared database, enrolment codes, sealed shared secrets

Revision ID: 0017_workstations
Revises: 0016_location_audit
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017_workstations"
down_revision: str | None = "0016_location_audit"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "workstation",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("joined_at", sa.DateTime(), nullable=False),
        sa.Column("joined_by", sa.String(length=64), nullable=False),
        sa.Column("joined_with", sa.String(length=16), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("revoked_by", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workstation")),
    )
    op.create_table(
        "workstation_enrolment",
        sa.Column("id", sa.String(length=8), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("created_on", sa.String(length=32), nullable=False),
        sa.Column("sealed", sa.Text(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.Column("used_by", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workstation_enrolment")),
    )
    op.create_table(
        "shared_secret",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("sealed", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_shared_secret")),
    )


def downgrade() -> None:
    op.drop_table("shared_secret")
    op.drop_table("workstation_enrolment")
    op.drop_table("workstation")
