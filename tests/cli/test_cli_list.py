"""``lawgov list``: filters, paging, sorting, fields, JSON and the text table."""

from __future__ import annotations

import json

import pytest

from lawgov_desktop.cli import cmd_list
from lawgov_desktop.core.collation import sort_key


def names(result) -> list[str]:
    """The row names of a ``--json`` list."""
    assert result.code == 0, result.err
    return [row["name"] for row in json.loads(result.out)["rows"]]


def test_list_items_text_table_and_count_line(lawgov) -> None:
    result = lawgov("list", "items")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0].split() == ["编号", "部分", "主管部门", "事项名称", "子项数", "行使层级", "状态"]
    assert lines[-1] == "显示 4 项 / 共 4 项"
    assert any("企业投资项目核准" in line and "汕尾市发展和改革局" in line for line in lines)
    assert not any("（新建）" in line for line in lines)  # sub-items are not items


@pytest.mark.parametrize(("term", "expected"), [
    ("核", ["企业投资项目核准"]),
    ("食品", ["食品生产许可"]),
    ("特种设备", ["特种设备安装改造维修许可"]),
    ("许可", ["食品生产许可", "特种设备安装改造维修许可", "建设用地规划许可"]),
    ("没有这个词", []),
])
def test_search_finds_one_two_and_longer_chinese_terms(lawgov, term: str, expected: list[str]) -> None:
    assert names(lawgov("list", "items", "--search", term, "--json")) == expected


def test_department_filter_resolves_aliases(lawgov) -> None:
    by_alias = names(lawgov("list", "items", "--department", "市市场监管局", "--json"))
    by_name = names(lawgov("list", "items", "--department", "汕尾市市场监督管理局", "--json"))
    assert by_alias == by_name == ["食品生产许可", "特种设备安装改造维修许可"]
    both = names(lawgov("list", "items", "--department", "市发改局", "--department", "市自然资源局", "--json"))
    assert both == ["企业投资项目核准", "建设用地规划许可"]


def test_unknown_department_is_a_clear_error(lawgov) -> None:
    result = lawgov("list", "items", "--department", "市不存在局")
    assert result.code == 1 and result.out == ""
    assert result.err.strip() == "错误：未找到部门“市不存在局”，请检查名称或简称。"


@pytest.mark.parametrize("part", ["local", "地方性法规、省政府规章设定", "地方设定"])
def test_part_filter_accepts_keys_and_chinese_names(lawgov, part: str) -> None:
    assert names(lawgov("list", "items", "--part", part, "--json")) == ["建设用地规划许可"]


def test_unknown_part_is_a_usage_error(lawgov) -> None:
    result = lawgov("list", "items", "--part", "火星")
    assert result.code == 2 and "火星" in result.err and "central" in result.err


def test_level_status_and_sub_item_filters(lawgov) -> None:
    assert names(lawgov("list", "items", "--level", "省级", "--json")) == ["特种设备安装改造维修许可"]
    assert names(lawgov("list", "items", "--status", "已取消", "--json")) == []
    with_subs = names(lawgov("list", "items", "--sub-items", "--search", "企业投资", "--json"))
    assert sorted(with_subs) == ["企业投资项目核准", "企业投资项目核准（变更）", "企业投资项目核准（新建）"]


def test_region_filter_includes_everything_under_the_region(lawgov) -> None:
    power = "对未取得食品经营许可从事食品经营活动的处罚"
    assert names(lawgov("list", "powers", "--region", "红海湾经济开发试验区", "--json")) == [power]
    assert names(lawgov("list", "powers", "--region", "红海湾", "--json")) == [power]  # an alias
    assert names(lawgov("list", "powers", "--region", "田墘街道", "--json")) == [power]
    assert names(lawgov("list", "powers", "--region", "城区", "--json")) == ["对违法占用土地的行政检查"]
    assert len(names(lawgov("list", "powers", "--region", "汕尾市", "--json"))) == 2
    assert names(lawgov("list", "powers", "--region", "海丰县", "--json")) == []


def test_batch_and_power_type_filters(lawgov) -> None:
    assert names(lawgov("list", "powers", "--batch", "第二批", "--json")) == ["对违法占用土地的行政检查"]
    assert names(lawgov("list", "powers", "--type", "行政处罚", "--json")) == [
        "对未取得食品经营许可从事食品经营活动的处罚", "对价格违法行为的处罚"]
    result = lawgov("list", "powers", "--batch", "第九批")
    assert result.code == 1 and "第九批" in result.err


def test_a_filter_that_does_not_apply_is_refused(lawgov) -> None:
    result = lawgov("list", "departments", "--part", "central")
    assert result.code == 2
    assert "--part" in result.err and "departments" in result.err


