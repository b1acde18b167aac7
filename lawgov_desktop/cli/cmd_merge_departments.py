"""``lawgov merge-departments KEEP ABSORB``: fold a duplicate department into the one to keep."""

from __future__ import annotations

import argparse
from typing import TextIO

from lawgov_desktop.core.fields import DEPARTMENT
from lawgov_desktop.core.library import Library

from .options import SubParsers, resolve


def add_parser(commands: SubParsers) -> argparse.ArgumentParser:
    """``merge-departments KEEP ABSORB`` (names, aliases or ids)."""
    parser = commands.add_parser(
        "merge-departments", help="把一个部门合并到另一个部门",
        description="把 ABSORB 的事项移到 KEEP 下，ABSORB 的名称和简称成为 KEEP 的简称，然后删除 ABSORB。可撤销。")
    parser.add_argument("keep", metavar="KEEP", help="保留的部门（名称、简称或编号）")
    parser.add_argument("absorb", metavar="ABSORB", help="并入的部门（名称、简称或编号）")
    parser.set_defaults(run=run)
    return parser


def run(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    """Merge and say how many records moved."""
    keep = library.records.get(DEPARTMENT, resolve(library, DEPARTMENT, args.keep))
    absorb = library.records.get(DEPARTMENT, resolve(library, DEPARTMENT, args.absorb))
    moved = library.records.merge_departments(keep["id"], absorb["id"])
    out.write(f"已将“{absorb['name']}”合并到“{keep['name']}”：移入许可事项 {moved.get('licence', 0)} 项、"
              f"执法事项 {moved.get('power', 0)} 项；“{absorb['name']}”已成为简称。可用“lawgov undo”撤销。\n")
    return 0
