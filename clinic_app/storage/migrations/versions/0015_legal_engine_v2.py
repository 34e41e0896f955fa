"""legal engine v2: extension requests and decisions, AVR cooperation, unknown payer,
structured deadline explanations, insurer country

An old ``reflection_extension`` ("granted") becomes a ``reflection_extension_decided`` with
outcome ``granted`` and the same end date.

Revision ID: 0015_legal_engine_v2
Revises: 0017_workstations
Create Date: 2026-12-04 03:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015_legal_engine_v2"
down_revision: str | None = "0017_workstations"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OLD_KINDS = (
    "first_contact",
    "identification",
    "legal_stay",
    "reflection_start",
    "reflection_extension",
    "permit_application",
    "permit_granted",
    "permit_renewed",
    "permit_ended",
    "asylum_applied",
    "asylum_decided",
    "avr_referral",
    "avr_departure",
    "charges_withdrawn",
    "shelter_stay_start",
    "shelter_stay_end",
    "case_closed",
    "note",
)
_NEW_KINDS = (
    "first_contact",
    "identification",
    "legal_stay",
    "reflection_start",
    "reflection_extension_requested",
    "reflection_extension_decided",
    "permit_application",
    "permit_granted",
    "permit_renewed",
    "permit_ended",
    "asylum_applied",
    "asylum_decided",
    "avr_cooperation",
    "avr_referral",
    "avr_departure",
    "charges_withdrawn",
    "shelter_stay_start",
    "shelter_stay_end",
    "case_closed",
    "note",
)
_OLD_PAYERS = ("immigration_service", "cmm", "own_insurance", "national_health", "municipality", "none")
_NEW_PAYERS = (
    "immigration_service",
    "cmm",
    "own_insurance",
    "national_health",
    "municipality",
    "unknown",
    "none",
)
_GROUNDS = ("return_cooperation", "particular_reasons", "other")


def _in(column: str, values: Sequence[str]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _swap(table: str, column: str, name: str, values: Sequence[str], data_sql: str = "") -> None:
    """Replace the CHECK constraint of an enum column, changing data in between."""
    with op.batch_alter_table(table) as batch:
        batch.drop_constraint(op.f(f"ck_{table}_{name}"), type_="check")
    if data_sql:
        op.execute(data_sql)
    with op.batch_alter_table(table) as batch:
        batch.create_check_constraint(op.f(f"ck_{table}_{name}"), sa.text(_in(column, values)))


def upgrade() -> None:
    _swap(
        "case_event",
        "kind",
        "event_kind",
        _NEW_KINDS,
        "UPDATE case_event SET kind = 'reflection_extension_decided', outcome = 'granted' "
        "WHERE kind = 'reflection_extension'",
    )
    with op.batch_alter_table("case_event") as batch:
        batch.add_column(
            sa.Column(
                "ground",
                sa.Enum(
                    *_GROUNDS,
                    name="extension_ground",
                    native_enum=False,
                    create_constraint=True,
                    length=32,
                ),
                nullable=True,
            )
        )
    _swap("entitlement", "payer", "payer", _NEW_PAYERS)
    with op.batch_alter_table("person_deadline") as batch:
        batch.add_column(sa.Column("message", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("expected", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(
            sa.Column("unreliable", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("person_deadline") as batch:
        batch.alter_column("message", server_default=None)
        batch.alter_column("expected", server_default=None)
        batch.alter_column("unreliable", server_default=None)
    # Plain ALTER TABLE, never a batch copy: recreating ``person`` on SQLite would cascade
    # deletes into every table that references it (foreign keys are on inside migrations).
    op.add_column("person", sa.Column("insurer_country", sa.String(length=2), nullable=True))


def downgrade() -> None:
    op.drop_column("person", "insurer_country")  # native DROP COLUMN (SQLite >= 3.35)
    with op.batch_alter_table("person_deadline") as batch:
        batch.drop_column("unreliable")
        batch.drop_column("expected")
        batch.drop_column("message")
    _swap(
        "entitlement",
        "payer",
        "payer",
        _OLD_PAYERS,
        "UPDATE entitlement SET payer = 'none', covered = false WHERE payer = 'unknown'",
    )
    with op.batch_alter_table("case_event") as batch:
        batch.drop_constraint(op.f("ck_case_event_extension_ground"), type_="check")
        batch.drop_column("ground")
    # Granted decisions go back to the old kind; what the old schema cannot say (requests,
    # refusals, AVR cooperation) is kept as a note so nothing is lost silently.
    _swap(
        "case_event",
        "kind",
        "event_kind",
        _OLD_KINDS,
        "UPDATE case_event SET kind = CASE "
        "WHEN kind = 'reflection_extension_decided' AND outcome = 'granted' "
        "THEN 'reflection_extension' ELSE 'note' END, "
        "outcome = CASE WHEN kind = 'reflection_extension_decided' AND outcome = 'granted' "
        "THEN NULL ELSE outcome END "
        "WHERE kind IN ('reflection_extension_decided', 'reflection_extension_requested', "
        "'avr_cooperation')",
    )
