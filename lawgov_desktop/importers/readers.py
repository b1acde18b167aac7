"""Read a workbook file into plain grids: .xlsx/.xlsm/.xlsb, old .xls, .ods (python-calamine) and .csv.

The format is found from the file's content, not its name: departments publish old .xls files named
.xlsx, and WPS saves .et files that are either kind.  Only CSV, which has no signature, goes by name.

The grid keeps the cell types the file stored (a number cell arrives as int/float, a text cell as
str), which is how later steps know a code was typed as a number; empty cells are None, and each row
is trimmed of trailing empty cells.  Nothing here knows about licences or powers.

Every problem with the file itself (missing, a folder, empty, not a spreadsheet, damaged,
encrypted, hostile) becomes one :class:`ImportFileError` naming the file; no parser exception
reaches the caller.
"""

from __future__ import annotations

import atexit
import codecs
import concurrent.futures
import csv
import io
import multiprocessing
import os
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import python_calamine

from lawgov_desktop.core.errors import ImportFileError
from lawgov_desktop.importers.safety import (
    CORRUPT_MESSAGE,
    ENCRYPTED_MESSAGE,
    OLE2_MAGIC,
    PackageScan,
    scan_ole2_package,
    scan_zip_package,
)

ZIP_MAGIC = b"PK\x03\x04"
TEXT_SUFFIXES = (".csv", ".txt", ".tsv")
# The names a workbook goes by, for file dialogs and dropped files: Excel, WPS (.et) and
# LibreOffice files and their templates, and text tables.  Reading goes by content, not by these.
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm", ".xls", ".xlt", ".et", ".ett", ".ods", ".csv")
MAX_CSV_BYTES = 200 * 1024 * 1024
OLD_EXCEL_TIMEOUT_S = 120
# Magic numbers of files clerks mistake for spreadsheets, for a more helpful message.
_OTHER_FORMATS = {
    b"%PDF": "PDF 文件",
    b"\x89PNG": "图片",
    b"\xff\xd8\xff": "图片",
    b"Rar!": "RAR 压缩包",
    b"7z\xbc\xaf": "7z 压缩包",
    b"{\\rtf": "RTF 文档",
}
# Names under which calamine's from_path picks the parser for each content; any other name is read
# from an open file, where calamine looks at the content (and keeps the whole file in memory).
_CALAMINE_SUFFIXES = {"xls": (".xls",), "xlsx": (".xlsx", ".xlsm"), "xlsb": (".xlsb",), "ods": (".ods",)}
SAVE_AS_XLSX = "请用 Excel 或 WPS 打开它，“另存为” .xlsx 文件后再导入"


def is_spreadsheet(path: Path) -> bool:
    """Whether ``path`` is named like a workbook, for file dialogs and dropped files (reading goes by
    its content)."""
    return path.suffix.lower() in WORKBOOK_SUFFIXES


_BOOLEAN_TEXT = {True: "TRUE", False: "FALSE"}


@dataclass
class Sheet:
    """One worksheet as a grid; positions are 0-based and absolute (row 0 is Excel's row 1)."""

    name: str
    rows: list[list[object]]
    # (first_row, first_col, last_row, last_col), 0-based, inclusive.
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    # Formula cells the file holds without a computed result (the parser shows them empty).
    formulas_without_value: list[tuple[int, int]] = field(default_factory=list)
    hidden: bool = False

    def value(self, row: int, col: int) -> object:
        """The cell value, None outside the grid."""
        if 0 <= row < len(self.rows):
            cells = self.rows[row]
            if 0 <= col < len(cells):
                return cells[col]
        return None

    def was_number(self, row: int, col: int) -> bool:
        """True when the file stored the cell as a number (a code that lost its leading zeros)."""
        return isinstance(self.value(row, col), (int, float))


def has_cells(sheet: Sheet) -> bool:
    """Whether anything is written on the sheet (the import passes over blank sheets)."""
    return any(any(cell not in (None, "") for cell in row) for row in sheet.rows)


@dataclass
class Workbook:
    """All worksheets of one file, in workbook order (chart sheets left out)."""

    path: Path
    sheets: list[Sheet]

    @property
    def file_name(self) -> str:
        return self.path.name

    def sheet(self, name: str) -> Sheet:
        """The sheet called ``name``; a clear error when there is none."""
        for sheet in self.sheets:
            if sheet.name == name:
                return sheet
        raise ImportFileError("找不到这个工作表", file=self.file_name, sheet=name)


