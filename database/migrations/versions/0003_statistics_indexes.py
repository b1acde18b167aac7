"""Indexes for the statistics: covering indexes of the grouped counts, and the taken-back rows

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26

``core/stats.py`` groups licence items by part, department and level, and powers by type and
department, straight from these covering indexes (no table reads, no sort).  It counts a power's
delegations from the covering unique index (power, region, batch) and leaves out the pairs taken
back (收回); the partial index holds only those rare rows, so the check is a probe of a tiny index
rather than a read of every delegation row.  Together: statistics over 100,000 records in well
under 200 ms (bench/bench_stats.py).
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_licence_item_stats", "licence_item",
                    ["version_id", "parent_id", "part", "department_id", "level", "position"])
    op.create_index("ix_power_stats", "power", ["version_id", "power_type", "department_id"])
    op.execute("CREATE INDEX ix_delegation_taken_back ON delegation (power_id, region_id)"
               " WHERE change_kind = '收回'")


def downgrade() -> None:
    op.execute("DROP INDEX ix_delegation_taken_back")
    op.drop_index("ix_power_stats", "power")
    op.drop_index("ix_licence_item_stats", "licence_item")
