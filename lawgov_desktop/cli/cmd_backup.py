"""``lawgov backup [PATH]``: a consistent copy of the database now, even while the window writes;
of a server database, a SQLite file (a portable backup any PC opens)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from lawgov_desktop.core.backup import make_backup, read_backup_info
from lawgov_desktop.core.location import Location, ServerAddress
from lawgov_desktop.core.safety import backup_target

from .options import SubParsers


def add_parser(commands: SubParsers) -> argparse.ArgumentParser:
    """``backup [PATH]``."""
    parser = commands.add_parser(
        "backup", help="备份数据库",
        description="用 SQLite 在线备份复制数据库（窗口正在写入时也得到一致的副本）；服务器数据库复制为一个 SQLite 文件"
                    "（经记录数和校验值核对），放在本用户数据文件夹中以服务器和数据库命名的备份文件夹里。"
                    "不给 PATH 时放入备份文件夹（只保留最近若干份）；给出 PATH（文件或文件夹）时另存一份。")
    parser.add_argument("path", nargs="?", type=Path, metavar="PATH", help="备份文件或文件夹（可选）")
    parser.set_defaults(run_on_file=run)
    return parser


def run(database: Location, args: argparse.Namespace, out: TextIO) -> int:
    """Copy, then say where the copy is and what it holds."""
    target = None if args.path is None else backup_target(database, args.path)
    info = read_backup_info(make_backup(database, "manual", target=target))
    state = "" if info.sound else "；注意：数据库未通过完整性检查，这份备份同样已损坏"
    what = "已把服务器数据库复制为 SQLite 文件" if isinstance(database, ServerAddress) else "已备份到"
    out.write(f"{what}“{info.path}”（{info.counts_text()}）{state}。\n")
    return 0
