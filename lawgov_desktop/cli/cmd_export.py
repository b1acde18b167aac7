"""``lawgov export pdf|docx|site|xlsx``: catalogues, the public site and workbooks, built by the same code
the window uses.

``export pdf`` prints a licence list (a department's with ``--department``, a part's with
``--part``, any filtered view, or every department with ``--all-departments`` into one book or a
folder of files), a power list grouped by batch (``--township`` or ``--kind powers``), or a
department's 权责清单 grouped by power type with its sub-items (``--responsibility-list``, with
``--department`` or ``--all-departments`` as for licence lists).  ``export docx`` takes the same
selectors and writes the Word attachment (every department's in one document); ``--watermark``
marks either as a draft.  ``export site`` writes the 公示 site of every department's lists.
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
from lawgov_desktop.core.progress import Task
from lawgov_desktop.core.records import name_key
from lawgov_desktop.exporters.catalogue import BY_BATCH, BY_PART, printable_fields

from .errors import UsageError
from .options import SubParsers, add_filter_arguments, kind_type, list_filter, resolve
from .progress import ProgressBar

if TYPE_CHECKING:  # the exporters (reportlab, python-docx, openpyxl) load only when a command exports
    from lawgov_desktop.exporters.model import CatalogueSpec
    from lawgov_desktop.exporters.pdf import PdfResult

_EXPORT_KINDS = (LICENCE, POWER)
_KIND_HELP = "items（行政许可事项，默认）或 powers（赋权事项）"


def add_parser(commands: SubParsers) -> argparse.ArgumentParser:
    """``export pdf|docx|site|xlsx …``."""
    parser = commands.add_parser("export", help="导出 PDF 或 Word 清单、公示网站或 Excel 工作簿",
                                 description="把清单导出为可打印的 PDF 目录、可编辑的 Word 附件、可搜索的公示网站，"
                                             "或可再导入的 Excel 工作簿。")
    formats = parser.add_subparsers(dest="format", metavar="FORMAT", required=True, title="格式")
    pdf = formats.add_parser(
        "pdf", help="PDF 清单（A4，默认横向）",
        description="生成可打印的 PDF 清单：标题、版本和事项数，分部分（许可事项）、分批次（赋权事项）或"
                    "分权力类型（权责清单），表头每页重复，页脚“第 X 页 共 Y 页”、版本和打印日期。")
    whole = _add_catalogue_arguments(pdf, "每个部门一份清单（许可事项或权责清单）")
    layout = whole.add_mutually_exclusive_group()
    layout.add_argument("--one-file", action="store_true", help="合成一个带目录的 PDF（默认）")
    layout.add_argument("--folder", action="store_true", help="每个部门一个 PDF 文件，写入 -o 指定的文件夹")
    pdf.add_argument("--font", metavar="PATH", help="使用这个 TrueType 字体文件")
    _add_common(pdf)
    pdf.set_defaults(run=run_pdf)
    docx = formats.add_parser(
        "docx", help="Word 清单（.docx，可编辑，作红头文件的附件）",
        description="生成 Word 文档，选项与 export pdf 相同：“附件N”、标题、版本和事项数，分部分或分批次的标题，"
                    "表头每页重复，页脚“第 X 页 共 Y 页”和版本；正文仿宋_GB2312，标题方正小标宋简体"
                    "（电脑上没有时 Word/WPS 自动替换）。")
    _add_catalogue_arguments(docx, "所有部门合成一个 Word 文档，每个部门另起一页、有自己的标题")
    _add_common(docx)
    docx.set_defaults(run=run_docx)
    site = formats.add_parser(
        "site", help="公示网站（静态网页，可查找）",
        description="生成公示用的静态网站：首页按部门和类型列出事项数并可查找全部事项（输入一个字即可），"
                    "每个部门一个网页，列出该部门的行政许可事项清单和（有权责事项时）权责清单。"
                    "不引用任何外部资源，可直接双击 index.html 打开，也可放到任何网站服务器上。"
                    "镇街的赋权事项目录不在其中，请用 export pdf --township 导出。")
    site.add_argument("--title", metavar="TEXT", help="网站标题，印在首页和每个部门网页上（默认“<市名>事项清单公示”）")
    site.add_argument("-o", "--output", type=Path, required=True, metavar="FOLDER",
                      help="输出文件夹（没有则新建；其上级文件夹须已存在）")
    site.set_defaults(run=run_site)
    xlsx = formats.add_parser("xlsx", help="Excel 工作簿（可再导入）",
                              description="导出为 Excel 工作簿：许可事项每个部分一个工作表，赋权事项每个批次一个工作表；"
                                          "编码按文本保存，导出后可原样导入。")
    xlsx.add_argument("--kind", type=kind_type(_EXPORT_KINDS), metavar="KIND", help=_KIND_HELP)
    xlsx.add_argument("--by", choices=(BY_PART, BY_BATCH),
                      help="分表方式：part 按部分（许可事项，默认）、batch 按批次（赋权事项，默认）")
    _add_common(xlsx)
    xlsx.set_defaults(run=run_xlsx)
    return parser


def _add_catalogue_arguments(parser: argparse.ArgumentParser, all_departments_help: str) -> argparse._ArgumentGroup:
    """What selects and lays out a printed catalogue, the same for PDF and Word; returns the
    "全部部门" group for the PDF's own book-or-folder choice."""
    parser.add_argument("--kind", type=kind_type(_EXPORT_KINDS), metavar="KIND", help=_KIND_HELP)
    parser.add_argument("--township", metavar="NAME", help="某镇街（或功能区及其下所有镇街）承接的赋权事项目录")
    parser.add_argument("--responsibility-list", action="store_true",
                        help="部门的权责清单：按权力类型分部分，子项列在事项下，印承办机构、责任事项和追责情形"
                             "（配合 --department 或 --all-departments）")
    whole = parser.add_argument_group("全部部门")
    whole.add_argument("--all-departments", action="store_true", help=all_departments_help)
    parser.add_argument("--columns", metavar="A,B,C", help="要印的列，如 序号,事项名称,子项,实施机关,设定和实施依据,备注"
                                                          "（权责清单如 序号,事项名称,子项名称,实施依据,承办机构,追责情形）")
    parser.add_argument("--sort", metavar="FIELD",
                        help="按字段排序，如 name、department（中文按拼音，与 Excel/WPS 一致；默认按清单顺序）")
    parser.add_argument("--desc", action="store_true", help="倒序")
    parser.add_argument("--portrait", action="store_true", help="纵向（默认横向）")
    parser.add_argument("--attachment", metavar="N", help="左上角印“附件N”")
    parser.add_argument("--title", metavar="TEXT",
                        help="标题（默认按清单生成；与 --all-departments 同用时是整份文件的标题）")
    parser.add_argument("--version-label", metavar="TEXT", help="版本，如 2022年版（默认取事项的清单版本）")
    parser.add_argument("--watermark", metavar="TEXT",
                        help="征求意见稿、草稿等：每页斜印的水印，以免被当作正式清单")
    return whole


