"""One description per record kind: what a licence item, a power, a delegation, a department, a
region and a batch are made of.

Like calibre's per-field objects, every other layer reads these descriptions instead of keeping its
own list: the library validates, fills defaults, lets sub-items inherit and guards deletes from
them; the window builds its forms and columns, the command line its options and labels, the
importer its header synonyms and the exporters their columns.  Adding a field to a kind is one
``Field`` here plus a migration.  Pure data and pure functions: cheap to import.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from .collation import sort_key
from .fields import (
    BATCH,
    CHANGE_KINDS,
    DEFAULT_STATUS,
    DELEGATION,
    DELEGATION_MODES,
    DELEGATION_SCOPES,
    DEPARTMENT,
    DEPARTMENT_LEVELS,
    KIND_LABELS,
    LEVELS,
    LICENCE,
    PART_LABELS,
    POWER,
    POWER_TYPES,
    REGION,
    REGION_KINDS,
    STATUSES,
)

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
# Every record's row version, kept beside its fields (not one of them: no form, column or export
# shows it): 1 when made, one more with every UPDATE (a trigger, migration 0009).  An editor saves
# with the version it loaded, so a record another clerk changed meanwhile is not overwritten.
ROW_VERSION = "row_version"


@dataclass(frozen=True)
class Field:
    """One field of a record kind.

    ``key`` is the stored column; ``label`` the Chinese label messages, the command line, the
    window's forms and columns use; ``english`` the window's label when it speaks English.
    ``headers`` are the workbook headers that mean it (the first is what exports write; the
    layouts in ``core.layouts`` read and write every field that has some).
    ``choices`` are the allowed values as (stored, shown); ``open_choices`` makes them suggestions
    only.  A ``reference`` field holds the id of a record of that kind and accepts its name under
    ``by_name``.  ``inherited`` fields of a sub-item default to its main item's value.
    ``pinyin_key`` fields keep a stored sort key (``sort_column``, core.collation) beside them, so
    lists sorted by them in pinyin order stay an index read at 100,000 records.
    ``citations`` fields hold legal bases: the library keeps the laws they cite (``core.laws``).
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
    pinyin_key: bool = False
    citations: bool = False

    @property
    def sort_column(self) -> str | None:
        """The column holding the field's pinyin sort key (None for a field without one)."""
        return f"{self.key}_sort" if self.pinyin_key else None

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
class Belonging:
    """Records that go with a record when it is deleted (a main item's sub-items, a power's
    delegations): kept in its change-log snapshot under ``key``, put back with it on undo, and
    counted under ``label`` when the clerk is asked to confirm the delete.  ``where`` selects
    them in their kind's table, each ``?`` standing for the record's id."""

    key: str
    kind: str
    where: str
    label: str


@dataclass(frozen=True)
class RecordKind:
    """A kind of record: its table, its label and its fields in the order forms show them.

    ``sub_items``: records of the kind may hang under a main item of the same kind (two levels,
    as the lists are published).  ``alias_table`` keeps other names of a named record.
    ``guards`` keep a record that others still use from being deleted, refused with
    ``guard_message`` ({name}, {counts}).  ``noun`` is the short word messages use ("部门").
    ``belongings`` go with a deleted record; ``shown_in`` are kinds whose rows show this kind's
    records (a power's row names its receiving townships).
    """

    key: str
    table: str
    label: str
    english: str
    fields: tuple[Field, ...]
    sub_items: bool = False
    alias_table: str | None = None
    guards: tuple[DeleteGuard, ...] = ()
    noun: str = ""
    guard_message: str = ""
    belongings: tuple[Belonging, ...] = ()
    shown_in: tuple[str, ...] = ()
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

    @cached_property
    def citation_fields(self) -> tuple[str, ...]:
        """The legal-basis fields, whose citations the library keeps (``core.laws``)."""
        return tuple(f.key for f in self.fields if f.citations)

    @cached_property
    def sort_columns(self) -> dict[str, str]:
        """Field → the column of its stored pinyin sort key, for the fields that keep one."""
        return {f.key: f.sort_column for f in self.fields if f.sort_column}

    def sort_keys(self, values: Mapping[str, Any]) -> dict[str, str]:
        """The sort-key columns to write with ``values``: one for each keyed field among them, so every
        insert and update keeps the keys current from this one declaration."""
        return {column: sort_key(values[key]) for key, column in self.sort_columns.items() if key in values}

    def record(self, row: Mapping[str, Any]) -> dict[str, Any]:
        """A stored row as the library hands it out and logs it: without its sort keys, which are
        derived from its fields (written again with them, never shown or compared)."""
        hidden = self.sort_columns.values()
        return {key: value for key, value in dict(row).items() if key not in hidden}

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
_SEQUENCE = Field("sequence", "序号", "No.", CODE, headers=("序号",))

