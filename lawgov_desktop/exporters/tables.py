"""Workbooks of plain tables for people to read: statistics and comparison tables.

Unlike ``xlsx.py`` (list exports the importer reads back, every cell text), these are reports: a
first sheet with the title and notes (the summary paragraph, what was compared), then one sheet
per table with a bold header row, counts as real numbers so the clerk can sum them, and text
cells written with the same formula guard as list exports.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from lawgov_desktop.exporters.model import ExportError
from lawgov_desktop.exporters.xlsx import FORMULA_TRIGGERS, cell_text, safe_sheet_name, save_workbook

NOTES_SHEET = "说明"
_THIN = Side(style="thin", color="999999")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="EDEDED")
_WRAP = Alignment(vertical="top", wrap_text=True)
_CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)


@dataclass
class ReportColumn:
    """A column: its header, its width in Excel characters, whether long text wraps, and whether a
    one-page PDF has room for it (a short name column stands in for the full name there)."""

    label: str
    width: float = 14
    wrap: bool = False
    on_page: bool = True


@dataclass
class ReportTable:
    """One table: a sheet of the workbook, a block of the one-page PDF (half the page wide, or the
    whole width for sentences that would wrap into a tall narrow column)."""

    name: str
    columns: list[ReportColumn]
    rows: list[list[object]] = field(default_factory=list)
    full_width: bool = False


def write_report_workbook(title: str, notes: Sequence[str], tables: Sequence[ReportTable],
                          path: str | os.PathLike[str]) -> Path:
    """Write the notes sheet and one sheet per table to ``path`` atomically; returns the path."""
    target = Path(path)
    if not target.parent.is_dir():
        raise ExportError(f"文件夹“{target.parent}”不存在。")
    workbook = Workbook()
    sheet = workbook.active
    used = {NOTES_SHEET.casefold()}
    sheet.title = NOTES_SHEET
    sheet.column_dimensions["A"].width = 100
    sheet.cell(row=1, column=1, value=cell_text(title)).font = Font(bold=True, size=14)
    for row_number, note in enumerate(notes, start=3):
        _text_cell(sheet, row_number, 1, note).alignment = _WRAP
    for table in tables:
        _write_table(workbook.create_sheet(safe_sheet_name(table.name, used)), table)
    save_workbook(workbook, target)
    return target


def _write_table(sheet, table: ReportTable) -> None:
    for column, spec in enumerate(table.columns, start=1):
        cell = sheet.cell(row=1, column=column, value=spec.label)
        cell.font, cell.fill, cell.border, cell.alignment = Font(bold=True), _HEADER_FILL, _BORDER, _CENTRE
        sheet.column_dimensions[get_column_letter(column)].width = spec.width
    for row_number, row in enumerate(table.rows, start=2):
        for column, (spec, value) in enumerate(zip(table.columns, row, strict=True), start=1):
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                cell = sheet.cell(row=row_number, column=column, value=value)
            else:
                cell = _text_cell(sheet, row_number, column, value)
            cell.border = _BORDER
            if spec.wrap:
                cell.alignment = _WRAP
    sheet.freeze_panes = "A2"


def _text_cell(sheet, row: int, column: int, value: object):
    """A text cell that never becomes a formula (the guard of ``xlsx.py``)."""
    text = cell_text(value)
    cell = sheet.cell(row=row, column=column)
    if text:
        cell.value = text
        cell.data_type = "s"
        if text.startswith(FORMULA_TRIGGERS):
            cell.quotePrefix = True
    return cell
