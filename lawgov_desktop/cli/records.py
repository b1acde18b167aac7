"""Record fields on the command line, for ``add`` and ``edit``.

Each record kind gets its own sub-command (``lawgov add licence --name …``) whose options are
generated from ``core.library.COLUMNS`` plus the fields that take a name instead of an id
(``--department 市发改局``), so ``--help`` lists exactly the fields that kind has.  A JSON
document (``--json '{"name": …}'`` or ``--json @file.json``) gives the same fields; options
given as well win over the document.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lawgov_desktop.core.fields import (
    CHANGE_KINDS,
    DELEGATION_MODES,
    DELEGATION_SCOPES,
    DEPARTMENT,
    DEPARTMENT_LEVELS,
    KIND_LABELS,
    LEVELS,
    LICENCE,
    PARTS,
    POWER,
    POWER_TYPES,
    REGION,
    REGION_KINDS,
    STATUSES,
)
from lawgov_desktop.core.library import BATCH, COLUMNS, DELEGATION, RECORD_KINDS

from .errors import UsageError
from .labels import title
from .options import KIND_NAMES

# Fields given by name that the library resolves to an id column (or, for aliases, a list; for a
# power's extra columns, their JSON).
REFERENCE_FIELDS: dict[str, tuple[str, ...]] = {
    LICENCE: ("department",),
    POWER: ("department", "extra"),
    DELEGATION: ("power", "region", "batch"),
    DEPARTMENT: ("region", "aliases"),
    REGION: ("parent", "aliases"),
    BATCH: (),
}
_REFERENCE_HELP = {
    "department": "部门全称或简称",
    "region": "区划名称或别名",
    "parent": "上级区划名称",
    "batch": "批次名称",
    "power": "执法事项编码或名称",
    "aliases": "简称，多个用“、”分隔",
    "extra": '其他列，JSON 对象，如 {"救助渠道": "12345"}',
}
_KNOWN_VALUES: dict[tuple[str, str], tuple[str, ...]] = {
    (LICENCE, "part"): PARTS,
    (LICENCE, "level"): LEVELS,
    (LICENCE, "status"): STATUSES,
    (POWER, "status"): STATUSES,
    (POWER, "power_type"): POWER_TYPES,
    (DELEGATION, "mode"): DELEGATION_MODES,
    (DELEGATION, "scope"): DELEGATION_SCOPES,
    (DELEGATION, "change_kind"): CHANGE_KINDS,
    (DEPARTMENT, "level"): DEPARTMENT_LEVELS,
    (REGION, "kind"): tuple(REGION_KINDS),
}
_DEST_PREFIX = "field_"


def record_fields(kind: str) -> tuple[str, ...]:
    """The field keys ``add``/``edit`` accept for ``kind``: name references first, then columns."""
    return (*REFERENCE_FIELDS[kind], *COLUMNS[kind])


def add_record_parsers(parent: argparse.ArgumentParser, *, with_id: bool, run: Callable[..., int]) -> None:
    """One sub-command per record kind under ``parent`` (``add`` or ``edit``), each running ``run``."""
    kinds = parent.add_subparsers(dest="record_kind", metavar="KIND", required=True,
                                  title="记录类型")
    for kind in RECORD_KINDS:
        aliases = [name for name in KIND_NAMES[kind] if name != kind]
        parser = kinds.add_parser(kind, aliases=aliases, help=KIND_LABELS[kind],
                                  description=f"{KIND_LABELS[kind]}的字段")
        parser.set_defaults(kind=kind, run=run)
        if with_id:
            parser.add_argument("id", type=int, metavar="ID", help="记录编号")
        parser.add_argument("--json", dest="document", metavar="JSON|@FILE",
                            help='字段的 JSON 文档，如 \'{"name": "…"}\'，或 @文件名 读取文件')
        for key in record_fields(kind):
            parser.add_argument("--" + key.replace("_", "-"), dest=_DEST_PREFIX + key, metavar="VALUE",
                                default=argparse.SUPPRESS, help=_field_help(kind, key))


def _field_help(kind: str, key: str) -> str:
    text = title(kind, key)
    if key in _REFERENCE_HELP:
        text += f"（{_REFERENCE_HELP[key]}）"
    elif key.endswith("_id"):
        text += "（编号）"
    values = _KNOWN_VALUES.get((kind, key))
    if values:
        text += "：" + "、".join(values)
    return text


def record_data(args: argparse.Namespace) -> dict[str, Any]:
    """The fields given on the command line: the JSON document, overridden by options."""
    data = _read_document(args.document) if args.document else {}
    for name, value in vars(args).items():
        if name.startswith(_DEST_PREFIX):
            data[name.removeprefix(_DEST_PREFIX)] = value
    if not data:
        raise UsageError("请至少给出一个字段，例如 --name，或用 --json 给出字段。")
    return data


def _read_document(text: str) -> dict[str, Any]:
    source = "JSON"
    if text.startswith("@"):
        source = text[1:]
        text = Path(source).read_text(encoding="utf-8-sig")
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(f"{source} 不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}）。") from exc
    if not isinstance(document, dict):
        raise UsageError(f"{source} 应是一个对象，如 {{\"name\": \"…\"}}。")
    return document
