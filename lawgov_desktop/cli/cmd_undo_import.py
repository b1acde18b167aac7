"""``lawgov undo-import ID``: put the records back exactly as they were before one import."""

from __future__ import annotations

import argparse
from typing import TextIO

from lawgov_desktop.core.library import Library

from .options import SubParsers


def add_parser(commands: SubParsers) -> argparse.ArgumentParser:
    """``undo-import ID``."""
    parser = commands.add_parser("undo-import", help="撤销一次导入",
                                 description="撤销一次导入：移除它新增的记录，恢复它修改或替换掉的记录（先自动备份）。")
    parser.add_argument("import_id", type=int, metavar="ID", help="导入编号（见 lawgov imports）")
    parser.set_defaults(run=run)
    return parser


def run(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    """Undo and say how much was taken back."""
    counts = library.imports.undo_import(args.import_id)
    out.write(f"已撤销第 {args.import_id} 次导入：移除 {counts['removed']} 项新增记录，"
              f"恢复 {counts['restored']} 处修改或删除。\n")
    return 0
