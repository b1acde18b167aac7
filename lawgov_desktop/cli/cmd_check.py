"""``lawgov check --reference NAME``: the city list against an upper list.

Reports city items whose name no upper item has (with the closest upper names), upper items the
city list lacks, and items whose competent department looks different from the upper list's.
"""

from __future__ import annotations

import argparse
from typing import TextIO

from lawgov_desktop.core.library import Library
from lawgov_desktop.core.reference_check import ReferenceCheck

from .cmd_reference import resolve_reference
from .cmd_version import resolve_version
from .options import SubParsers, write_json


def add_parser(commands: SubParsers) -> argparse.ArgumentParser:
    """``check --reference NAME [--of VERSION] [--json]``."""
    parser = commands.add_parser("check", help="对照上级清单核对事项名称和主管部门",
                                 description="按事项名称把本市许可事项与上级清单逐项对照（名称须与上级清单一致）。")
    parser.add_argument("--reference", required=True, metavar="NAME", help="上级清单名称（lawgov reference import 导入）")
    parser.add_argument("--of", metavar="VERSION", default="current", help="核对哪个版本（默认当前清单）")
    parser.add_argument("--json", action="store_true", help="输出 JSON")
    parser.set_defaults(run=run)
    return parser


def run(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    """Run the check and print it."""
    result = library.check_reference(resolve_reference(library, args.reference), resolve_version(library, args.of))
    if args.json:
        write_json(out, result.to_json())
    else:
        out.write("\n".join(check_lines(result)) + "\n")
    return 0


def check_lines(result: ReferenceCheck) -> list[str]:
    """The check in words, one line per finding."""
    lines = [f"{result.list_label}的 {result.checked} 项许可事项对照上级清单“{result.reference}”：",
             f"名称与上级清单不一致 {len(result.unmatched)} 项，上级清单有而本清单没有 {len(result.missing)} 项，"
             f"主管部门可能不一致 {len(result.department_differences)} 项。"]
    if result.unmatched:
        lines.append("名称在上级清单中找不到：")
        for item in result.unmatched:
            close = f"；相近的上级事项：{'、'.join(item.suggestions)}" if item.suggestions else "；上级清单中没有相近的名称"
            lines.append(f"  {item.name}（{item.department}）{close}")
    if result.missing:
        lines.append("上级清单有而本清单没有：")
        lines.extend(f"  {item.sequence + '. ' if item.sequence else ''}{item.name}"
                     f"{'（' + item.department + '）' if item.department else ''}" for item in result.missing)
    if result.department_differences:
        lines.append("主管部门可能不一致：")
        lines.extend(f"  {item.name}：本清单 {item.department}，上级清单 {item.upper_department}"
                     for item in result.department_differences)
    return lines
