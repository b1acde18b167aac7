"""Pinyin sort keys: names sort as Excel and WPS sort Chinese, in SQL

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01

Clerks compare the program's lists with workbooks sorted by pinyin (市发展和改革局 before
市交通运输局), not by code point.  Each name gets a stored key beside it (``core.collation``'s
``sort_key``: plain text that compares byte by byte in pinyin order), which the library writes
with every insert and update (``core.kinds``: the fields with ``pinyin_key``).  Keys stored and
indexed keep "the first page sorted by name" an index read at 100,000 records; the indexes of the
item lists begin with what their lists are narrowed by (version, main items only).  Existing rows
get their keys here.  Adding a column with a constant default needs no table rebuild in SQLite.
"""

import sqlalchemy as sa
from alembic import op

from lawgov_desktop.core.collation import character_tokens, sort_key

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# The tables whose names get a key: the record kinds that have a name.
TABLES = ("licence_item", "power", "department", "region", "batch")
# The item lists are narrowed to a version's main items before they are sorted.
LIST_INDEXES = {"licence_item": "ix_licence_item_name_sort", "power": "ix_power_name_sort"}


def upgrade() -> None:
    connection = op.get_bind()
    for table in TABLES:
        op.add_column(table, sa.Column("name_sort", sa.String(), server_default="", nullable=False))
        rows = connection.execute(sa.text(f"SELECT id, name FROM {table}")).fetchall()
        if rows:
            connection.execute(sa.text(f"UPDATE {table} SET name_sort = :key WHERE id = :id"),
                               [{"key": sort_key(name), "id": record_id} for record_id, name in rows])
        if table in LIST_INDEXES:
            op.create_index(LIST_INDEXES[table], table, ["version_id", "parent_id", "name_sort"])
        else:
            op.create_index(f"ix_{table}_name_sort", table, ["name_sort"])


    if connection.dialect.name != "sqlite":
        _server_pinyin_function(connection)


# sort_key in SQL: NFKC, spaces dropped, each character's token (a symbol's when it has none).
PINYIN_FUNCTION = r"""
CREATE FUNCTION pinyin_key(t text) RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(string_agg(coalesce(k.token, CASE WHEN c.ch ~ '^[0-9]$' THEN '1' || c.ch
                                                     WHEN c.ch ~ '^[A-Za-z]$' THEN '2' || lower(c.ch)
                                                     ELSE '0' || c.ch END), '' ORDER BY c.i), '')
  FROM regexp_split_to_table(normalize(coalesce(t, ''), NFKC), '') WITH ORDINALITY AS c(ch, i)
  LEFT JOIN pinyin_token k ON k.ch = c.ch
  WHERE c.ch <> '' AND c.ch !~ '^\s$'
$$
"""


def _server_pinyin_function(connection: sa.Connection) -> None:
    """On a server, ``pinyin_key(text)`` orders the columns that keep no stored key, as the SQLite
    connection's Python function does (core/dialect.py)."""
    op.create_table("pinyin_token", sa.Column("ch", sa.String(), primary_key=True),
                    sa.Column("token", sa.String(), nullable=False))
    connection.execute(sa.text("INSERT INTO pinyin_token (ch, token) VALUES (:ch, :token)"),
                       [{"ch": char, "token": token} for char, token in character_tokens()])
    op.execute(PINYIN_FUNCTION)


def downgrade() -> None:
    for table in reversed(TABLES):
        op.drop_index(LIST_INDEXES.get(table, f"ix_{table}_name_sort"), table)
        with op.batch_alter_table(table, table_kwargs={"sqlite_autoincrement": True}) as batch_op:
            batch_op.drop_column("name_sort")
