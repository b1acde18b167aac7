"""Checks a workbook package must pass before a parser touches it.

Counties e-mail these files; a damaged download, an encrypted workbook or a hostile file must give
one clear message, not a hang or an exhausted PC.  A zip package is inspected with the standard
library, which never reads past an entry's declared size and verifies each CRC, so what we scan here
is exactly what the parser will see:

* declared sizes and compression ratios (zip bombs) before anything is decompressed;
* the prolog of every XML part (a DOCTYPE means entity tricks: XXE, "billion laughs");
* the declared count of shared strings;
* each worksheet's real extent (calamine allocates rows × columns densely, so one value in cell
  XFD1048576 would ask for gigabytes), and formula cells that carry no cached result.

An OLE2 compound file (old .xls, WPS .et, or an Office 2007+ workbook with an open password) is
judged by its directory and the first records of its workbook stream, never by its name.
"""

from __future__ import annotations

import array
import os
import re
import struct
import sys
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from posixpath import join, normpath
from typing import BinaryIO

from lawgov_desktop.core.errors import ImportFileError

MAX_ENTRIES = 10_000
MAX_TOTAL_UNCOMPRESSED = 500 * 1024 * 1024
MAX_ENTRY_RATIO = 200
RATIO_CHECK_FROM = 50 * 1024 * 1024
MAX_SHARED_STRINGS = 2_000_000
MAX_SHARED_STRINGS_BYTES = 200 * 1024 * 1024
# Dense cells calamine may allocate for one sheet (~40 bytes each in Rust and Python together).
MAX_SHEET_CELLS = 8_000_000
MAX_PROLOG = 64 * 1024
CHUNK = 1024 * 1024

# Read from a sheet's XML as bytes, without parsing it: the last row's number,
_ROW_NUMBER = re.compile(rb'<row\b[^>]*?\br="(\d+)"')
# the columns beyond Z that hold a value (how wide the sheet really is),
_WIDE_VALUE_COLUMN = re.compile(rb'<c r="([A-Z]{2,3})\d+"[^>/]*>(?:<f[^<]*</f>|<f[^>]*/>)?<(?:v|is)[ >]')
# a cell's reference, and formulas with no cached value (their cells would read as empty);
_CELL_REF = re.compile(rb'\br="([A-Z]{1,3})(\d+)"')
_FORMULA = re.compile(rb"<f[\s>/]")
_VALUE = re.compile(rb"<v(?:\s[^>]*)?>[^<]")

# From the shared strings' head: how many strings it says it holds.
_SST_COUNT = re.compile(rb'<sst\b[^>]*?\b(?:uniqueCount|count)="(\d+)"')
_PROLOG_SKIP = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->)", re.S)

ENCRYPTED_MESSAGE = "工作簿已加密（设置了打开密码），请先在 Excel/WPS 中取消密码后再导入"
CORRUPT_MESSAGE = "文件已损坏或不完整（可能没有下载或复制完整），无法读取；请重新获取文件后再导入"


@dataclass
class PackageScan:
    """What the pre-scan learnt that the parser does not report."""

    kind: str  # "xlsx", "xlsb" or "ods"
    # Sheet name → (0-based row, 0-based column) of formula cells without a cached result.
    formulas_without_value: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    # Sheet name → merged ranges, for .ods (calamine reports merges only for Excel formats).
    merged: dict[str, list[tuple[int, int, int, int]]] = field(default_factory=dict)


def column_index(letters: bytes | str) -> int:
    """0-based column of "A", "Z", "AA", …"""
    index = 0
    for ch in letters.decode() if isinstance(letters, bytes) else letters:
        index = index * 26 + (ord(ch) - 64)
    return index - 1


def scan_zip_package(path: str, file_name: str) -> PackageScan:
    """Refuse a zip package that is not a sound, reasonably sized .xlsx/.xlsm/.ods."""

    def refuse(message: str, sheet: str | None = None) -> ImportFileError:
        return ImportFileError(message, file=file_name, sheet=sheet)

    try:
        return _scan(path, refuse)
    except ImportFileError:
        raise
    except Exception as exc:
        # zipfile, zlib and expat fail on damaged input in many ways (BadZipFile, zlib.error,
        # EOFError, RuntimeError for a password-protected entry, struct.error, ParseError, …);
        # for a file from outside every one of them means the same thing to the clerk.
        raise refuse(CORRUPT_MESSAGE) from exc


