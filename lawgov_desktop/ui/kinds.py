"""What each list shows and edits: columns, facets and form fields.

One generic list view, one table model and one record dialog serve every kind.  The record forms,
the bulk changes and the list columns that show a field are made from the kind descriptions
(``core.kinds``): a field's widget follows its rule, choices and reference, and its label is the
description's, in Chinese (``label``) or English (``english``) as the interface speaks, so a field
added to a kind appears here without another word.  What only the window knows is declared here:
which columns a list shows, their widths, sort keys and order, and the columns a list derives
(counts, receiving townships), whose English titles are translated like any ``tr()`` string.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QDateTime, QLocale, Qt

from lawgov_desktop.core.fields import (
    BATCH,
    DEPARTMENT,
    IMPORTS,
    KIND_LABELS,
    LICENCE,
    POWER,
    REGION,
)
from lawgov_desktop.core.kinds import (
    DATE,
    JSON,
    KINDS,
    MULTILINE,
    NUMBER,
    REFERENCE,
    RESPONSIBILITY_DETAILS,
    Field,
)
from lawgov_desktop.core.layouts import kind_field


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


def speaks_chinese() -> bool:
    """Whether the interface speaks Chinese (the default; choosing English sets an English locale)."""
    return QLocale().language() == QLocale.Language.Chinese


def field_title(described: Field) -> str:
    """A field's label in the interface language, as its kind describes it in both."""
    return described.label if speaks_chinese() else described.english


def _shown_as(described: Field) -> Callable[[Any], str] | None:
    """How a list cell shows a field: several lines as one, a date in the language's way, a
    stored key by its label (a part, a region kind); None when the value shows as it is."""
    if described.rule == MULTILINE:
        return one_line
    if described.rule == DATE:
        return date
    labels = dict(described.choices)
    if any(stored != shown for stored, shown in labels.items()):
        return lambda value: labels.get(value, str(value))
    return None


@dataclass(frozen=True)
class Column:
    """One table column: the row key it shows, its title, default width and library sort key.

    A column that shows a field of a kind carries it (``field``) and is titled by its label; a
    column a list derives has an English ``title`` translated in ``context``.  A ``hidden`` column
    is offered in the header's menu but not shown until the clerk picks it.
    """

    key: str
    title: str
    width: int = 120
    sort: str | None = None
    display: Callable[[Any], str] | None = None
    numeric: bool = False
    hidden: bool = False
    context: str = "Column"
    field: Field | None = None

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
    if column.field is not None:
        return field_title(column.field)
    return QCoreApplication.translate(column.context, column.title)


def field_column(kind: str, key: str, width: int, sort: str | None = None, *, numeric: bool = False,
                 hidden: bool = False) -> Column:
    """A column showing a field of ``kind`` (a reference by the name the list joins in, such as
    ``department``), titled and shown as the field's description says."""
    described = kind_field(KINDS[kind], key)
    if described is None:
        raise KeyError(f"{kind} has no field {key!r}")
    return Column(key, described.english, width, sort, _shown_as(described), numeric, hidden, field=described)


def field_columns(kind: str, /, *, sortable: bool = True, **widths: int) -> tuple[Column, ...]:
    """Columns showing fields of ``kind`` in the order given as ``key=width``; each sorts by its own
    field unless ``sortable`` is False (aliases, a parent's name: joined texts the list cannot order)."""
    return tuple(field_column(kind, key, width, key if sortable else None) for key, width in widths.items())


@dataclass(frozen=True)
class FormField:
    """One field of a record dialog, made from the kind's description of it.

    ``widget``: line, text (several lines), choice (fixed list), suggest (free text with
    suggestions), or the kind a reference picks: department, region, batch.  A closed choice with
    a default always holds a value, so it is required like a required field.
    """

    field: Field
    widget: str
    required: bool

    @property
    def key(self) -> str:
        """The stored column the widget edits."""
        return self.field.key

    @property
    def choices(self) -> tuple[tuple[Any, str], ...]:
        """The values offered, as (stored, shown)."""
        return self.field.choices


def form_field(described: Field) -> FormField:
    """The widget a field gets: from its reference, its rule and its choices."""
    if described.rule == REFERENCE:
        widget = str(described.reference)
    elif described.rule == MULTILINE:
        widget = "text"
    elif described.choices:
        widget = "suggest" if described.open_choices else "choice"
    else:
        widget = "line"
    closed_with_default = widget == "choice" and described.default is not None
    return FormField(described, widget, described.required or closed_with_default)


def field_label(shown: FormField) -> str:
    """The field label in the interface language."""
    return field_title(shown.field)


@dataclass(frozen=True)
class ListSpec:
    """A list reachable from the side navigation."""

    kind: str
    title: str
    columns: tuple[Column, ...]
    facets: tuple[str, ...] = ()
    record_kind: str | None = None
    children: str | None = None


