"""Workbook layouts: the columns a licence list, a delegation list, a 权责清单 and a department list
carry, in the order our own exports write them.

A layout is made of the kinds' fields (``core.kinds`` holds their labels and header synonyms)
under the key the importer reads them as — a reference by its name (``department``), not its id —
plus the few columns only a workbook has: a sub-item's name on its own row, a delegation list's
receiving townships, a 权责清单's 隶属机构.  The importer recognises headers from these layouts,
the exporters write each field's first header so that an export reads back, and messages name a
field by its label.  Pure data: cheap to import.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .fields import DEPARTMENT, LICENCE, POWER, RESPONSIBILITY
from .kinds import (
    DELEGATION_KIND,
    DEPARTMENT_KIND,
    KINDS,
    LICENCE_KIND,
    POWER_KIND,
    RESPONSIBILITY_DETAILS,
    Field,
    RecordKind,
)


def kind_field(kind: RecordKind, name: str) -> Field | None:
    """The field of ``kind`` stored under ``name`` or given by that name (``department`` is
    ``department_id`` given by the department's name), or None."""
    return kind.field(name) or next((f for f in kind.fields if f.by_name == name), None)


def _column(kind: RecordKind, name: str, **changes: Any) -> Field:
    """The kind's field read under ``name``; ``changes`` are what a layout writes its own way."""
    found = kind_field(kind, name)
    if found is None:
        raise KeyError(f"{kind.key} has no field {name!r}")
    return replace(found, **{"key": name, **changes})


def _layout(kind: RecordKind, *columns: str | Field) -> tuple[Field, ...]:
    return tuple(column if isinstance(column, Field) else _column(kind, column) for column in columns)


def _with_the_rest(layout: tuple[Field, ...], *kinds: RecordKind, read_as: tuple[str, ...] = ()) -> tuple[Field, ...]:
    """``layout`` and after it every field of ``kinds`` a workbook carries (one with headers) that it
    does not list: a field added to a kind is read and written without touching the layout.
    ``read_as`` names fields the layout lists under another key (a delegation's region, read as
    its receiving townships)."""
    listed = {column.key for column in layout} | set(read_as)
    rest = [_column(kind, f.by_name or f.key) for kind in kinds for f in kind.fields
            if f.headers and f.key not in listed and (f.by_name or f.key) not in listed]
    return (*layout, *rest)


# Columns only a workbook has.
_LICENCE_SUB_ITEM = Field("sub_item", "子项", "Sub-item",
                          headers=("子项", "子项名称", "办理事项", "业务办理项名称", "具体事项"))
_SUB_ITEM = Field("sub_item", "子项名称", "Sub-item", headers=("子项名称", "子项"))
_AFFILIATION = Field("affiliation", "隶属机构", "Affiliation", headers=("隶属机构", "所属机构"))
_ROW_NUMBER = _column(LICENCE_KIND, "sequence")  # a department list numbers its rows as the item lists do

LICENCE_FIELDS = _with_the_rest(_layout(
    LICENCE_KIND, "sequence", "upper_ref", "part", "department", "name", _LICENCE_SUB_ITEM,
    "implementing_authority", "legal_basis", "level", "code", "certificate", "list_year", "status", "remark"),
    LICENCE_KIND)

# A delegation list: the power, then its delegation (to the townships it names), then what a
# 权责清单 says of the power.
POWER_FIELDS = _with_the_rest((
    *_layout(POWER_KIND, "sequence", "code", "name", _SUB_ITEM, "power_type", "domain", "legal_basis",
             "penalty_range", "department"),
    _column(DELEGATION_KIND, "region", key="receiving", required=False),  # a power listed before any delegation
    *_layout(DELEGATION_KIND, "mode", "scope", "batch", "effective_date", "change_kind", "document_number"),
    *RESPONSIBILITY_DETAILS,
    *_layout(POWER_KIND, "status", "remark"),
), POWER_KIND, DELEGATION_KIND, read_as=("region",))

# A department's own list of all its powers, as the lists are published: the powers' fields it
# carries, written with the 权责清单's own headers (a field added to powers is not one of them); the department comes from 行使主体, else 隶属机构 ("affiliation"), else the title or
# the file name, so no column is required for it.
RESPONSIBILITY_FIELDS = (
    _column(POWER_KIND, "sequence", headers=("序号", "编号")),
    _column(POWER_KIND, "code", label="职权编码", headers=("职权编码", "权力编码", "事项编码", "权责事项编码")),
    _column(POWER_KIND, "name", headers=("事项名称", "权力事项名称", "职权名称", "权责事项名称", "项目", "项目名称",
                                         "权力名称", "主项名称")),
    _SUB_ITEM,
    _column(POWER_KIND, "power_type", label="权力类型", headers=("权力类型", "职权类型", "权力类别", "职权类别", "事项类型")),
    _column(POWER_KIND, "legal_basis", headers=("实施依据", "设定依据", "设定和实施依据", "法律依据", "执法依据")),
    _column(POWER_KIND, "department", label="行使主体", headers=("行使主体", "实施主体", "责任部门"), required=False),
    _AFFILIATION,
    *RESPONSIBILITY_DETAILS,
    _column(POWER_KIND, "remark"),
)

DEPARTMENT_FIELDS = _with_the_rest(_layout(DEPARTMENT_KIND, _ROW_NUMBER, "name", "aliases", "level", "region",
                                           "credit_code", "remark"), DEPARTMENT_KIND)

# What a sub-item's row repeats of its main item in a workbook (merged cells, or written again so
# that the sheet stays filterable): read as the item's, not the sub-item's own, and written back.
SUB_ITEM_REPEATS: dict[str, tuple[str, ...]] = {
    LICENCE: ("sequence", "implementing_authority", "legal_basis", "level", "code", "certificate"),
    POWER: ("sequence", "code", "power_type", "domain", "legal_basis", "penalty_range", "status"),
}

FIELDS_BY_KIND: dict[str, tuple[Field, ...]] = {
    LICENCE: LICENCE_FIELDS,
    POWER: POWER_FIELDS,
    DEPARTMENT: DEPARTMENT_FIELDS,
    RESPONSIBILITY: RESPONSIBILITY_FIELDS,
}


def field_label(kind: str, key: str) -> str:
    """The Chinese label of a field as a list of ``kind`` names it (the layout's wording first,
    then the kind's own fields), or the key itself when nothing knows it."""
    for column in FIELDS_BY_KIND.get(kind, ()):
        if column.key == key:
            return column.label
    stored_as = POWER if kind == RESPONSIBILITY else kind  # a 权责清单's items are powers
    found = kind_field(KINDS[stored_as], key) if stored_as in KINDS else None
    if found is not None:
        return found.label
    return "编号" if key == "id" else key
