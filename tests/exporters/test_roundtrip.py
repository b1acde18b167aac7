"""Export to Excel, import into an empty database: the same records, field by field."""

from __future__ import annotations

import pytest
from library_data import MARKET, MULTI_LINE_BASIS, build_lists, new_library, snapshot
from openpyxl import load_workbook

from lawgov_desktop.core.fields import LICENCE, POWER
from lawgov_desktop.core.kinds import RESPONSIBILITY_DETAIL_KEYS
from lawgov_desktop.core.queries import ListFilter
from lawgov_desktop.exporters.catalogue import POWER_SHEET_COLUMNS, export_sheets
from lawgov_desktop.exporters.model import ExportError
from lawgov_desktop.exporters.xlsx import write_workbook
from lawgov_desktop.importers.plan import ImportOptions, import_file


@pytest.fixture(scope="module")
def source(module_library):
    library = module_library("source")
    build_lists(library)
    return library


def export_and_import(source, kind, tmp_path):
    path = tmp_path / f"{kind}.xlsx"
    write_workbook(export_sheets(source, kind), path)
    with new_library(tmp_path / "target.sqlite3") as target:
        result = import_file(target, path, ImportOptions(kind=kind))
        assert result.rejected == []
        return path, snapshot(target)[kind]


def test_licence_list_reads_back_identically(source, tmp_path):
    path, imported = export_and_import(source, LICENCE, tmp_path)
    original = snapshot(source)[LICENCE]
    assert imported == original
    assert load_workbook(path).sheetnames == ["中央层面设定", "地方性法规、省政府规章设定"]


def test_the_awkward_values_survive(source, tmp_path):
    _path, imported = export_and_import(source, LICENCE, tmp_path)
    by_name = {row["name"]: row for row in imported}
    assert by_name["食品经营许可"]["code"] == "000123"
    assert by_name["食品经营许可"]["legal_basis"] == MULTI_LINE_BASIS
    assert by_name["特种设备使用登记"]["code"] == "440000000000000001"
    assert by_name["特种设备使用登记"]["remark"] == "实行告知承诺制"
    assert by_name["特种设备使用登记（新办）"]["remark"] is None  # the main item's remark stays its own
    assert by_name["特种设备使用登记（变更）"]["remark"] == "+86 0660-1234567"
    assert by_name["=SUM(A1)"]["remark"] == "@x" and by_name["=SUM(A1)"]["upper_ref"] == "-1"


def test_formula_looking_cells_are_plain_text(source, tmp_path):
    path = tmp_path / "a.xlsx"
    write_workbook(export_sheets(source, LICENCE), path)
    cells = [cell for row in load_workbook(path)["中央层面设定"].iter_rows(min_row=2) for cell in row
             if isinstance(cell.value, str) and cell.value[:1] in "=+-@"]
    assert {cell.value for cell in cells} >= {"=SUM(A1)", "@x", "-1", "+86 0660-1234567"}
    assert all(cell.data_type == "s" and cell.quotePrefix for cell in cells)


def test_power_list_with_delegations_in_two_batches_reads_back_identically(source, tmp_path):
    path, imported = export_and_import(source, POWER, tmp_path)
    assert imported == snapshot(source)[POWER]
    assert load_workbook(path).sheetnames == ["第一批", "第二批", "未分批次"]


def test_power_delegated_in_two_batches_is_one_power(source, tmp_path):
    _path, imported = export_and_import(source, POWER, tmp_path)
    twice = next(row for row in imported if row["code"] == "024400001")
    assert [(d[0], d[1], d[2]) for d in twice["delegations"]] == [("东洲街道", "第二批", "委托实施"),
                                                                   ("田墘街道", "第一批", "依法下放")]


def test_current_view_exports_only_the_filtered_rows(source, tmp_path):
    housing = source.records.find_department("市住房和城乡建设局")
    sheets = export_sheets(source, LICENCE, ListFilter(department_ids=(housing,)))
    assert [row["name"] for sheet in sheets for row in sheet.rows] == ["建筑工程施工许可", "城市建筑垃圾处置核准"]


def test_township_view_keeps_only_its_delegations(source):
    street = source.records.find_region("东洲街道")
    rows = [row for sheet in export_sheets(source, POWER, ListFilter(region_ids=(street,))) for row in sheet.rows]
    assert [(row["code"], row["receiving"], row["batch"]) for row in rows] == [
        ("014400001", "东洲街道", "第一批"), ("024400001", "东洲街道", "第二批")]


def test_nothing_to_export_is_an_error(source):
    with pytest.raises(ExportError):
        export_sheets(source, LICENCE, ListFilter(text="没有这种事项"))