def read_workbook(path: str | os.PathLike[str]) -> Workbook:
    """Read every worksheet of a spreadsheet file after the safety checks of ``safety.py``."""
    file_path = Path(path)
    name = file_path.name or str(file_path)
    try:
        if file_path.is_dir():
            raise ImportFileError("选择的是文件夹，不是表格文件", file=name)
        if not file_path.exists():
            raise ImportFileError("文件不存在（可能已被移动或删除）", file=name)
        size = file_path.stat().st_size
        with file_path.open("rb") as handle:
            head = handle.read(4096)
    except PermissionError as exc:
        raise ImportFileError("没有读取这个文件的权限（文件可能正被其他程序打开）", file=name) from exc
    except OSError as exc:
        raise ImportFileError(f"无法打开文件（{exc.strerror or exc}）", file=name) from exc
    if size == 0:
        raise ImportFileError("文件是空的（0 字节），没有可导入的内容", file=name)
    if head.startswith(ZIP_MAGIC):
        scan = scan_zip_package(str(file_path), name)
        return Workbook(file_path, _read_with_calamine(file_path, name, scan.kind, scan))
    if head.startswith(OLE2_MAGIC):
        scan_ole2_package(str(file_path), name)
        return Workbook(file_path, _read_old_excel_isolated(file_path, name))
    if file_path.suffix.lower() in TEXT_SUFFIXES:
        return Workbook(file_path, [_read_csv(file_path, name, size)])
    if markup := _markup_kind(head):
        raise ImportFileError(f"这是{markup}，不是真正的 Excel 文件（业务系统导出的表格常是这样）；{SAVE_AS_XLSX}",
                              file=name)
    kind = next((label for magic, label in _OTHER_FORMATS.items() if head.startswith(magic)), None)
    what = f"这是{kind}，" if kind else ""
    raise ImportFileError(
        f"{what}不是可导入的表格文件；请选择 .xlsx、.xls、.ods 或 .csv 文件", file=name)


def _markup_kind(head: bytes) -> str | None:
    """What a web page or an Excel 2003 XML file saved under a spreadsheet's name is, else None.

    Government web systems export these as ".xls"; Excel opens them, calamine cannot.
    """
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                          (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            text = head[len(bom):].decode(encoding, errors="ignore")
            break
    else:
        text = head.decode("latin-1")  # only ASCII tags are looked for
    text = text.lstrip().lower()
    if "urn:schemas-microsoft-com:office:spreadsheet" in text and "<html" not in text:
        return "XML 格式的表格（Excel 2003 XML）"
    if text.startswith("mime-version:") and "multipart/related" in text:
        return "网页存档（MHT）格式的表格"
    if text.startswith(("<!doctype html", "<html", "<table", "<meta", "<head", "<body")) or (
            text.startswith(("<?xml", "<!--")) and ("<html" in text or "<table" in text)):
        return "网页（HTML）格式的表格"
    return None


def _read_with_calamine(path: Path, name: str, kind: str, scan: PackageScan | None) -> list[Sheet]:
    """Parse with calamine; ``kind`` is the format the content showed ("xls", "xlsx", "xlsb", "ods")."""
    try:
        if path.suffix in _CALAMINE_SUFFIXES[kind]:
            book = python_calamine.CalamineWorkbook.from_path(str(path))
        else:
            with path.open("rb") as handle:
                book = python_calamine.CalamineWorkbook.from_filelike(handle)
        with book:
            sheets = []
            for meta in book.sheets_metadata:
                if meta.typ != python_calamine.SheetTypeEnum.WorkSheet:
                    continue
                sheets.append(_sheet_from_calamine(book.get_sheet_by_name(meta.name), meta, scan))
    except python_calamine.PasswordError as exc:
        raise ImportFileError(ENCRYPTED_MESSAGE, file=name) from exc
    except ImportFileError:
        raise
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:
        # calamine raises several types, some not exported, and a damaged .xls can make its Rust
        # code panic, which arrives as pyo3's PanicException (a BaseException): all mean "damaged".
        raise ImportFileError(CORRUPT_MESSAGE, file=name) from exc
    if not sheets:
        raise ImportFileError("工作簿里没有工作表", file=name)
    return sheets


class _OldExcelWorker:
    """The child process old .xls files are parsed in, kept for the next file.

    Starting a Python process costs a few tenths of a second — more than reading a department's
    workbook — so one worker serves every file of a session; a crash or a hang there discards it
    and the next file gets a new one.
    """

    def __init__(self) -> None:
        self._pool: concurrent.futures.ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def read(self, path: Path, name: str) -> list[Sheet]:
        with self._lock:  # one file at a time: the window reads on a worker thread
            if self._pool is None:
                self._pool = concurrent.futures.ProcessPoolExecutor(
                    max_workers=1, mp_context=multiprocessing.get_context("spawn"))
            pool = self._pool
            future = pool.submit(_read_with_calamine, path, name, "xls", None)
            try:
                return future.result(timeout=OLD_EXCEL_TIMEOUT_S)
            except concurrent.futures.process.BrokenProcessPool as exc:
                self._discard()
                raise ImportFileError(CORRUPT_MESSAGE, file=name) from exc
            except concurrent.futures.TimeoutError as exc:
                for process in pool._processes.values():  # the pool has no public way to stop a hung worker
                    process.kill()
                self._discard()
                raise ImportFileError(f"读取超时（超过 {OLD_EXCEL_TIMEOUT_S} 秒），文件可能已损坏", file=name) from exc

    def _discard(self, *, wait: bool = False) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=wait, cancel_futures=True)
            self._pool = None

    def close(self) -> None:
        """Stop the worker while the interpreter is still whole (at exit)."""
        with self._lock:
            self._discard(wait=True)