# What a 权责清单 says of a power: offered as columns, hidden until chosen; long texts wider.
RESPONSIBILITY_COLUMNS = tuple(
    field_column(POWER, detail.key, 200 if detail.rule == MULTILINE else 110, detail.key, hidden=True)
    for detail in RESPONSIBILITY_DETAILS)


LICENCE_SPEC = ListSpec(
    LICENCE, QT_TRANSLATE_NOOP("Nav", "Licence items"),
    (
        field_column(LICENCE, "sequence", 56, "position", numeric=True),
        *field_columns(LICENCE, part=190, department=150, name=280),  # 部分 shows 地方性法规、省政府规章设定 whole
        Column("sub_item_count", QT_TRANSLATE_NOOP("Column", "Sub-items"), 48, display=nonzero, numeric=True),
        *field_columns(LICENCE, implementing_authority=150, legal_basis=300, level=80, code=130, certificate=110,
                       list_year=70, status=60, remark=160),
    ),
    facets=("department", "part", "level", "status", "law"),
    record_kind=LICENCE, children="sub_items",
)
POWER_SPEC = ListSpec(
    POWER, QT_TRANSLATE_NOOP("Nav", "Enforcement powers"),
    (
        field_column(POWER, "sequence", 56, "position", numeric=True),
        *field_columns(POWER, code=120, name=320, power_type=80, domain=80, department=170),
        Column("receiving", QT_TRANSLATE_NOOP("Column", "Receiving townships"), 200),
        Column("batches", QT_TRANSLATE_NOOP("Column", "Batch"), 90),
        *field_columns(POWER, legal_basis=280, penalty_range=200, status=60, remark=160),
        # After today's columns, so a header layout the clerk saved keeps its meaning.
        Column("sub_item_count", QT_TRANSLATE_NOOP("Column", "Sub-items"), 48, display=nonzero, numeric=True,
               hidden=True),
        *RESPONSIBILITY_COLUMNS,
    ),
    facets=("department", "power_type", "status", "batch", "region", "law"),
    record_kind=POWER, children="delegations",
)
DEPARTMENT_SPEC = ListSpec(
    DEPARTMENT, QT_TRANSLATE_NOOP("Nav", "Departments"),
    (
        field_column(DEPARTMENT, "name", 220, "name"),
        field_column(DEPARTMENT, "aliases", 220),
        *field_columns(DEPARTMENT, level=70, region=120),
        Column("licence_count", QT_TRANSLATE_NOOP("Column", "Licence items"), 80, numeric=True),
        Column("power_count", QT_TRANSLATE_NOOP("Column", "Powers"), 80, numeric=True),
        field_column(DEPARTMENT, "credit_code", 170, "credit_code"),
        field_column(DEPARTMENT, "remark", 160),
    ),
    facets=("department_level", "region"),
    record_kind=DEPARTMENT,
)
REGION_SPEC = ListSpec(
    REGION, QT_TRANSLATE_NOOP("Nav", "Regions"),
    (
        *field_columns(REGION, name=200, code=90, kind=80),
        *field_columns(REGION, sortable=False, parent=180, aliases=260, remark=160),
    ),
    record_kind=REGION,
)
BATCH_SPEC = ListSpec(
    BATCH, QT_TRANSLATE_NOOP("Nav", "Batches"),
    (
        field_column(BATCH, "name", 120, "name"),
        *field_columns(BATCH, sortable=False, document_number=180, published_on=100),
        Column("power_count", QT_TRANSLATE_NOOP("Column", "Powers"), 80, numeric=True),
        field_column(BATCH, "remark", 200),
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

# Rows of the children tables in the detail pane: a licence item's sub-items, a power's delegations.
SUB_ITEM_COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("Column", "Sub-item"), 300),
    *field_columns(LICENCE, sortable=False, implementing_authority=160, code=130, status=60),
)
DELEGATION_COLUMNS = field_columns("delegation", sortable=False, region=130, batch=80, mode=80, scope=60,
                                   effective_date=90, change_kind=70, document_number=160)

# Not typed in a record form: positions and a power's extra columns (kept as they were read), a
# sub-item's main item and a delegation's power (given by where the record is added), and a
# document number as a workbook wrote it (kept by the import).
_NOT_TYPED = frozenset({"power_id", "document_number_raw"})


def _typed(described: Field, sub_items: bool) -> bool:
    if described.rule in (NUMBER, JSON) or described.key in _NOT_TYPED:
        return False
    return not (sub_items and described.key == "parent_id")


FORMS: dict[str, tuple[FormField, ...]] = {
    key: tuple(form_field(described) for described in kind.fields if _typed(described, kind.sub_items))
    for key, kind in KINDS.items()
}
# Fields a bulk change can set, per kind, in the order the dialog offers them.
BULK_FIELDS: dict[str, tuple[FormField, ...]] = {
    kind: tuple(next(shown for shown in FORMS[kind] if shown.key == key) for key in keys)
    for kind, keys in ((LICENCE, ("status", "part", "level", "department_id")),
                       (POWER, ("status", "power_type", "department_id")))
}
