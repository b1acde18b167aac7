"""``lawgov import FILE``: bring a county's workbook in — previewed with --dry-run, atomic, undoable.

Exit 0 when the import was applied (rejected rows are listed); non-zero, with nothing written,
when the file cannot be read or understood, or with ``--strict`` when any row is rejected.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from lawgov_desktop.core.fields import DEPARTMENT, KIND_LABELS, LICENCE, POWER
from lawgov_desktop.core.library import Library
from lawgov_desktop.importers.plan import MODES, ImportOptions, ImportResult, import_file

from .options import SubParsers, kind_type, write_json
from .progress import ProgressBar

_IMPORT_KINDS = (LICENCE, POWER, DEPARTMENT)
MODE_LABELS = {"merge": "合并", "append": "追加", "replace": "替换"}


def add_parser(commands: SubParsers) -> argparse.ArgumentParser:
    """``import FILE [--kind] [--sheet] [--mapping] [--mode] [--dry-run] [--strict] [--json]``."""
    parser = commands.add_parser(
        "import", help="导入工作簿（.xlsx/.xls/.ods/.csv）",
        description="导入县区报送的清单工作簿：自动识别表头、合并单元格、部分标题和子项；"
                    "先自动备份数据库，整次导入在一个事务中完成，可用 undo-import 撤销。")
    parser.add_argument("file", type=Path, metavar="FILE", help="工作簿文件")
    parser.add_argument("--kind", type=kind_type(_IMPORT_KINDS), metavar="KIND",
                        help="清单类型：items（许可事项）、powers（赋权事项）、departments（部门）；默认自动识别")
    parser.add_argument("--sheet", metavar="NAME", help="只导入这个工作表（默认导入所有能识别的工作表）")
    parser.add_argument("--mapping", metavar="NAME", help="使用保存的列映射模板")
    parser.add_argument("--mode", choices=MODES, default="merge",
                        help="merge 合并（默认：按编码或名称+部门匹配，只更新变化的字段）、append 追加、"
                             "replace 替换文件中出现的部分或批次")
    parser.add_argument("--dry-run", action="store_true", help="只检查并报告结果，不写入数据库")
    parser.add_argument("--strict", action="store_true",
                        help="有任何一行被拒绝（含无法识别的部门、镇街）就整份不导入")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    parser.set_defaults(run=run)
    return parser


def run(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    """Import (or check) the file and report what happened."""
    options = ImportOptions(kind=args.kind, sheet=args.sheet, mapping_name=args.mapping, mode=args.mode,
                            strict=args.strict)
    with ProgressBar() as progress:
        result = import_file(library, args.file, options, dry_run=args.dry_run, progress=progress)
    if args.json:
        write_json(out, result.to_json())
    else:
        out.write("\n".join(report_lines(args.file.name, args.mode, result)) + "\n")
    return 0


def report_lines(file_name: str, mode: str, result: ImportResult) -> list[str]:
    """The clerk's summary: counts, then each rejected row and each warning."""
    verb = "检查（未写入）" if result.dry_run else f"已导入（{MODE_LABELS[mode]}，导入编号 {result.import_id}）"
    lines = [f"{verb}“{file_name}”的{KIND_LABELS[result.kind]}：新增 {result.inserted}，更新 {result.updated}，"
             f"未变 {result.unchanged}，拒绝 {len(result.rejected)}。"]
    lines.extend(f"  拒绝：工作表“{r['sheet']}”第{r['row']}行：{r['reason']}" for r in result.rejected)
    lines.extend(f"  提示：{warning}" for warning in result.warnings)
    return lines