def _add_common(parser: argparse.ArgumentParser) -> None:
    add_filter_arguments(parser)
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="PATH", help="输出文件（或文件夹）")


def _catalogues(library: Library, args: argparse.Namespace, task: Task,
                font_path: str | None = None) -> list[CatalogueSpec]:
    """The catalogue the selectors name (one), or every department's with ``--all-departments``."""
    from lawgov_desktop.exporters.catalogue import (
        CatalogueOptions,
        department_catalogues,
        licence_catalogue,
        power_catalogue,
        responsibility_catalogue,
        responsibility_catalogues,
    )
    from lawgov_desktop.exporters.model import LANDSCAPE, PORTRAIT

    kind = args.kind or (POWER if args.township or args.responsibility_list else LICENCE)
    if args.township and kind != POWER:
        raise UsageError("--township 只用于赋权事项（--kind powers）。")
    if args.responsibility_list and (kind != POWER or args.township):
        raise UsageError("--responsibility-list 印部门的权责清单（赋权事项按权力类型），不能与 --kind items 或 "
                         "--township 同用。")
    if args.all_departments and kind != LICENCE and not args.responsibility_list:
        raise UsageError("--all-departments 只用于行政许可事项或权责清单（--responsibility-list）。")
    flt = list_filter(library, kind, args)
    if args.township:
        flt.region_ids = (*flt.region_ids, resolve(library, REGION, args.township))
    printed = RESPONSIBILITY if args.responsibility_list else kind
    options = CatalogueOptions(
        columns=column_keys(printed, args.columns) if args.columns else None,
        orientation=PORTRAIT if args.portrait else LANDSCAPE,
        attachment_label=f"附件{args.attachment}" if args.attachment else None,
        # With every department the title is the whole file's: each department keeps its own.
        title=None if args.all_departments else args.title,
        version_label=args.version_label, font_path=font_path, sort=args.sort, descending=args.desc)
    if args.all_departments:
        every = responsibility_catalogues if printed == RESPONSIBILITY else department_catalogues
        return every(library, flt, options, task)
    build = {LICENCE: licence_catalogue, POWER: power_catalogue, RESPONSIBILITY: responsibility_catalogue}[printed]
    return [build(library, flt, options, task)]


