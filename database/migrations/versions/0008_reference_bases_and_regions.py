"""Upper lists keep their items' legal bases and implementing authorities, and a lower region's list its region

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01

The upper-list check grows the rules the provinces apply: a matched item must cite the same laws
(名称和设定依据须一致) and name the same implementing authority as the upper item, so the stored
items keep both cells.  A list stored under a region of the city's tree (a county's list, sent in
by the county) is a lower list, checked against its parent region's list: ``region_id`` says whose
it is.  Lists stored before keep NULL in all three: no basis or authority to compare, and upper.
Adding a foreign key makes SQLite's batch mode rebuild ``reference_list`` (a handful of rows).
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

ITEM_COLUMNS = ("legal_basis", "implementing_authority")


def _recreate() -> str:
    """SQLite rebuilds the table to add a foreign key; a server alters it in place."""
    return "always" if op.get_bind().dialect.name == "sqlite" else "auto"


def upgrade() -> None:
    for name in ITEM_COLUMNS:
        op.add_column("reference_item", sa.Column(name, sqlmodel.sql.sqltypes.AutoString(), nullable=True))
    with op.batch_alter_table("reference_list", recreate=_recreate()) as batch_op:
        batch_op.add_column(sa.Column("region_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key("fk_reference_list_region_id", "region", ["region_id"], ["id"],
                                    ondelete="SET NULL")
        batch_op.create_index(batch_op.f("ix_reference_list_region_id"), ["region_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("reference_list", recreate=_recreate()) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reference_list_region_id"))
        batch_op.drop_constraint("fk_reference_list_region_id", type_="foreignkey")
        batch_op.drop_column("region_id")
    for name in reversed(ITEM_COLUMNS):
        with op.batch_alter_table("reference_item") as batch_op:
            batch_op.drop_column(name)
