"""The rows an import rejected, as a workbook the county can fix and send back.

Each sheet of the source that had rejected rows becomes one sheet: its header rows as they were,
then each rejected row's original cells with the reason in a 拒绝原因 column and the row number
in the source file.  The importer ignores both extra columns when the fixed file comes back.
Text cells that look like formulas are neutralised the way ``xlsx.py`` does it; the file is
written atomically (``core.atomic``).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from lawgov_desktop.exporters.model import ExportError
from lawgov_desktop.exporters.xlsx import (
    EXCEL_CELL_LIMIT,
    FORMULA_TRIGGERS,
    cell_text,
    safe_sheet_name,
    save_workbook,
)

REASON_HEADER = "拒绝原因"
ROW_HEADER = "原行号"
_REASON_FILL = PatternFill("solid", fgColor="FCE4E4")
_BOLD = Font(bold=True)


@dataclass
class RejectedRow:
    """One rejected row: its 1-based row number in the source sheet, its cells and the reason."""

    row: int
    cells: list[object]
    reason: str


@dataclass
class RejectedSheet:
    """The rejected rows of one source sheet, under that sheet's header rows."""

    name: str
    header_rows: list[list[object]]
    rows: list[RejectedRow] = field(default_factory=list)


def write_rejected_rows(sheets: Sequence[RejectedSheet], path: str | os.PathLike[str]) -> Path:
    """Write the rejected rows to ``path`` atomically; returns the path."""
    target = Path(path)
    if not target.parent.is_dir():
        raise ExportError(f"文件夹“{target.parent}”不存在。")
    workbook = Workbook()
    workbook.remove(workbook.active)
    used: set[str] = set()
    for sheet in sheets:
        worksheet = workbook.create_sheet(safe_sheet_name(sheet.name, used))
        width = max((len(row) for row in [*sheet.header_rows, *(r.cells for r in sheet.rows)]), default=0)
        for number, header in enumerate(sheet.header_rows, start=1):
            for column, value in enumerate(header, start=1):
                _put(worksheet.cell(row=number, column=column), value).font = _BOLD
        top = len(sheet.header_rows)
        for column, title in ((width + 1, REASON_HEADER), (width + 2, ROW_HEADER)):
            cell = worksheet.cell(row=max(top, 1), column=column, value=title)
            cell.font = _BOLD
        worksheet.column_dimensions[get_column_letter(width + 1)].width = 48
        for number, rejected in enumerate(sheet.rows, start=max(top, 1) + 1):
            for column, value in enumerate(rejected.cells, start=1):
                _put(worksheet.cell(row=number, column=column), value)
            reason = _put(worksheet.cell(row=number, column=width + 1), rejected.reason)
            reason.fill = _REASON_FILL
            worksheet.cell(row=number, column=width + 2, value=rejected.row)
        worksheet.freeze_panes = worksheet.cell(row=max(top, 1) + 1, column=1)
    if not workbook.worksheets:
        workbook.create_sheet("Sheet1")
    save_workbook(workbook, target)
    return target


def _put(cell, value: object):  # noqa: ANN001, ANN202 - openpyxl cells are untyped
    """Numbers and dates stay what the county typed; text is never taken for a formula."""
    if value is None:
        return cell
    if isinstance(value, (int, float, date, datetime, time)) and not isinstance(value, bool):
        cell.value = value
        return cell
    text = cell_text(value)[:EXCEL_CELL_LIMIT]
    cell.value = text
    cell.data_type = "s"  # openpyxl would take a leading "=" for a formula
    if text.startswith(FORMULA_TRIGGERS):
        cell.quotePrefix = True
    return cell
