"""Reading files: formats, awkward content, and every bad or hostile input getting one clear message."""

from __future__ import annotations

import datetime as dt
import io
import struct
import time
import zipfile
from pathlib import Path

import pytest
from refusals import read_refused
from workbook_builders import rewrite_zip, sheet_xml, write_csv, write_xlsx

from lawgov_desktop.importers.readers import read_workbook
from lawgov_desktop.importers.shaping import shape_sheet

SHEET1 = "xl/worksheets/sheet1.xml"


@pytest.fixture
def small_xlsx(tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "small.xlsx", {"第一批": ([
        ["事项名称", "原实施主体", "承接主体"],
        ["对违规经营的处罚", "城区市场监管局", "遮浪街道"],
    ], [])})


# ---------------------------------------------------------------- what a grid keeps

def test_grid_types_positions_and_merges(tmp_path):
    path = write_xlsx(tmp_path / "grid.xlsx", {"表": ([
        [None, None, None],
        [None, "标题", None, None],
        [None, 123456789012345678, "00123", dt.datetime(2022, 10, 1), 7, True, None, None],
    ], ["B2:D2"])})
    sheet = read_workbook(path).sheets[0]
    assert sheet.rows[0] == []  # leading empty rows kept, so positions are Excel's
    assert sheet.rows[1] == [None, "标题"]  # trailing empty cells trimmed
    assert sheet.rows[2][2:6] == ["00123", dt.date(2022, 10, 1), 7, "TRUE"]  # midnight → date
    assert sheet.was_number(2, 1) and sheet.was_number(2, 4)
    assert not sheet.was_number(2, 2) and not sheet.was_number(9, 9)
    assert sheet.merged == [(1, 1, 1, 3)]
    assert sheet.value(1, 1) == "标题" and sheet.value(50, 50) is None


def test_long_cell_and_cjk_extension_b_pass_intact_through_read_and_shape(tmp_path):
    basis = "𠀀𪚥《中华人民共和国𠀾法》" + "第一条规定" * 6000
    assert len(basis) > 30_000
    path = write_xlsx(tmp_path / "长文本.xlsx", {"第一批": ([
        ["事项名称", "原实施主体", "实施依据", "承接主体"],
        ["对𪚥违规经营的处罚", "城区市场监管局", basis, "𠀀街道"],
    ], [])})
    shaped = shape_sheet(read_workbook(path).sheets[0])
    fields = shaped.records[0].fields
    assert fields["legal_basis"] == basis
    assert fields["name"] == "对𪚥违规经营的处罚"
    assert fields["receiving"] == ["𠀀街道"]


def test_chinese_path_with_spaces(tmp_path, small_xlsx):
    folder = tmp_path / "汕尾 市" / "二〇二二 赋权"
    folder.mkdir(parents=True)
    target = folder / "第一批 赋权事项（城区）.xlsx"
    target.write_bytes(small_xlsx.read_bytes())
    workbook = read_workbook(str(target))
    assert workbook.file_name == "第一批 赋权事项（城区）.xlsx"
    assert workbook.sheets[0].rows[1][0] == "对违规经营的处罚"


def test_stated_dimension_is_not_trusted(tmp_path, small_xlsx):
    xml = sheet_xml(small_xlsx)
    assert b"<dimension" in xml
    lying = xml.replace(b'<dimension ref="A1:C2"', b'<dimension ref="A1:Z1048576"')
    assert lying != xml
    path = rewrite_zip(small_xlsx, tmp_path / "lying.xlsx", {SHEET1: lying})
    started = time.perf_counter()
    sheet = read_workbook(path).sheets[0]
    assert time.perf_counter() - started < 1.0
    assert len(sheet.rows) == 2


