"""The data model as SQLModel tables: the single source of truth for the database schema.

Alembic migrations under ``database/migrations`` are written against these classes, and a test
checks that a freshly migrated database matches them column for column.  At run time the library
talks to SQLite through the standard ``sqlite3`` module (see ``core/db.py`` for why), so importing
this module is only needed by migrations, tests and tools, never on the path to the first paint.

Conventions: codes and sequence numbers are text; times are ISO-8601 text in UTC; ``version_id``
NULL means the working list, a number means a frozen, read-only saved version.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, ForeignKey, Index, Integer, UniqueConstraint, text
from sqlmodel import Field, SQLModel

# Ids are never reused, so a logged delete can always be undone with the record's own id.
AUTOINCREMENT = {"sqlite_autoincrement": True}


def _fk(target: str, ondelete: str, *, nullable: bool = True, index: bool = True) -> Column:
    """A foreign-key column; written out because SQLModel's ``foreign_key=`` cannot set ON DELETE."""
    return Column(Integer, ForeignKey(target, ondelete=ondelete), nullable=nullable, index=index)


def _sort_key_column(*, index: bool = False) -> Any:
    """A name's pinyin sort key (``core.collation``; ``core.kinds`` says which fields keep one):
    written with every insert and update, so lists sort by pinyin in SQL (migration 0006)."""
    return Field(default="", index=index, sa_column_kwargs={"server_default": ""})


def _row_version_column() -> Any:
    """A record's row version: 1 when made, one more with every UPDATE (a trigger, migration 0009),
    so a clerk's save of what another clerk changed meanwhile is refused (``core.conflicts``)."""
    return Field(default=1, sa_column_kwargs={"server_default": "1"})


class Meta(SQLModel, table=True):
    """Key/value facts about the file; ``application`` marks it as a LawGov database."""

    __tablename__ = "lawgov_meta"
    key: str = Field(primary_key=True)
    value: str


class Region(SQLModel, table=True):
    """A node of the region tree: city → county/district/zone → township/street."""

    __tablename__ = "region"
    __table_args__ = AUTOINCREMENT
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True)
    name_sort: str = _sort_key_column(index=True)
    code: str | None = Field(default=None, description="official code where one exists; never invented")
    kind: str = Field(description="city, district, county, county_city, zone, town, street, township")
    parent_id: int | None = Field(default=None, sa_column=_fk("region.id", "RESTRICT"))
    position: int = 0
    remark: str | None = None
    created_at: str
    updated_at: str
    row_version: int = _row_version_column()


class RegionAlias(SQLModel, table=True):
    """Another name of a region (红海湾开发区 for 红海湾经济开发试验区)."""

    __tablename__ = "region_alias"
    id: int | None = Field(default=None, primary_key=True)
    region_id: int = Field(sa_column=_fk("region.id", "CASCADE", nullable=False))
    alias: str = Field(unique=True)


class Department(SQLModel, table=True):
    """A competent or original department (市发展和改革局), at a level, in a region."""

    __tablename__ = "department"
    __table_args__ = AUTOINCREMENT
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    name_sort: str = _sort_key_column(index=True)
    level: str | None = None
    region_id: int | None = Field(default=None, sa_column=_fk("region.id", "RESTRICT"))
    credit_code: str | None = None
    remark: str | None = None
    created_at: str
    updated_at: str
    row_version: int = _row_version_column()


class DepartmentAlias(SQLModel, table=True):
    """A short or former name of a department (市发改局 = 市发展和改革局)."""

    __tablename__ = "department_alias"
    id: int | None = Field(default=None, primary_key=True)
    department_id: int = Field(sa_column=_fk("department.id", "CASCADE", nullable=False))
    alias: str = Field(unique=True)


class ListVersion(SQLModel, table=True):
    """A named, read-only snapshot of the lists ("2022年版")."""

    __tablename__ = "list_version"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    created_at: str
    created_by: str
    remark: str | None = None


class Batch(SQLModel, table=True):
    """A published batch of delegated powers (第一批, 第二批…)."""

    __tablename__ = "batch"
    __table_args__ = AUTOINCREMENT
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    name_sort: str = _sort_key_column(index=True)
    document_number: str | None = None
    published_on: str | None = None
    position: int = 0
    remark: str | None = None
    created_at: str
    updated_at: str
    row_version: int = _row_version_column()


class ImportRecord(SQLModel, table=True):
    """One import of one sheet: what came in, from which file, and how to take it back."""

    __tablename__ = "import_record"
    id: int | None = Field(default=None, primary_key=True)
    at: str
    user: str
    file_name: str
    file_sha256: str
    sheet: str | None = None
    kind: str
    mode: str
    mapping_json: str = "{}"
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    warnings_json: str = "[]"
    rejected_json: str = "[]"
    backup_path: str | None = None
    undone_at: str | None = None


