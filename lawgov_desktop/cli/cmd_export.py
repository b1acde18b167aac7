"""``lawgov export pdf|xlsx``: printable catalogues and workbooks, built by the same code the window uses.

``export pdf`` prints a licence list (a department's with ``--department``, a part's with
``--part``, any filtered view, or every department with ``--all-departments`` into one book or a
folder of files), a power list grouped by batch (``--township`` or ``--kind powers``), or a
department's 权责清单 grouped by power type with its sub-items (``--responsibility-list``, with
``--department`` or ``--all-departments`` as for licence lists).
``export xlsx`` writes a workbook the importer reads back.  A missing embeddable Chinese font is
a warning on stderr, not a failure: the PDF is still written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from lawgov_desktop.core.fields import LICENCE, POWER, REGION, RESPONSIBILITY
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.records import name_key
from lawgov_desktop.exporters.catalogue import BY_BATCH, BY_PART, printable_fields

from .errors import UsageError
from .options import SubParsers, add_filter_arguments, kind_type, list_filter, resolve
from .progress import ProgressBar

if TYPE_CHECKING:  # the exporters (reportlab, openpyxl) load only when a command exports
    from lawgov_desktop.exporters.pdf import PdfResult

_EXPORT_KINDS = (LICENCE, POWER)
_KIND_HELP = "items（行政许可事项，默认）或 powers（赋权事项）"


def add_parser(commands: SubParsers) -> argparse.ArgumentParser:
    """``export pdf …`` and ``export xlsx …``."""
    parser = commands.add_parser("export", help="导出 PDF 清单或 Excel 工作簿",
                                 description="把清单导出为可打印的 PDF 目录，或可再导入的 Excel 工作簿。")
    formats = parser.add_subparsers(dest="format", metavar="FORMAT", required=True, title="格式")
    pdf = formats.add_parser(
        "pdf", help="PDF 清单（A4，默认横向）",
        description="生成可打印的 PDF 清单：标题、版本和事项数，分部分（许可事项）、分批次（赋权事项）或"
                    "分权力类型（权责清单），表头每页重复，页脚“第 X 页 共 Y 页”和打印日期。")
    pdf.add_argument("--kind", type=kind_type(_EXPORT_KINDS), metavar="KIND", help=_KIND_HELP)
    pdf.add_argument("--township", metavar="NAME", help="某镇街（或功能区及其下所有镇街）承接的赋权事项目录")
    pdf.add_argument("--responsibility-list", action="store_true",
                     help="部门的权责清单：按权力类型分部分，子项列在事项下，印承办机构、责任事项和追责情形"
                          "（配合 --department 或 --all-departments）")
    whole = pdf.add_argument_group("全部部门")
    whole.add_argument("--all-departments", action="store_true", help="每个部门一份清单（许可事项或权责清单）")
    layout = whole.add_mutually_exclusive_group()
    layout.add_argument("--one-file", action="store_true", help="合成一个带目录的 PDF（默认）")
    layout.add_argument("--folder", action="store_true", help="每个部门一个 PDF 文件，写入 -o 指定的文件夹")
    pdf.add_argument("--columns", metavar="A,B,C", help="要印的列，如 序号,事项名称,子项,实施机关,设定和实施依据,备注"
                                                       "（权责清单如 序号,事项名称,子项名称,实施依据,承办机构,追责情形）")
    pdf.add_argument("--portrait", action="store_true", help="纵向（默认横向）")
    pdf.add_argument("--attachment", metavar="N", help="左上角印“附件N”")
    pdf.add_argument("--title", metavar="TEXT", help="标题（默认按清单生成）")
    pdf.add_argument("--version-label", metavar="TEXT", help="版本，如 2022年版（默认取事项的清单版本）")
    pdf.add_argument("--font", metavar="PATH", help="使用这个 TrueType 字体文件")
    _add_common(pdf)
    pdf.set_defaults(run=run_pdf)
    xlsx = formats.add_parser("xlsx", help="Excel 工作簿（可再导入）",
                              description="导出为 Excel 工作簿：许可事项每个部分一个工作表，赋权事项每个批次一个工作表；"
                                          "编码按文本保存，导出后可原样导入。")
    xlsx.add_argument("--kind", type=kind_type(_EXPORT_KINDS), metavar="KIND", help=_KIND_HELP)
    xlsx.add_argument("--by", choices=(BY_PART, BY_BATCH),
                      help="分表方式：part 按部分（许可事项，默认）、batch 按批次（赋权事项，默认）")
    _add_common(xlsx)
    xlsx.set_defaults(run=run_xlsx)
    return parser


def _add_common(parser: argparse.ArgumentParser) -> None:
    add_filter_arguments(parser)
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="PATH", help="输出文件（或文件夹）")


def run_pdf(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    from lawgov_desktop.exporters.catalogue import (
        CatalogueOptions,
        book_title,
        department_catalogues,
        licence_catalogue,
        power_catalogue,
        responsibility_catalogue,
        responsibility_catalogues,
    )
    from lawgov_desktop.exporters.model import LANDSCAPE, PORTRAIT
    from lawgov_desktop.exporters.pdf import write_catalogue, write_catalogue_book, write_catalogues_to_folder

    """Build the chosen catalogue(s) and write the PDF(s); warnings go to stderr."""
    kind = args.kind or (POWER if args.township or args.responsibility_list else LICENCE)
    if args.township and kind != POWER:
        raise UsageError("--township 只用于赋权事项（--kind powers）。")
    if args.responsibility_list and (kind != POWER or args.township):
        raise UsageError("--responsibility-list 印部门的权责清单（赋权事项按权力类型），不能与 --kind items 或 "
                         "--township 同用。")
    if args.all_departments and kind != LICENCE and not args.responsibility_list:
        raise UsageError("--all-departments 只用于行政许可事项或权责清单（--responsibility-list）。")
    if (args.one_file or args.folder) and not args.all_departments:
        raise UsageError("--one-file 和 --folder 需与 --all-departments 一起使用。")
    flt = list_filter(library, kind, args)
    if args.township:
        flt.region_ids = (*flt.region_ids, resolve(library, REGION, args.township))
    printed = RESPONSIBILITY if args.responsibility_list else kind
    options = CatalogueOptions(
        columns=column_keys(printed, args.columns) if args.columns else None,
        orientation=PORTRAIT if args.portrait else LANDSCAPE,
        attachment_label=f"附件{args.attachment}" if args.attachment else None,
        title=args.title, version_label=args.version_label, font_path=args.font)
    with ProgressBar() as bar:
        if args.all_departments:
            every = responsibility_catalogues if printed == RESPONSIBILITY else department_catalogues
            specs = every(library, flt, options, bar)
            if args.folder:
                args.output.mkdir(exist_ok=True)
                results = write_catalogues_to_folder(specs, args.output, bar)
            else:
                results = [write_catalogue_book(specs, args.output, title=args.title or book_title(library, specs),
                                                attachment_label=options.attachment_label, task=bar)]
        else:
            build = {LICENCE: licence_catalogue, POWER: power_catalogue,
                     RESPONSIBILITY: responsibility_catalogue}[printed]
            results = [write_catalogue(build(library, flt, options, bar), args.output, bar)]
    _warn(results)
    for result in results:
        out.write(f"已导出“{result.path}”（{result.pages} 页）。\n")
    return 0


def run_xlsx(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    from lawgov_desktop.exporters.catalogue import export_sheets
    from lawgov_desktop.exporters.xlsx import write_workbook

    """Write the filtered list as a workbook in the importer's layout."""
    kind = args.kind or LICENCE
    flt = list_filter(library, kind, args)
    with ProgressBar() as bar:
        sheets = export_sheets(library, kind, flt, args.by, bar)
        path = write_workbook(sheets, args.output, bar)
    rows = sum(len(sheet.rows) for sheet in sheets)
    out.write(f"已导出“{path}”：{len(sheets)} 个工作表，{rows} 行。\n")
    return 0


def column_keys(kind: str, text: str) -> list[str]:
    """Field keys from "序号,事项名称,…": a key, the Chinese label or any header the importer knows."""
    lookup: dict[str, str] = {}
    for spec in printable_fields(kind):
        for name in (spec.key, spec.label, *spec.headers):
            lookup.setdefault(name_key(name), spec.key)
    keys = []
    for name in filter(None, (part.strip() for part in text.replace("，", ",").replace("、", ",").split(","))):
        key = lookup.get(name_key(name))
        if key is None:
            known = "、".join(spec.label for spec in printable_fields(kind))
            raise UsageError(f"未知的列“{name}”，可用：{known}。")
        keys.append(key)
    return keys


def _warn(results: list[PdfResult]) -> None:
    """Each distinct font warning once: the PDF is written, but the clerk must know."""
    for warning in dict.fromkeys(w for result in results for w in result.warnings):
        sys.stderr.write(f"警告：{warning}\n")