def _scan(path: str, refuse) -> PackageScan:
    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
        if any(info.flag_bits & 0x1 for info in infos):  # general purpose bit 0: entry encrypted
            raise refuse(ENCRYPTED_MESSAGE)
        _check_sizes(infos, refuse)
        names = {info.filename for info in infos}
        if "xl/workbook.xml" in names:
            kind = "xlsx"
        elif "xl/workbook.bin" in names:
            kind = "xlsb"
        elif "content.xml" in names:
            kind = "ods"
            # An OpenDocument file with a password keeps its zip entries plain and says so here.
            if "META-INF/manifest.xml" in names and b"encryption-data" in _head(archive, "META-INF/manifest.xml"):
                raise refuse(ENCRYPTED_MESSAGE)
        elif "EncryptionInfo" in names:
            raise refuse(ENCRYPTED_MESSAGE)
        else:
            raise refuse("不是 Excel/WPS 表格文件（压缩包里没有工作簿），无法导入")
        scan = PackageScan(kind)
        sheet_parts = _worksheet_parts(archive, refuse) if kind == "xlsx" else {}
        for info in infos:
            if info.filename.endswith((".xml", ".rels")) and not info.is_dir():
                _scan_part(archive, info, sheet_parts.get(info.filename), scan, refuse)
        if kind == "ods":
            _scan_ods_content(archive, scan, refuse)
    return scan


def _check_sizes(infos: list[zipfile.ZipInfo], refuse) -> None:
    if len(infos) > MAX_ENTRIES:
        raise refuse(f"文件结构异常（包含 {len(infos)} 个部件），拒绝导入")
    total = 0
    for info in infos:
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if total > MAX_TOTAL_UNCOMPRESSED or (
                info.file_size > RATIO_CHECK_FROM and ratio > MAX_ENTRY_RATIO):
            raise refuse(
                "文件解压后异常巨大（疑似“压缩炸弹”），为保护电脑拒绝导入；"
                "如确为正常表格，请删除多余的空行空列后另存再试")


def _worksheet_parts(archive: zipfile.ZipFile, refuse) -> dict[str, str]:
    """Worksheet part path → sheet name, from workbook.xml and its relationships."""
    if "xl/workbook.xml" not in archive.namelist() or "xl/_rels/workbook.xml.rels" not in archive.namelist():
        return {}
    for part in ("xl/workbook.xml", "xl/_rels/workbook.xml.rels"):
        _check_prolog(_head(archive, part), refuse)
    workbook = ET.fromstring(archive.read("xl/workbook.xml"))
    rels = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {}
    for rel in rels:
        target = rel.get("Target", "")
        part = target.lstrip("/") if target.startswith("/") else normpath(join("xl", target))
        targets[rel.get("Id")] = part
    parts = {}
    for element in workbook.iter():
        if element.tag.endswith("}sheet"):
            rel_id = next((v for k, v in element.attrib.items() if k.endswith("}id")), None)
            if rel_id in targets:
                parts[targets[rel_id]] = element.get("name", "")
    return parts


def _head(archive: zipfile.ZipFile, name: str) -> bytes:
    with archive.open(name) as stream:
        return stream.read(MAX_PROLOG)


def _check_prolog(head: bytes, refuse) -> None:
    """An XML part may not declare a DOCTYPE: no workbook needs one, entity attacks do."""
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    position = 0
    while match := _PROLOG_SKIP.match(head, position):
        if match.end() == position:
            break
        position = match.end()
    rest = head[position:].lstrip()
    if rest[:9].upper() == b"<!DOCTYPE" or b"<!ENTITY" in head.upper():
        raise refuse("文件中含有不安全的 XML 声明（DOCTYPE/ENTITY），可能是恶意构造的文件，拒绝导入")
    if not rest and len(head) >= MAX_PROLOG:
        raise refuse(CORRUPT_MESSAGE)


