"""A workbook compared with the database before importing it, and upper lists read from workbooks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from workbook_builders import write_xlsx

from lawgov_desktop.core.compare import FieldChange
from lawgov_desktop.core.errors import ImportFileError
from lawgov_desktop.core.library import Library
from lawgov_desktop.importers.compare_file import workbook_snapshot
from lawgov_desktop.importers.plan import import_file, plan_import
from lawgov_desktop.importers.reference_list import import_reference, read_reference_items

HEADER = ["序号", "主管部门", "事项名称", "子项", "行使层级", "事项编码"]
ROWS_2022 = [
    [1, "汕尾市市场监督管理局", "食品经营许可", "食品经营许可证核发", "市级", "330217000100"],
    [2, "汕尾市发展和改革局", "企业投资项目核准", None, "市级", "000172001000"],
    [3, "汕尾市发展和改革局", "固定资产投资项目节能审查", None, "市级", None],
]


def book(path: Path, rows: list[list[object]], merged: list[str] | None = None) -> Path:
    """A licence list whose data starts in row 4."""
    lines = [["汕尾市行政许可事项清单"], HEADER, ["一、中央层面设定的行政许可事项"], *rows]
    return write_xlsx(path, {"清单": (lines, merged or [])})


@pytest.fixture
def lib(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Library]:
    """The 2022 list imported from a workbook; one remark added by hand afterwards."""
    monkeypatch.setenv("LAWGOV_USER", "比较员")
    with Library(tmp_path / "lists.sqlite3") as library:
        for name, alias in (("汕尾市市场监督管理局", "市市场监管局"), ("汕尾市发展和改革局", "市发改局")):
            library.records.create("department", {"name": name, "aliases": alias})
        import_file(library, book(tmp_path / "2022.xlsx", ROWS_2022))
        library.records.update("licence", library.lists.query("licence").rows[0]["id"], {"remark": "只在数据库中有备注"})
        yield library


def test_a_county_file_is_compared_before_importing_it(lib: Library, tmp_path: Path) -> None:
    county = book(tmp_path / "2023.xlsx", [
        [1, "市市场监管局", "食品经营许可", "食品经营许可证核发", "市级", "330217000100"],  # short name: no move
        [None, None, None, "食品经营许可证延续", None, None],
        [2, "市发改局", "企业投资项目核准", None, "县级", "000172001000"],
        [3, "市市场监管局", "固定资产投资项目节能审查", None, "市级", None],
        [4, "市发改局", "政府投资项目审批", None, "市级", None],
    ], ["A4:A5", "B4:B5", "C4:C5", "E4:E5", "F4:F5"])
    result = lib.versions.compare(None, workbook_snapshot(lib, county))
    assert (result.old_label, result.new_label, result.compared) == ("当前清单", "2023.xlsx", ("licence",))
    found = {(change.kind, change.name): change for change in result.licences}
    assert set(found) == {("changed", "食品经营许可"), ("changed", "企业投资项目核准"),
                          ("moved", "固定资产投资项目节能审查"), ("added", "政府投资项目审批")}
    assert found[("changed", "食品经营许可")].changes == [
        FieldChange("sub_items", "子项", "食品经营许可证核发", "食品经营许可证核发、食品经营许可证延续")]
    assert found[("changed", "企业投资项目核准")].changes == [FieldChange("level", "行使层级", "市级", "县级")]
    assert found[("moved", "固定资产投资项目节能审查")].old_department == "汕尾市发展和改革局"
    # the file has no 备注 column: the remark kept in the database is not reported as erased
    assert all(change.field != "remark" for entry in result.licences for change in entry.changes)
    # the comparison wrote nothing, and the import plan agrees on what is new
    assert lib.lists.query("licence").total == 3
    assert plan_import(lib, county).changes.inserted == 3  # 政府投资项目审批, the moved item, a new sub-item


def test_the_same_list_as_in_the_database_shows_no_change(lib: Library, tmp_path: Path) -> None:
    assert lib.versions.compare(None, workbook_snapshot(lib, book(tmp_path / "same.xlsx", ROWS_2022))).is_empty()


def test_a_power_list_file_with_prefixed_townships(lib: Library, tmp_path: Path) -> None:
    lib.records.create("batch", {"name": "第一批"})
    power = lib.records.create("power", {"name": "对占用城市道路摆摊设点的处罚", "department": "市市场监管局", "code": "P1"})
    lib.records.create("delegation", {"power_id": power, "region": "田墘街道", "batch": "第一批", "scope": "部分"})
    path = write_xlsx(tmp_path / "powers.xlsx", {"第一批": ([
        ["序号", "事项编码", "事项名称", "原实施主体", "承接主体", "赋权范围"],
        [1, "P1", "对占用城市道路摆摊设点的处罚", "市市场监管局", "红海湾经济开发试验区田墘街道、东洲街道", "全部"],
    ], [])})
    result = lib.versions.compare(None, workbook_snapshot(lib, path))
    [change] = result.powers
    assert (change.kind, change.regions) == ("extended", ["东洲街道"])  # 田墘 recognised through its prefix
    assert change.changes == [FieldChange("scope", "赋权范围（田墘街道）", "部分", "全部")]


def test_a_department_list_cannot_be_compared(lib: Library, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "depts.xlsx", {"部门": ([["部门名称", "简称", "层级"], ["市公安局", "", "市级"]], [])})
    with pytest.raises(ImportFileError, match="部门清单"):
        workbook_snapshot(lib, path)


def test_an_upper_list_is_read_with_the_licence_headers(lib: Library, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "province.xlsx", {"省清单": ([
        ["广东省行政许可事项清单（2022年版）"],
        ["序号", "省级主管部门", "主项名称", "子项名称", "基本编码"],
        [1, "省市场监管局", "食品经营许可", "食品经营许可证核发", "0001"],
        [None, None, None, "食品经营许可证延续", None],
        [2, "省发展改革委", "企业投资项目核准", None, "0002"],
    ], ["A3:A4", "B3:B4", "C3:C4", "E3:E4"])})
    items = read_reference_items(path)
    assert [(item["name"], item.get("sub_item")) for item in items] == [
        ("食品经营许可", None), ("食品经营许可", "食品经营许可证核发"), ("食品经营许可", "食品经营许可证延续"),
        ("企业投资项目核准", None)]
    assert items[0]["department"] == "省市场监管局" and items[3]["code"] == "0002"
    reference = import_reference(lib, path, "广东省2022年版", level="省级")
    check = lib.references.check_reference(reference)
    assert [item.name for item in check.unmatched] == ["固定资产投资项目节能审查"]
    assert check.missing == [] and check.department_differences == []
