"""Comparing a saved version with the working list: every kind of change, each found once, nothing else."""

from __future__ import annotations

import json

import pytest

from lawgov_desktop.core.compare import (
    Comparison,
    Delegated,
    FieldChange,
    LicenceChange,
    LicenceRecord,
    ListSnapshot,
    PowerChange,
    PowerRecord,
    compare_snapshots,
)
from lawgov_desktop.core.library import Library


@pytest.fixture
def adjusted(lib: Library) -> tuple[Library, int]:
    """A 2022 list saved as a version, then the 2023 adjustment made to the working list."""
    for name, aliases in (("汕尾市发展和改革局", "市发改局"), ("汕尾市市场监督管理局", "市市场监管局"),
                          ("汕尾市公安局", "市公安局"), ("汕尾市城市管理和综合执法局", "市城管执法局")):
        lib.records.create("department", {"name": name, "aliases": aliases, "level": "市级"})
    item = {"part": "central", "level": "市级"}
    ids = {
        "same": lib.records.create("licence", {**item, "name": "企业投资项目核准", "department": "市发改局", "code": "A1"}),
        "edited": lib.records.create("licence", {**item, "name": "食品生产许可", "department": "市市场监管局", "code": "A2",
                                         "legal_basis": "《食品安全法》第三十五条"}),
        "renamed": lib.records.create("licence", {**item, "name": "特种设备使用登记", "department": "市市场监管局",
                                          "code": "A3"}),
        "moved": lib.records.create("licence", {**item, "name": "户外广告设施设置审批", "department": "市发改局"}),
        "dropped": lib.records.create("licence", {**item, "name": "印章刻制业特种行业许可", "department": "市公安局",
                                          "part": "local"}),
        "subs": lib.records.create("licence", {**item, "name": "排污许可", "department": "市发改局", "code": "A6"}),
    }
    lib.records.create("licence", {"name": "排污许可证核发", "parent_id": ids["subs"]})
    lib.records.create("batch", {"name": "第一批", "published_on": "2022-03-01"})
    lib.records.create("batch", {"name": "第二批", "published_on": "2022-07-15"})
    power = {"power_type": "行政处罚", "department": "市城管执法局"}
    pids = {key: lib.records.create("power", {**power, "name": name, "code": code}) for key, name, code in (
        ("steady", "对擅自设置大型户外广告的处罚", "P1"), ("wider", "对占用城市道路摆摊设点的处罚", "P2"),
        ("back", "对露天焚烧秸秆的处罚", "P3"), ("gone", "对违法建设的处罚", "P4"), ("later", "对乱倒垃圾的处罚", "P5"),
        ("retyped", "对违规排放油烟的处罚", "P6"))}
    for key, street, scope in (("steady", "田墘街道", "全部"), ("wider", "田墘街道", "部分"), ("back", "田墘街道", "全部"),
                               ("back", "东洲街道", "全部"), ("gone", "遮浪街道", "全部"), ("retyped", "东洲街道", "全部")):
        lib.records.create("delegation", {"power_id": pids[key], "region": street, "batch": "第一批", "scope": scope})
    version_id = lib.versions.save_version("2022年版")

    lib.records.update("licence", ids["edited"], {"legal_basis": "《食品安全法》第三十五条\n《食品生产许可管理办法》",
                                          "level": "省级"})
    lib.records.update("licence", ids["renamed"], {"name": "特种设备使用登记（含变更）"})
    lib.records.update("licence", ids["moved"], {"department": "市城管执法局"})
    lib.records.delete("licence", ids["dropped"])
    lib.records.create("licence", {"name": "排污许可证变更", "parent_id": ids["subs"]})
    lib.records.create("licence", {**item, "name": "犬只登记", "department": "市公安局", "code": "A7"})
    lib.records.create("delegation", {"power_id": pids["wider"], "region": "东洲街道", "batch": "第二批", "scope": "部分"})
    lib.records.create("delegation", {"power_id": pids["wider"], "region": "田墘街道", "batch": "第二批", "scope": "全部"})
    lib.records.create("delegation", {"power_id": pids["back"], "region": "东洲街道", "batch": "第二批", "change_kind": "收回"})
    lib.records.delete("power", pids["gone"])
    lib.records.create("delegation", {"power_id": pids["later"], "region": "遮浪街道", "batch": "第二批"})
    lib.records.update("power", pids["retyped"], {"power_type": "行政强制"})
    new_power = lib.records.create("power", {**power, "name": "对违规停放共享单车的处罚", "code": "P7"})
    lib.records.create("delegation", {"power_id": new_power, "region": "田墘街道", "batch": "第二批"})
    lib.records.create("power", {**power, "name": "对无证犬只的处罚", "code": "P8"})
    return lib, version_id


