"""Rows copied from Excel or WPS and pasted into a list, as a sheet the import reads like any workbook.

A spreadsheet puts a copied range on the clipboard twice: as tab-separated text (a cell holding a
tab, a line break or a quote is quoted the CSV way, quotes doubled) and as an HTML table (merged
cells as ``rowspan``/``colspan``, line breaks in a cell as ``<br>``).  ``read_pasted`` turns either
into a :class:`Sheet`.  A block copied without its header row gets one (``with_header``): the
headers of the columns the clerk sees, in their order, so values pasted under those columns are read
as them.  ``write_pasted`` keeps the block as a UTF-8 CSV file, so the import wizard, the preview,
the import history and "export rejected rows" treat it exactly as a file.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from html.parser import HTMLParser
from pathlib import Path

from lawgov_desktop.importers.readers import Sheet, grid_sheet
from lawgov_desktop.importers.shaping import find_header

PASTED_SHEET = "粘贴的内容"
_SPACES = re.compile(r"[ \t\r\n\f\xa0]+")


def read_pasted(text: str = "", html: str = "") -> Sheet | None:
    """The table in what was pasted: the HTML table when there is one, else the tab-separated text
    (lines without a tab are a single column); None when it holds no table (one word, nothing)."""
    rows = _html_rows(html) if "<table" in html.lower() else None
    if rows is None:
        rows = csv.reader(io.StringIO(text.rstrip("\r\n"), newline=""), delimiter="\t")
    try:
        sheet = grid_sheet(PASTED_SHEET, rows)
    except csv.Error:  # a cell longer than the csv module takes: not a block from a spreadsheet
        return None
    cells = sum(1 for row in sheet.rows for cell in row if cell is not None)
    return sheet if cells > 1 else None


def with_header(sheet: Sheet, headers: Sequence[str]) -> Sheet:
    """``sheet`` as it is when it has a header the import recognises, else under ``headers`` (the
    visible columns' headers, "" for a column the import does not read)."""
    if find_header(sheet) is not None:
        return sheet
    return Sheet(sheet.name, [list(headers), *sheet.rows])


def write_pasted(sheet: Sheet, path: Path) -> Path:
    """Keep the block as a UTF-8 CSV file (every cell quoted, so commas and line breaks stay in it)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerows([["" if cell is None else str(cell) for cell in row] for row in sheet.rows])
    path.write_text(buffer.getvalue(), encoding="utf-8-sig", newline="")
    return path


def _html_rows(html: str) -> list[list[str]] | None:
    """The cells of the first table, a merged cell's value in every cell it covers."""
    parser = _TableParser()
    parser.feed(html)
    parser.close()
    if not parser.cells:
        return None
    height = max(row for row, _col, _text in parser.cells) + 1
    width = max(col for _row, col, _text in parser.cells) + 1
    grid = [[""] * width for _ in range(height)]
    for row, col, cell in parser.cells:
        grid[row][col] = cell
    return grid


class _TableParser(HTMLParser):
    """Cells of the first <table> as (row, column, text), spans expanded; nested tables are text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.cells: list[tuple[int, int, str]] = []
        self._depth = 0  # tables open; 0 before the first, -1 after it
        self._row = -1
        self._taken: set[tuple[int, int]] = set()  # grid positions a span above or left covers
        self._cell: list[str] | None = None
        self._span = (1, 1)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._depth < 0:
            return
        if tag == "table":
            self._depth += 1
        elif self._depth != 1:
            if tag == "br" and self._cell is not None:
                self._cell.append("\n")
        elif tag == "tr":
            self._end_cell()
            self._row += 1
        elif tag in ("td", "th"):
            self._end_cell()
            self._row = max(self._row, 0)
            values = dict(attrs)
            self._span = (_span(values.get("rowspan")), _span(values.get("colspan")))
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self._depth < 0:
            return
        if tag == "table":
            self._depth -= 1
            if self._depth == 0:
                self._end_cell()
                self._depth = -1
        elif self._depth == 1 and tag in ("td", "th", "tr"):
            self._end_cell()

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(_SPACES.sub(" ", data))

    def _end_cell(self) -> None:
        if self._cell is None:
            return
        text = "\n".join(line.strip() for line in "".join(self._cell).split("\n")).strip()
        self._cell = None
        col = 0
        while (self._row, col) in self._taken:
            col += 1
        rows, cols = self._span
        for r in range(self._row, self._row + rows):
            for c in range(col, col + cols):
                self._taken.add((r, c))
                self.cells.append((r, c, text))


def _span(value: str | None) -> int:
    """A rowspan/colspan attribute as a count (1 when missing or odd), capped against hostile HTML."""
    return min(int(value), 1000) if value and value.strip().isdigit() and int(value) > 0 else 1