class LicenceItem(SQLModel, table=True):
    """A licence item; a row with ``parent_id`` is a sub-item (子项) of that main item."""

    __tablename__ = "licence_item"
    __table_args__ = (
        Index("ix_licence_item_list", "version_id", "parent_id", "position"),
        Index("ix_licence_item_department", "department_id", "version_id"),
        # Covers the statistics' grouped count (migration 0003).
        Index("ix_licence_item_stats", "version_id", "parent_id", "part", "department_id", "level", "position"),
        Index("ix_licence_item_name_sort", "version_id", "parent_id", "name_sort"),  # sorted by name (0006)
        AUTOINCREMENT,
    )
    id: int | None = Field(default=None, primary_key=True)
    version_id: int | None = Field(default=None, sa_column=_fk("list_version.id", "CASCADE", index=False))
    parent_id: int | None = Field(default=None, sa_column=_fk("licence_item.id", "CASCADE"))
    part: str = Field(default="central", description="central, local, vertical, other")
    department_id: int = Field(sa_column=_fk("department.id", "RESTRICT", nullable=False, index=False))
    name: str = Field(index=True)
    name_sort: str = _sort_key_column()
    sequence: str | None = None
    upper_ref: str | None = None
    implementing_authority: str | None = None
    legal_basis: str | None = None
    level: str | None = None
    code: str | None = Field(default=None, index=True)
    certificate: str | None = None
    list_year: str | None = None
    status: str = "有效"
    remark: str | None = None
    position: int = 0
    import_id: int | None = Field(default=None, sa_column=_fk("import_record.id", "SET NULL", index=False))
    source_json: str | None = Field(default=None, description="original cell texts of the import")
    created_at: str
    updated_at: str
    row_version: int = _row_version_column()


class Power(SQLModel, table=True):
    """A power of a department (from its 权责清单 or a delegation list), handed down through its
    delegations; a row with ``parent_id`` is a sub-item (子项) of that main item."""

    __tablename__ = "power"
    __table_args__ = (
        Index("ix_power_list", "version_id", "parent_id", "position"),
        Index("ix_power_department", "department_id", "version_id"),
        Index("ix_power_stats", "version_id", "parent_id", "power_type", "department_id"),  # statistics (0005)
        Index("ix_power_name_sort", "version_id", "parent_id", "name_sort"),  # sorted by name (0006)
        AUTOINCREMENT,
    )
    id: int | None = Field(default=None, primary_key=True)
    version_id: int | None = Field(default=None, sa_column=_fk("list_version.id", "CASCADE", index=False))
    parent_id: int | None = Field(default=None, sa_column=_fk("power.id", "CASCADE"))
    code: str | None = Field(default=None, index=True)
    name: str = Field(index=True)
    name_sort: str = _sort_key_column()
    sequence: str | None = None
    power_type: str | None = None
    domain: str | None = None
    legal_basis: str | None = None
    penalty_range: str | None = None
    department_id: int = Field(sa_column=_fk("department.id", "RESTRICT", nullable=False, index=False))
    # What a 权责清单 says of the power (core.kinds.RESPONSIBILITY_DETAILS; migration 0005).
    handling_office: str | None = None
    level: str | None = None
    level_scope: str | None = None
    duties: str | None = None
    responsibility: str | None = None
    responsibility_basis: str | None = None
    accountability_scope: str | None = None
    accountability_cases: str | None = None
    extra_json: str | None = Field(default=None, description="columns the program does not know: {header: value}")
    status: str = "有效"
    remark: str | None = None
    position: int = 0
    import_id: int | None = Field(default=None, sa_column=_fk("import_record.id", "SET NULL", index=False))
    source_json: str | None = None
    created_at: str
    updated_at: str
    row_version: int = _row_version_column()


class Delegation(SQLModel, table=True):
    """One power handed to one township in one batch: three streets make three delegations."""

    __tablename__ = "delegation"
    __table_args__ = (
        UniqueConstraint("power_id", "region_id", "batch_id", name="uq_delegation"),
        Index("ix_delegation_region", "region_id", "power_id"),
        Index("ix_delegation_batch", "batch_id", "power_id"),
        # Only the rare taken-back rows, so the statistics can leave them out cheaply (migration 0003).
        Index("ix_delegation_taken_back", "power_id", "region_id", sqlite_where=text("change_kind = '收回'")),
        AUTOINCREMENT,
    )
    id: int | None = Field(default=None, primary_key=True)
    power_id: int = Field(sa_column=_fk("power.id", "CASCADE", nullable=False, index=False))
    region_id: int = Field(sa_column=_fk("region.id", "RESTRICT", nullable=False, index=False))
    batch_id: int | None = Field(default=None, sa_column=_fk("batch.id", "RESTRICT", index=False))
    mode: str | None = None
    scope: str | None = None
    effective_date: str | None = None
    change_kind: str = "新增"
    document_number: str | None = None
    document_number_raw: str | None = None
    remark: str | None = None
    import_id: int | None = Field(default=None, sa_column=_fk("import_record.id", "SET NULL", index=False))
    created_at: str
    updated_at: str
    row_version: int = _row_version_column()


