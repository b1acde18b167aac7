"""``lawgov delete KIND ID [--yes]``: delete one record and what belongs to it, after confirmation."""

from __future__ import annotations

import argparse
from typing import TextIO

from lawgov_desktop.core.fields import KIND_LABELS
from lawgov_desktop.core.kinds import RECORD_KINDS
from lawgov_desktop.core.library import Library

from .errors import EXIT_FAILED
from .labels import record_title
from .options import SubParsers, kind_help, kind_type
from .prompts import confirmed


def add_parser(commands: SubParsers) -> argparse.ArgumentParser:
    """``delete KIND ID [--yes]``."""
    parser = commands.add_parser("delete", help="删除一条记录（可用 undo 撤销）",
                                 description="删除一条记录及其子项、赋权或简称；可用 lawgov undo 撤销。")
    parser.add_argument("kind", type=kind_type(RECORD_KINDS), metavar="KIND", help=kind_help(RECORD_KINDS))
    parser.add_argument("id", type=int, metavar="ID", help="记录编号")
    parser.add_argument("--yes", "-y", action="store_true", help="不再询问，直接删除")
    parser.set_defaults(run=run)
    return parser


def run(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    """Say what goes with the record; delete only with --yes or a "y" typed at a terminal."""
    record = library.records.get(args.kind, args.id)
    impact = "、".join(f"{label} {count} 项" for label, count in library.records.delete_impact(args.kind, args.id).items()
                      if count)
    what = f"{KIND_LABELS[args.kind]}“{record_title(args.kind, record)}”（编号 {record['id']}）"
    with_it = f"，连同{impact}" if impact else ""
    if not args.yes:
        out.write(f"将删除{what}{with_it}。\n")
        out.flush()
        if not confirmed("删除"):
            out.write("未删除。\n")
            return EXIT_FAILED
    library.records.delete(args.kind, args.id)
    out.write(f"已删除{what}{with_it}。可用“lawgov undo”撤销。\n")
    return 0
