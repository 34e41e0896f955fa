"""document log: documents printed for an anonymous clinic visitor

Revision ID: 0020_document_visitor
Revises: 0019_name_scripts
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0020_document_visitor"
down_revision: str | None = "0019_name_scripts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("document_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("visitor_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_document_log_visitor_id"), ["visitor_id"])
        batch_op.create_foreign_key(
            batch_op.f("fk_document_log_visitor_id_anonymous_visitor"),
            "anonymous_visitor",
            ["visitor_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("document_log", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_document_log_visitor_id_anonymous_visitor"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_document_log_visitor_id"))
        batch_op.drop_column("visitor_id")