def _scan_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, sheet_name: str | None,
               scan: PackageScan, refuse) -> None:
    """Stream one XML part once: prolog, and for worksheets their extent and formulas."""
    is_sst = info.filename.endswith("sharedStrings.xml")
    if is_sst and info.file_size > MAX_SHARED_STRINGS_BYTES:
        raise refuse("共享字符串表过大，文件异常，拒绝导入")
    max_row = max_col = 0
    formulas: list[tuple[int, int]] = []
    carry = b""
    first = True
    with archive.open(info) as stream:
        while True:
            chunk = stream.read(CHUNK)
            if first:
                _check_prolog(chunk[:MAX_PROLOG], refuse)
                m = _SST_COUNT.search(chunk[:MAX_PROLOG]) if is_sst else None
                if m and int(m.group(1)) > MAX_SHARED_STRINGS:
                    raise refuse(f"共享字符串数量异常（声明 {int(m.group(1)):,} 个），拒绝导入")
                first = False
            if sheet_name is None:
                if not chunk:
                    break
                continue
            if not chunk:
                data, carry = carry, b""
            else:
                data = carry + chunk
                cut = data.rfind(b"</row>")
                if cut < 0:
                    carry = data
                    if len(carry) > 64 * CHUNK:
                        raise refuse("工作表结构异常（单行数据过大），拒绝导入", sheet_name)
                    continue
                cut += len(b"</row>")
                data, carry = data[:cut], data[cut:]
            max_row, max_col = _sheet_extent(data, max_row, max_col)
            if max_row * max_col > MAX_SHEET_CELLS:
                raise refuse(
                    f"数据范围异常大（第{max_row}行、第{max_col}列仍有内容），请删除多余的行列后另存再导入",
                    sheet_name)
            if b"<f" in data:
                formulas.extend(_formulas_without_value(data))
            if not chunk:
                break
    if formulas:
        scan.formulas_without_value[sheet_name] = formulas


def _sheet_extent(data: bytes, max_row: int, max_col: int) -> tuple[int, int]:
    """Largest row and column holding a value so far (styled empty cells do not count: the
    parser skips them, and Excel writes them down to row 1,048,576 when a whole column is styled).

    Columns A–Z are taken as 26 without looking (cheap, and 26× a real row count is bounded);
    only two- and three-letter columns, which can reach 16,384, are searched for.
    """
    last_value = max(data.rfind(b"<v>"), data.rfind(b"<v "), data.rfind(b"<is>"))
    if last_value < 0:
        return max_row, max_col
    row_start = data.rfind(b"<row", 0, last_value)
    if row_start >= 0 and (m := _ROW_NUMBER.match(data, row_start)):
        max_row = max(max_row, int(m.group(1)))
    else:
        max_row += data.count(b"<row", 0, last_value)
    max_col = max(max_col, 26)
    wide = set(_WIDE_VALUE_COLUMN.findall(data))
    if wide:
        max_col = max(max_col, max(column_index(letters) + 1 for letters in wide))
    return max_row, max_col


def _formulas_without_value(data: bytes) -> list[tuple[int, int]]:
    found = []
    for match in _FORMULA.finditer(data):
        start = data.rfind(b"<c ", 0, match.start())
        end = data.find(b"</c>", match.start())
        if start < 0 or end < 0 or _VALUE.search(data, match.start(), end):
            continue
        tag_end = data.find(b">", start)
        ref = _CELL_REF.search(data, start, tag_end)
        if ref:
            found.append((int(ref.group(2)) - 1, column_index(ref.group(1))))
    return found


_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