def test_power_rows_show_receiving_streets_once_per_power(lawgov) -> None:
    rows = json.loads(lawgov("list", "powers", "--json").out)["rows"]
    assert rows[0]["receiving"] == "田墘街道、东洲街道、遮浪街道"
    assert rows[0]["batches"] == "第一批"
    result = lawgov("list", "powers")
    assert "田墘街道、东洲街道、遮浪街道" in result.out and result.out.splitlines()[-1] == "显示 3 项 / 共 3 项"


def test_paging_with_limit_and_offset_keeps_the_total(lawgov) -> None:
    page = json.loads(lawgov("list", "items", "--limit", "2", "--offset", "1", "--json").out)
    assert page["total"] == 4
    assert [row["name"] for row in page["rows"]] == ["食品生产许可", "特种设备安装改造维修许可"]
    text = lawgov("list", "items", "--limit", "2")
    assert text.out.splitlines()[-1] == "显示 2 项 / 共 4 项"


def test_limit_zero_reads_every_page(lawgov, monkeypatch) -> None:
    monkeypatch.setattr(cmd_list, "CHUNK_SIZE", 1)
    calls = []
    monkeypatch.setattr(cmd_list.ProgressBar, "report", lambda self, done, total, text: calls.append((done, total)))
    page = json.loads(lawgov("list", "items", "--limit", "0", "--offset", "1", "--json").out)
    assert page["total"] == 4 and len(page["rows"]) == 3
    assert calls == [(1, 3), (2, 3), (3, 3)]
    everything = lawgov("list", "regions", "--limit", "0")
    assert everything.out.splitlines()[-1] == "显示 11 项 / 共 11 项"


def test_negative_limit_is_a_usage_error(lawgov) -> None:
    assert lawgov("list", "items", "--limit", "-1").code == 2


def test_sort_and_descending(lawgov) -> None:
    ascending = names(lawgov("list", "items", "--sort", "name", "--json"))
    descending = names(lawgov("list", "items", "--sort", "name", "--desc", "--json"))
    assert ascending == sorted(ascending, key=sort_key) and descending == ascending[::-1]  # pinyin order
    assert ascending != sorted(ascending)  # not code point order: 建 jiàn before 企 qǐ, 食 shí before 特 tè
    result = lawgov("list", "items", "--sort", "颜色")
    assert result.code == 1 and "颜色" in result.err


def test_fields_choose_columns_in_text_and_json(lawgov) -> None:
    page = json.loads(lawgov("list", "departments", "--fields", "name,aliases", "--json").out)
    assert page["rows"][0] == {"name": "汕尾市发展和改革局", "aliases": "市发展改革局、市发改局"}
    text = lawgov("list", "departments", "--fields", "name,licence_count")
    assert text.out.splitlines()[0].split() == ["部门名称", "许可事项数"]
    unknown = lawgov("list", "departments", "--fields", "name,colour")
    assert unknown.code == 2 and "colour" in unknown.err and "aliases" in unknown.err


def test_json_rows_carry_every_column_by_default(lawgov) -> None:
    document = json.loads(lawgov("list", "items", "--json").out)
    assert set(document) == {"total", "rows"}
    first = document["rows"][0]
    assert first["part"] == "central" and first["sub_item_count"] == 2 and first["code"] == "L001"


def test_other_lists(lawgov) -> None:
    batches = json.loads(lawgov("list", "batches", "--json").out)["rows"]
    assert [(row["name"], row["power_count"]) for row in batches] == [("第一批", 1), ("第二批", 1)]
    assert lawgov("list", "imports").out.splitlines()[-1] == "显示 0 项 / 共 0 项"
    departments = names(lawgov("list", "departments", "--search", "监管", "--json"))
    assert departments == ["汕尾市市场监督管理局"]
    streets = names(lawgov("list", "regions", "--region", "红海湾经济开发试验区", "--json"))
    assert streets == ["红海湾经济开发试验区", "田墘街道", "东洲街道", "遮浪街道"]


def test_region_tree_text_and_json(lawgov) -> None:
    lines = lawgov("list", "regions", "--tree").out.splitlines()
    assert lines[0].startswith("汕尾市 441500")
    zone = next(i for i, line in enumerate(lines) if "红海湾经济开发试验区" in line)
    assert lines[zone].startswith("├─ ")
    assert lines[zone + 1].startswith("│  ├─ 田墘街道") and lines[zone + 3].startswith("│  └─ 遮浪街道")
    assert lines[-1].startswith("└─ 华侨管理区")
    tree = json.loads(lawgov("list", "regions", "--tree", "--json").out)
    assert tree[0]["name"] == "汕尾市"
    assert [child["name"] for child in tree[0]["children"]][:2] == ["城区", "海丰县"]
    assert lawgov("list", "items", "--tree").code == 2
