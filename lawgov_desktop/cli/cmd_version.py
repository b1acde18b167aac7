"""``lawgov version save|list|delete``: named, read-only versions of the lists ("2022年版")."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from lawgov_desktop.core.library import Library

from .errors import EXIT_FAILED, UsageError
from .options import SubParsers, add_list_and_delete, resolve_version, write_listing
from .prompts import confirmed

_COLUMNS = ("id", "name", "created_at", "created_by", "licence_items", "sub_items", "powers", "delegations", "remark")
_HEADERS = ("编号", "版本名称", "保存时间", "保存人", "许可事项", "子项", "执法事项", "赋权承接", "备注")


def add_parser(commands: SubParsers) -> argparse.ArgumentParser:
    """``version save NAME [--remark TEXT]``, ``version list [--json]``, ``version delete NAME --yes``."""
    parser = commands.add_parser("version", help="保存、列出、删除清单版本",
                                 description="把当前的许可事项清单和赋权事项清单保存为只读版本（如“2022年版”），"
                                             "以后可查看、统计、比较。")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True, title="操作")
    save = actions.add_parser("save", help="把当前清单保存为一个版本")
    save.add_argument("name", metavar="NAME", help="版本名称，如 2022年版")
    save.add_argument("--remark", metavar="TEXT", help="备注")
    save.set_defaults(run=_save)
    add_list_and_delete(actions, ("列出已保存的版本", _list), ("删除一个版本（删除前自动备份数据库）", _delete),
                        "版本名称或编号", asks=True)
    return parser


def _save(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    version = library.versions.version(library.versions.save_version(args.name, args.remark))
    out.write(f"已保存版本“{version['name']}”：许可事项 {version['licence_items']} 项（子项 {version['sub_items']} 项），"
              f"执法事项 {version['powers']} 项。\n")
    return 0


def _list(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    return write_listing(out, args.json, library.versions.all_versions(), _HEADERS, _cells, "个版本")


def _cells(version: dict[str, Any]) -> list[str]:
    return [str(version[key] if version[key] is not None else "") for key in _COLUMNS]


def _delete(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    version_id = resolve_version(library, args.name)
    if version_id is None:
        raise UsageError("当前清单不是已保存的版本，不能删除。")
    name = library.versions.version(version_id)["name"]
    if not args.yes:
        out.write(f"将删除清单版本“{name}”（删除后不能撤销，删除前会自动备份数据库）。\n")
        out.flush()
        if not confirmed("删除", "版本"):
            out.write("未删除。\n")
            return EXIT_FAILED
    library.versions.delete_version(version_id)
    out.write(f"已删除清单版本“{name}”。\n")
    return 0
