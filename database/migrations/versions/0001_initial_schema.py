"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "batch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("document_number", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("published_on", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("remark", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "import_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("user", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("file_name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("file_sha256", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("sheet", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("mode", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("mapping_json", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("inserted", sa.Integer(), nullable=False),
        sa.Column("updated", sa.Integer(), nullable=False),
        sa.Column("unchanged", sa.Integer(), nullable=False),
        sa.Column("rejected", sa.Integer(), nullable=False),
        sa.Column("warnings_json", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("rejected_json", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("backup_path", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("undone_at", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "lawgov_meta",
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("value", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "list_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("created_by", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("remark", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "region",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("remark", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["parent_id"], ["region.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("region", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_region_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_region_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "change_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("user", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("action", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("entity", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("summary", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("before_json", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("after_json", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("operation", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=True),
        sa.Column("reverted_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["import_id"], ["import_record.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_change_log_at"), ["at"], unique=False)
        batch_op.create_index("ix_change_log_entity", ["entity", "entity_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_change_log_operation"), ["operation"], unique=False)
        batch_op.create_index(batch_op.f("ix_change_log_import_id"), ["import_id"], unique=False)

    op.create_table(
        "department",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("level", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("region_id", sa.Integer(), nullable=True),
        sa.Column("credit_code", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("remark", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["region_id"], ["region.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
    )
    with op.batch_alter_table("department", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_department_region_id"), ["region_id"], unique=False)

    op.create_table(
        "region_alias",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("region_id", sa.Integer(), nullable=False),
        sa.Column("alias", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["region_id"], ["region.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("alias"),
    )
    with op.batch_alter_table("region_alias", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_region_alias_region_id"), ["region_id"], unique=False)

    op.create_table(
        "department_alias",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("alias", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["department_id"], ["department.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("alias"),
    )
    with op.batch_alter_table("department_alias", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_department_alias_department_id"), ["department_id"], unique=False
        )

    op.create_table(
        "licence_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=True),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("part", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("sequence", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("upper_ref", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("implementing_authority", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("legal_basis", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("level", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("certificate", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("list_year", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("remark", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=True),
        sa.Column("source_json", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["department_id"], ["department.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["import_id"], ["import_record.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["parent_id"], ["licence_item.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["version_id"], ["list_version.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("licence_item", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_licence_item_code"), ["code"], unique=False)
        batch_op.create_index("ix_licence_item_department", ["department_id", "version_id"], unique=False)
        batch_op.create_index("ix_licence_item_list", ["version_id", "parent_id", "position"], unique=False)
        batch_op.create_index(batch_op.f("ix_licence_item_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_licence_item_parent_id"), ["parent_id"], unique=False)

    op.create_table(
        "power",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=True),
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("sequence", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("power_type", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("domain", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("legal_basis", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("penalty_range", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("remark", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=True),
        sa.Column("source_json", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["department_id"], ["department.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["import_id"], ["import_record.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["version_id"], ["list_version.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("power", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_power_code"), ["code"], unique=False)
        batch_op.create_index("ix_power_department", ["department_id", "version_id"], unique=False)
        batch_op.create_index("ix_power_list", ["version_id", "position"], unique=False)
        batch_op.create_index(batch_op.f("ix_power_name"), ["name"], unique=False)

    op.create_table(
        "delegation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("power_id", sa.Integer(), nullable=False),
        sa.Column("region_id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.Column("mode", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("scope", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("effective_date", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("change_kind", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("document_number", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("document_number_raw", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("remark", sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column("import_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.ForeignKeyConstraint(["batch_id"], ["batch.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["import_id"], ["import_record.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["power_id"], ["power.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["region_id"], ["region.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("power_id", "region_id", "batch_id", name="uq_delegation"),
    )
    with op.batch_alter_table("delegation", schema=None) as batch_op:
        batch_op.create_index("ix_delegation_batch", ["batch_id", "power_id"], unique=False)
        batch_op.create_index("ix_delegation_region", ["region_id", "power_id"], unique=False)

    # Substring search in Chinese: the library writes every character as a token (see
    # core/search.py), so terms of any length match as phrases.  On a server the rows hold the
    # text and its characters under a GIN index (core/postgres.py).
    for table in ("licence_search", "power_search"):
        if op.get_bind().dialect.name == "sqlite":
            op.execute(f"CREATE VIRTUAL TABLE {table} USING fts5(body, tokenize='unicode61 remove_diacritics 0')")
        else:
            op.execute(f"CREATE TABLE {table} (id integer PRIMARY KEY, body text NOT NULL, chars text[] NOT NULL)")
            op.execute(f"CREATE INDEX ix_{table}_chars ON {table} USING gin (chars)")
    op.execute("INSERT INTO lawgov_meta (key, value) VALUES ('application', 'lawgov-desktop')")


def downgrade() -> None:
    op.execute("DROP TABLE power_search")
    op.execute("DROP TABLE licence_search")
    with op.batch_alter_table("delegation", schema=None) as batch_op:
        batch_op.drop_index("ix_delegation_region")
        batch_op.drop_index("ix_delegation_batch")

    op.drop_table("delegation")
    with op.batch_alter_table("power", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_power_name"))
        batch_op.drop_index("ix_power_list")
        batch_op.drop_index("ix_power_department")
        batch_op.drop_index(batch_op.f("ix_power_code"))

    op.drop_table("power")
    with op.batch_alter_table("licence_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_licence_item_parent_id"))
        batch_op.drop_index(batch_op.f("ix_licence_item_name"))
        batch_op.drop_index("ix_licence_item_list")
        batch_op.drop_index("ix_licence_item_department")
        batch_op.drop_index(batch_op.f("ix_licence_item_code"))

    op.drop_table("licence_item")
    with op.batch_alter_table("department_alias", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_department_alias_department_id"))

    op.drop_table("department_alias")
    with op.batch_alter_table("region_alias", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_region_alias_region_id"))

    op.drop_table("region_alias")
    with op.batch_alter_table("department", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_department_region_id"))

    op.drop_table("department")
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_change_log_import_id"))
        batch_op.drop_index("ix_change_log_entity")
        batch_op.drop_index(batch_op.f("ix_change_log_at"))

    op.drop_table("change_log")
    with op.batch_alter_table("region", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_region_parent_id"))
        batch_op.drop_index(batch_op.f("ix_region_name"))

    op.drop_table("region")
    op.drop_table("list_version")
    op.drop_table("lawgov_meta")
    op.drop_table("import_record")
    op.drop_table("batch")