@pytest.fixture
def compared(adjusted: tuple[Library, int]) -> Comparison:
    """The version saved before the adjustment compared with the working list after it."""
    lib, version_id = adjusted
    return lib.versions.compare(version_id, None)


def by_kind_and_name(
        changes: list[LicenceChange] | list[PowerChange]) -> dict[tuple[str, str], LicenceChange | PowerChange]:
    """The changes found, keyed the way the tests name them."""
    return {(change.kind, change.name): change for change in changes}


def test_every_licence_change_is_found_once(compared: Comparison) -> None:
    found = by_kind_and_name(compared.licences)
    assert set(found) == {("changed", "食品生产许可"), ("changed", "特种设备使用登记（含变更）"),
                          ("moved", "户外广告设施设置审批"), ("removed", "印章刻制业特种行业许可"),
                          ("changed", "排污许可"), ("added", "犬只登记")}
    assert found[("changed", "食品生产许可")].changes == [
        FieldChange("legal_basis", "设定和实施依据", "《食品安全法》第三十五条",
                    "《食品安全法》第三十五条 《食品生产许可管理办法》"),
        FieldChange("level", "行使层级", "市级", "省级")]
    assert found[("changed", "特种设备使用登记（含变更）")].changes == [
        FieldChange("name", "事项名称", "特种设备使用登记", "特种设备使用登记（含变更）")]  # matched by code
    moved = found[("moved", "户外广告设施设置审批")]
    assert (moved.old_department, moved.department, moved.changes) == ("汕尾市发展和改革局", "汕尾市城市管理和综合执法局", [])
    assert found[("changed", "排污许可")].changes == [
        FieldChange("sub_items", "子项", "排污许可证核发", "排污许可证核发、排污许可证变更")]
    removed = found[("removed", "印章刻制业特种行业许可")]
    assert (removed.department, removed.part) == ("汕尾市公安局", "local")
    assert compared.counts()["licence_items"] == {"added": 1, "removed": 1, "changed": 3, "moved": 1}


def test_every_power_change_is_found_once(compared: Comparison) -> None:
    found = by_kind_and_name(compared.powers)
    assert set(found) == {("extended", "对占用城市道路摆摊设点的处罚"), ("taken_back", "对露天焚烧秸秆的处罚"),
                          ("taken_back", "对违法建设的处罚"), ("delegated", "对乱倒垃圾的处罚"),
                          ("changed", "对违规排放油烟的处罚"), ("delegated", "对违规停放共享单车的处罚"),
                          ("added", "对无证犬只的处罚")}
    wider = found[("extended", "对占用城市道路摆摊设点的处罚")]
    assert wider.regions == ["东洲街道"]  # a new township …
    assert wider.changes == [FieldChange("scope", "赋权范围（田墘街道）", "部分", "全部")]  # … and 部分 → 全部
    assert found[("taken_back", "对露天焚烧秸秆的处罚")].regions == ["东洲街道"]  # 收回
    assert found[("taken_back", "对违法建设的处罚")].regions == ["遮浪街道"]  # the power is gone
    assert found[("delegated", "对乱倒垃圾的处罚")].regions == ["遮浪街道"]  # first delegation of a listed power
    assert found[("delegated", "对违规停放共享单车的处罚")].regions == ["田墘街道"]  # a new power
    assert found[("changed", "对违规排放油烟的处罚")].changes == [FieldChange("power_type", "职权类型", "行政处罚", "行政强制")]
    assert compared.counts()["powers"] == {"delegated": 2, "extended": 1, "taken_back": 2, "added": 1, "removed": 0,
                                         "changed": 1}


def test_the_reverse_comparison_mirrors_it(adjusted: tuple[Library, int]) -> None:
    lib, version_id = adjusted
    counts = lib.versions.compare(None, version_id).counts()
    assert counts["licence_items"] == {"added": 1, "removed": 1, "changed": 3, "moved": 1}
    assert counts["powers"]["removed"] == 1 and counts["powers"]["taken_back"] == 3  # 乱倒垃圾, 共享单车, 东洲街道


def test_a_list_compared_with_itself_has_no_changes(adjusted: tuple[Library, int]) -> None:
    lib, version_id = adjusted
    result = lib.versions.compare(version_id, version_id)
    assert result.is_empty()
    assert result.to_json()["counts"]["licence_items"] == {"added": 0, "removed": 0, "changed": 0, "moved": 0}


def test_json_document(compared: Comparison) -> None:
    document = json.loads(json.dumps(compared.to_json(), ensure_ascii=False))
    assert (document["old"], document["new"], document["compared"]) == ("2022年版", "当前清单", ["licence", "power"])
    assert {entry["kind"] for entry in document["licence_items"]} == {"added", "removed", "changed", "moved"}
    moved = next(entry for entry in document["licence_items"] if entry["kind"] == "moved")
    assert moved["old_department"] == "汕尾市发展和改革局"


