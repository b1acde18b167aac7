"""The statistics as a workbook and as a one-page PDF, from a ``library.stats.compute()`` document.

The workbook has the summary paragraph on its first sheet and one sheet per breakdown (licence
items per part, department and level; powers per batch, receiving region, type and original
department; each department's 权责清单 per power type with the sentence it states its size with).
The PDF is one A4 page to hand round or attach: title, the paragraph, the breakdowns two by two,
then the departments' 权责清单 sentences across the page; when they do not fit, the font shrinks
and the long department lists keep their largest rows plus one "其余 N 个部门" row, until the page
holds everything.
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.doctemplate import LayoutError

from lawgov_desktop.core.fields import PART_LABELS, REGION_KINDS
from lawgov_desktop.core.summary import NOTHING_TO_STATE
from lawgov_desktop.exporters.fonts import BODY, HEADING, ResolvedFont, resolve_font
from lawgov_desktop.exporters.model import ExportError, export_file
from lawgov_desktop.exporters.tables import ReportColumn, ReportTable, write_report_workbook

DEFAULT_TITLE = "行政许可事项和赋权执法事项统计"
# (font size, most rows of a long table), most readable first; the first that fits one page wins.
_FITS = ((10.5, None), (9.0, None), (8.0, None), (9.0, 24), (8.0, 24), (8.0, 16), (7.0, 16), (7.0, 10),
         (6.0, 10), (6.0, 6))
_MARGIN = 15 * mm
_GAP = 5 * mm
_PADDING = 3.0


@dataclass
class StatsPdfResult:
    """What was written: the path, the font size that fitted, the font used and warnings."""

    path: Path
    font_size: float
    font: ResolvedFont
    warnings: list[str]


def stats_tables(stats: dict[str, Any]) -> list[ReportTable]:
    """The breakdowns of a stats document as tables, in the order the view and the PDF show them."""
    breakdowns = stats["breakdowns"]
    parts = [row["part"] for row in breakdowns["parts"]]
    count = ReportColumn("事项数", 10)
    return [
        ReportTable("许可事项按部分", [ReportColumn("部分", 30, True), count, ReportColumn("涉及部门数", 12),
                                   ReportColumn("涉及部门", 60, True, on_page=False)],
                    [[PART_LABELS[row["part"]], row["items"], len(row["departments"]),
                      "、".join(d["short_name"] for d in row["departments"])] for row in breakdowns["parts"]]),
        ReportTable("许可事项按主管部门",
                    [ReportColumn("主管部门", 30, True, on_page=False), ReportColumn("简称", 14),
                     *(ReportColumn(PART_LABELS[part], 14, True) for part in parts), ReportColumn("合计", 10),
                     ReportColumn("子项数", 10)],
                    [[row["name"], row["short_name"], *(row["parts"].get(part, 0) for part in parts), row["items"],
                      row["sub_items"]] for row in breakdowns["licence_departments"]]),
        ReportTable("许可事项按行使层级", [ReportColumn("行使层级", 20), count],
                    [[level, number] for level, number in stats["licence_items"]["by_level"].items()]),
        ReportTable("执法事项按批次", [ReportColumn("批次", 14), ReportColumn("文号", 24, on_page=False),
                                    ReportColumn("执法事项数", 12)],
                    [[row["name"], row["document_number"] or "", row["powers"]] for row in breakdowns["batches"]]),
        ReportTable("执法事项按承接区划",
                    [ReportColumn("承接区划", 28), ReportColumn("类型", 10), ReportColumn("执法事项数（含下辖镇街）", 14)],
                    _region_rows(breakdowns["regions"])),
        ReportTable("执法事项按职权类型", [ReportColumn("职权类型", 16), count],
                    [[kind, number] for kind, number in stats["powers"]["by_type"].items()]),
        ReportTable("执法事项按原实施部门", [ReportColumn("原实施主体", 30, True, on_page=False), ReportColumn("简称", 14),
                                      count],
                    [[row["name"], row["short_name"], row["powers"]] for row in breakdowns["power_departments"]]),
        _responsibility_table(stats),
    ]


def _responsibility_table(stats: dict[str, Any]) -> ReportTable:
    """Each department's 权责清单: main items per type (the types some department has, in the
    standard order), total, sub-items, and the sentence; the page shows the short name and sentence."""
    types = list(stats["powers"]["by_type"])
    columns = [ReportColumn("部门", 30, True, on_page=False), ReportColumn("简称", 14),
               *(ReportColumn(kind, 10, True, on_page=False) for kind in types),
               ReportColumn("合计", 10, on_page=False), ReportColumn("子项数", 10, on_page=False),
               ReportColumn("权责清单", 70, True)]
    rows = [[row["name"], row["short_name"], *(row["types"].get(kind, 0) for kind in types), row["powers"],
             row["sub_items"], row["summary"]] for row in stats["breakdowns"]["power_departments"]]
    return ReportTable("各部门权责清单", columns, rows, full_width=True)


def write_stats_workbook(stats: dict[str, Any], summary: str, path: str | os.PathLike[str],
                         title: str = DEFAULT_TITLE) -> Path:
    """The statistics workbook: the paragraph first, then one sheet per breakdown."""
    overview = (f"行政许可事项 {stats['licence_items']['total']} 项（子项 {stats['licence_items']['sub_items']} 项），"
                f"赋权执法事项 {stats['powers']['total']} 项，已下放镇街 {stats['powers']['delegated']} 项。")
    return write_report_workbook(title, [summary, overview], stats_tables(stats), path)


def write_stats_pdf(stats: dict[str, Any], summary: str, path: str | os.PathLike[str],
                    title: str = DEFAULT_TITLE, *, subtitle: str | None = None, font_path: str | None = None,
                    print_date: date | None = None) -> StatsPdfResult:
    """One A4 portrait page: title, paragraph, the breakdowns two by two."""
    target = Path(path)
    if not target.parent.is_dir():
        raise ExportError(f"文件夹“{target.parent}”不存在。")
    body = resolve_font(font_path, role=BODY)
    heading = resolve_font(None, role=HEADING)
    heading_name = heading.name if heading.embedded or not body.embedded else body.name
    day = print_date or date.today()
    tables = stats_tables(stats)
    for font_size, limit in _FITS:
        buffer = io.BytesIO()
        pages = _build(buffer, title, subtitle or f"统计日期：{day.year}年{day.month}月{day.day}日", summary,
                       tables, body.name, heading_name, font_size, limit)
        if pages == 1:
            break
    with export_file(target) as temp:
        temp.write_bytes(buffer.getvalue())
    warnings = [body.warning] if body.warning else []
    return StatsPdfResult(target, font_size, body, warnings)


def _region_rows(regions: list[dict[str, Any]]) -> list[list[object]]:
    """Regions in tree order, a township indented under its county or zone."""
    depth: dict[int, int] = {}
    rows = []
    for row in regions:
        depth[row["id"]] = depth[row["parent_id"]] + 1 if row["parent_id"] in depth else 0
        rows.append(["　" * depth[row["id"]] + row["name"], REGION_KINDS.get(row["kind"], row["kind"]),
                     row["powers"]])
    return rows


def _shortened(table: ReportTable, limit: int | None) -> ReportTable:
    """At most ``limit`` rows: the first ones, and the rest summed into one "其余" row (named once on
    the page: a second text column, such as a sentence, is left blank)."""
    if limit is None or len(table.rows) <= limit:
        return table
    kept, rest = table.rows[: limit - 1], table.rows[limit - 1:]
    label = f"其余 {len(rest)} 个"
    first_on_page = next(i for i, column in enumerate(table.columns) if column.on_page)
    filler = [sum(row[i] for row in rest) if _numeric(rest, i)
              else label if i <= first_on_page or not column.on_page else ""
              for i, column in enumerate(table.columns)]
    return ReportTable(table.name, table.columns, [*kept, filler], table.full_width)


def _numeric(rows: Sequence[Sequence[object]], column: int) -> bool:
    return bool(rows) and all(isinstance(row[column], int) for row in rows)


def _build(buffer: io.BytesIO, title: str, subtitle: str, summary: str, tables: Sequence[ReportTable], font: str,
           heading: str, size: float, limit: int | None) -> int:
    """Lay the page out into ``buffer``; returns the number of pages it took."""
    leading = size * 1.3
    styles = {
        "title": ParagraphStyle("title", fontName=heading, fontSize=size + 7, leading=(size + 7) * 1.4,
                                alignment=TA_CENTER, wordWrap="CJK"),
        "subtitle": ParagraphStyle("subtitle", fontName=font, fontSize=size, leading=leading, alignment=TA_CENTER),
        "body": ParagraphStyle("body", fontName=font, fontSize=size + 1, leading=(size + 1) * 1.6,
                               firstLineIndent=2 * (size + 1), wordWrap="CJK"),
        "heading": ParagraphStyle("heading", fontName=heading, fontSize=size + 1, leading=leading * 1.3,
                                  wordWrap="CJK"),
        "cell": ParagraphStyle("cell", fontName=font, fontSize=size, leading=leading, wordWrap="CJK"),
    }
    width = A4[0] - 2 * _MARGIN
    half = (width - _GAP) / 2
    blocks = [_block(_shortened(table, limit if index else None), styles, half)
              for index, table in enumerate(tables) if not table.full_width]
    pairs = [blocks[index: index + 2] for index in range(0, len(blocks), 2)]
    grid = Table([pair + [""] * (2 - len(pair)) for pair in pairs], colWidths=[half + _GAP, half])
    grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), size)]))
    story = [Paragraph(escape(title), styles["title"]), Paragraph(escape(subtitle), styles["subtitle"]),
             Spacer(1, size), Paragraph(escape(summary or f"（{NOTHING_TO_STATE}）"), styles["body"]),
             Spacer(1, size), grid]
    for table in tables:
        if table.full_width and table.rows:
            story.extend(_block(_shortened(table, limit), styles, width))
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=_MARGIN, rightMargin=_MARGIN, topMargin=_MARGIN,
                            bottomMargin=_MARGIN, title=title, creator="LawGov Desktop")
    try:
        doc.build(story)
    except LayoutError:  # a pair of tables taller than the page: certainly not one page
        return 2
    return doc.page


def _block(table: ReportTable, styles: dict[str, ParagraphStyle], width: float) -> list[object]:
    """A heading and a ruled table filling ``width``: numbers narrow, the first column wide."""
    cell = styles["cell"]
    shown = [i for i, column in enumerate(table.columns) if column.on_page]
    text_columns = [i for i in shown if not _numeric(table.rows, i)] or shown[:1]
    widths = {i: max([cell.fontSize * 3, *(stringWidth(str(row[i]), cell.fontName, cell.fontSize)
                                           for row in table.rows)]) + 2 * _PADDING
              for i in shown if i not in text_columns}
    # text columns share the rest as their workbook widths do: a sentence wide, a name narrower
    text_unit = (width - sum(widths.values())) / sum(table.columns[i].width for i in text_columns)
    widths.update({i: table.columns[i].width * text_unit for i in text_columns})
    data = [[Paragraph(escape(table.columns[i].label), cell) for i in shown]]
    data += [[Paragraph(escape(str(row[i])), cell) for i in shown] for row in table.rows] or [
        [Paragraph("（无）", cell), *[""] * (len(shown) - 1)]]
    ruled = Table(data, colWidths=[widths[i] for i in shown], repeatRows=1)
    ruled.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.black),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EDEDED")),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("LEFTPADDING", (0, 0), (-1, -1), _PADDING),
                               ("RIGHTPADDING", (0, 0), (-1, -1), _PADDING),
                               ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    return [Paragraph(escape(table.name), styles["heading"]), ruled]
