"""清单之外不得实施许可: the departments' licence powers against the licence catalogue, both ways."""

from __future__ import annotations

from pathlib import Path

import pytest

from lawgov_desktop.core.fields import LICENCE
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.licence_check import CloseName, LicenceCheck, check_licences
from lawgov_desktop.importers.plan import ImportOptions, import_file

REAL = Path(__file__).resolve().parents[3] / "shared" / "real-lists" / "karamay" / "国动办权责清单公示.xlsx"

ITEMS = (  # department, catalogue item
    ("市发改局", "企业投资项目核准"),
    ("市发改局", "固定资产投资项目节能审查"),
    ("市市场监管局", "食品生产许可"),
    ("市市场监管局", "特种设备使用登记"),
    ("市生态环境局", "排污许可"),  # 市生态环境局 has no power at all: its 权责清单 is not imported
    ("市生态环境局", "建设项目环境影响评价文件审批"),
)
POWERS = (  # department, name, power type
    ("市发改局", "企业投资项目　核准", "行政许可"),  # a full-width space is no difference
    ("市发改局", "固定资产投资项目节能审查意见", "行政许可"),  # the old name: outside the catalogue
    ("市市场监管局", "食品生产许可", "行政许可"),
    ("市市场监管局", "特种设备使用登记", "行政检查"),  # not a licence: the item stays unlisted
    ("市市场监管局", "排污许可", "行政许可"),  # the catalogue has it, under another department
    ("市交通运输局", "道路运输经营许可", "行政许可"),
)


@pytest.fixture
def lists(lib: Library) -> Library:
    for name in ("市发改局", "市市场监管局", "市生态环境局", "市交通运输局"):
        lib.records.create("department", {"name": name})
    for department, name in ITEMS:
        item = lib.records.create("licence", {"department": department, "name": name, "code": f"L-{name}"})
    lib.records.create("licence", {"parent_id": item, "name": "建设项目环境影响报告书审批"})  # a sub-item is not checked
    for department, name, power_type in POWERS:
        power = lib.records.create("power", {"department": department, "name": name, "power_type": power_type})
    lib.records.create("power", {"parent_id": power, "name": "道路旅客运输经营许可"})  # nor is a power's sub-item
    lib.records.create("power", {"department": "市交通运输局", "name": "建设项目环境影响评价文件审批",
                         "power_type": "行政许可", "status": "已取消"})  # cancelled: not exercised
    return lib


def test_each_side_is_checked_against_the_same_departments_names(lists: Library) -> None:
    result = check_licences(lists)
    assert (result.list_label, result.licence_powers, result.licence_items) == ("当前清单", 5, 6)
    assert [(finding.department, finding.name) for finding in result.outside] == [
        ("市发改局", "固定资产投资项目节能审查意见"), ("市市场监管局", "排污许可"), ("市交通运输局", "道路运输经营许可")]
    assert [(finding.department, finding.name, finding.code) for finding in result.unlisted] == [
        ("市发改局", "固定资产投资项目节能审查", "L-固定资产投资项目节能审查"),
        ("市市场监管局", "特种设备使用登记", "L-特种设备使用登记")]
    assert [(finding.department, finding.name) for finding in result.not_imported] == [
        ("市生态环境局", "排污许可"), ("市生态环境局", "建设项目环境影响评价文件审批")]
    assert result.summary() == ("权责清单中的行政许可 5 项，许可清单 6 项；清单外的许可 3 项，清单内未列入权责清单 2 项；"
                                "另有 2 项许可事项所属部门未导入权责清单。")


def test_closest_names_the_same_department_first_and_an_identical_name_elsewhere_before_all(
        lists: Library) -> None:
    renamed, elsewhere, transport = check_licences(lists).outside
    assert renamed.closest[0] == CloseName("固定资产投资项目节能审查", "市发改局", 0.92)
    assert renamed.closest_text() == "固定资产投资项目节能审查"
    assert elsewhere.closest[0] == CloseName("排污许可", "市生态环境局", 1.0)  # the item is there
    assert [close.department for close in elsewhere.closest[1:]] == ["市市场监管局"] * (len(elsewhere.closest) - 1)
    assert elsewhere.closest_text().startswith("排污许可（市生态环境局）")
    assert transport.closest == []  # nothing in the catalogue shares more than the 许可 ending
    unlisted = check_licences(lists).unlisted[0]
    assert unlisted.closest[0].name == "固定资产投资项目节能审查意见"


def test_at_most_three_closest_names(lib: Library) -> None:
    lib.records.create("department", {"name": "市市场监管局"})
    for name in ("食品生产许可", "食品经营许可", "食品添加剂生产许可", "食品小作坊登记"):
        lib.records.create("licence", {"department": "市市场监管局", "name": name})
    lib.records.create("power", {"department": "市市场监管局", "name": "食品销售许可", "power_type": "行政许可"})
    [finding] = check_licences(lib).outside
    assert [close.name for close in finding.closest] == ["食品生产许可", "食品经营许可", "食品添加剂生产许可"]  # ties in list order


def test_json_document(lists: Library) -> None:
    document = check_licences(lists).to_json()
    assert document["counts"] == {"licence_powers": 5, "licence_items": 6, "outside": 3, "unlisted": 2,
                                  "not_imported": 2}
    assert document["outside"][1] == {
        "name": "排污许可", "department": "市市场监管局", "code": None,
        "closest": [{"name": "排污许可", "department": "市生态环境局", "similarity": 1.0}]}


def test_a_saved_version_is_checked_as_it_was(lists: Library) -> None:
    version_id = lists.versions.save_version("2024年版")
    lists.records.create("licence", {"department": "市交通运输局", "name": "道路运输经营许可"})
    assert len(check_licences(lists).outside) == 2
    old = check_licences(lists, version_id)
    assert old.list_label == "2024年版" and len(old.outside) == 3


def test_an_empty_library_has_nothing_to_report(lib: Library) -> None:
    assert check_licences(lib) == LicenceCheck("当前清单", 0, 0)


@pytest.mark.skipif(not REAL.exists(), reason="the Karamay 权责清单 are not on this machine")
def test_a_published_responsibility_list_against_its_own_licence_items(lib: Library) -> None:
    """国动办's 权责清单 has 3 行政许可; imported also as licence items, every one is in the catalogue
    until the catalogue writes one of them without its 的."""
    import_file(lib, REAL)
    result = check_licences(lib)
    assert (result.licence_powers, result.licence_items, len(result.outside)) == (3, 0, 3)
    import_file(lib, REAL, ImportOptions(kind=LICENCE))
    result = check_licences(lib)
    assert (result.licence_powers, result.licence_items) == (3, 3)
    assert (result.outside, result.unlisted, result.not_imported) == ([], [], [])
    [item] = lib.store.conn.execute("SELECT id FROM licence_item WHERE name = '拆除人民防空工程的审批'").fetchall()
    lib.records.update("licence", item[0], {"name": "拆除人民防空工程审批"})
    result = check_licences(lib)
    [outside], [unlisted] = result.outside, result.unlisted
    assert (outside.name, outside.closest[0].name) == ("拆除人民防空工程的审批", "拆除人民防空工程审批")
    assert (unlisted.name, unlisted.closest[0].name) == ("拆除人民防空工程审批", "拆除人民防空工程的审批")
    assert outside.department == "克拉玛依市国防动员办公室（克拉玛依市人民防空办公室）"
