"""``lawgov copy-db SRC DST [--json]``: copy a whole database between a SQLite file and a server.

A laptop copy of the office's server database for work away from it, the way back, or a
portable backup; the target must be new (a file) or empty (a server database).
"""

from __future__ import annotations

import argparse
from typing import TextIO

from lawgov_desktop.core.copy_db import copy_database
from lawgov_desktop.core.db import resolve_location

from .options import SubParsers, write_json
from .progress import ProgressBar


def add_parser(commands: SubParsers) -> argparse.ArgumentParser:
    """``copy-db SRC DST [--json]``."""
    parser = commands.add_parser(
        "copy-db", help="在 SQLite 文件和服务器数据库之间复制整个数据库",
        description="把整个数据库（SRC）复制到新的 SQLite 文件或空的 PostgreSQL 服务器数据库（DST），"
                    "或反过来；保留全部记录及其编号，重建检索索引，并用每张表的记录数和 SHA-256 校验值核对两边。"
                    "目标必须是新文件或空数据库，不会覆盖已有数据；失败时目标恢复为空。")
    parser.add_argument("source", metavar="SRC", help="源数据库：文件路径或 postgresql://用户@主机:端口/数据库")
    parser.add_argument("target", metavar="DST", help="目标：新的文件路径，或空的 postgresql:// 数据库")
    parser.add_argument("--json", action="store_true", help="输出 JSON")
    parser.set_defaults(run_without_database=run)
    return parser


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Copy, then print the counts per table and the digest both sides agree on."""
    with ProgressBar() as bar:
        report = copy_database(resolve_location(args.source), resolve_location(args.target), bar)
    if args.json:
        write_json(out, report.to_json())
    else:
        out.write("\n".join(report.lines()) + "\n")
    return 0
