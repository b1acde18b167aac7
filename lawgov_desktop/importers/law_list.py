"""Reading a catalogue of laws (a workbook or CSV) for the law library's import.

The national laws and regulations database exports 标题, 制定机关, 法律性质, 时效性, 公布日期,
施行日期; provincial databases and hand-made lists name the same columns otherwise (法规名称,
发布机关, 效力级别, 效力, 发布日期, 生效日期…).  The header row is found among the first rows of
the first sheet that has one; each row below with a title becomes one entry for
``library.laws.import_catalogue``.  Statuses and dates are checked here, so a wrong cell is
refused naming its row.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from lawgov_desktop.core.errors import ImportFileError, ValidationError
from lawgov_desktop.core.laws import law_status
from lawgov_desktop.core.text import parse_date
from lawgov_desktop.core.text import text as clean_text
from lawgov_desktop.importers.readers import Sheet, read_workbook
from lawgov_desktop.importers.values import header_key

# The entry key each header means (compared after ``header_key``: spaces, widths and marks aside).
HEADERS: dict[str, tuple[str, ...]] = {
    "title": ("标题", "法规名称", "法律法规名称", "法律名称", "名称", "文件名称", "法规标题"),
    "short_titles": ("简称", "别名", "其他名称"),
    "issuing_body": ("制定机关", "发布机关", "发文机关", "制定机构", "颁布机关"),
    "level": ("法律性质", "效力级别", "位阶", "效力层级", "法规类别", "类别"),
    "status": ("时效性", "效力", "时效", "效力状态", "状态"),
    "promulgated": ("公布日期", "发布日期", "颁布日期", "公布时间", "发布时间"),
    "effective": ("施行日期", "生效日期", "实施日期", "施行时间", "生效时间"),
}
_KEY_OF = {header_key(header): key for key, headers in HEADERS.items() for header in headers}
_HEADER_ROWS = 20  # a title block may stand above the header


def _columns(sheet: Sheet) -> tuple[int, dict[int, str]] | None:
    """The header row of a sheet and which entry key each of its columns holds (None: no header)."""
    for row_index, row in enumerate(sheet.rows[:_HEADER_ROWS]):
        columns: dict[int, str] = {}
        for col, cell in enumerate(row):
            key = _KEY_OF.get(header_key(cell))
            if key and key not in columns.values():
                columns[col] = key
        if "title" in columns.values():
            return row_index, columns
    return None


def _date(value: object, file: str, sheet: str, row: int) -> str | None:
    if isinstance(value, (dt.date, dt.datetime)):
        return (value.date() if isinstance(value, dt.datetime) else value).isoformat()
    date, warning = parse_date(value)
    if date is None and warning:
        raise ImportFileError(warning, file=file, sheet=sheet, row=row)
    return date.isoformat() if date else None


def read_law_list(path: str | Path) -> list[dict[str, Any]]:
    """The laws a catalogue file lists, as entries for ``library.laws.import_catalogue``."""
    workbook = read_workbook(path)
    for sheet in workbook.sheets:
        found = _columns(sheet)
        if found is None:
            continue
        header_row, columns = found
        entries = []
        for row_index in range(header_row + 1, len(sheet.rows)):
            values = {key: sheet.value(row_index, col) for col, key in columns.items()}
            title = clean_text(values.get("title")).strip("《》")
            if not title:
                continue
            entry: dict[str, Any] = {"title": title}
            for key, value in values.items():
                if key == "title" or value in (None, ""):
                    continue
                if key in ("promulgated", "effective"):
                    entry[key] = _date(value, workbook.file_name, sheet.name, row_index + 1)
                elif key == "status":
                    try:
                        entry[key] = law_status(value)
                    except ValidationError as exc:
                        raise ImportFileError(exc.errors["status"], file=workbook.file_name, sheet=sheet.name,
                                              row=row_index + 1) from exc
                else:
                    entry[key] = clean_text(value)
            entries.append(entry)
        if entries:
            return entries
    raise ImportFileError("没有找到法律法规的标题列（标题、法规名称或名称）", file=workbook.file_name)