class ChangeLog(SQLModel, table=True):
    """Who changed what and when, with the record before and after (JSON)."""

    __tablename__ = "change_log"
    __table_args__ = (Index("ix_change_log_entity", "entity", "entity_id"),)
    id: int | None = Field(default=None, primary_key=True)
    at: str = Field(index=True)
    user: str
    action: str = Field(description="create, update, delete, merge, import, undo_import, revert")
    entity: str
    entity_id: int | None = None
    summary: str
    before_json: str | None = None
    after_json: str | None = None
    operation: str = Field(index=True, description="one user action: an edit, a bulk change, a merge")
    import_id: int | None = Field(default=None, sa_column=_fk("import_record.id", "SET NULL"))
    reverted_by: int | None = None


class MappingTemplate(SQLModel, table=True):
    """A saved column mapping (one per county, say), offered again for the same headers."""

    __tablename__ = "mapping_template"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    kind: str
    header_signature: str = Field(index=True)
    mapping_json: str
    created_at: str


class SavedFilter(SQLModel, table=True):
    """A filter the clerk saved under a name in the window."""

    __tablename__ = "saved_filter"
    __table_args__ = (UniqueConstraint("kind", "name", name="uq_saved_filter"),)
    id: int | None = Field(default=None, primary_key=True)
    kind: str
    name: str
    filter_json: str
    created_at: str


class ReferenceList(SQLModel, table=True):
    """An upper (provincial or national) list the city list is checked against."""

    __tablename__ = "reference_list"
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)
    level: str | None = None
    region_id: int | None = Field(default=None, sa_column=_fk("region.id", "SET NULL"),
                                  description="a lower region's list (a county's), checked against its parent's")
    created_at: str


class ReferenceItem(SQLModel, table=True):
    """One item of an upper list."""

    __tablename__ = "reference_item"
    id: int | None = Field(default=None, primary_key=True)
    reference_id: int = Field(sa_column=_fk("reference_list.id", "CASCADE", nullable=False))
    sequence: str | None = None
    name: str
    sub_item: str | None = None
    department: str | None = None
    code: str | None = None
    legal_basis: str | None = None
    implementing_authority: str | None = None


class Law(SQLModel, table=True):
    """A law, regulation or rule the lists cite (``core.laws``): started from the titles cited
    (status '' = unknown) and completed from an imported catalogue or by hand (migration 0007)."""

    __tablename__ = "law"
    __table_args__ = AUTOINCREMENT
    id: int | None = Field(default=None, primary_key=True)
    title: str
    title_key: str = Field(unique=True, index=True, description="core.citations.title_key: short and full titles meet")
    short_titles_json: str = Field(default="[]", description="other titles it is cited by")
    level: str | None = None
    issuing_body: str | None = None
    promulgated: str | None = None
    effective: str | None = None
    status: str = Field(default="", description="现行有效, 已被修改, 已废止, 尚未生效, '' unknown")
    amendments_json: str = Field(default="[]", description="[{date, title}]")
    amends_json: str = Field(default="[]", description="an amendment decision: ids of the laws it amends")
    catalogued: int = Field(default=0, description="1 once a catalogue or a clerk described it")
    created_at: str
    updated_at: str


CITATION_LAW_INDEX = ("law_id", "licence_id", "power_id", "field", "article", "paragraph", "item", "article_text")


class Citation(SQLModel, table=True):
    """One law (and article) a legal-basis cell of a licence item or power cites; a row without a law
    keeps text of the cell that cites none, to be listed.  Rebuilt from the cell on every write."""

    __tablename__ = "citation"
    # The affected-items query reads the rows of one law from this index alone (migration 0007).
    __table_args__ = (Index("ix_citation_law", *CITATION_LAW_INDEX),)
    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(description="licence or power")
    licence_id: int | None = Field(default=None, sa_column=_fk("licence_item.id", "CASCADE"))
    power_id: int | None = Field(default=None, sa_column=_fk("power.id", "CASCADE"))
    field: str
    position: int = 0
    law_id: int | None = Field(default=None, sa_column=_fk("law.id", "RESTRICT", index=False))
    title: str | None = Field(default=None, description="as written")
    level: str | None = None
    article: int | None = None
    paragraph: int | None = None
    item: int | None = None
    article_text: str | None = None
    edition_year: int | None = Field(default=None, description="the latest year its note names")
    quoted: str | None = None
    unparsed: str | None = None
