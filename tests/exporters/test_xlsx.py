"""Excel export: the importer's layout, text cells, formula neutralising, sheet names."""

from __future__ import annotations

import os
import zipfile
from types import SimpleNamespace

import pytest
from openpyxl import load_workbook

from lawgov_desktop.core.errors import Cancelled
from lawgov_desktop.core.fields import CENTRAL, LICENCE, LOCAL, POWER
from lawgov_desktop.exporters.model import CatalogueRow, ExportError, ExportSheet, flatten_licence_rows
from lawgov_desktop.exporters.xlsx import (
    export_header,
    group_sheets,
    safe_sheet_name,
    write_workbook,
)

HOSTILE = ["=HYPERLINK(\"http://evil\",\"点我\")", "+1+1", "-2+3", "@SUM(A1)", "＝1+1", "\t=1", "\r=1",
           "=cmd|' /C calc'!A0", "＋1", "－1", "＠x"]


def licence_sheet(rows, columns=None):
    columns = columns or ["sequence", "department", "name", "sub_item", "code", "legal_basis"]
    return ExportSheet("中央层面设定", LICENCE, columns, rows)


def test_header_in_row_one_with_the_importers_names(tmp_path):
    path = tmp_path / "a.xlsx"
    write_workbook([licence_sheet([{"sequence": "1", "name": "食品经营许可"}])], path)
    sheet = load_workbook(path).active
    assert [c.value for c in sheet[1]] == ["序号", "主管部门", "事项名称", "子项", "事项编码", "设定和实施依据"]
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["F"].width == 60
    assert sheet.column_dimensions["A"].width == 6


def test_export_header_is_the_first_synonym():
    assert export_header(POWER, "department") == "原实施主体"
    assert export_header(POWER, "receiving") == "承接主体"
    assert export_header(LICENCE, "legal_basis") == "设定和实施依据"


def test_codes_and_sequence_numbers_are_text(tmp_path):
    path = tmp_path / "a.xlsx"
    rows = [{"sequence": "1", "code": "000123", "name": "x"},
            {"sequence": "2", "code": "440000000000000001", "name": "y"}]
    write_workbook([licence_sheet(rows)], path)
    sheet = load_workbook(path).active
    assert sheet["A2"].value == "1" and sheet["A2"].data_type == "s"
    assert sheet["E2"].value == "000123" and sheet["E2"].number_format == "@"
    assert sheet["E3"].value == "440000000000000001"


@pytest.mark.parametrize("text", HOSTILE)
def test_formula_like_text_is_neutralised_and_reads_back_unchanged(tmp_path, text):
    path = tmp_path / "a.xlsx"
    write_workbook([licence_sheet([{"name": text, "sequence": "1"}])], path)
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml
    cell = load_workbook(path).active["C2"]
    assert cell.data_type == "s"
    assert cell.quotePrefix is True
    assert cell.value == text  # exactly: openpyxl writes through lxml (python-docx needs it), a carriage return as &#13;


def test_calamine_reads_neutralised_text_verbatim(tmp_path):
    calamine = pytest.importorskip("python_calamine")
    path = tmp_path / "a.xlsx"
    write_workbook([licence_sheet([{"name": "=1+1", "code": "007"}])], path)
    rows = calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    assert rows[1][2] == "=1+1" and rows[1][4] == "007"


def test_ordinary_text_has_no_quote_prefix(tmp_path):
    path = tmp_path / "a.xlsx"
    write_workbook([licence_sheet([{"name": "食品经营许可"}])], path)
    assert load_workbook(path).active["C2"].quotePrefix is False


