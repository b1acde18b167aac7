"""``lawgov restore PATH [--yes]``: replace the data with a backup, after checking it and backing up
the current state (so a restore can itself be taken back)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from lawgov_desktop.core.backup import SERVER_RESTORE_REFUSED, read_backup_info
from lawgov_desktop.core.errors import DatabaseError
from lawgov_desktop.core.location import Location, ServerAddress
from lawgov_desktop.core.restore import restore_backup

from .errors import EXIT_FAILED, UsageError
from .options import SubParsers
from .prompts import confirmed


def add_parser(commands: SubParsers) -> argparse.ArgumentParser:
    """``restore PATH [--yes]``."""
    parser = commands.add_parser(
        "restore", help="从备份恢复数据库",
        description="用备份替换数据库中的全部数据：先检查备份的完整性，再备份当前数据库，然后恢复。"
                    "可用于已损坏的数据库（损坏的原件会保存在备份文件夹中）。")
    parser.add_argument("backup", type=Path, metavar="PATH", help="备份文件（见 lawgov backups）")
    parser.add_argument("--yes", "-y", action="store_true", help="不再询问，直接恢复")
    parser.set_defaults(run_on_file=run)
    return parser


def run(database: Location, args: argparse.Namespace, out: TextIO) -> int:
    """Ask (unless --yes), restore, and say where the replaced state was kept."""
    if isinstance(database, ServerAddress):  # refused before anything is asked or announced
        raise DatabaseError(SERVER_RESTORE_REFUSED)
    if not args.backup.is_file():
        raise UsageError(f"备份文件“{args.backup}”不存在")
    info = read_backup_info(args.backup)
    out.write(f"将用 {info.created:%Y-%m-%d %H:%M:%S} 的备份（{info.reason_label}；{info.counts_text()}）"
              f"替换数据库“{database}”中的全部数据。\n")
    out.flush()
    if not args.yes and not confirmed("恢复"):
        out.write("未恢复。\n")
        return EXIT_FAILED
    kept = restore_backup(database, args.backup)
    out.write(f"已恢复。恢复前的数据库已备份到“{kept}”，如需要可再恢复回去。\n")
    return 0