def run_pdf(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    """Build the chosen catalogue(s) and write the PDF(s); warnings go to stderr."""
    from lawgov_desktop.exporters.catalogue import book_title
    from lawgov_desktop.exporters.pdf import write_catalogue, write_catalogue_book, write_catalogues_to_folder

    if (args.one_file or args.folder) and not args.all_departments:
        raise UsageError("--one-file 和 --folder 需与 --all-departments 一起使用。")
    watermark = args.watermark
    with ProgressBar() as bar:
        specs = _catalogues(library, args, bar, args.font)
        if not args.all_departments:
            results = [write_catalogue(specs[0], args.output, bar, watermark=watermark)]
        elif args.folder:
            args.output.mkdir(exist_ok=True)
            results = write_catalogues_to_folder(specs, args.output, bar, watermark=watermark)
        else:
            results = [write_catalogue_book(specs, args.output, title=args.title or book_title(library, specs),
                                            attachment_label=specs[0].attachment_label, task=bar,
                                            watermark=watermark)]
    _warn(results)
    for result in results:
        out.write(f"已导出“{result.path}”（{result.pages} 页）。\n")
    return 0


def run_docx(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    """Build the chosen catalogue(s) and write one Word document (every department's in one)."""
    from lawgov_desktop.exporters.catalogue import book_title
    from lawgov_desktop.exporters.docx import write_catalogue_docx

    with ProgressBar() as bar:
        specs = _catalogues(library, args, bar)
        title = (args.title or book_title(library, specs)) if args.all_departments else None
        path = write_catalogue_docx(specs, args.output, watermark=args.watermark, title=title, task=bar)
    items = sum(spec.item_count for spec in specs)
    departments = f"{len(specs)} 个部门，" if args.all_departments else ""
    out.write(f"已导出“{path}”（{departments}{items} 项）。\n")
    return 0


def run_site(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    """Write the public site of every department's lists into the output folder."""
    from lawgov_desktop.exporters.site import published_catalogues, site_title, write_site

    with ProgressBar() as bar:
        result = write_site(published_catalogues(library, bar), args.output, title=args.title or site_title(library),
                            task=bar)
    out.write(f"已生成公示网站“{result.index}”：{result.departments} 个部门，{result.items} 项。\n")
    return 0


def run_xlsx(library: Library, args: argparse.Namespace, out: TextIO) -> int:
    """Write the filtered list as a workbook in the importer's layout."""
    from lawgov_desktop.exporters.catalogue import export_sheets
    from lawgov_desktop.exporters.xlsx import write_workbook

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
