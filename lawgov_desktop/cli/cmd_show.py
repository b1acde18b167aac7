"""``lawgov show KIND ID``: one record with what belongs to it (sub-items, delegations, aliases)."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from lawgov_desktop.core.fields import KIND_LABELS, LICENCE, POWER
from lawgov_desktop.core.kinds import KINDS, RECORD_KINDS, REFERENCE
from lawgov_desktop.core.library import Library

from .labels import display, title
from .options import SubParsers, kind_help, kind_type, write_json
from .table import format_table, pad, text_width

# Children shown under a record of a kind: (record key, heading, their kind, the columns of their table).
_CHILDREN: dict[str, tuple[tuple[str, str, str, tuple[str, ...]], ...]] = {
    LICENCE: (("sub_items", "子项", LICENCE, ("id", "name", "implementing_authority", "code", "status")),),
    POWER: (("sub_items", "子项", POWER, ("id", "name", "code", "power_type", "handling_office", "status")),
            ("delegations", "赋权承接", "delegation", ("id", "region", "batch", "mode", "scope", "effective_date",
                                                    "change_kind", "document_number"))),
}


def add_parser(commands: SubParsers) -> argparse.ArgumentParser:
    """``show KIND ID [--json]``."""
    parser = commands.add_parser("show", help="显示一条记录的全部字段", description="显示一条记录及其子项、赋权、简称。")
    parser.add_argument("kind", type=kind_type(RECORD_KINDS), metavar="KIND", help=kind_help(RECORD_KINDS))
    parser.add_argument("id", type=int, metavar="ID", help="记录编号")
    parser.add_argument("--json", action="store_true", help="输出 JSON")
    parser.set_defaults(run=run)
    return parser


def run(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    """Print the record as label/value lines, then its children as tables."""
    record = library.records.get(args.kind, args.id)
    if args.json:
        write_json(out, record)
        return 0
    out.write(f"{KIND_LABELS[args.kind]}（编号 {record['id']}）\n")
    pairs = [(label, value) for label, value in _fields(args.kind, record) if value]
    width = max((text_width(label) for label, _ in pairs), default=0)
    for label, value in pairs:
        out.write(f"  {pad(label, width)}  {value}\n")
    for key, heading, child_kind, columns in _CHILDREN.get(args.kind, ()):
        children = record[key]
        out.write(f"{heading}（{len(children)}）\n")
        if children:
            table = format_table([title(child_kind, column) for column in columns],
                                 ([display(column, child.get(column)) for column in columns] for child in children))
            out.write("".join(f"  {line}\n" for line in table))
    return 0


def _fields(kind: str, record: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, display text) of every column of ``kind``, references by name, a power's extra
    columns under their own headers, then aliases and times."""
    shown = []
    for key in KINDS[kind].columns:
        value = record.get(key)
        name = _reference_name(kind, key, record)
        if value is not None and name:
            shown.append((title(kind, key), f"{name}（编号 {value}）"))
        else:
            shown.append((title(kind, key), display(key, value)))
    shown.extend(record.get("extra", {}).items())
    for key in ("aliases", "created_at", "updated_at"):
        if key in record:
            shown.append((title(kind, key), display(key, record[key])))
    return shown


def _reference_name(kind: str, key: str, record: dict[str, Any]) -> str | None:
    """The name the library joined in for an id column, under the name the field is given by (an
    item's parent, which has none, is its main item)."""
    described = KINDS[kind].field(key)
    if described is None or described.rule != REFERENCE:
        return None
    return record.get(described.by_name or "main_item")
