"""``lawgov edit KIND ID --field value … | --json DOC``: change one record; prints what changed."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from lawgov_desktop.core.fields import BATCH, DEPARTMENT, LICENCE, POWER, REGION
from lawgov_desktop.core.library import Library

from .labels import display, title
from .options import SubParsers
from .records import add_record_parsers, record_data

# The kind an id column points at, so a change reads 市发改局 → 市教育局 rather than 1 → 7.
_REFERENCED = {"department_id": DEPARTMENT, "region_id": REGION, "batch_id": BATCH, "power_id": POWER}


def add_parser(commands: SubParsers) -> argparse.ArgumentParser:
    """``edit`` with one sub-command per record kind, each taking the record's id and its fields."""
    parser = commands.add_parser("edit", help="修改一条记录", description="修改一条记录；只改给出的字段，空值清空该字段。")
    add_record_parsers(parser, with_id=True, run=run)
    return parser


def run(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    """One line per changed field, old → new; saying so when nothing changed."""
    changed = library.records.update(args.kind, args.id, record_data(args))
    if not changed:
        out.write("没有需要修改的内容。\n")
    for key, (old, new) in changed.items():
        before, after = (_readable(library, args.kind, key, value) or "（空）" for value in (old, new))
        out.write(f"{title(args.kind, key)}：{before} → {after}\n")
    return 0


def _readable(library: Library, kind: str, key: str, value: Any) -> str:
    """A value as the clerk knows it: referenced records by name."""
    target = _REFERENCED.get(key) or ((kind if kind in (LICENCE, POWER) else REGION) if key == "parent_id" else None)
    if target is None or value is None:
        return display(key, value)
    return str(library.records.get(target, value)["name"])
