"""Chinese column titles and display values for what the library returns.

Field labels come from ``core.fields``; this adds the names of the derived columns the list
queries return (counts, joined names) and the kind-specific meaning of ``department``.
"""

from __future__ import annotations

from typing import Any

from lawgov_desktop.core.fields import (
    COMMON_LABELS,
    FIELDS_BY_KIND,
    KIND_LABELS,
    LICENCE,
    PART_LABELS,
    POWER,
    REGION_KINDS,
)
from lawgov_desktop.core.library import EXTRA_LABEL
from lawgov_desktop.core.queries import extra_from_json

_DERIVED_LABELS = {
    "name": "名称",
    "region": "区划",
    "parent": "上级区划",
    "main_item": "所属主项",
    "power": "执法事项",
    "batch": "批次",
    "batches": "批次",
    "aliases": "简称",
    "receiving": "承接主体",
    "sub_item_count": "子项数",
    "licence_count": "许可事项数",
    "power_count": "执法事项数",
    "kind": "类型",
    "code": "编码",
    "level": "层级",
    "position": "排序",
    "published_on": "发布日期",
    "document_number": "文号",
    "document_number_raw": "原文号",
    "credit_code": "统一社会信用代码",
    "remark": "备注",
    "created_at": "创建时间",
    "updated_at": "修改时间",
    "version_id": "版本",
    "at": "时间",
    "user": "用户",
    "action": "操作",
    "summary": "摘要",
    "entity": "记录类型",
    "entity_id": "记录编号",
    "file_name": "文件",
    "file_sha256": "SHA-256",
    "sheet": "工作表",
    "mode": "方式",
    "inserted": "新增",
    "updated": "更新",
    "unchanged": "未变",
    "rejected": "拒绝",
    "undone_at": "撤销时间",
    "extra": EXTRA_LABEL,
    "extra_json": EXTRA_LABEL,
}
# Where a field means something particular to one kind.
_KIND_LABELS = {
    (LICENCE, "parent_id"): "所属主项",
    (POWER, "parent_id"): "所属主项",
    ("delegation", "region_id"): "承接主体",
    ("delegation", "region"): "承接主体",
}
_ACTIONS = {"create": "新增", "update": "修改", "delete": "删除"}


def title(kind: str | None, key: str) -> str:
    """The Chinese title of a field of ``kind`` ("department_id" of a licence → 主管部门)."""
    if (kind, key) in _KIND_LABELS:
        return _KIND_LABELS[(kind, key)]
    specs = FIELDS_BY_KIND.get(POWER if kind == "delegation" else kind or "", ())
    base = key.removesuffix("_id")
    for candidate in (key, base):
        for spec in specs:
            if spec.key == candidate:
                return spec.label
    return _DERIVED_LABELS.get(key) or _DERIVED_LABELS.get(base) or COMMON_LABELS.get(key, key)


def display(key: str, value: Any) -> str:
    """A value as a clerk reads it: part and region-kind keys in Chinese, nothing for None."""
    if value is None:
        return ""
    if key == "part":
        return PART_LABELS.get(value, str(value))
    if key == "kind":
        return REGION_KINDS.get(value, str(value))
    if key == "action":
        return _ACTIONS.get(value, str(value))
    if key == "entity":
        return KIND_LABELS.get(value, str(value))
    if key == "extra_json":
        return "；".join(f"{header}：{text}" for header, text in extra_from_json(value).items())
    if key == "at" or key.endswith("_at"):
        return str(value)[:19].replace("T", " ")  # local time to the second; the offset is noise here
    if isinstance(value, list | tuple):
        return "、".join(str(item) for item in value)
    return str(value)


def record_title(kind: str, record: dict[str, Any]) -> str:
    """What a clerk calls a record: its name; a delegation is "power → township"."""
    if kind == "delegation":
        return f"{record.get('power')} → {record.get('region')}"
    return str(record.get("name") or record.get("id"))
