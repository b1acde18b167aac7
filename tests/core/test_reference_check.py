"""Checking the city list against an upper list: names that match nothing, items missing, departments."""

from __future__ import annotations

import pytest

from lawgov_desktop.core.errors import NotFoundError, ValidationError
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.reference_check import department_core, departments_alike

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
    assert result.to_json()["counts"] == {"unmatched": 1, "missing": 2, "department_differences": 1}


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
