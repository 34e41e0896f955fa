"""names in every script: the official Latin spelling, detected scripts, Latin search keys,
and the indexed cross-script search keys (person_search_key)

Revision ID: 0019_name_scripts
Revises: 0018_statistics_publication
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from clinic_app.services.text import detect_script, index_keys, latin

revision: str = "0019_name_scripts"
down_revision: str | None = "0018_statistics_publication"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_key = sa.table(
    "person_search_key",
    sa.column("person_id", sa.Integer),
    sa.column("kind", sa.Integer),
    sa.column("key", sa.String),
)
_name = sa.table(
    "person_name",
    sa.column("id", sa.Integer),
    sa.column("person_id", sa.Integer),
    sa.column("name", sa.String),
    sa.column("script", sa.String),
    sa.column("search_key", sa.String),
)


def upgrade() -> None:
    with op.batch_alter_table("person_name", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("official_latin", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.create_index(batch_op.f("ix_person_name_search_key"), ["search_key"], unique=False)
        batch_op.create_index(
            "uq_person_name_official_latin",
            ["person_id"],
            unique=True,
            sqlite_where=sa.text("official_latin IS 1"),
            postgresql_where=sa.text("official_latin IS true"),
        )
    with op.batch_alter_table("person_name", schema=None) as batch_op:
        batch_op.alter_column("official_latin", server_default=None)
    op.create_table(
        "person_search_key",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Integer(), nullable=False),
        sa.Column(
            "key",
            sa.String(length=200).with_variant(sa.String(length=200, collation="NOCASE"), "sqlite"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_person_search_key_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("person_id", "kind", "key", name=op.f("pk_person_search_key")),
    )
    op.create_index(
        "ix_person_search_key_kind_key",
        "person_search_key",
        ["kind", "key"],
        unique=False,
        postgresql_ops={"key": "text_pattern_ops"},
    )
    # Existing names: detect the script where none was recorded, key every name in Latin
    # and index the keys of every script. (search_text keeps its folded forms.)
    bind = op.get_bind()
    keys: dict[int, set[tuple[int, str]]] = {}
    for row in bind.execute(
        sa.select(_name.c.id, _name.c.person_id, _name.c.name, _name.c.script)
    ).all():
        script = row.script or detect_script(row.name)
        bind.execute(
            _name.update()
            .where(_name.c.id == row.id)
            .values(script=script, search_key=latin(row.name)[:200])
        )
        keys.setdefault(row.person_id, set()).update(index_keys(row.name, script))
    rows = [
        {"person_id": pid, "kind": kind, "key": key}
        for pid, person_keys in keys.items()
        for kind, key in sorted(person_keys)
    ]
    if rows:
        bind.execute(_key.insert(), rows)


def downgrade() -> None:
    op.drop_index("ix_person_search_key_kind_key", table_name="person_search_key")
    op.drop_table("person_search_key")
    with op.batch_alter_table("person_name", schema=None) as batch_op:
        batch_op.drop_index("uq_person_name_official_latin")
        batch_op.drop_index(batch_op.f("ix_person_name_search_key"))
        batch_op.drop_column("official_latin")
