"""The report's figures: main items, distinct departments, distinct powers, region descendants."""

from __future__ import annotations

from lawgov_desktop.core.library import Library


def test_stats_shape_and_counting_rules(lib: Library, city: dict[str, int]) -> None:
    stats = lib.stats.compute()
    licence = stats["licence_items"]
    assert licence["total"] == 3  # the sub-item is not an item
    assert licence["parts"]["central"] == {"items": 2, "departments": 2}
    assert licence["parts"]["local"] == {"items": 1, "departments": 1}
    powers = stats["powers"]
    assert powers["total"] == 2
    assert powers["batches"] == {"第一批": 1, "第二批": 1}  # three streets, one power
    regions = powers["regions"]
    assert regions["田墘街道"] == regions["东洲街道"] == regions["遮浪街道"] == 1
    assert regions["红海湾经济开发试验区"] == 1  # a zone counts its streets' powers once
    assert regions["海丰县"] == 1 and regions["汕尾市"] == 2
    assert "城区" not in regions
    assert stats["departments"] == 3 and stats["regions"] == 10


def test_a_taken_back_delegation_no_longer_counts(lib: Library, city: dict[str, int]) -> None:
    lib.records.create("batch", {"name": "第三批"})
    lib.records.create("delegation", {"power_id": city["power"], "region": "遮浪街道", "batch": "第三批",
                              "change_kind": "收回"})
    regions = lib.stats.compute()["powers"]["regions"]
    assert "遮浪街道" not in regions
    assert regions["红海湾经济开发试验区"] == 1 and regions["田墘街道"] == 1


def test_stats_of_an_empty_database(lib: Library) -> None:
    stats = lib.stats.compute()
    assert stats["licence_items"]["total"] == 0
    assert stats["licence_items"]["parts"]["central"] == {"items": 0, "departments": 0}
    assert stats["powers"] == {"total": 0, "sub_items": 0, "delegated": 0, "batches": {}, "regions": {}, "by_type": {},
                               "by_department": {}}