def test_sheets_follow_the_list_kind(source):
    with pytest.raises(ExportError):
        export_sheets(source, LICENCE, by="batch")


RESPONSIBILITY_DETAILS = {
    "handling_office": "食品经营监管科", "level": "市级", "level_scope": "负责本级许可",
    "duties": "1.受理责任：公示条件\n2.审查责任：材料审核", "responsibility": "依法受理",
    "responsibility_basis": "《中华人民共和国行政许可法》第三十条", "accountability_scope": "承办人员",
    "accountability_cases": "=不予受理的"}


def build_responsibilities(library):
    """Powers of a 权责清单 (the eight fields, columns the program does not know) beside a delegated one."""
    library.records.create("department", {"name": MARKET, "level": "市级"})
    library.records.create("batch", {"name": "第一批"})
    main = library.records.create("power", {"code": "XK001", "name": "食品经营许可", "power_type": "行政许可",
                                    "department": MARKET, **RESPONSIBILITY_DETAILS,
                                    "extra": {"救助渠道": "12345", "诉求渠道": "-政务服务中心"}})
    library.records.create("power", {"code": "CF002", "name": "对无证经营的处罚", "power_type": "行政处罚", "department": MARKET,
                             "extra": {"救助渠道": "信访"}})
    library.records.create("delegation", {"power": "CF002", "region": "田墘街道", "batch": "第一批"})
    return main


@pytest.fixture(scope="module")
def responsibilities(module_library):
    library = module_library("responsibilities")
    main = build_responsibilities(library)
    library.records.create("power", {"parent_id": main, "name": "食品经营许可（新办）", "duties": "现场核查"})
    return library


def test_responsibility_fields_extra_columns_and_sub_items_are_written_under_their_headers(responsibilities, tmp_path):
    path = tmp_path / "powers.xlsx"
    write_workbook(export_sheets(responsibilities, POWER), path)
    sheets = load_workbook(path)
    headers = [cell.value for cell in next(sheets["第一批"].iter_rows(max_row=1))]
    assert headers[-2:] == ["救助渠道", "诉求渠道"]
    assert {"承办机构", "实施层级及权限", "实施权限", "部门职责", "责任事项内容", "责任事项依据", "追责对象范围", "追责情形",
            "子项名称"} <= set(headers)
    rows = [dict(zip(headers, (cell.value for cell in row), strict=True))
            for row in sheets["未分批次"].iter_rows(min_row=2)]
    assert [(row["事项名称"], row["子项名称"]) for row in rows] == [("食品经营许可", None),
                                                                ("食品经营许可", "食品经营许可（新办）")]
    assert rows[0]["部门职责"] == RESPONSIBILITY_DETAILS["duties"] and rows[0]["诉求渠道"] == "-政务服务中心"
    assert rows[1]["部门职责"] == "现场核查" and rows[1]["序号"] is None and rows[1]["事项编码"] == "XK001"
    delegated = dict(zip(headers, (cell.value for cell in next(sheets["第一批"].iter_rows(min_row=2))), strict=True))
    assert (delegated["救助渠道"], delegated["承接主体"], delegated["部门职责"]) == ("信访", "田墘街道", None)


def test_a_delegation_list_keeps_its_columns_when_no_power_has_responsibilities(source):
    [sheet, *_] = export_sheets(source, POWER)
    assert sheet.columns == [key for key in POWER_SHEET_COLUMNS if key not in (*RESPONSIBILITY_DETAIL_KEYS, "sub_item")]
    assert sheet.headers == {}


def test_responsibility_fields_and_extra_columns_read_back(tmp_path):
    with new_library(tmp_path / "source.sqlite3") as library:
        build_responsibilities(library)
        _path, imported = export_and_import(library, POWER, tmp_path)
        assert imported == snapshot(library)[POWER]


def test_power_sub_items_read_back_under_their_item(responsibilities, tmp_path):
    _path, imported = export_and_import(responsibilities, POWER, tmp_path)

    def by_name(rows):  # noqa: ANN001, ANN202 - a sub-item now follows its item in the list order
        return sorted(rows, key=lambda row: row["name"])

    assert by_name(imported) == by_name(snapshot(responsibilities)[POWER])
    with new_library(tmp_path / "again.sqlite3") as target:
        import_file(target, _path, ImportOptions(kind=POWER))
        pairs = target.store.conn.execute("SELECT p.name, s.name, s.duties FROM power s JOIN power p ON p.id = s.parent_id"
                                    ).fetchall()
        assert [tuple(pair) for pair in pairs] == [("食品经营许可", "食品经营许可（新办）", "现场核查")]
        again = import_file(target, _path, ImportOptions(kind=POWER))
        assert (again.inserted, again.updated) == (0, 0)
