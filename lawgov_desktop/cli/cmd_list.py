"""``lawgov list KIND``: one list, filtered, sorted and paged in the library, as a table or JSON."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from lawgov_desktop.core.fields import BATCH, DEPARTMENT, IMPORTS, LICENCE, POWER, REGION
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.progress import Task
from lawgov_desktop.core.queries import ListFilter, Page

from .errors import UsageError
from .labels import display, title
from .options import (
    LIST_KINDS,
    SubParsers,
    add_filter_arguments,
    kind_help,
    kind_type,
    list_filter,
    write_json,
)
from .progress import ProgressBar
from .table import format_page, format_tree

# Columns of the text table when --fields is not given.
DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    LICENCE: ("id", "part", "department", "name", "sub_item_count", "level", "status"),
    POWER: ("id", "code", "name", "power_type", "department", "receiving", "batches"),
    DEPARTMENT: ("id", "name", "aliases", "level", "region", "licence_count", "power_count"),
    REGION: ("id", "name", "code", "kind", "parent", "aliases"),
    BATCH: ("id", "name", "document_number", "published_on", "power_count"),
    IMPORTS: ("id", "at", "user", "file_name", "sheet", "kind", "inserted", "updated", "rejected", "undone_at"),
}
# --limit 0 reads the whole list in pages of this size, so memory and the first output stay bounded.
CHUNK_SIZE = 1000


def add_parser(commands: SubParsers) -> argparse.ArgumentParser:
    """``list KIND`` with the filters of the window's list views, sorting, paging and output options."""
    parser = commands.add_parser("list", help="列出事项、部门、区划等", description="列出一个清单，可筛选、排序、分页。")
    parser.add_argument("kind", type=kind_type(LIST_KINDS), metavar="KIND", help=kind_help(LIST_KINDS))
    add_filter_arguments(parser)
    parser.add_argument("--sort", metavar="FIELD", help="按字段排序，如 name、department、code（中文按拼音，与 Excel/WPS 一致）")
    parser.add_argument("--desc", action="store_true", help="倒序")
    parser.add_argument("--limit", type=_count, default=50, metavar="N", help="最多显示 N 项（默认 50；0 = 全部）")
    parser.add_argument("--offset", type=_count, default=0, metavar="N", help="跳过前 N 项")
    parser.add_argument("--fields", metavar="A,B,C", help="要显示的字段，逗号分隔")
    parser.add_argument("--json", action="store_true", help='输出 JSON：{"total": N, "rows": [...]}')
    parser.add_argument("--tree", action="store_true", help="区划按树形显示（仅用于 regions）")
    parser.set_defaults(run=run)
    return parser


def _count(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"“{text}”不是非负整数")
    return int(text)


def run(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    """Print the rows the filter selects and how many there are in all."""
    if args.tree:
        return _print_tree(library, args, out)
    flt = list_filter(library, args.kind, args)
    with ProgressBar() as bar:
        page = fetch(library, args.kind, flt, sort=args.sort, descending=args.desc,
                     offset=args.offset, limit=args.limit, task=bar)
    fields = _chosen_fields(args, page)
    if args.json:
        rows = [{key: row.get(key) for key in fields} for row in page.rows] if args.fields else page.rows
        write_json(out, {"total": page.total, "rows": rows})
        return 0
    headers = [title(args.kind, key) for key in fields]
    lines = format_page(headers, ([display(key, row.get(key)) for key in fields] for row in page.rows), page.total)
    out.write("\n".join(lines) + "\n")
    return 0


def fetch(library: Library, kind: str, flt: ListFilter, *, sort: str | None, descending: bool,
          offset: int, limit: int, task: Task) -> Page:
    """One page, or with ``limit`` 0 every row from ``offset`` on, read page by page with progress."""
    if limit:
        return library.lists.query(kind, flt, sort=sort, descending=descending or None, offset=offset, limit=limit)
    rows: list[dict[str, Any]] = []
    while True:
        page = library.lists.query(kind, flt, sort=sort, descending=descending or None,
                             offset=offset + len(rows), limit=CHUNK_SIZE)
        rows.extend(page.rows)
        wanted = max(0, page.total - offset)
        task.report(len(rows), wanted, "正在读取")
        if not page.rows or len(rows) >= wanted:
            return Page(rows, page.total, offset)


def _chosen_fields(args: argparse.Namespace, page: Page) -> list[str]:
    if not args.fields:
        return list(DEFAULT_FIELDS[args.kind])
    fields = [name.strip() for name in args.fields.split(",") if name.strip()]
    if page.rows:
        unknown = [name for name in fields if name not in page.rows[0]]
        if unknown:
            raise UsageError(f"没有字段“{'、'.join(unknown)}”；可用：{', '.join(page.rows[0])}。")
    return fields


def _print_tree(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    if args.kind != REGION:
        raise UsageError("--tree 只能用于 regions。")
    tree = library.records.region_tree()
    if args.json:
        write_json(out, tree)
        return 0

    def label(node: dict[str, Any]) -> str:
        code = f" {node['code']}" if node["code"] else ""
        return f"{node['name']}{code}（{display('kind', node['kind'])}，编号 {node['id']}）"

    out.write("\n".join(format_tree(tree, label)) + "\n")
    return 0