# What a 权责清单 says of a power beyond a delegation list: stored on every power, read by both
# layouts (a delegation list may carry them too), shown, searched, printed and exported.
# 实施层级及权限 is written over two columns in many files: the second ("level_scope") says what
# the level may do.
RESPONSIBILITY_DETAILS: tuple[Field, ...] = (
    Field("handling_office", "承办机构", "Handling office",
          headers=("承办机构", "责任主体", "承办科室", "承办单位")),
    Field("level", "实施层级", "Implementing level",
          headers=("实施层级及权限", "实施层级", "行使层级", "所属行政区划")),
    Field("level_scope", "实施权限", "Authority at that level", headers=("实施权限", "权限")),
    Field("duties", "部门职责", "Department duties", MULTILINE, headers=("部门职责",)),
    Field("responsibility", "责任事项内容", "Responsibilities", MULTILINE, headers=("责任事项内容", "责任事项")),
    Field("responsibility_basis", "责任事项依据", "Basis of the responsibilities", MULTILINE,
          headers=("责任事项依据", "责任事项的依据"), citations=True),
    Field("accountability_scope", "追责对象范围", "Who is held accountable", MULTILINE,
          headers=("追责对象范围",)),
    Field("accountability_cases", "追责情形", "Cases of accountability", MULTILINE, headers=("追责情形",)),
)
RESPONSIBILITY_DETAIL_KEYS = tuple(detail.key for detail in RESPONSIBILITY_DETAILS)

LICENCE_KIND = RecordKind(
    LICENCE, "licence_item", KIND_LABELS[LICENCE], "licence item", sub_items=True,
    noun="许可事项", belongings=(Belonging("children", LICENCE, "parent_id = ?", "子项"),),
    fields=(
        Field("name", "事项名称", "Item name", required=True, pinyin_key=True,
              headers=("事项名称", "许可事项名称", "行政许可事项名称", "项目名称", "实施清单事项名称", "主项名称")),
        Field("department_id", "主管部门", "Department", REFERENCE, required=True, reference=DEPARTMENT,
              by_name="department", inherited=True,
              headers=("主管部门", "市主管部门", "区级主管部门", "县级主管部门", "省级主管部门", "所属部门")),
        Field("part", "部分", "Part", choices=tuple(PART_LABELS.items()), default="central",
              inherited=True, headers=("部分", "清单部分", "类别")),
        Field("parent_id", "所属主项", "Main item", REFERENCE, reference=LICENCE),
        _SEQUENCE,
        Field("implementing_authority", "实施机关", "Implementing authority",
              headers=("实施机关", "实施主体", "实施单位", "审批机关", "许可机关")),
        Field("legal_basis", "设定和实施依据", "Legal basis", MULTILINE, citations=True,
              headers=("设定和实施依据", "设定依据", "实施依据", "法律依据", "设立依据", "依据")),
        Field("level", "行使层级", "Level", choices=_pairs(LEVELS), open_choices=True,
              headers=("行使层级", "实施层级", "层级")),
        Field("code", "事项编码", "Item code", CODE,
              headers=("事项编码", "基本编码", "实施编码", "业务编码", "事项代码")),
        Field("certificate", "许可证件名称", "Certificate", headers=("许可证件名称", "许可证书名称", "证照名称")),
        Field("upper_ref", "对应上级清单序号", "Upper list No.", CODE,
              headers=("对应上级清单序号", "中央行政许可事项清单(2022年版)序号", "中央行政许可事项清单序号",
                       "对应省清单序号", "对应国家清单序号", "上级清单序号")),
        Field("list_year", "清单版本", "List year", headers=("清单版本", "版本", "年度")),
        _STATUS,
        _REMARK,
        _POSITION,
    ),
)

POWER_KIND = RecordKind(
    POWER, "power", KIND_LABELS[POWER], "enforcement power", sub_items=True,
    noun="执法事项",
    belongings=(Belonging("sub_items", POWER, "parent_id = ?", "子项"),
                Belonging("children", DELEGATION, "power_id IN (SELECT id FROM power WHERE id = ? OR parent_id = ?)",
                          "赋权承接")),
    fields=(
        Field("name", "事项名称", "Power name", required=True, pinyin_key=True,
              headers=("事项名称", "赋权事项名称", "职权名称", "处罚行为(违法行为)", "处罚行为（违法行为）")),
        Field("department_id", "原实施主体", "Original department", REFERENCE, required=True,
              reference=DEPARTMENT, by_name="department", inherited=True,
              headers=("原实施主体", "原行使部门", "原实施部门", "实施单位")),
        Field("parent_id", "所属主项", "Main item", REFERENCE, reference=POWER),
        Field("code", "事项编码", "Power code", CODE, headers=("事项编码", "职权编码", "权力编码", "事项代码")),
        _SEQUENCE,
        Field("power_type", "职权类型", "Power type", choices=_pairs(POWER_TYPES), open_choices=True,
              headers=("职权类型", "职权类别", "事项类型", "事项类别")),
        Field("domain", "执法领域", "Domain", headers=("执法领域", "领域")),
        Field("legal_basis", "实施依据", "Enforcement basis", MULTILINE, citations=True,
              headers=("实施依据", "执法依据", "赋权事项的执法依据", "法律依据", "依据")),
        Field("penalty_range", "处罚种类及幅度", "Penalty range", MULTILINE, headers=("处罚种类及幅度",)),
        *RESPONSIBILITY_DETAILS,
        Field("extra_json", "其他列", "Other columns", JSON),
        _STATUS,
        _REMARK,
        _POSITION,
    ),
)

