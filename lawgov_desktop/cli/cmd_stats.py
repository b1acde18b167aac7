"""``lawgov stats [--json]``: the figures of the annual report, counted by the library's rules."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from lawgov_desktop.core.fields import CENTRAL, LOCAL, PART_LABELS, PARTS
from lawgov_desktop.core.library import Library

from .options import SubParsers, write_json


def add_parser(commands: SubParsers) -> argparse.ArgumentParser:
    """``stats [--json]``."""
    parser = commands.add_parser("stats", help="统计数字（年度报告用）",
                                 description="许可事项按部分、执法事项按批次和承接区划的统计。")
    parser.add_argument("--json", action="store_true", help="输出 JSON（Library.stats() 的完整文档）")
    parser.set_defaults(run=run)
    return parser


def run(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    """The JSON document as is, or the same figures in the report's own wording."""
    stats = library.stats()
    if args.json:
        write_json(out, stats)
    else:
        out.write("\n".join(summary_lines(stats)) + "\n")
    return 0


def summary_lines(stats: dict[str, Any]) -> list[str]:
    """"中央层面设定的行政许可事项 439 项，涉及 44 个部门…" and the powers by batch and region."""
    licence, powers = stats["licence_items"], stats["powers"]
    lines = [f"行政许可事项共 {licence['total']} 项（另有子项 {licence.get('sub_items', 0)} 项），"
             f"涉及 {licence.get('departments', 0)} 个部门："]
    parts = [f"  {PART_LABELS[part]}的行政许可事项 {figures['items']} 项，涉及 {figures['departments']} 个部门"
             for part in PARTS if (figures := licence["parts"].get(part))
             and (figures["items"] or part in (CENTRAL, LOCAL))]
    lines.extend(line + ("。" if index == len(parts) - 1 else "；") for index, line in enumerate(parts))
    lines.append(f"赋权执法事项共 {powers['total']} 项，其中已下放到镇街 {powers.get('delegated', 0)} 项。")
    if powers["batches"]:
        lines.append("  按批次：" + "；".join(f"{name} {count} 项" for name, count in powers["batches"].items()) + "。")
    if powers["regions"]:
        lines.append("  按承接区划（含下辖镇街）：")
        lines.extend(f"    {name} {count} 项" for name, count in powers["regions"].items())
    lines.append(f"部门 {stats['departments']} 个，行政区划 {stats['regions']} 个。")
    return lines
