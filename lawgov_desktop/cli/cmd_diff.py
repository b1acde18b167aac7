"""``lawgov diff A B``: the 清单调整对照表 between two versions, the working list or a workbook.

A and B are each a saved version's name, ``current`` (the working list), or a workbook file (read
as an import would read it, nothing written): ``lawgov diff 2022年版 current``, ``lawgov diff current
海丰县报送.xlsx`` shows what importing the county's file would change.  ``-o`` writes the table as a
workbook (.xlsx) or a printable PDF (.pdf).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from lawgov_desktop.core.compare import Comparison, ListSnapshot
from lawgov_desktop.core.library import Library

from .options import CURRENT_NAMES, SubParsers, output_path, resolve_version, write_json


def add_parser(commands: SubParsers) -> argparse.ArgumentParser:
    """``diff A B [--json] [-o FILE.xlsx|FILE.pdf]``."""
    parser = commands.add_parser("diff", help="比较两个清单（版本、当前清单或工作簿）",
                                 description="列出从 A 到 B 新增、取消、变更、调整主管部门的许可事项，"
                                             "以及新增下放、扩大范围、收回的赋权事项。")
    parser.add_argument("old", metavar="A", help=f"原清单：版本名称、{CURRENT_NAMES[0]}（当前清单）或工作簿文件")
    parser.add_argument("new", metavar="B", help="新清单：同上")
    parser.add_argument("--sheet", metavar="NAME", help="工作簿中的工作表（默认读取所有可识别的工作表）")
    parser.add_argument("--json", action="store_true", help="输出 JSON")
    parser.add_argument("-o", "--output", metavar="FILE", help="另存对照表：.xlsx 工作簿或 .pdf")
    parser.set_defaults(run=run)
    return parser


def run(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    """Compare, then print (text or JSON) and optionally write the table."""
    target = output_path(args.output, (".xlsx", ".pdf"), "对照表只能保存为 .xlsx 或 .pdf 文件。")
    comparison = library.versions.compare(_side(library, args.old, args.sheet), _side(library, args.new, args.sheet))
    if args.json:
        write_json(out, comparison.to_json())
    else:
        out.write("\n".join(comparison_lines(comparison)) + "\n")
    if target is not None:
        from lawgov_desktop.exporters.comparison import write_comparison_pdf, write_comparison_workbook

        if target.suffix.lower() == ".pdf":
            write_comparison_pdf(comparison, target)
        else:
            write_comparison_workbook(comparison, target)
        if not args.json:
            out.write(f"已保存对照表：{target}\n")
    return 0


def _side(library: Library, text: str, sheet: str | None) -> int | None | ListSnapshot:
    from lawgov_desktop.importers.readers import WORKBOOK_SUFFIXES  # reading workbooks loads calamine

    path = Path(text)
    if path.suffix.lower() in WORKBOOK_SUFFIXES or path.is_file():
        from lawgov_desktop.importers.compare_file import workbook_snapshot
        from lawgov_desktop.importers.plan import ImportOptions

        return workbook_snapshot(library, path, ImportOptions(sheet=sheet))
    return resolve_version(library, text)


def comparison_lines(comparison: Comparison) -> list[str]:
    """The table as text: the counts, then one line per entry and one per changed field."""
    from lawgov_desktop.exporters.comparison import comparison_notes, comparison_title

    lines = [comparison_title(comparison), *comparison_notes(comparison)]
    for change in [*comparison.licences, *comparison.powers]:
        regions = f"：{'、'.join(change.regions)}" if getattr(change, "regions", None) else ""
        lines.append(f"[{change.kind_label}] {change.name}（{change.department}）{regions}")
        if getattr(change, "old_department", None):
            lines.append(f"    主管部门：{change.old_department} → {change.department}")
        lines.extend(f"    {item.label}：{item.old or '（空）'} → {item.new or '（空）'}" for item in change.changes)
    return lines
