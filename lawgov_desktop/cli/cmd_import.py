"""``lawgov import FILE``: bring a county's workbook in — previewed with --dry-run, atomic, undoable.

The file is read as the import wizard reads it (``importers.preview``), so --dry-run gives the
wizard's counts, sheets, rejected rows and warnings.  Exit 0 when the import was applied (rejected
rows are listed); non-zero, with nothing written, when the file cannot be read or understood, or
with ``--strict`` when any row is rejected.
"""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path
from typing import TextIO

from lawgov_desktop.core.errors import ImportFileError
from lawgov_desktop.core.fields import DEPARTMENT, KIND_LABELS, LICENCE, POWER, RESPONSIBILITY
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.progress import Task
from lawgov_desktop.importers.columns import (
    columns_named,
    field_for,
    field_names,
    mapping_of,
    preferred_template,
)
from lawgov_desktop.importers.plan import MODES, ImportOptions, ImportResult, apply_plan
from lawgov_desktop.importers.preview import Preview, SheetState, SheetUse, list_name, preview_import

from .errors import UsageError
from .options import SubParsers, kind_type, write_json
from .progress import ProgressBar

_IMPORT_KINDS = (LICENCE, POWER, RESPONSIBILITY, DEPARTMENT)
MODE_LABELS = {"merge": "合并", "append": "追加", "replace": "替换"}


def add_parser(commands: SubParsers) -> argparse.ArgumentParser:
    """``import FILE [--kind] [--sheet] [--mapping] [--map HEADER=FIELD]… [--mode] [--dry-run] [--strict] [--json]``."""
    parser = commands.add_parser(
        "import", help="导入工作簿（.xlsx/.xls/.ods/.csv）",
        description="导入县区报送的清单工作簿：自动识别表头、合并单元格、部分标题和子项；"
                    "先自动备份数据库，整次导入在一个事务中完成，可用 undo-import 撤销。")
    parser.add_argument("file", type=Path, metavar="FILE", help="工作簿文件")
    parser.add_argument("--kind", type=kind_type(_IMPORT_KINDS), metavar="KIND",
                        help="清单类型：items（许可事项）、powers（赋权事项）、responsibilities（权责清单）、"
                             "departments（部门）；默认自动识别")
    parser.add_argument("--sheet", metavar="NAME", help="只导入这个工作表（默认导入所有能识别的工作表）")
    parser.add_argument("--mapping", metavar="NAME", help="使用保存的列映射模板")
    parser.add_argument("--map", action="append", default=[], metavar="HEADER=FIELD",
                        help="手工指定一列导入为哪个字段（可重复），其余各列仍自动识别：字段写英文名或中文名，"
                             "如 --map 行使主体=department、--map 责任单位=主管部门；留空表示不导入这一列"
                             "（--map 备注=）；权责清单的列可写 extra 按原表头保留为附加字段；"
                             "表头相同的几列可用列号区分（--map G=level_scope）")
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
    with ProgressBar() as bar:
        if args.map:
            options.kind, options.mapping = hand_mapping(library, args, options, bar)
            options.mapping_name = None  # taken into the mapping
        preview = preview_import(library, args.file, options, bar)
        if preview.problem is not None:
            raise preview.problem
        plan = preview.plan
        assert plan is not None
        if args.dry_run and not (options.strict and plan.changes.rejected):
            result = plan.result(dry_run=True)
        else:  # strict with rejected rows refuses here, before anything is written
            result = apply_plan(library, plan, strict=options.strict, task=bar)
    if args.json:
        write_json(out, result.to_json())
        return 0
    lines = report_lines(args.file.name, args.mode, result, preview.sheets)
    template = wizard_template(library, options, preview)
    if template:  # the counts may differ from the wizard's: say why
        lines.append(f"  提示：已为相同表头保存列映射模板“{template}”，导入窗口会自动套用；"
                     f"命令行按表头识别各列，如需按模板读取请加 --mapping {template}")
    out.write("\n".join(lines) + "\n")
    return 0


