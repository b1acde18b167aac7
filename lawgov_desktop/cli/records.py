"""Record fields on the command line, for ``add`` and ``edit``.

Each record kind gets its own sub-command (``lawgov add licence --name …``) whose options are
generated from the kind's description (``core.kinds``): every stored column, plus the fields
given by a name instead of an id (``--department 市发改局``), the aliases and a power's extra
columns, so ``--help`` lists exactly the fields that kind has.  A JSON document (``--json
'{"name": …}'`` or ``--json @file.json``) gives the same fields; options given as well win over
the document.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lawgov_desktop.core.fields import BATCH, DEPARTMENT, KIND_LABELS, POWER, REGION
from lawgov_desktop.core.kinds import ALIASES, JSON, KINDS, RECORD_KINDS, REFERENCE, Field

from .errors import UsageError
from .labels import title
from .options import KIND_NAMES

# How a record given by name is named.
_NAMED_BY = {
    DEPARTMENT: "部门全称或简称",
    REGION: "区划名称或别名",
    BATCH: "批次名称",
    POWER: "执法事项编码或名称",
}
_RULE_HELP = {
    ALIASES: "多个用“、”分隔",
    JSON: 'JSON 对象，如 {"救助渠道": "12345"}',
}
_DEST_PREFIX = "field_"


def _given_as(described: Field) -> str | None:
    """The option a field is also given under: a reference by its name, a power's extra columns
    as an object (``extra``), the aliases as a list; None when only its column is given."""
    if described.rule == REFERENCE:
        return described.by_name
    if described.rule == JSON:
        return described.key.removesuffix("_json")
    return described.key if described.rule == ALIASES else None


def record_fields(kind: str) -> tuple[str, ...]:
    """The field keys ``add``/``edit`` accept for ``kind``: names first, then the stored columns."""
    named = (_given_as(described) for described in KINDS[kind].fields)
    return (*(name for name in named if name), *KINDS[kind].columns)


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
    described = next((f for f in KINDS[kind].fields if key in (f.key, _given_as(f))), None)
    if described is None:
        return text
    if described.rule == REFERENCE:
        text += "（编号）" if key == described.key else f"（{_NAMED_BY[str(described.reference)]}）"
    elif key == _given_as(described):
        text += f"（{_RULE_HELP[described.rule]}）"
    if described.choices:
        text += "：" + "、".join(stored for stored, _shown in described.choices)
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
