"""Chinese column titles and display values for what the library returns.

A field is titled by its label in the kind descriptions (``core.kinds``, through
``core.layouts.field_label``: 主管部门 for a licence item's department, 原实施主体 for a power's);
this adds the names of the columns the list queries derive (counts, joined names) and of the
change log and import history.
"""

from __future__ import annotations

from typing import Any

from lawgov_desktop.core.fields import KIND_LABELS
from lawgov_desktop.core.kinds import KINDS
from lawgov_desktop.core.layouts import field_label
from lawgov_desktop.core.queries import extra_from_json
from lawgov_desktop.core.records import EXTRA_LABEL

# Columns no kind describes: what the list queries join or count, the change log, the import history.
_DERIVED_LABELS = {
    "id": "编号",
    "main_item": "所属主项",
    "batches": "批次",
    "receiving": "承接主体",
    "sub_item_count": "子项数",
    "licence_count": "许可事项数",
    "power_count": "执法事项数",
    "kind": "类型",
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
# Values stored as a key and shown as a label (a part, a region kind), from the kinds' choices.
_SHOWN_AS = {f.key: dict(f.choices) for kind in KINDS.values() for f in kind.fields
             if any(stored != shown for stored, shown in f.choices)}
_ACTIONS = {"create": "新增", "update": "修改", "delete": "删除"}


def title(kind: str | None, key: str) -> str:
    """The Chinese title of a field of ``kind`` ("department_id" of a licence → 主管部门)."""
    label = field_label(kind, key) if kind else key
    if label != key:
        return label
    return _DERIVED_LABELS.get(key) or _DERIVED_LABELS.get(key.removesuffix("_id"), key)


def display(key: str, value: Any) -> str:
    """A value as a clerk reads it: part and region-kind keys in Chinese, nothing for None."""
    if value is None:
        return ""
    if key in _SHOWN_AS:
        return _SHOWN_AS[key].get(value, str(value))
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
