"""``lawgov log``: the change history (who, when, what), newest first."""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from lawgov_desktop.core.kinds import RECORD_KINDS
from lawgov_desktop.core.library import Library

from .labels import display, title
from .options import SubParsers, kind_help, kind_type, write_json
from .table import format_page

_COLUMNS = ("id", "at", "user", "action", "entity", "summary")


def add_parser(commands: SubParsers) -> argparse.ArgumentParser:
    """``log [--kind K] [--id N] [--search TEXT] [--limit N] [--json]``."""
    parser = commands.add_parser("log", help="查看修改记录", description="查看修改记录（谁、何时、改了什么），最新的在前。")
    parser.add_argument("--kind", type=kind_type(RECORD_KINDS), metavar="KIND", help=kind_help(RECORD_KINDS))
    parser.add_argument("--id", type=int, metavar="N", help="只看这条记录的修改（与 --kind 一起用）")
    parser.add_argument("--search", "-s", default="", metavar="TEXT", help="在摘要和用户名中查找")
    parser.add_argument("--limit", type=int, default=20, metavar="N", help="最多显示 N 条（默认 20）")
    parser.add_argument("--json", action="store_true", help="输出 JSON，含修改前后的记录")
    parser.set_defaults(run=run)
    return parser


def run(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    """Print the matching log entries and how many there are in all."""
    page = library.history.change_log(entity=args.kind, entity_id=args.id, text=args.search, limit=max(0, args.limit))
    if args.json:
        write_json(out, {"total": page.total, "rows": [_decoded(entry) for entry in page.rows]})
        return 0
    rows = ([display(key, _marked(entry) if key == "summary" else entry[key]) for key in _COLUMNS]
            for entry in page.rows)
    out.write("\n".join(format_page([title(None, key) for key in _COLUMNS], rows, page.total, "条")) + "\n")
    return 0


def _marked(entry: dict[str, Any]) -> str:
    return entry["summary"] + ("（已撤销）" if entry.get("reverted_by") else "")


def _decoded(entry: dict[str, Any]) -> dict[str, Any]:
    """The entry with its before/after records as JSON objects, not JSON text inside JSON."""
    decoded = {key: value for key, value in entry.items() if key not in ("before_json", "after_json")}
    for key in ("before", "after"):
        text = entry.get(f"{key}_json")
        decoded[key] = json.loads(text) if text else None
    return decoded
