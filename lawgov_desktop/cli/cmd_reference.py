"""``lawgov reference import|list|delete``: upper (provincial or national) lists to check against."""

from __future__ import annotations

import argparse
from typing import TextIO

from lawgov_desktop.core.errors import NotFoundError
from lawgov_desktop.core.library import Library
from lawgov_desktop.importers.reference_list import import_reference

from .options import SubParsers, write_json
from .table import format_page


def resolve_reference(library: Library, name: str) -> int:
    """A stored upper list by name; an unknown name lists the known ones."""
    found = library.references.find_reference(name)
    if found is None:
        names = "、".join(row["name"] for row in library.references.upper_lists()) or "（尚未导入任何上级清单）"
        raise NotFoundError(f"未找到上级清单“{name}”；已导入：{names}。")
    return found


def add_parser(commands: SubParsers) -> argparse.ArgumentParser:
    """``reference import FILE --name NAME``, ``reference list [--json]``, ``reference delete NAME``."""
    parser = commands.add_parser("reference", help="导入、列出、删除上级清单（省级或国家清单）",
                                 description="上级清单用于核对本市清单的事项名称和主管部门（lawgov check）。")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True, title="操作")
    load = actions.add_parser("import", help="从工作簿导入一份上级清单")
    load.add_argument("file", metavar="FILE", help="上级清单工作簿（.xlsx/.xls/.ods/.csv）")
    load.add_argument("--name", required=True, metavar="NAME", help="清单名称，如 广东省2022年版")
    load.add_argument("--level", metavar="LEVEL", help="层级，如 省级、国家级")
    load.add_argument("--sheet", metavar="NAME", help="工作表（默认读取所有可识别的工作表）")
    load.add_argument("--replace", action="store_true", help="已有同名清单时覆盖")
    load.set_defaults(run=_import)
    listing = actions.add_parser("list", help="列出已导入的上级清单")
    listing.add_argument("--json", action="store_true", help="输出 JSON")
    listing.set_defaults(run=_list)
    delete = actions.add_parser("delete", help="删除一份上级清单")
    delete.add_argument("name", metavar="NAME", help="清单名称")
    delete.set_defaults(run=_delete)
    return parser


def _import(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    reference_id = import_reference(library, args.file, args.name, level=args.level, sheet=args.sheet,
                                    replace=args.replace)
    items = next(row["items"] for row in library.references.upper_lists() if row["id"] == reference_id)
    out.write(f"已导入上级清单“{args.name}”：{items} 项事项。可用“lawgov check --reference {args.name}”核对。\n")
    return 0


def _list(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    rows = library.references.upper_lists()
    if args.json:
        write_json(out, rows)
        return 0
    table = ([str(row["id"]), row["name"], row["level"] or "", str(row["items"]), row["created_at"]] for row in rows)
    out.write("\n".join(format_page(("编号", "名称", "层级", "事项", "导入时间"), table, len(rows), "份")) + "\n")
    return 0


def _delete(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    library.references.delete_reference(resolve_reference(library, args.name))
    out.write(f"已删除上级清单“{args.name}”。\n")
    return 0
