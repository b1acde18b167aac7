"""The vocabulary of the three lists: field keys, Chinese labels, header synonyms, parts.

One place for it so that the importer (which recognises headers), the exporters (which write
headers the importer reads back), the window (column titles) and the library (validation
messages) never disagree about what a field is called.  Pure data: cheap to import.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Kinds of record a list holds.
LICENCE = "licence"
POWER = "power"
DEPARTMENT = "department"
REGION = "region"
# A department's list of its own powers and responsibilities (权责清单): a layout of workbook
# the importer reads; its items are stored as powers, with their duties and accountability.
RESPONSIBILITY = "responsibility"

KIND_LABELS = {
    LICENCE: "行政许可事项",
    POWER: "赋权执法事项",
    DEPARTMENT: "部门",
    REGION: "行政区划",
    RESPONSIBILITY: "权责清单",
    "delegation": "赋权承接",
    "batch": "批次",
    "list_version": "清单版本",
}


@dataclass(frozen=True)
class FieldSpec:
    """One field of a record kind: its key, its Chinese label and the headers that mean it."""

    key: str
    label: str
    headers: tuple[str, ...] = ()
    required: bool = False


# Header synonyms as they appear in real workbooks (../shared/DOMAIN.md).  The first header of
# each field is the one our own exports write, so an export always reads back.
LICENCE_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("sequence", "序号", ("序号",)),
    FieldSpec(
        "upper_ref",
        "对应上级清单序号",
        ("对应上级清单序号", "中央行政许可事项清单(2022年版)序号", "中央行政许可事项清单序号",
         "对应省清单序号", "对应国家清单序号", "上级清单序号"),
    ),
    FieldSpec("part", "部分", ("部分", "清单部分", "类别")),
    FieldSpec(
        "department",
        "主管部门",
        ("主管部门", "市主管部门", "区级主管部门", "县级主管部门", "省级主管部门", "所属部门"),
        required=True,
    ),
    FieldSpec(
        "name",
        "事项名称",
        ("事项名称", "许可事项名称", "行政许可事项名称", "项目名称", "实施清单事项名称", "主项名称"),
        required=True,
    ),
    FieldSpec("sub_item", "子项", ("子项", "子项名称", "办理事项", "业务办理项名称", "具体事项")),
    FieldSpec(
        "implementing_authority",
        "实施机关",
        ("实施机关", "实施主体", "实施单位", "审批机关", "许可机关"),
    ),
    FieldSpec(
        "legal_basis",
        "设定和实施依据",
        ("设定和实施依据", "设定依据", "实施依据", "法律依据", "设立依据", "依据"),
    ),
    FieldSpec("level", "行使层级", ("行使层级", "实施层级", "层级")),
    FieldSpec("code", "事项编码", ("事项编码", "基本编码", "实施编码", "业务编码", "事项代码")),
    FieldSpec("certificate", "许可证件名称", ("许可证件名称", "许可证书名称", "证照名称")),
    FieldSpec("list_year", "清单版本", ("清单版本", "版本", "年度")),
    FieldSpec("status", "状态", ("状态",)),
    FieldSpec("remark", "备注", ("备注", "说明")),
)

# What a 权责清单 says of a power beyond a delegation list: stored on every power, read by both
# layouts (a delegation list may carry them too), shown, searched, printed and exported.
# 实施层级及权限 is written over two columns in many files: the second ("level_scope") says what
# the level may do.
RESPONSIBILITY_DETAIL_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("handling_office", "承办机构", ("承办机构", "责任主体", "承办科室", "承办单位")),
    FieldSpec("level", "实施层级", ("实施层级及权限", "实施层级", "行使层级", "所属行政区划")),
    FieldSpec("level_scope", "实施权限", ("实施权限", "权限")),
    FieldSpec("duties", "部门职责", ("部门职责",)),
    FieldSpec("responsibility", "责任事项内容", ("责任事项内容", "责任事项")),
    FieldSpec("responsibility_basis", "责任事项依据", ("责任事项依据", "责任事项的依据")),
    FieldSpec("accountability_scope", "追责对象范围", ("追责对象范围",)),
    FieldSpec("accountability_cases", "追责情形", ("追责情形",)),
)
RESPONSIBILITY_DETAIL_KEYS = tuple(spec.key for spec in RESPONSIBILITY_DETAIL_FIELDS)

POWER_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("sequence", "序号", ("序号",)),
    FieldSpec("code", "事项编码", ("事项编码", "职权编码", "权力编码", "事项代码")),
    FieldSpec(
        "name",
        "事项名称",
        ("事项名称", "赋权事项名称", "职权名称", "处罚行为(违法行为)", "处罚行为（违法行为）"),
        required=True,
    ),
    FieldSpec("sub_item", "子项名称", ("子项名称", "子项")),
    FieldSpec("power_type", "职权类型", ("职权类型", "职权类别", "事项类型", "事项类别")),
    FieldSpec("domain", "执法领域", ("执法领域", "领域")),
    FieldSpec(
        "legal_basis",
        "实施依据",
        ("实施依据", "执法依据", "赋权事项的执法依据", "法律依据", "依据"),
    ),
    FieldSpec("penalty_range", "处罚种类及幅度", ("处罚种类及幅度",)),
    FieldSpec(
        "department",
        "原实施主体",
        ("原实施主体", "原行使部门", "原实施部门", "实施单位"),
        required=True,
    ),
    FieldSpec(
        "receiving",
        "承接主体",
        ("承接主体", "承接单位", "赋权街镇", "调整后实施主体", "承接镇街"),
    ),
    FieldSpec("mode", "下放方式", ("下放方式", "调整方式", "赋权方式")),
    FieldSpec("scope", "赋权范围", ("赋权范围", "下放权限", "行使范围")),
    FieldSpec("batch", "批次", ("批次",)),
    FieldSpec("effective_date", "生效时间", ("生效时间", "实施时间", "起始时间", "交接日期")),
    FieldSpec("change_kind", "调整类型", ("调整类型", "变更类型", "调整情况")),
    FieldSpec("document_number", "文号", ("文号", "发文字号")),
    *RESPONSIBILITY_DETAIL_FIELDS,
    FieldSpec("status", "状态", ("状态",)),
    FieldSpec("remark", "备注", ("备注", "说明")),
)

# The 权责清单 columns (a department's own list of all its powers).  The department comes from
# 行使主体, else 隶属机构 ("affiliation"), else the title or the file name.
RESPONSIBILITY_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("sequence", "序号", ("序号", "编号")),
    FieldSpec("code", "职权编码", ("职权编码", "权力编码", "事项编码", "权责事项编码")),
    FieldSpec("name", "事项名称", ("事项名称", "权力事项名称", "职权名称", "权责事项名称", "项目", "项目名称",
                                 "权力名称", "主项名称"), required=True),
    FieldSpec("sub_item", "子项名称", ("子项名称", "子项")),
    FieldSpec("power_type", "权力类型", ("权力类型", "职权类型", "权力类别", "职权类别", "事项类型")),
    FieldSpec("legal_basis", "实施依据", ("实施依据", "设定依据", "设定和实施依据", "法律依据", "执法依据")),
    FieldSpec("department", "行使主体", ("行使主体", "实施主体", "责任部门")),
    FieldSpec("affiliation", "隶属机构", ("隶属机构", "所属机构")),
    *RESPONSIBILITY_DETAIL_FIELDS,
    FieldSpec("remark", "备注", ("备注", "说明")),
)

DEPARTMENT_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("sequence", "序号", ("序号",)),
    FieldSpec("name", "部门名称", ("部门名称", "部门全称", "单位名称"), required=True),
    FieldSpec("aliases", "简称", ("简称", "别名", "曾用名")),
    FieldSpec("level", "层级", ("层级",)),
    FieldSpec("region", "所属区划", ("所属区划", "所属地区")),
    FieldSpec("credit_code", "统一社会信用代码", ("统一社会信用代码",)),
    FieldSpec("remark", "备注", ("备注", "说明")),
)

FIELDS_BY_KIND: dict[str, tuple[FieldSpec, ...]] = {
    LICENCE: LICENCE_FIELDS,
    POWER: POWER_FIELDS,
    DEPARTMENT: DEPARTMENT_FIELDS,
    RESPONSIBILITY: RESPONSIBILITY_FIELDS,
}


def field_label(kind: str, key: str) -> str:
    """The Chinese label of a field, or the key itself when the kind does not know it."""
    for spec in FIELDS_BY_KIND.get(kind, ()):
        if spec.key == key:
            return spec.label
    return COMMON_LABELS.get(key, key)


COMMON_LABELS = {
    "id": "编号",
    "parent_id": "所属主项",
    "department_id": "部门",
    "region_id": "所属区划",
    "parent": "上级区划",
    "kind": "类型",
    "power_id": "执法事项",
    "batch_id": "批次",
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
