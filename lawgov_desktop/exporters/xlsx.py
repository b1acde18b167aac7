"""Excel export in exactly the layout our importer reads back.

Row 1 is the header (no title rows), written with the *first* header synonym of each field from
``core.layouts`` so the importer maps it without guessing; data starts in row 2.  A licence main
item has its own row, followed by one row per sub-item naming it (``flatten_licence_rows``; the
importer groups them back by item name and department); a power has one row per batch (and per
set of delegation terms) with its receiving townships joined by "、".

Every value is written as a text cell with number format "@", so codes keep their leading zeros
and long numbers never turn into 1.2E+17.

Formula neutralising: a text that starts with = + - @ (or their full-width forms, or a tab or
carriage return) is stored as a plain string cell (``t="inlineStr"``, never an ``<f>`` element)
and gets the cell style's ``quotePrefix`` flag — the same flag Excel and WPS set when a user types
a leading apostrophe.  Neither program evaluates it on opening, nor when the user edits the cell
and presses Enter.  The cell value stays exactly the original text (no apostrophe is added to
the data), so the importer needs nothing to strip.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from lawgov_desktop.core.fields import PART_LABELS
from lawgov_desktop.core.layouts import FIELDS_BY_KIND, field_label
from lawgov_desktop.core.progress import NO_TASK, Task, check_cancelled
from lawgov_desktop.exporters.model import ExportError, ExportSheet, export_file

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
EXCEL_CELL_LIMIT = 32767
JOINER = "、"

# Column widths in Excel character units (a Chinese character is about two).
_WIDTHS = {
    "sequence": 6, "upper_ref": 14, "part": 16, "department": 20, "name": 30, "sub_item": 28,
    "implementing_authority": 22, "legal_basis": 60, "level": 12, "code": 22, "certificate": 18,
    "list_year": 10, "status": 8, "remark": 20, "power_type": 12, "domain": 14,
    "penalty_range": 40, "receiving": 30, "mode": 12, "scope": 10, "batch": 10,
    "effective_date": 14, "change_kind": 12, "document_number": 22, "aliases": 20,
    "region": 16, "credit_code": 22, "handling_office": 18, "level_scope": 24, "duties": 40,
    "responsibility": 40, "responsibility_basis": 40, "accountability_scope": 22, "accountability_cases": 40,
}
_WRAPPED = {"name", "sub_item", "legal_basis", "penalty_range", "receiving", "remark",
            "implementing_authority", "level_scope", "duties", "responsibility", "responsibility_basis",
            "accountability_scope", "accountability_cases"}
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\\x00-\x1f]")
_SHEET_NAME_LIMIT = 31

_THIN = Side(style="thin", color="999999")
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="EDEDED")
_HEADER_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_ALIGN = Alignment(horizontal="center", vertical="center", wrap_text=True)
_WRAP_ALIGN = Alignment(vertical="top", wrap_text=True)


def export_header(kind: str, key: str) -> str:
    """The header our exports write for a field: its first synonym, which the importer knows."""
    for spec in FIELDS_BY_KIND.get(kind, ()):
        if spec.key == key:
            return spec.headers[0] if spec.headers else spec.label
    return field_label(kind, key)


def write_workbook(
    sheets: Sequence[ExportSheet],
    path: str | os.PathLike[str],
    task: Task = NO_TASK,
) -> Path:
    """Write ``sheets`` to ``path`` atomically; returns the path."""
    target = Path(path)
    if not target.parent.is_dir():
        raise ExportError(f"文件夹“{target.parent}”不存在。")
    workbook = Workbook()
    workbook.remove(workbook.active)
    total = max(1, sum(len(sheet.rows) for sheet in sheets))
    done = 0
    used_names: set[str] = set()
    for sheet in sheets or [ExportSheet("Sheet1", "", [], [])]:
        worksheet = workbook.create_sheet(safe_sheet_name(sheet.name, used_names))
        _write_header(worksheet, sheet)
        for row_number, row in enumerate(sheet.rows, start=2):
            if done % 200 == 0:
                check_cancelled(task)
                task.report(done, total, f"正在写入工作表“{worksheet.title}”")
            _write_row(worksheet, sheet, row_number, row)
            done += 1
    check_cancelled(task)
    save_workbook(workbook, target)
    task.report(total, total, "导出完成")
    return target


def save_workbook(workbook: Workbook, target: Path) -> None:
    """Save atomically; a file held open in Excel or WPS gives the clerk a clear message."""
    with export_file(target) as temp:
        workbook.save(temp)


def group_sheets(kind: str, columns: list[str], rows: Sequence[Mapping[str, Any]], by: str,
                 default_name: str = "清单", headers: dict[str, str] | None = None) -> list[ExportSheet]:
    """Split rows into one sheet per value of ``by`` (part or batch), in order of appearance.

    Part keys (central/local …) become their Chinese labels, which the importer recognises.
    """
    groups: dict[str, list[Mapping[str, Any]]] = {}
    for row in rows:
        value = str(row.get(by) or "").strip()
        groups.setdefault(PART_LABELS.get(value, value) or default_name, []).append(row)
    return [ExportSheet(name, kind, columns, group_rows, dict(headers or {})) for name, group_rows in groups.items()]


def safe_sheet_name(name: str, used: set[str]) -> str:
    """A sheet name Excel accepts (≤31 characters, no []:*?/\\, not History), unique in ``used``."""
    cleaned = _SHEET_NAME_FORBIDDEN.sub("_", name or "").strip().strip("'")[:_SHEET_NAME_LIMIT]
    cleaned = cleaned.strip() or "Sheet"
    if cleaned.casefold() == "history":
        cleaned += "_"
    candidate, counter = cleaned, 2
    while candidate.casefold() in used:
        suffix = f"（{counter}）"
        candidate = cleaned[: _SHEET_NAME_LIMIT - len(suffix)] + suffix
        counter += 1
    used.add(candidate.casefold())
    return candidate


def cell_text(value: Any) -> str:
    """How a value is written: lists joined with "、", None as empty, control characters dropped."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = JOINER.join(str(v) for v in value if v not in (None, ""))
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))