def test_duplicate_codes_fall_back_to_name_and_department() -> None:
    old = ListSnapshot("旧", [LicenceRecord("甲许可", "市甲局", {"code": "X"}), LicenceRecord("乙许可", "市乙局", {"code": "X"})], [])
    new = ListSnapshot("新", [LicenceRecord("乙许可", "市乙局", {"code": "X"}), LicenceRecord("甲许可", "市甲局", {"code": "X"})], [])
    assert compare_snapshots(old, new).is_empty()


def test_only_fields_both_sides_state_are_compared() -> None:
    old = ListSnapshot("库", [LicenceRecord("甲许可", "市甲局", {"remark": "旧备注", "level": "市级"})], [])
    new = ListSnapshot("文件", [LicenceRecord("甲许可", "市甲局", {"level": "县级"})], [],
                       licence_fields=frozenset({"name", "level"}))
    [change] = compare_snapshots(old, new).licences
    assert change.changes == [FieldChange("level", "行使层级", "市级", "县级")]


def test_a_side_without_powers_compares_licences_only() -> None:
    powers = [PowerRecord("对某行为的处罚", "市甲局", {}, [Delegated("田墘街道")])]
    result = compare_snapshots(ListSnapshot("库", [], powers), ListSnapshot("文件", [], None))
    assert result.compared == ("licence",) and result.powers == []


def test_a_powers_sub_items_are_compared_as_its_sub_items(lib: Library) -> None:
    """A 权责清单's sub-items are part of their power, not powers of their own: a renamed sub-item is
    one change of the power, not one power added and one removed."""
    lib.records.create("department", {"name": "克拉玛依市自然资源局"})
    power = lib.records.create("power", {"name": "开采矿产资源审批", "power_type": "行政许可", "department": "克拉玛依市自然资源局",
                                 "handling_office": "矿产资源管理科"})
    sub = lib.records.create("power", {"name": "新设采矿权审批", "parent_id": power})
    lib.records.create("power", {"name": "采矿权延续登记", "parent_id": power})
    version_id = lib.versions.save_version("2024年版")
    lib.records.update("power", sub, {"name": "新设采矿权登记"})
    lib.records.update("power", power, {"handling_office": "矿产资源管理科、各区自然资源分局"})
    result = lib.versions.compare(version_id, None)
    assert [(change.kind, change.name) for change in result.powers] == [("changed", "开采矿产资源审批")]
    assert result.powers[0].changes == [
        FieldChange("handling_office", "承办机构", "矿产资源管理科", "矿产资源管理科、各区自然资源分局"),
        FieldChange("sub_items", "子项", "新设采矿权审批、采矿权延续登记", "新设采矿权登记、采矿权延续登记")]


def test_an_item_without_a_code_renamed_is_one_change_old_to_new(lib: Library) -> None:
    """A clerk renames an item that has no code: 清单调整对照 shows one change, not added + removed;
    a different item of the same department, added while another is dropped, stays added and removed."""
    lib.records.create("department", {"name": "汕尾市公安局"})
    item = {"part": "local", "level": "市级", "department": "汕尾市公安局"}
    renamed = lib.records.create("licence", {**item, "name": "印章刻制业特种行业许可"})
    dropped = lib.records.create("licence", {**item, "name": "公章刻制备案"})
    lib.records.create("licence", {**item, "name": "旅馆业特种行业许可"})
    power = lib.records.create("power", {"name": "对违法建设的处罚", "power_type": "行政处罚", "department": "汕尾市公安局"})
    version_id = lib.versions.save_version("2022年版")

    lib.records.update("licence", renamed, {"name": "印章刻制业特种行业许可（含变更）"})
    lib.records.delete("licence", dropped)
    lib.records.create("licence", {**item, "name": "犬只登记"})
    lib.records.update("power", power, {"name": "对违法建设行为的处罚"})
    result = lib.versions.compare(version_id, None)

    found = by_kind_and_name(result.licences)
    assert set(found) == {("changed", "印章刻制业特种行业许可（含变更）"), ("removed", "公章刻制备案"),
                          ("added", "犬只登记")}
    assert found[("changed", "印章刻制业特种行业许可（含变更）")].changes == [
        FieldChange("name", "事项名称", "印章刻制业特种行业许可", "印章刻制业特种行业许可（含变更）")]
    [power_change] = result.powers
    assert (power_change.kind, power_change.changes) == ("changed", [
        FieldChange("name", "事项名称", "对违法建设的处罚", "对违法建设行为的处罚")])
