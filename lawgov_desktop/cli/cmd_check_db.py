"""``lawgov check-db [--json]``: the full integrity check (exit 1 when anything is wrong); on a
server database the reference and search-index checks."""

from __future__ import annotations

import argparse
from typing import TextIO

from lawgov_desktop.core.backup import newest_good_backup
from lawgov_desktop.core.integrity import check_database
from lawgov_desktop.core.location import Location

from .errors import EXIT_FAILED
from .options import SubParsers, write_json


def add_parser(commands: SubParsers) -> argparse.ArgumentParser:
    """``check-db [--json]``."""
    parser = commands.add_parser(
        "check-db", help="全面检查数据库",
        description="全面检查数据库：结构完整性（integrity_check）、外键引用、检索索引；只读，不改动文件。"
                    "服务器数据库检查外键引用和检索索引（结构完整性由服务器负责）。")
    parser.add_argument("--json", action="store_true", help="输出 JSON")
    parser.set_defaults(run_on_file=run)
    return parser


def run(database: Location, args: argparse.Namespace, out: TextIO) -> int:
    """Print the report; a failed check names the newest sound backup."""
    report = check_database(database)
    backup = None if report.ok else newest_good_backup(database)
    if args.json:
        write_json(out, {**report.to_json(), "newest_good_backup": backup.to_json() if backup else None})
    else:
        lines = report.lines()
        if backup is not None:
            lines.append(f"最新的完好备份：{backup.created:%Y-%m-%d %H:%M}（{backup.reason_label}）“{backup.path}”，"
                         f"可运行 lawgov restore \"{backup.path}\" 恢复。")
        out.write("\n".join(lines) + "\n")
    return 0 if report.ok else EXIT_FAILED
