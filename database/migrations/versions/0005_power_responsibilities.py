"""Powers from the 权责清单: sub-items, duties and accountability, and columns kept under their own header

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03

A department's list of powers and responsibilities gives each power sub-items (``parent_id``, as
licence items have), eight columns of duties and accountability, and sometimes columns the
program does not know, kept as a JSON object {header: value} in ``extra_json``.  Adding a foreign
key makes SQLite's batch mode rebuild the table (copy, drop, rename): it keeps the rows, their
ids and AUTOINCREMENT (passed again, since reflection does not see it), and foreign keys are off
on Alembic's connection, so the delegations stay.  The list index gains ``parent_id`` as the
licence items' has, so listing main items stays an index range, and so does the statistics'
covering index, which counts main items only.
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

TEXT_COLUMNS = ("handling_office", "level", "level_scope", "duties", "responsibility", "responsibility_basis",
                "accountability_scope", "accountability_cases", "extra_json")


def _recreate() -> str:
    """SQLite rebuilds the table to add a foreign key; a server alters it in place."""
    return "always" if op.get_bind().dialect.name == "sqlite" else "auto"


def upgrade() -> None:
    with op.batch_alter_table("power", recreate=_recreate(), table_kwargs={"sqlite_autoincrement": True}) as batch_op:
        batch_op.add_column(sa.Column("parent_id", sa.Integer(), nullable=True))
        for name in TEXT_COLUMNS:
            batch_op.add_column(sa.Column(name, sqlmodel.sql.sqltypes.AutoString(), nullable=True))
        batch_op.create_foreign_key("fk_power_parent_id", "power", ["parent_id"], ["id"], ondelete="CASCADE")
        batch_op.create_index(batch_op.f("ix_power_parent_id"), ["parent_id"], unique=False)
        batch_op.drop_index("ix_power_list")
        batch_op.create_index("ix_power_list", ["version_id", "parent_id", "position"], unique=False)
        batch_op.drop_index("ix_power_stats")
        batch_op.create_index("ix_power_stats", ["version_id", "parent_id", "power_type", "department_id"],
                              unique=False)


def downgrade() -> None:
    # The old schema has no sub-items: they go, with what points at them (foreign keys are off here).
    for sql in ("DELETE FROM delegation WHERE power_id IN (SELECT id FROM power WHERE parent_id IS NOT NULL)",
                "DELETE FROM power_search WHERE rowid IN (SELECT id FROM power WHERE parent_id IS NOT NULL)",
                "DELETE FROM power WHERE parent_id IS NOT NULL"):
        op.execute(sql)
    with op.batch_alter_table("power", recreate=_recreate(), table_kwargs={"sqlite_autoincrement": True}) as batch_op:
        batch_op.drop_index("ix_power_stats")
        batch_op.create_index("ix_power_stats", ["version_id", "power_type", "department_id"], unique=False)
        batch_op.drop_index("ix_power_list")
        batch_op.create_index("ix_power_list", ["version_id", "position"], unique=False)
        batch_op.drop_index(batch_op.f("ix_power_parent_id"))
        batch_op.drop_constraint("fk_power_parent_id", type_="foreignkey")
        for name in reversed(TEXT_COLUMNS):
            batch_op.drop_column(name)
        batch_op.drop_column("parent_id")