def test_main_item_row_then_sub_item_rows_with_main_cells_repeated(tmp_path):
    rows = flatten_licence_rows([
        CatalogueRow({"department": "市住建局", "name": "建筑工程施工许可", "code": "001"},
                     [{"sub_item": "新办"}, {"sub_item": "变更", "code": "002"}]),
        CatalogueRow({"department": "市住建局", "name": "燃气经营许可"}),
    ])
    path = tmp_path / "a.xlsx"
    write_workbook([licence_sheet(rows)], path)
    values = [[c.value for c in row] for row in load_workbook(path).active.iter_rows(min_row=2)]
    assert values == [
        [None, "市住建局", "建筑工程施工许可", None, "001", None],
        [None, "市住建局", "建筑工程施工许可", "新办", "001", None],
        [None, "市住建局", "建筑工程施工许可", "变更", "002", None],
        [None, "市住建局", "燃气经营许可", None, None, None],
    ]


def test_power_townships_joined_and_one_sheet_per_batch(tmp_path):
    rows = [
        {"name": "对无证经营的处罚", "batch": "第一批", "receiving": ["田墘街道", "东洲街道", "遮浪街道"]},
        {"name": "对占道经营的处罚", "batch": "第二批", "receiving": ["捷胜镇"]},
        {"name": "对违规排放的处罚", "batch": "第一批", "receiving": ("田墘街道",)},
    ]
    sheets = group_sheets(POWER, ["name", "receiving", "batch"], rows, by="batch")
    path = tmp_path / "p.xlsx"
    write_workbook(sheets, path)
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["第一批", "第二批"]
    first = workbook["第一批"]
    assert [c.value for c in first[1]] == ["事项名称", "承接主体", "批次"]
    assert first["B2"].value == "田墘街道、东洲街道、遮浪街道"
    assert first["B3"].value == "田墘街道"


def test_group_sheets_names_parts_in_chinese():
    rows = [{"name": "a", "part": CENTRAL}, {"name": "b", "part": LOCAL}, {"name": "c", "part": ""}]
    names = [s.name for s in group_sheets(LICENCE, ["name"], rows, by="part")]
    assert names == ["中央层面设定", "地方性法规、省政府规章设定", "清单"]


def test_sheet_names_follow_excels_rules():
    used: set[str] = set()
    long = "汕尾市市场监督管理局行政许可事项清单中央层面设定部分第一批次补充"
    first = safe_sheet_name(long, used)
    second = safe_sheet_name(long, used)
    assert len(first) <= 31 and len(second) <= 31 and first != second
    assert safe_sheet_name("a/b\\c[d]*?:", used) == "a_b_c_d____"
    assert safe_sheet_name("History", used) == "History_"
    assert safe_sheet_name("'引号'", used) == "引号"
    assert safe_sheet_name("", used) == "Sheet"
    assert safe_sheet_name("SHEET", used) == "SHEET（2）"


def test_control_characters_are_dropped(tmp_path):
    path = tmp_path / "a.xlsx"
    write_workbook([licence_sheet([{"name": "食品\x00经营\x07许可"}])], path)
    assert load_workbook(path).active["C2"].value == "食品经营许可"


def test_text_over_excels_cell_limit_is_refused_and_nothing_written(tmp_path):
    path = tmp_path / "a.xlsx"
    with pytest.raises(ExportError, match="32767"):
        write_workbook([licence_sheet([{"legal_basis": "字" * 40_000}])], path)
    assert os.listdir(tmp_path) == []


def test_cancel_keeps_the_old_workbook(tmp_path):
    path = tmp_path / "a.xlsx"
    path.write_bytes(b"old workbook")
    rows = [{"name": f"事项{i}"} for i in range(1000)]
    with pytest.raises(Cancelled):
        write_workbook([licence_sheet(rows)], path, SimpleNamespace(report=lambda *_: None, cancelled=True))
    assert path.read_bytes() == b"old workbook"
    assert os.listdir(tmp_path) == ["a.xlsx"]


def test_progress_reaches_the_total(tmp_path):
    calls = []
    rows = [{"name": f"事项{i}"} for i in range(450)]
    write_workbook([licence_sheet(rows)], tmp_path / "a.xlsx",
                   SimpleNamespace(report=lambda d, t, m: calls.append((d, t)), cancelled=False))
    assert calls[-1] == (450, 450)
