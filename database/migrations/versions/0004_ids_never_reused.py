"""Ids are never reused: AUTOINCREMENT on the record tables

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26

Without AUTOINCREMENT SQLite hands a deleted record's id to the next new record, and undoing the
delete (which puts the record back under its own id, so the change log and the search index
still point at it) would then collide with the newcomer.  SQLite can only add AUTOINCREMENT by
rebuilding a table, which Alembic's batch mode does (copy, drop, rename), keeping every index.
Foreign keys are off on Alembic's connection, so dropping the old table cascades nothing.
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Parents before children, so each rebuilt table's foreign keys point at a finished table.
TABLES = ("region", "department", "batch", "licence_item", "power", "delegation")


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":  # a server's id sequences never go back
        return
    for table in TABLES:
        with op.batch_alter_table(table, recreate="always", table_kwargs={"sqlite_autoincrement": True}):
            pass


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in reversed(TABLES):
        with op.batch_alter_table(table, recreate="always"):
            pass