DELEGATION_KIND = RecordKind(
    DELEGATION, "delegation", KIND_LABELS[DELEGATION], "delegation", noun="赋权", shown_in=(POWER,),
    fields=(
        Field("power_id", "执法事项", "Power", REFERENCE, required=True, reference=POWER, by_name="power"),
        Field("region_id", "承接主体", "Receiving township", REFERENCE, required=True, reference=REGION,
              by_name="region", headers=("承接主体", "承接单位", "赋权街镇", "调整后实施主体", "承接镇街")),
        Field("batch_id", "批次", "Batch", REFERENCE, reference=BATCH, by_name="batch", headers=("批次",)),
        Field("mode", "下放方式", "Mode", choices=_pairs(DELEGATION_MODES), open_choices=True,
              headers=("下放方式", "调整方式", "赋权方式")),
        Field("scope", "赋权范围", "Scope", choices=_pairs(DELEGATION_SCOPES), open_choices=True,
              headers=("赋权范围", "下放权限", "行使范围")),
        Field("effective_date", "生效时间", "Effective date", DATE,
              headers=("生效时间", "实施时间", "起始时间", "交接日期")),
        Field("change_kind", "调整类型", "Change", choices=_pairs(CHANGE_KINDS),
              default=CHANGE_KINDS[0], headers=("调整类型", "变更类型", "调整情况")),
        Field("document_number", "文号", "Document number", DOCUMENT_NUMBER, headers=("文号", "发文字号")),
        Field("document_number_raw", "文号原文", "Document number as written"),
        _REMARK,
    ),
)

DEPARTMENT_KIND = RecordKind(
    DEPARTMENT, "department", KIND_LABELS[DEPARTMENT], "department", alias_table="department_alias",
    noun="部门", guard_message="部门“{name}”下还有 {counts}，不能删除；可先把它合并到其他部门。",
    guards=(DeleteGuard("licence_item", "department_id", "项许可事项"),
            DeleteGuard("power", "department_id", "项执法事项")),
    fields=(
        Field("name", "部门名称", "Department name", required=True, pinyin_key=True,
              headers=("部门名称", "部门全称", "单位名称")),
        Field("aliases", "简称", "Short names", ALIASES, headers=("简称", "别名", "曾用名")),
        Field("level", "层级", "Level", choices=_pairs(DEPARTMENT_LEVELS), open_choices=True, headers=("层级",)),
        Field("region_id", "所属区划", "Region", REFERENCE, reference=REGION, by_name="region",
              headers=("所属区划", "所属地区")),
        Field("credit_code", "统一社会信用代码", "Credit code", CODE, headers=("统一社会信用代码",)),
        _REMARK,
    ),
)

REGION_KIND = RecordKind(
    REGION, "region", KIND_LABELS[REGION], "region", alias_table="region_alias",
    noun="区划", guard_message="区划“{name}”下还有 {counts}，不能删除。",
    guards=(DeleteGuard("region", "parent_id", "个下级区划"),
            DeleteGuard("delegation", "region_id", "条赋权"),
            DeleteGuard("department", "region_id", "个部门")),
    fields=(
        Field("name", "区划名称", "Region name", required=True, pinyin_key=True),
        Field("kind", "区划类型", "Region kind", required=True, choices=tuple(REGION_KINDS.items())),
        Field("parent_id", "上级区划", "Parent region", REFERENCE, reference=REGION, by_name="parent"),
        Field("code", "区划代码", "Region code", CODE),
        Field("aliases", "简称", "Other names", ALIASES),
        _POSITION,
        _REMARK,
    ),
)

BATCH_KIND = RecordKind(
    BATCH, "batch", KIND_LABELS[BATCH], "batch",
    noun="批次", guard_message="批次“{name}”中还有 {counts}，不能删除。",
    guards=(DeleteGuard("delegation", "batch_id", "条赋权"),),
    fields=(
        Field("name", "批次", "Batch", required=True, pinyin_key=True),
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