_OLD_EXCEL_WORKER = _OldExcelWorker()
atexit.register(_OLD_EXCEL_WORKER.close)


def _read_old_excel_isolated(path: Path, name: str) -> list[Sheet]:
    """Read an old .xls in a child process.

    calamine's .xls (OLE2) parser aborts the whole process on some damaged files — a Rust panic
    inside a panic, or a failed allocation of a size read from the file — which no exception
    handler can catch.  A clerk's program must survive any file, so the parsing happens in a
    separate process and a crash there becomes the "damaged file" message.
    """
    return _OLD_EXCEL_WORKER.read(path, name)


def _sheet_from_calamine(sheet: python_calamine.CalamineSheet, meta: python_calamine.SheetMetadata,
                         scan: PackageScan | None) -> Sheet:
    rows = [_clean_row(raw) for raw in sheet.to_python(skip_empty_area=False)]
    while rows and not rows[-1]:
        rows.pop()
    merged = [(r1, c1, r2, c2) for (r1, c1), (r2, c2) in (sheet.merged_cell_ranges or ())]
    formulas: list[tuple[int, int]] = []
    if scan is not None:
        merged = merged or scan.merged.get(meta.name, [])
        formulas = scan.formulas_without_value.get(meta.name, [])
    return Sheet(
        name=meta.name,
        rows=rows,
        merged=merged,
        formulas_without_value=formulas,
        hidden=meta.visible != python_calamine.SheetVisibleEnum.Visible,
    )


def _clean_row(raw: list[object]) -> list[object]:
    """Empty cells as None, booleans as the text Excel shows, trailing empty cells dropped."""
    row = [None if value == "" else (_BOOLEAN_TEXT[value] if value.__class__ is bool else value)
           for value in raw]
    while row and row[-1] is None:
        row.pop()
    return row


def _read_csv(path: Path, name: str, size: int) -> Sheet:
    if size > MAX_CSV_BYTES:
        raise ImportFileError("CSV 文件过大（超过 200 MB），请拆分后再导入", file=name)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(f"无法读取文件（{exc.strerror or exc}）", file=name) from exc
    text = decode_text(data, name)
    if "\x00" in text:
        raise ImportFileError("不是文本格式的 CSV 文件（含有二进制内容），无法导入", file=name)
    try:
        return grid_sheet(path.stem, csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text)))
    except csv.Error as exc:
        raise ImportFileError(f"CSV 格式错误（{exc}）", file=name) from exc


def grid_sheet(name: str, rows: Iterable[list[str]]) -> Sheet:
    """A sheet from rows of text cells (a CSV file, a pasted block): empty cells None, trailing
    empty cells and rows dropped, as a workbook's sheet is read."""
    grid = [_clean_row(row) for row in rows]
    while grid and not grid[-1]:
        grid.pop()
    return Sheet(name=name, rows=grid)


def decode_text(data: bytes, file_name: str) -> str:
    """Decode CSV bytes: UTF-16 (by BOM), UTF-8 with or without BOM, else GB18030 (a superset of GBK).

    UTF-8 is tried strictly first: GBK text is almost never valid UTF-8, while the reverse guess
    would turn UTF-8 into mojibake without any error.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings: tuple[str, ...] = ("utf-16",)
    else:
        encodings = ("utf-8-sig", "gb18030")
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportFileError("无法识别文件的文字编码（不是 UTF-8 或 GBK/GB18030），请另存为 UTF-8 CSV 后再导入",
                          file=file_name)


def sniff_delimiter(text: str) -> str:
    """The delimiter among comma, tab and semicolon that appears most in the first lines.

    Counted outside quotes; title lines above the header usually hold no delimiter at all, so the
    most frequent one wins.  Comma on a tie or when none appears.
    """
    counts = {",": 0, "\t": 0, ";": 0}
    in_quotes = False
    lines = 0
    for ch in text[:65536]:
        if ch == '"':
            in_quotes = not in_quotes
        elif not in_quotes:
            if ch in counts:
                counts[ch] += 1
            elif ch == "\n":
                lines += 1
                if lines >= 50:
                    break
    return max(counts, key=lambda delimiter: counts[delimiter])