def test_styled_empty_cells_far_below_do_not_count(tmp_path, small_xlsx):
    xml = sheet_xml(small_xlsx).replace(
        b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" s="1"/></row></sheetData>')
    path = rewrite_zip(small_xlsx, tmp_path / "styled.xlsx", {SHEET1: xml})
    assert len(read_workbook(path).sheets[0].rows) == 2


def test_hidden_sheets_are_marked_and_chart_sheets_skipped(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "可见"
    hidden = book.create_sheet("隐藏")
    hidden.sheet_state = "hidden"
    book.create_chartsheet("图表")
    path = tmp_path / "hidden.xlsx"
    book.save(path)
    sheets = read_workbook(path).sheets
    assert [(s.name, s.hidden) for s in sheets] == [("可见", False), ("隐藏", True)]


# ---------------------------------------------------------------- bad files

def test_missing_file_folder_and_empty_file(tmp_path):
    read_refused(tmp_path / "不存在.xlsx", "文件不存在")
    folder = tmp_path / "清单 文件夹"
    folder.mkdir()
    read_refused(folder, "文件夹")
    empty = tmp_path / "空.xlsx"
    empty.write_bytes(b"")
    read_refused(empty, "文件是空的")


@pytest.mark.parametrize(("content", "fragment"), [
    (b"%PDF-1.7\n...", "这是PDF 文件"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "这是图片"),
    ("这只是一段文字".encode(), "不是可导入的表格文件"),
])
def test_not_a_spreadsheet(tmp_path, content, fragment):
    path = tmp_path / "清单.xlsx"
    path.write_bytes(content)
    read_refused(path, fragment, ".xlsx、.xls、.ods 或 .csv")


def test_zip_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "资料.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    read_refused(path, "压缩包里没有工作簿")


def test_truncated_and_corrupted_workbooks(tmp_path, small_xlsx):
    data = small_xlsx.read_bytes()
    truncated = tmp_path / "下载了一半.xlsx"
    truncated.write_bytes(data[: len(data) // 2])
    read_refused(truncated, "文件已损坏或不完整")
    # Same size, but the compressed bytes of the worksheet damaged: the CRC check catches it.
    with zipfile.ZipFile(small_xlsx) as archive:
        info = archive.getinfo(SHEET1)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    damaged = bytearray(data)
    for i in range(start + 10, start + min(info.compress_size, 60)):
        damaged[i] ^= 0x5A
    corrupt = tmp_path / "损坏.xlsx"
    corrupt.write_bytes(bytes(damaged))
    read_refused(corrupt, "文件已损坏或不完整")


def test_garbage_xml_inside_a_sound_zip_is_a_clear_message(tmp_path, small_xlsx):
    path = rewrite_zip(small_xlsx, tmp_path / "坏内容.xlsx", {SHEET1: b"<worksheet><sheetData><row r="})
    read_refused(path, "文件已损坏或不完整")
    no_sheet = rewrite_zip(small_xlsx, tmp_path / "缺工作表.xlsx", {SHEET1: None})
    read_refused(no_sheet, "文件已损坏或不完整")


# Encrypted workbooks and OLE2 files under any name: test_formats_by_content.py.


def test_csv_with_binary_content_isread_refused(tmp_path):
    path = tmp_path / "数据.csv"
    path.write_bytes(b"\x00\x01\x02\x03" * 100)
    read_refused(path, "二进制")


# ---------------------------------------------------------------- hostile files

def test_zip_bomb_by_compression_ratio_is_refused_before_decompressing(tmp_path):
    path = tmp_path / "炸弹.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as stream:
            block = b"\x00" * (1024 * 1024)
            for _ in range(60):
                stream.write(block)
    assert path.stat().st_size < 1024 * 1024
    read_refused(path, "压缩炸弹")


def test_zip_bomb_by_declared_total_size_isread_refused(tmp_path, small_xlsx):
    """Central directory entries claiming 3 GB: refused on the declared sizes alone."""
    data = bytearray(small_xlsx.read_bytes())
    position = data.find(b"PK\x01\x02")
    while position >= 0:
        struct.pack_into("<I", data, position + 24, 0xB0000000)  # uncompressed size
        position = data.find(b"PK\x01\x02", position + 4)
    path = tmp_path / "声明巨大.xlsx"
    path.write_bytes(bytes(data))
    read_refused(path, "压缩炸弹")


XXE_PROLOG = (b'<?xml version="1.0" encoding="UTF-8"?>\n<!-- a comment -->\n'
              b'<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n')


@pytest.mark.parametrize("part", [SHEET1, "xl/workbook.xml", "[Content_Types].xml", "xl/styles.xml"])
def test_xml_external_entity_in_any_part_isread_refused(tmp_path, small_xlsx, part):
    with zipfile.ZipFile(small_xlsx) as archive:
        original = archive.read(part)
    body = original.split(b"?>", 1)[1] if original.startswith(b"<?xml") else original
    path = rewrite_zip(small_xlsx, tmp_path / "xxe.xlsx", {part: XXE_PROLOG + body.lstrip()})
    read_refused(path, "DOCTYPE")


def test_billion_laughs_in_shared_strings_isread_refused(tmp_path, small_xlsx):
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
              b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
              b'uniqueCount="1"><si><t>&lol2;</t></si></sst>')
    path = rewrite_zip(small_xlsx, tmp_path / "laughs.xlsx", {}, add={"xl/sharedStrings.xml": laughs})
    read_refused(path, "DOCTYPE")


def _with_shared_strings(small_xlsx: Path, target: Path, count: int, declared: int) -> Path:
    """A workbook whose sheet uses shared string 0 and whose table holds ``count`` strings."""
    sst = io.BytesIO()
    sst.write(b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
              b'spreadsheetml/2006/main" count="%d" uniqueCount="%d">' % (declared, declared))
    sst.write(b"<si><t>\xe4\xba\x8b\xe9\xa1\xb9\xe5\x90\x8d\xe7\xa7\xb0</t></si>")  # 事项名称
    sst.write(b"<si><t>x</t></si>" * (count - 1))
    sst.write(b"</sst>")
    sheet = (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
             b'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row>'
             b'<row r="2"><c r="A2" t="s"><v>1</v></c></row></sheetData></worksheet>')
    with zipfile.ZipFile(small_xlsx) as archive:
        types = archive.read("[Content_Types].xml")
        rels = archive.read("xl/_rels/workbook.xml.rels")
    types = types.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                          b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    rels = rels.replace(b"</Relationships>", b'<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/'
                        b'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                        b"</Relationships>")
    return rewrite_zip(small_xlsx, target, {SHEET1: sheet, "[Content_Types].xml": types,
                                            "xl/_rels/workbook.xml.rels": rels},
                       add={"xl/sharedStrings.xml": sst.getvalue()})


def test_a_million_shared_strings_read_in_bounded_time(tmp_path, small_xlsx):
    path = _with_shared_strings(small_xlsx, tmp_path / "百万字符串.xlsx", 1_000_000, 1_000_000)
    started = time.perf_counter()
    sheet = read_workbook(path).sheets[0]
    assert time.perf_counter() - started < 3.0
    assert sheet.rows == [["事项名称"], ["x"]]


def test_an_absurd_shared_string_count_isread_refused(tmp_path, small_xlsx):
    path = _with_shared_strings(small_xlsx, tmp_path / "声明千万.xlsx", 3, 30_000_000)
    read_refused(path, "共享字符串数量异常")


def test_one_value_in_the_last_cell_is_refused_not_allocated(tmp_path, small_xlsx):
    """calamine would allocate 1,048,576 × 16,384 cells for it."""
    xml = sheet_xml(small_xlsx).replace(
        b"</sheetData>",
        b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>')
    path = rewrite_zip(small_xlsx, tmp_path / "最后一格.xlsx", {SHEET1: xml})
    error = read_refused(path, "数据范围异常大", "第1048576行")
    assert error.sheet == "第一批"


def test_csv_gbk_title_rows_survive(tmp_path):
    path = write_csv(tmp_path / "清单.csv", [["附件1"], ["标题"], ["事项名称", "原实施主体"], ["甲", "乙"]],
                     encoding="gbk")
    assert read_workbook(path).sheets[0].rows == [["附件1"], ["标题"], ["事项名称", "原实施主体"], ["甲", "乙"]]
