"""One description per record kind: what a licence item, a power, a delegation, a department, a
region and a batch are made of.

Like calibre's per-field objects, every other layer reads these descriptions instead of keeping its
own list: the library validates, fills defaults, lets sub-items inherit and guards deletes from
them; the window builds its forms and columns, the command line its options and labels, the
importer its header synonyms and the exporters their columns.  Adding a field to a kind is one
``Field`` here plus a migration.  Pure data and pure functions: cheap to import.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .fields import (
    CHANGE_KINDS,
    DEFAULT_STATUS,
    DELEGATION_MODES,
    DELEGATION_SCOPES,
    DEPARTMENT,
    DEPARTMENT_LEVELS,
    LEVELS,
    LICENCE,
    PART_LABELS,
    POWER,
    POWER_TYPES,
    REGION,
    REGION_KINDS,
    RESPONSIBILITY_DETAIL_FIELDS,
    STATUSES,
)

DELEGATION = "delegation"
BATCH = "batch"

# How a field's value is cleaned and checked (core/text.py holds the rules themselves).
LINE = "line"  # one line, whitespace runs collapsed
MULTILINE = "multiline"  # line breaks kept (one law or duty per line)
CODE = "code"  # digits as written: never "12.0" or "1.2E+17"
DATE = "date"  # any spelling a clerk writes, stored as ISO
DOCUMENT_NUMBER = "document_number"  # 汕府函〔2022〕45号 however the year was bracketed
REFERENCE = "reference"  # the id of another record, given by id or by name
NUMBER = "number"  # an integer kept for ordering
JSON = "json"  # a power's extra columns {header: value}
ALIASES = "aliases"  # other names, kept in the kind's alias table
# A default computed when the record is created: one after the last position of its table.
NEXT_POSITION = "next position"


@dataclass(frozen=True)
class Field:
    """One field of a record kind.

    ``key`` is the stored column; ``label`` the Chinese label messages, forms and exported headers
    use; ``english`` the window's source string (translated back to ``label``'s wording).
    ``headers`` are the workbook headers that mean it (the first is what exports write).
    ``choices`` are the allowed values as (stored, shown); ``open_choices`` makes them suggestions
    only.  A ``reference`` field holds the id of a record of that kind and accepts its name under
    ``by_name``.  ``inherited`` fields of a sub-item default to its main item's value.
    """

    key: str
    label: str
    english: str
    rule: str = LINE
    headers: tuple[str, ...] = ()
    required: bool = False
    choices: tuple[tuple[str, str], ...] = ()
    open_choices: bool = False
    default: object = None
    reference: str | None = None
    by_name: str | None = None
    inherited: bool = False

    @property
    def stored(self) -> bool:
        """Whether the field is a column of the kind's own table (aliases live in their own)."""
        return self.rule != ALIASES


@dataclass(frozen=True)
class DeleteGuard:
    """Records of another table that keep a record from being deleted (a department with items)."""

    table: str
    column: str
    label: str  # what the message counts: "项许可事项"


@dataclass(frozen=True)
class RecordKind:
    """A kind of record: its table, its label and its fields in the order forms show them.

    ``sub_items``: records of the kind may hang under a main item of the same kind (two levels,
    as the lists are published).  ``alias_table`` keeps other names of a named record.
    ``guards`` keep a record that others still use from being deleted.
    """

    key: str
    table: str
    label: str
    english: str
    fields: tuple[Field, ...]
    sub_items: bool = False
    alias_table: str | None = None
    guards: tuple[DeleteGuard, ...] = ()
    positioned: bool = False
    _by_key: dict[str, Field] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_key.update((f.key, f) for f in self.fields)

    def field(self, key: str) -> Field | None:
        """The field stored under ``key``, or None."""
        return self._by_key.get(key)

    @property
    def columns(self) -> tuple[str, ...]:
        """The stored, editable columns, in form order."""
        return tuple(f.key for f in self.fields if f.stored)

    @property
    def required(self) -> dict[str, str]:
        """Required columns with the label the "请填写" message names."""
        return {f.key: f.label for f in self.fields if f.required}

    @property
    def inherited(self) -> tuple[str, ...]:
        """What a sub-item takes from its main item when it does not say."""
        return tuple(f.key for f in self.fields if f.inherited)

    @property
    def alias_column(self) -> str:
        """The alias table's column naming the record ("department_id")."""
        return f"{self.key}_id"


