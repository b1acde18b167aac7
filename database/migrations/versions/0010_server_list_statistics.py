"""Server planner statistics: a list page walks its index instead of sorting the whole list

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01

On PostgreSQL the item lists are read through indexes beginning with (version_id, parent_id); in
the working list both are NULL in nearly every row, and the planner, which keeps no count of how
many (version, parent) pairs there are, guesses them too many and picks a name index instead: a
search page of 100,000 powers took ~290 ms instead of ~5 ms (bench/bench_server.py).  Extended
statistics on the pair tell it.  SQLite's planner needs nothing: nothing is done there.
"""

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

TABLES = ("licence_item", "power")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    for table in TABLES:
        op.execute(f"CREATE STATISTICS IF NOT EXISTS st_{table}_list (ndistinct) ON version_id, parent_id FROM {table}")
        op.execute(f"ANALYZE {table}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        return
    for table in TABLES:
        op.execute(f"DROP STATISTICS IF EXISTS st_{table}_list")
