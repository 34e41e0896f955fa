"""names in every script: the official Latin spelling, detected scripts, Latin search keys

Revision ID: 0019_name_scripts
Revises: 0001
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from clinic_app.services.text import detect_script, fold, latin, search_keys

revision: str = "0019_name_scripts"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_person = sa.table(
    "person",
    sa.column("id", sa.Integer),
    sa.column("case_ref", sa.String),
    sa.column("search_text", sa.Text),
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
    # Existing names: detect the script where none was recorded, key every name in Latin
    # and rebuild each person's search text with the keys of every script.
    bind = op.get_bind()
    refs = dict(bind.execute(sa.select(_person.c.id, _person.c.case_ref)).all())
    keys: dict[int, set[str]] = {}
    for row in bind.execute(
        sa.select(_name.c.id, _name.c.person_id, _name.c.name, _name.c.script)
    ).all():
        script = row.script or detect_script(row.name)
        bind.execute(
            _name.update()
            .where(_name.c.id == row.id)
            .values(script=script, search_key=latin(row.name)[:200])
        )
        keys.setdefault(row.person_id, set()).update(search_keys(row.name, script))
    for person_id, person_keys in keys.items():
        ref = fold(refs.get(person_id) or "")
        text = "|".join(sorted(k for k in person_keys | {ref} if k))
        bind.execute(
            _person.update().where(_person.c.id == person_id).values(search_text=text)
        )


def downgrade() -> None:
    with op.batch_alter_table("person_name", schema=None) as batch_op:
        batch_op.drop_index("uq_person_name_official_latin")
        batch_op.drop_index(batch_op.f("ix_person_name_search_key"))
        batch_op.drop_column("official_latin")
