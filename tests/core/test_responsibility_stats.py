"""What a department's 权责清单 states of its size: main items per power type in the standard order,
types with no power left out, sub-items counted apart ("共N项，其中行政许可a项…（另有子项M项）")."""

from __future__ import annotations

from pathlib import Path

import pytest

from lawgov_desktop.core.fields import POWER_TYPES
from lawgov_desktop.core.library import Library
from lawgov_desktop.core.stats import responsibility_summary
from lawgov_desktop.core.summary import responsibility_lines
from lawgov_desktop.importers.plan import import_file

REAL = (Path(__file__).resolve().parents[3] / "shared" / "real-lists" / "karamay"
        / "克拉玛依市住房和城乡建设局2024年权责清单.xls")
# Created in the order a workbook may list them, which is not the standard order.
POWERS = (("对违法建设的处罚", "行政处罚"), ("档案移交接收", "其他行政权力"), ("建筑工程施工许可", "行政许可"),
          ("对建筑市场的监督检查", "行政检查"), ("对未取得施工许可证擅自施工的处罚", "行政处罚"))


@pytest.fixture
def lists(lib: Library) -> Library:
    lib.records.create("department", {"name": "市住房和城乡建设局", "aliases": "市住建局"})
    lib.records.create("department", {"name": "市档案局"})
    for name, power_type in POWERS:
        power = lib.records.create("power", {"department": "市住房和城乡建设局", "name": name, "power_type": power_type})
        if power_type == "行政许可":
            for sub in ("建筑工程施工许可证核发", "建筑工程施工许可证变更"):
                lib.records.create("power", {"parent_id": power, "name": sub})
    lib.records.create("power", {"department": "市档案局", "name": "对损毁档案的处罚", "power_type": "行政处罚"})
    return lib


def test_types_follow_the_standard_order_and_sub_items_are_counted_apart(lists: Library) -> None:
    powers = lists.stats.compute()["powers"]
    assert list(powers["by_type"].items()) == [("行政许可", 1), ("行政处罚", 3), ("行政检查", 1), ("其他行政权力", 1)]
    assert (powers["total"], powers["sub_items"]) == (6, 2)
    housing, archives = lists.stats.compute()["breakdowns"]["power_departments"]
    assert (housing["name"], housing["powers"], housing["sub_items"]) == ("市住房和城乡建设局", 5, 2)
    assert list(housing["types"].items()) == [("行政许可", 1), ("行政处罚", 2), ("行政检查", 1), ("其他行政权力", 1)]
    assert housing["summary"] == "共5项，其中行政许可1项、行政处罚2项、行政检查1项、其他行政权力1项（另有子项2项）"
    assert archives["summary"] == "共1项，其中行政处罚1项"  # no sub-items: nothing said of them
    assert responsibility_lines(lists.stats.compute()) == [
        "市住房和城乡建设局权责清单共5项，其中行政许可1项、行政处罚2项、行政检查1项、其他行政权力1项（另有子项2项）。",
        "市档案局权责清单共1项，其中行政处罚1项。"]


def test_a_saved_version_keeps_its_own_figures(lists: Library) -> None:
    version = lists.versions.save_version("2024年版")
    rows = lists.lists.query("power", limit=10).rows
    lists.records.delete("power", next(row["id"] for row in rows if row["power_type"] == "行政许可"))
    assert lists.stats.compute()["breakdowns"]["power_departments"][0]["summary"] == (
        "共4项，其中行政处罚2项、行政检查1项、其他行政权力1项")  # the licence went with its sub-items
    saved = lists.stats.compute(version)["breakdowns"]["power_departments"][0]["summary"]
    assert saved == "共5项，其中行政许可1项、行政处罚2项、行政检查1项、其他行政权力1项（另有子项2项）"


def test_the_sentence_lists_every_standard_type_in_order_then_others_and_the_untyped() -> None:
    every = {kind: number for number, kind in enumerate(POWER_TYPES, start=1)}
    assert responsibility_summary(every, 0) == "共55项，其中" + "、".join(f"{k}{n}项" for k, n in every.items())
    assert responsibility_summary({"行政许可": 2, "行政处罚": 0, "行政监督": 1, "未填": 3}, 4) == (
        "共6项，其中行政许可2项、行政监督1项、未填类型3项（另有子项4项）")
    assert responsibility_summary({}, 0) == "共0项"


def test_an_untyped_power_and_an_unknown_type_come_after_the_ten(lib: Library) -> None:
    lib.records.create("department", {"name": "市档案局"})
    for name, power_type in (("甲", None), ("乙", "行政监督"), ("丙", "其他行政权力"), ("丁", "行政许可")):
        lib.records.create("power", {"department": "市档案局", "name": name, "power_type": power_type})
    assert list(lib.stats.compute()["powers"]["by_type"]) == ["行政许可", "其他行政权力", "行政监督", "未填"]


@pytest.mark.skipif(not REAL.exists(), reason="the Karamay 权责清单 are not on this machine")
def test_a_published_list_states_its_size_as_counted_by_hand(lib: Library) -> None:
    """住建局's 2024 权责清单: 323 items (17 licences, 280 penalties, 14 inspections, 12 others) and
    8 sub-items, counted from its sheets."""
    import_file(lib, REAL)
    [line] = responsibility_lines(lib.stats.compute())
    assert line == ("克拉玛依市住房和城乡建设局权责清单共323项，其中行政许可17项、行政处罚280项、行政检查14项、"
                    "其他行政权力12项（另有子项8项）。")