def _header(sheet: ExportSheet, key: str) -> str:
    return sheet.headers.get(key) or export_header(sheet.kind, key)


def _write_header(worksheet, sheet: ExportSheet) -> None:
    for column, key in enumerate(sheet.columns, start=1):
        cell = worksheet.cell(row=1, column=column, value=_header(sheet, key))
        cell.font, cell.fill, cell.border, cell.alignment = (
            _HEADER_FONT, _HEADER_FILL, _HEADER_BORDER, _HEADER_ALIGN)
        worksheet.column_dimensions[get_column_letter(column)].width = _WIDTHS.get(key, 16)
    worksheet.freeze_panes = "A2"
    if sheet.columns:
        last = get_column_letter(len(sheet.columns))
        worksheet.auto_filter.ref = f"A1:{last}{max(1, len(sheet.rows) + 1)}"


def _write_row(worksheet, sheet: ExportSheet, row_number: int, row: Mapping[str, Any]) -> None:
    for column, key in enumerate(sheet.columns, start=1):
        text = cell_text(row.get(key))
        if not text:
            continue
        if len(text) > EXCEL_CELL_LIMIT:
            raise ExportError(f"工作表“{worksheet.title}”第{row_number}行“{_header(sheet, key)}”"
                              f"超过 Excel 单元格 {EXCEL_CELL_LIMIT} 字的上限，无法导出。")
        cell = worksheet.cell(row=row_number, column=column)
        cell.value = text
        cell.data_type = "s"  # openpyxl would take a leading "=" for a formula
        cell.number_format = "@"
        if text.startswith(FORMULA_TRIGGERS):
            cell.quotePrefix = True
        if key in _WRAPPED:
            cell.alignment = _WRAP_ALIGN
