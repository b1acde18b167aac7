"""A power's 权责清单 fields, extra columns and sub-items on the command line: add, edit, show, list."""

from __future__ import annotations

import json


def _id(result) -> int:  # noqa: ANN001
    assert result.code == 0, result.err
    return int(result.out.strip())


def test_add_shows_the_fields_each_extra_column_under_its_header_and_the_sub_items(lawgov) -> None:  # noqa: ANN001
    power = _id(lawgov("add", "power", "--name", "河道采砂许可", "--department", "市市场监管局", "--duties", "受理、审查",
                       "--accountability-cases", "不予受理的", "--extra", '{"救助渠道": "12345", "诉求渠道": "信访"}'))
    sub = _id(lawgov("add", "power", "--name", "河道采砂许可（新办）", "--parent-id", str(power), "--handling-office", "审批科"))
    out = lawgov("show", "power", str(power)).out
    lines = [line.split() for line in out.splitlines()]
    for pair in (["部门职责", "受理、审查"], ["追责情形", "不予受理的"], ["救助渠道", "12345"], ["诉求渠道", "信访"]):
        assert pair in lines, pair
    assert "子项（1）" in out
    assert "河道采砂许可（新办）" in out and "审批科" in out and "extra" not in out
    shown = lawgov("show", "power", str(sub)).out
    assert ["所属主项", "河道采砂许可（编号", f"{power}）"] in [line.split() for line in shown.splitlines()] and "汕尾市市场监督管理局" in shown
    record = json.loads(lawgov("show", "power", str(power), "--json").out)
    assert record["extra"] == {"救助渠道": "12345", "诉求渠道": "信访"}


def test_edit_names_the_extra_columns_and_the_main_item(lawgov) -> None:  # noqa: ANN001
    power = _id(lawgov("add", "power", "--name", "河道采砂许可", "--department", "市市场监管局",
                       "--extra", '{"救助渠道": "12345"}'))
    sub = _id(lawgov("add", "power", "--name", "新办", "--parent-id", str(power)))
    result = lawgov("edit", "power", str(power), "--extra", '{"救助渠道": "信访"}', "--level-scope", "本级")
    assert result.code == 0, result.err
    assert "其他列：救助渠道：12345 → 救助渠道：信访" in result.out and "实施权限：（空） → 本级" in result.out
    other = _id(lawgov("add", "power", "--name", "河道疏浚许可", "--department", "市市场监管局"))
    moved = lawgov("edit", "power", str(sub), "--parent-id", str(other))
    assert moved.out.strip() == "所属主项：河道采砂许可 → 河道疏浚许可"
    wrong = lawgov("edit", "power", str(power), "--extra", "[1]")
    assert wrong.code != 0 and "其他列" in wrong.err


def test_list_shows_main_powers_unless_sub_items_are_asked_for(lawgov) -> None:  # noqa: ANN001
    power = _id(lawgov("add", "power", "--name", "河道采砂许可", "--department", "市市场监管局"))
    lawgov("add", "power", "--name", "河道采砂许可（新办）", "--parent-id", str(power))
    rows = json.loads(lawgov("list", "powers", "--search", "河道采砂许可", "--json").out)["rows"]
    assert [(row["name"], row["sub_item_count"]) for row in rows] == [("河道采砂许可", 1)]
    everything = json.loads(lawgov("list", "powers", "--search", "新办", "--sub-items", "--json").out)["rows"]
    assert sorted(row["name"] for row in everything) == ["河道采砂许可", "河道采砂许可（新办）"]
