"""Checking the city list against an upper list: names that match nothing, items missing, departments."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from lawgov_desktop.core.errors import NotFoundError, ValidationError
from lawgov_desktop.core.fields import LICENCE
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.reference_check import (
    authorities,
    authorities_agree,
    basis_difference,
    cited_laws,
    department_core,
    departments_alike,
)
from lawgov_desktop.importers.plan import ImportOptions, import_file
from lawgov_desktop.importers.reference_list import read_reference_items

UPPER = [
    {"sequence": "1", "name": "企业投资项目核准", "department": "省发展改革委", "code": "1001"},
    {"sequence": "2", "name": "食品经营许可", "department": "省市场监管局"},
    {"sequence": "2", "name": "食品经营许可", "sub_item": "食品经营许可证核发", "department": "省市场监管局"},
    {"sequence": "3", "name": "民办学校办学许可", "department": "省公安厅"},
    {"sequence": "4", "name": "建设工程消防设计审查", "department": "省住房城乡建设厅"},
    {"sequence": "5", "name": "排污许可", "department": "省生态环境厅"},
]


@pytest.fixture
def reference(lib: Library, city: dict[str, int]) -> int:
    lib.records.update("licence", city["food"], {"name": "食品经营许可*"})  # a trailing marker is not a difference
    lib.records.create("licence", {"name": "企业投资项目备案核准", "department": "市发改局", "part": "central"})
    return lib.references.save_reference("广东省2022年版", UPPER, "省级")


def test_each_finding_is_reported_once(lib: Library, reference: int) -> None:
    result = lib.references.check_reference(reference)
    assert (result.reference, result.list_label, result.checked) == ("广东省2022年版", "当前清单", 4)
    [unmatched] = result.unmatched
    assert (unmatched.name, unmatched.department) == ("企业投资项目备案核准", "汕尾市发展和改革局")
    assert unmatched.suggestions[0] == "企业投资项目核准"
    assert [item.name for item in result.missing] == ["建设工程消防设计审查", "排污许可"]
    assert result.missing[0].department == "省住房城乡建设厅" and result.missing[0].sequence == "4"
    [difference] = result.department_differences  # 省发展改革委 ~ 市发改局 and 省市场监管局 ~ 市市场监管局 agree
    assert (difference.name, difference.department, difference.upper_department) == (
        "民办学校办学许可", "海丰县教育局", "省公安厅")
    assert result.to_json()["counts"] == {"unmatched": 1, "missing": 2, "department_differences": 1,
                                          "authority_differences": 0, "basis_differences": 0, "beyond_upper": 0}


def test_a_version_can_be_checked(lib: Library, reference: int) -> None:
    version_id = lib.versions.save_version("2022年版")
    lib.records.create("licence", {"name": "排污许可", "department": "市发改局", "part": "central"})
    assert [item.name for item in lib.references.check_reference(reference, version_id).missing] == [
        "建设工程消防设计审查", "排污许可"]
    assert [item.name for item in lib.references.check_reference(reference).missing] == ["建设工程消防设计审查"]


def test_reference_lists_are_named_listed_replaced_and_deleted(lib: Library, reference: int) -> None:
    assert [(row["name"], row["level"], row["items"]) for row in lib.references.upper_lists()] == [("广东省2022年版", "省级", 5)]
    with pytest.raises(ValidationError, match="已存在"):
        lib.references.save_reference("广东省2022年版", UPPER[:1])
    replaced = lib.references.save_reference("广东省2022年版", UPPER[:1], replace=True)
    assert lib.references.find_reference("广东省2022年版") == replaced and lib.references.upper_lists()[0]["items"] == 1
    lib.references.delete_reference(replaced)
    assert lib.references.upper_lists() == []
    with pytest.raises(NotFoundError):
        lib.references.check_reference(replaced)


@pytest.mark.parametrize(("city", "upper"), [
    ("汕尾市发展和改革局", "省发展改革委"), ("市发改局", "广东省发展和改革委员会"), ("市市场监管局", "国家市场监督管理总局"),
    ("汕尾市住房和城乡建设局", "省住房城乡建设厅"), ("市卫生健康局", "省卫生健康委")])
def test_departments_at_different_levels_are_alike(city: str, upper: str) -> None:
    assert departments_alike([city], upper)


@pytest.mark.parametrize(("city", "upper"), [("市公安局", "省自然资源厅"), ("市教育局", "省公安厅")])
def test_different_offices_are_not_alike(city: str, upper: str) -> None:
    assert not departments_alike([city], upper)


def test_department_core() -> None:
    assert department_core("省发展改革委") == "发展改革"
    assert department_core("汕尾市发展和改革局") == "发展和改革"
    assert department_core("市市场监管局") == "市场监管"


# -- the rules the provinces apply: legal bases, implementing authorities, lower lists ----------------


def _upper_item(name: str, department: str, **fields: str) -> dict[str, str]:
    return {"name": name, "department": department, **fields}


def test_an_item_citing_another_set_of_laws_than_the_upper_item_is_flagged_with_those_laws(
        lib: Library, city: dict[str, int]) -> None:
    lib.records.update("licence", city["food"], {
        "legal_basis": "【法律】《中华人民共和国食品安全法》第三十五条：国家对食品生产经营实行许可制度。"})
    lib.records.update("licence", city["school"], {"legal_basis": "依法设定"})  # no law to compare
    reference = lib.references.save_reference("广东省2022年版", [
        # the same laws: one written short, another article, another order — not a difference
        _upper_item("食品经营许可", "省市场监管局", legal_basis="《食品安全法》第三十六条"),
        _upper_item("企业投资项目核准", "省发展改革委", legal_basis=(
            "1.《企业投资项目核准和备案管理条例》第三条\n2.《国务院关于投资体制改革的决定》")),
        _upper_item("民办学校办学许可", "省教育厅", legal_basis="《中华人民共和国民办教育促进法》第十二条")])
    [difference] = lib.references.check_reference(reference).basis_differences
    assert (difference.name, difference.department) == ("企业投资项目核准", "汕尾市发展和改革局")
    assert (difference.only_ours, difference.only_upper) == ([], ["国务院关于投资体制改革的决定"])


def test_laws_only_the_lower_list_cites_are_named_as_it_writes_them() -> None:
    difference = basis_difference("排污许可", "市生态环境局", "《中华人民共和国环境保护法》\n《排污许可管理条例》",
                                  "【法律】《环境保护法》【行政法规】《排污许可管理办法（试行）》")
    assert difference is not None
    assert (difference.only_ours, difference.only_upper) == (["排污许可管理条例"], ["排污许可管理办法（试行）"])
    assert basis_difference("排污许可", "市生态环境局", "《环境保护法》", "") is None
    assert cited_laws("《中华人民共和国环境保护法》第十条、《环境保护法》第十一条") == {"环境保护法": "中华人民共和国环境保护法"}


def test_an_implementing_authority_the_upper_item_does_not_name_is_flagged(lib: Library, city: dict[str, int]) -> None:
    lib.records.update("licence", city["hezhun"], {"implementing_authority": "市公安局"})
    reference = lib.references.save_reference("广东省2022年版", [
        _upper_item("食品经营许可", "省市场监管局", implementing_authority="县级以上人民政府市场监督管理部门"),
        _upper_item("企业投资项目核准", "省发展改革委", implementing_authority="省发展改革委；地级以上市发展改革部门")])
    result = lib.references.check_reference(reference)
    [difference] = result.authority_differences  # 县级市场监管部门 is one of the 市场监督管理部门
    assert (difference.name, difference.authority, difference.upper_authority) == (
        "企业投资项目核准", "市公安局", "省发展改革委；地级以上市发展改革部门")
    assert result.to_json()["authority_differences"][0]["authority"] == "市公安局"


@pytest.mark.parametrize(("ours", "upper"), [
    ("县级市场监管部门", "县级以上人民政府市场监督管理部门"), ("海丰县市场监督管理局（含分局）", "县级市场监管部门"),
    ("市自然资源局、县级自然资源主管部门", "省自然资源厅；市、县自然资源主管部门")])
def test_authorities_of_one_kind_at_other_levels_agree(ours: str, upper: str) -> None:
    assert authorities_agree(ours, upper)


def test_authorities() -> None:
    assert authorities("县级以上人民政府市场监管部门（含分局）、海丰县市场监督管理局") == ["市场监管", "海丰县市场监督管理局"]
    assert not authorities_agree("市公安局", "县级以上自然资源主管部门")


@pytest.fixture
def county_list(lib: Library, city: dict[str, int]) -> int:
    """海丰县's list as the county sent it in: one item the city's list lacks, one it holds."""
    lib.records.update("licence", city["food"], {"legal_basis": "《食品安全法》", "implementing_authority": "县级市场监管部门"})
    return lib.references.save_reference("海丰县2023年版", [
        {"sequence": "1", "name": "食品经营许可", "department": "海丰县市场监督管理局",
         "legal_basis": "【法律】《中华人民共和国食品安全法》第三十五条", "implementing_authority": "海丰县市场监督管理局"},
        {"sequence": "2", "name": "海丰县渔船停泊许可", "department": "海丰县农业农村局", "code": "441521001"}],
        "县级", region_id=lib.records.find_region("海丰县"))


def test_a_county_list_is_checked_against_the_city_list_and_may_not_go_beyond_it(
        lib: Library, county_list: int) -> None:
    result = lib.references.check_reference(county_list)
    assert (result.list_label, result.upper_label, result.checked) == ("海丰县2023年版", "汕尾市当前清单", 2)
    assert (result.lower_region, result.upper_region) == ("海丰县", "汕尾市")
    [beyond] = result.beyond_upper
    assert (beyond.name, beyond.department, beyond.sequence, beyond.code) == (
        "海丰县渔船停泊许可", "海丰县农业农村局", "2", "441521001")
    assert result.unmatched == []  # a county item the city lacks is beyond the upper list, not a renamed one
    assert (result.department_differences, result.authority_differences, result.basis_differences) == ([], [], [])
    assert [item.name for item in result.missing] == ["企业投资项目核准", "民办学校办学许可"]
    assert [row["region"] for row in lib.references.upper_lists()] == ["海丰县"]
    assert lib.references.check_reference(county_list, lib.versions.save_version("2022年版")).upper_label == (
        "汕尾市2022年版")


def test_a_list_under_a_county_is_checked_against_the_county_list(lib: Library, county_list: int) -> None:
    town = lib.records.create("region", {"name": "梅陇镇", "kind": "town", "parent_id": lib.records.find_region("海丰县")})
    town_list = lib.references.save_reference("梅陇镇清单", [{"name": "海丰县渔船停泊许可"}, {"name": "食品经营许可"},
                                                            {"name": "镇级许可"}], region_id=town)
    result = lib.references.check_reference(town_list)
    assert (result.upper_label, result.upper_region) == ("海丰县2023年版", "海丰县")
    assert [item.name for item in result.beyond_upper] == ["镇级许可"]
    lib.references.delete_reference(county_list)
    with pytest.raises(NotFoundError, match="上级海丰县的清单尚未导入"):
        lib.references.check_reference(town_list)


FORESTRY = (Path(__file__).resolve().parents[3] / "shared" / "real-lists" / "karamay"
            / "克拉玛依市林业和草原系统2024年地县两级权责清单指导目录.xls")


def test_the_district_sheet_of_a_real_two_level_catalogue_against_its_city_sheet(lib: Library) -> None:
    """克拉玛依市's forestry catalogue has a city sheet (地州级) and a district sheet (区县级), 22 licence
    items each.  Read side by side by hand: two district items are named as no city item is, the
    district's office is the 自然资源分局 where the city's is the 林草局 (all but item 9), and item 4
    cites other laws (the district's its regional 实施办法 and a regional decision, the city's a State
    Council decision and the 草原征占用 rules, both the 草原法 with other articles)."""
    city_id = lib.records.create("region", {"name": "克拉玛依市", "kind": "city"})
    district = lib.records.create("region", {"name": "克拉玛依区", "kind": "district", "parent_id": city_id})
    import_file(lib, FORESTRY, ImportOptions(kind=LICENCE, sheet="地州级"))
    reference = lib.references.save_reference("克拉玛依区林草指导目录", read_reference_items(FORESTRY, "区县级"),
                                              region_id=district)
    result = lib.references.check_reference(reference)
    assert (result.checked, result.upper_label, result.lower_region, result.upper_region) == (
        22, "克拉玛依市当前清单", "克拉玛依区", "克拉玛依市")
    assert [(item.sequence, item.name) for item in result.beyond_upper] == [
        ("1", "林草种子生产经营许可证的核发"), ("10", "猎捕非国家重点保护野生动物狩猎证的核发")]
    assert result.beyond_upper[0].suggestions[0] == "权限内林草种子生产经营许可证的核发"
    assert [item.name for item in result.missing] == ["权限内林草种子生产经营许可证的核发", "猎捕陆生野生动物审批"]
    [basis] = result.basis_differences
    assert basis.name == "建设项目使用草原审批"
    assert basis.only_ours == ["新疆维吾尔自治区实施<中华人民共和国草原法>办法", "治区人民政府《关于取消和调整行政审批事项的决定》"]
    assert basis.only_upper == ["国务院关于取消和下发一批行政审批项目的决定", "草原征占用审核审批管理规范"]
    assert len(result.department_differences) == len(result.authority_differences) == 19
    assert {(item.department, item.upper_department) for item in result.department_differences} == {
        ("克拉玛依市自然资源局各区自然资源分局", "克拉玛依市林业和草原局")}
    assert "进入自然保护区从 事有关活动审批" not in {item.name for item in result.authority_differences}


def test_upper_lists_stored_before_migration_0008_keep_their_items(tmp_path: Path) -> None:
    """0008 rebuilds reference_list on SQLite to add its region: the items (ON DELETE CASCADE) survive."""
    from alembic import command

    from lawgov_desktop.core import schema

    path = tmp_path / "old.sqlite3"
    command.upgrade(schema.alembic_config(path), "0007")
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO reference_list (id, name, level, created_at) VALUES (1, '广东省2022年版', '省级', 't')")
    conn.executemany("INSERT INTO reference_item (reference_id, sequence, name, department) VALUES (1, ?, ?, ?)",
                     [("1", "企业投资项目核准", "省发展改革委"), ("2", "排污许可", "省生态环境厅")])
    conn.commit()
    conn.close()
    with Library(path) as lib:
        assert [(row["name"], row["region"], row["items"]) for row in lib.references.upper_lists()] == [
            ("广东省2022年版", None, 2)]
        result = lib.references.check_reference(1)
        assert [item.name for item in result.missing] == ["企业投资项目核准", "排污许可"]
        assert result.basis_differences == [] and result.lower_region is None
