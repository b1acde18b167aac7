"""``lawgov version``, ``diff``, ``reference``, ``check`` and the new ``stats`` options."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
from pypdf import PdfReader


def test_versions_are_saved_listed_and_deleted(lawgov) -> None:
    result = lawgov("version", "save", "2022年版", "--remark", "年度调整前")
    assert result.code == 0, result.err
    assert result.out == "已保存版本“2022年版”：许可事项 4 项（子项 2 项），执法事项 3 项。\n"
    [version] = json.loads(lawgov("version", "list", "--json").out)
    assert (version["name"], version["remark"], version["licence_items"], version["delegations"]) == (
        "2022年版", "年度调整前", 4, 4)
    assert "2022年版" in lawgov("version", "list").out
    assert lawgov("version", "save", "2022年版").code == 2  # the name is taken
    refused = lawgov("version", "delete", "2022年版")
    assert refused.code == 2 and "--yes" in refused.err
    assert lawgov("version", "delete", "2022年版", "--yes").out == "已删除清单版本“2022年版”。\n"
    missing = lawgov("version", "delete", "2022年版", "--yes")
    assert missing.code == 1 and "尚未保存任何版本" in missing.err


def test_stats_of_a_version_summary_and_export(lawgov, tmp_path: Path) -> None:
    lawgov("version", "save", "2022年版")
    lawgov("add", "item", "--name", "新增许可", "--department", "市发改局", "--part", "central")
    assert json.loads(lawgov("stats", "--json", "--of", "2022年版").out)["licence_items"]["total"] == 4
    document = json.loads(lawgov("stats", "--json").out)
    assert document["licence_items"]["total"] == 5
    assert {"licence_items", "powers", "departments", "regions", "breakdowns"} <= set(document)
    summary = lawgov("stats", "--summary").out
    assert summary.startswith("我市实施的中央层面设定的行政许可4项，涉及市发改局等2个部门；")
    assert "其中1项调整由红海湾代管街道实施。" in summary
    assert lawgov("stats", "--export", str(tmp_path / "统计.xlsx")).code == 0
    assert "许可事项按部分" in openpyxl.load_workbook(tmp_path / "统计.xlsx").sheetnames
    assert lawgov("stats", "--export", str(tmp_path / "统计.pdf"), "--summary").code == 0
    assert len(PdfReader(str(tmp_path / "统计.pdf")).pages) == 1
    assert lawgov("stats", "--export", str(tmp_path / "统计.txt")).code == 2


def test_diff_of_a_version_and_the_working_list(lawgov, tmp_path: Path) -> None:
    lawgov("version", "save", "2022年版")
    lawgov("add", "item", "--name", "新增许可", "--department", "市发改局", "--part", "central")
    lawgov("add", "delegation", "--power", "P003", "--region", "田墘街道", "--batch", "第二批")
    document = json.loads(lawgov("diff", "2022年版", "current", "--json").out)
    assert document["counts"]["licence_items"] == {"added": 1, "removed": 0, "changed": 0, "moved": 0}
    assert document["counts"]["powers"]["delegated"] == 1
    [added] = document["licence_items"]
    assert (added["kind"], added["name"], added["department"]) == ("added", "新增许可", "汕尾市发展和改革局")
    text = lawgov("diff", "2022年版", "current", "-o", str(tmp_path / "对照表.xlsx")).out
    assert "[新增事项] 新增许可（汕尾市发展和改革局）" in text and "[新增下放] 对价格违法行为的处罚" in text
    assert openpyxl.load_workbook(tmp_path / "对照表.xlsx")["许可事项调整"]["C2"].value == "新增许可"
    assert lawgov("diff", "2022年版", "current", "-o", str(tmp_path / "对照表.pdf")).code == 0
    assert (tmp_path / "对照表.pdf").stat().st_size > 0
    unknown = lawgov("diff", "2021年版", "current")
    assert unknown.code == 1 and "已保存的版本：2022年版" in unknown.err


def test_diff_of_a_workbook_before_importing_it(lawgov, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["主管部门", "事项名称", "行使层级"], ["市发改局", "企业投资项目核准", "县级"],
                ["市市场监管局", "食品生产许可", "市级"], ["市市场监管局", "特种设备安装改造维修许可", "省级"],
                ["市自然资源局", "建设用地规划许可", "市级"], ["市自然资源局", "采矿许可", "市级"]):
        sheet.append(row)
    book.save(tmp_path / "county.xlsx")
    document = json.loads(lawgov("diff", "current", str(tmp_path / "county.xlsx"), "--json").out)
    assert document["compared"] == ["licence"]
    assert document["counts"]["licence_items"] == {"added": 1, "removed": 0, "changed": 1, "moved": 0}
    assert json.loads(lawgov("stats", "--json").out)["licence_items"]["total"] == 4  # nothing imported


def test_reference_import_and_check(lawgov, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    for row in (["序号", "省级主管部门", "事项名称"], [1, "省发展改革委", "企业投资项目核准"],
                [2, "省市场监管局", "食品生产许可"], [3, "省自然资源厅", "特种设备安装改造维修许可"],
                [4, "省交通运输厅", "道路运输经营许可"]):
        book.active.append(row)
    book.save(tmp_path / "province.xlsx")
    result = lawgov("reference", "import", str(tmp_path / "province.xlsx"), "--name", "广东省2022年版")
    assert result.code == 0, result.err
    assert result.out.startswith("已导入上级清单“广东省2022年版”：4 项事项。")
    assert json.loads(lawgov("reference", "list", "--json").out)[0]["items"] == 4
    document = json.loads(lawgov("check", "--reference", "广东省2022年版", "--json").out)
    assert document["counts"] == {"unmatched": 1, "missing": 1, "department_differences": 1,
                                  "authority_differences": 0, "basis_differences": 0, "beyond_upper": 0}
    assert document["unmatched"][0]["name"] == "建设用地规划许可"
    assert document["missing"][0]["name"] == "道路运输经营许可"
    assert document["department_differences"][0]["upper_department"] == "省自然资源厅"
    text = lawgov("check", "--reference", "广东省2022年版").out
    assert "名称与上级清单不一致 1 项，上级清单有而本清单没有 1 项，主管部门可能不一致 1 项。" in text
    assert lawgov("check", "--reference", "国家清单").code == 1
    assert lawgov("reference", "delete", "广东省2022年版").code == 0
