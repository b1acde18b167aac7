"""Write small workbooks the way clerks' files look, in every format the importer reads.

A sheet is described as a list of rows (lists of cell values, None for empty) plus merged ranges
in Excel notation ("A1:C1"), so the same description can be written as .xlsx, .xls and .ods.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from pathlib import Path

import openpyxl
from openpyxl.utils.cell import range_boundaries

Rows = list[list[object]]


def write_xlsx(path: Path, sheets: dict[str, tuple[Rows, list[str]]]) -> Path:
    """sheets: name → (rows, merged ranges)."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, (rows, merges) in sheets.items():
        sheet = book.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    sheet.cell(row=r, column=c, value=value)
        for merged in merges:
            sheet.merge_cells(merged)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def write_xls(path: Path, sheets: dict[str, tuple[Rows, list[str]]]) -> Path:
    """The same description as an Excel 97 .xls (xlwt), dates with a date format."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    for name, (rows, merges) in sheets.items():
        sheet = book.add_sheet(name)
        covered: set[tuple[int, int]] = set()
        for merged in merges:
            c1, r1, c2, r2 = range_boundaries(merged)
            value = rows[r1 - 1][c1 - 1] if c1 - 1 < len(rows[r1 - 1]) else None
            sheet.write_merge(r1 - 1, r2 - 1, c1 - 1, c2 - 1, value)
            covered |= {(r, c) for r in range(r1 - 1, r2) for c in range(c1 - 1, c2)}
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is None or (r, c) in covered:
                    continue
                if isinstance(value, dt.date):
                    sheet.write(r, c, value, date_style)
                else:
                    sheet.write(r, c, value)
    book.save(str(path))
    return path


def write_ods(path: Path, sheets: dict[str, tuple[Rows, list[str]]]) -> Path:
    """The same description as OpenDocument (odfpy), merged ranges as row/column spans."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    for name, (rows, merges) in sheets.items():
        spans = {}
        covered: set[tuple[int, int]] = set()
        for merged in merges:
            c1, r1, c2, r2 = range_boundaries(merged)
            spans[(r1 - 1, c1 - 1)] = (r2 - r1 + 1, c2 - c1 + 1)
            covered |= {(r, c) for r in range(r1 - 1, r2) for c in range(c1 - 1, c2)} - {(r1 - 1, c1 - 1)}
        width = max(len(row) for row in rows)
        table = Table(name=name)
        for r, row in enumerate(rows):
            table_row = TableRow()
            for c in range(width):
                value = row[c] if c < len(row) else None
                if (r, c) in covered:
                    table_row.addElement(CoveredTableCell())
                    continue
                attrs = {}
                if (r, c) in spans:
                    attrs["numberrowsspanned"], attrs["numbercolumnsspanned"] = spans[(r, c)]
                if value is None:
                    cell = TableCell(**attrs)
                elif isinstance(value, dt.date):
                    cell = TableCell(valuetype="date", datevalue=value.isoformat(), **attrs)
                    cell.addElement(P(text=value.isoformat()))
                elif isinstance(value, (int, float)):
                    cell = TableCell(valuetype="float", value=value, **attrs)
                    cell.addElement(P(text=str(value)))
                else:
                    cell = TableCell(valuetype="string", **attrs)
                    for line in str(value).split("\n"):
                        cell.addElement(P(text=line))
                table_row.addElement(cell)
            table.addElement(table_row)
        doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


def write_csv(path: Path, rows: Rows, *, encoding: str = "utf-8", delimiter: str = ",") -> Path:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def rewrite_zip(source: Path, target: Path, change: dict[str, bytes | None],
                add: dict[str, bytes] | None = None) -> Path:
    """Copy a zip package, replacing (or dropping, with None) some parts and adding others."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename in change:
                if change[info.filename] is not None:
                    zout.writestr(info.filename, change[info.filename])
            else:
                zout.writestr(info, zin.read(info.filename))
        for name, data in (add or {}).items():
            zout.writestr(name, data)
    return target


def sheet_xml(path: Path, part: str = "xl/worksheets/sheet1.xml") -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read(part)
