"""Workbook formats are told by content, never by file name; "encrypted" only when the file is.

Departments publish old .xls files named .xlsx, WPS saves .et files of either kind, and a cell may
hold the word "EncryptionInfo".  Encrypted files are built here as small OLE2 compound files (see
``ole2``): an Office 2007+ package with EncryptionInfo/EncryptedPackage streams, and an old .xls
whose workbook stream has a FILEPASS record.
"""

from __future__ import annotations

import shutil
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
import python_calamine
from refusals import read_refused
from workbook_builders import rewrite_zip, write_ods, write_xls, write_xlsx

from lawgov_desktop.importers.readers import read_workbook
from lawgov_desktop.importers.safety import CORRUPT_MESSAGE, ENCRYPTED_MESSAGE

KARAMAY = Path(__file__).resolve().parents[3] / "shared" / "real-lists" / "karamay"
# An OLE2 .xls inside, as the department published it; it has no EncryptionInfo stream.
CAIZHENG = KARAMAY / "附件：克拉玛依市财政局2025年权责清单 (1).xlsx"
REAL_XLS = KARAMAY / "克拉玛依市人力资源和社会保障局2024年权责清单.xls"
ROWS = [["权责清单"], ["序号", "事项名称", "权力类型"], [1, "对违规经营的处罚", "行政处罚"]]

needs_real_lists = pytest.mark.skipif(not KARAMAY.is_dir(), reason="shared/real-lists is not beside the repository")


def _first_sheet_rows(path: Path) -> list[list[object]]:
    return read_workbook(path).sheets[0].rows


# ---------------------------------------------------------------- a tiny OLE2 writer

SECTOR, MINI_SECTOR, MINI_CUTOFF = 512, 64, 4096
FREE, END_OF_CHAIN, FAT_SECTOR = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD


def _sectors(size: int, unit: int = SECTOR) -> int:
    return -(-size // unit)


def ole2(streams: dict[str, bytes]) -> bytes:
    """A version 3 compound file (512-byte sectors) holding ``streams`` in its root storage.

    Streams under 4096 bytes go to the mini stream as [MS-CFB] requires; the siblings are sorted the
    way the format compares names and linked by right pointers (a valid, if unbalanced, tree).
    """
    names = sorted(streams, key=lambda name: (len(name), name.upper()))
    start: dict[str, int] = {}
    mini_stream, minifat = b"", []
    for name in names:
        data = streams[name]
        if len(data) >= MINI_CUTOFF:
            continue
        count = _sectors(len(data), MINI_SECTOR)
        start[name] = len(minifat) if count else END_OF_CHAIN
        minifat += [*range(len(minifat) + 1, len(minifat) + count), END_OF_CHAIN][:count]
        mini_stream += data.ljust(count * MINI_SECTOR, b"\0")
    big = [name for name in names if len(streams[name]) >= MINI_CUTOFF]
    layout = [_sectors((len(names) + 1) * 128), _sectors(len(minifat) * 4), _sectors(len(mini_stream))]
    layout += [_sectors(len(streams[name])) for name in big]
    n_fat = 1
    while n_fat * (SECTOR // 4) < n_fat + sum(layout):
        n_fat += 1
    fat = [FAT_SECTOR] * n_fat

    def chain(count: int) -> int:
        if not count:
            return END_OF_CHAIN
        first = len(fat)
        fat.extend([*range(first + 1, first + count), END_OF_CHAIN])
        return first

    dir_start, minifat_start, mini_start, *big_starts = (chain(count) for count in layout)
    start.update(zip(big, big_starts, strict=True))
    fat += [FREE] * (n_fat * SECTOR // 4 - len(fat))

    def entry(name: str, kind: int, start: int, size: int, child: int = FREE, right: int = FREE) -> bytes:
        raw = name.encode("utf-16-le") + b"\0\0"
        return (raw.ljust(64, b"\0") + struct.pack("<HBBIII", len(raw), kind, 1, FREE, right, child)
                + bytes(36) + struct.pack("<IQ", start, size))

    directory = entry("Root Entry", 5, mini_start, len(mini_stream), child=1 if names else FREE)
    for index, name in enumerate(names, start=1):
        directory += entry(name, 2, start[name], len(streams[name]),
                           right=index + 1 if index < len(names) else FREE)
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16) + struct.pack("<5H", 0x3E, 3, 0xFFFE, 9, 6)
              + bytes(6) + struct.pack("<9I", 0, n_fat, dir_start, 0, MINI_CUTOFF, minifat_start,
                                       layout[1], END_OF_CHAIN, 0)
              + struct.pack("<109I", *range(n_fat), *[FREE] * (109 - n_fat)))
    parts = [struct.pack(f"<{len(fat)}I", *fat), directory,
             struct.pack(f"<{len(minifat)}I", *minifat) + struct.pack("<I", FREE) * (-len(minifat) % 128),
             mini_stream] + [streams[name] for name in big]
    return header + b"".join(part.ljust(_sectors(len(part)) * SECTOR, b"\0") for part in parts)


def _biff_stream(rows: list[list[object]], *, filepass: bool = False) -> bytes:
    """xlwt's Workbook stream for ``rows``, with an RC4 FILEPASS record after BOF when asked.

    The records after it move, so each BOUNDSHEET's absolute offset of its sheet moves too.
    """
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("表一")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    stream = book.get_biff_data()
    if not filepass:
        return stream
    record = struct.pack("<HH", 0x002F, 54) + struct.pack("<3H", 1, 1, 1) + bytes(range(48))
    bof_end = 4 + struct.unpack_from("<H", stream, 2)[0]
    rest = bytearray(stream[bof_end:])
    position = 0
    while position + 4 <= len(rest):
        kind, length = struct.unpack_from("<HH", rest, position)
        if kind == 0x0085:  # BOUNDSHEET
            offset = struct.unpack_from("<I", rest, position + 4)[0]
            struct.pack_into("<I", rest, position + 4, offset + len(record))
        position += 4 + length
    return stream[:bof_end] + record + bytes(rest)


# ---------------------------------------------------------------- read by content, whatever the name

@needs_real_lists
def test_published_old_excel_named_xlsx_reads() -> None:
    assert CAIZHENG.read_bytes()[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    book = read_workbook(CAIZHENG)
    assert [sheet.name for sheet in book.sheets] == ["Sheet1"]
    rows = book.sheet("Sheet1").rows
    assert any(row[:2] == ["序号", "事项名称"] for row in rows)


@needs_real_lists
@pytest.mark.parametrize("suffix", [".xlsx", ".et", ".xlt"])
def test_published_xls_under_other_names_reads(tmp_path: Path, suffix: str) -> None:
    expected = read_workbook(REAL_XLS).sheets
    copy = tmp_path / f"人社局清单{suffix}"
    shutil.copyfile(REAL_XLS, copy)
    sheets = read_workbook(copy).sheets
    assert [(s.name, s.rows, s.merged) for s in sheets] == [(s.name, s.rows, s.merged) for s in expected]


RENAMED = [(write_xls, suffix) for suffix in (".xlsx", ".xlsm", ".et", ".ett", ".xlt", ".XLS", "")] + [
    (write_xlsx, suffix) for suffix in (".xls", ".et", ".ett", ".xltx", ".ods")]


@pytest.mark.parametrize(("write", "suffix"), RENAMED,
                         ids=[f"{write.__name__}-as-{suffix or 'nothing'}" for write, suffix in RENAMED])
def test_old_excel_or_xlsx_under_any_name_reads(tmp_path: Path, write: Callable[..., Path], suffix: str) -> None:
    path = write(tmp_path / "清单", {"第一批": (ROWS, ["A1:C1"])})
    renamed = path.rename(tmp_path / f"改名的清单{suffix}")
    sheet = read_workbook(renamed).sheet("第一批")
    assert sheet.rows == ROWS
    assert sheet.merged == [(0, 0, 0, 2)]


def test_ods_named_xls_reads(tmp_path: Path) -> None:
    path = write_ods(tmp_path / "开放格式.ods", {"第一批": (ROWS, [])})
    assert read_workbook(path.rename(tmp_path / "开放格式.xls")).sheet("第一批").rows == ROWS


# ---------------------------------------------------------------- encrypted only when encrypted

@pytest.mark.parametrize("name", ["单元格.xls", "单元格.xlsx", "单元格.et"])
def test_the_word_encryptioninfo_in_a_cell_is_not_encryption(tmp_path: Path, name: str) -> None:
    # Non-Latin characters make xlwt store the text as UTF-16, as Excel and WPS do for Chinese.
    rows = [["序号", "事项名称"], [1, "EncryptionInfo 加密信息"], [2, "EncryptedPackage"]]
    path = write_xls(tmp_path / name, {"第一批": (rows, [])})
    assert "EncryptionInfo".encode("utf-16-le") in path.read_bytes()
    assert read_workbook(path).sheet("第一批").rows == rows


def test_encryptioninfo_bytes_inside_a_stream_are_not_encryption(tmp_path: Path) -> None:
    marker = "EncryptionInfo".encode("utf-16-le") + "EncryptedPackage".encode("utf-16-le")
    path = tmp_path / "资料.xlsx"
    path.write_bytes(ole2({"Workbook": marker * 400, "Data": marker}))
    read_refused(path, CORRUPT_MESSAGE)


@pytest.mark.parametrize("name", ["有密码.xlsx", "有密码.xlsm", "有密码.xls", "有密码.et", "有密码"])
def test_password_protected_package_is_encrypted_under_any_name(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    info = struct.pack("<HHI", 4, 4, 0x40) + b"<encryption/>"  # agile EncryptionInfo, in the mini stream
    path.write_bytes(ole2({"\x06DataSpaces": b"", "EncryptionInfo": info, "EncryptedPackage": bytes(9000)}))
    read_refused(path, ENCRYPTED_MESSAGE)


def test_one_of_the_two_encryption_streams_alone_is_not_encryption(tmp_path: Path) -> None:
    for stream in ("EncryptionInfo", "EncryptedPackage"):
        path = tmp_path / f"只有{stream}.xlsx"
        path.write_bytes(ole2({stream: bytes(100)}))
        read_refused(path, CORRUPT_MESSAGE)


def test_old_excel_with_open_password_is_encrypted(tmp_path: Path) -> None:
    plain = tmp_path / "无密码.xls"
    plain.write_bytes(ole2({"Workbook": _biff_stream(ROWS)}))
    assert read_workbook(plain).sheet("表一").rows == ROWS  # the writer makes files that read
    encrypted = ole2({"Workbook": _biff_stream(ROWS, filepass=True)})
    xls = tmp_path / "有密码.xls"
    xls.write_bytes(encrypted)
    with pytest.raises(python_calamine.PasswordError):  # calamine agrees this is a FILEPASS file
        python_calamine.CalamineWorkbook.from_path(str(xls))
    read_refused(xls, ENCRYPTED_MESSAGE)
    for name in ("有密码.xlsx", "有密码.et"):
        (tmp_path / name).write_bytes(encrypted)
        read_refused(tmp_path / name, ENCRYPTED_MESSAGE)


def test_filepass_in_a_small_workbook_stream_is_found_in_the_mini_stream(tmp_path: Path) -> None:
    bof = struct.pack("<HH8H", 0x0809, 16, 0x0600, 0x0005, 0, 0, 0, 0, 0, 0)
    filepass = struct.pack("<HH3H", 0x002F, 54, 1, 1, 1) + bytes(48)
    stream = bof + filepass + struct.pack("<HH", 0x000A, 0)
    assert len(stream) < MINI_CUTOFF
    xls = tmp_path / "小.xls"
    xls.write_bytes(ole2({"\x05SummaryInformation": bytes(200), "Workbook": stream}))
    with pytest.raises(python_calamine.PasswordError):
        python_calamine.CalamineWorkbook.from_path(str(xls))
    # Under another name calamine only says "cannot detect the format": the reader must find FILEPASS.
    read_refused(xls.rename(tmp_path / "小.xlsx"), ENCRYPTED_MESSAGE)


def test_zip_with_encrypted_entries_is_encrypted(tmp_path: Path) -> None:
    """General purpose bit 0 set on the worksheet entry, in its local and its central header."""
    source = write_xlsx(tmp_path / "源.xlsx", {"第一批": (ROWS, [])})
    data = bytearray(source.read_bytes())
    with zipfile.ZipFile(source) as archive:
        sheet = archive.getinfo("xl/worksheets/sheet1.xml")
        central = archive.start_dir
    data[sheet.header_offset + 6] |= 0x1
    while data[central:central + 4] == b"PK\x01\x02":
        name_length, extra_length, comment_length = struct.unpack_from("<3H", data, central + 28)
        if data[central + 46:central + 46 + name_length] == b"xl/worksheets/sheet1.xml":
            data[central + 8] |= 0x1
        central += 46 + name_length + extra_length + comment_length
    path = tmp_path / "压缩加密.xlsx"
    path.write_bytes(bytes(data))
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("xl/worksheets/sheet1.xml").flag_bits & 0x1
    read_refused(path, ENCRYPTED_MESSAGE)


def test_ods_with_a_password_is_encrypted(tmp_path: Path) -> None:
    """LibreOffice/WPS keep the zip entries plain and list encryption data in the manifest."""
    source = write_ods(tmp_path / "源.ods", {"第一批": (ROWS, [])})
    with zipfile.ZipFile(source) as archive:
        manifest = archive.read("META-INF/manifest.xml")
    entry = b'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    assert entry in manifest
    marked = manifest.replace(entry, entry[:-2] + b'><manifest:encryption-data manifest:checksum-type="SHA1/1K"'
                              b' manifest:checksum="AAAA"/></manifest:file-entry>')
    path = rewrite_zip(source, tmp_path / "有密码.ods", {"META-INF/manifest.xml": marked,
                                                         "content.xml": bytes(range(256)) * 8})
    read_refused(path, ENCRYPTED_MESSAGE)
    plain = rewrite_zip(source, tmp_path / "损坏.ods", {"content.xml": bytes(range(256)) * 8})
    read_refused(plain, CORRUPT_MESSAGE)


def test_ole2_header_without_a_directory_is_damaged_not_encrypted(tmp_path: Path) -> None:
    header_only = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504 + 1024)
    for name in ("半个文件.xlsx", "半个文件.xls"):
        (tmp_path / name).write_bytes(header_only)
        read_refused(tmp_path / name, CORRUPT_MESSAGE)


def test_looping_directory_chain_ends_with_the_damaged_message(tmp_path: Path) -> None:
    data = bytearray(ole2({"EncryptionInfo": bytes(100), "EncryptedPackage": bytes(5000)}))
    dir_start = struct.unpack_from("<I", data, 48)[0]
    struct.pack_into("<I", data, SECTOR + 4 * dir_start, dir_start)  # the directory's next sector is itself
    path = tmp_path / "环.xlsx"
    path.write_bytes(bytes(data))
    read_refused(path, CORRUPT_MESSAGE)


def test_word_document_named_xls_says_what_it_is(tmp_path: Path) -> None:
    path = tmp_path / "通知.xls"
    path.write_bytes(ole2({"WordDocument": bytes(5000), "1Table": bytes(600)}))
    read_refused(path, "这是Word 文档", "不是可导入的表格文件")


# ---------------------------------------------------------------- web pages and XML saved as .xls

@pytest.mark.parametrize(("content", "what"), [
    ('<html xmlns:x="urn:schemas-microsoft-com:office:excel"><body><table><tr><td>序号</td></tr></table>'
     "</body></html>".encode(), "网页（HTML）"),
    ("\ufeff<table border=1><tr><td>事项名称</td></tr></table>".encode("utf-16-le"), "网页（HTML）"),
    (b'\r\n  <!DOCTYPE html>\n<html><head><meta charset="gbk"></head></html>', "网页（HTML）"),
    ('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns='
     '"urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="第一批"><Table/></Worksheet>'
     "</Workbook>".encode(), "XML 格式的表格"),
], ids=["excel-html", "utf16-table", "doctype", "spreadsheetml"])
def test_web_page_or_xml_saved_as_xls_says_save_as_xlsx(tmp_path: Path, content: bytes, what: str) -> None:
    path = tmp_path / "系统导出.xls"
    path.write_bytes(content)
    message = str(read_refused(path, what, "另存为", ".xlsx"))
    assert "损坏" not in message
