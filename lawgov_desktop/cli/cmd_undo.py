"""``lawgov undo [OPERATION|CHANGE]``: take back the last change, or one named from ``lawgov log``."""

from __future__ import annotations

import argparse
from itertools import takewhile
from typing import TextIO

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
    target = args.target or library.last_operation()
    if target is None:
        raise LawGovError("没有可撤销的操作。")
    operation = library.revert_change(int(target)) if target.isdigit() else library.revert_operation(target)
    newest = library.change_log(limit=10_000).rows
    made = list(takewhile(lambda entry: entry["operation"] == operation, newest))
    out.write(f"撤销完成（{len(made)} 项修改）：\n")
    out.write("".join(f"  {entry['summary']}\n" for entry in made[:SHOWN_CHANGES]))
    if len(made) > SHOWN_CHANGES:
        out.write(f"  ……另有 {len(made) - SHOWN_CHANGES} 项\n")
    out.write("再运行一次“lawgov undo”可以恢复。\n")
    return 0
