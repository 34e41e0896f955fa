"""statistics publication ledger

Revision ID: 0018_statistics_publication
Revises: 0015_legal_engine_v2
Create Date: 2026-12-04 03:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018_statistics_publication"
down_revision: str | None = "0015_legal_engine_v2"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "statistics_release",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("table_key", sa.String(length=64), nullable=False),
        sa.Column("threshold", sa.Integer(), nullable=False),
        sa.Column("released_at", sa.DateTime(), nullable=False),
        sa.Column("released_by_id", sa.Integer(), nullable=True),
        sa.Column("released_by", sa.String(length=64), nullable=False),
        sa.Column("columns", sa.Text(), nullable=False),
        sa.Column("entries", sa.Text(), nullable=False),
        sa.Column("primary_hidden", sa.Integer(), nullable=False),
        sa.Column("secondary_hidden", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["released_by_id"],
            ["app_user.id"],
            name=op.f("fk_statistics_release_released_by_id_app_user"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_statistics_release")),
        sa.UniqueConstraint("year", "table_key", name=op.f("uq_statistics_release_year")),
    )
    with op.batch_alter_table("statistics_release", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_statistics_release_year"), ["year"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("statistics_release", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_statistics_release_year"))
    op.drop_table("statistics_release")
