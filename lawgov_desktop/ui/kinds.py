"""What each list shows and edits: columns, facets and form fields, declared as data.

One generic list view, one table model and one record dialog serve every kind; what differs
between licence items, powers, departments, regions, batches and imports is written down here
once.  Titles are English source strings marked with ``QT_TRANSLATE_NOOP`` and translated when
shown, so the zh_CN translation covers them like any ``tr()`` string.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QDateTime, QLocale, Qt

from lawgov_desktop.core.fields import (
    CHANGE_KINDS,
    DELEGATION_MODES,
    DELEGATION_SCOPES,
    DEPARTMENT_LEVELS,
    KIND_LABELS,
    LEVELS,
    PART_LABELS,
    POWER_TYPES,
    REGION_KINDS,
    STATUSES,
)
from lawgov_desktop.core.kinds import RESPONSIBILITY_DETAIL_KEYS

LICENCE, POWER, DELEGATION, DEPARTMENT, REGION, BATCH, IMPORTS = (
    "licence", "power", "delegation", "department", "region", "batch", "imports")


def one_line(value: Any) -> str:
    """Several laws on separate lines read as one row in a table cell."""
    return "；".join(part for part in str(value).split("\n") if part)


def count(value: Any) -> str:
    """A count in the interface language (1,234 in English and Chinese alike; other locales differ)."""
    return QLocale().toString(value) if isinstance(value, int) else str(value)


def nonzero(value: Any) -> str:
    """Counts of children: an empty cell reads better than a column of zeros."""
    return count(value) if value else ""


def _date_format() -> str:
    """The language's short date with a four-digit year (2022/10/1, 10/1/2022): lists outlive decades."""
    text = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    return text if "yyyy" in text else text.replace("yy", "yyyy")


def date(value: Any) -> str:
    """An ISO date (2022-10-01) as the interface language writes it; other text is left as it is."""
    parsed = QDate.fromString(str(value)[:10], Qt.DateFormat.ISODate)
    return QLocale().toString(parsed, _date_format()) if parsed.isValid() else str(value)


def timestamp(value: Any) -> str:
    """An ISO time to the minute, as the interface language writes it."""
    parsed = QDateTime.fromString(str(value)[:19], Qt.DateFormat.ISODate)
    if not parsed.isValid():
        return str(value)[:16].replace("T", " ")
    time_format = QLocale().timeFormat(QLocale.FormatType.ShortFormat)
    return QLocale().toString(parsed, f"{_date_format()} {time_format}")


@dataclass(frozen=True)
class Column:
    """One table column: the row key it shows, its title, default width and library sort key.

    A ``hidden`` column is offered in the header's menu but not shown until the clerk picks it;
    ``context`` is the translation context of its title.
    """

    key: str
    title: str
    width: int = 120
    sort: str | None = None
    display: Callable[[Any], str] | None = None
    numeric: bool = False
    hidden: bool = False
    context: str = "Column"

    def text(self, row: dict[str, Any]) -> str:
        """The cell text for a row."""
        value = row.get(self.key)
        if value is None or value == "":
            return ""
        if self.display:
            return self.display(value)
        return count(value) if self.numeric else str(value)


def column_title(column: Column) -> str:
    """The column title in the interface language."""
    return QCoreApplication.translate(column.context, column.title)


@dataclass(frozen=True)
class FormField:
    """One field of a record dialog.

    ``widget``: line, text (several lines), choice (fixed list), suggest (free text with
    suggestions), or a reference to another record: department, region, batch.
    """

    key: str
    label: str
    widget: str = "line"
    choices: tuple[tuple[Any, str], ...] = ()
    required: bool = False


def field_label(form_field: FormField) -> str:
    """The field label in the interface language."""
    return QCoreApplication.translate("Field", form_field.label)


@dataclass(frozen=True)
class ListSpec:
    """A list reachable from the side navigation."""

    kind: str
    title: str
    columns: tuple[Column, ...]
    facets: tuple[str, ...] = ()
    record_kind: str | None = None
    children: str | None = None


