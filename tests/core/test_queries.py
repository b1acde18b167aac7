"""Filters, sorting, paging and exact totals of the list queries."""

from __future__ import annotations

import pytest

from lawgov_desktop.core.errors import LawGovError
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.queries import ListFilter


def _names(lib: Library, kind: str, flt: ListFilter, **kwargs: object) -> list[str]:
    return [row["name"] for row in lib.lists.query(kind, flt, **kwargs).rows]


def test_licence_facets(lib: Library, city: dict[str, int]) -> None:
    assert _names(lib, "licence", ListFilter(department_ids=(city["scj"],))) == ["食品经营许可"]
    assert _names(lib, "licence", ListFilter(parts=("local",))) == ["民办学校办学许可"]
    assert _names(lib, "licence", ListFilter(levels=("县级",))) == ["食品经营许可", "民办学校办学许可"]
    assert _names(lib, "licence", ListFilter(statuses=("暂停",))) == []
    assert _names(lib, "licence", ListFilter(text="许可", parts=("central",))) == ["食品经营许可"]
    with_subs = _names(lib, "licence", ListFilter(include_sub_items=True))
    assert "企业投资项目核准（外资）" in with_subs and len(with_subs) == 4


def test_power_facets_and_region_descendants(lib: Library, city: dict[str, int]) -> None:
    honghaiwan = lib.records.find_region("红海湾经济开发试验区")
    shanwei = lib.records.find_region("汕尾市")
    assert [r["id"] for r in lib.lists.query("power", ListFilter(region_ids=(honghaiwan,))).rows] == [city["power"]]
    assert lib.lists.query("power", ListFilter(region_ids=(shanwei,))).total == 2
    assert lib.lists.query("power", ListFilter(region_ids=(lib.records.find_region("城区"),))).total == 0
    assert [r["id"] for r in lib.lists.query("power", ListFilter(batch_ids=(city["batch2"],))).rows] == [city["power2"]]
    assert lib.lists.query("power", ListFilter(power_types=("行政处罚",), department_ids=(city["fgj"],))).total == 1
    row = lib.lists.query("power", ListFilter(batch_ids=(city["batch1"],))).rows[0]
    assert row["receiving"] == "田墘街道、东洲街道、遮浪街道" and row["batches"] == "第一批"


def test_sorting_and_paging_with_exact_total(lib: Library, city: dict[str, int]) -> None:
    for n in range(30):
        lib.records.create("licence", {"name": f"测试事项{n:02d}", "department_id": city["hfjy"]})
    flt = ListFilter(department_ids=(city["hfjy"],))
    first = lib.lists.query("licence", flt, sort="name", limit=10)
    second = lib.lists.query("licence", flt, sort="name", offset=10, limit=10)
    assert first.total == second.total == 31
    names = [r["name"] for r in first.rows + second.rows]
    assert names == sorted(names)
    descending = [r["name"] for r in lib.lists.query("licence", flt, sort="name", descending=True, limit=3).rows]
    assert descending == ["民办学校办学许可", "测试事项29", "测试事项28"]  # pinyin: mín after cè
    assert lib.lists.query("licence", flt, offset=1000).rows == []
    with pytest.raises(LawGovError, match="不能按"):
        lib.lists.query("licence", flt, sort="name; DROP TABLE power")


def test_departments_regions_batches_lists(lib: Library, city: dict[str, int]) -> None:
    departments = lib.lists.query("department", ListFilter(text="发改")).rows
    assert [(d["name"], d["licence_count"], d["power_count"]) for d in departments] == \
        [("汕尾市发展和改革局", 1, 1)]
    assert departments[0]["aliases"] == "市发展改革局、市发改局"
    zone = lib.records.find_region("红海湾经济开发试验区")
    assert sorted(r["name"] for r in lib.lists.query("region", ListFilter(region_ids=(zone,))).rows) == \
        ["东洲街道", "田墘街道", "红海湾经济开发试验区", "遮浪街道"]
    assert [(b["name"], b["power_count"]) for b in lib.lists.query("batch").rows] == [("第一批", 1), ("第二批", 1)]
    tree = lib.records.region_tree()
    assert tree[0]["name"] == "汕尾市"
    zone_node = next(c for c in tree[0]["children"] if c["name"] == "红海湾经济开发试验区")
    assert [c["name"] for c in zone_node["children"]] == ["田墘街道", "东洲街道", "遮浪街道"]


def test_filter_json_round_trip() -> None:
    flt = ListFilter(text="市场", region_ids=(3, 4), include_sub_items=True)
    assert ListFilter.from_json(flt.to_json()) == flt
    assert ListFilter().is_empty() and not flt.is_empty()