def _pairs(values: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((value, value) for value in values)


_STATUS = Field("status", "状态", "Status", headers=("状态",), choices=_pairs(STATUSES),
                default=DEFAULT_STATUS)
_REMARK = Field("remark", "备注", "Remark", MULTILINE, headers=("备注", "说明"))
_POSITION = Field("position", "排列顺序", "Position", NUMBER, default=NEXT_POSITION)
# What a 权责清单 says of a power; the English labels are the window's column titles.
_DETAIL_ENGLISH = {
    "handling_office": "Handling office",
    "level": "Implementing level",
    "level_scope": "Authority at that level",
    "duties": "Department duties",
    "responsibility": "Responsibilities",
    "responsibility_basis": "Basis of the responsibilities",
    "accountability_scope": "Who is held accountable",
    "accountability_cases": "Cases of accountability",
}
_LONG_DETAILS = {"duties", "responsibility", "responsibility_basis", "accountability_scope",
                 "accountability_cases"}

LICENCE_KIND = RecordKind(
    LICENCE, "licence_item", "行政许可事项", "licence item", sub_items=True, positioned=True,
    fields=(
        Field("name", "事项名称", "Item name", required=True),
        Field("department_id", "主管部门", "Department", REFERENCE, required=True, reference=DEPARTMENT,
              by_name="department", inherited=True),
        Field("part", "部分", "Part", choices=tuple(PART_LABELS.items()), default="central",
              inherited=True),
        Field("parent_id", "所属主项", "Main item", REFERENCE, reference=LICENCE),
        Field("sequence", "序号", "No.", CODE),
        Field("implementing_authority", "实施机关", "Implementing authority"),
        Field("legal_basis", "设定和实施依据", "Legal basis", MULTILINE),
        Field("level", "行使层级", "Level", choices=_pairs(LEVELS), open_choices=True),
        Field("code", "事项编码", "Item code", CODE),
        Field("certificate", "许可证件名称", "Certificate"),
        Field("upper_ref", "对应上级清单序号", "Upper list No.", CODE),
        Field("list_year", "清单版本", "List year"),
        _STATUS,
        _REMARK,
        _POSITION,
    ),
)

POWER_KIND = RecordKind(
    POWER, "power", "赋权执法事项", "enforcement power", sub_items=True, positioned=True,
    fields=(
        Field("name", "事项名称", "Power name", required=True),
        Field("department_id", "原实施主体", "Original department", REFERENCE, required=True,
              reference=DEPARTMENT, by_name="department", inherited=True),
        Field("parent_id", "所属主项", "Main item", REFERENCE, reference=POWER),
        Field("code", "事项编码", "Power code", CODE),
        Field("sequence", "序号", "No.", CODE),
        Field("power_type", "职权类型", "Power type", choices=_pairs(POWER_TYPES), open_choices=True),
        Field("domain", "执法领域", "Domain"),
        Field("legal_basis", "实施依据", "Enforcement basis", MULTILINE),
        Field("penalty_range", "处罚种类及幅度", "Penalty range", MULTILINE),
        *(Field(spec.key, spec.label, _DETAIL_ENGLISH[spec.key],
                MULTILINE if spec.key in _LONG_DETAILS else LINE, headers=spec.headers)
          for spec in RESPONSIBILITY_DETAIL_FIELDS),
        Field("extra_json", "其他列", "Other columns", JSON),
        _STATUS,
        _REMARK,
        _POSITION,
    ),
)

DELEGATION_KIND = RecordKind(
    DELEGATION, "delegation", "赋权承接", "delegation",
    fields=(
        Field("power_id", "执法事项", "Power", REFERENCE, required=True, reference=POWER, by_name="power"),
        Field("region_id", "承接主体", "Receiving township", REFERENCE, required=True, reference=REGION,
              by_name="region"),
        Field("batch_id", "批次", "Batch", REFERENCE, reference=BATCH, by_name="batch"),
        Field("mode", "下放方式", "Mode", choices=_pairs(DELEGATION_MODES), open_choices=True),
        Field("scope", "赋权范围", "Scope", choices=_pairs(DELEGATION_SCOPES), open_choices=True),
        Field("effective_date", "生效时间", "Effective date", DATE),
        Field("change_kind", "调整类型", "Change", choices=_pairs(CHANGE_KINDS),
              default=CHANGE_KINDS[0]),
        Field("document_number", "文号", "Document number", DOCUMENT_NUMBER),
        Field("document_number_raw", "文号原文", "Document number as written"),
        _REMARK,
    ),
)

DEPARTMENT_KIND = RecordKind(
    DEPARTMENT, "department", "部门", "department", alias_table="department_alias",
    guards=(DeleteGuard("licence_item", "department_id", "项许可事项"),
            DeleteGuard("power", "department_id", "项执法事项")),
    fields=(
        Field("name", "部门名称", "Department name", required=True),
        Field("aliases", "简称", "Short names", ALIASES),
        Field("level", "层级", "Level", choices=_pairs(DEPARTMENT_LEVELS), open_choices=True),
        Field("region_id", "所属区划", "Region", REFERENCE, reference=REGION, by_name="region"),
        Field("credit_code", "统一社会信用代码", "Credit code", CODE),
        _REMARK,
    ),
)

REGION_KIND = RecordKind(
    REGION, "region", "行政区划", "region", alias_table="region_alias", positioned=True,
    guards=(DeleteGuard("region", "parent_id", "个下级区划"),
            DeleteGuard("delegation", "region_id", "条赋权"),
            DeleteGuard("department", "region_id", "个部门")),
    fields=(
        Field("name", "区划名称", "Region name", required=True),
        Field("kind", "区划类型", "Region kind", required=True, choices=tuple(REGION_KINDS.items())),
        Field("parent_id", "上级区划", "Parent region", REFERENCE, reference=REGION, by_name="parent"),
        Field("code", "区划代码", "Region code", CODE),
        Field("aliases", "其他名称", "Other names", ALIASES),
        _POSITION,
        _REMARK,
    ),
)

BATCH_KIND = RecordKind(
    BATCH, "batch", "批次", "batch", positioned=True,
    guards=(DeleteGuard("delegation", "batch_id", "条赋权"),),
    fields=(
        Field("name", "批次名称", "Batch", required=True),
        Field("document_number", "文号", "Document number", DOCUMENT_NUMBER),
        Field("published_on", "发布日期", "Published on", DATE),
        _POSITION,
        _REMARK,
    ),
)

KINDS: dict[str, RecordKind] = {kind.key: kind for kind in (
    LICENCE_KIND, POWER_KIND, DELEGATION_KIND, DEPARTMENT_KIND, REGION_KIND, BATCH_KIND)}
RECORD_KINDS = tuple(KINDS)
TABLES = {key: kind.table for key, kind in KINDS.items()}


def record_kind(key: str) -> RecordKind:
    """The description of a kind by its key ("licence"); KeyError for an unknown one."""
    return KINDS[key]