def _pairs(values: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((value, value) for value in values)


# What a 权责清单 says of a power (core.fields.RESPONSIBILITY_DETAIL_FIELDS): English titles whose
# Chinese translations are those fields' labels; the long texts get several lines in the form.
RESPONSIBILITY_TITLES = {
    "handling_office": QT_TRANSLATE_NOOP("Field", "Handling office"),
    "level": QT_TRANSLATE_NOOP("Field", "Implementing level"),
    "level_scope": QT_TRANSLATE_NOOP("Field", "Authority at that level"),
    "duties": QT_TRANSLATE_NOOP("Field", "Department duties"),
    "responsibility": QT_TRANSLATE_NOOP("Field", "Responsibilities"),
    "responsibility_basis": QT_TRANSLATE_NOOP("Field", "Basis of the responsibilities"),
    "accountability_scope": QT_TRANSLATE_NOOP("Field", "Who is held accountable"),
    "accountability_cases": QT_TRANSLATE_NOOP("Field", "Cases of accountability"),
}
_LONG_RESPONSIBILITY_TEXTS = {"duties", "responsibility", "responsibility_basis", "accountability_scope",
                              "accountability_cases"}
RESPONSIBILITY_COLUMNS = tuple(
    Column(key, RESPONSIBILITY_TITLES[key], 200 if key in _LONG_RESPONSIBILITY_TEXTS else 110, key, one_line,
           hidden=True, context="Field")
    for key in RESPONSIBILITY_DETAIL_KEYS)


LICENCE_SPEC = ListSpec(
    LICENCE, QT_TRANSLATE_NOOP("Nav", "Licence items"),
    (
        Column("sequence", QT_TRANSLATE_NOOP("Column", "No."), 56, "position", numeric=True),
        Column("part", QT_TRANSLATE_NOOP("Column", "Part"), 120, "part", PART_LABELS.get),
        Column("department", QT_TRANSLATE_NOOP("Column", "Department"), 150, "department"),
        Column("name", QT_TRANSLATE_NOOP("Column", "Item name"), 280, "name"),
        Column("sub_item_count", QT_TRANSLATE_NOOP("Column", "Sub-items"), 48, display=nonzero, numeric=True),
        Column("implementing_authority", QT_TRANSLATE_NOOP("Column", "Implementing authority"), 150,
               "implementing_authority"),
        Column("legal_basis", QT_TRANSLATE_NOOP("Column", "Legal basis"), 300, "legal_basis", one_line),
        Column("level", QT_TRANSLATE_NOOP("Column", "Level"), 80, "level"),
        Column("code", QT_TRANSLATE_NOOP("Column", "Item code"), 130, "code"),
        Column("certificate", QT_TRANSLATE_NOOP("Column", "Certificate"), 110, "certificate"),
        Column("list_year", QT_TRANSLATE_NOOP("Column", "List year"), 70, "list_year"),
        Column("status", QT_TRANSLATE_NOOP("Column", "Status"), 60, "status"),
        Column("remark", QT_TRANSLATE_NOOP("Column", "Remark"), 160, "remark", one_line),
    ),
    facets=("department", "part", "level", "status"),
    record_kind=LICENCE, children="sub_items",
)
POWER_SPEC = ListSpec(
    POWER, QT_TRANSLATE_NOOP("Nav", "Enforcement powers"),
    (
        Column("sequence", QT_TRANSLATE_NOOP("Column", "No."), 56, "position", numeric=True),
        Column("code", QT_TRANSLATE_NOOP("Column", "Power code"), 120, "code"),
        Column("name", QT_TRANSLATE_NOOP("Column", "Power name"), 320, "name"),
        Column("power_type", QT_TRANSLATE_NOOP("Column", "Power type"), 80, "power_type"),
        Column("domain", QT_TRANSLATE_NOOP("Column", "Domain"), 80, "domain"),
        Column("department", QT_TRANSLATE_NOOP("Column", "Original department"), 170, "department"),
        Column("receiving", QT_TRANSLATE_NOOP("Column", "Receiving townships"), 200),
        Column("batches", QT_TRANSLATE_NOOP("Column", "Batch"), 90),
        Column("legal_basis", QT_TRANSLATE_NOOP("Column", "Enforcement basis"), 280, "legal_basis", one_line),
        Column("penalty_range", QT_TRANSLATE_NOOP("Column", "Penalty range"), 200, "penalty_range", one_line),
        Column("status", QT_TRANSLATE_NOOP("Column", "Status"), 60, "status"),
        Column("remark", QT_TRANSLATE_NOOP("Column", "Remark"), 160, "remark", one_line),
        # After today's columns, so a header layout the clerk saved keeps its meaning.
        Column("sub_item_count", QT_TRANSLATE_NOOP("Column", "Sub-items"), 48, display=nonzero, numeric=True,
               hidden=True),
        *RESPONSIBILITY_COLUMNS,
    ),
    facets=("department", "power_type", "status", "batch", "region"),
    record_kind=POWER, children="delegations",
)
DEPARTMENT_SPEC = ListSpec(
    DEPARTMENT, QT_TRANSLATE_NOOP("Nav", "Departments"),
    (
        Column("name", QT_TRANSLATE_NOOP("Column", "Department name"), 220, "name"),
        Column("aliases", QT_TRANSLATE_NOOP("Column", "Short names"), 220),
        Column("level", QT_TRANSLATE_NOOP("Column", "Level"), 70, "level"),
        Column("region", QT_TRANSLATE_NOOP("Column", "Region"), 120, "region"),
        Column("licence_count", QT_TRANSLATE_NOOP("Column", "Licence items"), 80, numeric=True),
        Column("power_count", QT_TRANSLATE_NOOP("Column", "Powers"), 80, numeric=True),
        Column("credit_code", QT_TRANSLATE_NOOP("Column", "Credit code"), 170, "credit_code"),
        Column("remark", QT_TRANSLATE_NOOP("Column", "Remark"), 160, display=one_line),
    ),
    facets=("department_level", "region"),
    record_kind=DEPARTMENT,
)
REGION_SPEC = ListSpec(
    REGION, QT_TRANSLATE_NOOP("Nav", "Regions"),
    (
        Column("name", QT_TRANSLATE_NOOP("Column", "Region name"), 200, "name"),
        Column("code", QT_TRANSLATE_NOOP("Column", "Region code"), 90, "code"),
        Column("kind", QT_TRANSLATE_NOOP("Column", "Region kind"), 80, "kind", REGION_KINDS.get),
        Column("parent", QT_TRANSLATE_NOOP("Column", "Parent region"), 180),
        Column("aliases", QT_TRANSLATE_NOOP("Column", "Other names"), 260),
        Column("remark", QT_TRANSLATE_NOOP("Column", "Remark"), 160, display=one_line),
    ),
    record_kind=REGION,
)
BATCH_SPEC = ListSpec(
    BATCH, QT_TRANSLATE_NOOP("Nav", "Batches"),
    (
        Column("name", QT_TRANSLATE_NOOP("Column", "Batch"), 120, "name"),
        Column("document_number", QT_TRANSLATE_NOOP("Column", "Document number"), 180),
        Column("published_on", QT_TRANSLATE_NOOP("Column", "Published on"), 100, display=date),
        Column("power_count", QT_TRANSLATE_NOOP("Column", "Powers"), 80, numeric=True),
        Column("remark", QT_TRANSLATE_NOOP("Column", "Remark"), 200, display=one_line),
    ),
    record_kind=BATCH,
)
IMPORTS_SPEC = ListSpec(
    IMPORTS, QT_TRANSLATE_NOOP("Nav", "Import history"),
    (
        Column("at", QT_TRANSLATE_NOOP("Column", "Time"), 130, "at", timestamp),
        Column("file_name", QT_TRANSLATE_NOOP("Column", "File"), 240, "file_name"),
        Column("sheet", QT_TRANSLATE_NOOP("Column", "Sheet"), 120),
        Column("kind", QT_TRANSLATE_NOOP("Column", "List"), 100, "kind", KIND_LABELS.get),
        Column("mode", QT_TRANSLATE_NOOP("Column", "Mode"), 70),
        Column("inserted", QT_TRANSLATE_NOOP("Column", "Inserted"), 60, numeric=True),
        Column("updated", QT_TRANSLATE_NOOP("Column", "Updated"), 60, numeric=True),
        Column("unchanged", QT_TRANSLATE_NOOP("Column", "Unchanged"), 60, numeric=True),
        Column("rejected", QT_TRANSLATE_NOOP("Column", "Rejected"), 60, numeric=True),
        Column("user", QT_TRANSLATE_NOOP("Column", "User"), 90),
        Column("undone_at", QT_TRANSLATE_NOOP("Column", "Undone at"), 130, display=timestamp),
    ),
)
LIST_SPECS = (LICENCE_SPEC, POWER_SPEC, DEPARTMENT_SPEC, REGION_SPEC, BATCH_SPEC, IMPORTS_SPEC)

# Rows of the children tables in the detail pane.
SUB_ITEM_COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("Column", "Sub-item"), 300),
    Column("implementing_authority", QT_TRANSLATE_NOOP("Column", "Implementing authority"), 160),
    Column("code", QT_TRANSLATE_NOOP("Column", "Item code"), 130),
    Column("status", QT_TRANSLATE_NOOP("Column", "Status"), 60),
)
DELEGATION_COLUMNS = (
    Column("region", QT_TRANSLATE_NOOP("Column", "Receiving township"), 130),
    Column("batch", QT_TRANSLATE_NOOP("Column", "Batch"), 80),
    Column("mode", QT_TRANSLATE_NOOP("Column", "Mode"), 80),
    Column("scope", QT_TRANSLATE_NOOP("Column", "Scope"), 60),
    Column("effective_date", QT_TRANSLATE_NOOP("Column", "Effective"), 90, display=date),
    Column("change_kind", QT_TRANSLATE_NOOP("Column", "Change"), 70),
    Column("document_number", QT_TRANSLATE_NOOP("Column", "Document number"), 160),
)

