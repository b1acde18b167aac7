"""``lawgov backups [--json]``: the backups of the database, newest first, as the restore window lists them."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from lawgov_desktop.core.backup import list_backups

from .options import SubParsers, write_json
from .table import format_page

_STATES = {True: "完好", False: "已损坏", None: "未检查"}


def add_parser(commands: SubParsers) -> argparse.ArgumentParser:
    """``backups [--json]``."""
    parser = commands.add_parser("backups", help="列出备份", description="列出数据库的备份（时间、原因、记录数），最新的在前。")
    parser.add_argument("--json", action="store_true", help="输出 JSON")
    parser.set_defaults(run_on_file=run)
    return parser


def run(database: Path, args: argparse.Namespace, out: TextIO) -> int:
    """Print the backups."""
    backups = list_backups(database)
    if args.json:
        write_json(out, {"total": len(backups), "rows": [info.to_json() for info in backups]})
        return 0
    rows = ([f"{info.created:%Y-%m-%d %H:%M:%S}", info.reason_label, info.counts_text(), _STATES[info.sound],
             str(info.path)] for info in backups)
    out.write("\n".join(format_page(["时间", "原因", "记录数", "状态", "文件"], rows, len(backups), "份")) + "\n")
    return 0