def wizard_template(library: Library, options: ImportOptions, preview: Preview) -> str | None:
    """The template saved for these headers that the import wizard would read the columns by, when
    none was chosen here (the command line reads by a template only when told to)."""
    if options.mapping or options.mapping_name or not preview.signature:
        return None
    return preferred_template(library.imports.mapping_templates(preview.signature))


def hand_mapping(library: Library, args: argparse.Namespace, options: ImportOptions,
                 task: Task) -> tuple[str, dict[str | int, str]]:
    """The columns as the wizard shows them (detected, or as the --mapping template sets them) with the
    --map changes on top, since the importer takes a whole mapping; the kind its fields belong to."""
    preview = preview_import(library, args.file, dataclasses.replace(options), task)
    kind, columns = preview.kind, preview.columns
    if kind is None or not columns:
        raise ImportFileError("未找到可识别的表头，无法按 --map 指定各列", file=args.file.name)
    for assignment in args.map:
        header, equals, name = assignment.partition("=")
        if not equals or not header.strip():
            raise UsageError(f"--map 应写成“表头=字段”（如 --map 行使主体=department），而不是“{assignment}”")
        matched = columns_named(columns, header.strip())
        if not matched:
            raise UsageError(f"--map {assignment}：工作表“{preview.column_sheet}”中没有表头为“{header.strip()}”的列；"
                             f"表头有：{'、'.join(column.header for column in columns)}")
        field_key = field_for(kind, name, matched[0].header)
        if field_key is None:
            raise UsageError(f"--map {assignment}：{KIND_LABELS[kind]}没有字段“{name.strip()}”；可用的字段："
                             f"{'、'.join(field_names(kind))}；字段留空表示不导入这一列")
        for column in matched:
            column.field = field_key
    return kind, mapping_of(columns)


def report_lines(file_name: str, mode: str, result: ImportResult, sheets: list[SheetState]) -> list[str]:
    """The clerk's summary: counts, what became of each sheet, then each rejected row and each warning."""
    verb = "检查（未写入）" if result.dry_run else f"已导入（{MODE_LABELS[mode]}，导入编号 {result.import_id}）"
    subs = result.sub_items

    def count(total: int, action: str) -> str:
        return items_text(total - subs[action], subs[action])

    lines = [f"{verb}“{file_name}”的{KIND_LABELS[result.kind]}：新增 {count(result.inserted, 'new')}，"
             f"更新 {count(result.updated, 'changed')}，未变 {count(result.unchanged, 'unchanged')}，"
             f"拒绝 {len(result.rejected)} 行。"]
    lines.extend(sheet_line(sheet) for sheet in sheets)
    lines.extend(f"  拒绝：工作表“{r['sheet']}”第{r['row']}行：{r['reason']}" for r in result.rejected)
    lines.extend(f"  提示：{warning}" for warning in result.warnings)
    return lines


_SKIPPED = {SheetUse.EMPTY: "空白工作表", SheetUse.OTHER_SHEET_CHOSEN: "选择了其他工作表"}


def items_text(items: int, sub_items: int) -> str:
    """Items and sub-items apart, as the import wizard says them: "462 项（另子项 474 项）"."""
    return f"{items} 项" + (f"（另子项 {sub_items} 项）" if sub_items else "")


def sheet_line(sheet: SheetState) -> str:
    """"工作表“许可清单”：表头在第 4 行，3 项（另子项 2 项）", or why a sheet was skipped, as the wizard lists them."""
    if sheet.used:
        return f"  工作表“{sheet.name}”：表头在第 {sheet.header_text} 行，{items_text(sheet.items, sheet.sub_items)}"
    why = _SKIPPED.get(sheet.use) or (f"看起来是{list_name(sheet.other_kind)}，与所选清单类型不同"
                                      if sheet.other_kind else sheet.reason)
    return f"  工作表“{sheet.name}”：已跳过：{why}"
