"""``lawgov undo [OPERATION|CHANGE]``: take back the last change, or one named from ``lawgov log``."""

from __future__ import annotations

import argparse
from itertools import takewhile
from typing import Any, TextIO

from lawgov_desktop.core.errors import LawGovError
from lawgov_desktop.core.library import Library

from .options import SubParsers

# How many of the reverting changes are listed; a merge of a big department makes thousands.
SHOWN_CHANGES = 20


def add_parser(commands: SubParsers) -> argparse.ArgumentParser:
    """``undo`` with an optional operation id or change number."""
    parser = commands.add_parser(
        "undo", help="撤销最近一次操作（或指定的一次）",
        description="撤销最近一次操作；也可给出 lawgov log 中的修改编号（只撤销这一条修改），"
                    "或 lawgov log --json 中的 operation（撤销整次操作）。撤销本身也可再撤销。")
    parser.add_argument("target", nargs="?", metavar="OPERATION|CHANGE", help="操作标识或修改编号")
    parser.set_defaults(run=run)
    return parser


def run(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    """Revert, then list the changes the revert made."""
    target = args.target or library.history.last_operation()
    if target is None:
        raise LawGovError("没有可撤销的操作。")
    operation = library.history.revert_change(int(target)) if target.isdigit() else library.history.revert_operation(target)
    made = _changes_of(library, operation)
    out.write(f"撤销完成（{len(made)} 项修改）：\n")
    out.write("".join(f"  {entry['summary']}\n" for entry in made[:SHOWN_CHANGES]))
    if len(made) > SHOWN_CHANGES:
        out.write(f"  ……另有 {len(made) - SHOWN_CHANGES} 项\n")
    out.write("再运行一次“lawgov undo”可以恢复。\n")
    return 0


def _changes_of(library: Library, operation: str) -> list[dict[str, Any]]:
    """The log entries of the operation just made: the newest entries, read page by page."""
    made: list[dict[str, Any]] = []
    while True:
        rows = library.history.change_log(offset=len(made), limit=500).rows
        own = list(takewhile(lambda entry: entry["operation"] == operation, rows))
        made.extend(own)
        if len(own) < len(rows) or not rows:
            return made
