"""Laws and citations: the library of laws the lists cite, and which record cites which article

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01

A legal basis was one free-text cell; when a law is amended or repealed the office had to find
every item citing it by hand.  ``law`` holds the laws (started from the titles cited, status
unknown, completed from a catalogue or by hand); ``citation`` one row per law and article a
legal-basis cell cites, or per piece of text that cites none (``core.citation_rows``).  The rows
of the records already in the file are made here, by the same code that keeps them current.
"""

from typing import Any

import sqlalchemy as sa
from alembic import op

from lawgov_desktop.core.citation_rows import RECORD_COLUMNS, CitationRows

# Written out, as a migration must not change when the models do.
CITATION_LAW_INDEX = ("law_id", "licence_id", "power_id", "field", "article", "paragraph", "item", "article_text")

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


class _DriverConnection:
    """The migration's connection as the DB-API-like ``conn`` CitationRows writes through."""

    def __init__(self, bind: sa.engine.Connection) -> None:
        self.bind = bind
        self.server = bind.dialect.name == "postgresql"

    def _sql(self, sql: str) -> str:
        return sql.replace("?", "%s") if self.server else sql

    def execute(self, sql: str, params: Any = ()) -> Any:
        return self.bind.exec_driver_sql(self._sql(sql), tuple(params))

    def executemany(self, sql: str, rows: list[tuple[Any, ...]]) -> Any:
        return self.bind.exec_driver_sql(self._sql(sql), rows)


def upgrade() -> None:
    op.create_table(
        "law",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("title_key", sa.String(), nullable=False),
        sa.Column("short_titles_json", sa.String(), nullable=False),
        sa.Column("level", sa.String(), nullable=True),
        sa.Column("issuing_body", sa.String(), nullable=True),
        sa.Column("promulgated", sa.String(), nullable=True),
        sa.Column("effective", sa.String(), nullable=True),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("amendments_json", sa.String(), nullable=False),
        sa.Column("amends_json", sa.String(), nullable=False),
        sa.Column("catalogued", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.String(), nullable=False),
        sa.Column("updated_at", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    op.create_index(op.f("ix_law_title_key"), "law", ["title_key"], unique=True)
    op.create_table(
        "citation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("licence_id", sa.Integer(), nullable=True),
        sa.Column("power_id", sa.Integer(), nullable=True),
        sa.Column("field", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("law_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(), nullable=True),
        sa.Column("level", sa.String(), nullable=True),
        sa.Column("article", sa.Integer(), nullable=True),
        sa.Column("paragraph", sa.Integer(), nullable=True),
        sa.Column("item", sa.Integer(), nullable=True),
        sa.Column("article_text", sa.String(), nullable=True),
        sa.Column("edition_year", sa.Integer(), nullable=True),
        sa.Column("quoted", sa.String(), nullable=True),
        sa.Column("unparsed", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(["licence_id"], ["licence_item.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["power_id"], ["power.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["law_id"], ["law.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
    )
    for column in ("licence_id", "power_id"):
        op.create_index(op.f(f"ix_citation_{column}"), "citation", [column], unique=False)
    # The affected-items query reads one law's rows from the index alone.
    op.create_index("ix_citation_law", "citation", list(CITATION_LAW_INDEX), unique=False)
    rows = CitationRows(_DriverConnection(op.get_bind()))
    for kind in RECORD_COLUMNS:
        rows.refresh(kind, None, fresh=True)


def downgrade() -> None:
    op.drop_table("citation")
    op.drop_table("law")
