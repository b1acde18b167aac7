"""``lawgov init``: create the database (with Shanwei's regions), or check and migrate an existing one."""

from __future__ import annotations

import argparse
from typing import TextIO

from lawgov_desktop.core.library import Library

from .options import SubParsers


def add_parser(commands: SubParsers) -> argparse.ArgumentParser:
    """``init`` takes no options; it is the one command allowed to create the database file."""
    parser = commands.add_parser("init", help="新建数据库，或检查、升级已有的数据库",
                                 description="新建数据库（载入汕尾市行政区划），或检查并升级已有的数据库。")
    parser.set_defaults(run=run, creates_database=True)
    return parser


def run(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    """Say where the database is, whether it is new, and what it holds."""
    state = "已新建" if library.created else "已就绪"
    stats = library.stats.compute()
    batches = library.lists.query("batch", limit=0).total
    out.write(f"数据库{state}：{library.path}\n")
    out.write(f"行政许可事项 {stats['licence_items']['total']} 项（子项 {stats['licence_items']['sub_items']} 项），"
              f"赋权执法事项 {stats['powers']['total']} 项，批次 {batches} 个，"
              f"部门 {stats['departments']} 个，行政区划 {stats['regions']} 个。\n")
    return 0
