"""``lawgov imports``: the import history, newest first (file, checksum, counts, undone or not)."""

from __future__ import annotations

import argparse
from typing import TextIO

from lawgov_desktop.core.fields import IMPORTS, KIND_LABELS
from lawgov_desktop.core.library import Library

from .cmd_import import MODE_LABELS
from .labels import display, title
from .options import SubParsers, write_json
from .table import format_page

_COLUMNS = ("id", "at", "user", "file_name", "sheet", "kind", "mode", "inserted", "updated", "unchanged",
            "rejected", "undone_at")


def add_parser(commands: SubParsers) -> argparse.ArgumentParser:
    """``imports [--limit N] [--json]``."""
    parser = commands.add_parser("imports", help="查看导入记录", description="导入记录，最新的在前。")
    parser.add_argument("--limit", type=int, default=20, metavar="N", help="最多显示 N 条（默认 20）")
    parser.add_argument("--json", action="store_true", help="输出 JSON")
    parser.set_defaults(run=run)
    return parser


def run(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    """Print the history."""
    page = library.lists.query(IMPORTS, limit=max(0, args.limit))
    if args.json:
        write_json(out, {"total": page.total, "rows": page.rows})
        return 0
    rows = ([_shown(key, entry[key]) for key in _COLUMNS] for entry in page.rows)
    out.write("\n".join(format_page([title(IMPORTS, key) for key in _COLUMNS], rows, page.total, "次")) + "\n")
    return 0


def _shown(key: str, value: object) -> str:
    """The list kind and merge mode in Chinese; everything else as the other lists show it."""
    if key == "kind":
        return KIND_LABELS.get(str(value), str(value))
    if key == "mode":
        return MODE_LABELS.get(str(value), str(value))
    return display(key, value)
