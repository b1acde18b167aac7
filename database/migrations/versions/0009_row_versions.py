"""Row versions: two clerks saving the same record at once never overwrite each other silently

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01

Every record row gets ``row_version`` (1 when made), one more with every UPDATE.  An editor keeps
the version it loaded and saves with it; the library refuses a save whose record has moved on
(``core.conflicts``).  The count is kept by a trigger on both engines rather than by the library,
so no write path (undo, imports, merges, a clerk's psql session) can forget it: a SQLite AFTER
UPDATE trigger (the inner UPDATE does not fire it again: recursive triggers are off) and a
PostgreSQL BEFORE UPDATE trigger function.  Adding a NOT NULL column with a constant default needs
no table rebuild in SQLite, and existing rows start at 1.
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# The tables of the record kinds (core.kinds).
TABLES = ("licence_item", "power", "delegation", "department", "region", "batch")

SQLITE_TRIGGER = """
CREATE TRIGGER {table}_row_version AFTER UPDATE ON {table} FOR EACH ROW
BEGIN
  UPDATE {table} SET row_version = OLD.row_version + 1 WHERE id = NEW.id;
END
"""

SERVER_FUNCTION = """
CREATE FUNCTION lawgov_next_row_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.row_version := OLD.row_version + 1;
  RETURN NEW;
END
$$
"""

SERVER_TRIGGER = ("CREATE TRIGGER {table}_row_version BEFORE UPDATE ON {table} FOR EACH ROW"
                  " EXECUTE FUNCTION lawgov_next_row_version()")


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    if not sqlite:
        op.execute(SERVER_FUNCTION)
    for table in TABLES:
        op.add_column(table, sa.Column("row_version", sa.Integer(), server_default="1", nullable=False))
        op.execute((SQLITE_TRIGGER if sqlite else SERVER_TRIGGER).format(table=table))


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in reversed(TABLES):
        op.execute(f"DROP TRIGGER {table}_row_version" + ("" if sqlite else f" ON {table}"))
        with op.batch_alter_table(table, table_kwargs={"sqlite_autoincrement": True}) as batch_op:
            batch_op.drop_column("row_version")
    if not sqlite:
        op.execute("DROP FUNCTION lawgov_next_row_version()")
