"""``lawgov stats``: the JSON document of ``library.stats.compute()`` and the report-style summary."""

from __future__ import annotations

import json


def stats(lawgov) -> dict:
    result = lawgov("stats", "--json")
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_stats_json_has_the_required_shape(lawgov) -> None:
    document = stats(lawgov)
    assert set(document) >= {"licence_items", "powers", "departments", "regions"}
    assert document["licence_items"]["total"] == 4  # main items only: two sub-items do not count
    assert document["licence_items"]["parts"]["central"] == {"items": 3, "departments": 2}
    assert document["licence_items"]["parts"]["local"] == {"items": 1, "departments": 1}
    assert document["departments"] == 3 and document["regions"] == 11


def test_a_power_delegated_to_three_streets_counts_once(lawgov) -> None:
    powers = stats(lawgov)["powers"]
    assert powers["total"] == 3
    assert powers["batches"] == {"第一批": 1, "第二批": 1}
    regions = powers["regions"]
    assert regions["红海湾经济开发试验区"] == 1
    assert regions["田墘街道"] == regions["东洲街道"] == regions["遮浪街道"] == 1
    assert regions["城区"] == 1 and regions["香洲街道"] == 1
    assert regions["汕尾市"] == 2  # both delegated powers are under the city
    assert "海丰县" not in regions


def test_stats_json_is_exactly_the_library_document(lawgov, sample_db) -> None:
    from lawgov_desktop.core.library import Library

    with Library(sample_db) as library:
        assert stats(lawgov) == library.stats.compute()


def test_stats_follow_changes(lawgov) -> None:
    lawgov("add", "delegation", "--power", "P003", "--region", "田墘街道", "--batch", "第一批")
    powers = stats(lawgov)["powers"]
    assert powers["batches"]["第一批"] == 2 and powers["regions"]["红海湾经济开发试验区"] == 2
    assert powers["total"] == 3


def test_stats_text_reads_like_the_report(lawgov) -> None:
    lines = lawgov("stats").out.splitlines()
    assert "  中央层面设定的行政许可事项 3 项，涉及 2 个部门；" in lines
    assert "  地方性法规、省政府规章设定的行政许可事项 1 项，涉及 1 个部门。" in lines
    assert "赋权执法事项共 3 项，其中已下放到镇街 2 项。" in lines
    assert "  按批次：第一批 1 项；第二批 1 项。" in lines
    assert "    红海湾经济开发试验区 1 项" in lines
    assert lines[-1] == "部门 3 个，行政区划 11 个。"


def test_stats_of_an_empty_database(run_cli, blank_db) -> None:
    lines = run_cli("stats", db=blank_db).out.splitlines()
    assert lines[0] == "行政许可事项共 0 项（另有子项 0 项），涉及 0 个部门："
    assert "赋权执法事项共 0 项，其中已下放到镇街 0 项。" in lines
    assert not any("按批次" in line for line in lines)