_REMARK = FormField("remark", QT_TRANSLATE_NOOP("Field", "Remark"), "text")
_STATUS = FormField("status", QT_TRANSLATE_NOOP("Field", "Status"), "choice", _pairs(STATUSES), True)
FORMS: dict[str, tuple[FormField, ...]] = {
    LICENCE: (
        FormField("name", QT_TRANSLATE_NOOP("Field", "Item name"), required=True),
        FormField("department_id", QT_TRANSLATE_NOOP("Field", "Department"), "department", required=True),
        FormField("part", QT_TRANSLATE_NOOP("Field", "Part"), "choice", tuple(PART_LABELS.items()), True),
        FormField("sequence", QT_TRANSLATE_NOOP("Field", "No.")),
        FormField("implementing_authority", QT_TRANSLATE_NOOP("Field", "Implementing authority")),
        FormField("legal_basis", QT_TRANSLATE_NOOP("Field", "Legal basis"), "text"),
        FormField("level", QT_TRANSLATE_NOOP("Field", "Level"), "suggest", _pairs(LEVELS)),
        FormField("code", QT_TRANSLATE_NOOP("Field", "Item code")),
        FormField("certificate", QT_TRANSLATE_NOOP("Field", "Certificate")),
        FormField("upper_ref", QT_TRANSLATE_NOOP("Field", "Upper list No.")),
        FormField("list_year", QT_TRANSLATE_NOOP("Field", "List year")),
        _STATUS,
        _REMARK,
    ),
    POWER: (
        FormField("name", QT_TRANSLATE_NOOP("Field", "Power name"), required=True),
        FormField("department_id", QT_TRANSLATE_NOOP("Field", "Original department"), "department",
                  required=True),
        FormField("code", QT_TRANSLATE_NOOP("Field", "Power code")),
        FormField("sequence", QT_TRANSLATE_NOOP("Field", "No.")),
        FormField("power_type", QT_TRANSLATE_NOOP("Field", "Power type"), "suggest", _pairs(POWER_TYPES)),
        FormField("domain", QT_TRANSLATE_NOOP("Field", "Domain")),
        FormField("legal_basis", QT_TRANSLATE_NOOP("Field", "Enforcement basis"), "text"),
        FormField("penalty_range", QT_TRANSLATE_NOOP("Field", "Penalty range"), "text"),
        *(FormField(key, RESPONSIBILITY_TITLES[key], "text" if key in _LONG_RESPONSIBILITY_TEXTS else "line")
          for key in RESPONSIBILITY_DETAIL_KEYS),
        _STATUS,
        _REMARK,
    ),
    DELEGATION: (
        FormField("region_id", QT_TRANSLATE_NOOP("Field", "Receiving township"), "region", required=True),
        FormField("batch_id", QT_TRANSLATE_NOOP("Field", "Batch"), "batch"),
        FormField("mode", QT_TRANSLATE_NOOP("Field", "Mode"), "suggest", _pairs(DELEGATION_MODES)),
        FormField("scope", QT_TRANSLATE_NOOP("Field", "Scope"), "suggest", _pairs(DELEGATION_SCOPES)),
        FormField("effective_date", QT_TRANSLATE_NOOP("Field", "Effective date")),
        FormField("change_kind", QT_TRANSLATE_NOOP("Field", "Change"), "choice", _pairs(CHANGE_KINDS), True),
        FormField("document_number", QT_TRANSLATE_NOOP("Field", "Document number")),
        _REMARK,
    ),
    DEPARTMENT: (
        FormField("name", QT_TRANSLATE_NOOP("Field", "Department name"), required=True),
        FormField("aliases", QT_TRANSLATE_NOOP("Field", "Short names")),
        FormField("level", QT_TRANSLATE_NOOP("Field", "Level"), "suggest", _pairs(DEPARTMENT_LEVELS)),
        FormField("region_id", QT_TRANSLATE_NOOP("Field", "Region"), "region"),
        FormField("credit_code", QT_TRANSLATE_NOOP("Field", "Credit code")),
        _REMARK,
    ),
    REGION: (
        FormField("name", QT_TRANSLATE_NOOP("Field", "Region name"), required=True),
        FormField("kind", QT_TRANSLATE_NOOP("Field", "Region kind"), "choice", tuple(REGION_KINDS.items()), True),
        FormField("parent_id", QT_TRANSLATE_NOOP("Field", "Parent region"), "region"),
        FormField("code", QT_TRANSLATE_NOOP("Field", "Region code")),
        FormField("aliases", QT_TRANSLATE_NOOP("Field", "Other names")),
        _REMARK,
    ),
    BATCH: (
        FormField("name", QT_TRANSLATE_NOOP("Field", "Batch"), required=True),
        FormField("document_number", QT_TRANSLATE_NOOP("Field", "Document number")),
        FormField("published_on", QT_TRANSLATE_NOOP("Field", "Published on")),
        _REMARK,
    ),
}
# Fields a bulk change can set, per kind: key -> (label, offered values).
BULK_FIELDS: dict[str, dict[str, tuple[str, tuple[tuple[Any, str], ...]]]] = {
    LICENCE: {
        "status": (QT_TRANSLATE_NOOP("Field", "Status"), _pairs(STATUSES)),
        "part": (QT_TRANSLATE_NOOP("Field", "Part"), tuple(PART_LABELS.items())),
        "level": (QT_TRANSLATE_NOOP("Field", "Level"), _pairs(LEVELS)),
        "department_id": (QT_TRANSLATE_NOOP("Field", "Department"), ()),
    },
    POWER: {
        "status": (QT_TRANSLATE_NOOP("Field", "Status"), _pairs(STATUSES)),
        "power_type": (QT_TRANSLATE_NOOP("Field", "Power type"), _pairs(POWER_TYPES)),
        "department_id": (QT_TRANSLATE_NOOP("Field", "Original department"), ()),
    },
}


# What a reference field sends when the clerk typed a name instead of picking one: the library
# resolves names and short names ("市发改局") and reports unknown ones under the id field.
NAME_KEYS = {("department_id", "department"): "department", ("region_id", "region"): "region",
             ("parent_id", "region"): "parent", ("batch_id", "batch"): "batch"}
