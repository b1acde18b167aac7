"""``lawgov laws list|show|import|edit|affected`` and ``lawgov check --citations``."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from lawgov_desktop.core.library import Library

Runner = Callable[..., Any]  # the run_cli fixture of tests/cli/conftest.py
NATIONAL = Path(__file__).resolve().parents[3] / "shared" / "real-lists" / "laws" / "national-laws.csv"


@pytest.fixture
def lawgov(run_cli: Runner, sample_db: Path) -> Runner:
    """The sample database with legal bases: the food safety law cited by two departments, a typo."""
    with Library(sample_db, user="测试员") as library:
        library.records.update("licence", 4, {"legal_basis": "【法律】《中华人民共和国食品安全法》（2015年4月24日修订）\n"
                                                             "第三十五条第一款：国家对食品生产经营实行许可制度。"})
        library.records.update("power", 1, {"legal_basis": "《食品安全法》第一百二十二条"})
        library.records.update("power", 2, {"legal_basis": "参照省有关文件执行\n"
                                                           "【法律】《中华人民共和国土地管理法》第六十七条\n"
                                                           "【法律】《中华人民共和国行政许可发》第六十一条"})

    def run(*args: str) -> Any:
        return run_cli(*args, db=sample_db)

    return run


def test_affected_lists_the_records_by_department_and_exports(lawgov: Runner, tmp_path: Path) -> None:
    result = lawgov("laws", "affected", "食品安全法")
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        "引用《中华人民共和国食品安全法》的事项：许可事项 1 项，执法事项 1 项，涉及 1 个部门。",
        "汕尾市市场监督管理局（2 项）：",
        "  [许可事项] 食品生产许可：第三十五条第一款",
        "  [执法事项] 对未取得食品经营许可从事食品经营活动的处罚：第一百二十二条",
    ]
    narrowed = json.loads(lawgov("laws", "affected", "《中华人民共和国食品安全法》", "--article", "第三十五条",
                                 "--json").out)
    assert (narrowed["licence_items"], narrowed["powers"], narrowed["article"]) == (1, 0, "第三十五条")
    workbook, pdf = tmp_path / "受影响.xlsx", tmp_path / "受影响.pdf"
    exported = lawgov("laws", "affected", "食品安全法", "--xlsx", str(workbook), "--pdf", str(pdf))
    assert exported.code == 0, exported.err
    assert f"已导出：{workbook}" in exported.out and pdf.exists()
    assert load_workbook(workbook)["受影响事项"]["D2"].value == "食品生产许可"


def test_errors_are_chinese_on_stderr_with_a_non_zero_exit(lawgov: Runner, tmp_path: Path) -> None:
    missing = lawgov("laws", "affected", "中华人民共和国不存在法")
    assert missing.code == 1 and missing.out == "" and "法律法规库中没有“中华人民共和国不存在法”" in missing.err
    article = lawgov("laws", "affected", "食品安全法", "--article", "前言")
    assert article.code == 2 and "无法识别的条款“前言”" in article.err
    wrong_type = lawgov("laws", "affected", "食品安全法", "--xlsx", str(tmp_path / "x.csv"))
    assert wrong_type.code == 2 and "只能导出为 .xlsx" in wrong_type.err
    nothing = lawgov("laws", "edit", "食品安全法")
    assert nothing.code == 2 and "请至少指定一项" in nothing.err
    status = lawgov("laws", "edit", "食品安全法", "--status", "还行")
    assert status.code == 2 and "无法识别的时效性“还行”" in status.err
    not_a_catalogue = lawgov("laws", "import", str(tmp_path / "无.xlsx"))
    assert not_a_catalogue.code == 1 and "错误：" in not_a_catalogue.err


def test_import_edit_list_and_show(lawgov: Runner) -> None:
    imported = lawgov("laws", "import", str(NATIONAL))
    assert imported.code == 0, imported.err
    assert imported.out.splitlines()[0] == "已导入法律法规目录：新增 995 部，更新 2 部，合并清单中的其他写法 0 处。"
    assert imported.out.splitlines()[1] == "清单引用 4 处，其中 3 处对应目录中的法律法规。"
    edited = lawgov("laws", "edit", "食品安全法", "--status", "已被修改", "--short-titles", "食安法")
    assert edited.code == 0 and edited.out == "已修改《食品安全法》：时效性 已被修改，简称 食安法。\n"
    listed = json.loads(lawgov("laws", "list", "--status", "已被修改", "--json").out)
    assert [(law["title"], law["cited_by"]) for law in listed] == [("食品安全法", 2)]
    table = lawgov("laws", "list", "--search", "食品安全")
    assert "食品安全法" in table.out and "已被修改" in table.out
    shown = lawgov("laws", "show", "食安法")
    assert shown.out.splitlines()[:3] == ["《食品安全法》（编号 1）", "  时效性：已被修改", "  效力级别：法律"]
    assert "  引用它的事项：2 项（lawgov laws affected 1 列出）" in shown.out


def test_check_citations_lists_marked_records_unknown_titles_and_unparsed_text(lawgov: Runner) -> None:
    assert lawgov("laws", "import", str(NATIONAL)).code == 0
    assert lawgov("laws", "edit", "土地管理法", "--status", "已废止").code == 0
    result = lawgov("check", "--citations")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0] == ("引用核对：2 项事项引用的法律法规已废止、已修改或尚未生效；1 部引用的法律法规不在法律法规目录中；"
                        "1 处依据文字未能识别。")
    # the catalogue's 食品安全法 is the 2021 edition: the licence cites the 2015 one
    assert "  [许可事项] 食品生产许可（汕尾市市场监督管理局）：引用的版本早于最新修改（引用2015年版本，最新2021年）：《食品安全法》" in lines
    assert "  [执法事项] 对违法占用土地的行政检查（汕尾市自然资源局）：引用已废止的法律法规：《土地管理法》" in lines
    assert any(line.startswith("  《中华人民共和国行政许可发》（1 项）；相近：行政许可法") for line in lines)
    assert "  [执法事项] 对违法占用土地的行政检查：参照省有关文件执行" in lines
    document = json.loads(lawgov("check", "--citations", "--json").out)
    assert {(entry["name"], entry["department"]) for entry in document["marked"]} == {
        ("食品生产许可", "汕尾市市场监督管理局"), ("对违法占用土地的行政检查", "汕尾市自然资源局")}
    refused = lawgov("check", "--citations", "--export", "x.xlsx")
    assert refused.code == 2 and "引用核对不能导出" in refused.err