def _scan_ods_content(archive: zipfile.ZipFile, scan: PackageScan, refuse) -> None:
    """Merged ranges and the real extent of each table in content.xml.

    Repeated rows and cells ("number-rows-repeated") are how LibreOffice writes empty space; a
    repeated cell *with* a value would be expanded by the parser, so it counts towards the extent.
    """
    table = None
    row = col = row_repeat = max_row = max_col = 0
    row_has_value = False
    merges: list[tuple[int, int, int, int]] = []
    with archive.open("content.xml") as stream:
        for event, element in ET.iterparse(stream, events=("start", "end")):
            tag = element.tag
            if event == "start":
                if tag == _TABLE + "table":
                    table = element.get(_TABLE + "name", "")
                    row = max_row = max_col = 0
                    merges = []
                elif tag == _TABLE + "table-row":
                    row_repeat = int(element.get(_TABLE + "number-rows-repeated", "1"))
                    col = 0
                    row_has_value = False
                elif tag in (_TABLE + "table-cell", _TABLE + "covered-table-cell"):
                    repeat = int(element.get(_TABLE + "number-columns-repeated", "1"))
                    rows_spanned = int(element.get(_TABLE + "number-rows-spanned", "1"))
                    cols_spanned = int(element.get(_TABLE + "number-columns-spanned", "1"))
                    if rows_spanned > 1 or cols_spanned > 1:
                        merges.append((row, col, row + rows_spanned - 1, col + cols_spanned - 1))
                    if element.get(_OFFICE + "value-type"):
                        row_has_value = True
                        max_col = max(max_col, col + repeat)
                    col += repeat
                continue
            if tag == _TABLE + "table-row":
                row += row_repeat
                if row_has_value:
                    max_row = row
                    if max_row * max_col > MAX_SHEET_CELLS:
                        raise refuse(
                            f"数据范围异常大（第{max_row}行、第{max_col}列仍有内容），"
                            "请删除多余的行列后另存再导入", table)
                element.clear()
            elif tag == _TABLE + "table" and table is not None:
                if merges:
                    scan.merged[table] = merges
                element.clear()


OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_END_OF_CHAIN = 0xFFFFFFFE
_STORAGE_ROOT, _STREAM = 5, 2
_BIFF_BOF = (0x0809, 0x0409, 0x0209, 0x0009)
_BIFF_EOF = 0x000A
_BIFF_FILEPASS = 0x002F
MAX_OLE2_DIRECTORY = 1024 * 1024
_OTHER_OLE2 = {"worddocument": "Word 文档", "powerpoint document": "PowerPoint 演示文稿"}


def scan_ole2_package(path: str, file_name: str) -> None:
    """Refuse an OLE2 file that has a password to open, or that is a Word/PowerPoint document.

    An Office 2007+ workbook with an open password is an OLE2 file whose root holds the streams
    EncryptionInfo and EncryptedPackage; an old .xls with one has a FILEPASS record in its globals.
    Both are read from the file's structure: the bytes of a word in a cell prove nothing.  A
    directory that cannot be read is left to the parser, which reports the damage.
    """
    try:
        with open(path, "rb") as handle:
            compound = _CompoundFile(handle)
            streams = compound.root_streams()
            workbook = streams.get("workbook") or streams.get("book")
            encrypted = ({"encryptioninfo", "encryptedpackage"} <= streams.keys()
                         or (workbook is not None and _has_filepass(compound.read(workbook, 4096))))
    except (OSError, ValueError, IndexError, struct.error):
        return
    if encrypted:
        raise ImportFileError(ENCRYPTED_MESSAGE, file=file_name)
    if workbook is None:
        kind = next((label for stream, label in _OTHER_OLE2.items() if stream in streams), None)
        if kind:
            raise ImportFileError(f"这是{kind}，不是可导入的表格文件；请选择 .xlsx、.xls、.ods 或 .csv 文件",
                                  file=file_name)


def _has_filepass(stream: bytes) -> bool:
    """True when a BIFF globals substream has FILEPASS: it comes before any sheet or cell record."""
    position = 0
    while position + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, position)
        if position == 0 and kind not in _BIFF_BOF:
            return False
        if kind == _BIFF_FILEPASS:
            return True
        if kind == _BIFF_EOF:
            return False
        position += 4 + length
    return False


@dataclass
class _Entry:
    name: str
    kind: int
    left: int
    right: int
    child: int
    start: int
    size: int


