"""``lawgov reference import|list|delete``: upper (provincial or national) lists to check against."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from lawgov_desktop.core.fields import REGION
from lawgov_desktop.core.library import Library
from lawgov_desktop.importers.reference_list import import_reference

from .options import SubParsers, add_list_and_delete, resolve, resolve_reference, write_listing


def add_parser(commands: SubParsers) -> argparse.ArgumentParser:
    """``reference import FILE --name NAME``, ``reference list [--json]``, ``reference delete NAME``."""
    parser = commands.add_parser("reference", help="导入、列出、删除上级清单（省级或国家清单）",
                                 description="上级清单用于核对本市清单的事项名称、主管部门、实施机关和设定依据（lawgov check）；"
                                             "用 --region 导入的县区清单则对照市清单核对。")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True, title="操作")
    load = actions.add_parser("import", help="从工作簿导入一份上级清单")
    load.add_argument("file", metavar="FILE", help="上级清单工作簿（.xlsx/.xls/.ods/.csv）")
    load.add_argument("--name", required=True, metavar="NAME", help="清单名称，如 广东省2022年版")
    load.add_argument("--level", metavar="LEVEL", help="层级，如 省级、国家级")
    load.add_argument("--region", metavar="REGION",
                      help="下级区划的清单（如 海丰县）：核对时对照其上级区划的清单（汕尾市为当前清单），不得超出上级清单")
    load.add_argument("--sheet", metavar="NAME", help="工作表（默认读取所有可识别的工作表）")
    load.add_argument("--replace", action="store_true", help="已有同名清单时覆盖")
    load.set_defaults(run=_import)
    add_list_and_delete(actions, ("列出已导入的上级清单", _list), ("删除一份上级清单", _delete), "清单名称")
    return parser


def _import(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    region_id = resolve(library, REGION, args.region) if args.region else None
    reference_id = import_reference(library, args.file, args.name, level=args.level, sheet=args.sheet,
                                    region_id=region_id, replace=args.replace)
    items = next(row["items"] for row in library.references.upper_lists() if row["id"] == reference_id)
    out.write(f"已导入上级清单“{args.name}”：{items} 项事项。可用“lawgov check --reference {args.name}”核对。\n")
    return 0


def _list(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    return write_listing(out, args.json, library.references.upper_lists(),
                         ("编号", "名称", "层级", "区划", "事项", "导入时间"), _cells, "份")


def _cells(row: dict[str, Any]) -> list[str]:
    return [str(row["id"]), row["name"], row["level"] or "", row["region"] or "", str(row["items"]), row["created_at"]]


def _delete(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    library.references.delete_reference(resolve_reference(library, args.name))
    out.write(f"已删除上级清单“{args.name}”。\n")
    return 0
