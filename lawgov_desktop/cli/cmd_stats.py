"""``lawgov stats [--json] [--summary] [--of VERSION] [--export FILE]``: the figures of the annual report.

Counted by the library's rules; ``--summary`` prints the report's own paragraph ready to paste,
``--export`` writes the statistics workbook (.xlsx) or the one-page PDF (.pdf).
"""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from lawgov_desktop.core.fields import CENTRAL, LOCAL, PART_LABELS, PARTS
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.summary import NOTHING_TO_STATE, responsibility_lines, summary_paragraph

from .options import SubParsers, output_path, resolve_version, write_json


def add_parser(commands: SubParsers) -> argparse.ArgumentParser:
    """``stats [--json] [--summary] [--of VERSION] [--export FILE]``."""
    parser = commands.add_parser("stats", help="统计数字（年度报告用）",
                                 description="许可事项按部分、部门、层级，执法事项按批次、承接区划、职权类型、"
                                             "原实施部门的统计，以及各部门权责清单的事项数（按权力类型，子项另计）。")
    shown = parser.add_mutually_exclusive_group()
    shown.add_argument("--json", action="store_true", help="输出 JSON（library.stats.compute() 的完整文档）")
    shown.add_argument("--summary", action="store_true", help="只输出年度报告用的一段文字（可直接粘贴）")
    parser.add_argument("--of", metavar="VERSION", default="current", help="统计哪个版本（默认当前清单）")
    parser.add_argument("--export", metavar="FILE", help="导出统计表：.xlsx 工作簿或一页 .pdf")
    parser.set_defaults(run=run)
    return parser


def run(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    """The JSON document as is, the paragraph, or the figures line by line; then the export."""
    target = output_path(args.export, (".xlsx", ".pdf"), "统计表只能导出为 .xlsx 或 .pdf 文件。")
    version_id = resolve_version(library, args.of)
    stats = library.stats.compute(version_id)
    paragraph = summary_paragraph(stats)
    if args.json:
        write_json(out, stats)
    elif args.summary:
        out.write((paragraph or NOTHING_TO_STATE) + "\n")
    else:
        out.write("\n".join(summary_lines(stats)) + "\n")
    if target is not None:
        from lawgov_desktop.exporters.statistics import DEFAULT_TITLE, write_stats_pdf, write_stats_workbook

        title = DEFAULT_TITLE if version_id is None else f"{DEFAULT_TITLE}（{library.versions.version(version_id)['name']}）"
        if target.suffix.lower() == ".pdf":
            write_stats_pdf(stats, paragraph, target, title)
        else:
            write_stats_workbook(stats, paragraph, target, title)
        if not args.json:
            out.write(f"已导出统计表：{target}\n")
    return 0


def summary_lines(stats: dict[str, Any]) -> list[str]:
    """"中央层面设定的行政许可事项 439 项，涉及 44 个部门…", the powers by batch and region, and each
    department's 权责清单 in the sentence it states its size with."""
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
    if departments := responsibility_lines(stats):
        lines.append("各部门权责清单（子项另计）：")
        lines.extend(f"  {line}" for line in departments)
    lines.append(f"部门 {stats['departments']} 个，行政区划 {stats['regions']} 个。")
    return lines