class _CompoundFile:
    """Just enough of [MS-CFB] to list the root's streams and read the start of one.

    Every sector number is checked against the file's size and every chain against loops, so a
    damaged or hostile file raises ValueError/IndexError instead of reading far or forever.
    """

    def __init__(self, handle: BinaryIO) -> None:
        self._handle = handle
        header = handle.read(512)
        if len(header) < 512 or not header.startswith(OLE2_MAGIC):
            raise ValueError("not an OLE2 file")
        shift, mini_shift = struct.unpack_from("<HH", header, 30)
        if shift not in (9, 12) or mini_shift != 6:
            raise ValueError("unknown sector size")
        self._sector = 1 << shift
        self._sectors = -(-os.fstat(handle.fileno()).st_size // self._sector) - 1
        (n_fat, dir_start, _, self._cutoff, self._minifat_start, _, difat_sector,
         _) = struct.unpack_from("<8I", header, 44)
        if n_fat > self._sectors // (self._sector // 4) + 2:
            raise ValueError("FAT larger than the file needs")  # truncated or hostile: the parser decides
        fat_sectors = list(struct.unpack_from("<109I", header, 76))
        for _ in range(self._sectors):
            if len(fat_sectors) >= n_fat or difat_sector >= self._sectors:
                break
            *more, difat_sector = self._ints(difat_sector)
            fat_sectors += more
        self._fat = self._table(fat_sectors[:n_fat])
        directory = bytearray()
        for sector in self._chain(dir_start, self._fat):
            directory += self._read_sector(sector)
            if len(directory) > MAX_OLE2_DIRECTORY:
                raise ValueError("directory too large")
        self._entries = [self._entry(directory[i:i + 128]) for i in range(0, len(directory) - 127, 128)]
        if not self._entries or self._entries[0].kind != _STORAGE_ROOT:
            raise ValueError("no root storage")

    def root_streams(self) -> dict[str, _Entry]:
        """The streams directly in the root storage (a red-black tree of siblings), by lower-case name."""
        found: dict[str, _Entry] = {}
        pending, seen = [self._entries[0].child], set()
        while pending:
            index = pending.pop()
            if index >= len(self._entries) or index in seen:
                continue
            seen.add(index)
            entry = self._entries[index]
            pending += (entry.left, entry.right)
            if entry.kind == _STREAM:
                found[entry.name.lower()] = entry
        return found

    def read(self, entry: _Entry, limit: int) -> bytes:
        """The first ``limit`` bytes of a stream (small streams live in the root's mini stream)."""
        want = min(entry.size, limit)
        data = bytearray()
        if entry.size < self._cutoff:
            minifat = self._table(self._chain(self._minifat_start, self._fat), MAX_OLE2_DIRECTORY)
            mini_stream = list(self._chain(self._entries[0].start, self._fat))
            for mini in self._chain(entry.start, minifat):
                if len(data) >= want:
                    break
                offset = mini * 64
                data += self._read_sector(mini_stream[offset // self._sector])[offset % self._sector:][:64]
        else:
            for sector in self._chain(entry.start, self._fat):
                if len(data) >= want:
                    break
                data += self._read_sector(sector)
        return bytes(data[:want])

    def _chain(self, start: int, table: array.array) -> Iterator[int]:
        for _ in range(len(table)):
            if start == _END_OF_CHAIN:
                return
            yield start
            start = table[start]
        if start != _END_OF_CHAIN:
            raise ValueError("sector chain loops or leaves the table")

    def _read_sector(self, sector: int) -> bytes:
        if sector >= self._sectors:
            raise ValueError("sector outside the file")
        self._handle.seek((sector + 1) * self._sector)
        data = self._handle.read(self._sector)
        if len(data) < self._sector:
            data += bytes(self._sector - len(data))  # the last sector may be cut short
        return data

    def _ints(self, sector: int) -> list[int]:
        return list(struct.unpack(f"<{self._sector // 4}I", self._read_sector(sector)))

    def _table(self, sectors: Iterable[int], limit: int | None = None) -> array.array:
        """A FAT or mini FAT: 4 bytes an entry (a Python list would take 36)."""
        table = array.array("I")
        for sector in sectors:
            table.frombytes(self._read_sector(sector))
            if limit is not None and len(table) * 4 > limit:
                raise ValueError("mini FAT too large")
        if sys.byteorder == "big":
            table.byteswap()
        return table

    def _entry(self, raw: bytes) -> _Entry:
        name_length, kind = struct.unpack_from("<HB", raw, 64)
        left, right, child = struct.unpack_from("<3I", raw, 68)
        start, size = struct.unpack_from("<IQ", raw, 116)
        if self._sector == 512:
            size &= 0xFFFFFFFF  # version 3 files may leave junk in the high half
        name = raw[:max(0, min(name_length, 64) - 2)].decode("utf-16-le", errors="replace")
        return _Entry(name, kind, left, right, child, start, size)
