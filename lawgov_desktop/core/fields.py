"""The vocabulary of the lists: the kinds of record and of list, and the values fields take
(parts, levels, power types, statuses…) with how a cell or a heading writes them.

Every layer names kinds and values through these constants, so the window, the command line, the
importer, the exporters and the library never disagree.  What each kind is made of (its fields,
labels and header synonyms) is described in ``core.kinds``; the workbook layouts built from those
descriptions are in ``core.layouts``.  Pure data: cheap to import.
"""

from __future__ import annotations

import re

# Kinds of record a list holds.
LICENCE = "licence"
POWER = "power"
DELEGATION = "delegation"
DEPARTMENT = "department"
REGION = "region"
BATCH = "batch"
# A department's list of its own powers and responsibilities (权责清单): a layout of workbook
# the importer reads; its items are stored as powers, with their duties and accountability.
RESPONSIBILITY = "responsibility"
# A saved version of the lists, and the import history: kinds the change log and the window name.
LIST_VERSION = "list_version"
IMPORTS = "imports"

KIND_LABELS = {
    LICENCE: "行政许可事项",
    POWER: "赋权执法事项",
    DEPARTMENT: "部门",
    REGION: "行政区划",
    RESPONSIBILITY: "权责清单",
    DELEGATION: "赋权承接",
    BATCH: "批次",
    LIST_VERSION: "清单版本",
}


# Parts of a licence list.  Keys are stable identifiers used in files and the CLI.
CENTRAL = "central"
LOCAL = "local"
VERTICAL = "vertical"
OTHER = "other"
PARTS = (CENTRAL, LOCAL, VERTICAL, OTHER)
PART_LABELS = {
    CENTRAL: "中央层面设定",
    LOCAL: "地方性法规、省政府规章设定",
    VERTICAL: "垂直管理机构实施",
    OTHER: "其他",
}
# Phrases that identify a part inside a heading; checked in this order (vertical first, since
# "垂直管理机构实施的中央层面设定事项" must not count as central).
PART_PHRASES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (VERTICAL, ("垂直管理机构实施", "垂直管理")),
    (LOCAL, ("地方性法规、省政府规章设定", "地方性法规", "省政府规章", "地方层面设定", "地方设定",
             "省级地方性法规")),
    (CENTRAL, ("中央层面设定", "中央设定", "承接中央、省级层面设定", "承接中央", "中央层面")),
)


def part_from_text(text: str) -> str | None:
    """The part a heading or a cell names ("一、…中央层面设定…（共439项）" → central), else None."""
    if not text:
        return None
    compact = "".join(text.split())
    if compact in PARTS:
        return compact
    for part, phrases in PART_PHRASES:
        if any(phrase in compact for phrase in phrases):
            return part
    if compact in ("其他", "其它"):
        return OTHER
    return None


LEVELS = ("国家级", "省级", "市级", "县级", "乡(镇、街道)级", "分级管理")
DEPARTMENT_LEVELS = ("省级", "市级", "县级", "镇级")
POWER_TYPES = (
    "行政许可", "行政处罚", "行政强制", "行政征收", "行政给付", "行政检查",
    "行政确认", "行政奖励", "行政裁决", "其他行政权力",
)
OTHER_POWER_TYPE = POWER_TYPES[-1]
_POWER_TYPE_SPELLINGS = {"其他": OTHER_POWER_TYPE, "其它": OTHER_POWER_TYPE, "其它行政权力": OTHER_POWER_TYPE,
                         "其他权力": OTHER_POWER_TYPE, "其他职权": OTHER_POWER_TYPE}


def power_type_from_text(value: str) -> tuple[str, bool]:
    """The standard type a cell or sheet name writes ("行政\n处罚", "其它" → 其他行政权力), and
    whether it is one of the ten standard types (an unknown type is kept as written)."""
    compact = "".join(value.split())
    compact = _POWER_TYPE_SPELLINGS.get(compact, compact)
    if compact not in POWER_TYPES:  # "行政处罚类", "其他行政权力事项"
        bare = re.sub(r"(?:类事项|事项|类)$", "", compact)
        bare = _POWER_TYPE_SPELLINGS.get(bare, bare)
        if bare in POWER_TYPES:
            return bare, True
    return compact, compact in POWER_TYPES


def power_type_order(power_type: str | None) -> tuple[int, str]:
    """Sort key for power types as a 权责清单 lists them: the ten standard types in their published
    order, then any other type as written (by name), then powers with no type."""
    if power_type in POWER_TYPES:
        return POWER_TYPES.index(power_type), ""
    return (len(POWER_TYPES), power_type) if power_type else (len(POWER_TYPES) + 1, "")


DELEGATION_MODES = ("依法下放", "委托实施")
DELEGATION_SCOPES = ("全部", "部分")
CHANGE_KINDS = ("新增", "收回", "范围扩展")
STATUSES = ("有效", "已取消", "暂停")
DEFAULT_STATUS = "有效"

# Region kinds, from the top of the tree down.
REGION_KINDS = {
    "city": "地级市",
    "district": "市辖区",
    "county": "县",
    "county_city": "县级市",
    "zone": "功能区",
    "town": "镇",
    "street": "街道",
    "township": "乡",
}
